"""The claim policy: every registered rule has examples, fires on them and not on its near misses.

The examples are tables in tests/cases/extract/policy/<module>.yaml, one per module of rules,
keyed by rule id.  A case is named ``<rule id>:fires:<n>`` or ``<rule id>:misses:<n>``, so a
failing case names the rule that broke.  docs/claim-policy.md lists the registry (regenerate
it with ``pytest --update-golden``).
"""
from __future__ import annotations

import inspect
import re

import pytest

from conftest import CASES, ROOT, read_table
from factcheck.extract import RULES, explain, extract
from factcheck.extract.policy import Chain, Patterns, declare, rule

POLICY = CASES / "extract" / "policy"
DOC = ROOT / "docs" / "claim-policy.md"
BEGIN, END = "<!-- rules: generated from the registry by tests/extract/test_policy.py -->", "<!-- end of rules -->"


def _tables() -> dict[str, dict]:
    return {path.stem: read_table(path) for path in sorted(POLICY.glob("*.yaml"))}


def _examples(kind: str) -> list:
    params = []
    for table in _tables().values():
        for rule_id, examples in table.items():
            for i, example in enumerate(examples.get(kind, [])):
                params.append(pytest.param(rule_id, example, id=f"{rule_id}:{kind}:{i}"))
    return params


def test_every_rule_has_examples_in_the_table_of_its_module():
    tables = _tables()
    for rule_id, registered in RULES.items():
        module = registered.module.rsplit(".", 1)[1]
        assert rule_id in tables.get(module, {}), f"{rule_id} has no examples in tests/cases/extract/policy/{module}.yaml"
        assert tables[module][rule_id].get("fires"), f"{rule_id} has no text it fires on"


def test_every_example_names_a_registered_rule():
    for module, table in _tables().items():
        for rule_id, examples in table.items():
            assert rule_id in RULES, f"policy/{module}.yaml: no rule {rule_id}"
            assert set(examples) <= {"fires", "misses"}, f"policy/{module}.yaml: {rule_id}: unknown keys {set(examples)}"


@pytest.mark.parametrize("rule_id, example", _examples("fires"))
def test_rule_fires_on_its_examples(rule_id, example):
    decisions = explain(example["text"])
    fired = [d.text for d in decisions if d.rule == rule_id]
    assert example["span"] in fired, f"{rule_id} did not decide {example['span']!r}: " \
        f"{[(d.text, d.rule) for d in decisions]}"


@pytest.mark.parametrize("rule_id, text", _examples("misses"))
def test_rule_does_not_fire_on_its_near_misses(rule_id, text):
    decisions = explain(text)
    assert rule_id not in {d.rule for d in decisions}, [(d.text, d.rule) for d in decisions]


def test_rule_ids_and_summaries():
    for rule_id, registered in RULES.items():
        assert re.fullmatch(r"(?:not-claim|claim|unit)\.[a-z0-9]+(?:-[a-z0-9]+)*", rule_id)
        assert registered.summary.endswith(".") and "\n" not in registered.summary, rule_id
        assert registered.drops == rule_id.startswith("not-claim.")


def test_rule_functions_have_a_one_line_docstring():
    import importlib
    for module in {registered.module for registered in RULES.values()}:
        for name, func in inspect.getmembers(importlib.import_module(module), inspect.isfunction):
            if getattr(func, "rule_id", None):
                assert func.__doc__ and "\n" not in func.__doc__.strip(), f"{module}.{name}"


def test_registry_refuses_bad_or_twice_registered_ids():
    with pytest.raises(ValueError):
        declare("not-claim.year", "Registered twice.", __name__)
    with pytest.raises(ValueError):
        declare("Claim.Bad Id", "A bad id.", __name__)
    with pytest.raises(ValueError):
        rule("claim.no-docstring-here")(lambda view: True)
    assert "claim.no-docstring-here" not in RULES


def test_chain_skips_rules_by_key_and_value_but_decides_the_same():
    @rule("claim.test-small-after-of", keys=("of",), values=(None, 10))
    def small_after_of(view):
        """Test rule."""
        return view["word"] == "of" and view["value"] < 10

    @rule("not-claim.test-anything")
    def anything(view):
        """Test rule."""
        return view["value"] == 7

    try:
        chain = Chain((small_after_of, anything))
        assert chain.first({"word": "of", "value": 3}, "of", 3) == "claim.test-small-after-of"
        assert chain.first({"word": "of", "value": 7}, "of", 7) == "claim.test-small-after-of"
        assert chain.first({"word": "in", "value": 7}, "in", 7) == "not-claim.test-anything"
        assert chain.first({"word": "of", "value": 70}, "of", 70) is None
    finally:
        del RULES["claim.test-small-after-of"], RULES["not-claim.test-anything"]


def test_patterns_name_the_rule_that_matched():
    checks = Patterns(__name__, (("not-claim.test-a", "Test rule.", "a"), ("not-claim.test-b", "Test rule.", "b+")))
    try:
        assert checks.match("xbb", 1) == "not-claim.test-b" and checks.match("ab") == "not-claim.test-a"
        assert checks.match("c") is None
    finally:
        del RULES["not-claim.test-a"], RULES["not-claim.test-b"]


def _rule_list() -> str:
    import importlib
    lines = []
    for module in sorted({registered.module for registered in RULES.values()}):
        about = " ".join(importlib.import_module(module).__doc__.strip().split("\n\n")[0].split())
        lines += ["", f"### `{module.rsplit('.', 1)[1]}.py`", "", about, ""]
        lines += [f"- `{rule_id}`: {registered.summary}" for rule_id, registered in RULES.items()
                  if registered.module == module]
    return "\n".join(lines) + "\n"


def test_claim_policy_doc_lists_every_rule(update_golden):
    doc = DOC.read_text(encoding="utf-8")
    head, rest = doc.split(BEGIN)
    _, tail = rest.split(END)
    generated = head + BEGIN + "\n" + _rule_list() + "\n" + END + tail
    if update_golden:
        DOC.write_text(generated, encoding="utf-8")
        return
    assert doc == generated, "docs/claim-policy.md is out of date: run pytest --update-golden"


def test_trace_costs_nothing_and_names_every_claim():
    text = "In 2019, Jane Roe, 45, said the top 10 earners paid $5m; about 1,800 people came. Call 911."
    trace: list = []
    claims = extract(text, trace)
    assert claims == extract(text)
    taken = [(d.start, d.end) for d in trace if d.taken]
    assert taken == [(c.start, c.end) for c in claims]
    assert {d.rule for d in trace} >= {"not-claim.year", "unit.age-from-name-comma", "not-claim.rank-cutoff",
                                       "not-claim.emergency-number", "claim.number"}
    assert all(text[d.start:d.end] == d.text and d.rule in RULES for d in trace)
    assert explain(text) == sorted(trace, key=lambda d: (d.start, d.end))
