"""Why a claim attached to a fact, or why it did not: the matcher's reasons in words.

``factcheck claims --rules`` shows them, so that writing a rule takes one try: for an
attached claim, where each ``all`` and ``any`` term was found (its counted noun, its clause,
its sentence, the sentence before); for an unattached one, the nearest fact and what kept it
away (a ``none`` term in the clause, a missing term, another unit, another period, a counted
noun that is none of the fact's terms).
"""
from __future__ import annotations

from typing import Sequence

from factcheck.frames.model import Frame
from factcheck.models import Claim
from factcheck.rules.matching import (CLAUSE, NOUN, PREVIOUS, SENTENCE, Context, contexts, other_noun, ring,
                                      stands_in_clause)

RINGS = {NOUN: "noun", CLAUSE: "clause", SENTENCE: "sentence", PREVIOUS: "sentence before"}


def explain_claims(text: str, claims: Sequence[Claim], facts: Sequence, chosen: Sequence, on=None,
                   frames: Sequence[Frame] | None = None, period=None) -> list[str]:
    """For each claim, why it attached to the fact ``chosen`` gives it, or why not."""
    return [attached(fact, text, ctx, claim, frame) if fact is not None
            else missed(facts, text, ctx, claim, frame, on, period)
            for (claim, ctx, frame), fact in zip(contexts(text, claims, frames), chosen)]


def attached(fact, text: str, ctx: Context, claim: Claim, frame: Frame | None) -> str:
    """Where the terms of the fact a claim attached to were found:
    ``all: "hostages" (noun), "remain" (noun); any: "in Gaza" (clause)``."""
    parts = []
    for name, terms in (("all", fact.match.all), ("any", fact.match.any)):
        shown = [f'"{w}" ({RINGS[r]})' for w, r in (_found(t, text, ctx, claim, frame) for t in terms) if r]
        if shown:
            parts.append(f"{name}: " + ", ".join(shown if name == "all" else shown[:1]))
    return "; ".join(parts)


def _found(term, text: str, ctx: Context, claim: Claim, frame: Frame | None) -> tuple[str, int]:
    """The words a term matched nearest the claim, and in which ring."""
    where = ring(term, text, ctx, claim, frame)[0]
    if not where:
        return "", 0
    for words in (claim.noun, frame.subject_words if frame else "", frame.predicate_words if frame else ""):
        m = term.pattern.search(words) if words else None
        if m and where == NOUN:
            return m.group(), where
    spans = (ctx.clause, ctx.sentence, ctx.previous)
    for lo, hi in spans:
        for m in term.pattern.finditer(text, lo, hi):
            if not (m.start() < claim.end and m.end() > claim.start):
                return m.group(), where
    return term.text, where


def missed(facts: Sequence, text: str, ctx: Context, claim: Claim, frame: Frame | None,
           on=None, period=None) -> str:
    """Why the nearest fact (the one with most of its terms found) did not take the claim."""
    best, best_found = None, -1
    for fact in facts:
        terms = (*fact.match.all, *fact.match.any)
        found = sum(1 for t in terms if ring(t, text, ctx, claim, frame)[0])
        if found > best_found and found:
            best, best_found = fact, found
    if best is None:
        return ""
    return f"not {best.id}: {_reason(best, text, ctx, claim, frame, on, period)}"


def _reason(fact, text: str, ctx: Context, claim: Claim, frame: Frame | None, on, period) -> str:
    if not fact.applies(on, period):
        first, last = fact.valid
        return f"the fact holds {_span(first, last)}, the article is {'undated' if on is None and period is None else 'of another time'}"
    if fact.unit != claim.unit:
        return f"its unit is {claim.unit or 'none'}, the fact's {fact.unit or 'none'}"
    blocking = [t.text for t in fact.match.none if stands_in_clause(t, text, ctx, claim, frame)]
    if blocking:
        return f"none: {blocking[0]!r} stands in its clause"
    lost = [t.text for t in fact.match.all if not ring(t, text, ctx, claim, frame)[0]]
    if lost:
        return f"all: {lost[0]!r} is not in its sentence or the one before"
    if fact.match.any and not any(ring(t, text, ctx, claim, frame)[0] for t in fact.match.any):
        return "none of its any terms is near"
    noun = other_noun(fact.match, text, ctx, claim, frame)
    if noun:
        return f"it counts {noun[0]}, and the fact's terms name {noun[1]}"
    return "its terms stand only outside the claim's clause, or another fact ranks equal or higher"


def _span(first, last) -> str:
    if first and last:
        return f"from {first.isoformat()} to {last.isoformat()}"
    return f"from {first.isoformat()}" if first else f"until {last.isoformat()}"


__all__ = ["RINGS", "attached", "explain_claims", "missed"]
