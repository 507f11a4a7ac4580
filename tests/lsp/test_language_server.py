"""``factcheck lsp`` end to end: the real server over stdio, driven by a small JSON-RPC client.

Open, change and save publish diagnostics; positions count UTF-16 code units (UTF-8 when the
client offers it); hover explains a claim and a finding; code actions suppress a finding, open
the rule file at the fact and show a relation's arithmetic; two open documents that disagree
get a cross-article finding each; a broken rule file is shown and the server keeps going; a
rule edit re-checks the open documents.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from lsp_client import Client

DRAFT = (ROOT / "samples" / "2025-03-12-draft-hostage-count.md").read_text(encoding="utf-8")
RECAP = (ROOT / "samples" / "2025-03-01-phase-one-recap.md").read_text(encoding="utf-8")
FIRE = "---\ndate: 2025-05-01\n---\nThe warehouse fire in Dunmere destroyed {n} vehicles overnight, firefighters said.\n"
EMOJI = "---\ndate: 2025-03-12\n---\n😀 𝄞 Organisers said 59 hostages remain in Gaza.\n"


def make_project(folder: Path) -> Path:
    (folder / "rules").mkdir(parents=True)
    shutil.copy(ROOT / "rules" / "gaza-captives.yaml", folder / "rules" / "gaza-captives.yaml")
    (folder / "factcheck.yaml").write_text("rules: [rules/]\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("newsroom"))


@pytest.fixture(scope="module")
def server(project):
    client = Client(cwd=project)
    client.initialize(project, options={"debounce": 150})
    yield client
    assert client.close() == 0, client.errors()


def open_doc(client: Client, folder: Path, name: str, text: str, language: str = "markdown") -> str:
    (folder / name).write_text(text, encoding="utf-8")
    return client.open(folder / name, text, language)


def by_code(diags: list, code: str) -> list:
    return [d for d in diags if d["code"] == code]


def actions(client: Client, uri: str, diag: dict) -> dict:
    found = client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": diag["range"],
                                                       "context": {"diagnostics": [diag]}})
    return {a["title"].split(" ")[0]: a for a in found or []}


def apply(text: str, edit: dict) -> str:
    """One inserting TextEdit applied to ``text`` (UTF-16 positions)."""
    start = edit["range"]["start"]
    lines = text.split("\n")
    line = lines[start["line"]].encode("utf-16-le")
    cut = start["character"] * 2
    lines[start["line"]] = (line[:cut].decode("utf-16-le") + edit["newText"] + line[cut:].decode("utf-16-le"))
    return "\n".join(lines)


def test_open_change_and_save_publish_diagnostics(server, project):
    uri = open_doc(server, project, "draft.md", DRAFT)
    diags = server.diagnostics(uri, version=1)
    [remaining] = by_code(diags, "captives-remaining")
    assert remaining["range"] == {"start": {"line": 10, "character": 16}, "end": {"line": 10, "character": 18}}
    assert remaining["severity"] == 1 and remaining["source"] == "factcheck"
    assert "expected 58" in remaining["message"]
    assert by_code(diags, "captives-taken")

    server.change(uri, 2, DRAFT.replace("59 hostages", "58 hostages"))
    assert not by_code(server.diagnostics(uri, version=2), "captives-remaining")

    mark = server.mark()
    server.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    assert by_code(server.diagnostics(uri, version=2, start=mark), "captives-taken")
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert server.diagnostics(uri, start=mark + 1) == []


def test_quick_changes_are_checked_once_after_the_pause(server, project):
    uri = open_doc(server, project, "typing.md", DRAFT)
    server.diagnostics(uri, version=1)
    mark = server.mark()
    for version, figure in ((2, "57"), (3, "56"), (4, "58")):
        server.change(uri, version, DRAFT.replace("59 hostages", f"{figure} hostages"))
    assert not by_code(server.diagnostics(uri, version=4, start=mark), "captives-remaining")
    published = [n["params"].get("version") for n in server.notes[mark:]
                 if n["method"] == "textDocument/publishDiagnostics" and n["params"]["uri"] == uri]
    assert published == [4]
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})


def test_a_figure_after_an_emoji_is_placed_in_utf16_code_units(server, project):
    uri = open_doc(server, project, "emoji.md", EMOJI)
    [d] = by_code(server.diagnostics(uri), "captives-remaining")
    line = EMOJI.split("\n")[3]
    before = line[:line.index("59")]
    assert len(before) == 20 and len(before.encode("utf-16-le")) // 2 == 22
    assert d["range"]["start"] == {"line": 3, "character": 22}
    assert d["range"]["end"] == {"line": 3, "character": 24}
    hover = server.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                  "position": {"line": 3, "character": 23}})
    assert hover["range"] == d["range"]
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})


@pytest.mark.parametrize("name, language, text, line, character", [
    ("page.html", "html", "<html><head><meta property='article:published_time' content='2025-03-12'></head>\n"
     "<body><p>Organisers said &amp; repeated: 59 hostages remain in Gaza.</p></body></html>\n", 1, 41),
    ("notes.txt", "plaintext", "Notes\nOrganisers said 59 hostages remain in Gaza.\n", 1, 16),
    ("untitled:Untitled-1", "markdown", "Organisers said 59 hostages remain in Gaza.\n", 0, 16),
    ("wire.json", "json", '{\n  "uri": "urn:wire:1",\n  "versioncreated": "2025-03-12T09:00:00Z",\n'
     '  "body_text": "Organisers said 59 hostages remain in Gaza."\n}\n', 3, 32),
    ("story.xml", "xml", '<?xml version="1.0" encoding="UTF-8"?>\n<nitf><head><pubdata date.publication='
     '"20250312T090000Z"/></head>\n<body><body.content><p>Organisers said 59 hostages remain in Gaza.</p>'
     '</body.content></body></nitf>\n', 2, 39)])
def test_html_text_news_formats_and_unsaved_buffers_are_checked(server, project, name, language, text, line, character):
    if name.startswith("untitled:"):
        uri = name
        server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": language, "version": 1,
                                                                "text": text}})
    else:
        uri = open_doc(server, project, name, text, language)
    [d] = by_code(server.diagnostics(uri), "captives-remaining")
    assert d["range"]["start"] == {"line": line, "character": character}
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})


def test_a_json_or_xml_file_in_no_news_format_is_left_alone(server, project):
    start = server.mark()
    other = open_doc(server, project, "package.json", '{"name": "site", "version": "59.0.0"}\n', "json")
    uri = open_doc(server, project, "late.md", "Organisers said 59 hostages remain in Gaza.\n")
    assert by_code(server.diagnostics(uri, start=start), "captives-remaining")
    published = [n for n in server.notes[start:] if (n.get("params") or {}).get("uri") == other]
    assert published == [] and "internal error" not in server.errors()
    for u in (other, uri):
        server.notify("textDocument/didClose", {"textDocument": {"uri": u}})


def test_an_unused_suppression_is_a_warning(server, project):
    text = "<!-- factcheck-ignore captives-taken -->\nOrganisers said 58 hostages remain in Gaza.\n"
    uri = open_doc(server, project, "unused.md", text)
    [d] = by_code(server.diagnostics(uri), "suppression")
    assert d["severity"] == 2 and "unused suppression" in d["message"]
    assert d["range"]["start"] == {"line": 0, "character": 0}
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})


def test_hover_explains_the_claim_and_its_fact(server, project):
    uri = open_doc(server, project, "hover.md", DRAFT)
    [d] = by_code(server.diagnostics(uri), "captives-remaining")
    hover = server.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": d["range"]["start"]})
    text = hover["contents"]["value"]
    assert hover["contents"]["kind"] == "markdown"
    assert "interval **[59, 59]**" in text
    assert "**Fact** `captives-remaining`" in text
    assert "Figure **58** as of 2025-03-12, figure since 2025-02-27" in text
    assert "| 2024-12-01 | 94 | exact |" in text and "| **2025-02-27** | **58** | exact |" in text
    assert "Source: Israeli Prime Minister's Office" in text
    assert "rules/gaza-captives.yaml:" in text
    assert server.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                 "position": {"line": 0, "character": 1}}) is None
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})


def test_two_open_documents_that_disagree_get_a_cross_article_finding_each(server, project):
    a = open_doc(server, project, "fire-a.md", FIRE.format(n=75))
    assert not by_code(server.diagnostics(a), "cross-article")
    mark = server.mark()
    b = open_doc(server, project, "fire-b.md", FIRE.format(n=40))
    [on_b] = by_code(server.diagnostics(b, start=mark), "cross-article")
    assert "1 other article says 75" in on_b["message"]
    assert on_b["relatedInformation"][0]["location"]["uri"].endswith("/fire-a.md")
    [on_a] = by_code(server.diagnostics(a, start=mark), "cross-article")
    hover = server.request("textDocument/hover", {"textDocument": {"uri": a}, "position": on_a["range"]["start"]})
    assert "Other articles that disagree" in hover["contents"]["value"]
    assert "fire-b.md:4:41" in hover["contents"]["value"] and "“40” (2025-05-01)" in hover["contents"]["value"]

    mark = server.mark()
    server.notify("textDocument/didClose", {"textDocument": {"uri": b}})
    assert server.diagnostics(a, start=mark) == []
    server.notify("textDocument/didClose", {"textDocument": {"uri": a}})


def test_suppress_this_finding_inserts_a_comment_that_suppresses_it(server, project):
    uri = open_doc(server, project, "suppress.md", DRAFT)
    [d] = by_code(server.diagnostics(uri, version=1), "captives-remaining")
    action = actions(server, uri, d)["Suppress"]
    assert action["kind"] == "quickfix" and action["diagnostics"][0]["code"] == "captives-remaining"
    [edit] = action["edit"]["changes"][uri]
    assert edit["range"]["start"] == {"line": 10, "character": 0}
    assert edit["newText"].startswith('<!-- factcheck-ignore captives-remaining reason="')
    server.change(uri, 2, apply(DRAFT, edit))
    diags = server.diagnostics(uri, version=2)
    assert not by_code(diags, "captives-remaining") and not by_code(diags, "suppression")
    assert by_code(diags, "captives-taken")
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})


def test_open_the_rule_file_at_the_fact(server, project):
    uri = open_doc(server, project, "rule.md", DRAFT)
    [d] = by_code(server.diagnostics(uri), "captives-remaining")
    command = actions(server, uri, d)["Open"]["command"]
    assert command["command"] == "factcheck.openRule"
    server.request("workspace/executeCommand", command)
    [shown] = [r for r in server.requests if r["method"] == "window/showDocument"]
    rules = (project / "rules" / "gaza-captives.yaml").read_text(encoding="utf-8").split("\n")
    assert shown["params"]["uri"] == (project / "rules" / "gaza-captives.yaml").resolve().as_uri()
    assert rules[shown["params"]["selection"]["start"]["line"]].strip() == "- id: captives-remaining"
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})


def test_a_relation_shows_its_arithmetic(server, project):
    uri = open_doc(server, project, "recap.md", RECAP)
    [d] = by_code(server.diagnostics(uri), "phase1-sum")
    assert len(d["relatedInformation"]) == 2
    mark = server.mark()
    command = actions(server, uri, d)["Show"]["command"]
    server.request("workspace/executeCommand", command)
    shown = server.wait(lambda n: n["method"] == "window/showMessage", start=mark)["params"]
    assert shown["type"] == 3
    assert "phase1-living-released + phase1-bodies-released = 25 + 8 = 33" in shown["message"]
    assert "33 == 30: cannot hold" in shown["message"]
    hover = server.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": d["range"]["start"]})
    assert "33 == 30: cannot hold" in hover["contents"]["value"]
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})


def test_a_broken_rule_file_is_shown_and_a_rule_edit_rechecks(tmp_path):
    project = make_project(tmp_path)
    rules = project / "rules" / "gaza-captives.yaml"
    good = rules.read_text(encoding="utf-8")
    client = Client(cwd=project)
    try:
        caps = client.initialize(project, encodings=["utf-8", "utf-16"], options={"debounce": 20})
        assert caps["capabilities"]["positionEncoding"] == "utf-8"
        uri = open_doc(client, project, "emoji.md", EMOJI)
        [d] = by_code(client.diagnostics(uri, version=1), "captives-remaining")
        [watch] = [r for r in client.requests if r["method"] == "client/registerCapability"]
        assert watch["params"]["registrations"][0]["method"] == "workspace/didChangeWatchedFiles"
        assert d["range"]["start"] == {"line": 3, "character": len("😀 𝄞 Organisers said ".encode("utf-8"))}

        broken = good.replace("{value: 58, from: 2025-02-27", "{value: fifty-eight, from: 2025-02-27")
        rules.write_text(broken, encoding="utf-8")
        mark = client.mark()
        client.notify("textDocument/didSave", {"textDocument": {"uri": rules.resolve().as_uri()}})
        shown = client.wait(lambda n: n["method"] == "window/showMessage", start=mark)["params"]
        line = broken.split("\n").index(next(x for x in broken.split("\n") if "fifty-eight" in x)) + 1
        assert shown["type"] == 1 and f"gaza-captives.yaml:{line}:" in shown["message"]
        [in_rules] = client.diagnostics(rules.resolve().as_uri(), start=mark)
        assert in_rules["range"]["start"]["line"] == line - 1 and "fifty-eight" in in_rules["message"]
        client.change(uri, 2, EMOJI + "\nStill here.\n")  # the server survives, with the last rules that loaded
        assert by_code(client.diagnostics(uri, version=2), "captives-remaining")

        rules.write_text(good.replace("{value: 58, from: 2025-02-27", "{value: 59, from: 2025-02-27"), encoding="utf-8")
        mark = client.mark()
        client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": rules.resolve().as_uri(), "type": 2}]})
        assert not by_code(client.diagnostics(uri, start=mark), "captives-remaining")
        assert client.diagnostics(rules.resolve().as_uri(), start=mark) == []

        config = project / "factcheck.yaml"
        config.write_text("rules: [rules/]\nwindoww: 3\n", encoding="utf-8")
        mark = client.mark()
        client.notify("textDocument/didSave", {"textDocument": {"uri": config.resolve().as_uri()}})
        shown = client.wait(lambda n: n["method"] == "window/showMessage", start=mark)["params"]
        assert "factcheck.yaml:2: unknown key 'windoww'" in shown["message"] and "did you mean 'window'" in shown["message"]
        assert client.diagnostics(uri, start=mark) == []  # checked with the defaults: no rules
        config.write_text("rules: [rules/]\n", encoding="utf-8")
        rules.write_text(good, encoding="utf-8")
        mark = client.mark()
        client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config.resolve().as_uri(), "type": 2}]})
        assert by_code(client.diagnostics(uri, start=mark), "captives-remaining")
    finally:
        assert client.close() == 0, client.errors()


def test_without_pygls_the_command_says_what_to_install(monkeypatch, capsys):
    from factcheck.cli.main import main
    monkeypatch.setitem(sys.modules, "pygls", None)
    assert main(["lsp"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'factcheck[lsp]'" in err


def test_the_corpus_and_the_against_archive_are_compared_with(tmp_path):
    from factcheck.archive import open_index
    old = tmp_path / "archive"
    old.mkdir()
    for name, who in (("a.md", "firefighters"), ("b.md", "the council")):
        (old / name).write_text(FIRE.format(n=40).replace("firefighters", who), encoding="utf-8")
    with open_index(str(tmp_path / "archive.sqlite"), create=True) as archive:
        archive.update([str(old)])
    project = tmp_path / "desk"
    (project / "corpus").mkdir(parents=True)
    (project / "corpus" / "union.md").write_text(
        "---\ndate: 2025-05-01\n---\nThe strike at the Brinmoor cannery has idled 410 workers, according to the union.\n",
        encoding="utf-8")
    (project / "factcheck.yaml").write_text("paths: [corpus/]\ncache: false\n", encoding="utf-8")
    client = Client("--against", str(tmp_path / "archive.sqlite"), cwd=project)
    try:
        client.initialize(project, options={"debounce": 20})
        text = (FIRE.format(n=75) + "\nThe strike at the Brinmoor cannery has idled 300 workers, according to the union.\n")
        uri = open_doc(client, project, "draft.md", text)
        found = {d["range"]["start"]["line"]: d for d in by_code(client.diagnostics(uri), "cross-article")}
        assert "2 other articles say 40" in found[3]["message"]
        assert "1 other article says 410" in found[5]["message"]
        assert found[5]["relatedInformation"][0]["location"]["uri"].endswith("/corpus/union.md")

        union = project / "corpus" / "union.md"  # edited and saved in the editor: the corpus follows
        fixed = union.read_text(encoding="utf-8").replace("410", "300")
        union.write_text(fixed, encoding="utf-8")
        other = client.open(union, fixed)
        client.notify("textDocument/didSave", {"textDocument": {"uri": other}})
        client.notify("textDocument/didClose", {"textDocument": {"uri": other}})
        client.change(uri, 2, text + "\n")
        assert [d["range"]["start"]["line"] for d in by_code(client.diagnostics(uri, version=2), "cross-article")] == [3]
    finally:
        assert client.close() == 0, client.errors()
