"""One document → the rows the archive stores: its head, its packed claims, the facts its claims
were attached to, and its packed mentions with their keys.

``document_rows`` runs in a worker process of the indexing pool; it returns builtin values
and bytes only, so what crosses the process boundary is small and cheap to pickle.  The
mentions and claims come packed by the index's ``codec.Codec``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.archive.codec import Codec, claims_payload, mention_payload
from factcheck.check.engine import DocResult, Options, check_document
from factcheck.cross.mentions import candidate_terms
from factcheck.models import Document
from factcheck.rules.model import RuleSet


@dataclass(frozen=True)
class RowBuilder:
    """``document_rows`` with the rules, options and codec bound (picklable, for the pool)."""

    rules: RuleSet | None
    options: Options
    codec: Codec = field(default_factory=Codec)

    def __call__(self, doc: Document) -> tuple:
        return document_rows(doc, self.rules, self.options, self.codec)


def document_rows(doc: Document, rules: RuleSet | None, options: Options, codec: Codec = Codec()) -> tuple:
    """One document's rows (``result_rows``), read and checked here."""
    return result_rows(check_document(doc, rules, options), codec)


def result_rows(res: DocResult, codec: Codec = Codec()) -> tuple:
    """A checked document's rows: (path, id, date as stated (a day, a month or a year), title, topic); its claims, packed; (fact, value) of
    each claim attached to a fact; and (keys, day, value, timeless, packed mention) per mention
    (day 0 when undated; timeless 2 for a fixed count, compared at any date; 1 for one that
    moves one way, compared within ``similarity.TREND_DAYS``; else 0)."""
    d = res.document
    rid = d.meta.get("id") if d.meta else None
    topic = " ".join(sorted(res.mentions[0].topic)) if res.mentions else ""
    head = (d.path, None if rid is None else str(rid), d.when, d.title, topic)
    claims = [(loc.line, loc.column, loc.claim.text, loc.claim.value, loc.claim.low, loc.claim.high,
               loc.claim.unit, loc.claim.qualifier, loc.claim.kind, loc.fact) for loc in res.claims]
    facts = [(loc.fact, loc.claim.value) for loc in res.claims if loc.fact]
    mentions = []
    for m in res.mentions:
        terms = candidate_terms(m)
        if terms:
            mentions.append((terms, m.located.date.toordinal() if m.located.date else 0, m.value,
                             2 if m.frame.fixed else 1 if m.frame.trend else 0, codec.pack(mention_payload(m))))
    return head, codec.pack(claims_payload(claims)), facts, mentions


__all__ = ["RowBuilder", "document_rows", "result_rows"]
