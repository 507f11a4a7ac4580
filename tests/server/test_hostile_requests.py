"""The editor's page against hostile requests (issue 18): extreme chart dates, the machine's own
addresses when bound to every interface, clients that stall or leave, and random bodies."""
from __future__ import annotations

import contextlib
import socket
import threading
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from factcheck.rules.loading import load_rules, load_rules_text
from factcheck.server import Checker, create_app
from factcheck.server.app import server_config

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
testclient = pytest.importorskip("starlette.testclient", reason="needs httpx (the test extra)")

GAZA_PATH = str(ROOT / "rules" / "gaza-captives.yaml")
GAZA = load_rules([GAZA_PATH])
BASE = "http://127.0.0.1:8765"


@pytest.fixture(scope="module")
def client():
    app = create_app(Checker(GAZA, None, [GAZA_PATH]), "127.0.0.1", 8765, max_body=64 * 1024)
    with testclient.TestClient(app, base_url=BASE, raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("marks", [["5@9999-12-31"], ["5@0001-01-01"], ["5@0001-01-01", "6@9999-12-31"],
                                   ["1" + "0" * 400 + "@2025-03-12"]])
def test_a_chart_with_marks_at_the_ends_of_time(client, marks):
    res = client.get("/api/facts/captives-remaining/chart.svg", params=[("mark", m) for m in marks])
    assert res.status_code == 200 and res.text.startswith("<svg")


def test_a_chart_of_a_timeline_at_the_ends_of_time():
    rules = load_rules_text("facts:\n"
                            "  - {id: far, label: F, timeline: [{value: 5, from: 9999-12-31}], match: {all: [x]}}\n"
                            "  - {id: near, label: N, timeline: [{value: 5, from: 0001-01-01}], match: {all: [y]}}\n")
    app = create_app(Checker(rules, None, []), "127.0.0.1", 8765)
    with testclient.TestClient(app, base_url=BASE, raise_server_exceptions=False) as c:
        for fact in ("far", "near"):
            res = c.get(f"/api/facts/{fact}/chart.svg", params=[("mark", "7@2025-01-01")])
            assert res.status_code == 200 and res.text.startswith("<svg")
        assert c.get("/api/facts").status_code == 200


@pytest.mark.parametrize("bound", ["0.0.0.0", "::"])
def test_bound_to_every_interface_the_address_a_request_arrives_on_is_accepted(bound):
    """docs/serve.md: bound to 0.0.0.0, the machine's addresses are accepted (they were refused, 421)."""
    app = create_app(Checker(GAZA, None, [GAZA_PATH]), bound, 8765)
    for address, host in (("10.1.2.3", "10.1.2.3:8765"), ("fe80::1", "[fe80::1]:8765"),
                          ("::ffff:10.1.2.3", "10.1.2.3:8765")):
        scope_server = (address, 8765)
        assert _status(app, host, scope_server) == 200
        assert _status(app, "evil.example:8765", scope_server) == 421  # a name is still refused
        assert _status(app, "10.9.9.9:8765", scope_server) == 421  # and another machine's address


def test_bound_to_one_address_others_are_refused():
    app = create_app(Checker(GAZA, None, [GAZA_PATH]), "127.0.0.1", 8765)
    assert _status(app, "10.1.2.3:8765", ("10.1.2.3", 8765)) == 421


def _status(app, host: str, server: tuple) -> int:
    """The status an ASGI request for /api/facts gets with this Host header, arriving on ``server``."""
    import asyncio
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": "/api/facts", "raw_path": b"/api/facts", "query_string": b"", "root_path": "",
             "headers": [(b"host", host.encode())], "client": ("10.0.0.1", 5000), "server": server}
    asyncio.run(app(scope, receive, send))
    return next(m["status"] for m in sent if m["type"] == "http.response.start")


@contextlib.contextmanager
def running(timeout: float):
    """The app served by uvicorn with ``server_config`` (a request deadline of ``timeout`` s) on a
    free loopback port, in a thread; yields the port."""
    import uvicorn
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    port = sock.getsockname()[1]
    app = create_app(Checker(GAZA, None, [GAZA_PATH]), "127.0.0.1", port)
    server = uvicorn.Server(server_config(app, request_timeout=timeout))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def _answer(conn: socket.socket, wait: float = 10) -> bytes:
    """Everything the server sends until it closes the connection (or ``wait`` seconds pass)."""
    conn.settimeout(wait)
    out = b""
    with contextlib.suppress(socket.timeout, ConnectionResetError):
        while chunk := conn.recv(65536):
            out += chunk
    return out


@pytest.mark.parametrize("sent", [b"", b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:",
                                  b"GET /api/facts HTTP/1.1\r\n"])
def test_a_client_that_stalls_in_its_headers_is_answered_408_and_closed(sent, capsys):
    with running(timeout=0.5) as port, socket.create_connection(("127.0.0.1", port)) as conn:
        conn.sendall(sent)
        start = time.monotonic()
        answer = _answer(conn)
        assert time.monotonic() - start < 5
    assert answer.startswith(b"HTTP/1.1 408 ")
    assert "internal error" not in capsys.readouterr().err


def test_a_client_that_stalls_in_its_body_is_disconnected_without_an_internal_error(capsys):
    with running(timeout=0.5) as port, socket.create_connection(("127.0.0.1", port)) as conn:
        conn.sendall(f"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
                     "Content-Length: 100\r\n\r\n{\"text\": \"59".encode())
        start = time.monotonic()
        _answer(conn)
        assert time.monotonic() - start < 5
    assert "internal error" not in capsys.readouterr().err


def test_a_client_that_leaves_mid_body_is_no_internal_error(capsys):
    with running(timeout=5) as port:
        with socket.create_connection(("127.0.0.1", port)) as conn:
            conn.sendall(f"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
                         "Content-Length: 100\r\n\r\n{\"text\": ".encode())
            time.sleep(0.3)
        time.sleep(0.5)
        with socket.create_connection(("127.0.0.1", port)) as conn:  # and the server still answers
            conn.sendall(f"GET /api/facts HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
            assert _answer(conn).startswith(b"HTTP/1.1 200 ")
    assert "internal error" not in capsys.readouterr().err


def test_a_request_that_arrives_in_time_is_answered_however_long_the_check_takes():
    with running(timeout=0.5) as port, socket.create_connection(("127.0.0.1", port)) as conn:
        body = b'{"text": "' + b"Officials said 59 hostages remain in Gaza. " * 400 + b'"}'
        conn.sendall(f"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
                     f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode() + body)
        assert _answer(conn, wait=60).startswith(b"HTTP/1.1 200 ")


_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
                     lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                     max_leaves=12)
_FIELDS = st.fixed_dictionaries({}, optional={"text": st.text(max_size=300) | _JSON,
                                              "date": st.sampled_from(["2025-03-12", "9999-12-31", "0001-01-01",
                                                                       "2025-13-40", "", None]) | _JSON,
                                              "filename": st.sampled_from(["d.md", "d.html", "d.txt", "d.jsonl",
                                                                           "d.json", "d.xml", "../x.md", "d.docx",
                                                                           "d"]) | _JSON})


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=400) | _JSON.map(lambda v: __import__("json").dumps(v).encode())
       | _FIELDS.map(lambda v: __import__("json").dumps(v).encode()))
def test_random_bodies_never_make_a_500(client, body):
    res = client.post("/api/check", content=body, headers={"content-type": "application/json"})
    assert res.status_code in (200, 400, 413), res.text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(marks=st.lists(st.text(max_size=30) | st.builds(lambda v, d: f"{v}@{d}", st.floats() | st.integers(),
                                                         st.dates()), max_size=5),
       fact=st.sampled_from(["captives-remaining", "captives-taken", "nope", "%00", "a" * 300]))
def test_random_chart_requests_never_make_a_500(client, marks, fact):
    res = client.get(f"/api/facts/{fact}/chart.svg", params=[("mark", m) for m in marks])
    assert res.status_code in (200, 400, 404), res.text
