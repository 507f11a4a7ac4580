"""A relation worked through on the figures one article states (hover and code action text)."""
from __future__ import annotations

from factcheck.models import Interval
from factcheck.rules import load_rules_text
from factcheck.rules.describe import arithmetic

RULES = """\
facts:
  - {id: adults, label: Adults aboard, tracked: true, match: {any: [adults]}}
  - {id: children, label: Children aboard, tracked: true, match: {any: [children]}}
  - {id: aboard, label: Everyone aboard, tracked: true, match: {any: [aboard]}}
  - {id: crew, label: Crew, tracked: true, match: {any: [crew]}}
relations:
  - id: sum
    check: adults + children == aboard
  - id: nested
    check: (adults - crew) * 2 <= aboard
"""


def relations():
    return {r.id: r for r in load_rules_text(RULES, "rules.yaml").relations}


def test_each_operand_is_written_with_its_figures_then_evaluated():
    stated = {"adults": Interval.point(120), "children": Interval(25, 35), "aboard": Interval.point(140)}
    assert arithmetic(relations()["sum"], stated) == [
        "sum: adults + children == aboard",
        "  adults + children = 120 + [25, 35] = [145, 155]",
        "  aboard = 140",
        "  [145, 155] == 140: cannot hold"]


def test_a_missing_fact_leaves_its_operand_unevaluated():
    stated = {"adults": Interval.point(120), "children": Interval.point(20)}
    assert arithmetic(relations()["sum"], stated)[-2:] == [
        "  aboard = ?", "  140 == ?: cannot be checked (a fact is missing)"]


def test_inner_sums_keep_their_parentheses():
    stated = {"adults": Interval.point(10), "crew": Interval.point(4), "aboard": Interval.point(20)}
    assert arithmetic(relations()["nested"], stated)[1:] == [
        "  (adults - crew) * 2 = (10 - 4) * 2 = 12", "  aboard = 20", "  12 <= 20: can hold"]
