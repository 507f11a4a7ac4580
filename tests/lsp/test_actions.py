"""The suppression a code action inserts, in each document's own syntax, silences the finding
it was made for (checked with the engine itself)."""
from __future__ import annotations

import pytest

from factcheck.check.engine import check_documents
from factcheck.documents import read_text
from factcheck.lsp.actions import comment, suppression_insert, syntax
from factcheck.rules import load_rules_text

RULES = """\
facts:
  - id: ferry-crossings
    label: Daily ferry crossings
    value: 16
    match: {all: [ferry|ferries], any: [crossings|trips]}
  - id: ferry-adults
    label: Adults on the morning ferry
    tracked: true
    match: {any: [adults]}
  - id: ferry-children
    label: Children on the morning ferry
    tracked: true
    match: {any: [children]}
  - id: ferry-passengers
    label: Passengers on the morning ferry
    tracked: true
    match: {any: [passengers in all]}
relations:
  - id: ferry-sum
    check: ferry-adults + ferry-children == ferry-passengers
"""
DOCS = {
    "md": ("news.md", "# Ferries\n\nThe harbour was busy.\nThe ferry now makes 14 crossings a day,\n"
                      "more than last year.\n\nA second paragraph.\n"),
    "list": ("list.md", "Figures:\n\n- The pier is new.\n  The ferry now makes 14 crossings a day.\n"),
    "txt": ("news.txt", "Harbour news\nThe ferry now makes 14 crossings a day.\n"),
    "html": ("news.html", "<html><body><h1>Ferries</h1>\n<p>The harbour was busy. The ferry now makes "
                          "14 crossings a day.</p>\n<p>Another 14 crossings, said the ferry office.</p></body></html>\n"),
}


def findings(text: str, name: str):
    rules = load_rules_text(RULES, "rules.yaml")
    return check_documents(read_text(text, name), rules).findings


@pytest.mark.parametrize("case", DOCS)
def test_the_inserted_comment_suppresses_the_finding(case):
    name, text = DOCS[case]
    before = [f for f in findings(text, name) if f.rule == "ferry-crossings"]
    target = before[0]
    offset, insert = suppression_insert(text, name, target)
    after = findings(text[:offset] + insert + text[offset:], name)
    assert len([f for f in after if f.rule == "ferry-crossings"]) == len(before) - 1
    assert comment("ferry-crossings") in insert


def test_markdown_and_text_put_the_comment_above_the_paragraph_with_its_indent():
    name, text = DOCS["md"]
    [f] = findings(text, name)
    offset, insert = suppression_insert(text, name, f)
    assert text[offset:].startswith("The harbour was busy.") and insert.endswith("-->\n")
    name, text = DOCS["list"]
    [f] = findings(text, name)
    offset, insert = suppression_insert(text, name, f)
    assert text[offset:].startswith("- The pier")


def test_html_puts_the_comment_before_the_claim_and_jsonl_has_none():
    name, text = DOCS["html"]
    f = findings(text, name)[0]
    offset, insert = suppression_insert(text, name, f)
    assert text[offset:].startswith("14 crossings a day.</p>") and insert.endswith("--> ")
    assert syntax("feed.jsonl", '{"text": "x"}') is None
    assert syntax("page.txt", "<!doctype html><p>x</p>") == "inline"
