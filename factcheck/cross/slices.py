"""Large keys judged a slice of days at a time, so that no comparison group outgrows memory.

A key with more than ``CHUNK`` mentions is cut at every ``CHUNK``-th mention in day order;
each slice judges the mentions of its own days (its *core*) and loads, as counterparts, those
of a margin of days on each side: twice the comparison window and a day for rule-less keys
(so every pairing in the core sees both sides' candidates), ``FACT_MARGIN_DAYS`` for facts.
Undated (and month- or year-dated) mentions join every slice as counterparts and are judged
in the first.  In a sliced key, fixed counts and counts that move one way are compared within
the slice and its margin, not at any date.  The local engine (``consistency.cross_findings``,
``archive.history``) and the Spark engine cut keys with this one plan, so they judge alike.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

#: Mentions a key may hold before it is judged a slice at a time.
CHUNK = 50_000
#: Days loaded on each side of a fact key's slice.
FACT_MARGIN_DAYS = 60


@dataclass(frozen=True)
class Slice:
    """The core days ``[lo, hi)`` of a key's slice (both None: the whole key) and the margin."""

    lo: int | None = None
    hi: int | None = None
    pad: float = 0.0
    first: bool = True

    def loads(self, day: int | None) -> bool:
        """Whether a mention of ``day`` (None: undated) is a counterpart in this slice."""
        return day is None or self.lo is None or self.lo - self.pad <= day < self.hi + self.pad

    def judges(self, day: int | None) -> bool:
        """Whether a mention of ``day`` is judged in this slice."""
        if self.lo is None:
            return True
        return self.first if day is None else self.lo <= day < self.hi


WHOLE = Slice()


def margin(key: str, window_days: float) -> float:
    """Days loaded on each side of a slice of ``key``."""
    return FACT_MARGIN_DAYS if key.startswith("fact:") else 2 * window_days + 1


def plan(day_counts: Iterable[tuple[int, int]], total: int, key: str, window_days: float,
         chunk: int = CHUNK) -> list[Slice]:
    """The slices of ``key``: ``day_counts`` are (day, mentions) of its dated mentions in day
    order, ``total`` its mentions with the undated; one whole slice when ``total <= chunk``."""
    if total <= chunk:
        return [WHOLE]
    edges, seen, last = [], 0, None
    for day, n in day_counts:
        if (seen + n - 1) // chunk >= (seen + chunk - 1) // chunk:  # a multiple of chunk in [seen, seen + n)
            edges.append(day)
        seen += n
        last = day
    if last is None:
        return [WHOLE]
    edges = sorted(set(edges + [last + 1]))
    pad = margin(key, window_days)
    return [Slice(lo, hi, pad, n == 0) for n, (lo, hi) in enumerate(zip(edges, edges[1:]))]


def day_counts(days: Iterable[int | None]) -> Iterator[tuple[int, int]]:
    """(day, count) of the dated ``days``, in day order."""
    counts: dict[int, int] = {}
    for d in days:
        if d is not None:
            counts[d] = counts.get(d, 0) + 1
    return iter(sorted(counts.items()))


def placed(slices: list[Slice], day: int | None) -> list[tuple[int, bool]]:
    """(slice number, judged there?) for every slice that loads a mention of ``day``."""
    return [(n, s.judges(day)) for n, s in enumerate(slices) if s.loads(day)]


__all__ = ["CHUNK", "FACT_MARGIN_DAYS", "Slice", "WHOLE", "day_counts", "margin", "placed", "plan"]
