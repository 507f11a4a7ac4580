"""Adapter for ../shared/eval/extraction/score.py: factcheck's claims as scorer predictions.

Only explicit ranges ("between 30 and 40", "30-40") are reported with ``low``/``high``;
every other claim is reported by its value, because the scorer's atoms for a range are its
bounds and an approximation's tolerance is factcheck's own choice, not something the text says.
"""
from __future__ import annotations

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from factcheck.extract import extract as _extract  # noqa: E402


def extract(text: str) -> list[dict]:
    out = []
    for c in _extract(text):
        d = {"start": c.start, "end": c.end, "value": c.value, "unit": c.unit, "text": c.text,
             "low": None, "high": None}
        if c.kind == "fraction":
            d["value"] = c.value / 100
        if c.qualifier == "range":
            d["low"], d["high"] = c.low, c.high
        elif c.qualifier == "vague":
            d["value"] = None if math.isinf(c.high) else c.value
        out.append(d)
    return out
