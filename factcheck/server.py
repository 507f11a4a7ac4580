"""The editor's page: a local web app over the checker (``factcheck serve``).

``create_app`` builds the Starlette app around loaded rules and an optional archive;
``serve`` binds a socket and runs it with uvicorn.  The JSON API (documented in
docs/serve.md):

* ``POST /api/check`` ``{"text": ..., "date": "YYYY-MM-DD", "filename": "draft.md"}`` → the
  versioned report of ``factcheck check --format json`` plus a ``view`` block giving each
  claim's and finding's character offsets in the text shown to the editor;
* ``GET /api/facts`` → the loaded facts (with their timelines) and relations;
* ``GET /api/facts/{id}/chart.svg[?mark=VALUE@DATE]`` → the fact's timeline as SVG.

Safety: every response carries a strict Content-Security-Policy; requests whose Host header
is not the bound address are refused (DNS rebinding); request bodies are limited while they
stream in; nothing in a request touches the file system (the file name only picks a reader).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import ipaddress
import json
import math
import re
import socket
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any, Callable, Iterable, Sequence

from factcheck.errors import FactcheckError, UsageError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_MAX_BODY = 5 * 1024 * 1024
READERS = (".md", ".markdown", ".html", ".htm", ".txt", ".jsonl")
STATIC = Path(__file__).resolve().parent / "static"
MAX_MARKS = 50
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; base-uri 'none'; form-action 'self'; "
                                 b"frame-ancestors 'none'; object-src 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(|b|k|kb|kib|m|mb|mib|g|gb|gib)\s*\Z", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": 1024 ** 2, "mb": 1024 ** 2,
          "mib": 1024 ** 2, "g": 1024 ** 3, "gb": 1024 ** 3, "gib": 1024 ** 3}
_MARK = re.compile(r"(-?\d+(?:\.\d+)?)@(\d{4}-\d{2}-\d{2})\Z")


class RequestError(Exception):
    """A bad request: answered with ``{"error": message}`` and ``status``."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


def parse_size(text: str) -> int:
    """``"5MB"`` → 5242880 (binary multiples; ``k``, ``m``, ``g`` with or without ``b``/``ib``)."""
    m = _SIZE.match(str(text))
    if not m or float(m.group(1)) <= 0:
        raise UsageError(f"invalid size {text!r}", hint="write e.g. 5MB, 512KB or 1048576")
    return int(float(m.group(1)) * _UNITS[m.group(2).lower()])


def is_loopback(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (``127.0.0.1``, ``::1``)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The Host header values this server answers to when bound to ``host:port``."""
    names = {"localhost", "127.0.0.1", "[::1]"}
    bare = host.strip("[]")
    names.add(f"[{bare}]" if ":" in bare else bare)
    if bare in ("0.0.0.0", "::", ""):
        try:
            hostname = socket.gethostname()
            names.update({hostname, socket.getfqdn()})
            names.update(socket.gethostbyname_ex(hostname)[2])
        except OSError:
            pass
    return frozenset(f"{n.lower()}:{port}" for n in names)


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

    def __init__(self, rules=None, archive=None, rule_paths: Sequence[str] = (), corpus: Sequence = ()):
        self.rules = rules
        self.archive = archive
        self.rule_paths = tuple(str(p) for p in rule_paths)
        self.corpus = tuple(corpus)

    def check(self, text: str, name: str, date: dt.date | None) -> dict[str, Any]:
        """The versioned report for ``text`` read as file ``name``, plus the ``view`` block."""
        from factcheck.documents import read_text
        from factcheck.engine import Options, check_documents
        from factcheck.reporters import as_json
        docs = list(read_text(text, name))
        docs = [d if d.date or not date else dataclasses.replace(d, date=date) for d in docs]
        own = {d.path for d in docs}
        extra = [m for m in self.corpus if _where(m)[0] not in own]
        extra += list(_archive_mentions(self.archive, docs, self.rules))
        report = check_documents(docs, self.rules, Options(date=date, cross=True),
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
        from factcheck.chart import Mark, Step, timeline_svg
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


def load_corpus(paths: Sequence[str], rules) -> tuple:
    """The cross-article mentions of every article under ``paths`` (read once, at start)."""
    from factcheck.documents import iter_documents
    from factcheck.engine import Options, run

    def on_error(err: FactcheckError) -> None:
        print(f"factcheck serve: {err}", file=sys.stderr)

    docs = iter_documents(list(paths), on_error=on_error)
    return tuple(m for res in run(docs, rules, Options(cross=True)) for m in res.mentions)


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
        from factcheck import index
    except ImportError:
        raise UsageError("--db needs the archive index (factcheck.index), which this build lacks") from None
    opener = getattr(index, "open_index", None) or getattr(index, "Index", None)
    if opener is None:
        raise UsageError("--db: factcheck.index offers no way to open an archive")
    return opener(path)


def _archive_mentions(archive, docs: Sequence, rules) -> Sequence:
    if archive is None:
        return ()
    from factcheck import index
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


# ---- the ASGI app ------------------------------------------------------------------------------

class Guard:
    """ASGI middleware: refuses foreign Host headers (DNS rebinding) and foreign Origins,
    and adds the security headers to every response."""

    def __init__(self, app, hosts: Iterable[str]):
        self.app = app
        self.hosts = frozenset(h.lower() for h in hosts)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = headers.get("host", "").lower()
        if host not in self.hosts:
            shown = sorted(self.hosts)[:3]
            return await _send_json(send, 421, {
                "error": f"Host header {host[:100]!r} is not allowed; this server answers only to "
                         f"{', '.join(shown)}"})
        origin = headers.get("origin")
        if origin and origin != "null" and origin.lower().split("://", 1)[-1] not in self.hosts:
            return await _send_json(send, 403, {"error": f"cross-origin request from {origin[:100]!r} refused"})

        async def send_secure(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": list(message.get("headers", [])) + SECURITY_HEADERS}
            await send(message)

        await self.app(scope, receive, send_secure)


async def _send_json(send, status: int, body: dict) -> None:
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(data)).encode()), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": data})


async def _read_body(request, limit: int) -> bytes:
    length = request.headers.get("content-length")
    if length is not None:
        if not length.isdigit():
            raise RequestError("invalid Content-Length header")
        if int(length) > limit:
            raise RequestError(f"request body of {int(length):,} bytes exceeds the limit of {limit:,} bytes", 413)
    chunks, total = [], 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > limit:
            raise RequestError(f"request body exceeds the limit of {limit:,} bytes", 413)
        chunks.append(chunk)
    return b"".join(chunks)


def create_app(checker: Checker, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
               max_body: int = DEFAULT_MAX_BODY, today: Callable[[], dt.date] = dt.date.today):
    """The ASGI app: the page under ``/``, the JSON API under ``/api``, wrapped in ``Guard``."""
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.exceptions import HTTPException
    from starlette.responses import FileResponse, JSONResponse, Response
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles

    def error(message: str, status: int = 400) -> JSONResponse:
        return JSONResponse({"error": message}, status_code=status)

    async def index(request):
        return FileResponse(STATIC / "index.html", headers={"cache-control": "no-store"})

    async def check(request):
        try:
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype != "application/json":
                raise RequestError("send the request as Content-Type: application/json", 415)
            body = await _read_body(request, max_body)
            text, name, date = parse_check_request(body)
            result = await run_in_threadpool(checker.check, text, name, date)
        except RequestError as e:
            return error(e.message, e.status)
        except FactcheckError as e:
            return error(str(e), 400)
        except Exception as e:  # a bug in factcheck: answer, log, stay up
            print(f"factcheck serve: internal error: {type(e).__name__}: {e}", file=sys.stderr)
            return error(f"internal error: {type(e).__name__} (a bug in factcheck; see the server log)", 500)
        return JSONResponse(result)

    async def facts(request):
        return JSONResponse(checker.facts(today()))

    async def chart(request):
        marks = []
        for raw in request.query_params.getlist("mark")[:MAX_MARKS]:
            m = _MARK.match(raw)
            try:
                marks.append((float(m.group(1)), dt.date.fromisoformat(m.group(2))))
            except (AttributeError, ValueError):
                return error(f"invalid mark {raw[:40]!r} (expected VALUE@YYYY-MM-DD)")
        svg = checker.chart(request.path_params["fact"], marks, today())
        if svg is None:
            return error(f"no such fact: {request.path_params['fact'][:80]!r}", 404)
        return Response(svg, media_type="image/svg+xml")

    async def not_found(request, exc):
        status = getattr(exc, "status_code", 404)
        return error("not found" if status == 404 else str(getattr(exc, "detail", "error")), status)

    async def crashed(request, exc):
        return error("internal error", 500)

    routes = [
        Route("/", index),
        Route("/api/check", check, methods=["POST"]),
        Route("/api/facts", facts),
        Route("/api/facts/{fact}/chart.svg", chart),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: not_found, Exception: crashed})
    return Guard(app, allowed_hosts(host, port))


def _bind(host: str, port: int) -> socket.socket:
    try:
        family, kind, proto, _, addr = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(addr)
        sock.listen(128)
    except OSError as e:
        raise UsageError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None
    sock.set_inheritable(True)
    return sock


def serve(rule_paths: Sequence[str] = (), db: str | None = None, host: str = DEFAULT_HOST,
          port: int = DEFAULT_PORT, max_body: int = DEFAULT_MAX_BODY, out=None,
          corpus: Sequence[str] = ()) -> None:
    """Load the rules, archive and corpus, bind ``host:port``, print the address and serve until Ctrl-C."""
    import uvicorn
    from factcheck.rules import load_rules
    out = out or sys.stdout
    rules = load_rules(list(rule_paths)) if rule_paths else None
    archive = open_archive(db)
    checker = Checker(rules, archive, rule_paths, load_corpus(corpus, rules) if corpus else ())
    if not is_loopback(host):
        print(f"factcheck serve: warning: listening on {host}, which is not a loopback address: "
              "anyone who can reach this machine can use the page", file=sys.stderr)
    if rules is None:
        print("factcheck serve: no --rules given: claims are shown but not checked against facts",
              file=sys.stderr)
    sock = _bind(host, port)
    port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    app = create_app(checker, host, port, max_body)
    config = uvicorn.Config(app, log_level="warning", server_header=False, lifespan="off")
    print(f"factcheck: serving on http://{shown}:{port}/ (Ctrl-C to stop)", file=out, flush=True)
    uvicorn.Server(config).run(sockets=[sock])


__all__ = ["Checker", "Guard", "RequestError", "create_app", "serve", "parse_size", "parse_check_request",
           "allowed_hosts", "is_loopback", "open_archive", "load_corpus", "corpus_history", "fact_record", "relation_record",
           "DEFAULT_HOST", "DEFAULT_PORT", "DEFAULT_MAX_BODY"]
