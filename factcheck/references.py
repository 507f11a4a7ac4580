"""Bibliographic furniture in science and health stories, which holds numbers but no claims.

A DOI ("doi: 10.1016/S0140-6736(05)71085-0"), a journal citation ("365(9463):963-4"), a
reference mark ("[1–6]", "[12][13]"), a record id ("PMID: 27884854", "ISBN 9783161484100")
and the level of a confidence interval ("95% CI") are skipped; the figures around them are not.
"""
from __future__ import annotations

import bisect
import re

_REFERENCE = re.compile(
    r"\b10\.\d{4,9}/[^\s\"<>]+"
    r"|\b\d{1,4}\(\d{1,4}(?:[-–]\d{1,4})?\):[A-Za-z]?\d+(?:[-–][A-Za-z]?\d+)?"
    r"|\[\d{1,3}(?:[ \t]*[-–,][ \t]*\d{1,3})*\](?:\[\d{1,3}(?:[ \t]*[-–,][ \t]*\d{1,3})*\])*"
    r"|\b(?:PMID|ISBN|ISSN)(?::[ \t]*|[ \t]+)[\dX][\dX./-]*")
_MARKS = ("[", "):", "doi:", "DOI", "PMID", "ISBN", "ISSN")  # "PMC5168534", "arXiv:2101.00001" hold no core
_CONFIDENCE = re.compile(r"[ \t]*(?:CI|C\.I\.|(?:confidence|credible)[ \t]+(?:interval|level))(?![A-Za-z])",
                         re.IGNORECASE)

Spans = tuple[list[int], list[int]]


def reference_spans(text: str) -> Spans | None:
    """Starts and ends of the references in ``text`` (sorted, disjoint), or None when there is none."""
    if not any(mark in text for mark in _MARKS):
        return None
    starts, ends = [], []
    for m in _REFERENCE.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return (starts, ends) if starts else None


def merge(a: Spans | None, b: Spans | None) -> Spans | None:
    """The union of two sets of sorted spans, sorted and disjoint (either may be None)."""
    if a is None or b is None:
        return a or b
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(zip(a[0] + b[0], a[1] + b[1])):
        if ends and s <= ends[-1]:
            ends[-1] = max(ends[-1], e)
        else:
            starts.append(s)
            ends.append(e)
    return starts, ends


def inside(spans: Spans, pos: int) -> bool:
    """Whether ``pos`` falls in one of ``spans`` (sorted and disjoint)."""
    i = bisect.bisect_right(spans[0], pos) - 1
    return i >= 0 and pos < spans[1][i]


def confidence_level(text: str, end: int) -> bool:
    """Whether the percentage ending at ``end`` is a confidence level: "95% CI", "90% confidence interval"."""
    return _CONFIDENCE.match(text, end) is not None


__all__ = ["confidence_level", "inside", "merge", "reference_spans"]
