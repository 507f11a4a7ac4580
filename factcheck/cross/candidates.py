"""Where a rule-less mention looks for its counterparts: value-sorted buckets, one per day and name.

A dated mention looks in the buckets of the days within the comparison window, of its own
names (or every name when it names none), and takes at most ``FREE_CANDIDATES // 2`` on each
side of its value from each bucket; undated and month- or year-dated mentions form one more
bucket every mention looks in.  A mention compared beyond the window (a fixed count, a count
that moves one way, an undated one) would look in every day's buckets; it looks only in
those where ``similarity.in_time`` can hold for some member (the days near it, and the days
holding a fixed count it may meet), which gives the same candidates in bounded time, and
where many such buckets remain it walks the key's mentions outward from its value instead of
the buckets one by one (``_walk``), with the same result.  Of all those, the
``FREE_CANDIDATES`` nearest in value that ``in_time`` accepts are kept.
"""
from __future__ import annotations

import bisect
import heapq
from collections import defaultdict
from typing import Iterator, Sequence

from factcheck.cross import similarity as S
from factcheck.cross.record import Mention
from factcheck.frames.model import TIMED

FREE_CANDIDATES = 12
SIDE = FREE_CANDIDATES // 2
#: Above this many buckets a far-reaching mention walks the key outward from its value.
WALK_BUCKETS = 8


class Bucket:
    """Mentions sorted by value, searched by bisection."""

    def __init__(self, ms: Sequence[Mention], idx: list[int]):
        self.idx = sorted(idx, key=lambda i: (ms[i].value, i))
        self.values = [ms[i].value for i in self.idx]

    def around(self, value: float, lo_v: float, hi_v: float) -> list[tuple[float, int]]:
        """(distance, index) in ``[lo_v, hi_v]``, at most ``SIDE`` each side of ``value``."""
        lo, hi = bisect.bisect_left(self.values, lo_v), bisect.bisect_right(self.values, hi_v)
        pos = bisect.bisect_left(self.values, value)
        a, b = max(lo, pos - SIDE), min(hi, pos + SIDE)
        return [(abs(v - value), j) for v, j in zip(self.values[a:b], self.idx[a:b])]


class Neighbourhood:
    """The buckets of one key's mentions (``members``, indexes into ``ms``)."""

    def __init__(self, ms: Sequence[Mention], members: Sequence[int], window_days: float):
        self.ms, self.window = ms, window_days
        days: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        loose: list[int] = []
        self.by_anchor: dict[str, set[int]] = defaultdict(set)  # a fixed count's date/year/phase → its days
        self.by_event_day: dict[int, set[int]] = defaultdict(set)  # the day a fixed count names → its days
        for i in members:
            m = ms[i]
            d = m.dates
            if d is None or d[0] != d[1]:
                loose.append(i)
                continue
            day = d[0].toordinal()
            for name in m.holders or ("",):
                days[day][name].append(i)
            if m.frame.fixed:
                for a in m.frame.anchor:
                    if a[:1] in TIMED:
                        self.by_anchor[a].add(day)
                when = S.anchor_day(m)
                if when is not None:
                    self.by_event_day[when.toordinal()].add(day)
        self.days = {day: {name: Bucket(ms, idx) for name, idx in names.items()} for day, names in days.items()}
        self.loose = Bucket(ms, loose)
        self.values = sorted(ms[i].value for i in members)  # to tell at once whether a slipped value is held
        self._walks: dict[str, _Walk] | None = None
        self._anchor_days: dict[frozenset[str], set[int]] = {}
        self._met: dict[tuple, bool] = {}  # all_meet's answers: mentions of one day, names and interval agree alike
        # candidates of a dated mention that is not timeless: they depend on its day, holders and value range alone
        self._dated: dict[tuple, list[tuple[float, int]]] = {}

    def candidates(self, i: int) -> list[tuple[float, int]]:
        """The ``FREE_CANDIDATES`` nearest in value (distance, index) that ``in_time`` accepts,
        then those that give the value a slipped digit would make of it (``similarity.slips``)."""
        a = self.ms[i]
        lo_v, hi_v = S.value_range(a.value, S.search_ratio(a))
        near = self._candidates(a, a.value, lo_v, hi_v)
        for target in self._slipped(a.value, lo_v, hi_v):
            near = near + self._candidates(a, target, *S.slip_range(target))
        return near

    def _slipped(self, value: float, lo_v: float, hi_v: float) -> list[float]:
        """The slipped values of ``value`` (``similarity.slips``) outside its search range
        ``[lo_v, hi_v]`` that some member of the key holds."""
        return [t for t in S.slips(value) if not lo_v <= t <= hi_v and _holds(self.values, *S.slip_range(t))]

    def _candidates(self, a: Mention, value: float, lo_v: float, hi_v: float) -> list[tuple[float, int]]:
        """What ``candidates`` finds for ``a`` near ``value`` in ``[lo_v, hi_v]``."""
        names = _names(a)
        d = a.dates
        if d is None or d[0] != d[1]:
            near = self._walk(a, value, None, names, lo_v, hi_v)
        else:
            o = d[0].toordinal()
            if S.timeless(a):
                days = self._reachable(a, o) & self.days.keys()
                if len(days) > WALK_BUCKETS:
                    near = self._walk(a, value, days, names, lo_v, hi_v)
                else:
                    near = self._around(sorted(days), names, value, lo_v, hi_v)
            else:
                key = (o, a.holders, value, lo_v, hi_v)
                known = self._dated.get(key)
                if known is None:
                    known = self._dated[key] = self._first_in_time(a, heapq.merge(
                        self._around(self._window_days(o), names, value, lo_v, hi_v),
                        sorted(self.loose.around(value, lo_v, hi_v))))
                return known
        return self._first_in_time(a, heapq.merge(near, sorted(self.loose.around(value, lo_v, hi_v))))

    def _window_days(self, o: int) -> list[int]:
        """The days within the window of day ``o`` that hold mentions, in order."""
        reach = int(self.window)
        if 2 * reach + 1 < len(self.days):
            return [k for k in range(o - reach, o + reach + 1) if k in self.days]
        return sorted(k for k in self.days if abs(k - o) <= reach)

    def all_meet(self, i: int) -> bool:
        """Whether every mention ``candidates(i)`` could give meets the value of mention ``i``: a
        quick sufficient test (every value of the buckets it looks in, within its value range,
        lies in its interval; for a timeless or undated mention, every day's); False when it
        cannot tell."""
        a = self.ms[i]
        d = a.dates
        anyday = d is None or d[0] != d[1] or S.timeless(a)  # it may look at any day: every day's values
        names = _names(a)
        key = (None if anyday else d[0], names, a.value, a.low, a.high)
        known = self._met.get(key)
        if known is not None:
            return known
        lo_v, hi_v = S.value_range(a.value, S.search_ratio(a))
        buckets: list = [self.loose]
        if anyday:
            buckets.extend(_named(self._walks_by_name(), names))
        else:
            o, reach = d[0].toordinal(), int(self.window)
            for day in range(o - reach, o + reach + 1):
                buckets.extend(_named(self.days.get(day, {}), names))
        slipped = [S.slip_range(t) for t in self._slipped(a.value, lo_v, hi_v)]
        met = self._met[key] = all(_within(b.values, lo_v, hi_v, a.low, a.high)
                                   and not any(_holds(b.values, lo, hi) for lo, hi in slipped) for b in buckets)
        return met

    def _around(self, days, names, value: float, lo_v: float, hi_v: float) -> list[tuple[float, int]]:
        """What the buckets of ``days`` and ``names`` (None: every name) give, nearest first."""
        found = set()
        for day in days:
            for b in _named(self.days[day], names):
                found.update(b.around(value, lo_v, hi_v))
        return sorted(found)

    def _first_in_time(self, a: Mention, ordered: Iterator[tuple[float, int]]) -> list[tuple[float, int]]:
        # A mention of one day that counts no fixed event, found in a day's bucket, is within
        # the window of a dated mention ``a`` that is not timeless: ``in_time`` holds.
        near = a.dates is not None and a.dates[0] == a.dates[1] and not S.timeless(a)
        out = []
        for p in ordered:
            b = self.ms[p[1]]
            if near and b.dates is not None and b.dates[0] == b.dates[1] and not b.frame.fixed \
                    or S.in_time(a, b, self.window):
                out.append(p)
                if len(out) == FREE_CANDIDATES:
                    break
        return out

    def _reachable(self, a: Mention, o: int) -> set[int]:
        """Every day holding a mention ``in_time`` may accept for ``a`` (a superset)."""
        w = int(self.window) + 1
        event = S.anchor_day(a) if a.frame.fixed else None
        if event is not None:
            e = event.toordinal()
            out = set(range(e - 2, e + w + 1))
        else:
            reach = max(S.TREND_DAYS, w) if a.frame.trend else w
            out = set(range(o - reach - 1, o + reach + 2))
            for e in range(o - w - 1, o + 3):
                out |= self.by_event_day.get(e, set())
        if a.frame.fixed:
            anchors = frozenset(x for x in a.frame.anchor if x[:1] in TIMED)
            if anchors not in self._anchor_days:
                self._anchor_days[anchors] = set().union(*(self.by_anchor.get(x, set()) for x in anchors))
            out |= self._anchor_days[anchors]
        return out

    def _walks_by_name(self) -> dict[str, "_Walk"]:
        """Each name's dated mentions, all days together, sorted by value (made on first use)."""
        if self._walks is None:
            per_name: dict[str, list[tuple[float, int, int]]] = defaultdict(list)
            for day, bs in self.days.items():
                for name, b in bs.items():
                    per_name[name].extend((v, j, day) for v, j in zip(b.values, b.idx))
            self._walks = {name: _Walk(rows) for name, rows in per_name.items()}
        return self._walks

    def _walk(self, a: Mention, value: float, days, names, lo_v: float, hi_v: float) -> list[tuple[float, int]]:
        """What the day buckets of ``days`` (None: all) and ``names`` give ``a``, found by walking
        each name's mentions outward from ``value``; only as many as ``in_time`` needs."""
        walks = _named(self._walks_by_name(), names)
        out: list[tuple[float, int]] = []
        for j in _nearest(walks, value, lo_v, hi_v, days):
            if S.in_time(a, self.ms[j], self.window):
                out.append((abs(self.ms[j].value - value), j))
                if len(out) == FREE_CANDIDATES:
                    break
        return out


def _names(a: Mention) -> tuple[str, ...] | None:
    """The names whose buckets a mention looks in: its holders and the nameless; None for all."""
    return (*a.holders, "") if a.holders else None


def _named(by_name: dict, names: tuple[str, ...] | None) -> list:
    """The values of ``by_name`` under ``names`` (None: all), in ``names``' order."""
    return list(by_name.values()) if names is None else [by_name[n] for n in names if n in by_name]


def _within(values: list[float], lo_v: float, hi_v: float, low: float, high: float) -> bool:
    """Whether every one of the sorted ``values`` in ``[lo_v, hi_v]`` lies in ``[low, high]``."""
    lo, hi = bisect.bisect_left(values, lo_v), bisect.bisect_right(values, hi_v)
    return lo >= hi or (values[lo] >= low and values[hi - 1] <= high)


def _holds(values: list[float], lo_v: float, hi_v: float) -> bool:
    """Whether some of the sorted ``values`` lie in ``[lo_v, hi_v]``."""
    return bisect.bisect_left(values, lo_v) < bisect.bisect_right(values, hi_v)


class _Walk:
    """One name's dated mentions sorted by (value, index), with their days."""

    def __init__(self, rows: list[tuple[float, int, int]]):
        rows.sort()
        self.values = [r[0] for r in rows]
        self.idx = [r[1] for r in rows]
        self.day = [r[2] for r in rows]


def _nearest(walks: list[_Walk], value: float, lo_v: float, hi_v: float, allowed) -> Iterator[int]:
    """The indexes the day buckets' ``around`` would give, nearest ``value`` first (ties by index).

    A bucket (one day, one name) gives its ``SIDE`` nearest members on each side of the value:
    walking one name's mentions outward in (value, index) order, a member is given when its
    day's count on that side is still below ``SIDE``.  Members of days not ``allowed`` (None:
    all allowed) are passed over: their buckets give nothing ``in_time`` accepts.  The
    members at one distance are one value on each side (the band keeps values within a factor
    of two, where a difference of floats is exact); when only the upper side has them, they
    come in index order as they are counted, so the caller may stop early.
    """
    up = [bisect.bisect_left(w.values, value) for w in walks]
    down = [u - 1 for u in up]
    used_up: dict[tuple[int, int], int] = defaultdict(int)
    used_down: dict[tuple[int, int], int] = defaultdict(int)
    while True:
        level = None
        for k, w in enumerate(walks):
            if up[k] < len(w.values) and w.values[up[k]] <= hi_v:
                d = abs(w.values[up[k]] - value)
                level = d if level is None or d < level else level
            if down[k] >= 0 and w.values[down[k]] >= lo_v:
                d = abs(w.values[down[k]] - value)
                level = d if level is None or d < level else level
        if level is None:
            return
        ups, downs = [], []
        for k, w in enumerate(walks):
            if up[k] < len(w.values) and w.values[up[k]] <= hi_v and abs(w.values[up[k]] - value) == level:
                stop = bisect.bisect_right(w.values, w.values[up[k]], up[k])
                ups.append((k, up[k], stop))
                up[k] = stop
            if down[k] >= 0 and w.values[down[k]] >= lo_v and abs(w.values[down[k]] - value) == level:
                start = bisect.bisect_left(w.values, w.values[down[k]], 0, down[k])
                downs.append((k, start, down[k] + 1))
                down[k] = start - 1
        if not downs:
            yield from _streamed(walks, ups, used_up, allowed)
            continue
        given: set[int] = set()
        for runs, used, step in ((ups, used_up, 1), (downs, used_down, -1)):
            for k, a, b in runs:
                w = walks[k]
                for p in (range(a, b) if step > 0 else range(b - 1, a - 1, -1)):
                    if allowed is None or w.day[p] in allowed:
                        n = used[(k, w.day[p])]
                        used[(k, w.day[p])] = n + 1
                        if n < SIDE:
                            given.add(w.idx[p])
        yield from sorted(given)


def _run(w: _Walk, k: int, a: int, b: int) -> Iterator[tuple[int, int, int]]:
    return ((w.idx[p], k, w.day[p]) for p in range(a, b))


def _streamed(walks: list[_Walk], runs: list, used: dict, allowed) -> Iterator[int]:
    """The members given by upper runs of equal values, in index order, counted as they come."""
    merged = heapq.merge(*(_run(walks[k], k, a, b) for k, a, b in runs))
    last, given = None, False
    for j, k, day in merged:
        if allowed is not None and day not in allowed:
            continue
        if j != last:
            if given:
                yield last
            last, given = j, False
        n = used[(k, day)]
        used[(k, day)] = n + 1
        given = given or n < SIDE
    if given:
        yield last


__all__ = ["Bucket", "FREE_CANDIDATES", "Neighbourhood"]
