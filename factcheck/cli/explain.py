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
from factcheck.models import Document
from factcheck.rules.describe import fact_lines, relation_lines

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


def describe(item, rules, examples: Sequence[Example] = (), total: int = 0, searched: int = 0) -> str:
    """The text ``factcheck explain`` prints for a fact or relation and its example claims."""
    lines = relation_lines(item, rules) if hasattr(item, "check") else fact_lines(item)
    if searched:
        shown = f"; {len(examples)} shown" if total > len(examples) else ""
        lines.append(f"claims attached to it: {total} in {searched} document{'' if searched == 1 else 's'}"
                     f"{shown}")
        multi = hasattr(item, "check")
        lines.extend(f"  {e.path}:{e.line}:{e.column}  {e.phrase}" + (f"  [{e.fact}]" if multi else "")
                     for e in examples)
    return "\n".join(lines) + "\n"


__all__ = ["Example", "LIMIT", "describe", "fact_ids", "find", "gather"]
