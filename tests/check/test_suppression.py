"""Inline suppressions, driven by the case tables in tests/cases/suppression/*.yaml.

Each case is an article (Markdown unless ``file`` says otherwise) checked against RULES; it
lists the findings left (``[line, rule]``), how many were suppressed, and the notes.
"""
from __future__ import annotations

import pytest

from conftest import load_cases
from factcheck.cli.main import main
from factcheck.documents import read_text
from factcheck.check.engine import Options, check_documents
from factcheck.models import Finding, Severity
from factcheck.rules.loading import load_rules_text
from factcheck.check.suppression import Directive, apply, directives

RULES_TEXT = """\
facts:
  - id: widgets-sold
    label: Widgets sold by the shop
    value: 100
    match: {all: [widget*]}
  - id: gadgets-sold
    label: Gadgets sold by the shop
    value: 50
    match: {all: [gadget*]}
  - id: orders-open
    label: Orders open at the shop
    timeline:
      - {value: 100, from: 2024-01-01}
      - {value: 150, from: 2025-01-01}
    match: {all: [order*]}
"""
RULES = load_rules_text(RULES_TEXT, "shop.yaml")


def _check(text: str, name: str = "article.md"):
    return check_documents(read_text(text, name), RULES, Options(cross=False))


@pytest.mark.parametrize("case", load_cases("suppression"))
def test_case(case):
    name = case.get("file", "article.md")
    report = _check(case["text"], name)
    got = sorted([f.line, f.rule] for f in report.findings)
    assert got == sorted(case["findings"]), [f.message for f in report.findings]
    assert report.suppressed == case["suppressed"]
    assert len(report.notes) == len(case["notes"]), report.notes
    for want in case["notes"]:
        assert any(note.startswith(name) and want in note for note in report.notes), (want, report.notes)


def _finding(line: int, rule: str = "widgets-sold", kind: str = "fact", path: str = "a.md") -> Finding:
    return Finding(kind=kind, severity=Severity.ERROR, path=path, line=line, column=1, end_column=3,
                   message="m", fact=rule if kind == "fact" else None)


def test_directive_covers_only_its_file_its_span_and_its_id():
    d = Directive("ignore", "widgets-sold", "a.md", 1, 1, (2, 1), (4, 1))
    assert d.covers(_finding(2)) and d.covers(_finding(3))
    assert not d.covers(_finding(4))
    assert not d.covers(_finding(2, path="b.md"))
    assert not d.covers(_finding(2, rule="gadgets-sold"))
    assert Directive("ignore", "cross-article", "a.md", 1, 1, (1, 1), (9, 1)).covers(
        _finding(2, kind="cross-article"))


def test_apply_is_pure_and_reports_each_unused_id():
    found = [Directive("ignore", "widgets-sold", "a.md", 1, 1, (2, 1), (4, 1)),
             Directive("ignore", "gadgets-sold", "a.md", 1, 1, (2, 1), (4, 1))]
    findings = [_finding(2), _finding(5)]
    kept, suppressed, notes = apply(findings, found)
    assert kept == [findings[1]] and suppressed == [findings[0]]
    assert [str(n) for n in notes] == [
        "a.md:1:1: warning: unused suppression: factcheck-ignore of 'gadgets-sold' matched no finding"]
    assert apply(findings, found) == (kept, suppressed, notes)


def test_articles_without_directives_cost_nothing():
    doc = read_text("They sold 130 widgets.\n", "a.md")[0]
    assert directives(doc) == ((), ())


def test_suppressions_survive_a_process_pool():
    text = "<!-- factcheck-ignore widgets-sold -->\nThey sold 130 widgets.\n\nThen 140 widgets.\n"
    docs = read_text(text, "a.md") + read_text(text.replace("130", "131"), "b.md")
    one = check_documents(docs, RULES, Options(cross=False, jobs=1))
    two = check_documents(docs, RULES, Options(cross=False, jobs=2))
    assert one.findings == two.findings and one.suppressed == two.suppressed == 2


def test_cli_counts_suppressed_in_summary_and_warns_on_stderr(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "shop.yaml").write_text(RULES_TEXT, encoding="utf-8")
    (tmp_path / "a.md").write_text("<!-- factcheck-ignore -->\nThey sold 130 widgets.\n\n"
                                   "<!-- factcheck-ignore gadgets-sold -->\nThen 140 widgets.\n",
                                   encoding="utf-8")
    code = main(["check", "a.md", "--rules", "shop.yaml", "--no-cache", "--format", "json"])
    captured = capsys.readouterr()
    assert code == 1
    import json
    data = json.loads(captured.out)
    assert data["suppressed"] == 1 and [f["line"] for f in data["findings"]] == [5]
    assert captured.err.splitlines() == [
        "factcheck: a.md:1:1: warning: factcheck-ignore without an id suppresses every finding in the "
        "next block; name the ids",
        "factcheck: a.md:4:1: warning: unused suppression: factcheck-ignore of 'gadgets-sold' matched no finding"]
    from factcheck.report.text import summary_line
    from factcheck.models import Report
    assert summary_line(Report(findings=(), suppressed=1)).endswith("; 1 suppressed")


def test_a_json_lines_record_disables_ids_for_itself_only():
    text = ('{"id": 1, "text": "They sold 130 widgets.", "factcheck": {"disable": ["widgets-sold"]}}\n'
            '{"id": 2, "text": "They sold 140 widgets."}\n')
    report = _check(text, "archive.jsonl")
    assert [(f.line, f.rule) for f in report.findings] == [(2, "widgets-sold")]
    assert report.suppressed == 1 and report.notes == ()
