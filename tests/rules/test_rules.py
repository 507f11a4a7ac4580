"""Rule files: the loader, its errors, match terms, units and the shipped packs.

Driven by the case tables in tests/cases/rules/: valid.yaml (rule text → records),
bad/*.yaml (broken rule text → the exact error line), terms.yaml, units.yaml and
gaza-phrasing.yaml (sentences the shipped pack must attach correctly).
"""
from __future__ import annotations

import datetime as dt
import pickle
import re
from pathlib import Path

import pytest
import yaml

from conftest import CASES as ALL_CASES, ROOT, read_table

CASES = ALL_CASES / "rules"

from factcheck.errors import FactcheckError, RuleError
from factcheck.rules.matching import match_claims
from factcheck.models import Claim, Interval
from factcheck.extract.units import canonical_unit
from factcheck.rules.loading import load_rules, load_rules_text
from factcheck.rules.model import RuleSet, Tolerance, compile_term

PACKS = sorted((ROOT / "rules").glob("*.yaml"))


def _table(name: str, key: str = "cases") -> list:
    data = read_table(CASES / name)
    return [pytest.param(c, id=c.get("name") or c.get("term") or c.get("unit") or c.get("text", str(i))[:60])
            for i, c in enumerate(data[key])]


def _date(value):
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


# -- valid files -------------------------------------------------------------------------

@pytest.mark.parametrize("case", _table("valid.yaml"))
def test_valid_rules(case):
    rules = load_rules_text(case["rules"], "case.yaml")
    assert rules.files == ("case.yaml",)
    if "count" in case:
        assert (len(rules.facts), len(rules.relations)) == (case["count"]["facts"], case["count"]["relations"])
    for want, fact in zip(case.get("facts", []), rules.facts):
        for key, value in want.items():
            if key == "timeline":
                got = [[p.value, p.start, p.tolerance.interval(p.value).low, p.tolerance.interval(p.value).high]
                       for p in fact.timeline]
                assert _same_timeline(got, value), (got, value)
            elif key in ("all", "any", "none"):
                assert [t.text for t in getattr(fact.match, key)] == value
            elif key == "window":
                assert fact.match.window == value
            elif key == "severity":
                assert str(fact.severity) == value
            else:
                assert getattr(fact, key) == value, key
        assert fact.path == "case.yaml"
    if "facts" in case:
        assert len(rules.facts) == len(case["facts"])
    for want, rel in zip(case.get("relations", []), rules.relations):
        for key, value in want.items():
            got = str(rel.severity) if key == "severity" else getattr(rel, key)
            assert (list(got) if key == "facts" else got) == value, key
    for want in case.get("expected", []):
        exp = rules.fact(want["fact"]).expected(_date(want["date"]))
        if want.get("value", 0) is None:
            assert exp is None
            continue
        assert exp is not None
        assert exp.value == pytest.approx(want["value"])
        if "low" in want:
            assert (exp.interval.low, exp.interval.high) == pytest.approx((want["low"], want["high"]))
        if "as_of" in want:
            assert exp.as_of == _date(want["as_of"])
        if "source" in want:
            assert exp.source == want["source"]
    for want in case.get("period_index", []):
        assert rules.fact(want["fact"]).period_index(_date(want["date"])) == want["index"]


def _same_timeline(got, want) -> bool:
    if len(got) != len(want):
        return False
    for g, w in zip(got, want):
        if g[0] != pytest.approx(w[0]) or g[1] != _date(w[1]):
            return False
        if (g[2], g[3]) != pytest.approx((w[2], w[3])):
            return False
    return True


# -- broken files ------------------------------------------------------------------------

BAD = sorted((CASES / "bad").glob("*.yaml"))


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_rules(path, tmp_path, monkeypatch):
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    for name, text in (case.get("files") or {}).items():
        Path(name).write_text(text, encoding="utf-8")
    Path("rules.yaml").write_text(case["rules"], encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules(["rules.yaml"])
    assert str(info.value) == case["error"]
    assert isinstance(info.value, FactcheckError)
    assert re.match(r"[\w./-]+:\d+:\d+: ", str(info.value)), "every error has path:line:column"


def test_every_bad_case_has_a_name_and_an_error():
    for path in BAD:
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert case.get("name") and case.get("error") and case.get("rules"), path.name


def test_missing_path_and_empty_directory(tmp_path):
    with pytest.raises(RuleError, match="no such file or directory"):
        load_rules([tmp_path / "nope.yaml"])
    with pytest.raises(RuleError, match=r"no rule files \(\*\.yaml, \*\.yml\)"):
        load_rules([tmp_path])


def test_a_file_that_is_not_utf8(tmp_path):
    bad = tmp_path / "latin.yaml"
    bad.write_bytes(b"facts:\n  - id: caf\xe9\n")
    with pytest.raises(RuleError, match="not UTF-8"):
        load_rules([bad])


def test_unsafe_yaml_tags_build_no_objects():
    with pytest.raises(RuleError, match="invalid value"):
        load_rules_text("facts:\n  - id: x\n    label: !!python/object/apply:os.system [echo hi]\n"
                        "    value: 1\n    match: {all: [x]}\n", "unsafe.yaml")


# -- directories and includes ------------------------------------------------------------

FACT = "facts:\n  - {{id: {id}, label: {id}, value: 1, match: {{all: [{id}]}}}}\n"


def test_directories_load_recursively_sorted_and_once(tmp_path):
    (tmp_path / "b.yaml").write_text(FACT.format(id="bee"), encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.yml").write_text(FACT.format(id="ant"), encoding="utf-8")
    (tmp_path / "sub" / "common.yaml").write_text(FACT.format(id="cow"), encoding="utf-8")
    (tmp_path / "a.yaml").write_text("include: [sub/common.yaml]\n" + FACT.format(id="ape"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not rules", encoding="utf-8")
    rules = load_rules([tmp_path, tmp_path / "b.yaml"])
    assert [f.id for f in rules.facts] == ["cow", "ape", "bee", "ant"]
    assert [Path(f).name for f in rules.files] == ["a.yaml", "common.yaml", "b.yaml", "a.yml"]
    assert rules.fact("cow").path == str(tmp_path / "sub" / "common.yaml")


def test_diamond_includes_are_not_cycles(tmp_path):
    (tmp_path / "base.yaml").write_text(FACT.format(id="base"), encoding="utf-8")
    (tmp_path / "left.yaml").write_text("include: base.yaml\n", encoding="utf-8")
    (tmp_path / "right.yaml").write_text("include: [base.yaml]\n", encoding="utf-8")
    (tmp_path / "top.yaml").write_text("include: [left.yaml, right.yaml]\n", encoding="utf-8")
    rules = load_rules([tmp_path / "top.yaml"])
    assert [f.id for f in rules.facts] == ["base"]


def test_relations_may_name_facts_from_included_files(tmp_path):
    (tmp_path / "facts.yaml").write_text(FACT.format(id="a") + FACT.format(id="b")[7:], encoding="utf-8")
    text = "include: [facts.yaml]\nrelations:\n  - {id: r, check: a <= b}\n"
    rules = load_rules_text(text, str(tmp_path / "rel.yaml"))
    assert rules.relations[0].facts == ("a", "b")
    assert rules.relations[0].holds({"a": Interval.point(1), "b": Interval.point(0)}) is False


# -- records -----------------------------------------------------------------------------

@pytest.mark.parametrize("tol, value, low, high", [
    (Tolerance(), 10, 10, 10),
    (Tolerance(absolute=2), 10, 8, 12),
    (Tolerance(relative=0.05), 1800, 1710, 1890),
    (Tolerance(relative=0.05), -200, -210, -190),
    (Tolerance(absolute=3, relative=0.1), 10, 7, 13),
    (Tolerance(absolute=3, relative=0.1), 100, 90, 110),
])
def test_tolerance_interval(tol, value, low, high):
    iv = tol.interval(value)
    assert (iv.low, iv.high) == pytest.approx((low, high))


def test_ruleset_fact_lookup_and_pickling():
    rules = load_rules(PACKS)
    assert rules.fact("captives-taken").label
    with pytest.raises(KeyError):
        rules.fact("no-such-fact")
    again = pickle.loads(pickle.dumps(rules))
    assert again.fact("captives-remaining").expected(dt.date(2025, 3, 1)).value == 58
    assert again.relations[0].holds({f: Interval.point(1) for f in again.relations[0].facts}) is True
    assert isinstance(RuleSet(), RuleSet) and RuleSet().facts == ()


# -- terms and units ---------------------------------------------------------------------

@pytest.mark.parametrize("case", _table("terms.yaml"))
def test_terms(case):
    pattern = compile_term(case["term"])
    for text in case.get("hits", []):
        assert pattern.search(text), (case["term"], text)
    for text in case.get("misses", []):
        assert not pattern.search(text), (case["term"], text)


@pytest.mark.parametrize("case", _table("units.yaml"))
def test_units(case):
    if case.get("error"):
        with pytest.raises(ValueError):
            canonical_unit(case["unit"])
    else:
        assert canonical_unit(case["unit"]) == case["name"]


# -- shipped packs -----------------------------------------------------------------------

def test_both_packs_load_and_are_described():
    assert len(PACKS) >= 2
    for pack in PACKS:
        rules = load_rules([pack])
        assert rules.facts and rules.relations, pack.name
        for fact in rules.facts:
            assert fact.label and (fact.tracked or fact.timeline), fact.id
            assert fact.tracked or fact.source, f"{fact.id} names no source"
    everything = load_rules([ROOT / "rules"])
    assert len(everything.facts) == sum(len(load_rules([p]).facts) for p in PACKS)


def test_gaza_pack_figures():
    rules = load_rules([ROOT / "rules" / "gaza-captives.yaml"])
    want = {"captives-taken": 251, "phase1-living-released": 25, "phase1-bodies-released": 8,
            "phase1-captives-released": 33, "phase1-prisoners-released": 1800}
    for fid, value in want.items():
        assert rules.fact(fid).expected(None).value == value
    remaining = rules.fact("captives-remaining")
    assert [(p.value, p.start) for p in remaining.timeline] == [
        (94, dt.date(2024, 12, 1)), (58, dt.date(2025, 2, 27))]
    assert remaining.expected(dt.date(2024, 11, 30)) is None
    assert rules.fact("captives-remaining-dead").expected(dt.date(2025, 3, 1)).value == 34
    prisoners = rules.fact("phase1-prisoners-released").expected(None).interval
    assert (prisoners.low, prisoners.high) == (1710, 1890)
    checks = {r.id: r.check for r in rules.relations}
    assert checks == {
        "captives-order": "captives-remaining-dead <= captives-remaining <= captives-taken",
        "phase1-sum": "phase1-living-released + phase1-bodies-released == phase1-captives-released"}
    shipped = {f.id: f.expected(dt.date(2025, 3, 1)).interval for f in rules.facts}
    assert all(r.holds(shipped) for r in rules.relations), "the pack's own figures satisfy its relations"


_MARK = re.compile(r"\[([^\]]+)\]")
_WORDS = {"three": 3, "eight": 8}


def _marked(text: str, nouns: list) -> tuple[str, list[Claim]]:
    plain, claims, shift = _MARK.sub(r"\1", text), [], 0
    for m, noun in zip(_MARK.finditer(text), nouns):
        start = m.start() - shift
        shift += 2
        raw = m.group(1).replace(",", "")
        value = float(_WORDS.get(raw.lower(), raw))
        claims.append(Claim(value, value, value, "exact", None, start, start + len(m.group(1)),
                            m.group(1), noun=noun))
    return plain, claims


@pytest.mark.parametrize("case", _table("gaza-phrasing.yaml"))
def test_gaza_pack_phrasing(case):
    rules = load_rules([ROOT / "rules" / "gaza-captives.yaml"])
    text, claims = _marked(case["text"], case["noun"])
    assert len(claims) == len(case["facts"])
    got = [f.id if f else "-" for f in match_claims(text, claims, rules.facts, dt.date(2025, 3, 5))]
    assert got == case["facts"]
