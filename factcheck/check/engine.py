"""Documents → claims → matches → findings.

``check_document`` is pure: one document and the rules in, its located claims, its fact and
relation findings and its cross-article mentions out.  ``check_documents`` runs it over many
documents, sequentially or on a process pool (the output is identical either way), then
compares the mentions across documents.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Sequence

from factcheck.check import suppression
from factcheck.check.runner import Runner
from factcheck.cross.consistency import cross_findings
from factcheck.cross.mentions import Mention, mentions
from factcheck.extract.claims import extract
from factcheck.extract.dollars import document_dollar, localize
from factcheck.extract.quotes import quote
from factcheck.frames import FrameReader
from factcheck.models import Document, Expected, Finding, Located, Related, Report, fmt_number, new_located
from factcheck.rules.matching import match_claims
from factcheck.rules.model import Fact, RuleSet
from factcheck.rules.why import explain_claims

@dataclass(frozen=True)
class Options:
    """How a check runs.

    ``date`` is the date assumed for documents that carry none; ``window_days`` bounds the
    date distance of rule-less cross-article comparisons; ``cross`` turns them on; ``dollar``
    is the currency a bare "$" means in documents whose metadata names none (``dollars``);
    ``explain`` gives each located claim the reason it attached to a fact, or did not.
    """

    date: dt.date | None = None
    cross: bool = True
    window_days: float = 2.0
    jobs: int = 1
    progress: bool = False
    dollar: str = "USD"
    explain: bool = False


@dataclass(frozen=True)
class DocResult:
    """What checking one document produced (picklable, so it can cross a process pool)."""

    document: Document
    claims: tuple[Located, ...]
    findings: tuple[Finding, ...]
    mentions: tuple[Mention, ...] = ()
    suppressions: tuple[suppression.Directive, ...] = ()
    notes: tuple[suppression.Note, ...] = ()


def _date_of(doc: Document, options: Options) -> dt.date | None:
    return suppression.as_of(doc) or doc.date or (options.date if doc.period is None else None)


def fact_finding(doc: Document, loc: Located, fact: Fact, on: dt.date | None,
                 period: tuple[dt.date, dt.date] | None = None) -> Finding | None:
    """A ``fact`` finding when the claim's interval misses the fact's expected interval.

    A document dated only to a month or a year (``period``) is checked against every figure
    the fact gave during it: a figure true at some day of the period is no finding.
    """
    claim = loc.claim
    if on is None and period is not None:
        held = fact.expected_during(*period)
        if not held or any(e.interval.meets(claim.interval) for e in held):
            return None
        exp = held[-1]
        when = doc.when
        as_of = f"during {when}" + (f", when it was {' then '.join(fmt_number(e.value) for e in held)}"
                                    if len(held) > 1 else "")
    else:
        exp = fact.expected(on)
        if exp is None or exp.interval.meets(claim.interval):
            return None
        as_of = f"as of {on.isoformat()}" if on else "newest figure"
    since = f", figure since {exp.as_of.isoformat()}" if exp.as_of else ""
    src = f"; source: {exp.source}" if exp.source else ""
    expected = fmt_number(exp.value) if exp.interval.low == exp.interval.high else \
        f"{fmt_number(exp.value)} {exp.interval}"
    message = (f"{quote(doc.text, claim.start, claim.end)} — expected {expected} "
               f"({fact.id}{since}, {as_of}{src})")
    return Finding(
        kind="fact", severity=fact.severity, path=doc.path, line=loc.line, column=loc.column,
        end_column=loc.end_column, message=message, text=claim.text, value=claim.value,
        low=claim.low, high=claim.high, fact=fact.id, expected=exp, source=exp.source)


def relation_findings(doc: Document, located: Sequence[Located], rules: RuleSet) -> list[Finding]:
    """``relation`` findings: relations that cannot hold on this document's claims."""
    first: dict[str, Located] = {}
    for loc in located:
        if loc.fact and loc.fact not in first:
            first[loc.fact] = loc
    out = []
    for rel in rules.relations:
        present = {f: first[f] for f in rel.facts if f in first}
        if len(present) < 2:
            continue
        values = {f: loc.claim.interval for f, loc in present.items()}
        if rel.holds(values) is not False:
            continue
        implied = {f: rel.implied(f, values) for f in present}
        solved = [f for f, iv in implied.items() if iv is not None]
        anchor = present[solved[0]] if solved else max(present.values(), key=lambda loc: loc.claim.start)
        stated = ", ".join(f"{f} = {loc.claim.text}" for f, loc in present.items())
        why = rel.message or rel.check
        want = implied.get(anchor.fact)
        expected = None
        if want is not None and math.isfinite(want.low) and math.isfinite(want.high):
            expected = Expected((want.low + want.high) / 2, want)
        out.append(Finding(
            kind="relation", severity=rel.severity, path=doc.path, line=anchor.line,
            column=anchor.column, end_column=anchor.end_column,
            message=f"{why}: {rel.check} does not hold ({stated})",
            text=anchor.claim.text, value=anchor.claim.value, low=anchor.claim.low,
            high=anchor.claim.high, fact=anchor.fact, relation=rel.id, expected=expected,
            related=tuple(_related(doc, loc) for loc in present.values() if loc is not anchor)))
    return out


def _related(doc: Document, loc: Located) -> Related:
    return Related(doc.path, loc.line, loc.column, loc.claim.text, loc.claim.value, loc.date,
                   quote(doc.text, loc.claim.start, loc.claim.end), loc.fact or "")


def check_document(doc: Document, rules: RuleSet | None = None, options: Options = Options()) -> DocResult:
    """Extract, match and check one document against the rules (no cross-article step)."""
    on = _date_of(doc, options)
    period = doc.period if on is None else None
    claims = localize(extract(doc.text), document_dollar(doc.meta, options.dollar))
    reader = FrameReader(doc.text)
    frames = [reader.frame(c, on) for c in claims] if rules else None
    facts = match_claims(doc.text, claims, rules.facts, on, frames, period) if rules else [None] * len(claims)
    whys = explain_claims(doc.text, claims, rules.facts, facts, on, frames, period) \
        if rules and options.explain else [""] * len(claims)
    located, findings = [], []
    for claim, fact, why in zip(claims, facts, whys):
        line, col = doc.locate(claim.start)
        loc = new_located(doc.path, line, col, claim, on, fact.id if fact else None, why)
        located.append(loc)
        if fact is not None:
            f = fact_finding(doc, loc, fact, on, period)
            if f:
                findings.append(f)
    if rules:
        findings.extend(relation_findings(doc, located, rules))
    found = tuple(mentions(doc, located, reader)) if options.cross else ()
    directives, notes = suppression.directives(doc)
    slim = dataclasses.replace(doc, text="", source=None, source_map=None)
    return DocResult(slim, tuple(located), tuple(findings), found, directives, notes)


def _cross(mentions: Sequence[Mention], rules: RuleSet | None, options: Options) -> list[Finding]:
    facts = {f.id: f for f in rules.facts} if rules else None
    return cross_findings(mentions, facts, window_days=options.window_days)


def run(docs: Iterable[Document], rules: RuleSet | None, options: Options) -> Iterator[DocResult]:
    """``check_document`` over ``docs``, in order, on ``options.jobs`` processes."""
    with Runner(functools.partial(check_document, rules=rules, options=options), options.jobs) as runner:
        yield from runner.imap(docs)


def check_documents(docs: Iterable[Document], rules: RuleSet | None = None, options: Options = Options(),
                    errors: Sequence[str] = (), extra_mentions: Sequence = ()) -> Report:
    """Check every document, then compare their claims with each other (and ``extra_mentions``)."""
    return combine(run(docs, rules, options), rules, options, errors, extra_mentions)


def combine(results: Iterable[DocResult], rules: RuleSet | None = None, options: Options = Options(),
            errors: Sequence[str] = (), extra_mentions: Sequence = (),
            keep: Callable[[str, int], bool] | None = None, memo=None,
            cross: Sequence[Finding] | None = None) -> Report:
    """One report from per-document results: cross-article findings added, suppressions applied.

    ``memo`` (a ``cache.CrossMemo``) returns the cross-article findings of an identical
    earlier run, and keeps this run's.  ``cross`` gives the cross-article findings computed
    elsewhere (the Spark engine), in place of comparing the results' mentions here.

    ``keep(path, line)`` limits the findings (and suppression notes) reported to some lines,
    after the comparison with every document; suppressed findings are counted, not shown.
    """
    documents, claims, findings, mentions = [], [], [], list(extra_mentions)
    directives, notes = [], []
    for res in results:
        documents.append(res.document)
        claims.extend(res.claims)
        findings.extend(res.findings)
        mentions.extend(res.mentions)
        directives.extend(res.suppressions)
        notes.extend(res.notes)
    if options.cross and (mentions or cross is not None):
        own = {d.path for d in documents}
        if cross is None:
            cross = memo.get() if memo is not None else None
        if cross is None:
            cross = _cross(mentions, rules, options)
            if memo is not None:
                memo.put(cross)
        findings = merge_cross(findings, [f for f in cross if f.path in own], rules)
    findings, suppressed, unused = suppression.apply(findings, directives)
    notes.extend(unused)
    if keep is not None:
        findings = [f for f in findings if keep(f.path, f.line)]
        suppressed = [f for f in suppressed if keep(f.path, f.line)]
        notes = [n for n in notes if keep(n.path, n.line)]
    findings.sort(key=Finding.sort_key)
    return Report(tuple(documents), tuple(claims), tuple(findings), tuple(errors), len(suppressed),
                  tuple(str(n) for n in suppression.sort_notes(notes)))


def merge_cross(findings: list[Finding], cross: Sequence[Finding], rules: RuleSet | None) -> list[Finding]:
    """Add cross-article findings, letting the desk's figure arbitrate where there is one.

    For a fact with a known value the fact finding already says who is off: the other
    articles' agreeing claims are attached to it as ``related``, and no second finding is
    made (nor one against an article that agrees with the desk).
    """
    known = {f.id for f in rules.facts if f.timeline} if rules else set()
    at = {(f.path, f.line, f.column, f.fact): i for i, f in enumerate(findings) if f.kind == "fact"}
    out = list(findings)
    for c in cross:
        if c.fact not in known:
            out.append(c)
            continue
        i = at.get((c.path, c.line, c.column, c.fact))
        if i is not None and not out[i].related:
            out[i] = dataclasses.replace(out[i], related=c.related, agree=c.agree)
    return out


def extract_documents(docs: Iterable[Document], options: Options = Options()) -> Report:
    """Only extraction: every document's located claims, no checks."""
    return check_documents(docs, None, dataclasses.replace(options, cross=False))


__all__ = ["Options", "DocResult", "check_document", "check_documents", "combine", "extract_documents",
           "fact_finding", "merge_cross", "relation_findings", "run"]
