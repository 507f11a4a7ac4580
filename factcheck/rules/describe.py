"""Rules described in words: a fact's timeline and terms, a relation's facts, a relation's
arithmetic on the figures one article states.

The one description of a rule that ``factcheck explain`` prints and the language server's
hovers show; pure functions from rule records to lines of text.
"""
from __future__ import annotations

import math
from typing import Mapping

from factcheck.models import Interval, fmt_number
from factcheck.rules.model import Fact, MatchSpec, Period, Relation, RuleSet
from factcheck.rules.relation import Expression, Num, Op, Ref, evaluate, parse


def tolerance_text(period: Period) -> str:
    """A timeline entry's tolerance in words: ``exact``, ``±1 → [15, 17]``, ``±5% → …``."""
    t = period.tolerance
    if not t.absolute and not t.relative:
        return "exact"
    parts = []
    if t.absolute:
        parts.append(f"±{fmt_number(t.absolute)}")
    if t.relative:
        parts.append(f"±{fmt_number(t.relative * 100)}%")
    return " or ".join(parts) + f" → {t.interval(period.value)}"


def since_text(period: Period) -> str:
    """When a timeline entry starts: ``from 2025-02-27`` or ``from the start``."""
    return f"from {period.start.isoformat()}" if period.start else "from the start"


def term_lines(match: MatchSpec) -> list[str]:
    """The match terms of a fact, one line per kind (``all``, ``any``, ``none``, ``window``)."""
    out = []
    for key in ("all", "any", "none"):
        terms = getattr(match, key)
        if terms:
            out.append(f"  {key + ':':5} " + ", ".join(t.text for t in terms))
    if match.window:
        out.append(f"  window: {match.window} characters")
    return out


def fact_lines(fact: Fact) -> list[str]:
    """A fact in words: id and label, where it is defined, unit, severity, values over time, terms."""
    lines = [f"{fact.id}: {fact.label}", f"  defined in {fact.path}:{fact.line}",
             f"  unit: {fact.unit or 'none (a count)'}; severity: {fact.severity}"
             + ("; tracked (no known figure, compared across articles)" if fact.tracked else "")]
    if fact.source:
        lines.append(f"  source: {fact.source}")
    if fact.timeline:
        lines.append("values over time:")
        for i, p in enumerate(fact.timeline):
            extra = "".join(f"; {x}" for x in (p.source and f"source: {p.source}", p.note) if x)
            now = "  (newest)" if i == len(fact.timeline) - 1 and len(fact.timeline) > 1 else ""
            lines.append(f"  {since_text(p):<17} {fmt_number(p.value)} (tolerance {tolerance_text(p)}){extra}{now}")
    lines.append("matches claims near:")
    lines.extend(term_lines(fact.match) or ["  (no terms)"])
    return lines


def relation_lines(rel: Relation, rules: RuleSet) -> list[str]:
    """A relation in words: id and message, where it is defined, its check and its facts."""
    lines = [f"{rel.id}: {rel.message or rel.check}", f"  defined in {rel.path}:{rel.line}",
             f"  check: {rel.check}", f"  severity: {rel.severity}", "facts:"]
    labels = {f.id: f.label for f in rules.facts}
    lines.extend(f"  {f}: {labels.get(f, '(unknown fact)')}" for f in rel.facts)
    return lines


def _show(iv: Interval) -> str:
    return str(iv) if math.isfinite(iv.low) or math.isfinite(iv.high) else "?"


def _expr(node, leaf) -> str:
    """An operand as text, ``leaf`` writing each number and fact; inner sums in parentheses."""
    if isinstance(node, (Num, Ref)):
        return leaf(node)
    if node.right is None:
        return f"-{_inner(node.left, leaf)}"
    return f"{_inner(node.left, leaf)} {node.op} {_inner(node.right, leaf)}"


def _inner(node, leaf) -> str:
    text = _expr(node, leaf)
    return f"({text})" if isinstance(node, Op) and node.right is not None else text


def arithmetic(rel: Relation, values: Mapping[str, Interval]) -> list[str]:
    """A relation worked through on the figures an article states, one line per operand and a verdict.

    ``values`` maps fact ids to the claimed intervals; operands naming a fact without a value
    are shown unevaluated.  The last line says whether the check can hold.
    """
    expr = rel.expression
    if expr is None:
        expr = parse(rel.check)
    lines = [f"{rel.id}: {rel.check}"]

    def name(leaf) -> str:
        return fmt_number(leaf.value) if isinstance(leaf, Num) else leaf.name

    def figure(leaf) -> str:
        if isinstance(leaf, Num):
            return fmt_number(leaf.value)
        return _show(values[leaf.name]) if leaf.name in values else leaf.name

    shown = []
    for node in expr.operands:
        source, written = _expr(node, name), _expr(node, figure)
        known = all(r.name in values for r in Expression(rel.check, (node,), ()).refs)
        result = _show(evaluate(node, values)) if known else "?"
        shown.append(result)
        steps = [source] + [t for t in (written, result) if t != source]
        lines.append("  " + " = ".join(dict.fromkeys(steps)))
    verdict = rel.holds(values)
    ops = " ".join(f"{a} {op}" for a, op in zip(shown, expr.comparisons)) + f" {shown[-1]}"
    tail = {False: "cannot hold", True: "can hold", None: "cannot be checked (a fact is missing)"}[verdict]
    lines.append(f"  {ops}: {tail}")
    return lines


__all__ = ["arithmetic", "fact_lines", "relation_lines", "since_text", "term_lines", "tolerance_text"]
