"""Money signs and codes before digits, scale words and letters after them: "$5m", "US$2",
"USD 250", "MEUR 60", "₹2 lakh crore", "15 dollars 50", "3 hundred and 21".

These readers widen a core in place: ``currency_before`` moves its start over the sign or code
written before it, ``attach_scale`` multiplies it by the scale written after it, and
``attach_currency`` gives it the currency and reads its cents.  The currency before a number
is matched on the reversed text before it; every word is reversed in code.
"""
from __future__ import annotations

from factcheck.extract import lazy_re as re

from factcheck.extract import numbers as N
from factcheck.extract.core import Core
from factcheck.extract.lexicon import METRE_CONTEXT, STOP, words
from factcheck.extract.nearby import counted_plural
from factcheck.extract.policy import rule
from factcheck.extract.units import CURRENCY_SYMBOLS

_NEXT_WORD_AFTER_OF = re.compile(r"[ \t]+(?:of[ \t]+)?([A-Za-z]+)")
SCALE = re.compile(r"([ \u00a0]?-?[ \u00a0]?)(million|billion|trillion|thousand|hundred|lakh|crore|dozens?|dozs|dzs?|"
                   r"Million|Billion|Trillion|Thousand|MILLION|BILLION)(?![A-Za-z])|"
                   r"([ \u00a0]?)(bn|mn|mln|bln|tn|tln|mil|MM)(?![A-Za-z])|(m|M|k|K|b|B|T)(?![A-Za-z0-9])|"
                   r" (k)(?=[.,;:!?)]|\Z)|"  # "2.33 k" closing a sentence: thousands
                   r"[ \u00a0]([MB])(?![A-Za-z0-9'’-])")  # "8 B people", "$5 M": a spaced capital, read by spaced_scale_letter
_SIGNS = "$£€¥₹₩₽₺₪"
#: Written before a sign: "US$", "U.S. $", "HK$" (any case).
_SIGN_PREFIXES = ("US", "U.S.", "CA", "AU", "NZ", "HK", "NT", "MX")
#: Codes written before the number: "USD 5", "Rs. 500", "MEUR 60" (a scale letter may lead).
_CODES_BEFORE = ("USD", "GBP", "EUR", "JPY", "CNY", "INR", "CAD", "AUD", "CHF", "HKD", "SGD", "NZD", "MYR", "SEK", "NOK",
                 "DKK", "KES", "ZAR", "NGN", "PLN", "BRL", "MXN", "PKR", "EGP", "KSh", "Ksh", "TSh", "USh", "Sh",
                 "RM", "Rs", "Rs.")
#: Written after a dollar sign: "$US 5", "$A 20".
_DOLLAR_SUFFIXES = {"US": "USD", "A": "AUD", "NZ": "NZD", "C": "CAD", "HK": "HKD"}


def _reversed(spellings) -> str:
    return "|".join(re.escape(word[::-1]) for word in sorted(spellings, key=lambda word: (-len(word), word)))


_CURRENCY_BEFORE = re.compile(  # matched on the reversed text: "$" or "US$" or "USD " just before the number
    r"[ \u00a0]?(?:([" + _SIGNS + r"])(?:(?:[ \u00a0]?((?i:" + _reversed(_SIGN_PREFIXES) + r"))|(C|A|S|R))"
    r"(?![A-Za-z’'.]))?|(" + _reversed(_CODES_BEFORE) + r")(M{1,2}|[kK])?(?![A-Za-z])|(" +
    _reversed(_DOLLAR_SUFFIXES) + r")\$)")
#: What the reversed text may begin with (after one blank) for either pattern to match.
_CURRENCY_FIRST = frozenset(_SIGNS) | {code[-1] for code in _CODES_BEFORE} | {code[-1] for code in _DOLLAR_SUFFIXES}
#: What the reversed text before a number may begin with (after one blank) when money is written there.
CURRENCY_LEAD = _CURRENCY_FIRST | {"S"}
#: "£" as ASCII transliteration writes it ("PS2.7m", "PS21,700"), matched reversed.
_TRANSLITERATED_POUND = re.compile(_reversed(["PS"]) + r"(?![A-Za-z0-9])")
_AND_A_FRACTION = re.compile(r"[ \t]+and[ \t]+an?[ \t]+(half|quarter)\b(?![ \t]+of\b)", re.IGNORECASE)
_HUNDREDS_TAIL = re.compile(r"[ \t]+([1-9])[ \t]+hundred(?![A-Za-z])")
_AND_TAIL = re.compile(r"[ \t]+and[ \t]+(\d{1,2}|[a-z]+(?:-[a-z]+)?)(?![\d.,]|[ \t]*(?:-|hundred|thousand|million|billion|"
                       r"per|%))", re.IGNORECASE)
#: "$5-", "£25k or ", "between $5m and ": money, then the dash or word that joins a second figure to it.
_CURRENCY_RANGE_BEFORE = re.compile(r"(?P<between>between[ \t]+)?[$£€¥₹][ \u00a0]?\d[\d,.]*(?:[ \u00a0]?(?:bn|mn|tn|[mkb]))?"
                                    r"[ \t]*(?:[-–]|to|or|(?(between)and|(?!)))[ \t]*\Z", re.IGNORECASE)
_COMPANY_NEXT = re.compile(r"[ \t]+(?:Co\b|Company|Corp|Corporation|Inc|said|says)")
_K_NOUNS = words("k_nouns")
_B_NOUNS = words("b_nouns")
#: "Grade 8 B and ", "Section 3 M, ": a label, a figure and a spaced capital, then a list goes on.
_LETTER_CODE_BEFORE = re.compile(r"(?<![A-Za-z])([A-Z][A-Za-z]*)[ \t]+\d+[ \u00a0][A-Z][ \t]*(?:,|&|and|or|to|[-–])[ \t]*\Z")
_SPACED_LETTER_BOUND = re.compile(r"[ \t]*(?:[-–]|to|and|or)[ \t]*\d[\d.,]*[ \u00a0]([MB])(?![A-Za-z0-9'’-])")
_CLAUSE_END = re.compile(r"[ \t]*(?:[,;:!?)]|\.(?![0-9])|\Z)")
_CENTS = re.compile(r"[ \t]+(?:and[ \t]+)?(\d{1,2}|[a-z]+(?:[ -][a-z]+)??)(?:[ \t]?(cents?|pence|p)\b|(?=[ \t]*(?:[.,;!?]|\Z)))"
                    r"|[ \t]+(\d\d)(?=[ \t]+(?:more|less|extra|each|apiece)\b)",  # "15 USD 50 more"
                    re.IGNORECASE)


def currency_before(text: str, core: Core, before: str) -> str | None:
    """The currency written just before ``core`` ("$", "-$", "US$", "USD ", "PS"), whose start
    moves to the sign; a scaled code ("MEUR 60") scales it.  ``before`` is the reversed text
    before ``core``; none is written there unless it begins (after a blank) with one of
    ``CURRENCY_LEAD`` or a minus."""
    if before[:1] in ("-", "−") and before[1:2] in ("$", "£", "€", "¥"):
        core.value, core.start, before = -core.value, core.start - 1, before[1:]
    first = before[1:2] if before[:1] in (" ", "\u00a0") else before[:1]
    code = _CURRENCY_BEFORE.match(before) if first in _CURRENCY_FIRST else None
    if first == "S" and _TRANSLITERATED_POUND.match(before):
        core.start -= 2
        return "GBP"
    currency = _currency_code(code) if code else None
    if currency:
        core.start -= code.end()
        if code.group(5):  # "MEUR 60", "kUSD 250": a scaled code before the number
            scale = 1e6 if code.group(5)[0] == "M" else 1e3
            core.value, core.step, core.scale = core.value * scale, core.step * scale, scale
    return currency


@rule("not-claim.console-name")
def console_name(text: str, core: Core) -> bool:
    """"PS5" is a games console: "PS" stands for "£" only before a comma, a decimal or a scale ("PS2.7m", "PS21,700")."""
    digits = text[core.start + 2:core.cend]
    return text.startswith("PS", core.start) and "," not in digits and "." not in digits and not SCALE.match(text, core.end)


def _currency_code(found: re.Match) -> str | None:
    sign, prefix, code, dollar = found.group(1), found.group(2) or found.group(3), found.group(4), found.group(6)
    if dollar:
        return _DOLLAR_SUFFIXES[dollar[::-1]]
    if code:
        code = code[::-1]
        return CURRENCY_SYMBOLS.get(code) or code.upper()
    if prefix:
        written = prefix[::-1].upper()
        return CURRENCY_SYMBOLS.get(written + sign) or CURRENCY_SYMBOLS.get(sign)
    return CURRENCY_SYMBOLS.get(sign)


def attach_scale(text: str, core: Core, currency: str | None, found: re.Match) -> None:
    """Multiply ``core`` by the scale ``found`` right after it (a ``SCALE`` match: "5m", "3 billion",
    "a hundred million", "2 lakh crore")."""
    if found.lastindex == 6 and core.step >= 1:
        return  # a spaced "k" scales only a decimal: "the 10 k." is a race
    word = found.group(found.lastindex)
    if found.lastindex == 7:
        if not spaced_scale_letter(text, core, found.end(), currency):
            return
        core.rule = spaced_scale_letter.rule_id
    elif len(word) == 1 and not _single_letter_scale(text, core, word, found.end(), currency):
        return
    scale = 12.0 if word.lower().startswith(("doz", "dz")) else N.SCALE_SUFFIX.get(word) or N.SCALE_SUFFIX[word.lower()]
    if word.lower() in ("hundred", "thousand", "lakh") and (larger := SCALE.match(text, found.end())) and larger.group(2) \
            and N.SCALE_SUFFIX.get(larger.group(2).lower(), 0) > scale:
        scale *= N.SCALE_SUFFIX[larger.group(2).lower()]  # "a hundred million", "₹2 lakh crore"
        found = larger
    core.value *= scale
    core.step *= scale
    core.scale = scale
    core.end = found.end()
    if scale >= 1e6 and (fraction := _AND_A_FRACTION.match(text, core.end)):
        core.value += scale * (0.5 if fraction.group(1).lower() == "half" else 0.25)
        core.end = fraction.end()
    elif scale in (100.0, 1000.0) and core.step == scale:
        core.end = _mixed_tail(text, core, scale, core.end)


def attach_currency(text: str, core: Core, currency: str) -> None:
    """Make ``core`` an amount of ``currency`` and read the cents written after it ("$2 and 75 cents")."""
    core.unit, core.kind = currency, "currency"
    end = core.end
    if core.scale == 1.0 and core.step == 1.0 and text[end:end + 1] == " " and \
            (text.find("cent", end, end + 26) >= 0 or currency == "GBP" and text.find("p", end + 2, end + 26) >= 0):
        cents(text, core, currency)


def _mixed_tail(text: str, core: Core, scale: float, end: int) -> int:
    """``3 hundred and 21``, ``4 thousand 3 hundred``: digits with scale words, read on to the end."""
    if scale == 1000.0 and (hundreds := _HUNDREDS_TAIL.match(text, end)):
        core.value += int(hundreds.group(1)) * 100
        core.step = 100.0
        end = hundreds.end()
    if core.step == 100.0 and (tail := _AND_TAIL.match(text, end)):
        written = tail.group(1)
        value = float(written) if written.isdigit() else (N.words_value(written) or (None, True))[0]
        if value is not None and 0 < value < 100 and value == int(value):
            core.value += value
            core.step, core.scale = 1.0, 1.0  # every digit is written: an exact whole number
            end = tail.end()
    return end


def _single_letter_scale(text: str, core: Core, letter: str, end: int, currency: str | None) -> bool:
    """Is the ``m``/``k``/``b`` right after digits a scale (``£5m``, ``2.3m passengers``, ``40k``)?"""
    if currency or _CURRENCY_RANGE_BEFORE.search(text, max(0, core.start - 32), core.start):
        return True  # "£5m"; "$5-10m": the range's currency makes the m millions
    if letter == "T":
        return False
    if letter == "M":
        return not _COMPANY_NEXT.match(text, end)  # "3M Co.", "3M said": a company
    if letter == "K" and core.step < 1:
        return False
    following = _NEXT_WORD_AFTER_OF.match(text[end:end + 24])
    if letter in "kK":  # not "a 10k race", "a 4K display", "a 401k plan"
        return not (following and following.group(1).lower() in _K_NOUNS)
    if letter in "bB":
        return core.step < 1
    if following:
        word = following.group(1).lower()
        if word in METRE_CONTEXT or word in STOP or not word.isalpha():
            return False
        return word.endswith("s") or word in ("people", "children", "men", "women") or core.step < 1
    return core.step < 1


@rule("unit.spaced-scale-letter")
def spaced_scale_letter(text: str, core: Core, end: int, currency: str | None) -> bool:
    """A capital "M" or "B" after a blank is millions or billions after money, or before a plural it counts ("8 B people", "$5 M"; not "Grade 8 B", "20 B movies")."""
    if currency or _CURRENCY_RANGE_BEFORE.search(text, max(0, core.start - 32), core.start):
        return True
    start = core.start
    if (code := _LETTER_CODE_BEFORE.search(text, max(0, start - 40), start)) and code.group(1).lower() not in STOP:
        return False  # "Grade 8 B and 9 B pupils": a list of classes after a label
    letter = text[end - 1]
    if (second := _SPACED_LETTER_BOUND.match(text, end, end + 24)) and second.group(1) == letter:
        return True  # "between 1 B and 2 B people": the second bound's letter scales the first
    following = _NEXT_WORD_AFTER_OF.match(text[end:end + 24])
    if following is None:
        return core.step < 1 and _CLAUSE_END.match(text, end) is not None  # "worth 3.5 B."
    word = following.group(1)
    if letter == "B" and word.lower() in _B_NOUNS:
        return False
    return counted_plural(word)


def cents(text: str, core: Core, symbol: str | None = None) -> None:
    """``15 dollars 50``, ``thirteen dollars and forty-five cents`` and ``$2 and 75 cents`` →
    15.50, 13.45, 2.75.  After a sign (``symbol`` is its currency) only a named subunit of that
    currency counts: "$5 and 50 cents", not "$5 and 50" nor "$5 and 50p"."""
    found = _CENTS.match(text, core.end)
    if not found:
        return
    if symbol and (not found.group(2) or (found.group(2).lower() in ("pence", "p")) != (symbol == "GBP")):
        return
    written = found.group(1) or found.group(3)
    value = float(written) if written.isdigit() else (N.words_value(written) or (None, True))[0]
    if value is not None and 0 < value < 100 and value == int(value):
        core.value += value / 100
        core.end = core.cend = found.end()


__all__ = ["CURRENCY_LEAD", "SCALE", "attach_currency", "attach_scale", "cents", "console_name", "currency_before",
           "spaced_scale_letter"]
