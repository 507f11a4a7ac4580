"""The archive's history: per fact or key, the values seen over time and the outliers.

``entries(index, facts)`` walks the index key by key (one key's mentions in memory at a
time) and yields an ``Entry`` for every key whose articles disagree; ``render`` turns the
entries into a table, JSON or CSV text, streamed.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping

from factcheck.models import Finding, fmt_number


@dataclass(frozen=True)
class Point:
    """One value on a key's timeline: the date, the value, how many articles, an example path."""

    date: str | None
    value: float
    articles: int
    example: str

    def as_dict(self) -> dict:
        return {"date": self.date, "value": self.value, "articles": self.articles, "example": self.example}


@dataclass(frozen=True)
class Entry:
    """A fact id (``fact:<id>``) or rule-less key, its timeline and its cross-article findings."""

    key: str
    timeline: tuple[Point, ...]
    outliers: tuple[Finding, ...]

    def as_dict(self) -> dict:
        return {"key": self.key, "timeline": [p.as_dict() for p in self.timeline],
                "outliers": [f.as_dict() for f in self.outliers]}


def entries(index, facts: Mapping | None = None, *, window_days: float = 2.0,
            all_keys: bool = False) -> Iterator[Entry]:
    """Every key with more than one value in more than one article (``all_keys``: every key)."""
    from factcheck.consistency import cross_findings
    from factcheck.quantity import Mention
    db = index.db
    having = "" if all_keys else " HAVING count(DISTINCT value) > 1 AND count(DISTINCT doc) > 1"
    keys = [k for (k,) in db.execute(f"SELECT key FROM mention_keys GROUP BY key{having} ORDER BY key")]
    for key in keys:
        points = tuple(Point(date, value, n, example) for date, value, n, example in db.execute(
            "SELECT d.date, k.value, count(DISTINCT k.doc), min(d.path) FROM mention_keys k "
            "JOIN documents d ON d.id = k.doc WHERE k.key = ? GROUP BY d.date, k.value "
            "ORDER BY d.date IS NOT NULL, d.date, k.value", (key,)))
        ms = [Mention.from_row(json.loads(row)) for (row,) in db.execute(
            "SELECT m.row FROM mention_keys k JOIN mentions m ON m.id = k.mention_id WHERE k.key = ? "
            "ORDER BY k.mention_id", (key,))]
        found = tuple(cross_findings(ms, facts, window_days=window_days))
        yield Entry(key, points, found)


def render(fmt: str, items: Iterable[Entry]) -> Iterator[str]:
    """``items`` as ``table``, ``json`` or ``csv`` text, in pieces."""
    if fmt == "json":
        yield '{"version": 1, "keys": ['
        for i, e in enumerate(items):
            yield ("," if i else "") + "\n  " + json.dumps(e.as_dict(), ensure_ascii=False)
        yield "\n]}\n"
    elif fmt == "csv":
        yield _csv_row(["key", "section", "date", "value", "articles", "path", "line", "column", "message"])
        for e in items:
            for p in e.timeline:
                yield _csv_row([e.key, "timeline", p.date or "", fmt_number(p.value), p.articles, p.example,
                                "", "", ""])
            for f in e.outliers:
                yield _csv_row([e.key, "outlier", "", fmt_number(f.value) if f.value is not None else "", "",
                                f.path, f.line, f.column, f.message])
    else:
        n = 0
        for e in items:
            n += 1
            yield _table(e)
        yield f"{n} key{'' if n == 1 else 's'} with differing values\n"


def _csv_row(values: list) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(values)
    return buf.getvalue()


def _table(e: Entry) -> str:
    from tabulate import tabulate
    rows = [(p.date or "undated", fmt_number(p.value), p.articles, p.example) for p in e.timeline]
    out = [e.key, tabulate(rows, headers=("date", "value", "articles", "example"), tablefmt="simple")]
    for f in e.outliers:
        out.append(f"  {f.path}:{f.line}:{f.column}: {f.severity}: {f.message}")
    return "\n".join(out) + "\n\n"


__all__ = ["Entry", "Point", "entries", "render"]
