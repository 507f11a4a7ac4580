"""Adapter for ../shared/eval/extraction/score.py: factcheck's claims as scorer predictions.

Only explicit ranges ("between 30 and 40", "30-40") are reported with ``low``/``high``: the
scorer's atoms for a range are its bounds, and the bounds of "about 300" or "more than 30"
are factcheck's reading of a qualifier, not numbers the text states, so those are reported
by their value alone.  A fraction ("two-thirds") is a claim in percent; the scorer wants a
proportion, so it is reported divided by 100.  Vague amounts ("dozens") state no number and
are reported without a value.  factcheck states amounts written in cents or pence in the
main unit ("19 cents" → 0.19 USD); the scorer counts every quantity in the unit it is written
in ("5 km" is 5, not 5000 m), so those are reported as written, ×100.
"""
from __future__ import annotations

import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from factcheck.extract.claims import extract as _extract  # noqa: E402

_SUBUNIT = re.compile(r"(?<![A-Za-z])(?:cents?|pence|p|sen)\Z", re.IGNORECASE)
_MAIN = re.compile(r"dollar|euro|pound|yen|[$£€¥]", re.IGNORECASE)


def extract(text: str) -> list[dict]:
    """``text`` → the scorer's prediction dicts (start, end, value, low, high, unit, text)."""
    out = []
    for c in _extract(text):
        d = {"start": c.start, "end": c.end, "value": c.value, "unit": c.unit, "text": c.text,
             "low": None, "high": None}
        if c.kind == "fraction":
            d["value"] = c.value / 100
        elif c.kind == "currency" and _SUBUNIT.search(c.text) and not _MAIN.search(c.text):
            d["value"] = round(c.value * 100, 9)
        if c.qualifier == "range":
            d["low"], d["high"] = c.low, c.high
        elif c.qualifier == "vague":
            d["value"] = None
        out.append(d)
    return out
