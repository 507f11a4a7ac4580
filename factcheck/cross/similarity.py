"""How alike two mentions are: whether they may count the same thing, and how likely they do.

``affinity`` is the test and the score: frames compatible (``frames.compatible``), time
scopes (a period says nothing of a level such as a speed), places and people, years and
values in range, enough shared context; the score adds the context overlap, the closeness
of the values, the shared rare names and the strength of the frames.  ``in_time`` says whether two mentions are close enough in time to be compared
(``--window``), with fixed counts and counts that move one way compared at any date.
"""
from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from typing import Mapping, Sequence

from factcheck.frames.measures import DURATIONS, is_level
from factcheck.frames.model import TIMED, compatible
from factcheck.cross.mentions import Mention, comparable
from factcheck.cross.topics import same_story
from factcheck.frames.vocabulary import lemma

#: How far apart in days two reports of a count that moves one way (what remains, a running
#: total) are still compared: a story's toll evolves over weeks, not years.
TREND_DAYS = 90
#: Two ages of one person a year apart in articles more than this many days apart agree.
BIRTHDAY_DAYS = 30
MIN_OVERLAP = 0.1
SMALL_OVERLAP = 0.3
SMALL = 10
MAX_RATIO = 2.0
MAX_PERCENT_RATIO = 1.25
#: Shares whose clauses share at least ``CLOSE_OVERLAP`` of their content words ("cut hospital
#: admissions from RSV by 82%" against "by 62%") are one share told two ways: compared this far apart.
CLOSE_PERCENT_RATIO = 1.5
CLOSE_OVERLAP = 0.5
#: Two lengths written in different units are compared within this ratio: a mix-up of feet and
#: metres is 3.3 times, of storeys and feet 3 to 4.5.
MAX_UNIT_RATIO = 6.0
#: A figure exactly 10, 100 or 1,000 times another of one quantity, both at least 1,000, is
#: a slipped digit ("$25 million" for "$2.5 million", "120,000" for "1.2 million"): compared
#: though far apart.  Smaller round counts that far apart are too often different things.
SLIP_FACTORS = (10.0, 100.0, 1000.0)
SLIP_FLOOR = 1000.0
#: A figure of two or more significant digits ("620", "6,200") slips the same way from this
#: value up: a coincidence of its digits is rare where a round figure's is not.
FIGURES_SLIP_FLOOR = 100.0
#: Two adjacent digits swapped ("72" for "27", "340" for "430") is the other common keying
#: slip; a whole number of at least this value is compared with its swaps however far apart.
SWAP_FLOOR = 10
_PERIODS = frozenset({"day", "week", "month", "year"})
_SHORT = frozenset({"day", "week"})


def score(a: Mention, b: Mention) -> float | None:
    """How likely two rule-less mentions are about the same quantity; None when they cannot be."""
    if a.unit != b.unit or a.role != b.role or a.side != b.side or not (is_comparable(a) and is_comparable(b)):
        return None
    return affinity(a, b, rarity([a, b]))


def is_comparable(m: Mention) -> bool:
    """Whether a rule-less comparison may use a mention (``mentions.comparable``)."""
    return comparable(m.forecast, m.vague, m.role, m.frame)


def rarity(ms: Sequence[Mention]) -> dict[str, float]:
    """How much each name says about which quantity a figure is: a name next to many of the
    run's figures (the story's country) says little, one next to few says much."""
    count: dict[str, int] = defaultdict(int)
    for m in ms:
        for name in m.names:
            count[name] += 1
    return {name: 1.0 / n for name, n in count.items()}


def _shared_names(a: Mention, b: Mention, rarity: Mapping[str, float]) -> float:
    """The weighted share of names two mentions have in common (0 to 1)."""
    union = a.names | b.names
    if not union:
        return 0.0
    weight = sum(rarity.get(n, 1.0) for n in union)
    return sum(rarity.get(n, 1.0) for n in a.names & b.names) / weight if weight else 0.0


def affinity(a: Mention, b: Mention, rarity: Mapping[str, float] | None = None) -> float | None:
    """``score`` for two mentions of one index group (same unit, role and side; comparable)."""
    if not compatible(a.frame, b.frame):
        return None
    if a.scope != b.scope:
        pa, pb = a.scope & _PERIODS, b.scope & _PERIODS
        if pa != pb and ((pa and pb) or (pa | pb) & _SHORT) and not is_level(a.unit):
            return None
    overlap = _overlap(a, b) if _percent(a.unit) else None  # the others' is needed only past the range test
    lo_v, hi_v = value_range(a.value, (CLOSE_PERCENT_RATIO if overlap >= CLOSE_OVERLAP else MAX_PERCENT_RATIO)
                             if overlap is not None else MAX_UNIT_RATIO
                             if a.unit == "length" and _written_unit(a) != _written_unit(b) else MAX_RATIO)
    if not (lo_v <= b.value <= hi_v or slipped(a.value, b.value)) or not same_setting(a, b):
        return None
    if overlap is None:
        overlap = _overlap(a, b)
    strong = _strong(a, b)
    if max(abs(a.value), abs(b.value)) < SMALL and not a.unit:
        if not (strong or a.noun and a.noun == b.noun and a.predicate == b.predicate) \
                or overlap < (MIN_OVERLAP if strong else SMALL_OVERLAP):
            return None
    if not strong and (overlap < MIN_OVERLAP or (overlap < SMALL_OVERLAP and _synonyms(a, b))):
        return None
    top = max(abs(a.value), abs(b.value))
    closeness = 1.0 - abs(a.value - b.value) / top if top else 1.0
    named = _shared_names(a, b, rarity) if rarity is not None else 0.0
    return overlap + closeness + named + (0.2 if a.noun and a.noun == b.noun else 0.0) + (0.3 if strong else 0.0)


def _overlap(a: Mention, b: Mention) -> float:
    """The share of the two mentions' content words that both have."""
    union = len(a.terms | b.terms)
    return len(a.terms & b.terms) / union if union else 0.0


def same_setting(a: Mention, b: Mention) -> bool:
    """Whether two figures hold as of the same time ("asof:" scopes), of the same places or
    people, on days either article could report, and in the same named years (two counts
    of one past event may name different years)."""
    if a.as_of != b.as_of or _elsewhere(a, b):
        return False
    if (a.weekday or b.weekday) and (_too_early(a, b) or _too_early(b, a)):
        return False
    return not (a.years and b.years and not a.years & b.years and (a.named_years or b.named_years)
                and not (a.frame.fixed and b.frame.fixed))


def _strong(a: Mention, b: Mention) -> bool:
    """Both (compatible) frames name their subject and their predicate, both count what one
    dated past event did, both are amounts of money or measures of one predicate, or both are
    money that is the level of one noun: the same quantity whatever the words around them."""
    fa, fb = a.frame, b.frame
    if a.role == "distance" and fa.subject == fb.subject and fa.subject != "dist":
        return True
    if fa.fixed and fb.fixed and fa.predicate and fa.predicate == fb.predicate \
            and any(x[:1] in TIMED for x in fa.anchor & fb.anchor):
        return True
    if fa.predicate and fa.predicate == fb.predicate and _nounless(a) and _nounless(b):
        return True
    if fa.subject and fa.subject == fb.subject and not (fa.predicate or fb.predicate) \
            and (a.located.claim.kind == b.located.claim.kind == "currency"
                 or _measure(a) and _measure(b) and not (_compound(a) and _compound(b))):
        return True  # the level of one noun: "profit of €412m", "pre-tax profit was €421m", "winds of 205 km/h"
    return bool(fa.subject and fb.subject and fa.predicate and fb.predicate)


def _nounless(m: Mention) -> bool:
    """An amount of money or a measure with no noun: what it measures is its verb's
    ("snatched £2.1 million", "deliberated for three days", "plunged 500 feet")."""
    c = m.located.claim
    return c.kind == "currency" or c.kind == "quantity" and (c.unit in DURATIONS or bool(c.unit) and not m.frame.subject)


def _measure(m: Mention) -> bool:
    """A measure in a unit that is no duration ("300 metres", "205 km/h") and no temperature
    (a story gives many: by hour and place)."""
    c = m.located.claim
    return c.kind == "quantity" and bool(c.unit) and c.unit not in DURATIONS and not c.unit.startswith("degree")


def _compound(m: Mention) -> bool:
    """A measure written as a compound before its noun ("an 8-inch display"): it tells which
    thing is meant more than it reports a measurement."""
    return "-" in m.located.claim.text


def _elsewhere(a: Mention, b: Mention) -> bool:
    """Whether two figures belong to different stories (``topics.same_story``), places or
    people: their clauses name different ones, or (neither clause naming any) their sentences
    do, each naming one the other article does not make its topic; a sentence that names only
    the other article's topic ("Odalys", "Carver Falls") names the story, not a place apart."""
    if not same_story(a.topic, b.topic):
        return True
    if a.holders and b.holders:
        return not a.holders & b.holders
    if not a.holders and not b.holders and a.names and b.names and not a.names & b.names:
        return _foreign(a.names, b.topic) and _foreign(b.names, a.topic)
    return False


def _foreign(names: frozenset[str], topic: frozenset[str]) -> bool:
    """Whether some of a sentence's ``names`` (short keys) is none of an article's ``topic``
    names (longer keys of the same letters)."""
    return any(not any(t.startswith(n) for t in topic) for n in names)


def timeless(m: Mention) -> bool:
    """A count fixed by a past event, or one that can only move one way: compared at any date."""
    return m.frame.fixed or m.frame.trend != 0


def in_time(a: Mention, b: Mention, window_days: float) -> bool:
    """Whether two mentions are close enough in time to be compared: two counts of one dated
    past event (a shared date, year or phase) at any date; a count of a dated past event and a
    figure of no such anchor only when the latter was written about that day; counts that move
    one way within ``TREND_DAYS``; else within the window."""
    if a.frame.fixed and b.frame.fixed and any(x[:1] in TIMED for x in a.frame.anchor & b.frame.anchor):
        return True
    for x, y in ((a, b), (b, a)):
        day = anchor_day(x) if x.frame.fixed else None
        if day is not None and y.dates is not None:
            return y.dates[0] - dt.timedelta(days=window_days) <= day <= y.dates[1] + dt.timedelta(days=1)
    if a.frame.trend and a.frame.trend == b.frame.trend:
        return in_window(a, b, TREND_DAYS)
    return in_window(a, b, window_days)


def anchor_day(m: Mention) -> dt.date | None:
    """The day of the past event a fixed count names ("on Feb. 6"), in the year it names or the
    last such day before the article; None without a day."""
    days = sorted(a for a in m.frame.anchor if a[:1] == "d" and a[1:2].isdigit())
    if not days or m.dates is None:
        return None
    month, day = int(days[0][1:3]), int(days[0][4:6])
    years = sorted(int(a[1:]) for a in m.frame.anchor if a[:1] == "y" and a[1:].isdigit())
    try:
        if years:
            return dt.date(years[-1], month, day)
        when = dt.date(m.dates[1].year, month, day)
        return when if when <= m.dates[1] else dt.date(m.dates[1].year - 1, month, day)
    except ValueError:
        return None


def _synonyms(a: Mention, b: Mention) -> bool:
    """The same noun concept written with different words ("workers", "employees"): a weaker
    sign of the same quantity than the same word, so more shared context is asked for."""
    if not (a.noun and a.noun == b.noun and a.key and b.key):
        return False
    return lemma(a.key.split()[0]) != lemma(b.key.split()[0])


def _kind_of_people(x: str, y: str) -> bool:
    """"people" and a proper plural ("Palestinians", noun ``^palestinian``) may count the same."""
    return {x[:1], y[:1]} == {"p", "^"} and "person" in (x, y)


def _percent(unit: str) -> bool:
    """A share or a magnitude: values that differ by a quarter are not one figure rounded."""
    return unit.startswith(("%", "percent")) or unit == "magnitude"


def search_ratio(m: Mention) -> float:
    """How far in value ``m``'s counterparts may lie (``affinity`` narrows it for each pair)."""
    return MAX_UNIT_RATIO if m.unit == "length" else MAX_RATIO


def _written_unit(m: Mention) -> str:
    """The unit a length was written in: "foot", "meter", or the noun of "nine storeys"."""
    c = m.located.claim
    if c.unit:
        return c.unit
    words = (c.noun or "").split()
    return words[-1].lower() if words else ""


@functools.lru_cache(maxsize=1 << 14)
def slips(v: float) -> tuple[float, ...]:
    """The values a slipped digit makes of ``v``: a zero dropped or added, thousands read as
    millions (``v`` times or divided by 10, 100 and 1,000, both at least ``SLIP_FLOOR``, or
    ``FIGURES_SLIP_FLOOR`` when ``v`` has two significant digits or more), or
    two adjacent digits of a whole number swapped (``swaps``)."""
    floor = FIGURES_SLIP_FLOOR if FIGURES_SLIP_FLOOR <= v < SLIP_FLOOR * 1000 and _figures(v) else SLIP_FLOOR
    scaled = [t for f in SLIP_FACTORS for t in (v / f, v * f) if t >= floor] if v >= floor else []
    return (*scaled, *swaps(v))


def _figures(v: float) -> bool:
    """Whether ``v`` (positive) has two significant digits or more (620, 6,200, 2.5; not 600)."""
    n = int(v)
    if n != v:
        return True
    while n and n % 10 == 0:
        n //= 10
    return n >= 10


def swaps(v: float) -> list[float]:
    """The whole numbers made of ``v`` by swapping two adjacent, different digits (no leading
    zero); none when ``v`` is below ``SWAP_FLOOR`` or not whole."""
    if v < SWAP_FLOOR or v != int(v):
        return []
    d = str(int(v))
    out = {d[:i] + d[i + 1] + d[i] + d[i + 2:] for i in range(len(d) - 1) if d[i] != d[i + 1]}
    return sorted(float(t) for t in out if t[0] != "0")


def slip_range(t: float) -> tuple[float, float]:
    """The values that are ``t`` itself, up to float rounding."""
    return t * (1 - 1e-9), t * (1 + 1e-9)


def slipped(x: float, y: float) -> bool:
    """Whether ``x`` and ``y`` differ by a slipped digit (see ``slips``)."""
    return any(lo <= y <= hi for lo, hi in map(slip_range, slips(x)))


def value_range(v: float, ratio: float = MAX_RATIO) -> tuple[float, float]:
    """The values at most ``ratio`` times away from ``v`` (the same sign)."""
    if v > 0:
        return v / ratio, v * ratio
    if v < 0:
        return v * ratio, v / ratio
    return 0.0, 0.0


_WEEKDAY_NUMBERS = {d: n for n, d in enumerate("mon tue wed thu fri sat sun".split())}


def named_day(m: Mention) -> dt.date | None:
    """The day the weekday its sentence names stands for ("on Saturday morning"): the last such
    day on or before the article's date; None without one or without a date."""
    named = m.weekday
    if not named or m.dates is None:
        return None
    last = m.dates[1]
    return last - dt.timedelta(days=(last.weekday() - _WEEKDAY_NUMBERS[named]) % 7)


def _too_early(a: Mention, b: Mention) -> bool:
    """Whether ``b``'s article was written before the day ``a``'s figure names: it cannot give
    that day's figure ("nine bodies recovered by nightfall" on Friday is not Saturday's eight)."""
    day = named_day(a)
    return day is not None and b.dates is not None and b.dates[1] < day


def in_window(a: Mention, b: Mention, window_days: float) -> bool:
    """Whether the days the two documents may date from are at most ``window_days`` apart (undated: yes)."""
    da, db = a.dates, b.dates
    if da is None or db is None:
        return True
    gap = max((db[0] - da[1]).days, (da[0] - db[1]).days, 0)
    return gap <= window_days


def day_of(m: Mention) -> int:
    """The ordinal of the document's day, 0 when undated."""
    return m.located.date.toordinal() if m.located.date else 0


def named_age(m: Mention) -> bool:
    """Whether ``m`` is a named person's age (a frame subject ``age:<name>``)."""
    return m.frame.subject.startswith("age:")


def aged(a: Mention, b: Mention) -> bool:
    """Whether two ages of one named person a year apart agree because a birthday may fall
    between their articles: when these are more than ``BIRTHDAY_DAYS`` apart (within them, a
    birthday between is too unlikely to excuse it)."""
    return named_age(a) and a.low - 1 <= b.high and b.low <= a.high + 1 \
        and not in_window(a, b, BIRTHDAY_DAYS)


def agrees(a: Mention, b: Mention) -> bool:
    """Whether two figures of one quantity agree: they ``meet`` (or are a person's ``aged``
    ages) and are not one-sided bounds a slipped digit apart (``slipped_bounds``)."""
    return (meets(a, b) or aged(a, b)) and not slipped_bounds(a, b)


def slipped_bounds(a: Mention, b: Mention) -> bool:
    """Whether two figures bound one quantity on the same side with numbers a slipped digit
    apart ("fines of up to €3,000" against "up to €30,000"): as intervals they meet, but one
    number is a keying slip of the other."""
    side = _open_side(a)
    return side is not None and side == _open_side(b) and a.value != b.value and slipped(a.value, b.value)


def _open_side(m: Mention) -> str | None:
    c = m.located.claim
    return "max" if c.low == 0 < c.high else "min" if c.high == float("inf") else None


def meets(a: Mention, b: Mention) -> bool:
    """Whether two claims can agree; bounds count as closed ("more than 1,400" meets "1,400"),
    and a whole percentage may round the other's decimals ("86 percent" meets "86.4%")."""
    if a.low <= b.high and b.low <= a.high:
        return True
    return _rounds(a, b) or _rounds(b, a)


def _rounds(a: Mention, b: Mention) -> bool:
    """Whether ``a`` is a whole percentage that ``b``'s value, written with decimals, rounds to."""
    x, y = a.located.claim, b.located.claim
    return _percent(a.unit) and a.low == a.high and "." not in x.text and "." in y.text and abs(b.value - a.value) < 0.5


__all__ = ["TREND_DAYS", "MAX_PERCENT_RATIO", "MAX_RATIO", "MIN_OVERLAP", "SMALL", "SMALL_OVERLAP", "affinity", "aged",
           "agrees", "anchor_day", "in_time", "in_window", "is_comparable", "meets", "rarity", "same_setting", "score",
           "named_age", "search_ratio", "slipped_bounds", "timeless", "value_range"]
