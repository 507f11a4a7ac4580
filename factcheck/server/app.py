"""The editor's page over HTTP: the Starlette app, its guard, and ``serve``.

Safety: every response carries a strict Content-Security-Policy; requests whose Host header
is not the bound address are refused (DNS rebinding); request bodies are limited while they
stream in; nothing in a request touches the file system (the file name only picks a reader).
"""
from __future__ import annotations

import datetime as dt
import ipaddress
import json
import re
import socket
import sys
from pathlib import Path
from typing import Callable, Iterable, Sequence

from factcheck.errors import FactcheckError, UsageError
from factcheck.server.checker import (Checker, RequestError, load_corpus, open_archive, parse_check_request,
                                      parse_marks)

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
DEFAULT_MAX_BODY = 5 * 1024 * 1024
STATIC = Path(__file__).resolve().parent.parent / "static"
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


def local_names(scope) -> frozenset[str]:
    """``address:port`` of the interface a connection arrived on, as a Host header names it
    (an IPv4 address reached through an IPv6 socket in both forms)."""
    server = scope.get("server")
    if not server or not server[0]:
        return frozenset()
    addr, port = str(server[0]).lower(), server[1]
    names = {f"[{addr}]:{port}" if ":" in addr else f"{addr}:{port}"}
    if addr.startswith("::ffff:") and "." in addr:
        names.add(f"{addr[7:]}:{port}")
    return frozenset(names)


class Guard:
    """ASGI middleware: refuses foreign Host headers (DNS rebinding) and foreign Origins,
    and adds the security headers to every response.

    ``anywhere``: bound to every interface (``0.0.0.0``, ``::``), the server also answers to
    the address a connection arrives on, whichever interface of the machine that is (an IP
    address in the Host header cannot be a rebound DNS name).
    """

    def __init__(self, app, hosts: Iterable[str], anywhere: bool = False):
        self.app = app
        self.hosts = frozenset(h.lower() for h in hosts)
        self.anywhere = anywhere

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = headers.get("host", "").lower()
        hosts = self.hosts | local_names(scope) if self.anywhere else self.hosts
        if host not in hosts:
            shown = sorted(self.hosts)[:3]
            return await _send_json(send, 421, {
                "error": f"Host header {host[:100]!r} is not allowed; this server answers only to "
                         f"{', '.join(shown)}"})
        origin = headers.get("origin")
        if origin and origin != "null" and origin.lower().split("://", 1)[-1] not in hosts:
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
    from starlette.requests import ClientDisconnect
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
        except ClientDisconnect:  # the client left (or stalled past the deadline): no one to answer
            return Response(status_code=400)
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
        try:
            marks = parse_marks(request.query_params.getlist("mark"))
        except RequestError as e:
            return error(e.message, e.status)
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
    return Guard(app, allowed_hosts(host, port), anywhere=host.strip("[]") in ("0.0.0.0", "::", ""))


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
          corpus: Sequence[str] = (), dollar: str | None = None) -> None:
    """Load the rules, archive and corpus, bind ``host:port``, print the address and serve until Ctrl-C.

    ``dollar`` (what a bare "$" means) defaults to the archive's, else USD.
    """
    import uvicorn
    from factcheck.rules.loading import load_rules
    out = out or sys.stdout
    rules = load_rules(list(rule_paths)) if rule_paths else None
    archive = open_archive(db)
    dollar = dollar or (archive.dollar if archive is not None else "USD")
    checker = Checker(rules, archive, rule_paths, load_corpus(corpus, rules, dollar) if corpus else (), dollar)
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
    print(f"factcheck: serving on http://{shown}:{port}/ (Ctrl-C to stop)", file=out, flush=True)
    uvicorn.Server(server_config(app)).run(sockets=[sock])


def server_config(app, request_timeout: float | None = None):
    """uvicorn's configuration of the server: quiet, no ``Server`` header, a request must
    arrive whole within ``request_timeout`` seconds (``slow_clients``), an idle keep-alive
    connection is closed after 5 s."""
    import uvicorn
    from factcheck.server.slow_clients import DeadlineProtocol, with_timeout
    protocol = DeadlineProtocol if request_timeout is None else with_timeout(request_timeout)
    return uvicorn.Config(app, log_level="warning", server_header=False, lifespan="off", http=protocol,
                          timeout_keep_alive=5)


__all__ = ["Guard", "create_app", "serve", "server_config", "local_names", "parse_size", "allowed_hosts", "is_loopback", "STATIC",
           "DEFAULT_HOST", "DEFAULT_PORT", "DEFAULT_MAX_BODY"]
