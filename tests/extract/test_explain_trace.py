"""The explain trace: ``explain(text)`` and ``factcheck claims --explain`` name the rule behind every number."""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.cli import main
from factcheck.extract import RULES, explain, extract

ARTICLE = "# Talks\n\nIn 2019, Jane Roe, 45, said the top 10 earners paid $5m.\nAbout 1,800 people came; call 911.\n"


def test_claims_explain_table_names_rules_and_says_why(tmp_path, capsys):
    path = tmp_path / "article.md"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["claims", str(path), "--explain"]) == 0
    out = capsys.readouterr().out
    assert f"{path}:3:4" in out and "not-claim.year" in out and "dropped" in out
    assert "unit.age-from-name-comma" in out and "taken" in out
    assert "3 taken, 3 dropped in 1 document" in out
    assert f"not-claim.rank-cutoff: {RULES['not-claim.rank-cutoff'].summary}" in out


def test_claims_explain_json(tmp_path, capsys):
    path = tmp_path / "article.md"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["claims", str(path), "--explain", "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["documents"] == 1 and out["errors"] == []
    first = out["decisions"][0]
    assert (first["line"], first["column"], first["text"], first["rule"], first["taken"]) == \
        (3, 4, "2019", "not-claim.year", False)
    assert set(out["rules"]) == {d["rule"] for d in out["decisions"]}


def test_claims_explain_reports_unreadable_files(tmp_path, capsys):
    assert main(["claims", str(tmp_path / "missing.md"), "--explain"]) == 2
    assert "1 input error" in capsys.readouterr().out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*"0123456789 ,.-$%/()", "one", " of ", "2019", "May ", "Smith, ", "about ", "top ",
                                  " people", "half", "a third", " to ", "call ", "911", "p.m."]), max_size=25).map("".join))
def test_every_claim_is_a_taken_decision(text):
    claims = extract(text)
    decisions = explain(text)
    assert [(d.start, d.end) for d in decisions if d.taken] == [(c.start, c.end) for c in claims]
    assert all(d.rule in RULES and text[d.start:d.end] == d.text for d in decisions)
