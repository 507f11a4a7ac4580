"""Text → numeric claims.  ``extract(text)`` is pure and never raises.

One pass of a compiled pattern finds every number core (digits, number words, fractions,
vague amounts); each core is then widened by what stands around it (a currency sign, a
scale word, a unit, a qualifier such as "about", a range partner) or dropped when its
context says it is not a claim (a date, a time, an ordinal, a name or code, a phone
number, a URL, list numbering).  The interval each qualifier asserts is documented in
``docs/intervals.md``.
"""
from __future__ import annotations

import bisect
import re

from factcheck.models import Claim
from factcheck.numbers import FRACTIONS, SCALE_SUFFIX, SCALES, SMALL, TENS, decimals, digits_value, words_value
from factcheck.units import (CASE_SENSITIVE, CURRENCY_CODES, CURRENCY_SYMBOLS, CURRENCY_WORDS,
                             PERCENT_WORDS, UNIT_WORDS)

I = re.IGNORECASE
_NW = "|".join(sorted(list(SMALL) + list(TENS) + list(SCALES) + ["dozens", "dozen"], key=len, reverse=True))
_FR = "|".join(sorted(FRACTIONS, key=len, reverse=True))
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"

_CORE = re.compile(
    r"(?P<vague>\b(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|scores|hundreds|thousands|"
    r"millions|billions)\b(?=\s+(?:of\b|[a-z]))(?!\s+of\s+(?:the|a|an|his|her|their|its)\b))"
    rf"|(?P<frac>\b(?:(?:a|an|one)[\s-](?:half|third|quarter|fifth|sixth|eighth|tenth)\b(?=\s+of\b)|"
    r"(?:two|three|four|five|six|seven|eight|nine)[\s-](?:thirds|quarters|fifths|sixths|eighths|tenths)\b|"
    r"half\b(?=\s+(?:of|the)\b)))"
    rf"|(?P<words>\b(?:half\s+an?\s+(?:million|billion|dozen)|(?:an?\s+)?(?:{_NW})(?:(?:\s+and\s+|[\s-]+)(?:{_NW}))*)\b)"
    r"|(?P<digits>(?<![\w.,:/#])(?:[-−](?=\d))?(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u00a0\u2009\u202f]\d{3})+|\d+)"
    r"(?:\.\d+)?(?:\s\d/\d{1,2}(?!\d))?|(?<![\w.,:/#])\.\d+(?![\d.]))", I)

_SKIP = re.compile(
    r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.]+"
    r"|(?<!\w)(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?)?\d{2,4}(?:[\s.-]\d{2,5}){2,}(?!\d)"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b"
    r"|\bv?\d+\.\d+\.\d+\b"
    rf"|\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?"
    rf"|\b{_MONTH}\s+\d{{4}}\b|\b{_DAY}\s+\d{{1,2}}\b"
    r"|^[ \t]*\d{1,3}[.)](?=\s)", re.MULTILINE)

_ID_BEFORE = re.compile(
    r"(?:\b(?:phase|round|section|article|resolution|no\.?|number|flight|room|page|pages|p\.|chapter|route|"
    r"interstate|highway|channel|apollo|windows|iphone|model|boeing|airbus|ftse|s&p|nasdaq|dax|game|stage|"
    r"level|grade|category|gate|terminal|platform|season|episode|volume|vol\.|title|proposition|prop\.?|"
    r"amendment|psalm|class|type|version|rule|mark|exit|unit|district|ward|precinct|lot|pier|suite|apt\.?|"
    r"box|ext\.?|line|tier|division|figure|fig\.|table|item|part|step|paragraph|clause|schedule|annex|"
    r"appendix|year|week|day|bill|act|code|covid|vol|series|id|zip|pc|ps|xbox|galaxy|pixel|station|"
    r"squadron|brigade|battalion|regiment|corps|fleet|army|lane|road|street|avenue|sr|jr|king|queen|pope)"
    r"|#|(?-i:\b[A-Z][A-Za-z&]*[A-Z])|\b(?:in|since|by|until|till|from|of|during|before|after|early|late|mid|circa|c\.)"
    r"(?=\s+\d{4}\b))\s*\Z", I)
_YEAR_BEFORE = re.compile(r"(?:\b(?:in|since|by|until|till|from|of|during|before|after|early|late|mid|"
                          r"circa|through|to|and|between|year|the|this|that|last|next|,)|[-–(])\s*\Z", I)
_CAP_BEFORE = re.compile(r"(?<![.!?:;\n\"“]\s)(?<!^)\b[A-Z][a-z]+\s\Z")
_CURR_BEFORE = re.compile(r"(?:(US\$|U\.S\.\$|C\$|CA\$|A\$|AU\$|NZ\$|HK\$|S\$|R\$|\$|£|€|¥|₹|₩|₽|₺|₪)|"
                          r"\b(USD|GBP|EUR|JPY|CNY|INR|CAD|AUD|CHF|Rs\.?)\s?)\s?\Z")
_QUAL_BEFORE = re.compile(
    r"(?:\b(?P<q>about|approximately|approx\.|around|roughly|some|an estimated|estimated|nearly|almost|"
    r"close to|more than|over|above|exceeding|in excess of|upwards of|at least|no fewer than|no less than|"
    r"a minimum of|up to|at most|no more than|as many as|a maximum of|fewer than|less than|under|below|"
    r"just over|just under|well over|well under|between|from)|(?P<s>~|≈|>|<|≥|≤))\s*\Z", I)
_SCALE_AFTER = re.compile(r"(?:\s?-?\s?(million|billion|trillion|thousand|hundred)\b|(bn|mn|mln|tn)\b|\s(bn|mn)\b|"
                          r"(m|b|k)(?![\w'’]|\.\w))", I)
_PERCENT_AFTER = re.compile(r"\s?(%|per\s?cent\b|percent\b|pct\b|percentage points?\b|pp\b|(?<=\d)pc\b)", I)
_CURR_WORD_AFTER = re.compile(
    r"\s(" + "|".join(sorted((re.escape(w) for w in CURRENCY_WORDS), key=len, reverse=True)) + r"|"
    + "|".join(sorted(CURRENCY_CODES)) + r")\b", I)
_UNIT_AFTER = re.compile(
    r"(\s|-|\u00a0)?(" + "|".join(sorted((re.escape(w) for w in UNIT_WORDS), key=len, reverse=True))
    + r")(?![\w/²³])", I)
_AGE = re.compile(r"[\s-]years?[\s-]old\b|-year-old\b", I)
_AGED_BEFORE = re.compile(r"\b(?:aged|age|ages)\s\Z", I)
_NOT_AFTER = re.compile(
    r"(?:st|nd|rd|th)\b|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|[ap]m\b)|'s\b|s\b|[:/]\d"
    r"|\s+block of\b", I)
_ONE_BAD = re.compile(r"\s+(?:of|another|day|time|year|week|month|point|way|side|hand|thing|more|less|other|"
                      r"or|by|after|told|said|who|that|which|is|was|in|on)\b|\s*[,.;:!?)\-\"”]|\s+[A-Z]", I)
_ONE_BAD_BEFORE = re.compile(r"\b(?:no|the|any|every|each|this|that|which|last|such|one|someone|anyone)\s+\Z", I)
_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|and|or)\s*\Z", I)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SENT = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])|\n\s*\n")

_STOP = frozenset("""a an the of and or but to in on at by for from with as is are was were be been being
has have had do does did will would could should may might must can that this these those which who whom
whose what when where while than then so if it its their his her our your my they them he she we you i
remain remained remains said says say told including include includes according since after before during
into onto over under about around were also still more less most least only just all each every per
other others another such not no yet ago later earlier""".split())
_VAGUE = {"dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999), "thousands": (2000, 9999),
          "millions": (2e6, 9.99e6), "billions": (2e9, 9.99e9)}


def _qualified(value: float, q: str | None, precision: float) -> tuple[float, float, bool, bool, str]:
    """(low, high, low_open, high_open, qualifier) for a value and the word before it."""
    inf = float("inf")
    if q is None:
        if precision:
            return value - precision, value + precision, False, True, "exact"
        return value, value, False, False, "exact"
    q = " ".join(q.lower().split())
    if q in ("about", "approximately", "approx.", "around", "roughly", "some", "an estimated",
             "estimated", "close to", "~", "≈"):
        t = max(abs(value) * 0.05, precision)
        return value - t, value + t, False, False, "approx"
    if q in ("nearly", "almost", "just under"):
        return value * 0.9, value, False, True, "approx"
    if q in ("more than", "over", "above", "exceeding", "in excess of", "upwards of", "just over",
             "well over", ">"):
        return value, inf, True, False, "more-than"
    if q in ("at least", "no fewer than", "no less than", "a minimum of", "≥"):
        return value, inf, False, False, "at-least"
    if q in ("up to", "at most", "no more than", "as many as", "a maximum of", "≤"):
        return 0.0, value, False, False, "at-most"
    if q in ("fewer than", "less than", "under", "below", "well under", "<"):
        return 0.0, value, False, True, "less-than"
    return value, value, False, False, "exact"


def _unit_name(surface: str) -> str | None:
    name = UNIT_WORDS.get(surface)
    if name is not None:
        return name
    for key in (surface.lower(), surface.capitalize()):
        name = UNIT_WORDS.get(key)
        if name is not None and key not in CASE_SENSITIVE:
            return name
    return None


class _Raw:
    __slots__ = ("start", "end", "value", "unit", "kind", "q", "precision", "vague", "words", "integer",
                 "scaled", "plain")

    def __init__(self, start, end, value, unit=None, kind="count", words=False, integer=False):
        self.start, self.end, self.value, self.unit, self.kind = start, end, value, unit, kind
        self.q, self.precision, self.vague, self.words, self.integer = None, 0.0, None, words, integer
        self.scaled = False
        self.plain = True


def _core(text: str, m: re.Match, blocked) -> _Raw | None:
    s, e = m.span()
    if blocked(s, e):
        return None
    g = m.lastgroup
    if g == "vague":
        word = m.group().lower().split()
        if word[0] in ("tens", "hundreds") and len(word) == 3:
            base = 1e3 if word[2] == "thousands" else 1e6
            lo, hi = (20 * base, 99 * base) if word[0] == "tens" else (200 * base, 999 * base)
        else:
            lo, hi = _VAGUE[word[0]]
        r = _Raw(s, e, float(lo))
        r.vague = (float(lo), float(hi))
        return r
    if g == "frac":
        parts = re.split(r"[\s-]", m.group().lower())
        if parts == ["half"]:
            return _Raw(s, e, 50.0, "percent", "fraction")
        num = SMALL.get(parts[0], 1)
        return _Raw(s, e, 100.0 * num / FRACTIONS[parts[1]], "percent", "fraction")
    if g == "words":
        t = m.group()
        low = t.lower()
        if low.startswith("half"):
            v = words_value(low.split(None, 2)[2]) or 0
            return _Raw(s, e, v / 2, words=True, integer=True)
        if low in ("a", "an") or low.split()[-1] in ("and",):
            return None
        v = words_value(low)
        if v is None:
            return None
        if low in ("one", "an one"):
            if _ONE_BAD.match(text, e) or _ONE_BAD_BEFORE.search(text, max(0, s - 12), s):
                return None
        elif low in ("hundred", "thousand", "million", "billion", "trillion", "dozen"):
            return None
        return _Raw(s, e, v, words=True, integer=True)
    t = m.group()
    v = digits_value(t.split(" ")[0] if " " in t and "/" in t else t)
    if v is None:
        return None
    if "/" in t:
        whole, frac = t.rsplit(" ", 1)
        a, b = frac.split("/")
        if int(b) == 0:
            return None
        v = (digits_value(whole) or 0) + int(a) / int(b)
    if len(t) > 1 and t[0] == "0" and t[1].isdigit():
        return None
    if s >= 2 and text[s - 1] in "-‐" and text[s - 2].isalpha():
        return None
    if s >= 5 and text[s - 1] in "-–/" and len(t) == 2 and text[s - 5:s - 1].isdigit():
        return None
    r = _Raw(s, e, v, integer="." not in t and "/" not in t)
    r.precision = 0.0
    return r


def extract(text: str) -> list[Claim]:
    """Every numeric claim in ``text``, sorted by position (see the module docstring)."""
    if not isinstance(text, str) or not text:
        return []
    skips = [(m.start(), m.end()) for m in _SKIP.finditer(text)]
    starts = [a for a, _ in skips]

    def blocked(s: int, e: int) -> bool:
        i = bisect.bisect_right(starts, e - 1) - 1
        return i >= 0 and skips[i][1] > s

    raws: list[_Raw] = []
    for m in _CORE.finditer(text):
        try:
            r = _core(text, m, blocked)
            if r is not None and _widen(text, r):
                raws.append(r)
        except (ValueError, KeyError, IndexError, ZeroDivisionError, OverflowError):
            continue
    raws = _ranges(text, raws)
    bounds = [m.end() for m in _SENT.finditer(text)]
    return [_claim(text, r, bounds) for r in raws]


def _widen(text: str, r: _Raw) -> bool:
    """Attach scale, currency, percent, unit and qualifier; False when the core is not a claim."""
    s, e = r.start, r.end
    before = text[max(0, s - 40):s]
    if r.vague is None and r.kind == "count":
        nxt = text[e:e + 1]
        if nxt.isalpha() or nxt in "'’" or r.words is False and nxt == "-" and text[e + 1:e + 2].isalpha():
            pass
        else:
            if not r.words and _NOT_AFTER.match(text, e):
                return False
        m = _SCALE_AFTER.match(text, e)
        if m:
            word = (m.group(1) or m.group(2) or m.group(3) or m.group(4)).lower()
            single = word in ("m", "b", "k")
            curr_before = _CURR_BEFORE.search(before)
            if single and not curr_before:
                after = text[m.end():m.end() + 20]
                if word == "m" and re.match(r"\s*(?:tall|high|long|deep|wide|sprint|race|metres|meters|"
                                            r"freestyle|hurdles|away|below|above|from)\b|\s*[.,;)]?\s*$", after, I):
                    m = None
                elif word == "b" or word == "m" and not re.match(r"\s+[a-z]|\s*[,.;)]", after):
                    m = None
            if m:
                r.value *= SCALE_SUFFIX[word]
                digits = text[s:e]
                if "." in digits:
                    r.precision = 0.5 * 10 ** -decimals(digits) * SCALE_SUFFIX[word]
                elif not r.words:
                    r.precision = 0.5 * SCALE_SUFFIX[word] if r.value / SCALE_SUFFIX[word] < 10 else 0.0
                r.end = e = m.end()
                r.scaled = True
        cb = _CURR_BEFORE.search(before)
        if cb:
            code = cb.group(1) or cb.group(2)
            r.unit = CURRENCY_SYMBOLS.get(code.strip(), code.strip().upper())
            r.kind, r.start = "currency", s - len(cb.group())
            r.start += len(cb.group()) - len(cb.group().lstrip())
            if not r.scaled:
                m2 = _SCALE_AFTER.match(text, e)
                if m2 and (m2.group(4) or "").lower() in ("m", "b", "k"):
                    r.value *= SCALE_SUFFIX[m2.group(4).lower()]
                    r.end = e = m2.end()
        else:
            m = _PERCENT_AFTER.match(text, e)
            if m:
                word = " ".join(m.group(1).lower().split())
                r.unit = PERCENT_WORDS.get(word) or ("percentage_point" if "point" in word else "percent")
                r.kind, r.end = "percent", m.end()
            elif (m := _CURR_WORD_AFTER.match(text, e)):
                w = m.group(1)
                r.unit = w.upper() if w.upper() in CURRENCY_CODES and w.isupper() else CURRENCY_WORDS.get(w.lower())
                if r.unit is None:
                    return _plain_checks(text, r, before)
                r.kind, r.end = "currency", m.end()
            elif (m := _AGE.match(text, e)):
                r.unit, r.kind, r.end = "year", "age", m.end()
                if text[r.end:r.end + 1] == "s":
                    return False
            elif (m := _UNIT_AFTER.match(text, e)):
                sep, surface = m.group(1), m.group(2)
                name = _unit_name(surface)
                single = len(surface) <= 2 and surface.isalpha() and surface not in ("km", "kg", "mm", "cm", "ft", "mi")
                if name and not (sep and sep.isspace() and single and surface not in ("C", "F")) \
                        and not (surface in ("C", "F") and (sep or text[e - 1:e] == "")):
                    if not (name in ("year", "month", "week", "day", "hour", "minute", "second") and sep == "-"
                            and not _hyphen_duration(text, m.end())):
                        r.unit, r.end = name, m.end()
                        r.kind = "quantity"
                elif not sep and surface[:1].isalpha() and not name:
                    return False
            elif text[e:e + 1].isalpha() and not r.words:
                return False
            if r.unit is None and _AGED_BEFORE.search(before):
                r.unit, r.kind = "year", "age"
    m = _QUAL_BEFORE.search(text, max(0, r.start - 24), r.start)
    if m:
        r.q = m.group("q") or m.group("s")
        r.start = m.start()
    return _plain_checks(text, r, before)


def _hyphen_duration(text: str, pos: int) -> bool:
    return True


_PLURALS = frozenset("people men women children police staff personnel cattle troops fish sheep".split())


def _count_noun(word: str) -> bool:
    """A lower-case plural noun that makes a year-like number a count (``1500 troops``)."""
    w = word.lower()
    return word.islower() and (w in _PLURALS or (w.endswith("s") and not w.endswith("ss") and w not in _STOP))


def _plain_checks(text: str, r: _Raw, before: str) -> bool:
    """Year, identifier and name checks for a bare integer with no unit."""
    if r.unit is not None or r.vague is not None or r.words or not r.integer or r.scaled:
        return True
    s, v = r.start, r.value
    if r.q:
        s = r.start
    core_start = s if not r.q else None
    if core_start is None:
        return True
    if _ID_BEFORE.search(before) or _CAP_BEFORE.search(text, max(0, s - 30), s):
        return False
    raw = text[s:r.end]
    if 1000 <= v <= 2100 and "," not in raw and not any(c in raw for c in "\u00a0\u2009\u202f"):
        nxt = _WORD.match(text, r.end + 1) if text[r.end:r.end + 1] == " " else None
        if _YEAR_BEFORE.search(before) or not nxt or not _count_noun(nxt.group()):
            return False
    return True


def _ranges(text: str, raws: list[_Raw]) -> list[_Raw]:
    """Merge ``30-40``, ``30 to 40``, ``between 30 and 40`` into one range claim."""
    out: list[_Raw] = []
    for r in raws:
        if out:
            a = out[-1]
            gap = text[a.end:r.start]
            if (len(gap) <= 5 and _RANGE_GAP.match(gap) and a.vague is None and r.vague is None
                    and r.q is None and (a.unit is None or a.unit == r.unit)):
                word = gap.strip().lower()
                between = (a.q or "").lower() in ("between", "from")
                ok = word in ("-", "–", "—") or (word == "to" and (between or a.unit == r.unit or True)) \
                    or (word == "and" and between) or (word == "or" and a.value < r.value and a.unit is None)
                if ok and word == "or":
                    ok = False
                if ok and word in ("-", "–", "—") and gap != word:
                    ok = word != "-"
                if ok:
                    lo = a.value
                    if a.unit is None and r.unit is not None:
                        mult = r.value / max(1e-300, _unscaled(text, r))
                        if lo * mult <= r.value * 1.0001 and mult != 1 and lo < _unscaled(text, r):
                            lo *= mult
                    if lo <= r.value:
                        m = _Raw(a.start, r.end, (lo + r.value) / 2, r.unit, r.kind)
                        m.q, m.vague = "range", (lo, r.value)
                        out[-1] = m
                        continue
        out.append(r)
    for r in out:
        if r.q and r.q.lower() in ("between", "from"):
            r.q = None
            r.start += len(text[r.start:].split(None, 1)[0])
            while text[r.start].isspace():
                r.start += 1
    return out


def _unscaled(text: str, r: _Raw) -> float:
    m = re.match(r"[^\d]*([\d.,]+)", text[r.start:r.end])
    v = digits_value(m.group(1)) if m else None
    return v or r.value


def _noun(text: str, end: int) -> str:
    words = []
    pos = end
    for _ in range(3):
        m = _WORD.match(text, pos + 1) if text[pos:pos + 1] == " " else None
        if not m:
            break
        w = m.group()
        if w.lower() in _STOP or (words and w[0].isupper() != words[-1][0].isupper() and not words[-1][0].isupper()):
            break
        words.append(w)
        pos = m.end()
        if w.endswith(("s", "people", "men", "women", "children")) and len(words) >= 1 and not w[0].isupper():
            break
    return " ".join(words)


def _claim(text: str, r: _Raw, bounds: list[int]) -> Claim:
    i = bisect.bisect_right(bounds, r.start)
    s0 = bounds[i - 1] if i else 0
    s1 = bounds[i] if i < len(bounds) else len(text)
    if r.vague is not None:
        lo, hi = r.vague
        q = "range" if r.q == "range" else "vague"
        return Claim(r.value, lo, hi, q, r.unit, r.start, r.end, text[r.start:r.end], s0, s1,
                     _noun(text, r.end), r.kind)
    lo, hi, lo_open, hi_open, q = _qualified(r.value, r.q, r.precision)
    return Claim(r.value, lo, hi, q, r.unit, r.start, r.end, text[r.start:r.end], s0, s1,
                 _noun(text, r.end), r.kind, lo_open, hi_open)
