"""The check pipeline, driven by the case tables in tests/cases/check/*.yaml.

Each case is an article (Markdown text), a date and the rules (the shipped gaza pack by
default, or inline ``rules:`` text); it lists either the claims that must attach to which
fact, or the exact set of findings (each expected finding names only the fields it pins).
"""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT, load_cases
from factcheck.documents import read_text
from factcheck.check.engine import Options, check_documents
from factcheck.rules.loading import load_rules, load_rules_text

GAZA = load_rules([ROOT / "rules" / "gaza-captives.yaml"])


def _run(case):
    rules = load_rules_text(case["rules"], "case-rules.yaml") if "rules" in case else GAZA
    date = case.get("date")
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    docs = read_text(case["text"], "case.md", on_error=lambda err: None)
    return check_documents(docs, rules, Options(date=date, cross=False))


def _pins(expected: dict, finding) -> bool:
    for key, want in expected.items():
        if key == "expected":
            if finding.expected is None or finding.expected.value != want:
                return False
            continue
        got = getattr(finding, key)
        if key == "severity":
            got = str(got)
        if got != want:
            return False
    return True


@pytest.mark.parametrize("case", load_cases("check"))
def test_case(case):
    report = _run(case)
    if "claims" in case or "unattached" in case:
        attached = {c.claim.text: c.fact for c in report.claims}
        for want in case.get("claims", []):
            assert attached.get(want["text"], "<no such claim>") == want["fact"], (want, attached)
        for text in case.get("unattached", []):
            assert text in attached, (text, attached)
            assert attached[text] is None, (text, attached)
    if "findings" in case:
        remaining = list(report.findings)
        for want in case["findings"]:
            hit = next((f for f in remaining if _pins(want, f)), None)
            assert hit is not None, f"missing {want}; got {[f.as_dict() for f in report.findings]}"
            remaining.remove(hit)
        assert not remaining, f"unexpected {[f.message for f in remaining]}"
