"""``factcheck report`` as text: the archive's stories, each quantity's values over time and
its outliers, as a table, Markdown, JSON or CSV, written as the stories come.

JSON (version 2): ``{"version": 2, "stories": [{"story", "articles", "first", "last",
"quantities": [{"key", "label", "timeline", "outliers"}]}], "quantities": [{"key", "label",
"timeline"}]}``, the last list holding the quantities without a disagreement (``--all``).
"""
from __future__ import annotations

import csv
import io
import json
import os
from typing import Iterable, Iterator, Sequence

from factcheck.archive.history import Point
from factcheck.archive.labels import common_folder
from factcheck.archive.stories import Agreeing, Story
from factcheck.models import Finding, Severity, fmt_number
from factcheck.report.history_charts import chart_file

FORMATS = ("table", "markdown", "json", "csv")
MAX_OTHERS = 3


def render(fmt: str, stories: Iterable[Story], calm: Sequence[Agreeing] = (),
           charts: str | None = None) -> Iterator[str]:
    """The report in ``fmt``, in pieces; ``charts`` is a folder to draw each quantity's
    timeline into (SVG, linked from the Markdown)."""
    if fmt == "json":
        yield from _json(stories, calm)
    elif fmt == "csv":
        yield from _csv(stories, calm)
    else:
        yield from _text(stories, calm, fmt == "markdown", charts)


def _json(stories: Iterable[Story], calm: Sequence[Agreeing]) -> Iterator[str]:
    yield '{"version": 2, "stories": ['
    for i, s in enumerate(stories):
        yield ("," if i else "") + "\n  " + json.dumps(s.as_dict(), ensure_ascii=False)
    yield '\n], "quantities": ['
    for i, q in enumerate(calm):
        yield ("," if i else "") + "\n  " + json.dumps(q.as_dict(), ensure_ascii=False)
    yield "\n]}\n"


def _csv(stories: Iterable[Story], calm: Sequence[Agreeing]) -> Iterator[str]:
    yield _csv_row(["story", "quantity", "key", "section", "date", "value", "said", "articles", "path", "line",
                    "column", "severity", "message"])
    for s in stories:
        for q in s.quantities:
            for p in q.timeline:
                yield _csv_row([s.label, q.label, q.key, "timeline", p.date or "", fmt_number(p.value), p.said,
                                p.articles, p.example, "", "", "", ""])
            for f in q.outliers:
                yield _csv_row([s.label, q.label, q.key, "outlier", "", _value(f), f.text, "", f.path, f.line,
                                f.column, str(f.severity), f.message])
    for q in calm:
        for p in q.timeline:
            yield _csv_row(["", q.label, q.key, "timeline", p.date or "", fmt_number(p.value), p.said, p.articles,
                            p.example, "", "", "", ""])


def _csv_row(values: list) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(values)
    return buf.getvalue()


def _text(stories: Iterable[Story], calm: Sequence[Agreeing], markdown: bool, charts: str | None) -> Iterator[str]:
    from tabulate import tabulate
    fmt = "github" if markdown else "simple"
    n_stories = n_quantities = n_outliers = 0
    if markdown:
        yield "# Inconsistent figures in the archive\n\n"
    for s in stories:
        n_stories += 1
        root = _folder(s)
        dates = f", {s.first}" + (f" to {s.last}" if s.last != s.first else "") if s.first else ", undated"
        where = f" · in `{root}`" if markdown and root else f" · in {root}" if root else ""
        head = s.label
        yield (f"## {_md(head)}\n\n{s.articles} articles{dates}{where}\n\n" if markdown
               else f"{head}\n{'=' * min(len(head), 78)}\n{s.articles} articles{dates}{where}\n\n")
        for q in s.quantities:
            n_quantities += 1
            n_outliers += len(q.outliers)
            yield f"### {_md(q.label)}\n\n" if markdown else f"  {q.label}\n\n"
            yield _indent(tabulate(_points(q.timeline, root), headers=("date", "value", "articles", "example"),
                                   tablefmt=fmt), markdown) + "\n\n"
            if charts:
                name = chart_file(charts, n_stories, n_quantities, q, s.label)
                if name and markdown:
                    yield f"![{_md(q.label)} over time]({name})\n\n"
            rows = [_outlier(f, root, markdown) for f in q.outliers]
            yield _indent(tabulate(rows, headers=("where", "said", "quote", "others say", "verdict"),
                                   tablefmt=fmt), markdown) + "\n\n"
    if calm:
        yield "## Quantities without a disagreement\n\n" if markdown else "Quantities without a disagreement\n\n"
        for q in calm:
            yield f"### {_md(q.label)}\n\n" if markdown else f"  {q.label}\n"
            yield _indent(tabulate(_points(q.timeline, None), headers=("date", "value", "articles", "example"),
                                   tablefmt=fmt), markdown) + "\n\n"
    if n_stories:
        yield (f"{n_outliers} outlier{_s(n_outliers)} in {n_quantities} quantit{'y' if n_quantities == 1 else 'ies'}"
               f" of {n_stories} stor{'y' if n_stories == 1 else 'ies'}\n")
    else:
        yield "no inconsistent figures: the archive's articles agree wherever they were compared\n"


def _points(points: Iterable[Point], root: str | None) -> list[tuple]:
    return [(p.date or "undated", p.said or fmt_number(p.value), p.articles, _short(p.example, root)) for p in points]


def _outlier(f: Finding, root: str | None, markdown: bool) -> tuple:
    quote = f.message.split(" — ", 1)[0] if " — " in f.message else f.text
    others = [f"{r.text} ({_short(r.path, root)}:{r.line})" for r in f.related[:MAX_OTHERS]]
    if len(f.related) > MAX_OTHERS:
        others.append(f"+{len(f.related) - MAX_OTHERS} more")
    cells = (f"{_short(f.path, root)}:{f.line}:{f.column}", f.text, _clip(quote), "; ".join(others), _verdict(f))
    return tuple(_md(c) for c in cells) if markdown else cells


def _verdict(f: Finding) -> str:
    if f.severity == Severity.INFO:
        return "evolving figure (info)"
    tail = "inconsistent, no majority" if f.message.endswith("no majority") else "inconsistent"
    return f"{tail} ({f.severity})"


def _value(f: Finding) -> str:
    return fmt_number(f.value) if f.value is not None else ""


def _folder(s: Story) -> str | None:
    paths = [p for q in s.quantities for f in q.outliers for p in (f.path, *(r.path for r in f.related))]
    root = common_folder(paths)
    return root if root not in (None, "", ".") else None


def _short(path: str, root: str | None) -> str:
    return os.path.relpath(path, root) if root and path.startswith(root) else path


def _clip(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def _indent(block: str, markdown: bool) -> str:
    return block if markdown else "\n".join("  " + line for line in block.splitlines())


def _md(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _s(n: int) -> str:
    return "" if n == 1 else "s"


__all__ = ["FORMATS", "render"]
