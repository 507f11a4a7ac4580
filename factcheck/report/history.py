"""The archive's history as text: ``factcheck report``'s table, JSON and CSV, streamed."""
from __future__ import annotations

import csv
import functools
import io
import json
from typing import Iterable, Iterator

from factcheck.archive.history import Entry
from factcheck.models import fmt_number


def render(fmt: str, items: Iterable[Entry]) -> Iterator[str]:
    """``items`` as ``table``, ``json`` or ``csv`` text, in pieces."""
    if fmt == "json":
        yield '{"version": 1, "keys": ['
        for i, e in enumerate(items):
            yield ("," if i else "") + "\n  "
            yield from _json_entry(e)
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


def _json_entry(e: Entry) -> Iterator[str]:
    """``json.dumps(e.as_dict())`` in pieces, the timeline and the outliers read as they come."""
    dumps = functools.partial(json.dumps, ensure_ascii=False)
    yield f'{{"key": {dumps(e.key)}, "timeline": ['
    for i, p in enumerate(e.timeline):
        yield ("" if i == 0 else ", ") + dumps(p.as_dict())
    yield '], "outliers": ['
    for i, f in enumerate(e.outliers):
        yield ("" if i == 0 else ", ") + dumps(f.as_dict())
    yield "]}"


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


__all__ = ["render"]
