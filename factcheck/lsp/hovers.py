"""What hovering over a claim shows, in Markdown: the claim's interval, the fact it matched
with the figure in force at the document's date, the fact's timeline and source, where the
fact is defined, and the findings at the claim: the other articles that disagree, and a
relation worked through on the article's figures.

Pure text from checked records (``checking.Checked``); the server wraps it in a ``Hover``.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from factcheck.lsp.checking import Checked
from factcheck.models import Finding, Located, fmt_number
from factcheck.rules import Fact
from factcheck.rules.describe import arithmetic, since_text, tolerance_text

QUALIFIERS = {"exact": "exact", "approx": "approximate", "at-least": "at least", "more-than": "more than",
              "at-most": "at most", "less-than": "less than", "range": "a range", "vague": "vague"}


def file_uri(path: str) -> str:
    """The ``file:`` URI of a path (relative paths are taken from the working directory)."""
    return Path(os.path.abspath(path)).as_uri()


def link(path: str, line: int, column: int | None = None) -> str:
    """A Markdown link to a place in a file, shown as ``path:line[:column]``."""
    shown = f"{path}:{line}" + (f":{column}" if column else "")
    if not os.path.exists(path):
        return f"`{shown}`"
    return f"[{shown}]({file_uri(path)}#L{line}{f',{column}' if column else ''})"


def _escape(text: str) -> str:
    return "".join("\\" + ch if ch in "\\`*_[]<>|#" else ch for ch in text)


def claim_line(loc: Located) -> str:
    """The claim in one line: its text, interval, qualifier, unit and counted noun."""
    c = loc.claim
    iv = c.interval
    shown = f"[{fmt_number(iv.low)}, {fmt_number(iv.high)}]" if iv.low == iv.high else str(iv)
    parts = [f"**{_escape(c.text)}**", f"interval **{shown}**", QUALIFIERS.get(c.qualifier, c.qualifier)]
    if c.unit:
        parts.append(f"unit {c.unit}")
    if c.noun:
        parts.append(f"counts *{_escape(c.noun)}*")
    return " · ".join(parts)


def fact_block(fact: Fact, loc: Located) -> list[str]:
    """The fact a claim matched: its figure at the document's date, its timeline, its source."""
    on = loc.date
    when = f"as of {on.isoformat()}" if on else "newest figure (the document has no date)"
    lines = [f"**Fact** `{fact.id}` — {_escape(fact.label)}"]
    exp = fact.expected(on)
    if fact.tracked and not fact.timeline:
        lines.append("tracked: no known figure; compared across articles")
    elif exp is None:
        lines.append(f"no figure {when} (the timeline starts later)")
    else:
        agrees = exp.interval.meets(loc.claim.interval)
        verdict = "the claim agrees" if agrees else f"the claim's {loc.claim.interval} misses {exp.interval}"
        since = f", figure since {exp.as_of.isoformat()}" if exp.as_of else ""
        lines.append(f"Figure **{fmt_number(exp.value)}** {when}{since} · accepted {exp.interval} · {verdict}")
        if exp.source:
            lines.append(f"Source: {_escape(exp.source)}")
    if fact.timeline:
        current = fact.period_index(on)
        lines += ["", "| since | figure | tolerance | source |", "|---|---|---|---|"]
        for i, p in enumerate(fact.timeline):
            mark = "**" if i == current else ""
            source = _escape(p.source or fact.source or "")
            note = f" ({_escape(p.note)})" if p.note else ""
            lines.append(f"| {mark}{since_text(p).removeprefix('from ')}{mark} | {mark}{fmt_number(p.value)}{mark} "
                         f"| {tolerance_text(p)} | {source}{note} |")
    lines += ["", f"Defined in {link(fact.path, fact.line)}"]
    return lines


def _when(date: dt.date | None) -> str:
    return f" ({date.isoformat()})" if date else ""


def finding_block(finding: Finding, checked: Checked) -> list[str]:
    """One finding: severity, rule and message; the other articles; a relation's arithmetic."""
    lines = [f"**{finding.severity}** · `{finding.rule}` ({finding.kind}): {_escape(finding.message)}"]
    if finding.related:
        title = "the other figures in this article" if finding.kind == "relation" else "Other articles that disagree"
        lines += ["", f"{title[0].upper()}{title[1:]}:"]
        for r in finding.related:
            lines.append(f"- {link(r.path, r.line, r.column)} — “{_escape(r.text)}”{_when(r.date)}")
    if finding.kind == "relation" and checked.rules is not None:
        rel = next((r for r in checked.rules.relations if r.id == finding.relation), None)
        if rel is not None:
            lines += ["", "```text", *arithmetic(rel, checked.stated(finding)), "```"]
            lines.append(f"Defined in {link(rel.path, rel.line)}")
    return lines


def hover_markdown(checked: Checked, loc: Located | None, findings: list[Finding]) -> str | None:
    """The hover for a claim (or a finding without one); None when there is nothing to show."""
    blocks: list[list[str]] = []
    if loc is not None:
        blocks.append([claim_line(loc)])
        fact = _fact(checked, loc.fact)
        if fact is not None:
            blocks.append(fact_block(fact, loc))
    blocks.extend(finding_block(f, checked) for f in findings)
    if not blocks:
        return None
    return "\n\n---\n\n".join("\n".join(b) for b in blocks) + "\n"


def _fact(checked: Checked, fact_id: str | None) -> Fact | None:
    if not fact_id or checked.rules is None:
        return None
    try:
        return checked.rules.fact(fact_id)
    except KeyError:
        return None


__all__ = ["QUALIFIERS", "claim_line", "fact_block", "file_uri", "finding_block", "hover_markdown", "link"]
