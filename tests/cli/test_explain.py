"""``factcheck explain ID``: a fact's or relation's definition and claims that match it."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT
from factcheck.cli import explain
from factcheck.cli.main import main
from factcheck.errors import UsageError
from factcheck.rules.loading import load_rules_text

RULES = """\
facts:
  - id: ferry-crossings
    label: Daily ferry crossings to the island
    source: Harbour office
    timeline:
      - {value: 12, from: 2023-01-01}
      - {value: 16, from: 2023-06-01, tolerance: 1, note: summer timetable}
      - {value: 10, from: 2023-10-01, source: Winter notice}
    match:
      all: [ferry|ferries]
      any: [crossings|sailings|trips]
      none: [cancelled]
  - id: ferry-fare
    label: Return fare for a foot passenger
    value: 8.5
    unit: EUR
    tolerance: 5%
    severity: warning
    match:
      any: [fare|ticket]
  - id: ferry-cars
    label: Cars one ferry carries
    value: 45
    match:
      any: [cars|vehicles]
relations:
  - id: cars-above-crossings
    check: ferry-crossings < ferry-cars
    message: A ferry carries more cars than it makes crossings
    severity: info
"""
ARTICLES = {
    "one.md": "# Harbour\n\nThe ferry now makes 14 crossings a day.\n",
    "two.md": "The ferries ran 11 trips on Monday.\n\nOn Tuesday the ferry made 13 crossings.\n",
    "three.md": "By Friday the ferry made 15 crossings, and 5 trips were cancelled.\n",
}


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "news").mkdir()
    for name, text in ARTICLES.items():
        (tmp_path / "news" / name).write_text(text, encoding="utf-8")
    (tmp_path / "port").mkdir()
    (tmp_path / "port" / "cars.md").write_text("# Car park\n\nThe quay holds 40 cars.\n", encoding="utf-8")
    return tmp_path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["explain", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_fact_definition_timeline_terms_and_examples(project, capsys):
    code, out, _ = run(capsys, "ferry-crossings", "--rules", "rules.yaml", "--in", "news")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "ferry-crossings: Daily ferry crossings to the island"
    assert "  defined in rules.yaml:2" in lines
    assert "  unit: none (a count); severity: error" in lines
    assert "  source: Harbour office" in lines
    timeline = [line for line in lines if line.startswith("  from ")]
    assert len(timeline) == 3
    assert re.search(r"from 2023-01-01 +12 \(tolerance exact\)$", timeline[0])
    assert re.search(r"from 2023-06-01 +16 \(tolerance ±1 → \[15, 17\]\); summer timetable$", timeline[1])
    assert timeline[2].endswith("10 (tolerance exact); source: Winter notice  (newest)")
    assert "  all:  ferry|ferries" in lines and "  none: cancelled" in lines
    assert "claims attached to it: 4 in 3 documents; 3 shown" in lines
    examples = lines[lines.index("claims attached to it: 4 in 3 documents; 3 shown") + 1:]
    assert [e.split()[0] for e in examples] == ["news/one.md:3:21", "news/three.md:1:26", "news/two.md:1:17"]
    assert examples[0].endswith("14 crossings a day")


def test_fact_with_unit_and_relative_tolerance(project, capsys):
    code, out, _ = run(capsys, "ferry-fare", "--rules", "rules.yaml", "--in", "news/two.md")
    assert code == 0
    assert "  unit: EUR; severity: warning" in out
    assert "  from the start    8.5 (tolerance ±5% → [8.075, 8.925])" in out
    assert out.endswith("claims attached to it: 0 in 1 document\n")


def test_relation_lists_its_facts_and_their_claims(project, capsys):
    code, out, _ = run(capsys, "cars-above-crossings", "--rules", "rules.yaml", "--in", "news/one.md",
                       "--in", "port")
    assert code == 0
    assert out.startswith("cars-above-crossings: A ferry carries more cars than it makes crossings\n")
    assert "  check: ferry-crossings < ferry-cars\n  severity: info\n" in out
    assert "  ferry-cars: Cars one ferry carries\n" in out
    assert out.endswith("claims attached to it: 2 in 2 documents\n"
                        "  news/one.md:3:21  The ferry now makes 14 crossings a day  [ferry-crossings]\n"
                        "  port/cars.md:3:16  The quay holds 40 cars  [ferry-cars]\n")


@pytest.mark.parametrize("wrong,hint", [
    ("ferry-crosings", "did you mean ferry-crossings or"),
    ("cars-above", "did you mean cars-above-crossings"),
    ("zzz", "known ids: cars-above-crossings, ferry-cars, ferry-crossings, ferry-fare"),
])
def test_unknown_id_exits_2_with_a_suggestion(project, capsys, wrong, hint):
    code, out, err = run(capsys, wrong, "--rules", "rules.yaml", "--in", "news")
    assert code == 2 and out == ""
    assert f"no fact or relation '{wrong}'" in err and hint in err


def test_find_on_empty_rules():
    with pytest.raises(UsageError) as err:
        explain.find(load_rules_text("facts: []\n"), "x")
    assert err.value.hint == "the rule files define no facts"


def test_rules_and_articles_from_the_configuration(project, capsys):
    (project / "factcheck.yaml").write_text("rules: [rules.yaml]\npaths: [news/two.md]\n", encoding="utf-8")
    code, out, _ = run(capsys, "ferry-crossings")
    assert code == 0 and "claims attached to it: 2 in 1 document\n" in out


def test_without_rules_is_a_usage_error(project, capsys):
    code, _, err = run(capsys, "ferry-fare")
    assert code == 2 and "explain needs --rules" in err


def test_shipped_samples_are_the_default(monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    code, out, _ = run(capsys, "captives-taken", "--rules", "rules/")
    assert code == 0
    assert re.search(r"claims attached to it: \d+ in \d+ documents", out)
    assert "\n  samples/" in out


def test_describe_without_search_shows_no_examples():
    rules = load_rules_text(RULES)
    text = explain.describe(explain.find(rules, "ferry-fare"), rules)
    assert "claims attached" not in text and text.endswith("  any:  fare|ticket\n")
