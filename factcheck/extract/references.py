"""Bibliographic furniture in science and health stories, which holds numbers but no claims.

A DOI ("doi: 10.1016/S0140-6736(05)71085-0"), a journal citation ("365(9463):963-4"), a
law report citation ("Roe v. Wade, 410 U.S. 113"), a reference mark ("[1–6]", "[12][13]"),
a record id ("PMID: 27884854", "ISBN 9783161484100") and the level of a confidence interval
("95% CI") are skipped; the figures around them are not.
"""
from __future__ import annotations

import bisect

from factcheck.extract import lazy_re as re

#: Each kind of reference, matched only where its mark stands (a pass of ``str.find`` per mark,
#: so a long text costs no regex scan).
_DOI = re.compile(r"(?:doi|DOI)[: \t]*(10\.\d{4,9}/[^\s\"<>]+)")
_CITATION = re.compile(r"\d{1,4}\(\d{1,4}(?:[-–]\d{1,4})?\):[A-Za-z]?\d+(?:[-–][A-Za-z]?\d+)?")
_MARK = re.compile(r"\[\d{1,3}(?:[ \t]*[-–,][ \t]*\d{1,3})*\](?:\[\d{1,3}(?:[ \t]*[-–,][ \t]*\d{1,3})*\])*")
_RECORD = re.compile(r"(?:PMID|ISBN|ISSN)(?::[ \t]*|[ \t]+)[\dX][\dX./-]*")
#: A law report citation, "900 F.2d 919", "410 U.S. 113", "535 So. 2d 815": looked for only just
#: after a case name ("Roe v. Wade, 410 U.S. 113").
_LAW_REPORT = re.compile(
    r"\b\d{1,4}[ \t]+(?:U\.[ \t]?S\.|S\.[ \t]?Ct\.|L\.[ \t]?Ed\.(?:[ \t]?2d)?|F\.(?:[ \t]?(?:2d|3d|4th)|[ \t]?Supp\."
    r"(?:[ \t]?[23]d)?|[ \t]?App'x)?|So\.(?:[ \t]?[23]d)?|[NS]\.[ \t]?[EW]\.(?:[ \t]?[23]d)?|P\.(?:[ \t]?[23]d)?|"
    r"A\.(?:[ \t]?[23]d)?|Cal\.[ \t]?Rptr\.(?:[ \t]?[23]d)?|N\.Y\.S\.(?:[ \t]?[23]d)?)[ \t]+\d{1,5}(?:[ \t]*\([^)]{0,40}\))?")
_CONFIDENCE = re.compile(r"[ \t]*(?:CI|C\.I\.|(?:confidence|credible)[ \t]+(?:interval|level))(?![A-Za-z])",
                         re.IGNORECASE)

Spans = tuple[list[int], list[int]]


def _found(text: str, mark: str):
    p = text.find(mark)
    while p >= 0:
        yield p
        p = text.find(mark, p + 1)


def reference_spans(text: str) -> Spans | None:
    """Starts and ends of the references in ``text`` (sorted, disjoint), or None when there is none."""
    spans = []
    for mark in ("doi", "DOI"):
        spans.extend(m.span(1) for p in _found(text, mark) if (m := _DOI.match(text, p)))
    for p in _found(text, "):"):
        head = text.rfind("(", max(0, p - 10), p)
        start = head - 1
        while start >= 0 and text[start].isdigit():
            start -= 1
        m = _CITATION.match(text, start + 1) if head > 0 else None
        if m and m.end() > p:
            spans.append(m.span())
    spans.extend(m.span() for p in _found(text, "[") if (m := _MARK.match(text, p)))
    for mark in (" v. ", " v "):
        spans.extend(m.span() for p in _found(text, mark) for m in _LAW_REPORT.finditer(text, p, p + 160))
    for mark in ("PMID", "ISBN", "ISSN"):
        spans.extend(m.span() for p in _found(text, mark) if (m := _RECORD.match(text, p)))
    return _union(spans) if spans else None


def _union(spans: list[tuple[int, int]]) -> Spans:
    starts: list[int] = []
    ends: list[int] = []
    for s, e in sorted(spans):
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


__all__ = ["Spans", "confidence_level", "inside", "reference_spans"]
