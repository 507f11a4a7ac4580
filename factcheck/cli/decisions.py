"""``factcheck claims --explain``: every number-looking span and the rule that took or dropped it.

``located`` pairs each ``Decision`` of the claim policy (``factcheck.extract.explain``) with
its line and column in the article; ``table`` and ``as_json`` turn them into text.  The rules
that appear are listed once, with the sentence that says why.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable, Sequence

from tabulate import tabulate

from factcheck.extract import RULES, Decision, explain
from factcheck.models import Document


@dataclass(frozen=True)
class Located:
    """A decision of the claim policy and where its span stands in an article."""

    path: str
    line: int
    column: int
    decision: Decision

    def as_dict(self) -> dict:
        """The located decision as builtin types (for JSON)."""
        return {"path": self.path, "line": self.line, "column": self.column, **self.decision.as_dict()}


def located(docs: Iterable[Document]) -> tuple[list[Located], int]:
    """Every decision in ``docs`` in reading order, and how many documents were read."""
    out: list[Located] = []
    count = 0
    for doc in docs:
        count += 1
        for decision in explain(doc.text):
            line, column = doc.locate(decision.start)
            out.append(Located(doc.path, line, column, decision))
    return out, count


def _rules(decisions: Sequence[Located]) -> dict[str, str]:
    return {rule_id: RULES[rule_id].summary for rule_id in sorted({d.decision.rule for d in decisions})}


def table(decisions: Sequence[Located], documents: int, errors: Sequence[str] = ()) -> str:
    """One row per span (where, the span, taken or dropped, the rule), then why each rule decides."""
    rows = [(f"{d.path}:{d.line}:{d.column}", d.decision.text, "taken" if d.decision.taken else "dropped", d.decision.rule)
            for d in decisions]
    out = tabulate(rows, headers=("where", "span", "verdict", "rule"), tablefmt="simple", disable_numparse=True) \
        if rows else ""
    taken = sum(1 for d in decisions if d.decision.taken)
    tail = f"{taken} taken, {len(decisions) - taken} dropped in {documents} document{'' if documents == 1 else 's'}"
    if errors:
        tail += f"; {len(errors)} input error{'' if len(errors) == 1 else 's'}"
    why = "".join(f"  {rule_id}: {summary}\n" for rule_id, summary in _rules(decisions).items())
    return (out + "\n\n" if out else "") + tail + "\n" + ("\nwhy:\n" + why if why else "")


def as_json(decisions: Sequence[Located], documents: int, errors: Sequence[str] = ()) -> str:
    """The decisions, the summaries of the rules that made them and any input errors, as JSON."""
    return json.dumps({"documents": documents, "decisions": [d.as_dict() for d in decisions],
                       "rules": _rules(decisions), "errors": list(errors)}, indent=2, ensure_ascii=False) + "\n"


RENDERERS = {"table": table, "json": as_json}

__all__ = ["Located", "RENDERERS", "as_json", "located", "table"]
