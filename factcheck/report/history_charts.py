"""The report's charts: a quantity's values over time as an SVG file beside the report.

A chart is drawn when at least two of the quantity's points carry a full date (a dot per
value and date; red for the values an outlier gave, white for those it was compared with).
"""
from __future__ import annotations

import datetime as dt
import os

from factcheck.archive.stories import Quantity
from factcheck.errors import UsageError
from factcheck.report.chart import Mark, timeline_svg


def chart_file(folder: str, story: int, number: int, q: Quantity, story_label: str) -> str | None:
    """Write ``q``'s chart into ``folder`` as ``story-S-N.svg``; its path as the report links
    it (None when the quantity has fewer than two dated points)."""
    wrong = {f.value for f in q.outliers}
    marks = []
    for p in q.timeline:
        day = _day(p.date)
        if day is not None:
            marks.append(Mark(day, p.value, f"{p.said or p.value} ({p.articles} article{'' if p.articles == 1 else 's'})",
                              agrees=p.value not in wrong))
    if len({m.date for m in marks}) < 2:
        return None
    name = f"story-{story}-{number}.svg"
    svg = timeline_svg((), marks, title=f"{q.label} — {story_label}", today=max(m.date for m in marks))
    try:
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, name), "w", encoding="utf-8") as fh:
            fh.write(svg)
    except OSError as e:
        raise UsageError(f"cannot write the chart {os.path.join(folder, name)}: {e.strerror or e}") from None
    return os.path.join(folder, name)


def _day(date: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date) if date and len(date) == 10 else None
    except ValueError:
        return None


__all__ = ["chart_file"]
