"""The records that flow through factcheck: documents → claims → facts → findings.

Every record is a frozen dataclass; ``as_dict()`` turns one into builtin types
for reporters and JSON.  Nothing here does I/O.
"""
from __future__ import annotations

import bisect
import datetime as dt
import enum
import math
from dataclasses import dataclass, field
from typing import Any, Mapping

from factcheck.builders import builder, compact_pickle

QUALIFIERS = ("exact", "approx", "at-least", "more-than", "at-most", "less-than", "range", "vague")


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``ERROR > WARNING > INFO``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, name: str) -> "Severity":
        """``"error"`` → ``Severity.ERROR``; raises ``KeyError`` on an unknown name."""
        return cls[name.upper()]


def _num(x: float) -> float | int | None:
    """A number as JSON wants it: ints stay ints, infinities become ``None``."""
    if x is None or (isinstance(x, float) and math.isinf(x)):
        return None
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return int(x)
    return x


@compact_pickle
@dataclass(frozen=True, slots=True)
class Interval:
    """A closed, open or half-open interval of the real line; bounds may be infinite."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    @classmethod
    def point(cls, value: float) -> "Interval":
        """The interval of one exact value."""
        return cls(value, value)

    def meets(self, other: "Interval") -> bool:
        """True when the two intervals share at least one point."""
        if self.low > other.high or other.low > self.high:
            return False
        if self.low == other.high and (self.low_open or other.high_open):
            return False
        if other.low == self.high and (other.low_open or self.high_open):
            return False
        return True

    def contains(self, x: float) -> bool:
        """Whether ``x`` lies in the interval (an open end excludes its bound)."""
        return self.meets(Interval.point(x))

    def __str__(self) -> str:
        if self.low == self.high and not (self.low_open or self.high_open):
            return fmt_number(self.low)
        lo = "-inf" if math.isinf(self.low) else fmt_number(self.low)
        hi = "inf" if math.isinf(self.high) else fmt_number(self.high)
        return f"{'(' if self.low_open else '['}{lo}, {hi}{')' if self.high_open else ']'}"


def fmt_number(x: float) -> str:
    """Human formatting: ``1800.0`` → ``1,800``; ``2.5`` → ``2.5``; ``1/3`` → ``0.333``."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.3f}".rstrip("0").rstrip(".")


@compact_pickle
@dataclass(frozen=True, slots=True)
class Claim:
    """One numeric claim found in a text: a value, the interval it asserts, and where it stands.

    ``start``/``end`` are character offsets into the text given to ``extract`` (end exclusive);
    ``sentence_start``/``sentence_end`` delimit its sentence; ``noun`` is the counted noun
    phrase (``"living captives"``), empty when there is none.  ``kind`` is one of
    ``count``, ``percent``, ``fraction``, ``currency``, ``quantity``, ``age``.
    """

    value: float
    low: float
    high: float
    qualifier: str
    unit: str | None
    start: int
    end: int
    text: str
    sentence_start: int = 0
    sentence_end: int = 0
    noun: str = ""
    kind: str = "count"
    low_open: bool = False
    high_open: bool = False

    @property
    def interval(self) -> Interval:
        """The claim's interval as an ``Interval``."""
        return Interval(self.low, self.high, self.low_open, self.high_open)

    def as_dict(self) -> dict[str, Any]:
        """Builtin values only, for the JSON report."""
        return {
            "text": self.text, "value": _num(self.value), "low": _num(self.low), "high": _num(self.high),
            "low_open": self.low_open, "high_open": self.high_open,
            "unit": self.unit, "qualifier": self.qualifier, "kind": self.kind, "noun": self.noun,
            "start": self.start, "end": self.end,
        }


class SourceMap:
    """Maps an offset in a document's text back to (line, column) in the original file.

    Built from anchors ``(text_offset, line, column)``; between two anchors columns advance
    one per character.  Lines and columns are 1-based.
    """

    __slots__ = ("_offsets", "_anchors")

    def __init__(self, anchors: list[tuple[int, int, int]]):
        anchors = sorted(anchors) or [(0, 1, 1)]
        self._offsets = [a[0] for a in anchors]
        self._anchors = anchors

    @classmethod
    def for_text(cls, text: str, first_line: int = 1, first_column: int = 1) -> "SourceMap":
        """The identity map of a text that is the file itself (or a field starting at a known place)."""
        anchors = [(0, first_line, first_column)]
        pos = text.find("\n")
        line = first_line
        while pos != -1:
            line += 1
            anchors.append((pos + 1, line, 1))
            pos = text.find("\n", pos + 1)
        return cls(anchors)

    def locate(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of character ``offset`` of the text in the original file."""
        i = bisect.bisect_right(self._offsets, offset) - 1
        if i < 0:
            i = 0
        start, line, col = self._anchors[i]
        return line, col + (offset - start)


@dataclass(frozen=True)
class Document:
    """A readable article: the text claims are extracted from, its metadata and its source map.

    ``text`` has the same length as the visible article text; parts that are not prose
    (front matter, code, URLs, comments) may be blanked with spaces so offsets stay put.
    ``path`` is the file's path; a JSON Lines record keeps its file's path, with its line in
    ``meta["record"]`` and its id in ``meta["id"]`` (its source map gives the record's line); so
    does an item of a file that holds several (a ninjs list, a NewsML-G2 message, a WordPress
    export), with the item's first line.  ``source`` is the file's text, for the comments that
    suppress findings; a file of several items gives it to its first document only.
    """

    path: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    source_map: SourceMap | None = None
    source: str | None = None
    period: tuple[dt.date, dt.date] | None = None

    @property
    def when(self) -> str | None:
        """The article's date as its metadata states it: a day, a month (``2014-11``) or a year."""
        if self.date is not None or self.period is None:
            return self.date.isoformat() if self.date else None
        first, last = self.period
        return f"{first.year:04d}" if (first.month, last.month) == (1, 12) else f"{first.year:04d}-{first.month:02d}"

    def locate(self, offset: int) -> tuple[int, int]:
        """(line, column) in the original file of a character offset in ``text``."""
        sm = self.source_map
        if sm is None:
            sm = SourceMap.for_text(self.text)
            object.__setattr__(self, "source_map", sm)
        return sm.locate(offset)

    def summary(self) -> dict[str, Any]:
        """Path, date and title; for a JSON Lines record also its line (``record``) and ``id``."""
        out = {"path": self.path, "date": self.when, "title": self.title}
        if "record" in self.meta:
            out["record"] = self.meta["record"]
            out["id"] = self.meta.get("id")
        return out


@compact_pickle
@dataclass(frozen=True, slots=True)
class Expected:
    """What a fact says at a date: its value, the interval its tolerance allows, and since when."""

    value: float
    interval: Interval
    as_of: dt.date | None = None
    source: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Builtin values only, for the JSON report."""
        return {"value": _num(self.value), "low": _num(self.interval.low), "high": _num(self.interval.high),
                "as_of": self.as_of.isoformat() if self.as_of else None}


@compact_pickle
@dataclass(frozen=True, slots=True)
class Related:
    """Another claim a finding refers to: where it stands, what it said, its clause (``quote``)
    and what it counts (``label``: the fact id, or its frame, "hostages remain")."""

    path: str
    line: int
    column: int
    text: str
    value: float
    date: dt.date | None = None
    quote: str = ""
    label: str = ""

    def as_dict(self) -> dict[str, Any]:
        """Builtin values only, for the JSON report."""
        return {"path": self.path, "line": self.line, "column": self.column, "text": self.text,
                "value": _num(self.value), "date": self.date.isoformat() if self.date else None,
                "quote": self.quote, "label": self.label}


@compact_pickle
@dataclass(frozen=True, slots=True)
class Finding:
    """One inconsistency: where, what was found, what was expected, and why.

    ``kind`` is ``fact``, ``relation`` or ``cross-article``; ``rule`` is the id shown to users
    (the fact id, the relation id, or ``cross-article``).
    """

    kind: str
    severity: Severity
    path: str
    line: int
    column: int
    end_column: int
    message: str
    text: str = ""
    value: float | None = None
    low: float | None = None
    high: float | None = None
    fact: str | None = None
    relation: str | None = None
    key: str | None = None
    expected: Expected | None = None
    source: str | None = None
    related: tuple[Related, ...] = ()
    agree: int = 0

    @property
    def rule(self) -> str:
        """The fact or relation id, or the kind of finding ("cross-article")."""
        return self.relation or self.fact or self.kind

    def sort_key(self) -> tuple:
        """Path, line, column, then the rest: the order findings are reported in."""
        return (self.path, self.line, self.column, self.kind, self.rule, self.message)

    def as_dict(self) -> dict[str, Any]:
        """Builtin values only, for the JSON report."""
        return {
            "kind": self.kind, "severity": str(self.severity), "path": self.path,
            "line": self.line, "column": self.column, "end_column": self.end_column,
            "fact": self.fact, "relation": self.relation, "key": self.key,
            "text": self.text, "value": _num(self.value), "low": _num(self.low), "high": _num(self.high),
            "expected": self.expected.as_dict() if self.expected else None,
            "message": self.message, "source": self.source,
            "related": [r.as_dict() for r in self.related], "agree": self.agree,
        }


@compact_pickle
@dataclass(frozen=True, slots=True)
class Located:
    """A claim placed in its document: path, line and column, the document's date, and its fact.

    ``fact`` is the id of the fact the claim was matched to, or ``None``; ``why`` says why (or
    why not), when asked for (``factcheck claims --rules``).
    """

    path: str
    line: int
    column: int
    claim: Claim
    date: dt.date | None = None
    fact: str | None = None
    why: str = ""

    @property
    def end_column(self) -> int:
        """The column just after the claim, counted from its start on its first line."""
        return self.column + (self.claim.end - self.claim.start)

    def as_dict(self) -> dict[str, Any]:
        """Builtin values only, for the JSON report."""
        c = self.claim
        return {"path": self.path, "line": self.line, "column": self.column, "text": c.text,
                "value": _num(c.value), "low": _num(c.low), "high": _num(c.high),
                "unit": c.unit, "qualifier": c.qualifier, "kind": c.kind, "noun": c.noun, "fact": self.fact,
                **({"why": self.why} if self.why else {})}


#: ``Claim`` and ``Located`` made without their ``__init__`` (``builders.builder``): all fields, in order.
new_claim, new_located = builder(Claim), builder(Located)


@dataclass(frozen=True)
class Report:
    """Everything one run found: the documents read, their claims, the findings, and what went wrong.

    ``errors`` are input problems that did not stop the run (an unreadable file, say);
    ``notes`` are warnings about the run (unused or malformed suppressions), as ``path:line:col: …``.
    ``baseline`` is set when findings were compared with a baseline file:
    ``{"suppressed": n, "new": n, "stale": [entry, …]}``.
    """

    documents: tuple[Document, ...] = ()
    claims: tuple[Located, ...] = ()
    findings: tuple[Finding, ...] = ()
    errors: tuple[str, ...] = ()
    suppressed: int = 0
    notes: tuple[str, ...] = ()
    baseline: Mapping[str, Any] | None = None

    def as_dict(self) -> dict[str, Any]:
        """Builtin values only, for the JSON report."""
        records: dict[str, list[int]] = {}
        for d in self.documents:
            if "record" in d.meta:
                records.setdefault(d.path, []).append(d.meta["record"])
        starts = {path: sorted(lines) for path, lines in records.items()}
        counts: dict[tuple, int] = {}
        for c in self.claims:  # a record's claims stand on its first line or after it
            lines = starts.get(c.path)
            at = bisect.bisect_right(lines, c.line) - 1 if lines else -1
            key = (c.path, lines[at] if at >= 0 else None)
            counts[key] = counts.get(key, 0) + 1
        return {
            "version": 1,
            "documents": [{**d.summary(), "claims": counts.get((d.path, d.meta.get("record")), 0)}
                          for d in self.documents],
            "claims": [c.as_dict() for c in self.claims],
            "findings": [f.as_dict() for f in self.findings],
            "errors": list(self.errors),
            "suppressed": self.suppressed,
        }
