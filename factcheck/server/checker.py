"""What the editor's page asks of factcheck, without HTTP: parse a check request, check a
draft against the loaded rules and other articles, describe the rules, draw a fact's chart.

Pure apart from ``load_corpus`` and ``open_archive``, which read the ``--corpus`` articles and
the ``--db`` archive once at start.  A bad request raises ``RequestError`` (message and status).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import math
import re
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any, Sequence

from factcheck.archive import Index, open_index
from factcheck.check.engine import Options, run
from factcheck.check.orchestration import run_check
from factcheck.cross.mentions import Mention
from factcheck.documents import iter_documents, read_text
from factcheck.errors import FactcheckError, UsageError
from factcheck.models import Interval
from factcheck.report.chart import Mark, Step, timeline_svg
from factcheck.report.text import as_json
from factcheck.rules.model import Fact, Relation, RuleSet

READERS = (".md", ".markdown", ".html", ".htm", ".txt", ".jsonl")
MAX_MARKS = 50
_MARK = re.compile(r"(-?\d+(?:\.\d+)?)@(\d{4}-\d{2}-\d{2})\Z")


class RequestError(Exception):
    """A bad request: answered with ``{"error": message}`` and ``status``."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status



def parse_marks(values: Sequence[str]) -> list[tuple[float, dt.date]]:
    """Chart ``mark`` parameters ``VALUE@YYYY-MM-DD`` → (value, date); at most ``MAX_MARKS``."""
    marks = []
    for raw in list(values)[:MAX_MARKS]:
        m = _MARK.match(raw)
        try:
            marks.append((float(m.group(1)), dt.date.fromisoformat(m.group(2))))
        except (AttributeError, ValueError):
            raise RequestError(f"invalid mark {raw[:40]!r} (expected VALUE@YYYY-MM-DD)") from None
    return marks


# ---- the JSON the API returns -------------------------------------------------------------

def _plain(obj: Any) -> Any:
    """Rule records → builtin types for JSON (dates as ISO strings, infinities as None)."""
    if isinstance(obj, enum.Enum):
        return str(obj)
    if obj is None or isinstance(obj, (bool, str, int)):
        return obj
    if isinstance(obj, float):
        return None if not math.isfinite(obj) else (int(obj) if obj.is_integer() and abs(obj) < 1e15 else obj)
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [_plain(v) for v in obj]
    if hasattr(obj, "pattern") and isinstance(getattr(obj, "text", None), str):
        return obj.text
    if dataclasses.is_dataclass(obj):
        return {f.name: _plain(getattr(obj, f.name)) for f in dataclasses.fields(obj)
                if not f.name.startswith("_")}
    return str(obj)


def _expected(fact: Fact, on: dt.date | None) -> dict[str, Any] | None:
    exp = fact.expected(on)
    if exp is None:
        return None
    return {**exp.as_dict(), "source": exp.source}


def fact_record(fact: Fact, today: dt.date) -> dict[str, Any]:
    """One fact for ``GET /api/facts``: its fields, its timeline with accepted intervals, today's figure."""
    timeline = []
    for period in fact.timeline:
        entry = _plain(period)
        exp = _expected(fact, period.start)
        if exp:
            entry["low"], entry["high"] = exp["low"], exp["high"]
        timeline.append(entry)
    rec = {"id": fact.id, "label": fact.label, "unit": fact.unit, "severity": str(fact.severity),
           "source": fact.source, "tracked": fact.tracked, "match": _plain(fact.match)}
    rec["timeline"] = timeline
    rec["current"] = _expected(fact, today)
    dated = any(p.start for p in fact.timeline)
    rec["chart"] = f"/api/facts/{fact.id}/chart.svg" if dated else None
    return rec


def relation_record(rel: Relation) -> dict[str, Any]:
    """One relation for ``GET /api/facts``."""
    return {"id": rel.id, "check": rel.check, "message": rel.message, "severity": str(rel.severity),
            "facts": list(rel.facts)}


def _offsets(report, docs: Sequence) -> dict[str, Any]:
    """Each claim's and finding's document index and character offsets in that document's text."""
    index = {d.path: i for i, d in enumerate(docs)}
    claims, at = [], {}
    for n, loc in enumerate(report.claims):
        i = index.get(loc.path)
        claims.append({"document": i, "start": loc.claim.start, "end": loc.claim.end})
        at.setdefault((loc.path, loc.line, loc.column), n)
    findings = []
    for f in report.findings:
        n = at.get((f.path, f.line, f.column))
        spot = claims[n] if n is not None else {"document": index.get(f.path), "start": None, "end": None}
        findings.append({**spot, "claim": n})
    return {"documents": [{"path": d.path, "text": d.text} for d in docs],
            "claims": claims, "findings": findings}


# ---- checking --------------------------------------------------------------------------------

def _display_name(filename: Any) -> str:
    if filename is None:
        return "draft.md"
    if not isinstance(filename, str):
        raise RequestError('"filename" must be a string')
    name = PureWindowsPath(PurePosixPath(filename).name).name
    name = re.sub(r"[^\w.\- ]", "_", name)[:120].strip() or "draft.md"
    suffix = PurePosixPath(name.lower()).suffix
    if suffix not in READERS:
        raise RequestError(f'unsupported file type {suffix or "(none)"!r} in "filename" '
                           f'(expected one of {", ".join(READERS)})')
    return name


def _parse_date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise RequestError('"date" must be a string YYYY-MM-DD')
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise RequestError(f'invalid "date" {value[:40]!r} (expected YYYY-MM-DD)') from None


def parse_check_request(body: bytes) -> tuple[str, str, dt.date | None]:
    """A ``POST /api/check`` body → (text, display file name, date); raises ``RequestError``."""
    if not body.strip():
        raise RequestError('empty request body; send JSON {"text": "...", "date": "YYYY-MM-DD", '
                           '"filename": "draft.md"}')
    try:
        raw = body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise RequestError(f"request body is not valid UTF-8 (byte {e.start})") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        raise RequestError(f"malformed JSON at line {e.lineno} column {e.colno}: {e.msg}") from None
    if not isinstance(data, dict):
        raise RequestError("the request body must be a JSON object")
    unknown = sorted(set(data) - {"text", "date", "filename"})
    if unknown:
        raise RequestError(f"unknown field{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)[:200]}")
    text = data.get("text")
    if not isinstance(text, str):
        raise RequestError('"text" is required and must be a string')
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise RequestError('"text" contains unpaired surrogate escapes') from None
    return text, _display_name(data.get("filename")), _parse_date(data.get("date"))


class Checker:
    """The loaded rules, archive and corpus, and what the page asks of them.

    ``corpus`` is the cross-article mentions of articles read once at start (``--corpus``);
    drafts are compared with them, and with the ``archive`` index, on every check.
    """

    def __init__(self, rules: RuleSet | None = None, archive: Index | None = None, rule_paths: Sequence[str] = (),
                 corpus: Sequence[Mention] = (), dollar: str = "USD"):
        self.rules = rules
        self.dollar = dollar
        self.archive = archive
        self.rule_paths = tuple(str(p) for p in rule_paths)
        self.corpus = tuple(corpus)

    def check(self, text: str, name: str, date: dt.date | None) -> dict[str, Any]:
        """The versioned report for ``text`` read as file ``name``, plus the ``view`` block."""
        notes: list[str] = []

        def on_error(err: FactcheckError) -> None:
            if "unreadable date" not in str(err):
                raise err
            notes.append(str(err))

        docs = list(read_text(text, name, on_error=on_error))
        docs = [d if d.date or d.period or not date else dataclasses.replace(d, date=date) for d in docs]
        options = Options(date=date, cross=True, dollar=self.dollar)
        stats: dict[str, Any] = {}
        report = run_check(run(docs, self.rules, options), self.rules, options, corpus=self.corpus,
                           archive=self.archive, stats=stats)
        out = json.loads(as_json(report))
        out["view"] = _offsets(report, docs)
        out["compared"] = {**stats, "date": docs[0].when if docs else None,
                           "others": bool(self.corpus) or self.archive is not None}
        if notes:
            out["notes"] = notes
        return out

    def facts(self, today: dt.date) -> dict[str, Any]:
        """The loaded facts and relations, for ``GET /api/facts``."""
        rules = self.rules
        return {"version": 1, "rules": list(self.rule_paths),
                "archive": bool(self.archive), "corpus": len(self.corpus),
                "facts": [fact_record(f, today) for f in rules.facts] if rules else [],
                "relations": [relation_record(r) for r in rules.relations] if rules else []}

    def fact(self, fact_id: str) -> Fact | None:
        """The loaded fact with this id, or None."""
        for f in self.rules.facts if self.rules else ():
            if f.id == fact_id:
                return f
        return None

    def chart(self, fact_id: str, marks: Sequence[tuple[float, dt.date]], today: dt.date) -> str | None:
        """The SVG timeline of one fact, with the archive's claims and ``marks`` as dots."""
        fact = self.fact(fact_id)
        if fact is None:
            return None
        steps = []
        for p in fact.timeline:
            exp = _expected(fact, p.start) or {}
            low = exp.get("low")
            high = exp.get("high")
            steps.append(Step(p.start, float(p.value), float(p.value if low is None else low),
                              float(p.value if high is None else high), p.source))
        dots = [Mark(d, v, "this draft", _agrees(fact, v, d)) for v, d in marks]
        history = _archive_history(self.archive, fact_id) + corpus_history(self.corpus, fact_id)
        for d, v, label in history[:500]:
            dots.append(Mark(d, v, label, _agrees(fact, v, d)))
        return timeline_svg(steps, dots, title=f"{fact.label or fact.id} ({fact.id})",
                            today=today)


def _agrees(fact: Fact, value: float, on: dt.date) -> bool:
    exp = fact.expected(on)
    return exp is None or exp.interval.meets(Interval.point(value))


# ---- other articles: the corpus (``--corpus``) and the archive (``--db``) ---------------------

def load_corpus(paths: Sequence[str], rules: RuleSet | None, dollar: str = "USD") -> tuple[Mention, ...]:
    """The cross-article mentions of every article under ``paths`` (read once, at start)."""

    def on_error(err: FactcheckError) -> None:
        print(f"factcheck serve: {err}", file=sys.stderr)

    docs = iter_documents(list(paths), on_error=on_error)
    return tuple(m for res in run(docs, rules, Options(cross=True, dollar=dollar)) for m in res.mentions)


def corpus_history(mentions: Sequence[Mention], fact_id: str) -> list[tuple[dt.date, float, str]]:
    """(date, value, article) of every dated corpus claim attached to ``fact_id``."""
    out = []
    for m in mentions:
        loc = m.located
        if loc.fact == fact_id and loc.date is not None:
            out.append((loc.date, float(loc.claim.value), f"{loc.path}:{loc.line}"))
    return sorted(out)


def open_archive(path: str | None) -> Index | None:
    """The ``--db`` archive, opened once; ``None`` without one."""
    if not path:
        return None
    if not Path(path).is_file():
        raise UsageError(f"no such archive: {path}", hint="build one with `factcheck index`")
    return open_index(path)


def _archive_history(archive: Index | None, fact_id: str) -> list[tuple[dt.date, float, str]]:
    if archive is None:
        return []
    return [(d, float(v), str(label)) for d, v, label in archive.history(fact_id)][:500]


__all__ = ["Checker", "RequestError", "READERS", "parse_check_request", "parse_marks", "fact_record",
           "relation_record", "load_corpus", "corpus_history", "open_archive"]
