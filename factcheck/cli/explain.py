"""``factcheck explain ID``: what a fact or relation says, and claims in articles that match it.

``find`` looks an id up (an unknown one is a ``UsageError`` suggesting close ids);
``gather`` collects the claims attached to it from documents; ``describe`` turns both into
text.  Only the command line reads files.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable, Sequence

from factcheck.errors import UsageError
from factcheck.models import Document, fmt_number

LIMIT = 3


@dataclass(frozen=True)
class Example:
    """A claim attached to the fact: where it stands and the words around it."""

    path: str
    line: int
    column: int
    phrase: str
    fact: str


def find(rules, rule_id: str):
    """The fact or relation called ``rule_id``; ``UsageError`` with "did you mean" otherwise."""
    for item in (*rules.facts, *rules.relations):
        if item.id == rule_id:
            return item
    known = [item.id for item in (*rules.facts, *rules.relations)]
    close = difflib.get_close_matches(rule_id, known, n=3, cutoff=0.5)
    hint = f"did you mean {' or '.join(close)}?" if close else (
        f"known ids: {', '.join(sorted(known)[:8])}{' …' if len(known) > 8 else ''}" if known
        else "the rule files define no facts")
    raise UsageError(f"no fact or relation {rule_id!r} in the rule files", hint=hint)


def fact_ids(item) -> tuple[str, ...]:
    """The facts whose claims illustrate ``item``: itself, or a relation's facts."""
    return tuple(item.facts) if hasattr(item, "check") else (item.id,)


def gather(docs: Iterable[Document], rules, item, limit: int = LIMIT,
           dollar: str = "USD") -> tuple[list[Example], int, int]:
    """Up to ``limit`` claims attached to ``item`` (reading order), how many in all, documents read."""
    from factcheck.check.engine import Options, check_document
    from factcheck.extract.quotes import quote
    wanted = set(fact_ids(item))
    found: list[Example] = []
    total = searched = 0
    for doc in docs:
        searched += 1
        res = check_document(doc, rules, Options(cross=False, dollar=dollar))
        for loc in res.claims:
            if loc.fact in wanted:
                total += 1
                if len(found) < limit:
                    found.append(Example(loc.path, loc.line, loc.column, quote(doc.text, loc.claim.start, loc.claim.end), loc.fact))
    return found, total, searched


def _tolerance(period) -> str:
    t = period.tolerance
    if not t.absolute and not t.relative:
        return "exact"
    parts = []
    if t.absolute:
        parts.append(f"±{fmt_number(t.absolute)}")
    if t.relative:
        parts.append(f"±{fmt_number(t.relative * 100)}%")
    return " or ".join(parts) + f" → {t.interval(period.value)}"


def _terms(match) -> list[str]:
    out = []
    for key in ("all", "any", "none"):
        terms = getattr(match, key)
        if terms:
            out.append(f"  {key + ':':5} " + ", ".join(t.text for t in terms))
    if match.window:
        out.append(f"  window: {match.window} characters")
    return out


def _fact_lines(fact) -> list[str]:
    lines = [f"{fact.id}: {fact.label}", f"  defined in {fact.path}:{fact.line}",
             f"  unit: {fact.unit or 'none (a count)'}; severity: {fact.severity}"
             + ("; tracked (no known figure, compared across articles)" if fact.tracked else "")]
    if fact.source:
        lines.append(f"  source: {fact.source}")
    if fact.timeline:
        lines.append("values over time:")
        for i, p in enumerate(fact.timeline):
            since = f"from {p.start.isoformat()}" if p.start else "from the start"
            extra = "".join(f"; {x}" for x in (p.source and f"source: {p.source}", p.note) if x)
            now = "  (newest)" if i == len(fact.timeline) - 1 and len(fact.timeline) > 1 else ""
            lines.append(f"  {since:<17} {fmt_number(p.value)} (tolerance {_tolerance(p)}){extra}{now}")
    lines.append("matches claims near:")
    lines.extend(_terms(fact.match) or ["  (no terms)"])
    return lines


def _relation_lines(rel, rules) -> list[str]:
    lines = [f"{rel.id}: {rel.message or rel.check}", f"  defined in {rel.path}:{rel.line}",
             f"  check: {rel.check}", f"  severity: {rel.severity}", "facts:"]
    labels = {f.id: f.label for f in rules.facts}
    lines.extend(f"  {f}: {labels.get(f, '(unknown fact)')}" for f in rel.facts)
    return lines


def describe(item, rules, examples: Sequence[Example] = (), total: int = 0, searched: int = 0) -> str:
    """The text ``factcheck explain`` prints for a fact or relation and its example claims."""
    lines = _relation_lines(item, rules) if hasattr(item, "check") else _fact_lines(item)
    if searched:
        shown = f"; {len(examples)} shown" if total > len(examples) else ""
        lines.append(f"claims attached to it: {total} in {searched} document{'' if searched == 1 else 's'}"
                     f"{shown}")
        multi = hasattr(item, "check")
        lines.extend(f"  {e.path}:{e.line}:{e.column}  {e.phrase}" + (f"  [{e.fact}]" if multi else "")
                     for e in examples)
    return "\n".join(lines) + "\n"


__all__ = ["Example", "LIMIT", "describe", "fact_ids", "find", "gather"]
