"""Reports → text.  Each reporter is a small pure function ``Report -> str``.

The table and JSON reporters of ``factcheck check`` (the registry of every format is
``report.formats.FORMATS``), those of ``factcheck claims`` (``CLAIM_REPORTERS``) and, one
document at a time, those of ``factcheck text`` (``DOCUMENT_REPORTERS``).
"""
from __future__ import annotations

import json
import re
import textwrap
from collections import defaultdict
from typing import Callable


from factcheck.errors import shown
from factcheck.report.fingerprint import fingerprints
from factcheck.models import Document, Finding, Report, Severity, fmt_number

VERDICTS = {"fact": "inconsistent", "relation": "does not add up", "cross-article": "disagrees"}


def expected_text(f: Finding) -> str:
    """The "expected" cell: the fact's figure (and interval), or what the other articles say
    ("58, in 4 other articles")."""
    if f.expected is not None:
        e = f.expected
        if e.interval.low == e.interval.high:
            return fmt_number(e.value)
        return f"{fmt_number(e.value)} {e.interval}"
    if f.related:
        vals = list(dict.fromkeys(_said(r) for r in sorted(f.related, key=lambda r: r.value)))
        said = " / ".join(vals[:3]) + (" …" if len(vals) > 3 else "")
        if f.kind == "cross-article":
            n = f.agree or len(f.related)
            return f"{said}, in {n} other article{'s' if n != 1 else ''}"
        return said
    return ""


def _said(r) -> str:
    return fmt_number(r.value) if r.text.replace(",", "").replace(".", "").isdigit() else r.text


def verdict_text(f: Finding) -> str:
    """The "verdict" cell: inconsistent, does not add up, evolving; and the severity."""
    v = VERDICTS.get(f.kind, f.kind)
    if f.kind == "cross-article":
        v = "evolving" if f.severity == Severity.INFO else "inconsistent"
    return f"{v} ({f.severity})"


def why_text(f: Finding, limit: int = 3) -> str:
    """The "why" cell: the message, then, for a cross-article finding, where the other articles
    say it: ``a.md:3 (2025-03-01): 58``."""
    if f.kind != "cross-article" or not f.related:
        return f.message
    shown = [f"{r.path}:{r.line} ({r.date.isoformat() if r.date else 'undated'}): {r.text}" for r in f.related[:limit]]
    more = len(f.related) - limit
    return f.message + " — see " + "; ".join(shown) + (f"; and {more} more" if more > 0 else "")


def _wrap(cells: tuple[str, ...], widths: tuple[int | None, ...]) -> tuple[str, ...]:
    """Cells wrapped to at most ``widths`` characters (tabulate's own wrapping parses ``2,000`` as a number)."""
    return tuple(c if w is None else "\n".join(textwrap.wrap(c, w, break_on_hyphens=False)) or c
                 for c, w in zip(cells, widths))


def summary_line(report: Report) -> str:
    """``3 inconsistencies in 2 of 11 articles; 47 claims checked, 19 matched a fact``."""
    n = len(report.findings)
    docs = len({_document_of(f.path, f.line, report) for f in report.findings})
    matched = sum(1 for c in report.claims if c.fact)
    line = (f"{n} inconsistenc{'y' if n == 1 else 'ies'} in {docs} of {len(report.documents)} "
            f"article{'' if len(report.documents) == 1 else 's'}; {_count(len(report.claims), 'claim')} checked, "
            f"{matched} matched a fact")
    if report.suppressed:
        line += f"; {report.suppressed} suppressed"
    if report.baseline:
        line += f"; {report.baseline.get('suppressed', 0)} in the baseline"
    if report.errors:
        line += f"; {len(report.errors)} input error{'' if len(report.errors) == 1 else 's'}"
    return line


def _count(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _document_of(path: str, line: int, report: Report) -> tuple[str, int]:
    """The document a finding stands in: its file, and for a file of several records (JSON
    Lines, a feed of stories) the record that starts at or before its line."""
    starts = _record_starts(report).get(path)
    if not starts:
        return path, 0
    import bisect
    i = bisect.bisect_right(starts, line)
    return path, starts[i - 1] if i else 0


def _record_starts(report: Report) -> dict[str, list[int]]:
    out: dict[str, list[int]] = defaultdict(list)
    for d in report.documents:
        if "record" in d.meta:
            out[d.path].append(int(d.meta["record"]))
    return {p: sorted(v) for p, v in out.items()}


def table(report: Report) -> str:
    """One table per document with findings, sorted by line, then the summary line."""
    from tabulate import tabulate
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        by_path[f.path].append(f)
    blocks = []
    for path in sorted(by_path):
        rows = [_wrap((f"{f.line}:{f.column}", f.text, f.rule, expected_text(f), verdict_text(f), why_text(f)),
                      (None, 24, 26, 18, 22, 70))
                for f in sorted(by_path[path], key=Finding.sort_key)]
        blocks.append(shown(path) + "\n" + tabulate(
            rows, headers=("line:col", "claim", "fact", "expected", "verdict", "why"),
            tablefmt="simple", disable_numparse=True))
    blocks.append(summary_line(report))
    return "\n\n".join(blocks) + "\n"


def as_json(report: Report) -> str:
    """The versioned JSON document (``version: 1``); byte-identical for the same input.

    Each finding also carries its ``fingerprint``; ``baseline`` is present when a baseline was used.
    """
    data = report.as_dict()
    for f, fp in zip(data["findings"], fingerprints(report.findings)):
        f["fingerprint"] = fp
    if report.baseline is not None:
        data["baseline"] = dict(report.baseline)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def claims_table(report: Report) -> str:
    """Every claim: where, what, its value (when the text states one number), interval, unit,
    qualifier and counted noun."""
    from tabulate import tabulate
    rows = []
    for c in report.claims:
        cl = c.claim
        value = fmt_number(cl.value) if cl.low == cl.high else ""
        rows.append((f"{shown(c.path)}:{c.line}:{c.column}", cl.text, value, str(cl.interval),
                     cl.unit or "", cl.qualifier, cl.noun, c.fact or "", "\n".join(textwrap.wrap(c.why, 60))))
    headers = ("where", "claim", "value", "interval", "unit", "qualifier", "noun", "fact", "why")
    if not any(c.why for c in report.claims):
        rows = [r[:-1] for r in rows]
        headers = headers[:-1]
        if not any(c.fact for c in report.claims):
            rows = [r[:-1] for r in rows]
            headers = headers[:-1]
    out = tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True) if rows else ""
    n_docs = len(report.documents)
    tail = f"{_count(len(report.claims), 'claim')} in {_count(n_docs, 'document')}"
    if report.errors:
        tail += f"; {len(report.errors)} input error{'' if len(report.errors) == 1 else 's'}"
    return (out + "\n\n" if out else "") + tail + "\n"


def claims_json(report: Report) -> str:
    """Claims only, in the same versioned envelope as ``as_json``."""
    d = report.as_dict()
    d.pop("findings")
    d.pop("suppressed")
    return json.dumps(d, indent=2, ensure_ascii=False) + "\n"


CLAIM_REPORTERS: dict[str, Callable[[Report], str]] = {"table": claims_table, "json": claims_json}


def document_text(doc: Document) -> str:
    """A header line (where, date, id, title), then the text claims are taken from, with runs of
    spaces (blanked markup, indentation) and of blank lines closed up for reading."""
    where = f"{shown(doc.path)}:{doc.meta['record']}" if "record" in doc.meta else shown(doc.path)
    head = " · ".join(str(x) for x in (where, doc.date, doc.meta.get("id") and f"id {doc.meta['id']}", doc.title)
                      if x)
    lines = (" ".join(line.split()) for line in doc.text.split("\n"))
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return f"==> {head} <==\n{body}\n\n"


def document_jsonl(doc: Document) -> str:
    """One JSON object: path, id, date, title and the text exactly as claims are taken from it."""
    return json.dumps({"path": doc.path, "id": doc.meta.get("id"), "date": doc.date.isoformat() if doc.date else None,
                       "title": doc.title, "text": doc.text}, ensure_ascii=False) + "\n"


DOCUMENT_REPORTERS: dict[str, Callable[[Document], str]] = {"text": document_text, "jsonl": document_jsonl}
