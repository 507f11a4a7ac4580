"""The report's stories: the archive's disagreements grouped by the articles they tie together.

A *story* is a set of articles linked by the report's findings: an outlier and the articles
it was found inconsistent with belong to one story, and stories that share an article are
one (union-find over the articles).  Each story lists, per quantity (index key), the values
its articles gave over time and its outliers.  ``stories(entries, index)`` reads the
``history.entries`` stream once, keeps the findings in a temporary SQLite file rather than in
memory, and yields the stories, newest first, each read back from that file as it is
written; memory holds one story's findings and a few values per article involved.
"""
from __future__ import annotations

import functools
import os
import pickle
import sqlite3
import tempfile
from dataclasses import dataclass
from typing import Iterable, Iterator

from factcheck.archive.history import Entry, Point, timeline
from factcheck.archive.labels import common_folder, key_label, story_label
from factcheck.models import Finding, Severity


@dataclass(frozen=True)
class Quantity:
    """One quantity of a story: its index key, a readable label, its values over time among the
    story's articles, and the outliers."""

    key: str
    label: str
    timeline: tuple[Point, ...]
    outliers: tuple[Finding, ...]

    def as_dict(self) -> dict:
        """Builtin values only, for the JSON report."""
        return {"key": self.key, "label": self.label, "timeline": [p.as_dict() for p in self.timeline],
                "outliers": [f.as_dict() for f in self.outliers]}


@dataclass(frozen=True)
class Story:
    """Articles tied together by disagreements: a label from their titles, how many articles,
    their first and last dates, and the quantities they disagree on."""

    label: str
    articles: int
    first: str | None
    last: str | None
    quantities: tuple[Quantity, ...]

    def as_dict(self) -> dict:
        """Builtin values only, for the JSON report."""
        return {"story": self.label, "articles": self.articles, "first": self.first, "last": self.last,
                "quantities": [q.as_dict() for q in self.quantities]}


@dataclass(frozen=True)
class Agreeing:
    """A quantity without an outlier (listed with ``--all``): its key, label and timeline."""

    key: str
    label: str
    timeline: Iterable[Point]

    def as_dict(self) -> dict:
        """Builtin values only, for the JSON report (reads the timeline)."""
        return {"key": self.key, "label": self.label, "timeline": [p.as_dict() for p in self.timeline]}


class StoredTimeline:
    """A key's whole timeline, read from the index each time it is iterated (so ``--all`` holds
    no quiet quantity's points in memory)."""

    def __init__(self, db, key: str):
        self.db, self.key = db, key

    def __iter__(self) -> Iterator[Point]:
        row = self.db.execute("SELECT id FROM keys WHERE key=?", (self.key,)).fetchone()
        return timeline(self.db, row[0]) if row else iter(())


class Articles:
    """The archive's articles as the report needs them: an id, a title and a date for a
    (path, line), looked up once each (the record holding that line)."""

    def __init__(self, index):
        self.db = index.db
        self.seen: dict[tuple[str, int], tuple[int, str, str | None]] = {}

    @functools.cached_property
    def root(self) -> str | None:
        """The folder every indexed path lies in (None when they share none)."""
        return common_folder(path for (path,) in self.db.execute("SELECT path FROM paths"))

    def __call__(self, path: str, line: int) -> tuple[int, str, str | None]:
        """(document id, title or "", ISO date or None) of the article holding ``path:line``."""
        got = self.seen.get((path, line))
        if got is None:
            row = self.db.execute(
                "SELECT d.id, d.title, d.date FROM documents d JOIN paths p ON p.id = d.path "
                "WHERE p.path = ? AND d.record <= ? ORDER BY d.record DESC LIMIT 1", (path, line)).fetchone()
            got = (row[0], row[1] or "", row[2] or None) if row else (-len(self.seen) - 1, "", None)
            self.seen[(path, line)] = got
        return got


def stories(entries: Iterable[Entry], index, *, everything: bool = False) -> tuple[Iterator[Story], list[Agreeing]]:
    """The stories the entries' findings make (warnings and errors; ``everything``: evolving
    figures too), newest first, and the entries left without a finding (only listed when
    ``everything``)."""
    articles = Articles(index)
    spill = _Spill()
    parent: dict[int, int] = {}
    calm: list[Agreeing] = []
    least = Severity.INFO if everything else Severity.WARNING
    for entry in entries:
        kept = 0
        for f in entry.outliers:
            if f.severity < least:
                continue
            docs = [articles(f.path, f.line)[0]] + [articles(r.path, r.line)[0] for r in f.related]
            for d in docs[1:]:
                _union(parent, docs[0], d)
            parent.setdefault(docs[0], docs[0])
            spill.add(entry.key, docs[0], f)
            kept += 1
        if not kept and everything:
            calm.append(Agreeing(entry.key, key_label(entry.key), StoredTimeline(index.db, entry.key)))
    return _read_back(spill, parent, articles), calm


def _union(parent: dict[int, int], a: int, b: int) -> None:
    ra, rb = _root(parent, a), _root(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)


def _root(parent: dict[int, int], a: int) -> int:
    parent.setdefault(a, a)
    while parent[a] != a:
        parent[a] = parent[parent[a]]
        a = parent[a]
    return a


class _Spill:
    """Findings kept on disk until their stories are known."""

    def __init__(self):
        self.dir = tempfile.TemporaryDirectory(prefix="factcheck-report-")
        self.db = sqlite3.connect(os.path.join(self.dir.name, "findings.sqlite"))
        self.db.execute("CREATE TABLE f (seq INTEGER PRIMARY KEY, key TEXT, doc INTEGER, story INTEGER, data BLOB)")
        self.db.execute("PRAGMA synchronous=OFF")

    def add(self, key: str, doc: int, f: Finding) -> None:
        self.db.execute("INSERT INTO f (key, doc, data) VALUES (?, ?, ?)", (key, doc, pickle.dumps(f, protocol=5)))

    def close(self) -> None:
        self.db.close()
        self.dir.cleanup()


def _read_back(spill: _Spill, parent: dict[int, int], articles: Articles) -> Iterator[Story]:
    try:
        db = spill.db
        db.execute("CREATE INDEX f_doc ON f (doc)")
        db.executemany("UPDATE f SET story=? WHERE doc=?", [(_root(parent, d), d) for d in list(parent)])
        info = {doc: (title, date) for (doc, title, date) in articles.seen.values()}
        members: dict[int, list[int]] = {}
        for d in parent:
            members.setdefault(_root(parent, d), []).append(d)
        last = {s: max((info[d][1] or "" for d in members[s]), default="") for s in members}
        place: dict[int, tuple[str, int]] = {}
        for where, (doc, _, _) in articles.seen.items():
            place[doc] = min(place.get(doc, where), where)
        order = sorted((s for s, in db.execute("SELECT DISTINCT story FROM f")),
                       key=lambda s: min(place[d] for d in members[s]))
        order.sort(key=lambda s: last[s], reverse=True)  # newest first, undated last
        db.execute("CREATE INDEX f_story ON f (story, key, seq)")
        for s in order:
            rows = db.execute("SELECT key, data FROM f WHERE story=? ORDER BY key, seq", (s,))
            yield _story(members[s], info, rows, articles)
    finally:
        spill.close()


def _story(docs: list[int], info: dict, rows, articles: Articles) -> Story:
    by_key: dict[str, list[Finding]] = {}
    for key, data in rows:
        by_key.setdefault(key, []).append(pickle.loads(data))
    dates = sorted(info[d][1] for d in docs if info[d][1])
    titles = [info[d][0] for d in sorted(docs, key=lambda d: (info[d][1] or "", d)) if info[d][0]]
    paths = sorted({f.path for fs in by_key.values() for f in fs} |
                   {r.path for fs in by_key.values() for f in fs for r in f.related})
    quantities = tuple(_quantity(key, fs, articles) for key, fs in by_key.items())
    return Story(story_label(titles, paths, articles.root), len(docs), dates[0] if dates else None, dates[-1] if dates else None,
                 tuple(sorted(quantities, key=lambda q: (q.label, q.key))))


def _quantity(key: str, findings: list[Finding], articles: Articles) -> Quantity:
    said: dict[tuple[str, float], set[int]] = {}
    first: dict[tuple[str, float], tuple[str, str]] = {}
    for f in findings:
        doc, _, date = articles(f.path, f.line)
        _said(said, first, (date or "", f.value if f.value is not None else 0.0), doc, f.path, f.text)
        for r in f.related:
            doc, _, date = articles(r.path, r.line)
            _said(said, first, (r.date.isoformat() if r.date else date or "", r.value), doc, r.path, r.text)
    points = tuple(Point(d or None, v, len(said[(d, v)]), first[(d, v)][0], first[(d, v)][1])
                   for d, v in sorted(said))
    label = next((f.fact or f.key for f in findings if f.fact or f.key), None) or key_label(key)
    return Quantity(key, label, points, tuple(sorted(findings, key=Finding.sort_key)))


def _said(said: dict, first: dict, point: tuple, doc: int, path: str, text: str) -> None:
    said.setdefault(point, set()).add(doc)
    first[point] = min(first.get(point, (path, text)), (path, text))


__all__ = ["Agreeing", "Articles", "Quantity", "Story", "StoredTimeline", "stories"]
