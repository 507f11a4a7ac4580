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

from factcheck.errors import FactcheckError, UsageError

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


def _expected(fact, on: dt.date | None) -> dict[str, Any] | None:
    try:
        exp = fact.expected(on)
    except Exception:  # a fact without a figure at that date
        return None
    if exp is None:
        return None
    return {**exp.as_dict(), "source": exp.source}


def fact_record(fact, today: dt.date) -> dict[str, Any]:
    """One fact for ``GET /api/facts``: its fields, its timeline with accepted intervals, today's figure."""
    timeline = []
    for period in getattr(fact, "timeline", ()) or ():
        entry = _plain(period)
        exp = _expected(fact, getattr(period, "start", None))
        if exp:
            entry["low"], entry["high"] = exp["low"], exp["high"]
        timeline.append(entry)
    rec = {name: _plain(getattr(fact, name, None))
           for name in ("id", "label", "unit", "severity", "source", "tracked", "match")}
    rec["timeline"] = timeline
    rec["current"] = _expected(fact, today)
    dated = any(getattr(p, "start", None) for p in getattr(fact, "timeline", ()) or ())
    rec["chart"] = f"/api/facts/{fact.id}/chart.svg" if dated else None
    return rec


def relation_record(rel) -> dict[str, Any]:
    """One relation for ``GET /api/facts``."""
    return {name: _plain(getattr(rel, name, None))
            for name in ("id", "check", "message", "severity", "facts")}


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

    def __init__(self, rules=None, archive=None, rule_paths: Sequence[str] = (), corpus: Sequence = (),
                 dollar: str = "USD"):
        self.rules = rules
        self.dollar = dollar
        self.archive = archive
        self.rule_paths = tuple(str(p) for p in rule_paths)
        self.corpus = tuple(corpus)

    def check(self, text: str, name: str, date: dt.date | None) -> dict[str, Any]:
        """The versioned report for ``text`` read as file ``name``, plus the ``view`` block."""
        from factcheck.documents import read_text
        from factcheck.check.engine import Options, check_documents
        from factcheck.report.text import as_json
        docs = list(read_text(text, name))
        docs = [d if d.date or not date else dataclasses.replace(d, date=date) for d in docs]
        own = {d.path for d in docs}
        extra = [m for m in self.corpus if _where(m)[0] not in own]
        extra += list(_archive_mentions(self.archive, docs, self.rules))
        report = check_documents(docs, self.rules, Options(date=date, cross=True, dollar=self.dollar),
                                 extra_mentions=extra)
        out = json.loads(as_json(report))
        out["view"] = _offsets(report, docs)
        return out

    def facts(self, today: dt.date) -> dict[str, Any]:
        """The loaded facts and relations, for ``GET /api/facts``."""
        rules = self.rules
        return {"version": 1, "rules": list(self.rule_paths),
                "archive": bool(self.archive), "corpus": len(self.corpus),
                "facts": [fact_record(f, today) for f in getattr(rules, "facts", ())],
                "relations": [relation_record(r) for r in getattr(rules, "relations", ())]}

    def fact(self, fact_id: str):
        for f in getattr(self.rules, "facts", ()):
            if f.id == fact_id:
                return f
        return None

    def chart(self, fact_id: str, marks: Sequence[tuple[float, dt.date]], today: dt.date) -> str | None:
        """The SVG timeline of one fact, with the archive's claims and ``marks`` as dots."""
        from factcheck.report.chart import Mark, Step, timeline_svg
        fact = self.fact(fact_id)
        if fact is None:
            return None
        steps = []
        for p in getattr(fact, "timeline", ()) or ():
            exp = _expected(fact, getattr(p, "start", None)) or {}
            low = exp.get("low")
            high = exp.get("high")
            steps.append(Step(p.start, float(p.value), float(p.value if low is None else low),
                              float(p.value if high is None else high), getattr(p, "source", None)))
        dots = [Mark(d, v, "this draft", _agrees(fact, v, d)) for v, d in marks]
        history = _archive_history(self.archive, fact_id) + corpus_history(self.corpus, fact_id)
        for d, v, label in history[:500]:
            dots.append(Mark(d, v, label, _agrees(fact, v, d)))
        return timeline_svg(steps, dots, title=f"{getattr(fact, 'label', '') or fact.id} ({fact.id})",
                            today=today)


def _agrees(fact, value: float, on: dt.date) -> bool:
    from factcheck.models import Interval
    try:
        exp = fact.expected(on)
    except Exception:
        return True
    return exp is None or exp.interval.meets(Interval.point(value))


# ---- other articles: the corpus (``--corpus``) and the archive (``--db``) ---------------------

def _where(mention) -> tuple[str | None, Any]:
    loc = getattr(mention, "located", None)
    return getattr(loc, "path", None), loc


def load_corpus(paths: Sequence[str], rules, dollar: str = "USD") -> tuple:
    """The cross-article mentions of every article under ``paths`` (read once, at start)."""
    from factcheck.documents import iter_documents
    from factcheck.check.engine import Options, run

    def on_error(err: FactcheckError) -> None:
        print(f"factcheck serve: {err}", file=sys.stderr)

    docs = iter_documents(list(paths), on_error=on_error)
    return tuple(m for res in run(docs, rules, Options(cross=True, dollar=dollar)) for m in res.mentions)


def corpus_history(mentions: Sequence, fact_id: str) -> list[tuple[dt.date, float, str]]:
    """(date, value, article) of every dated corpus claim attached to ``fact_id``."""
    out = []
    for m in mentions:
        path, loc = _where(m)
        if loc is not None and loc.fact == fact_id and loc.date is not None:
            out.append((loc.date, float(loc.claim.value), f"{path}:{loc.line}"))
    return sorted(out)


def open_archive(path: str | None):
    """The ``--db`` archive, opened once; ``None`` without one."""
    if not path:
        return None
    if not Path(path).is_file():
        raise UsageError(f"no such archive: {path}", hint="build one with `factcheck index`")
    try:
        from factcheck.archive import index
    except ImportError:
        raise UsageError("--db needs the archive index (factcheck.archive.index), which this build lacks") from None
    opener = getattr(index, "open_index", None) or getattr(index, "Index", None)
    if opener is None:
        raise UsageError("--db: factcheck.archive.index offers no way to open an archive")
    return opener(path)


def _archive_mentions(archive, docs: Sequence, rules) -> Sequence:
    if archive is None:
        return ()
    from factcheck.archive import index
    find = getattr(index, "mentions_for", None) or getattr(archive, "mentions_for", None)
    if find is None:
        return ()
    try:
        return find(archive, docs, rules) if find is getattr(index, "mentions_for", None) else find(docs, rules)
    except FactcheckError:
        raise
    except TypeError:
        return ()


def _archive_history(archive, fact_id: str) -> list[tuple[dt.date, float, str]]:
    if archive is None:
        return []
    history = getattr(archive, "history", None)
    if history is None:
        return []
    try:
        return [(d, float(v), str(label)) for d, v, label in history(fact_id)][:500]
    except (TypeError, ValueError):
        return []


__all__ = ["Checker", "RequestError", "READERS", "parse_check_request", "parse_marks", "fact_record",
           "relation_record", "load_corpus", "corpus_history", "open_archive"]
