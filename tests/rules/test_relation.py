"""Relation expressions: parsing, errors with columns, interval evaluation (tests/cases/rules/relations.yaml)."""
from __future__ import annotations

import math

import pytest

from conftest import CASES, read_table

from factcheck.errors import RuleError
from factcheck.models import Interval
from factcheck.rules.relation import add, divide, multiply, parse

TABLE = read_table(CASES / "rules" / "relations.yaml")


def _interval(v) -> Interval:
    if isinstance(v, dict):
        return Interval(v["low"], v["high"], v.get("low_open", False), v.get("high_open", False))
    if isinstance(v, list):
        return Interval(*v)
    return Interval.point(v)


@pytest.mark.parametrize("case", TABLE["cases"], ids=lambda c: c.get("name") or f"{c['check']} {c['values']}")
def test_holds(case):
    expr = parse(case["check"])
    values = {k: _interval(v) for k, v in case["values"].items()}
    assert expr.holds(values) is case["holds"]


@pytest.mark.parametrize("case", TABLE["implied"], ids=lambda c: f"{c['check']} -> {c['fact']}")
def test_implied(case):
    values = {k: _interval(v) for k, v in case["values"].items()}
    got = parse(case["check"]).implied(case["fact"], values)
    assert (got and [got.low, got.high]) == case["want"] or got is case["want"]


@pytest.mark.parametrize("case", TABLE["bad"], ids=lambda c: c["check"] or "<empty>")
def test_bad_expressions(case):
    with pytest.raises(RuleError) as info:
        parse(case["check"], "r.yaml", 7, 12)
    err = info.value
    assert err.message == "invalid relation check: " + case["error"]
    assert (err.path, err.line, err.column) == ("r.yaml", 7, 11 + case["column"])


def test_names_are_unique_and_in_order():
    expr = parse("b + a - b * 2 == c-d / (a)")
    assert expr.names == ("b", "a", "c-d")
    assert [r.offset for r in expr.refs] == [0, 4, 8, 17, 24]


@pytest.mark.parametrize("a, b, want", [
    (Interval(1, 2), Interval(3, 4, True, False), Interval(4, 6, True, False)),
    (Interval(-math.inf, 0, True), Interval(5, 5), Interval(-math.inf, 5, True)),
])
def test_add(a, b, want):
    assert add(a, b) == want


@pytest.mark.parametrize("a, b, want", [
    (Interval(2, 3), Interval(-1, 4), Interval(-3, 12)),
    (Interval(0, 0), Interval(-math.inf, math.inf, True, True), Interval(0, 0)),
    (Interval(0, 1, True), Interval(2, 3), Interval(0, 3, True)),
])
def test_multiply(a, b, want):
    assert multiply(a, b) == want


@pytest.mark.parametrize("a, b, want", [
    (Interval(10, 10), Interval(2, 5), Interval(2, 5)),
    (Interval(10, 10), Interval(0, 5), Interval(-math.inf, math.inf, True, True)),
    (Interval(10, 10), Interval(0, 5, True), Interval(2, math.inf, False, True)),
    (Interval(1, 1), Interval(-math.inf, -2, True), Interval(-0.5, 0, False, True)),
])
def test_divide(a, b, want):
    assert divide(a, b) == want
