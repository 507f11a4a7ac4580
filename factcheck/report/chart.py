"""A fact's value over time as an SVG string: the timeline as a stepped band, claims as dots.

Pure: records in, markup out.  Every piece of text is escaped, and the markup uses only
presentation attributes (no ``style``, no script), so it is safe to serve under a strict
Content-Security-Policy and to show in an ``<img>``.
"""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Sequence
from xml.sax.saxutils import escape, quoteattr

from factcheck.models import fmt_number

WIDTH, HEIGHT = 640, 240
_LEFT, _RIGHT, _TOP, _BOTTOM = 64, 16, 44, 32
COLOURS = {"band": "#cfe8d5", "line": "#1f7a3a", "agree": "#4a5568", "disagree": "#c0262d",
           "axis": "#6b7280", "text": "#1f2933"}


@dataclass(frozen=True, slots=True)
class Step:
    """One period of a fact's timeline: its value and tolerance band from ``start`` on."""

    start: dt.date | None
    value: float
    low: float
    high: float
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Mark:
    """A claim placed on the chart: what an article said on its date, and whether it agrees."""

    date: dt.date
    value: float
    label: str
    agrees: bool


def _span(steps: Sequence[Step], marks: Sequence[Mark], today: dt.date) -> tuple[dt.date, dt.date]:
    dates = [s.start for s in steps if s.start] + [m.date for m in marks]
    if not dates:
        return shift(today, -30), today
    first, last = min(dates), max(dates)
    pad = max(3, (last - first).days // 12)
    return shift(first, -pad), shift(last, pad)


def shift(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, held at the first or last date Python has (0001-01-01,
    9999-12-31) rather than overflowing."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def _range(steps: Sequence[Step], marks: Sequence[Mark]) -> tuple[float, float]:
    values = [v for s in steps for v in (s.value, s.low, s.high) if math.isfinite(v)]
    values += [m.value for m in marks if math.isfinite(m.value)]
    if not values:
        return 0.0, 1.0
    lo, hi = min(values), max(values)
    pad = (hi - lo) * 0.12 or max(abs(hi) * 0.1, 1.0)
    return (max(0.0, lo - pad) if lo >= 0 else lo - pad), hi + pad


def _text(x: float, y: float, body: str, anchor: str = "middle", size: int = 11) -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size}" '
            f'fill="{COLOURS["text"]}" font-family="sans-serif">{escape(body)}</text>')


def timeline_svg(steps: Sequence[Step], marks: Sequence[Mark] = (), title: str = "",
                 today: dt.date | None = None, width: int = WIDTH, height: int = HEIGHT) -> str:
    """The chart: one band and line per timeline step, one dot per mark (red when it disagrees)."""
    today = today or dt.date.today()
    steps = sorted(steps, key=lambda s: s.start or dt.date.min)
    first, last = _span(steps, marks, today)
    days = max(1, (last - first).days)
    lo, hi = _range(steps, marks)
    plot_w, plot_h = width - _LEFT - _RIGHT, height - _TOP - _BOTTOM

    def x(d: dt.date) -> float:
        return _LEFT + plot_w * min(max((d - first).days / days, 0.0), 1.0)

    def y(v: float) -> float:
        v = min(max(v, lo), hi)
        return _TOP + plot_h * (1 - (v - lo) / (hi - lo))

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" aria-label={quoteattr(title or "timeline")}>',
           f'<title>{escape(title)}</title>',
           f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>']
    if title:
        out.append(_text(_LEFT, 16, title, "start", 12))
    axis = COLOURS["axis"]
    out.append(f'<line x1="{_LEFT}" y1="{_TOP + plot_h}" x2="{_LEFT + plot_w}" y2="{_TOP + plot_h}" '
               f'stroke="{axis}" stroke-width="1"/>')
    out.append(f'<line x1="{_LEFT}" y1="{_TOP}" x2="{_LEFT}" y2="{_TOP + plot_h}" stroke="{axis}" stroke-width="1"/>')
    for v in (lo, (lo + hi) / 2, hi):
        out.append(_text(_LEFT - 6, y(v) + 4, fmt_number(round(v, 2) if abs(v) < 10 else round(v)), "end"))
    ticks = sorted({first, last} | {s.start for s in steps if s.start})
    shown: list[float] = []
    for d in ticks:
        px = x(d)
        if all(abs(px - p) > 70 for p in shown):
            shown.append(px)
            anchor = "end" if px > _LEFT + plot_w - 40 else "start" if px < _LEFT + 40 else "middle"
            out.append(_text(px, _TOP + plot_h + 16, d.isoformat(), anchor))
    for i, s in enumerate(steps):
        x0 = x(s.start) if s.start else _LEFT
        x1 = x(steps[i + 1].start) if i + 1 < len(steps) and steps[i + 1].start else _LEFT + plot_w
        label = f"{fmt_number(s.value)} from {s.start.isoformat() if s.start else 'the start'}"
        if s.low != s.high:
            label += f" (accepted {fmt_number(s.low)} to {fmt_number(s.high)})"
        if s.source:
            label += f"; source: {s.source}"
        top, bottom = y(s.high), y(s.low)
        out.append(f'<g><title>{escape(label)}</title>'
                   f'<rect x="{x0:.1f}" y="{top:.1f}" width="{max(x1 - x0, 1):.1f}" '
                   f'height="{max(bottom - top, 2):.1f}" fill="{COLOURS["band"]}"/>'
                   f'<line x1="{x0:.1f}" y1="{y(s.value):.1f}" x2="{x1:.1f}" y2="{y(s.value):.1f}" '
                   f'stroke="{COLOURS["line"]}" stroke-width="2"/></g>')
        if i:
            prev = steps[i - 1]
            out.append(f'<line x1="{x0:.1f}" y1="{y(prev.value):.1f}" x2="{x0:.1f}" y2="{y(s.value):.1f}" '
                       f'stroke="{COLOURS["line"]}" stroke-width="1" stroke-dasharray="3 3"/>')
    for m in sorted(marks, key=lambda m: (m.agrees, m.date)):
        colour = COLOURS["agree" if m.agrees else "disagree"]
        verdict = "agrees" if m.agrees else "disagrees"
        label = f"{m.date.isoformat()}: {fmt_number(m.value)} ({verdict}) {m.label}".strip()
        out.append(f'<g><title>{escape(label)}</title><circle cx="{x(m.date):.1f}" cy="{y(m.value):.1f}" '
                   f'r="{4 if m.agrees else 5}" fill="{colour if not m.agrees else "#ffffff"}" '
                   f'stroke="{colour}" stroke-width="2"/></g>')
    if marks:
        lx, ly = _LEFT, 32
        out.append(f'<circle cx="{lx + 4}" cy="{ly}" r="4" fill="#ffffff" stroke="{COLOURS["agree"]}" stroke-width="2"/>')
        out.append(_text(lx + 12, ly + 4, "agrees", "start", 10))
        out.append(f'<circle cx="{lx + 68}" cy="{ly}" r="5" fill="{COLOURS["disagree"]}" '
                   f'stroke="{COLOURS["disagree"]}" stroke-width="2"/>')
        out.append(_text(lx + 76, ly + 4, "disagrees", "start", 10))
    out.append("</svg>")
    return "\n".join(out) + "\n"


__all__ = ["Step", "Mark", "shift", "timeline_svg"]
