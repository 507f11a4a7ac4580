"""The archive's history: per fact or key, the values seen over time and the outliers.

``entries(index, facts)`` walks the index key by key, a large key a slice of days at a time
(so memory stays bounded), and yields an ``Entry`` for every key whose articles disagree;
``report.history.render`` turns the entries into text.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterator, Mapping

from factcheck.models import Finding

CHUNK = 50_000
FACT_MARGIN_DAYS = 60


@dataclass(frozen=True)
class Point:
    """One value on a key's timeline: the date, the value, how many articles, an example path."""

    date: str | None
    value: float
    articles: int
    example: str

    def as_dict(self) -> dict:
        """Builtin values only, for the JSON report."""
        return {"date": self.date, "value": self.value, "articles": self.articles, "example": self.example}


@dataclass(frozen=True)
class Entry:
    """A fact id (``fact:<id>``) or rule-less key, its timeline and its cross-article findings."""

    key: str
    timeline: tuple[Point, ...]
    outliers: tuple[Finding, ...]

    def as_dict(self) -> dict:
        """Builtin values only, for the JSON report."""
        return {"key": self.key, "timeline": [p.as_dict() for p in self.timeline],
                "outliers": [f.as_dict() for f in self.outliers]}


def entries(index, facts: Mapping | None = None, *, window_days: float = 2.0,
            all_keys: bool = False, chunk: int = CHUNK) -> Iterator[Entry]:
    """Every key with more than one value in more than one article (``all_keys``: every key).

    A key's mentions are judged a slice of days at a time (at most about ``chunk`` mentions,
    see ``_slices``), so memory stays bounded whatever the archive's size.
    """
    db = index.db
    having = "" if all_keys else " HAVING count(DISTINCT value) > 1 AND count(DISTINCT doc) > 1"
    keys = [k for (k,) in db.execute(f"SELECT key FROM mention_keys GROUP BY key{having} ORDER BY key")]
    for key in keys:
        points = tuple(Point(date, value, n, example) for date, value, n, example in db.execute(
            "SELECT d.date, k.value, count(DISTINCT k.doc), min(d.path) FROM mention_keys k "
            "JOIN documents d ON d.id = k.doc WHERE k.key = ? GROUP BY d.date, k.value "
            "ORDER BY d.date IS NOT NULL, d.date, k.value", (key,)))
        found: list[Finding] = []
        for core, loaded in _slices(db, key, window_days, chunk):
            found.extend(_judge_slice(db, key, core, loaded, facts, window_days))
        yield Entry(key, points, tuple(sorted(found, key=Finding.sort_key)))


def _slices(db, key: str, window_days: float, chunk: int) -> Iterator[tuple[tuple, tuple]]:
    """(core days, (first day loaded, day after the last, first slice?)) slices of ``key``:
    each core holds about ``chunk`` mentions.

    The loaded range adds a margin to the core: twice the comparison window for rule-less
    keys (a pairing needs both sides' best counterparts), a fixed stretch of days around it
    for facts (``consistency.MAX_CANDIDATES`` neighbours each way).  A key that fits in one
    slice is judged whole; undated mentions join every slice and are judged in the first.
    """
    total = db.execute("SELECT count(*) FROM mention_keys WHERE key=?", (key,)).fetchone()[0]
    if total <= chunk:
        yield (None, None), (None, None)
        return
    edges, last = [], None
    for i, (last,) in enumerate(db.execute("SELECT day FROM mention_keys WHERE key=? AND day IS NOT NULL "
                                           "ORDER BY day", (key,))):
        if i % chunk == 0:
            edges.append(last)  # every chunk-th day, streamed: no list of the key's days
    if last is None:
        yield (None, None), (None, None)
        return
    edges = sorted(set(edges + [last + 1]))
    pad = 2 * window_days + 1 if not key.startswith("fact:") else FACT_MARGIN_DAYS
    for n, (lo, hi) in enumerate(zip(edges, edges[1:])):
        yield (lo, hi), (lo - pad, hi + pad, n == 0)


def _judge_slice(db, key: str, core: tuple, loaded: tuple, facts, window_days: float) -> list[Finding]:
    """The findings on the slice's core mentions, judged with the whole loaded range."""
    from factcheck.cross.consistency import cross_findings
    from factcheck.cross.mentions import Mention
    sql = ("SELECT m.row, k.day, k.timeless FROM mention_keys k JOIN mentions m ON m.id = k.mention_id "
           "WHERE k.key = ?")
    if core[0] is None:
        rows = db.execute(sql + " ORDER BY k.mention_id", (key,))
    else:
        rows = db.execute(sql + " AND (k.day IS NULL OR k.timeless = 1 OR k.day >= ? AND k.day < ?) "
                          "ORDER BY k.mention_id", (key, loaded[0], loaded[1]))
    ms, judged = [], set()
    for row, day, timeless in rows:
        m = Mention.from_row(json.loads(row))
        ms.append(m)
        whole = day is None or timeless
        if core[0] is None or (whole and loaded[2]) or (not whole and core[0] <= day < core[1]):
            judged.add((m.located.path, m.located.line, m.located.column))
    return [f for f in cross_findings(ms, facts, window_days=window_days)
            if (f.path, f.line, f.column) in judged]


__all__ = ["Entry", "Point", "entries"]
