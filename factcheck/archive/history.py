"""The archive's history: per fact or key, the values seen over time and the outliers.

``entries(index, facts)`` walks the index key by key and yields an ``Entry`` for every key
whose articles disagree; its timeline and its outliers are read from the index as they are
consumed (a large key's outliers a slice of days at a time, ``cross.slices``), so memory
stays bounded by one slice, not by the archive or by the number of outliers.
``report.history.render`` turns the entries into text as they come.
"""
from __future__ import annotations

import contextlib
import gc
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping

from factcheck.archive.codec import Codec, restore
from factcheck.archive.lookup import iso_day
from factcheck.cross import slices
from factcheck.models import Finding


@dataclass(frozen=True)
class Point:
    """One value on a key's timeline: the date, the value, how many articles, an example path
    (and how it was written, when known)."""

    date: str | None
    value: float
    articles: int
    example: str
    said: str = ""

    def as_dict(self) -> dict:
        """Builtin values only, for the JSON report (``said``: the words of the first article
        saying it, when known)."""
        return {"date": self.date, "value": self.value, "said": self.said or None, "articles": self.articles,
                "example": self.example}


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
            all_keys: bool = False, chunk: int | None = None, jobs: int = 1) -> Iterator[Entry]:
    """Every key with more than one value in more than one article (``all_keys``: every key),
    in key order.  A key's outliers are its findings judged within the key alone
    (``consistency.key_findings``), a slice at a time when it holds more than ``chunk``
    mentions (``slices.CHUNK`` by default): in slice (date) order, sorted by place within a
    slice.  The slices are judged on ``jobs`` worker processes, in order."""
    from factcheck.check.runner import Runner
    chunk = slices.CHUNK if chunk is None else chunk
    db = index.db
    having = "" if all_keys else " HAVING count(DISTINCT value) > 1 AND count(DISTINCT doc) > 1"
    keys = db.execute(f"SELECT k.id, k.key FROM (SELECT key FROM mentions GROUP BY key{having}) g "
                      "JOIN keys k ON k.id = g.key ORDER BY k.key").fetchall()
    tasks = [(key_id, key, run) for key_id, key in keys for run in runs(plan(db, key_id, key, window_days, chunk))]
    with Runner(SliceJob(index.path, facts, window_days), jobs) as runner:
        results = _Tagged(zip((t[0] for t in tasks), runner.imap(tasks, chunksize=1)))
        for key_id, key in keys:
            yield Entry(key, timeline(db, key_id), results.take(key_id))
            for _ in results.take(key_id):  # what the reader of the entry left
                pass


def timeline(db, key_id: int) -> Iterator[Point]:
    """The key's (date, value) points: how many articles gave each, and the first path among them."""
    rows = db.execute(
        "SELECT m.day, m.value, count(DISTINCT m.doc), min(p.path) FROM mentions m "
        "JOIN documents d ON d.id = m.doc JOIN paths p ON p.id = d.path WHERE m.key = ? "
        "GROUP BY m.day, m.value ORDER BY m.day, m.value", (key_id,))
    for day, value, n, example in rows:
        yield Point(iso_day(day), value, n, example)


def plan(db, key_id: int, key: str, window_days: float, chunk: int) -> list[slices.Slice]:
    """The slices the key is judged in (``slices.plan`` over its stored days)."""
    total = db.execute("SELECT count(*) FROM mentions WHERE key=?", (key_id,)).fetchone()[0]
    counts = db.execute("SELECT day, count(*) FROM mentions WHERE key=? AND day > 0 GROUP BY day ORDER BY day",
                        (key_id,)) if total > chunk else iter(())
    return slices.plan(counts, total, key, window_days, chunk)


#: Consecutive slices of a key judged by one worker, which reads the days their margins share once.
RUN = 6


def runs(plan: list[slices.Slice], size: int | None = None) -> list[list[slices.Slice]]:
    """A key's slices in runs of consecutive slices, at most ``size`` (``RUN``) each."""
    size = size or RUN
    return [plan[k:k + size] for k in range(0, len(plan), size)]


@dataclass(frozen=True)
class SliceJob:
    """A run of consecutive slices of one key, each judged (``consistency.key_findings``) from
    the index at ``path``; picklable, for the pool, each worker reading the index through its
    own connection.  The mentions of the days one slice's load shares with the next (its
    margin) are read once."""

    path: str
    facts: Mapping | None
    window_days: float

    def __call__(self, task: tuple[int, str, list[slices.Slice]]) -> list[Finding]:
        key_id, key, run = task
        held = _Held()
        with _collector_paused():
            return [f for s in run for f in self._judged(key_id, key, s, held)]

    def _judged(self, key_id: int, key: str, s: slices.Slice, held: "_Held") -> list[Finding]:
        from factcheck.cross.consistency import day, key_findings
        db, codec = _reader(self.path)
        select = ("SELECT m.day, m.data, p.path, d.topic FROM mentions m JOIN documents d ON d.id = m.doc "
                  "JOIN paths p ON p.id = d.path WHERE m.key=?")
        if s.lo is None:
            rows = db.execute(select, (key_id,))
        else:
            lo, hi = s.lo - s.pad, s.hi + s.pad
            if not held.keep(lo):
                rows = db.execute(select + " AND (m.day = 0 OR m.day >= ? AND m.day < ?)", (key_id, lo, hi))
            else:
                rows = db.execute(select + " AND m.day >= ? AND m.day < ?", (key_id, held.hi, hi))
            held.hi = hi
        held.rows.extend((d, restore(codec.values(data), path, iso_day(d), topic)) for d, data, path, topic in rows)
        ms = [m for _, m in held.rows]  # in any order: key_findings sorts them (consistency.order)
        return key_findings(ms, key, self.facts, window_days=self.window_days, judged=lambda m: s.judges(day(m)))


class _Held:
    """The mentions a run has read for its last slice, with their stored days, and the end of
    the days they cover."""

    def __init__(self):
        self.rows: list[tuple[int, object]] = []
        self.hi: float | None = None

    def keep(self, lo: float) -> bool:
        """Keep the undated mentions and those from day ``lo`` on, when the next slice's load
        starts within the days held; else hold nothing (False)."""
        if self.hi is None or lo >= self.hi:
            self.rows, self.hi = [], None
            return False
        self.rows = [r for r in self.rows if r[0] == 0 or r[0] >= lo]
        return True


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a slice is judged: its records are tens of
    thousands of acyclic objects made at once, which set off collections that walk them all
    again and again (a sixth of a slice's time); reference counting frees them just the same."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


_READERS: dict[tuple[int, str], tuple] = {}


def _reader(path: str) -> tuple:
    """This process's read-only connection to the index at ``path``, and its codec."""
    import os
    import sqlite3
    key = (os.getpid(), path)
    if key not in _READERS:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        row = db.execute("SELECT data FROM dictionary ORDER BY id LIMIT 1").fetchone()
        _READERS[key] = (db, Codec(row[0] if row else None))
    return _READERS[key]


class _Tagged:
    """The slices' findings as they come, each list tagged with its key; taken key by key."""

    def __init__(self, results: Iterator[tuple[int, list[Finding]]]):
        self.results, self.head = results, None

    def take(self, key_id: int) -> Iterator[Finding]:
        """The findings of the key's slices, in order, up to the next key's."""
        while True:
            if self.head is None:
                self.head = next(self.results, None)
                if self.head is None:
                    return
            if self.head[0] != key_id:
                return
            found, self.head = self.head[1], None
            yield from found


__all__ = ["Entry", "Point", "RUN", "SliceJob", "entries", "plan", "runs", "timeline"]
