"""The unit written right after a number: an age, a percentage, a currency or a unit of measure.

``attach_unit`` gives a core what an ``AFTER_NUMBER`` match found after it ("45-year-old",
"3.5%", "15 dollars", "5 km", "6ft 2in") and returns the id of the rule that drops the core
when the unit shows it is no amount: "give 100%", "in 2017 dollars", "Boeing 777F", "the 13F
filing", "5m-strong".
"""
from __future__ import annotations

from factcheck.extract import lazy_re as re

from factcheck.extract import numbers as N
from factcheck.extract.core import Core
from factcheck.extract.currency_and_scale import SCALE, cents
from factcheck.extract.lexicon import IDENTIFIER_WORDS, METRE_CONTEXT, pattern, words
from factcheck.extract.nearby import prev_word
from factcheck.extract.policy import rule
from factcheck.extract.units import (CURRENCY_CODES, CURRENCY_SYMBOLS, CURRENCY_WORDS, DURATIONS, PERCENT_WORDS, SCALED_CODES,
                                     SUBUNITS, UNIT_SURFACES, canonical)

_LETTER_NEXT = re.compile(r"[ \t]*[A-Za-z]")
_LOWER_WORD_NEXT = re.compile(r"[ \t]+[a-z]")
_INCHES_NEXT = re.compile(r"[ \t]*(?:and[ \t]+)?(\d{1,2})(?:[ \t]?(?:in\b|inch(?:es)?\b|\")|(?P<bare>)(?=[ \t]*(?:[,;:)!?]|\.(?!\d)|"
                          r"\Z|(?:tall|and|in)\b)))")  # "6ft 2in", "6 foot 4 and"
_OLD = re.compile(r"(?:[- ]| - )old\b")
_SYMBOL_GLUED = re.compile(r"[-.][A-Za-z]|/")
_METRE_COMPOUND = re.compile(r"-(" + "|".join(sorted(METRE_CONTEXT)) + r")\b")
_YEAR_MONEY_BEFORE = re.compile(r"\b(?:in|constant|real)[ \t]+(?:[A-Z][a-z]+\.?[ \t]+)?\Z")
_FILING_NEXT = re.compile(r"[ \t]+(?:(?:be|been|is|are|was|were)[ \t]+)?" + pattern("filing_words") + r"(?![A-Za-z])",
                          re.IGNORECASE)
#: Units that, spaced from a number, are more often a word or an initial than a unit.
_SPACED_DOUBTFUL = ("C", "F", "m", "h", "t", "g", "l", "in.", "ms", "V", "W", "PS", "mb")
_GIVE = words("effort_verbs")
#: After "pounds of", these nouns are money ("millions of pounds of damage"); others are weighed.
_MONEY_NOUNS = words("money_nouns")
_OF_NOUN = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+|their[ \t]+|its[ \t]+)?([A-Za-z]+)")


def pounds_weigh(text: str, end: int) -> bool:
    """Do the "pounds" ending at ``end`` weigh something ("5 million pounds of debris")?"""
    found = _OF_NOUN.match(text, end)
    return bool(found) and found.group(1).lower() not in _MONEY_NOUNS


@rule("not-claim.effort-idiom")
def effort_idiom(text: str, core: Core) -> bool:
    """"give 100%", "gave 110 percent": an idiom of effort, not a share."""
    return core.value in (100.0, 110.0, 200.0, 1000.0) and (prev_word(text, core.start) or ("",))[0].lower() in _GIVE


@rule("not-claim.constant-dollars")
def constant_dollars(text: str, core: Core) -> bool:
    """A year before a currency is the year of constant money, not an amount ("in 2017 dollars")."""
    start = core.start
    return 1900 <= core.value <= 2100 and core.step == 1.0 and core.scale == 1.0 and not core.words and \
        text[start:core.cend].isdigit() and _YEAR_MONEY_BEFORE.search(text, max(0, start - 16), start) is not None


@rule("not-claim.scaled-twice")
def scaled_twice(core: Core, surface: str) -> bool:
    """A scaled currency code after a scaled figure is no amount one can read ("5m MEUR")."""
    return surface in SCALED_CODES and core.scale != 1.0


@rule("not-claim.glued-symbol")
def glued_symbol(text: str, found: re.Match) -> bool:
    """A unit letter glued to more text cannot be read safely ("5m-strong", "14.7C/"; "5m-long" is metres)."""
    surface, end = found.group("unit"), found.end()
    return not found.group("sep") and surface in ("C", "F", "m") and _SYMBOL_GLUED.match(text, end) is not None and \
        not (surface == "m" and _METRE_COMPOUND.match(text, end))


@rule("not-claim.model-number")
def model_number(text: str, core: Core, found: re.Match) -> bool:
    """A figure glued to "F" or "C" after a maker or "Form" is a model or a form ("Boeing 777F", "Form 13F")."""
    if found.group("unit") not in ("C", "F") or found.group("sep"):
        return False
    before = prev_word(text, core.start)
    return before is not None and before[1] == "" and (before[0].lower() in IDENTIFIER_WORDS or before[0] == "Form")


@rule("not-claim.form-filing")
def form_filing(text: str, found: re.Match) -> bool:
    """A figure glued to "F" before "filing" or "form" names a form, not a temperature ("the 13F filing")."""
    return found.group("unit") in ("C", "F") and not found.group("sep") and _FILING_NEXT.match(text, found.end()) is not None


def attach_unit(text: str, core: Core, currency: str | None, found: re.Match) -> str | None:
    """Give ``core`` what ``found`` (an ``AFTER_NUMBER`` match at its end) names; the id of the
    rule that drops the core, or None."""
    sep = found.group("sep") or ""
    group = found.lastgroup
    if group == "age":
        core.unit, core.kind, core.end = "year", "age", found.end()
    elif group == "inches":
        if core.step == 1 and not currency:
            core.value += int(found.group("inches")) / 12
            core.unit, core.kind, core.end = "foot", "quantity", found.end()
    elif group == "pct":
        return _percent(text, core, found, sep)
    elif group in ("tight", "tight_spaced"):
        _tight(core, found, group, sep)
    elif group == "cur":  # "a 10-dollar bill" is ten dollars; "a two-pound bag" may weigh it
        if not (currency or sep.strip(" \u00a0-") or "-" in sep and found.group("cur").lower().startswith("pound")):
            return _currency(text, core, found)
    else:
        return _unit(text, core, found, sep)
    return None


def _percent(text: str, core: Core, found: re.Match, sep: str) -> str | None:
    if "-" in sep and text[found.end():found.end() + 1] == "-":
        return None  # "a 2-percentage-points-a-year": a compound it cannot read
    if effort_idiom(text, core):
        return effort_idiom.rule_id
    core.unit, core.kind, core.end = PERCENT_WORDS.get(" ".join(found.group("pct").lower().split()), "percent"), "percent", \
        found.end()
    return None


def _tight(core: Core, found: re.Match, group: str, sep: str) -> None:
    written = found.group(group)  # "68p"; "down 68 p at 1112 p," as some wires space it
    if sep:
        return
    if written in "€$£¥":
        core.unit, core.kind, core.end = CURRENCY_SYMBOLS[written], "currency", found.end()
    elif written in ("pc", "pp", "bps"):
        core.unit, core.kind, core.end = PERCENT_WORDS[written], "percent", found.end()
    else:
        core.unit, core.kind, core.end = CURRENCY_WORDS[written], "currency", found.end()
        core.value /= 100


def _currency(text: str, core: Core, found: re.Match) -> str | None:
    surface = " ".join(found.group("cur").split())
    lower = surface.lower()
    if constant_dollars(text, core):
        return constant_dollars.rule_id
    if lower in ("pound", "pounds"):
        if (core.scale >= 1e6 or core.value >= 1000) and not pounds_weigh(text, found.end()):
            core.unit = "GBP"
        else:
            core.unit, core.kind, core.end = "pound", "quantity", found.end()
            return None
    elif surface in CURRENCY_CODES:
        core.unit = surface
        scale = SCALE.match(text, found.end()) if core.scale == 1.0 else None
        if scale and scale.group(2) and scale.group(2).lower() in N.SCALE_SUFFIX:  # not "dozens"
            core.scale = N.SCALE_SUFFIX[scale.group(2).lower()]
            core.value *= core.scale
            core.end = scale.end()
            core.kind = "currency"
            return None
    elif surface in SCALED_CODES:
        if scaled_twice(core, surface):
            return scaled_twice.rule_id
        core.unit, scale = SCALED_CODES[surface]
        core.value, core.step, core.scale = core.value * scale, core.step * scale, scale
    elif lower in CURRENCY_WORDS:
        core.unit = CURRENCY_WORDS[lower]
        if lower in SUBUNITS:
            core.value /= 100
    else:
        return None
    core.kind, core.end = "currency", found.end()
    if lower not in SUBUNITS and core.step <= 1.0:
        cents(text, core)
    return None


def _unit(text: str, core: Core, found: re.Match, sep: str) -> str | None:
    surface, end = found.group("unit"), found.end()
    expr = UNIT_SURFACES.get(surface) or UNIT_SURFACES.get(" ".join(surface.split()))
    if expr is None or surface.lower() == "second" and text[end:end + 1] == "-":
        return None  # "two second-round ties": an ordinal, not a duration
    if surface in _SPACED_DOUBTFUL and sep and not sep.strip(" \u00a0"):
        if surface not in ("C", "F", "m") or _LETTER_NEXT.match(text[end:end + 2]) and \
                not _LOWER_WORD_NEXT.match(text[end:end + 3]):
            return None
    if surface in ("C", "F", "m"):
        if glued_symbol(text, found):
            return glued_symbol.rule_id
        if _SYMBOL_GLUED.match(text, end):
            if surface == "m" and (compound := _METRE_COMPOUND.match(text, end)):
                core.unit, core.kind, core.end, core.adjective = "meter", "quantity", compound.end(), True
            return None  # "5m-long" is metres; spaced ("800,000 F-Series"), the number stands alone
        if model_number(text, core, found):
            return model_number.rule_id
        if form_filing(text, found):
            return form_filing.rule_id
    if expr in DURATIONS and expr != "year" and (old := _OLD.match(text, end)):
        core.unit, core.kind, core.end = canonical(expr), "age", old.end()
        return None
    name = canonical(expr)
    core.unit, core.kind, core.end, core.adjective = name, "quantity", end, "-" in sep
    if name == "foot":
        inch = _INCHES_NEXT.match(text, core.end)
        if inch and (inch.group("bare") is None or int(inch.group(1)) < 12):
            core.value += int(inch.group(1)) / 12
            core.end = inch.end()
    return None


__all__ = ["attach_unit", "constant_dollars", "effort_idiom", "form_filing", "glued_symbol", "model_number", "pounds_weigh",
           "scaled_twice"]
