"""The editor's page API (``factcheck serve``), through Starlette's TestClient and a real server.

Bad requests are the case table tests/cases/server/bad-requests.yaml.  No browser here:
tests/test_browser.py drives the page itself.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import socket
import subprocess
import sys
import time
from html.parser import HTMLParser

import pytest

from conftest import ROOT, load_cases
from factcheck.cli.main import main
from factcheck.errors import UsageError
from factcheck.rules.loading import load_rules
from factcheck.server import STATIC, Checker, allowed_hosts, create_app, is_loopback, parse_size

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
starlette_testclient = pytest.importorskip("starlette.testclient", reason="needs httpx (the test extra)")

GAZA_PATH = str(ROOT / "rules" / "gaza-captives.yaml")
GAZA = load_rules([GAZA_PATH])
BASE = "http://127.0.0.1:8765"
DRAFT = """---
title: Test draft
date: 2025-03-12
---

# Talks stall again

Officials said 59 hostages remain in Gaza.
"""


@pytest.fixture(scope="module")
def client():
    app = create_app(Checker(GAZA, None, [GAZA_PATH]), "127.0.0.1", 8765, max_body=64 * 1024)
    with starlette_testclient.TestClient(app, base_url=BASE) as c:
        yield c


def _check(client, **body):
    return client.post("/api/check", json=body)


def test_check_finds_the_known_contradiction_and_where_it_stands(client):
    res = _check(client, text=DRAFT, filename="draft.md", date="2025-03-12")
    assert res.status_code == 200, res.text
    data = res.json()
    assert data["version"] == 1
    [finding] = [f for f in data["findings"] if f["fact"] == "captives-remaining"]
    assert finding["text"] == "59" and finding["severity"] == "error"
    assert finding["expected"]["value"] == 58 and finding["expected"]["as_of"] == "2025-02-27"
    assert finding["source"]
    n = data["findings"].index(finding)
    spot = data["view"]["findings"][n]
    text = data["view"]["documents"][spot["document"]]["text"]
    assert text[spot["start"]:spot["end"]] == "59"
    assert data["claims"][spot["claim"]]["text"] == "59"


def test_view_offsets_point_at_every_claim(client):
    res = _check(client, text=DRAFT + "\nIn all, 33 hostages were freed and 1,800 prisoners let go.\n",
                 filename="x.md", date="2025-03-12")
    data = res.json()
    assert len(data["view"]["claims"]) == len(data["claims"]) >= 3
    for claim, spot in zip(data["claims"], data["view"]["claims"]):
        text = data["view"]["documents"][spot["document"]]["text"]
        assert text[spot["start"]:spot["end"]] == claim["text"]


def test_check_matches_the_cli_json(client, tmp_path, monkeypatch, capsys):
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "--format", "json", "--rules", GAZA_PATH, "--date", "2025-03-12", "draft.md"])
    cli = json.loads(capsys.readouterr().out)
    api = _check(client, text=DRAFT, filename="draft.md", date="2025-03-12").json()
    api.pop("view")
    assert api.pop("compared") == {"articles": 0, "figures": 0, "window_days": 2.0, "date": "2025-03-12",
                                   "others": False}
    assert api == cli


def test_the_article_s_own_month_wins_over_the_page_s_date(client):
    text = "---\ndate: 2025-02\n---\n\nDiplomats said 94 hostages are still held in Gaza.\n"
    out = _check(client, text=text, filename="a.md", date="2025-03-12").json()
    assert not [f for f in out["findings"] if f["fact"] == "captives-remaining"]  # 94 held in February
    assert out["compared"]["date"] == "2025-02" and out["documents"][0]["date"] == "2025-02"


def test_an_unreadable_date_in_a_draft_is_a_note(client):
    text = "---\ndate: 2025-02/03\n---\n\nDiplomats said 94 hostages are still held in Gaza.\n"
    out = _check(client, text=text, filename="a.md", date="2025-03-12").json()
    assert "unreadable date" in out["notes"][0]


def test_the_date_decides_which_figure_holds(client):
    text = "Diplomats said 94 hostages are still held in Gaza.\n"
    before = _check(client, text=text, filename="a.txt", date="2025-01-15").json()
    after = _check(client, text=text, filename="a.txt", date="2025-03-10").json()
    assert not [f for f in before["findings"] if f["fact"] == "captives-remaining"]
    assert [f["expected"]["value"] for f in after["findings"] if f["fact"] == "captives-remaining"] == [58]


def test_the_filename_picks_the_reader_and_nothing_else(client):
    html = "<html><body><p>Officials said <b>59</b> hostages remain in Gaza.</p></body></html>"
    data = _check(client, text=html, filename="../../../etc/passwd.html", date="2025-03-12").json()
    [doc] = data["view"]["documents"]
    assert doc["path"] == "passwd.html"
    assert "<b>" not in doc["text"] and "59" in doc["text"]
    assert [f["fact"] for f in data["findings"]] == ["captives-remaining"]
    windows = _check(client, text="x 5", filename="C:\\drafts\\note.txt").json()
    assert windows["documents"][0]["path"] == "note.txt"


def test_script_in_a_draft_comes_back_as_plain_text(client):
    text = 'Officials said 59 hostages remain. <script>alert("x")</script>\n'
    data = _check(client, text=text, filename="draft.txt", date="2025-03-12").json()
    assert data["view"]["documents"][0]["text"] == text


def test_check_without_a_date_uses_the_newest_figure(client):
    data = _check(client, text="Officials said 94 hostages remain in Gaza.\n").json()
    assert [f["expected"]["value"] for f in data["findings"]] == [58]
    assert data["documents"][0]["path"] == "draft.md"


def test_facts_lists_facts_relations_and_timelines(client):
    res = client.get("/api/facts")
    assert res.status_code == 200
    data = res.json()
    facts = {f["id"]: f for f in data["facts"]}
    assert set(facts) == {f.id for f in GAZA.facts}
    remaining = facts["captives-remaining"]
    assert [(p["start"], p["value"]) for p in remaining["timeline"]] == [("2024-12-01", 94), ("2025-02-27", 58)]
    assert remaining["severity"] == "error"
    assert remaining["chart"] == "/api/facts/captives-remaining/chart.svg"
    assert remaining["match"]["all"] and all(isinstance(t, str) for t in remaining["match"]["all"])
    prisoners = facts["phase1-prisoners-released"]["timeline"][0]
    assert prisoners["low"] == pytest.approx(1710) and prisoners["high"] == pytest.approx(1890)
    checks = {r["id"]: r["check"] for r in data["relations"]}
    assert checks["phase1-sum"] == "phase1-living-released + phase1-bodies-released == phase1-captives-released"
    json.dumps(data)


def test_chart_marks_the_draft_and_escapes_nothing_unsafe(client):
    res = client.get("/api/facts/captives-remaining/chart.svg?mark=59@2025-03-12&mark=58@2025-03-02")
    assert res.status_code == 200
    assert res.headers["content-type"].startswith("image/svg+xml")
    svg = res.text
    assert svg.startswith("<svg") and "<script" not in svg and "style=" not in svg
    assert "2025-03-12: 59 (disagrees)" in svg
    assert "2025-03-02: 58 (agrees)" in svg


@pytest.mark.parametrize("url, status", [
    ("/api/facts/no-such-fact/chart.svg", 404),
    ("/api/facts/captives-remaining/chart.svg?mark=59", 400),
    ("/api/facts/captives-remaining/chart.svg?mark=59@2025-13-40", 400),
    ("/api/nothing", 404),
    ("/static/../server.py", 404),
])
def test_bad_gets_answer_json(client, url, status):
    res = client.get(url)
    assert res.status_code == status
    assert "error" in res.json()


@pytest.mark.parametrize("case", load_cases("server"))
def test_bad_request(client, case):
    headers = {"content-type": case.get("content_type", "application/json")}
    if "json" in case:
        content = json.dumps(case["json"]).encode()
    elif "hex" in case:
        content = bytes.fromhex(case["hex"])
    else:
        content = case["body"].encode("utf-8")
    res = client.post("/api/check", content=content, headers=headers)
    assert res.status_code == case["status"], res.text
    assert case["error"] in res.json()["error"]
    again = _check(client, text=DRAFT, filename="draft.md")
    assert again.status_code == 200


def test_body_over_the_limit_is_refused_with_413(client):
    res = _check(client, text="x" * (70 * 1024))
    assert res.status_code == 413
    assert "exceeds the limit of 65,536 bytes" in res.json()["error"]


def test_streamed_body_over_the_limit_is_refused_with_413(client):
    def chunks():
        for _ in range(100):
            yield b"x" * 4096
    res = client.post("/api/check", content=chunks(), headers={"content-type": "application/json"})
    assert res.status_code == 413
    assert _check(client, text=DRAFT).status_code == 200


def test_default_limit_refuses_a_5mb_draft_and_accepts_a_large_one():
    app = create_app(Checker(GAZA, None, [GAZA_PATH]), "127.0.0.1", 8765)
    with starlette_testclient.TestClient(app, base_url=BASE) as c:
        assert _check(c, text="y" * (5 * 1024 * 1024)).status_code == 413
        para = "The committee met again on a grey morning and talked for a long while about roads. " * 12
        big = ((para + "\n\n") * 10 + "Officials said 59 hostages remain in Gaza.\n\n") * 20
        res = _check(c, text=big, filename="big.txt", date="2025-03-12")
        assert res.status_code == 200
        assert len(res.json()["findings"]) == 20


@pytest.mark.parametrize("host, status", [
    ("127.0.0.1:8765", 200), ("localhost:8765", 200), ("LOCALHOST:8765", 200),
    ("evil.example:8765", 421), ("127.0.0.1:9999", 421), ("127.0.0.1", 421), ("", 421),
])
def test_host_header_must_name_this_server(client, host, status):
    res = client.get("/api/facts", headers={"host": host})
    assert res.status_code == status
    if status != 200:
        assert "not allowed" in res.json()["error"]


@pytest.mark.parametrize("origin, status", [
    (BASE, 200), ("http://localhost:8765", 200), ("https://evil.example", 403), ("http://127.0.0.1:9999", 403),
])
def test_cross_origin_posts_are_refused(client, origin, status):
    res = client.post("/api/check", json={"text": "59"}, headers={"origin": origin})
    assert res.status_code == status


@pytest.mark.parametrize("path", ["/", "/api/facts", "/static/app.js", "/api/nothing"])
def test_security_headers_everywhere(client, path):
    res = client.get(path)
    csp = res.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "unsafe-inline" not in csp
    assert res.headers["x-content-type-options"] == "nosniff"
    assert res.headers["x-frame-options"] == "DENY"


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inline, self.handlers, self.sources, self.styles = [], [], [], []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.handlers += [name for name in attrs if name.startswith("on")]
        self.styles += ["style"] if "style" in attrs else []
        if tag == "script":
            self._in_script = True
            self.sources.append(attrs.get("src"))

    def handle_endtag(self, tag):
        self._in_script = self._in_script and tag != "script"

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.inline.append(data)


def test_page_has_no_inline_script_and_no_remote_resource(client):
    page = client.get("/").text
    p = _Scripts()
    p.feed(page)
    assert p.sources == ["/static/app.js"]
    assert not p.inline and not p.handlers and not p.styles
    for name in ("index.html", "app.js", "style.css"):
        text = (STATIC / name).read_text(encoding="utf-8")
        assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", text), name
    assert "innerHTML" not in re.sub(r"//.*", "", (STATIC / "app.js").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text, size", [
    ("5MB", 5 * 1024 ** 2), ("512KB", 512 * 1024), ("1048576", 1048576), ("2m", 2 * 1024 ** 2),
    ("1.5 MiB", int(1.5 * 1024 ** 2)), ("1g", 1024 ** 3),
])
def test_parse_size(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "five", "-1MB", "0", "5 TB", "MB"])
def test_parse_size_refuses_nonsense(text):
    with pytest.raises(UsageError):
        parse_size(text)


@pytest.mark.parametrize("host, loopback", [
    ("127.0.0.1", True), ("localhost", True), ("::1", True), ("127.0.0.2", True),
    ("0.0.0.0", False), ("192.168.1.20", False), ("example.org", False),
])
def test_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


def test_allowed_hosts_name_the_port():
    hosts = allowed_hosts("127.0.0.1", 4000)
    assert {"127.0.0.1:4000", "localhost:4000", "[::1]:4000"} <= hosts
    assert "127.0.0.1:8765" not in hosts
    assert "[::1]:5000" in allowed_hosts("::1", 5000)


@pytest.mark.parametrize("argv, message", [
    (["serve", "--max-body", "lots"], "invalid size 'lots'"),
    (["serve", "--db", "no-such-archive.sqlite"], "no such archive"),
    (["serve", "--rules", "no-such-rules.yaml"], "no-such-rules.yaml"),
])
def test_serve_usage_errors(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    assert message in capsys.readouterr().err


# ---- a real server: the limit holds while the body streams in -----------------------------

@pytest.fixture(scope="module")
def live():
    proc = subprocess.Popen(
        [sys.executable, "-m", "factcheck", "serve", "--rules", GAZA_PATH, "--port", "0", "--max-body", "1KB"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    line = proc.stdout.readline()
    m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not m:
        proc.kill()
        pytest.fail(f"server did not start: {line!r} {proc.stderr.read()}")
    yield int(m.group(1))
    proc.terminate()
    proc.wait(timeout=10)


def _raw(port: int, head: bytes, chunks=(), pause: float = 0.0) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall(head)
        for chunk in chunks:
            s.sendall(chunk)
            time.sleep(pause)
        data = b""
        while True:
            try:
                part = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not part:
                break
            data += part
            if b"\r\n\r\n" in data and b"}" in data:
                break
        return data


def test_live_content_length_over_the_limit_is_refused_before_the_body(live):
    head = (f"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:{live}\r\nContent-Type: application/json\r\n"
            f"Content-Length: 10000000000\r\n\r\n").encode()
    reply = _raw(live, head)
    assert reply.startswith(b"HTTP/1.1 413")
    assert b"exceeds the limit of 1,024 bytes" in reply


def test_live_chunked_body_is_cut_off_at_the_limit(live):
    head = (f"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:{live}\r\nContent-Type: application/json\r\n"
            f"Transfer-Encoding: chunked\r\n\r\n").encode()
    chunk = b"400\r\n" + b"x" * 1024 + b"\r\n"
    reply = _raw(live, head, [chunk, chunk])  # 2 KiB sent; the rest never is
    assert reply.startswith(b"HTTP/1.1 413")


def test_live_server_refuses_foreign_hosts_and_keeps_serving(live):
    reply = _raw(live, f"GET / HTTP/1.1\r\nHost: attacker.example:{live}\r\nConnection: close\r\n\r\n".encode())
    assert reply.startswith(b"HTTP/1.1 421")
    reply = _raw(live, f"GET /api/facts HTTP/1.1\r\nHost: localhost:{live}\r\nConnection: close\r\n\r\n".encode())
    assert reply.startswith(b"HTTP/1.1 200")


# ---- other articles: --corpus ----------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    pytest.importorskip("factcheck.cross.mentions", reason="cross-article mentions (factcheck.cross.mentions) not built yet")
    from factcheck.server import load_corpus
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "wire-a.md").write_text("---\ndate: 2025-03-02\n---\n\nOfficials said 57 hostages remain in Gaza.\n",
                                      encoding="utf-8")
    (folder / "wire-b.md").write_text("---\ndate: 2025-03-04\n---\n\nOfficials said 58 hostages remain in Gaza.\n",
                                      encoding="utf-8")
    return load_corpus([str(folder)], GAZA)


def test_corpus_claims_are_charted(corpus):
    checker = Checker(GAZA, None, [GAZA_PATH], corpus)
    svg = checker.chart("captives-remaining", [], dt.date(2025, 3, 12))
    assert "2025-03-02: 57 (disagrees) " in svg and "wire-a.md" in svg
    assert "2025-03-04: 58 (agrees) " in svg
    assert checker.facts(dt.date(2025, 3, 12))["corpus"] == len(corpus) >= 2


def test_corpus_articles_are_compared_with_the_draft(tmp_path):
    pytest.importorskip("factcheck.cross.consistency", reason="cross-article checks (factcheck.cross.consistency) not built yet")
    from factcheck.server import load_corpus
    for i, day in enumerate(["2025-03-04", "2025-03-05"]):
        (tmp_path / f"wire-{i}.md").write_text(
            f"---\ndate: {day}\n---\n\nNegotiators said the militants still hold 58 hostages taken in the raid.\n",
            encoding="utf-8")
    checker = Checker(None, None, [], load_corpus([str(tmp_path)], None))
    draft = "---\ndate: 2025-03-05\n---\n\nThe militants still hold 59 hostages from the raid, negotiators said.\n"
    data = checker.check(draft, "draft.md", None)
    [cross] = [f for f in data["findings"] if f["kind"] == "cross-article"]
    assert cross["text"] == "59" and cross["path"] == "draft.md"
    assert cross["related"] and {r["value"] for r in cross["related"]} == {58}
    assert {r["date"] for r in cross["related"]} <= {"2025-03-04", "2025-03-05"}
    assert data["view"]["findings"][0]["claim"] is not None
    alone = checker.check("---\ndate: 2025-03-05\n---\n\nThe militants still hold 58 hostages from the raid.\n",
                          "draft.md", None)
    assert alone["findings"] == []


def test_chart_escapes_labels_and_draws_one_band_per_step():
    from factcheck.report.chart import Mark, Step, timeline_svg
    steps = [Step(dt.date(2025, 1, 1), 10, 9, 11, "a <b> & c"), Step(dt.date(2025, 2, 1), 20, 20, 20)]
    svg = timeline_svg(steps, [Mark(dt.date(2025, 2, 5), 25, '<script>"x"</script>', False)],
                       title="Fish & <chips>", today=dt.date(2025, 3, 1))
    assert "<script" not in svg and "&lt;script&gt;" in svg and "Fish &amp; &lt;chips&gt;" in svg
    assert svg.count("<rect") == 1 + len(steps)
    assert "accepted 9 to 11" in svg and "2025-02-05: 25 (disagrees)" in svg


def test_without_rules_claims_are_shown_unchecked():
    app = create_app(Checker(None), "127.0.0.1", 8765)
    with starlette_testclient.TestClient(app, base_url=BASE) as c:
        data = c.post("/api/check", json={"text": "Officials said 59 hostages remain."}).json()
        assert [cl["text"] for cl in data["claims"]] == ["59"] and data["claims"][0]["fact"] is None
        assert data["findings"] == []
        assert c.get("/api/facts").json()["facts"] == []
