"""Text → numeric claims.  ``extract(text)`` is pure, linear in the text, and never raises.

Two compiled scanners find number cores in one pass each: digits on the text, number words
on its lower-cased copy.  Each core is then widened by what stands next to it (a currency
sign, a scale word, a unit, a qualifier such as "about") or dropped when its context says
it is not a claim (a date, a year, a time, an ordinal, a name or code, a phone number, a
URL, list numbering).  Neighbouring cores joined by "to", "-" or "between … and" become one
range.  Context before a core is read by matching reversed patterns against the reversed
few dozen characters before it, so no step looks further than a sentence.  The interval
each qualifier asserts is tabulated in ``docs/intervals.md``.
"""
from __future__ import annotations

import math
import re

from factcheck import numbers as N
from factcheck import qualifiers as Q
from factcheck.lexicon import (CAPITAL_OK, IDENTIFIER_WORDS, METRE_CONTEXT, MONTHS, MONTHS_CAPITAL_ONLY,
                               STOP, YEAR_BEFORE)
from factcheck.models import Claim
from factcheck.sentences import Sentences
from factcheck.units import (CURRENCY_CODES, CURRENCY_SYMBOLS, CURRENCY_WORDS, DURATIONS, PERCENT_WORDS,
                             SUBUNITS, UNIT_SURFACES, alternation, canonical)

_SEP = "\u00a0\u2009\u202f"
_FRACTION_CHARS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_DIGITS = re.compile(
    r"(?=[\d." + _FRACTION_CHARS + r"])(?:(?<![\w.,:/#@'’×⁄±^])|(?<=USD|GBP|EUR|JPY|AUD|CAD|INR|CNY|CHF|HKD|MYR|SGD|NZD|\$US)|(?<=RM|Rs|\$A))"
    r"(?:(?P<whole>\d{1,3}(?:,\d{3})+(?!\d)|\d{1,2}(?:,\d{2})+,\d{3}(?!\d)|\d{1,3}(?:[ " + _SEP + r"]\d{3})+(?![\d,]?\d)|\d+)"
    r"(?P<dec>\.\d+)?|(?P<bare>\.\d+)|(?P<tint>\d{1,3}) \. (?P<tdec>\d{1,4})(?=[ \u00a0]?(?:%|percent|per cent|million|billion)))"
    r"(?:[eE](?P<exp>[+-]?\d{1,3})(?![\w.])|[ ]?[x×][ ]?10(?:\^(?P<exp2>[+−-]?\d{1,3})|(?P<exp3>[−-]\d{1,3})|(?P<exp4>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))(?![\d.]))?"
    r"(?:(?P<sp>[ " + _SEP + r"]{0,2})(?P<frac>\d{1,2}/\d{1,3}(?![\d/])|[" + _FRACTION_CHARS + r"]))?|(?P<alone>[" + _FRACTION_CHARS + r"])")


_WORD_LIST = [*N.CARDINALS, "hundred", *N.SCALES, "dozen", *N.DENOMINATORS, *N.VAGUE]
_W = alternation(_WORD_LIST) + "(?![a-z])"
_JOIN = r"(?:[ \t]*-[ \t]*|[ \t]+(?:and[ \t]+)?(?:an?[ \t]+)?)"
_WORDS = re.compile(r"(?<![a-z'’])" + _W + "(?:" + _JOIN + _W + ")*")
_WORDS_ANYCASE = re.compile(_WORDS.pattern, re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z]+")

_SCALE = re.compile(r"([ \u00a0]?-?[ \u00a0]?)(million|billion|trillion|thousand|hundred|lakh|crore|dozens?|"
                    r"Million|Billion|Trillion|Thousand|MILLION|BILLION)(?![A-Za-z])|"
                    r"([ \u00a0]?)(bn|mn|mln|bln|tn|tln|mil|MM)(?![A-Za-z])|(m|M|k|K|b|B|T)(?![A-Za-z0-9])")
_PERCENT_SURFACES = [s for s in PERCENT_WORDS if s not in ("pc", "pp", "%")]
_CURRENCY_SURFACES = [v for w in CURRENCY_WORDS if w not in ("p", "sen") for v in (w, w.capitalize(), w.title())]
_AGE = ("years old", "year old", "years-old", "year-old", "yrs old", "years of age", "year of age", "-year-old",
        "-years-old", "years young", "year-olds", "-year-olds")
_UNIT = re.compile(
    r"(?P<sep>[ \u00a0]?-[ \u00a0]?|[ \u00a0]{0,2}(?P<ob>[(\[{<])?)"
    r"(?:(?P<age>" + alternation(_AGE) + r")|(?P<pct>%|" + alternation(_PERCENT_SURFACES) + r")"
    r"|(?P<unit>" + alternation(UNIT_SURFACES) + r")"
    r"|(?P<cur>" + alternation([*_CURRENCY_SURFACES, "pounds", "pound", *CURRENCY_CODES]) + r"))"
    r"(?![A-Za-z0-9²³])(?:(?<=[A-Za-z])(?!-\d)|(?<![A-Za-z]))(?(ob)[)\]}>])"
    r"|(?P<tight>pc|pp|p|sen|bps|[€$£¥])(?![A-Za-z0-9])")
_CURRENCY_BEFORE = re.compile(  # reversed: "$" or "US$" or "USD " just before the number
    r"[ \u00a0]?(?:([$£€¥₹₩₽₺₪])(?:(?:[ \u00a0]?((?i:SU|\.S\.U|AC|UA|ZN|KH))|(C|A|S|R))(?![A-Za-z’'.]))?|(DSU|PBG|RUE|YPJ|"
    r"YNC|RNI|DAC|DUA|FHC|DKH|DGS|DZN|RYM|MR|\.?sR)(?![A-Za-z])|(SU|A|ZN|C|KH)\$)")
_MINUS_BEFORE = re.compile(r"(?:[-−](?=\s*(?:\s|$|[(\[])|[ \t]*$)|[-−]?[ \t]*(?:sunim|evitagen)(?![a-z]))", re.I)
_PREV_WORD = re.compile(r"([ \t\u00a0]*)([,(\"“'‘:;]?)[ \t]*(\.?[ ]?[A-Za-z][A-Za-z.&'’-]{0,24})")
_NOUN = re.compile(r"(?:[ \t\u00a0]+|-)([A-Za-z][\w'’-]*(?:\.[A-Za-z][\w'’-]*)*\.?)")
_AFTER_BAD = re.compile(r"(?:st|nd|rd|th|s)(?![A-Za-z])|-block\b|[ \t]?(?:[ap]\.m\.|[ap]m(?![A-Za-z])|o'clock|GMT|BST|"
                        r"[ECMP][SD]?T(?![A-Za-z]))|[:/]\d|[.]\d|[ \t]+block\b|[A-Za-z]", re.I)
_PHONE = re.compile(r"\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}|\d{3}-\d{4}(?![\d,])|\d{1,4}(?:[-.]\d{2,4}){2,}(?![\d,])|\d{2,4}[ .]\d{3,4}[ .]\d{3,4}(?![\d,])|"
                    r"\d{4}-\d{2}(?:-\d{2})?")
_INTL = re.compile(r"\d{1,3}(?:[ .-]\(?\d{1,4}\)?){2,}")
_OLD = re.compile(r"[- ]old\b")
_IDENT = re.compile(r"[A-Za-z]+[-‐]\Z")
_SYMBOL_GLUED = re.compile(r"[-.][A-Za-z]|/")
_ADDRESS = re.compile(r"(?:[-–]\d+[A-Za-z]?)?(?:[ \t]+[A-Z0-9][A-Za-z0-9]*\.?){0,3}[ \t]+(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Drive|"
                      r"Dr|Way|Boulevard|Blvd|Place|Pl|Court|Ct|Square|Sq|Terrace|Crescent|Close|Highway|Parkway|"
                      r"Pkwy|Plaza)\b")


class _Num:
    """A number core being widened into a claim."""

    __slots__ = ("start", "end", "cend", "value", "unit", "kind", "q", "step", "vague", "scale", "words", "adjective")

    def __init__(self, start: int, end: int, value: float, words: bool = False):
        self.start, self.end, self.cend, self.value = start, end, end, value
        self.unit: str | None = None
        self.kind, self.q, self.step, self.vague, self.scale, self.words = "count", "exact", 0.0, None, 1.0, words
        self.adjective = False


def extract(text: str) -> list[Claim]:
    """Every numeric claim in ``text``, sorted by start offset and never overlapping."""
    if not isinstance(text, str) or not text:
        return []
    low = text.lower()
    nums = _digit_cores(text) + _word_cores(text, low if len(low) == len(text) else None)
    nums.sort(key=lambda n: n.start)
    nums = _ranges(text, nums)
    sentences = Sentences(text)
    out: list[Claim] = []
    last = -1
    for n in nums:
        if n.start < last or not math.isfinite(n.value) or n.vague is None and abs(n.value) > 1e300:
            continue
        last = n.end
        s0, s1 = sentences.around(n.start)
        if n.vague is not None:
            lo, hi = n.vague
            q, lo_open, hi_open = ("range" if n.q == "range" else "vague"), False, False
        else:
            lo, hi, lo_open, hi_open, q = Q.bounds(n.value, n.q, n.step if n.scale > 1 else 0.0)
        out.append(Claim(n.value, lo, hi, q, n.unit, n.start, n.end, text[n.start:n.end], s0, s1,
                         _noun(text, n), n.kind, lo_open, hi_open))
    return out


# -- digits ----------------------------------------------------------------------------------------------

def _digit_cores(text: str) -> list[_Num]:
    out = []
    skip_to = 0
    has_url = "://" in text or "www." in text or "@" in text
    for m in _DIGITS.finditer(text):
        s = m.start()
        if s < skip_to:
            continue
        p = _PHONE.match(text, s) or (s and text[s - 1] == "+" and _INTL.match(text, s))
        if p:
            skip_to = p.end()
            continue
        if s > 1 and text[s - 1] in "-–" and text[s - 2].isdigit() and not (out and out[-1].end == s - 1):
            continue
        try:
            n = _digit_core(text, m)
            if n is None or has_url and _in_url(text, s):
                continue
            if _widen(text, n):
                out.append(n)
        except (ValueError, ZeroDivisionError, OverflowError, KeyError, IndexError):
            continue
    return out


def _in_url(text: str, s: int) -> bool:
    a = max(text.rfind(" ", max(0, s - 200), s), text.rfind("\n", max(0, s - 200), s)) + 1
    b = text.find(" ", s, s + 200)
    tok = text[a:b if b >= 0 else s + 200]
    return "://" in tok or "www." in tok or "@" in tok


def _digit_core(text: str, m: re.Match) -> _Num | None:
    g = m.groupdict()
    whole, dec, bare, tok_int, tok_dec, sp, frac, alone = (g["whole"], g["dec"], g["bare"], g["tint"], g["tdec"],
                                                           g["sp"], g["frac"], g["alone"])
    s, e = m.span()
    if alone:
        return _Num(s, e, N.UNICODE_FRACTIONS[alone])
    if tok_int:
        dec, core = "." + tok_dec, tok_int + "." + tok_dec
    else:
        core = (whole or "") + (dec or "") if whole else bare
    value = N.digits_value(core)
    if value is None:
        return None
    if frac:
        if frac in N.UNICODE_FRACTIONS:
            value += N.UNICODE_FRACTIONS[frac]
        else:
            a, b = frac.split("/")
            if int(a) >= int(b) or int(b) == 0 or sp == "" and not dec:
                return None
            value += int(a) / int(b)
    elif whole and whole.startswith("0") and len(whole) > 1 and not dec:
        return None
    exp = g["exp"] or g["exp2"] or g["exp3"] or g["exp4"]
    if exp:
        value = float(f"{value!r}e{int(exp.translate(_SUPERSCRIPT).replace('−', '-'))}")
    n = _Num(s, e, value)
    n.step = 0.0 if exp else N.step(core)
    if whole and not dec and e < len(text) and text[e] in "/⁄":
        return _slash_fraction(text, n, whole)
    return n


_DENOMINATORS = frozenset((2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 25, 32, 50, 64, 100, 128, 1000))


def _slash_fraction(text: str, n: _Num, whole: str) -> _Num | None:
    """``3/4`` and ``1/2 cup`` are fractions; ``9/11``, ``24/7`` and dates are not claims."""
    m = re.match(r"[/⁄](\d{1,4})(?![\d/])", text[n.end:n.end + 6])
    if not m:
        return None
    a, b = int(whole), int(m.group(1))
    if not 0 < a < b or b not in _DENOMINATORS and m.group()[0] == "/" and \
            not re.match(r"[ \t]+of\b", text[n.end + m.end():n.end + m.end() + 4]):
        return None
    n.value, n.end, n.step = a / b, n.end + m.end(), 0.0
    n.cend = n.end
    return n


# -- number words ----------------------------------------------------------------------------------------

def _word_cores(text: str, low: str | None) -> list[_Num]:
    pat, src = (_WORDS, low) if low is not None else (_WORDS_ANYCASE, text)
    out = []
    pos = 0
    while True:
        m = pat.search(src, pos)
        if m is None:
            return out
        n = None
        try:
            n = _word_core(text, m)
        except (ValueError, ZeroDivisionError, OverflowError, KeyError, IndexError):
            n = None
        pos = n.cend if n is not None and n.cend > m.start() else m.start() + 1
        while pos < len(src) and src[pos - 1].isalpha() and src[pos].isalpha():
            pos += 1
        if n is not None and _widen(text, n):
            out.append(n)


_DIGIT_WORDS = {**{w: str(v) for w, v in N.CARDINALS.items()}, "nought": "0", "naught": "0", "oh": "0"}
_POINT = re.compile(r"[ \t]+point[ \t]+((?:zero|nought|naught|oh|one|two|three|four|five|six|seven|eight|nine)"
                    r"(?:[ \t]+(?:zero|nought|naught|oh|one|two|three|four|five|six|seven|eight|nine))*)(?![A-Za-z])",
                    re.IGNORECASE)
_NEEDS_A = frozenset(["hundred", "dozen", *N.SCALES, *(d for d in N.DENOMINATORS if d != "half")])
_A_BEFORE = re.compile(r"(?<![A-Za-z])(?:half[ \t]+)?an?[ \t]+\Z", re.IGNORECASE)


def _word_core(text: str, m: re.Match) -> _Num | None:
    s = m.start()
    toks = [(t.start(), t.end()) for t in _TOKEN.finditer(text, s, m.end())]
    first = text[toks[0][0]:toks[0][1]].lower()
    if first in N.VAGUE:
        return _vague(text, s, toks, first)
    s0 = s
    if first in _NEEDS_A:
        a = _A_BEFORE.search(text, max(0, s - 10), s)
        if not a:
            return None
        s0 = a.start()
    if first == "half" and len(toks) == 1:
        parsed, j, e = (0.5, True), 1, toks[0][1]
    else:
        for j in range(len(toks), 0, -1):
            e = toks[j - 1][1]
            if text[toks[j - 1][0]:e].lower() in ("and", "a", "an"):
                continue
            parsed = N.words_value(text[s0:e])
            if parsed is not None:
                break
        else:
            return None
    value, is_fraction = parsed
    pm = _POINT.match(text, e) if not is_fraction else None
    if pm:
        digits = "".join(_DIGIT_WORDS.get(t.lower(), "?") for t in re.findall(r"[A-Za-z]+", pm.group(1)))
        if "?" not in digits and value == int(value):
            value, e = float(f"{int(value)}.{digits}"), pm.end()
            sm = re.match(r"[ \t]+(thousand|million|billion|trillion)\b", text[e:e + 12], re.IGNORECASE)
            if sm:
                value, e = value * N.SCALES[sm.group(1).lower()], e + sm.end()
    elif not _word_ok(text, s0, e, text[s0:e].lower(), j == 1):
        return None
    n = _Num(s0, e, value, words=True)
    if is_fraction:
        if not _fraction_ok(text, n, first):
            return None
        n.value, n.unit, n.kind = n.value * 100, "percent", "fraction"
    return n


def _word_ok(text: str, s: int, e: int, words: str, single: bool) -> bool:
    """Number words that are idioms or names: "one of", "no one", "Formula One", "phase two"."""
    prev = _prev_word(text, s)
    pw = prev[0].lower() if prev else ""
    if pw in IDENTIFIER_WORDS and prev[1] == "":
        return False
    if text[s].isupper() and prev and prev[0][:1].isupper() and pw not in CAPITAL_OK and prev[1] == "":
        return False
    if text[s].isupper() and not text[s:e].isupper() and not _sentence_start(text, s) and \
            re.match(r"[ \t]+[A-Z]", text[e:e + 3]):
        return False
    if words == "zero":
        return bool(_UNIT.match(text, e))
    nxt = text[e:e + 12]
    if words == "one" or words == "a":
        if pw in ("no", "the", "any", "every", "each", "this", "that", "which", "such", "no-", "any-", "some",
                  "last", "someone", "everyone", "other", "another", "little", "big", "new", "old",
                  "whichever", "single", "right", "wrong", "good", "best", "worst", "first", "a", "an", "same"):
            return False
        if _OUT_OF.match(text, e):
            return True
        if re.match(r"(?:-|[ \t]+(?:of|another|day|time|way|thing|side|hand|point|more|other|or|and|by|after|"
                    r"who|that|which|is|was|has|had|in|on|at|to|for|from|with|such|another|else|could|would|"
                    r"should|can|will|must|may|might|does|did|do|says|said|said|knows)(?![A-Za-z])|[ \t]*[^ \tA-Za-z])",
                    nxt, re.I):
            return not re.match(r"[ \t]*(?:%|per ?cent|-[ \t]*(?:third|quarter|fifth|half))", nxt, re.I) is None
        if re.match(r"[ \t]+[A-Z]", nxt) and not text[s].isupper():
            return False
    if re.match(r"-(?:time|off|sided|way|year-old|of-a-kind|on-one|to-one|stop|size|liner|man)", nxt, re.I) \
            and words == "one":
        return False
    return True


def _sentence_start(text: str, s: int) -> bool:
    """Does ``s`` begin a sentence, a line or a quotation?"""
    j = s - 1
    while j >= 0 and text[j] in " \t\"'“‘(":
        j -= 1
    return j < 0 or text[j] in ".!?:;\n…—–-"


def _fraction_ok(text: str, n: _Num, first: str) -> bool:
    """``a third of``, ``two-thirds``, ``half of``; not ``the third quarter`` or ``second half``."""
    prev = _prev_word(text, n.start)
    pw = prev[0].lower() if prev else ""
    nxt = re.match(r"[ \t]*([A-Za-z]+|[^ \tA-Za-z]|$)", text[n.end:n.end + 16])
    nw = nxt.group(1).lower() if nxt else ""
    if first == "half":
        if pw in ("the", "first", "second", "a", "an", "in", "by", "and", "one", "last", "other", "this", "that"):
            return False
        if re.match(r"[-‐]", text[n.end:n.end + 1]):
            return False
        return nw in ("of", "the", "its", "their", "his", "her", "our", "all", "them", "those", "these", "that",
                      "this", "my", "your") or pw in ("than", "nearly", "almost", "about", "roughly",
                                                                "around", "over", "under", "just", "only")
    if pw in ("the", "its", "their", "his", "her", "our", "this", "that", "every", "each") or \
            text[n.end:n.end + 1] in ("-", "‐"):
        return False
    if n.value <= 0.5 and text[n.start:n.start + 2].lower() in ("a ", "an"):
        return nw in ("of", "the", "more", "less", "fewer", "as", "") or not nw.isalpha()
    return True


def _vague(text: str, s: int, toks, first: str) -> _Num | None:
    e = toks[0][1]
    base = N.VAGUE[first]
    m = re.match(r"[ \t]+of[ \t]+(thousands|millions|billions)(?![A-Za-z])", text[e:e + 20], re.I)
    if first in ("tens", "hundreds") and m:
        base *= N.VAGUE[m.group(1).lower()]
        e += m.end()
    elif first == "tens" or first == "scores" and not re.match(r"[ \t]+of\b", text[e:e + 4]):
        return None
    lo, hi = Q.vague_bounds(first, base)
    n = _Num(s, e, round(math.sqrt(lo * hi)), words=True)
    n.vague = (lo, hi)
    return n


# -- context ---------------------------------------------------------------------------------------------

def _prev_word(text: str, s: int) -> tuple[str, str] | None:
    """The word before ``s`` and the punctuation between (``("Smith", ",")``), or None."""
    rev = text[max(0, s - 28):s][::-1]
    m = _PREV_WORD.match(rev)
    if not m:
        return None
    return m.group(3)[::-1].rstrip("'’").replace(" ", ""), m.group(2)


def _starts_sentence(text: str, s: int, word: str) -> bool:
    """Whether ``word``, just before ``s``, opens a sentence (capitalized for its place, not as a name)."""
    i = text.rfind(word, max(0, s - 40), s)
    before = text[max(0, i - 6):i].rstrip(" \t\"“'‘(")
    return i >= 0 and (not before or before[-1] in ".!?:\n")


def _widen(text: str, n: _Num) -> bool:
    """Attach scale, unit, currency and qualifiers; False when the core is not a claim."""
    e = n.end
    rev = text[max(0, n.start - 40):n.start][::-1]
    cur = None
    if not n.words and n.kind == "count":
        if rev[:1] in ("-", "−") and rev[1:2] in ("$", "£", "€", "¥"):
            n.value, n.start, rev = -n.value, n.start - 1, rev[1:]
        cb = _CURRENCY_BEFORE.match(rev)
        if cb:
            cur = _currency_code(cb)
            if cur:
                n.start -= cb.end()
                rev = rev[cb.end():]
        m = _SCALE.match(text, e)
        if m:
            word = m.group(2) or m.group(4) or m.group(5)
            if len(word) > 1 or _single_letter_scale(text, n, word, m.end(), cur):
                mult = 12.0 if word.startswith("dozen") else N.SCALE_SUFFIX.get(word) or N.SCALE_SUFFIX[word.lower()]
                if word.lower() == "hundred" and (m2 := _SCALE.match(text, m.end())) and m2.group(2):
                    mult *= N.SCALE_SUFFIX[m2.group(2).lower()]
                    m = m2
                n.value *= mult
                n.step *= mult
                n.scale = mult
                n.end = e = m.end()
        if cur:
            n.unit, n.kind = cur, "currency"
    um = _UNIT.match(text, e) if n.kind == "count" and n.vague is None else None
    if not n.words and n.kind == "count" and not cur and n.scale == 1.0 and not um and _AFTER_BAD.match(text, e):
        return False
    if um and not _attach_unit(text, n, cur, um):
        return False
    c = rev[:1]
    if c in ("±", "/") or rev[:4] == " -/+" or rev[:2] == " ±":
        return False
    m = _MINUS_BEFORE.match(rev) if c in ("-", "−") or c == " " and rev[1:2] in ("s", "e", "S", "E") else None
    if m and n.kind != "fraction" and n.vague is None:
        if m.group().strip("-− \t"):
            n.value, n.start = -n.value, n.start - m.end()
            rev = rev[m.end():]
        elif n.start - m.end() == 0 or not text[n.start - m.end() - 1].isalnum():
            n.value, n.start = -n.value, n.start - m.end()
            rev = rev[m.end():]
    elif n.start > 1 and text[n.start - 1] in "-‐" and text[n.start - 2].isalpha():
        pm = _IDENT.search(text, max(0, n.start - 12), n.start)
        if not pm or pm.group()[:-1].lower() not in ("sub", "over", "under", "near", "now", "nearly", "almost"):
            if not (pm and pm.start() and text[pm.start() - 1].isdigit()):
                return False
    if n.kind == "count" and not n.words and n.q == "exact" and not _plain_ok(text, n):
        return False
    if n.kind == "count" and n.vague is None:
        _out_of(text, n)
    qm = Q.REVERSED.match(rev)
    if qm:
        n.q = Q.name(qm.group(1)[::-1])
        n.start -= qm.end()
    am = Q.AFTER_PATTERN.match(text, n.end)
    if am and n.q == "exact" and n.vague is None:
        n.q = Q.name(am.group(1) or am.group(2))
        n.end = am.end()
    return True


_OUT_OF = re.compile(r"[ \t]+(?:out[ \t]+of|in)[ \t]+(\d{1,4}(?![\d,.])|[A-Za-z]+(?:[- ][a-z]+){0,2})(?![A-Za-z])")


def _out_of(text: str, n: _Num) -> None:
    """``one in five``, ``3 out of 10`` → a fraction in percent."""
    m = _OUT_OF.match(text, n.end)
    if not m or n.value < 0:
        return
    b, end = m.group(1), m.end()
    den = float(b) if b.isdigit() else None
    while den is None and b:
        parsed = N.words_value(b)
        if parsed and not parsed[1]:
            den = parsed[0]
            break
        cut = max(b.rfind(" "), b.rfind("-"))
        end -= len(b) - max(cut, 0)
        b = b[:cut] if cut > 0 else ""
    if den is None or not n.value < den <= 1000 or _UNIT.match(text, end):
        return
    n.value, n.unit, n.kind, n.end, n.cend = 100 * n.value / den, "percent", "fraction", end, end


def _currency_code(m: re.Match) -> str | None:
    sym, prefix, code, dollar = m.group(1), m.group(2) or m.group(3), m.group(4), m.group(5)
    if dollar:
        return {"US": "USD", "A": "AUD", "NZ": "NZD", "C": "CAD", "HK": "HKD"}[dollar[::-1]]
    if code:
        code = code[::-1]
        return CURRENCY_SYMBOLS.get(code) or code.upper()
    if prefix:
        p = prefix[::-1].upper()
        return CURRENCY_SYMBOLS.get(p + sym) or CURRENCY_SYMBOLS.get(sym)
    return CURRENCY_SYMBOLS.get(sym)


def _single_letter_scale(text: str, n: _Num, word: str, end: int, cur: str | None) -> bool:
    """Is the ``m``/``k``/``b`` right after digits a scale (``£5m``, ``2.3m passengers``, ``40k``)?"""
    if cur or word == "T":
        return bool(cur)
    if word == "M":
        return True
    if word == "K" and n.step < 1:
        return False
    nxt = re.match(r"[ \t]+(?:of[ \t]+)?([A-Za-z]+)", text[end:end + 24])
    if word in "kK":
        return not (nxt and nxt.group(1).lower() in ("race", "run", "walk", "races", "runs", "resolution", "tv", "display"))
    if word in "bB":
        return n.step < 1
    if nxt:
        w = nxt.group(1).lower()
        if w in METRE_CONTEXT or w in STOP or not w.isalpha():
            return False
        return w.endswith("s") or w in ("people", "children", "men", "women") or n.step < 1
    return n.step < 1


def _attach_unit(text: str, n: _Num, cur: str | None, m: re.Match) -> bool:
    sep = m.group("sep") or ""
    g = m.lastgroup
    if g == "age":
        n.unit, n.kind, n.end = "year", "age", m.end()
        return True
    if g == "pct":
        surface = " ".join(m.group("pct").lower().split())
        if "-" in sep and surface != "%":
            return True
        n.unit, n.kind, n.end = PERCENT_WORDS.get(surface, "percent"), "percent", m.end()
        return True
    if g == "tight":
        t = m.group("tight")
        if sep:
            return True
        if t in "€$£¥":
            n.unit, n.kind, n.end = CURRENCY_SYMBOLS[t], "currency", m.end()
        elif t in ("pc", "pp", "bps"):
            n.unit, n.kind, n.end = PERCENT_WORDS[t if t != "bps" else "bps"], "percent", m.end()
        else:
            n.unit, n.kind, n.end = CURRENCY_WORDS[t], "currency", m.end()
            n.value /= 100
        return True
    if g == "cur":
        if cur or "-" in sep or sep.strip():
            return True
        surface = " ".join(m.group("cur").split())
        low = surface.lower()
        if low in ("pound", "pounds"):
            if n.scale >= 1e6 or n.value >= 1000:
                n.unit = "GBP"
            else:
                n.unit, n.kind, n.end = "pound", "quantity", m.end()
                return True
        elif surface in CURRENCY_CODES:
            n.unit = surface
        elif low in CURRENCY_WORDS:
            n.unit = CURRENCY_WORDS[low]
            if low in SUBUNITS:
                n.value /= 100
        else:
            return True
        n.kind, n.end = "currency", m.end()
        if low not in SUBUNITS and n.scale == 1.0:
            _cents(text, n)
        return True
    surface = m.group("unit")
    expr = UNIT_SURFACES.get(surface) or UNIT_SURFACES.get(" ".join(surface.split()))
    if expr is None:
        return True
    bracket = sep.strip(" \u00a0")
    if surface in ("C", "F", "m", "h", "t", "g", "l", "in.", "ms", "V", "W", "PS", "mb") and sep and not bracket:
        if surface not in ("C", "F", "m") or re.match(r"[ \t]*[A-Za-z]", text[m.end():m.end() + 2]) and \
                not re.match(r"[ \t]+[a-z]", text[m.end():m.end() + 3]):
            return True
    if surface in ("C", "F", "m") and _SYMBOL_GLUED.match(text, m.end()):
        return True
    if expr in DURATIONS and expr != "year" and (om := _OLD.match(text, m.end())):
        n.unit, n.kind, n.end = canonical(expr), "age", om.end()
        return True
    name = canonical(expr)
    n.unit, n.kind, n.end, n.adjective = name, "quantity", m.end(), "-" in sep
    if name == "foot":
        inch = re.match(r"[ \t]*(?:and[ \t]+)?(\d{1,2})[ \t]?(?:in\b|inch(?:es)?\b|\")", text[n.end:n.end + 16])
        if inch:
            n.value += int(inch.group(1)) / 12
            n.end += inch.end()
    return True


_CENTS = re.compile(r"[ \t]+(?:and[ \t]+)?(\d{1,2}|[a-z]+(?:[ -][a-z]+)?)(?:[ \t]+(cents?|pence|p)\b|(?=[ \t]*(?:[.,;!?]|\Z)))",
                    re.IGNORECASE)


def _cents(text: str, n: _Num) -> None:
    """``15 dollars 50`` and ``thirteen dollars and forty-five cents`` → 15.50, 13.45."""
    m = _CENTS.match(text, n.end)
    if not m:
        return
    c = m.group(1)
    v = float(c) if c.isdigit() else (N.words_value(c) or (None, True))[0]
    if v is not None and 0 < v < 100 and v == int(v):
        n.value += v / 100
        n.end = n.cend = m.end()


def _plain_ok(text: str, n: _Num) -> bool:
    """A bare integer: not a year, a day of a month, an identifier, list numbering or a name."""
    s = n.start
    prev = _prev_word(text, s)
    pw, punct = (prev[0], prev[1]) if prev else ("", "")
    lw = pw.lower()
    raw = text[s:n.cend]
    v = n.value
    if lw in MONTHS and (lw not in MONTHS_CAPITAL_ONLY or pw[:1].isupper()) and punct == "" and v <= 31:
        return False
    nxt = re.match(r"[ \t\u00a0\u202f]*(?:of[ \t\u00a0]+)?([A-Za-z]+\.?)", text[n.end:n.end + 16])
    nw = nxt.group(1) if nxt else ""
    if nw.lower().rstrip(".") in MONTHS and (nw.lower() not in MONTHS_CAPITAL_ONLY or nw[:1].isupper()) and v <= 31:
        return False
    if punct == "" and (lw in IDENTIFIER_WORDS or pw in ("#",)):
        return False
    if n.step == 1.0 and "," not in raw and v == int(v) and 1000 <= v <= 2200 and not any(c in raw for c in _SEP + " "):
        if re.match(r"[-–/]\d{2}(?!\d)", text[n.end:n.end + 4]):
            return False
        plural = nw.islower() and len(nw) > 2 and (nw.endswith("s") and not nw.endswith("ss") or
                                                   nw in ("people", "children", "men", "women", "staff"))
        if lw in YEAR_BEFORE or not plural or v >= 1800 and not plural:
            return False
    if pw[:1].isupper() and punct == "" and lw not in CAPITAL_OK and lw not in MONTHS and not pw.endswith(".") \
            and not _starts_sentence(text, s, pw):
        return False
    if _ADDRESS.match(text, n.end):
        return False
    if punct == "," and pw[:1].isupper() and lw not in CAPITAL_OK and 1 <= v <= 120 and v == int(v) \
            and text[n.end:n.end + 1] in (",", ";") :
        n.unit, n.kind = "year", "age"
        return True
    if lw in ("aged", "age", "ages") or re.search(r"\bage[ \t]+of[ \t]+\Z", text[max(0, s - 12):s], re.I):
        n.unit, n.kind = "year", "age"
        return True
    if text[n.end:n.end + 1] in (".", ")") and v < 1000 and re.match(r"[.)][ \t]+\S", text[n.end:n.end + 3]):
        j = s - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        if j < 0 or text[j] == "\n":
            return False
    if text[n.end:n.end + 1] == ")" and s and text[s - 1] == "(" and v < 100:
        return False
    return True


# -- ranges and nouns ------------------------------------------------------------------------------------

_CHANGE = frozenset("""up down rose fell risen fallen rise fall rises falls grew grow grows gained gain gains lost
lose loses added adding dropped drop drops climbed climb climbs jumped jump jumps slid slide slides increased
increase increases decreased decrease decreases declined decline declines cut cuts raised raise raises lowered
surged surge plunged plunge soared soar slipped slip tumbled tumble advanced advance eased ease edged edge
by from improved improve widened narrowed shrank shrunk expanded""".split())


def _ranges(text: str, nums: list[_Num]) -> list[_Num]:
    """``30-40``, ``30 to 40``, ``between 30 and 40`` → one range; units and scales spread leftwards.

    ``from 30 to 40`` and ``rose 5% to 10%`` are two claims (a change), and ``2-1`` is a score.
    """
    out: list[_Num] = []
    drop: set[int] = set()
    for b in nums:
        a = out[-1] if out else None
        if a is None or b.start < a.end or b.start - a.end > 9 or a.vague is not None or b.vague is not None \
                or b.q != "exact":
            out.append(b)
            continue
        gap = text[a.end:b.start]
        g = gap.strip().lower()
        if g not in ("-", "–", "—", "to", "and", "or", "through"):
            out.append(b)
            continue
        spread = g in ("-", "–", "—", "to", "through", "or") or g == "and" and a.q == "between"
        if spread and b.kind != "fraction" and (a.kind == b.kind or a.unit is None and a.kind == "count"):
            if a.scale == 1.0 and b.scale > 1.0 and a.value * b.scale <= b.value and a.step >= 1:
                a.value *= b.scale
                a.scale = b.scale
            if a.unit is None and b.unit is not None:
                a.unit, a.kind = b.unit, b.kind
        between = a.q == "between"
        prev = _prev_word(text, a.start)
        change = prev is not None and prev[0].lower() in _CHANGE and prev[1] == ""
        if g in ("-", "–") and gap == g and a.kind == b.kind == "count" and a.step == b.step == 1 \
                and b.value <= a.value <= 200:
            drop.update((id(a), id(b)))
        is_range = (g in ("-", "–", "—") or g == "to" and not change or g in ("and", "through") and between) \
            and a.unit == b.unit and a.kind == b.kind and a.value < b.value
        if g == "-" and gap != "-" and not between and a.unit is None:
            is_range = False
        if is_range:
            r = _Num(a.start, b.end, (a.value + b.value) / 2)
            r.unit, r.kind, r.q, r.vague, r.cend = b.unit, b.kind, "range", (a.value, b.value), b.end
            out[-1] = r
            continue
        out.append(b)
    if drop:
        out = [n for n in out if id(n) not in drop]
    for n in out:
        if n.q == "between":
            n.q = "exact"
            n.start += 7
            while text[n.start] in " \t":
                n.start += 1
    return out


_PLURAL_LIKE = frozenset("people children men women staff police personnel cattle troops data media".split())


def _noun(text: str, n: _Num) -> str:
    """The words right after a claim that name what it counts: up to four, ending at the first
    plural-looking word, a function word, a verb form or punctuation.  After a unit, a currency
    or a percentage the counted thing follows "of" ("3.5 million tonnes of wheat"); ages take
    no capitalized words (names)."""
    pos = n.end
    words: list[str] = []
    of = re.match(r"[ \t]+of(?:[ \t]+the)?(?=[ \t])", text[pos:pos + 9])
    if of and (n.kind != "count" or n.vague is not None or n.scale > 1):
        pos += of.end()
    elif n.kind in ("quantity", "percent", "currency") and not (n.adjective and n.kind == "quantity"):
        return ""
    while len(words) < 4:
        m = _NOUN.match(text, pos)
        if not m:
            break
        w = m.group(1)
        end_dot = w.endswith(".") and "." not in w[:-1]
        if end_dot:
            w = w[:-1]
        lw = w.lower()
        if lw in STOP or w.isdigit() or n.kind == "age" and w[:1].isupper():
            break
        if lw.endswith(("ed", "ing")) and (words or not _modifies(text, m.end())):
            break
        words.append(w)
        pos = m.end()
        if end_dot or lw in _PLURAL_LIKE or len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "is")):
            break
        if text[pos:pos + 1] in (",", ".", ";", ":", "!", "?", ")", '"', "”"):
            break
    return " ".join(words)


def _modifies(text: str, pos: int) -> bool:
    """Is the word at ``pos`` a noun that a participle before it modifies ("detained Palestinians")?"""
    m = _NOUN.match(text, pos)
    if not m:
        return False
    w = m.group(1).rstrip(".")
    return w[:1].isupper() or w.lower() in _PLURAL_LIKE or len(w) > 3 and w.endswith("s") and not w.endswith("ss")
