"""Number cores: the digits or words that state a number, and what they are worth.

``DIGITS`` and ``WORDS`` are the two scanners ``extract`` runs over a text; ``digit_core``
and ``word_core`` turn one match into a ``Core`` (value, span, precision) or reject it when
the words are an idiom ("one of", "no one"), a name ("Formula One") or an ordinal ("the
third quarter"; ``number_words`` and ``fraction_words`` hold that policy).  A reading that is
no claim is the id of the rule that drops it.
"""
from __future__ import annotations

import math

from factcheck.extract import lazy_re as re
from factcheck.extract import numbers as N
from factcheck.extract import qualifiers as Q
from factcheck.extract.lexicon import IDENTIFIER_WORDS, MONTHS
from factcheck.extract.units import AFTER_NUMBER, alternation
from factcheck.extract.core import Core
from factcheck.extract.fraction_words import fraction_rule
from factcheck.extract.nearby import prev_word, sentence_start
from factcheck.extract.number_words import OUT_OF, word_rule
from factcheck.extract.policy import DROP, rule

_SLASH_DENOMINATOR = re.compile(r"[/⁄](\d{1,4})(?![\d/])| / (\d{1,4})(?!\d| / ?\d)")  # "3/4", tokenized "3 / 4"
#: " / 25 / 2019" after a number: what follows a slash is no claim of its own.
SLASH_CHAIN = re.compile(r"(?: / \d+)+")
#: " . 2 . 1" after a number: a tokenized version, address or date ("4 . 2 . 1"), no claim at all.
DOT_CHAIN = re.compile(r"(?: \. \d+){2,}")
_OF_NEXT = re.compile(r"[ \t]+of\b")
_LETTERS = re.compile(r"[A-Za-z]+")
_SCALE_NEXT = re.compile(r"[ \t]+(thousand|million|billion|trillion)\b", re.IGNORECASE)
_SCORES_OF = re.compile(r"[ \t]+of\b(?![ \t]*\d)")  # "scores of people"; "scores of 700" are results
_OF_PLURAL_SCALE = re.compile(r"[ \t]+of[ \t]+(thousands|millions|billions)(?![A-Za-z])", re.IGNORECASE)
_SEP = "\u00a0\u2009\u202f"
FRACTION_CHARS = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
DIGITS = re.compile(
    r"(?=[\d." + FRACTION_CHARS + r"])(?:(?<![\w.,:/#@'’×⁄±^])|(?<=USD|GBP|EUR|JPY|AUD|CAD|INR|CNY|CHF|HKD|MYR|SGD|NZD|NOK|SEK|DKK|ZAR|KES|PLN|\$US)|(?<=RM|Rs|Sh|\$A|PS)|(?<=[a-z]{2},)"
    r"|(?<=')(?<![\w.,:/'’]')(?=\d{1,3}(?:[.,]\d+)?[ \t]?(?:cents?|per[ \t]cent|percent|%|dollars|euros|million|billion)\b))"
    r"(?:(?<!\d \. )(?P<tint>\d{1,3}) \. (?P<tdec>\d{1,4})(?![\d,^]| \. \d)"
    r"|(?P<whole>\d{1,3}(?:,\d{3})+(?!\d)|\d{1,2}(?:,\d{2})+,\d{3}(?!\d)|\d{1,3}(?:[ " + _SEP + r"]\d{3})+(?![\d,]?\d)"
    r"|(?=\d{1,3} ?, \d)(?:\d{1,3}(?: ?, 0\d\d)+(?![\d,]?\d|\.\d)|(?<!\d, )(?<!\d , )(?P<nz>\d{1,3}) ?, [1-9]\d\d"
    r"(?![\d,]?\d|\.\d| ?, ?\d| (?:and|or|&) \d))"
    r"|\d+)(?P<dec>\.\d+)?|(?P<bare>\.\d+))"
    r"(?:[eE](?P<exp>[+-]?\d{1,3})(?![\w.])|[ ]?[x×][ ]?10(?:\^(?P<exp2>[+−-]?\d{1,3})|(?P<exp3>[−-]\d{1,3})|(?P<exp4>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))(?![\d.])|\^(?P<pow>[+−-]{0,2}\d{1,3})(?![\d.]))?"
    r"(?:(?P<sp>[ " + _SEP + r"]{0,2})(?P<frac>\d{1,2}/\d{1,3}(?![\d/])|(?<= )\d{1,2} / \d{1,3}(?![\d/]| / ?\d)|[" + FRACTION_CHARS + r"]))?|(?P<alone>[" + FRACTION_CHARS + r"])")


_WORD_LIST = [*N.CARDINALS, "hundred", *N.SCALES, *N.DOZEN, *N.DENOMINATORS, *N.VAGUE]
_W = alternation([*_WORD_LIST, *N.COMPOUND_DENOMINATORS]) + "(?![a-z])"  # "first" only after another word
_JOIN = r"(?:[ \t]*-[ \t]*|[ \t]+(?:(?:and|&)[ \t]+)?(?:an?[ \t]+)?)"
WORDS = re.compile(r"(?<![a-z'’])" + alternation(_WORD_LIST) + "(?![a-z])(?:" + _JOIN + _W + "){0,11}")
WORDS_ANYCASE = re.compile(WORDS.pattern, re.IGNORECASE)
#: ``WORDS`` after the character before it, as group 1: a pattern that starts with a plain
#: character class lets the regex engine skip the letters inside words quickly.
WORDS_AFTER = re.compile(r"[^a-z'’](" + WORDS.pattern[len(r"(?<![a-z'’])"):] + ")")
WORDS_AFTER_ANYCASE = re.compile(WORDS_AFTER.pattern, re.IGNORECASE)
_TOKEN = re.compile(r"[A-Za-z]+")

PHONE = re.compile(r"\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}|\d{1,3}-\d{3}-[A-Z]{3,}(?![A-Za-z])|\d{3}-\d{4}(?![\d,])|\d{1,4}(?:[-.]\d{2,4}){2,}(?![\d,])|\d{2,4}[ .]\d{3,4}[ .]\d{3,4}(?![\d,])|"
                    r"\d{4}-\d{2}(?:-\d{2})?(?!\d)|\d+(?:-\d+){2,}(?![\d,])")
INTL = re.compile(r"\d{1,3}(?:[ .-]\(?\d{1,4}\)?){2,}")


def digit_core(text: str, m: re.Match) -> Core | str | None:
    """A ``DIGITS`` match as a core (``1,800``, ``2.5``, ``10 1/2``, ``6.5×10−5``), the id of the
    rule that drops it, or None when it reads as no number."""
    tok_int, tok_dec, whole, _, dec, bare, exp, exp2, exp3, exp4, pw, sp, frac, alone = m.groups()
    s, e = m.span()
    if alone:
        return Core(s, e, N.UNICODE_FRACTIONS[alone])
    if tok_int:
        dec, core = "." + tok_dec, tok_int + "." + tok_dec
    else:
        core = whole + dec if whole and dec else whole or bare
    value = float(core) if core.isdecimal() else N.digits_value(core)  # plain digits: the common case
    if value is None:
        return None
    if frac:
        if frac in N.UNICODE_FRACTIONS:
            value += N.UNICODE_FRACTIONS[frac]
        else:
            if malformed_fraction(frac, sp, dec):
                return malformed_fraction.rule_id
            a, b = frac.split("/")
            value += int(a) / int(b)
    elif whole and whole[0] == "0" and leading_zero(whole, dec):
        return leading_zero.rule_id
    exp = exp or exp2 or exp3 or exp4
    if pw:
        power = pw.replace("−", "-")
        value **= int(power.lstrip("+-")) * (-1 if power.count("-") % 2 else 1)
    elif exp:
        value = float(f"{value!r}e{int(exp.translate(_SUPERSCRIPT).replace('−', '-'))}")
    n = Core(s, e, value)
    n.step = 0.0 if exp or pw else N.step(core)
    if whole and not dec and e < len(text) and (text[e] in "/⁄" or not pw and not exp and text.startswith(" / ", e) and SLASH_CHAIN.match(text, e)):
        return _slash_fraction(text, n, whole)
    return n


@rule("not-claim.malformed-fraction")
def malformed_fraction(fraction: str, space: str, decimal: str | None) -> bool:
    """A figure and a fraction that is not proper, or glued to it, are no number ("10 5/3")."""
    numerator, denominator = fraction.split("/")
    return int(numerator) >= int(denominator) or int(denominator) == 0 or space == "" and not decimal


@rule("not-claim.leading-zero")
def leading_zero(whole: str | None, decimal: str | None) -> bool:
    """A whole number written with a leading zero is a code ("007", "0800 numbers")."""
    return bool(whole) and not decimal and len(whole) > 1 and whole[0] == "0"


def spaced_thousands_ok(text: str, s: int) -> bool:
    """Is "1, 118" at ``s`` one number with a spaced separator, not a date's day or an
    identifier before a count ("May 5, 118 people", "Figure 2, 340 patients")?"""
    prev = prev_word(text, s)
    return not prev or prev[1] != "" or prev[0].lower().rstrip(".") not in MONTHS and prev[0].lower() not in IDENTIFIER_WORDS


_DENOMINATORS = frozenset((2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 25, 32, 50, 64, 100, 128, 1000))


@rule("not-claim.slash-pair")
def slash_pair(text: str, end: int, numerator: int) -> bool:
    """Figures joined by a slash that make no common fraction are a name, a date or a rate ("9/11", "24/7", "3/15")."""
    found = _SLASH_DENOMINATOR.match(text, end)
    if not found:
        return True
    denominator = int(found.group(1) or found.group(2))
    return not 0 < numerator < denominator or denominator not in _DENOMINATORS and found.group()[0] != "⁄" and \
        not _OF_NEXT.match(text[found.end():found.end() + 4])


def _slash_fraction(text: str, n: Core, whole: str) -> Core | str:
    """``3/4`` and ``1/2 cup`` are fractions; ``9/11``, ``24/7`` and dates are not claims."""
    if slash_pair(text, n.end, int(whole)):
        return slash_pair.rule_id
    m = _SLASH_DENOMINATOR.match(text, n.end)
    n.value, n.end, n.step = int(whole) / int(m.group(1) or m.group(2)), m.end(), 0.0
    n.cend = n.end
    return n


# -- number words ----------------------------------------------------------------------------------------

_DIGIT_WORDS = {**{w: str(v) for w, v in N.SMALL.items() if v < 10}, "nought": "0", "naught": "0", "oh": "0"}
_DIGIT_WORD = "(?:zero|nought|naught|oh|one|two|three|four|five|six|seven|eight|nine)"
_POINT = re.compile(r"[ \t]+point[ \t]+(" + _DIGIT_WORD + r"(?:[ \t]+" + _DIGIT_WORD + r")*"
                    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-" + _DIGIT_WORD + r")?"
                    r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?![A-Za-z])",
                    re.IGNORECASE)
_NEEDS_A = frozenset(["hundred", "dozen", "doz", "dozs", *N.SCALES, *(d for d in N.DENOMINATORS if d != "half")])
_PRICE_BEFORE = re.compile(r"(?:[$£€¥][ \t]?\d[\d,.]*|\d[\d,.]*[ \t]?(?:cents?|pence|p|dollars?|euros?|pounds?|yen|bucks))"
                           r"[ \t]+\Z", re.IGNORECASE)
_A_BEFORE = re.compile(r"(?<![A-Za-z])(?:half[ \t]+)?an?[ \t]+\Z", re.IGNORECASE)


def _decimal_digits(words: str) -> str:
    """``zero three`` → ``03``; ``seventy-one`` → ``71``; ``twenty`` → ``20`` (digits after "point")."""
    toks = _LETTERS.findall(words.lower())
    out = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if t in N.TENS:
            nxt = toks[i + 1] if i + 1 < len(toks) else ""
            out.append(str(N.TENS[t] // 10) + (_DIGIT_WORDS[nxt] if nxt in _DIGIT_WORDS and nxt not in ("zero", "oh") else "0"))
            i += 2 if nxt in _DIGIT_WORDS and nxt not in ("zero", "oh") else 1
        else:
            out.append(_DIGIT_WORDS.get(t) or str(N.SMALL.get(t, "")))
            i += 1
    return "".join(out)


def word_core(text: str, s: int, e: int) -> Core | str | None:
    """The ``WORDS`` match ``text[s:e]`` as a core (``two hundred and one``, ``a dozen``,
    ``two-thirds``), the id of the rule that drops it, or None when it reads as no number.

    The longest prefix of the run that reads as one number wins; ``cend`` tells the caller
    where to resume scanning.  ``SkipTo`` is raised when the words are no claim and must not
    be read again (a spoken year, an ordinal).
    """
    toks = [(t.start(), t.end()) for t in _TOKEN.finditer(text, s, e)]
    first = text[toks[0][0]:toks[0][1]].lower()
    if first in N.VAGUE:
        return _vague(text, s, toks, first)
    year_end = first in N.YEAR_HEADS and spoken_year(text, s, first)
    if year_end:
        raise SkipTo(year_end, spoken_year.rule_id)
    if first in ("three", "half", "quarter") and (rp := _RATE_POINT.match(text, s)):
        a = _A_BEFORE.search(text, max(0, s - 10), s)
        if (a or first == "three") and _RATE_WORDS.search(text, max(0, s - 100), min(len(text), rp.end() + 100)):
            n = Core(a.start() if a else s, rp.end(), _RATE_POINT_VALUE.get(first, 0.75), words=True)
            n.unit, n.kind = "percentage_point", "percent"
            return n
    s0 = s
    if first in _NEEDS_A or first in N.TENS and len(toks) == 2 and _compound_denominator(text, toks):
        a = _A_BEFORE.search(text, max(0, s - 10), s)
        if a:
            s0 = a.start()
        elif word_needs_a(first, text[toks[1][0]:toks[1][1]].lower() if len(toks) > 1 else ""):
            return word_needs_a.rule_id
    if s0 < s and price_per_quantity(text, s0):
        return price_per_quantity.rule_id
    if first == "half" and len(toks) == 1:
        parsed, e = (0.5, True), toks[0][1]
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
        skip = ordinal_words(text, toks, j, e)
        if skip:
            raise SkipTo(skip, ordinal_words.rule_id)
    value, is_fraction = parsed
    pm = _POINT.match(text, e) if not is_fraction else None
    decided = None
    if pm:
        digits = _decimal_digits(pm.group(1))
        if digits and value == int(value):
            value, e = float(f"{int(value)}.{digits}"), pm.end()
            sm = _SCALE_NEXT.match(text[e:e + 12])
            if sm:
                value, e = value * N.SCALES[sm.group(1).lower()], e + sm.end()
    else:
        decided = word_rule(text, s0, e, text[s0:e].lower())
        if decided is not None and decided.startswith(DROP):
            return decided
    n = Core(s0, e, value, words=True)
    if decided is not None:
        n.rule = decided
    scale = 1.0
    if not is_fraction and text[e - 1:e] in ("d", "n", "D", "N"):  # hundreD, thousanD, millioN, billioN
        tail = text[max(s0, e - 8):e].lower()
        scale = next((v for w, v in N.WORD_SCALES.items() if tail.endswith(w)), 1.0)
    if scale > 1.0:
        n.scale = scale  # "five to six hundred": the scale spreads to the first figure
        if scale >= 1e6 and value % scale == 0:
            n.step = scale  # "two million" is as rounded as "2 million": [1.5 M, 2.5 M)
    if is_fraction and value >= 1 and text[s0:e].lower().endswith("quarters") and \
            " and " not in text[s0:e].lower():
        cut = max(text.rfind(" ", s0, e), text.rfind("-", s0, e))
        whole = N.words_value(text[s0:cut]) if cut > s0 else None
        if whole is not None and not whole[1]:
            return Core(s0, cut, whole[0], words=True)  # "twenty-seven quarters": periods or coins, a count
    if is_fraction:
        of = _OF_SCALE.match(text, e)
        if of:
            n.value *= N.SCALES[of.group(1).lower()]
            n.end = n.cend = of.end()
            return n
        fu = _FRACTION_OF_UNIT.match(text, e) if 0 < value < 1 else None
        if fu:
            n.end = n.cend = fu.end(1)
            return n  # "half a mile", "a quarter of a percentage point": widen reads the unit
        decided = fraction_rule(text, n, first)
        if decided is not None:
            if decided.startswith(DROP):
                return decided
            n.rule = decided
        n.value, n.unit, n.kind = n.value * 100, "percent", "fraction"
    return n


def _compound_denominator(text: str, toks) -> bool:
    """Is the second of two words a unit ordinal, as in "a twenty-first"?"""
    w = text[toks[1][0]:toks[1][1]].lower()
    return w in N.COMPOUND_DENOMINATORS or w in N.DENOMINATORS and N.DENOMINATORS[w] < 10


_ORDINAL_NEXT = re.compile(
    r"(?:[ \t]*-[ \t]*|[ \t]+(?:and[ \t]+)?(?P<a>an?[ \t]+)?)(?:(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
    r"twelfth|[a-z]{3,5}teenth|[a-z]{4,6}ieth|hundredth|thousandth|millionth|billionth|trillionth)|(?:firsts|thirds|fourths|"
    r"fifths|sixths|sevenths|eighths|ninths|tenths|elevenths|twelfths|[a-z]{3,5}teenths|[a-z]{4,6}ieths|hundredths|thousandths|"
    r"millionths|billionths|trillionths))(?![A-Za-z])",
    re.IGNORECASE)


class SkipTo(Exception):
    """Raised by ``word_core`` when the words up to ``end`` are no claim and must not be re-read;
    ``rule`` is the id of the rule that drops them."""

    def __init__(self, end: int, rule_id: str):
        super().__init__(end)
        self.end, self.rule = end, rule_id


@rule("not-claim.spoken-year")
def spoken_year(text: str, start: int, first: str) -> int:
    """A year said aloud is a date ("nineteen eighty-four", "twenty twenty-three")."""
    year = N.SPOKEN_YEAR.match(text, start) if first in N.YEAR_HEADS else None
    return year.end() if year else 0


@rule("not-claim.word-needs-a")
def word_needs_a(first: str, second: str) -> bool:
    """A scale or fraction word with no "a" or number before it is a word ("the Hundred Years' War", "third place")."""
    return not (first in ("quarter", "hundred") and second in N.SCALES) and first not in N.TENS


@rule("not-claim.price-per-quantity")
def price_per_quantity(text: str, start: int) -> bool:
    """A price before "a dozen" or "a hundred" makes it the quantity priced, not a count ("64 cents a dozen")."""
    return _PRICE_BEFORE.search(text, max(0, start - 24), start) is not None


@rule("not-claim.ordinal-words")
def ordinal_words(text: str, toks, j: int, e: int) -> int:
    """Number words that head an ordinal are no count ("twenty-first", "one hundred and first", "twenty fifth")."""
    om = _ORDINAL_NEXT.match(text, e)
    if om is None:
        return 0
    last = text[toks[j - 1][0]:toks[j - 1][1]].lower()
    head = om.group("ord") is None or om.group("a") or last in N.TENS or last == "hundred" or last in N.SCALES
    return om.end() if head else 0


_AND_AGAIN = re.compile(r"[ \t]+and[ \t]+([A-Za-z]+)(?![A-Za-z])")
#: A fraction of one unit: "half a mile", "a quarter mile", "three-quarters of a mile" (not "half an hour",
#: as "an hour" is no claim either).
_FRACTION_OF_UNIT = re.compile(r"((?:[ \t]+of)?[ \t]+an?|)(?=[ \t-]+(?:mile|kilometre|kilometer|metre|meter|foot|inch|acre|"
                               r"hectare|pound|kilogram|kilo|ton|tonne|gallon|litre|liter|ounce|percentage[ \t]+point)s?"
                               r"(?![A-Za-z]))", re.IGNORECASE)
#: "a half-point", "a quarter point", "a three-quarter-point hike": a move in a rate, in percentage points.
_RATE_POINT = re.compile(r"(three[ \t]?-[ \t]?quarters?|half|quarter)(?:[ \t]?-[ \t]?|[ \t]+)point(?![A-Za-z-]|[ \t]+of\b)",
                         re.IGNORECASE)
_RATE_POINT_VALUE = {"half": 0.5, "quarter": 0.25}
_RATE_WORDS = re.compile(r"\b(?:rates?|interest|yields?|inflation|percent|per[ \t]cent|unemployment|jobless|mortgages?|"
                         r"borrowing|bps|basis|Fed|central[ \t]bank)\b|%", re.IGNORECASE)
_OF_SCALE = re.compile(r"[ \t]+of[ \t]+an?[ \t]+(thousand|million|billion|trillion)\b", re.IGNORECASE)


@rule("not-claim.vague-name")
def vague_name(text: str, start: int) -> bool:
    """A capitalized vague amount inside a sentence is a name ("Mega Millions")."""
    return text[start].isupper() and not sentence_start(text, start)


@rule("not-claim.tens-or-scores-alone")
def tens_or_scores_alone(text: str, end: int, first: str) -> bool:
    """"tens" counts only in "tens of thousands", "scores" only in "scores of people" (not "scores of 700")."""
    return first == "tens" and not _OF_PLURAL_SCALE.match(text[end:end + 20]) or \
        first == "scores" and not _SCORES_OF.match(text, end)


def _vague(text: str, s: int, toks, first: str) -> Core | str:
    """``dozens``, ``hundreds``, ``tens of thousands`` (not ``Mega Millions``, a name)."""
    e = toks[0][1]
    if vague_name(text, s):
        return vague_name.rule_id
    base = N.VAGUE[first]
    m = _OF_PLURAL_SCALE.match(text[e:e + 20])
    if first in ("tens", "hundreds") and m:
        base *= N.VAGUE[m.group(1).lower()]
        e += m.end()
    elif tens_or_scores_alone(text, e, first):
        return tens_or_scores_alone.rule_id
    lo, hi = Q.vague_bounds(first, base)
    twice = _AND_AGAIN.match(text, e) if e == toks[0][1] else None
    if twice and twice.group(1).lower() == text[s:toks[0][1]].lower():
        e = twice.end()  # "hundreds and hundreds": one vague amount
    n = Core(s, e, round(math.sqrt(lo * hi)), words=True)
    n.vague = (lo, hi)
    return n


def out_of(text: str, n: Core) -> None:
    """``one in five``, ``3 out of 10`` → a fraction in percent."""
    m = OUT_OF.match(text, n.end)
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
    if den is None or not n.value < den <= 1000 or AFTER_NUMBER.match(text, end):
        return
    n.value, n.unit, n.kind, n.end, n.cend = 100 * n.value / den, "percent", "fraction", end, end
