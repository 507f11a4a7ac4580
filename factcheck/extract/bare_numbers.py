"""Bare numbers: whether a plain integer or decimal is a claim, or a date, a time, a year.

``bare_rule`` is asked about a number with no unit, currency, scale or qualifier of its own
("1,800", "2019", "19").  It asks the rules in order and returns the id of the first that
fires: a ``not-claim.*`` rule drops the number (a year, a day of a month, a time here; an
identifier, a name, a code or list numbering in ``bare_names``), a ``unit.age-*`` rule makes
it an age (``bare_ages``), a ``claim.*`` rule keeps it as a count that a later rule would drop
(``bare_counts``).  When none fires the number is a count.
"""
from __future__ import annotations

from factcheck.extract import lazy_re as re

from factcheck.extract.bare_ages import BARE_AGE_RULES
from factcheck.extract.bare_counts import COUNT_RULES
from factcheck.extract.bare_names import LIST_RULES, NAME_RULES, after_name, identifier, tv_station
from factcheck.extract.clock_times import clock_hour
from factcheck.extract.core import Core
from factcheck.extract.lexicon import MONTHS, MONTHS_CAPITAL_ONLY, YEAR_BEFORE, YEAR_NOUNS, pattern, words
from factcheck.extract.nearby import Bare, counted_plural
from factcheck.extract.policy import Chain, rule

_SEASON_SUFFIX = re.compile(r"[-–/](?:\d{1,2}|(?:1[89]|2[01])\d\d)(?!\d|,\d)")  # "2019-20", not "1000-5,000"
_TIME_RANGE_NEXT = re.compile(r"[ \t]*(?:[-–]|to|and|until|till)[ \t]*\d{1,2}(?:[:.]\d\d)?[ \t]?(?:[ap]\.?m\b|o'clock)",
                              re.IGNORECASE)
_COMPARED = re.compile(r"[ \t]*(?:" + pattern("compared_strong", reverse=True) + r"|(?P<weak>" +
                       pattern("compared_weak", reverse=True) + r"))(?![A-Za-z])", re.IGNORECASE)
_RANGE_NEXT = re.compile(r"[ \t]*(?:[-–—]|to)[ \t]*(\d+(?:,\d{3})*)(?![\d.])")
_BETWEEN_NEXT = re.compile(r"[ \t]*(?:[-–—]|to|and)[ \t]*(\d+(?:,\d{3})*)(?![\d.])")
_DATE_AFTER = re.compile(r"[ \t]*(?:[,.;:)]|$|(?:1[89]|20)\d\d\b)")
_YEAR_NEXT = re.compile(r",?[ \t]+(?:1[89]|20)\d\d(?!\d)")
_DAY_BEFORE = words("date_day_before")


@rule("not-claim.day-after-month", keys=MONTHS | {month + "." for month in MONTHS}, values=(None, 32))
def day_after_month(bare: Bare) -> bool:
    """A figure up to 31 right after a month is the day of a date ("May 19", "may 19," in lower case, "May. 30, 2022")."""
    lower, word = bare.lower, bare.word
    if bare.value > 31:
        return False
    if lower in MONTHS and bare.punct == "":
        return lower not in MONTHS_CAPITAL_ONLY or word[:1].isupper() or lower == "may" or \
            _DATE_AFTER.match(bare.text, bare.end) is not None
    return lower.endswith(".") and lower[:-1] in MONTHS and word[:1].isupper() and \
        _YEAR_NEXT.match(bare.text, bare.end) is not None


@rule("not-claim.day-before-month", values=(None, 32))
def day_before_month(bare: Bare) -> bool:
    """A figure up to 31 right before a month is the day of a date ("19 May", "on 1 march" in lower case)."""
    following = bare.next_word.lower()
    return following.rstrip(".") in MONTHS and bare.value <= 31 and \
        (following not in MONTHS_CAPITAL_ONLY or bare.next_word[:1].isupper() or bare.lower in _DAY_BEFORE)


@rule("not-claim.clock-hour", keys=("past", "to"), values=(None, 13))
def clock_hour_figure(bare: Bare) -> bool:
    """The hour of a time told in minutes is no count ("ten minutes past 6.", "at ten minutes to 8")."""
    return bare.lower in ("past", "to") and bare.value <= 12 and clock_hour(bare.text, bare.start, bare.end)


@rule("not-claim.time-range-start", values=(None, 25))
def time_range_start(bare: Bare) -> bool:
    """The first figure of a range of times is a time too ("between 2 and 4 p.m.", "from 9 to 5pm")."""
    return bare.value <= 24 and _TIME_RANGE_NEXT.match(bare.text, bare.end) is not None


@rule("not-claim.season", values=(1000, 2201))
def season(bare: Bare) -> bool:
    """A year joined to a second year or its last digits is a season or a span ("2019-20", "2019/2020")."""
    return bare.year_shaped and _SEASON_SUFFIX.match(bare.text[bare.end:bare.end + 6]) is not None


@rule("not-claim.year", values=(1000, 2201))
def year(bare: Bare) -> bool:
    """A four-digit figure is a year unless it counts a plural or follows a comparison ("in 2019"; not "2000 people")."""
    if not bare.year_shaped:
        return False
    following = bare.next_word.rstrip(".")
    return (bare.lower in YEAR_BEFORE or not counted_plural(following)) and not (following not in YEAR_NOUNS and _counted_not_dated(bare))


def _counted_not_dated(bare: Bare) -> bool:
    """A four-digit figure that is a count, not a year: "more than 2000", "1000-5000", "over 1500",
    "between 1000 and 5,000"."""
    text, start, end = bare.text, bare.start, bare.end
    compared = _COMPARED.match(text[max(0, start - 16):start][::-1])
    if compared and (not compared.group("weak") or bare.value < 1800):
        return True
    other = (_BETWEEN_NEXT if bare.lower == "between" else _RANGE_NEXT).match(text, end, end + 16)
    return bool(other) and ("," in other.group(1) or float(other.group(1).replace(",", "")) > 2200)


_RULES = Chain((*COUNT_RULES, day_after_month, day_before_month, identifier, tv_station, clock_hour_figure, time_range_start, season, year,
                after_name, *NAME_RULES, *BARE_AGE_RULES, *LIST_RULES))


def bare_rule(text: str, core: Core) -> str | None:
    """The id of the first rule that decides the bare number ``core``, or None when none does (a count)."""
    bare = Bare(text, core)
    return _RULES.first(bare, bare.lower, bare.value, not bare.word.islower())


__all__ = ["bare_rule"]
