"""One document → the rows the archive stores: its head, its claims, its mentions and their keys.

``document_rows`` runs in a worker process of the indexing pool; it returns builtin values
only, so what crosses the process boundary is small and cheap to pickle.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from factcheck.check.engine import Options, check_document
from factcheck.cross.mentions import candidate_terms
from factcheck.models import Document
from factcheck.rules.model import RuleSet

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


@dataclass(frozen=True)
class RowBuilder:
    """``document_rows`` with the rules and options bound (picklable, for the pool)."""

    rules: RuleSet | None
    options: Options

    def __call__(self, doc: Document) -> tuple:
        return document_rows(doc, self.rules, self.options)


def document_rows(doc: Document, rules: RuleSet | None, options: Options) -> tuple:
    """One document's rows: (path, id, date, title), claims, and (row, keys, day, value, timeless)
    per mention (timeless: compared at any date, a fixed count or one that moves one way)."""
    res = check_document(doc, rules, options)
    d = res.document
    rid = d.meta.get("id") if d.meta else None
    head = (d.path, None if rid is None else str(rid), d.date.isoformat() if d.date else None, d.title)
    claims = [(loc.line, loc.column, loc.claim.text, loc.claim.value, loc.claim.low, loc.claim.high,
               loc.claim.unit, loc.claim.qualifier, loc.claim.kind, loc.fact) for loc in res.claims]
    mentions = []
    for m in res.mentions:
        terms = candidate_terms(m)
        if terms:
            mentions.append((_ENCODE(m.as_row()), terms, m.located.date.toordinal() if m.located.date else None,
                             m.value, int(m.frame.fixed or m.frame.trend != 0)))
    return head, claims, mentions


__all__ = ["RowBuilder", "document_rows"]
