"""The context of a number core: what stands next to it makes it a claim, or not.

``widen`` attaches a currency sign, a minus, a scale word, a unit, a qualifier and an age to
a ``Core``, asking the claim policy's rules as it goes: the rules next to the digits
(``neighbours``), the units (``unit_attachment``), the bare numbers (``bare_numbers``) and the
clock (``clock_times``).  It returns the id of the first rule that drops the core (a year,
a date, a time, an identifier, a name, list numbering, part of a code), or None when the
core is a claim.  Context before a core is matched on the reversed few dozen characters
before it (``before``), so every check is anchored and short.
"""
from __future__ import annotations

from factcheck.extract import lazy_re as re

from factcheck.extract import qualifiers as Q
from factcheck.extract.bare_ages import age_or_older, bounded_age_rule, read_older_than
from factcheck.extract.bare_numbers import bare_rule
from factcheck.extract.clock_times import clock_minutes, reading_time
from factcheck.extract.core import Core
from factcheck.extract.currency_and_scale import CURRENCY_LEAD, SCALE, attach_currency, attach_scale, console_name, currency_before
from factcheck.extract.lexicon import STOP, pattern, words
from factcheck.extract.nearby import prev_word
from factcheck.extract.neighbours import (AFTER_DIGITS, GLUED_TO_WORD, MARKS_BEFORE, RANKED_SUPERLATIVE, RANKING, RATE_BASE,
                                          confidence_level, hyphenated_name, not_equal, power_of_ten_base, superlative_next)
from factcheck.extract.number_cores import out_of
from factcheck.extract.policy import DROP
from factcheck.extract.unit_attachment import attach_unit, pounds_weigh
from factcheck.extract.units import AFTER_NUMBER, CURRENCY_WORDS, DURATIONS, UNIT_SURFACES

_MINUS_BEFORE = re.compile(r"(?:[-−](?=\s*(?:\s|$|[(\[<>=≤≥])|[ \t]*$)|[-−]?[ \t]*" + pattern("minus_words", reverse=True) +
                           r"(?![a-z]))", re.I)
#: The last letters of the minus words, which the reversed text after a blank starts with.
_MINUS_LAST = frozenset(letter for word in words("minus_words") for letter in (word[-1], word[-1].upper()))
_TEMPERATURES = frozenset(("degree", "degree_Celsius", "degree_Fahrenheit", "kelvin"))
#: Reversed: a blank, a figure and a word before a minus glued to digits ("Stoxx 600 -1.3%").
_NAME_FIGURE_BEFORE = re.compile(r"[ \t]\d{1,5}[ \t]+([A-Za-z&]+)(?![A-Za-z&])")
_LOWER_WORD_BEFORE = re.compile(r"[a-z]+(?![A-Za-z])")  # reversed: a lower-case word just before
#: Words after which "over" before a duration means "more than" ("for over 30 years").
_OVER_MEANS_MORE = words("over_means_more")
#: "millions of dollars", "thousands of pounds sterling": a vague amount of money.
_VAGUE_MONEY = re.compile(r"[ \t]+of[ \t]+((?:" + pattern("vague_money_origins", space=r"[ \t]") + r"[ \t]+)?" +
                          pattern("vague_money_currencies") + r")\b", re.IGNORECASE)


def widen(text: str, core: Core) -> str | None:
    """Attach scale, unit, currency and qualifiers to ``core``; the id of the rule that drops it,
    or None when it is a claim."""
    before = text[max(0, core.start - 40):core.start][::-1]
    if (found := RANKING.regex.match(before)) and \
            ((dropped := RANKING.rule(found)) != RANKED_SUPERLATIVE or superlative_next(text, core)):
        return dropped
    currency = None
    if not core.words and core.kind == "count":
        start = core.start
        if (before[1:2] if before[:1] in (" ", "\u00a0") else before[:1]) in CURRENCY_LEAD or before[:1] in ("-", "−"):
            currency = currency_before(text, core, before)
            if core.start != start:
                before = before[start - core.start:]
        if currency is None:
            if before[:1].isalpha():
                return GLUED_TO_WORD  # "GPS2": only a currency code may stand glued to digits
        elif currency == "GBP" and console_name(text, core):
            return console_name.rule_id
        if core.scale == 1.0 and (scale := SCALE.match(text, core.end)):
            attach_scale(text, core, currency, scale)
        if currency:
            attach_currency(text, core, currency)
    unit = AFTER_NUMBER.match(text, core.end) if core.kind == "count" and core.vague is None else None
    if core.vague is not None and not currency:
        _vague_money(text, core)
    if not core.words and core.kind == "count" and not currency and core.scale == 1.0 and not unit and \
            (found := AFTER_DIGITS.regex.match(text, core.end)):
        return AFTER_DIGITS.rule(found)
    if unit and (dropped := attach_unit(text, core, currency, unit)):
        return dropped
    if (found := MARKS_BEFORE.regex.match(before)) and \
            ((dropped := MARKS_BEFORE.rule(found)) != RATE_BASE or power_of_ten_base(core, before)):
        return dropped
    first = before[:1]
    minus = _MINUS_BEFORE.match(before) if first in ("-", "−") or first == " " and before[1:2] in _MINUS_LAST else None
    if minus and core.vague is None and (core.kind != "fraction" or minus.group().strip("-− \t")):  # "minus two-thirds"
        sign_start = core.start - minus.end()
        if minus.group().strip("-− \t") or sign_start == 0 or not text[sign_start - 1].isalnum() and \
                (not text[max(0, sign_start - 4):sign_start].rstrip()[-1:].isdigit() or
                 _signed_after_name(before, minus.end(), core)):
            core.value, core.start = -core.value, sign_start
            before = before[minus.end():]
    elif core.unit in _TEMPERATURES and before[:3] in (" - ", " − ") and (word := _LOWER_WORD_BEFORE.match(before, 3)) and \
            word.group()[::-1] not in UNIT_SURFACES:
        core.value, core.start = -core.value, core.start - 2  # "fell to - 20 degrees": a spaced minus after a word
        before = before[2:]
    elif text[core.start - 1:core.start] in ("-", "‐") and hyphenated_name(text, core):
        return hyphenated_name.rule_id
    if core.kind == "count" and not core.words and core.q == "exact" and (decided := bare_rule(text, core)):
        if decided.startswith(DROP):
            return decided
        if decided.startswith("unit."):
            core.unit, core.kind = "year", "age"
        core.rule = decided  # a unit.age-* rule made it an age; a claim.* rule kept it a count
    if core.kind == "count" and core.vague is None:
        out_of(text, core)
    qualifier = Q.before(before)
    if qualifier and core.words and core.value == 1 and core.unit is None and \
            qualifier.group(1)[::-1].lower() in ("under", "over"):
        qualifier = None  # "march under one flag", "over one weekend": a preposition, not a bound
    if qualifier:
        if not_equal(before, qualifier):
            return not_equal.rule_id
        core.q = Q.name(qualifier.group(1)[::-1])
        core.start -= qualifier.end()
        if qualifier.group(1)[::-1].lower() == "over" and core.unit in DURATIONS and \
                (prev_word(text, core.start) or ("",))[0].lower() not in _OVER_MEANS_MORE:
            core.q = "at-least"  # "paid over 30 years" spans 30 years; "for over 30 years" is more than 30
    if core.kind == "count" and core.unit is None and core.vague is None:
        if core.q == "exact":
            read_older_than(text, core)
        if core.q in ("more-than", "less-than") and (decided := bounded_age_rule(text, core)):
            core.unit, core.kind, core.rule = "year", "age", decided
    elif core.unit == "minute":
        if reading_time(text, core):
            return reading_time.rule_id
        if clock_minutes(text, core):
            return clock_minutes.rule_id
    elif core.unit == "percent" and confidence_level(text, core):
        return confidence_level.rule_id
    if core.q == "exact" and core.vague is None and Q.estimated(text, core.start):
        core.q = "approx"
    after = Q.AFTER_PATTERN.match(text, core.end)
    if after and core.q == "exact" and core.vague is None:
        core.q = Q.name(after.group(1) or after.group(2))
        core.end = after.end()
        if core.kind == "count" and core.unit is None and age_or_older(text, core):
            core.unit, core.kind, core.rule = "year", "age", age_or_older.rule_id  # "patients 21 and younger"
    return None


def _signed_after_name(before: str, at: int, core: Core) -> bool:
    """Is the minus glued to ``core`` a sign after a name that ends in a figure, not the dash of a
    range ("Stoxx 600 -1.3%", "FTSE 100 -0.4%"; not "pages 10 -12")?  ``before`` is the reversed
    text before the core, the minus ends at ``at`` in it; only a change (a percentage or a
    decimal) is listed so."""
    found = _NAME_FIGURE_BEFORE.match(before, at) if core.unit == "percent" or core.step < 1 else None
    return found is not None and found.group(1)[-1].isupper() and found.group(1)[::-1].lower() not in STOP


def _vague_money(text: str, core: Core) -> None:
    """"millions of dollars", "thousands of pounds of damage": a vague amount of money (pounds
    that weigh something stay pounds)."""
    found = _VAGUE_MONEY.match(text, core.end)
    if not found:
        return
    if found.group(1).lower() != "pounds":
        core.unit, core.kind, core.end = CURRENCY_WORDS[" ".join(found.group(1).lower().split())], "currency", found.end()
    elif core.vague[0] >= 1000:
        core.unit, core.kind, core.end = ("pound", "quantity", found.end()) if pounds_weigh(text, found.end()) else \
            ("GBP", "currency", found.end())


__all__ = ["widen"]
