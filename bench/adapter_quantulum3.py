"""Adapter for score.py: quantulum3's quantities as scorer predictions (benchmark only).

quantulum3 is not a dependency of factcheck; install it into the environment that runs the
benchmark (``pip install quantulum3``).  Each quantity is reported by its value and span with
default parser options; quantulum3 reports a range as two quantities, so no bounds are given.
"""
from __future__ import annotations

from quantulum3 import parser


def extract(text: str) -> list[dict]:
    """``text`` → the scorer's prediction dicts."""
    out = []
    for q in parser.parse(text):
        start, end = q.span
        out.append({"start": start, "end": end, "value": q.value, "low": None, "high": None,
                    "unit": q.unit.name if q.unit else None, "text": q.surface})
    return out
