"""The archive's history: per fact or key, the values seen over time and the outliers.

``entries(index, facts)`` walks the index key by key and yields an ``Entry`` for every key
whose articles disagree; its timeline and its outliers are read from the index as they are
consumed (a large key's outliers a slice of days at a time, ``cross.slices``), so memory
stays bounded by one slice, not by the archive or by the number of outliers.
``report.history.render`` turns the entries into text as they come.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping

from factcheck.archive.lookup import iso_day, restore_rows
from factcheck.cross import slices
from factcheck.models import Finding


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
    """A fact id (``fact:<id>``) or rule-less key, its timeline and its cross-article findings.

    ``timeline`` and ``outliers`` may be streams, read once (``entries`` gives streams).
    """

    key: str
    timeline: Iterable[Point]
    outliers: Iterable[Finding]

    def as_dict(self) -> dict:
        """Builtin values only, for the JSON report (reads the streams)."""
        return {"key": self.key, "timeline": [p.as_dict() for p in self.timeline],
                "outliers": [f.as_dict() for f in self.outliers]}


def entries(index, facts: Mapping | None = None, *, window_days: float = 2.0,
            all_keys: bool = False, chunk: int | None = None) -> Iterator[Entry]:
    """Every key with more than one value in more than one article (``all_keys``: every key),
    in key order.  A key's outliers are its findings judged within the key alone
    (``consistency.key_findings``), a slice at a time when it holds more than ``chunk``
    mentions (``slices.CHUNK`` by default): in slice (date) order, sorted by place within a slice."""
    chunk = slices.CHUNK if chunk is None else chunk
    db = index.db
    having = "" if all_keys else " HAVING count(DISTINCT value) > 1 AND count(DISTINCT doc) > 1"
    keys = db.execute(f"SELECT k.id, k.key FROM (SELECT key FROM mentions GROUP BY key{having}) g "
                      "JOIN keys k ON k.id = g.key ORDER BY k.key").fetchall()
    for key_id, key in keys:
        yield Entry(key, timeline(db, key_id), outliers(index, key_id, key, facts, window_days, chunk))


def timeline(db, key_id: int) -> Iterator[Point]:
    """The key's (date, value) points: how many articles gave each, and the first path among them."""
    rows = db.execute(
        "SELECT m.day, m.value, count(DISTINCT m.doc), min(p.path) FROM mentions m "
        "JOIN documents d ON d.id = m.doc JOIN paths p ON p.id = d.path WHERE m.key = ? "
        "GROUP BY m.day, m.value ORDER BY m.day, m.value", (key_id,))
    for day, value, n, example in rows:
        yield Point(iso_day(day), value, n, example)


def outliers(index, key_id: int, key: str, facts: Mapping | None, window_days: float,
             chunk: int = slices.CHUNK) -> Iterator[Finding]:
    """The key's findings, judged slice by slice (``slices.plan``)."""
    from factcheck.cross.consistency import day, key_findings
    db = index.db
    total = db.execute("SELECT count(*) FROM mentions WHERE key=?", (key_id,)).fetchone()[0]
    counts = db.execute("SELECT day, count(*) FROM mentions WHERE key=? AND day > 0 GROUP BY day ORDER BY day",
                        (key_id,)) if total > chunk else iter(())
    for s in slices.plan(counts, total, key, window_days, chunk):
        if s.lo is None:
            rows = db.execute("SELECT doc, day, data FROM mentions WHERE key=?", (key_id,))
        else:
            rows = db.execute("SELECT doc, day, data FROM mentions WHERE key=? AND (day = 0 OR day >= ? AND day < ?)",
                              (key_id, s.lo - s.pad, s.hi + s.pad))
        ms = list(restore_rows(db, index.codec, rows))
        yield from key_findings(ms, key, facts, window_days=window_days, judged=lambda m: s.judges(day(m)))


__all__ = ["Entry", "Point", "entries", "outliers", "timeline"]
