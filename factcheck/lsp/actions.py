"""Code actions on a finding: suppress it with a comment, open the rule file at the fact,
show a relation's arithmetic.

The suppression is the inline comment of docs/config.md in the document's own syntax
(``check.suppression``): in Markdown and plain text ``<!-- factcheck-ignore ID reason="…" -->``
on its own line above the paragraph holding the finding (an ignore covers the next block;
above the paragraph, the comment does not split it); in HTML the same comment just before the
claim (it covers the rest of the element).  JSON Lines records have no comments: no action.
"""
from __future__ import annotations

import os
import re
from typing import Callable

from lsprotocol import types

from factcheck.lsp.checking import Checked
from factcheck.lsp.hovers import file_uri
from factcheck.lsp.positions import Lines
from factcheck.models import Finding
from factcheck.rules.describe import arithmetic

OPEN_RULE = "factcheck.openRule"
SHOW_ARITHMETIC = "factcheck.showArithmetic"
REASON = "TODO: why this figure stands"
_HTML = re.compile(r"\s*<(!doctype\s+html|html|head|body)\b", re.I)


def comment(rule: str, reason: str = REASON) -> str:
    """The suppression comment for one rule id."""
    return f'<!-- factcheck-ignore {rule} reason="{reason.replace(chr(34), chr(39))}" -->'


def syntax(path: str, text: str) -> str | None:
    """How a suppression is written in this document: ``block``, ``inline`` (HTML) or None (JSON
    Lines and the JSON and XML news formats, whose text is inside their structure)."""
    ext = os.path.splitext(path)[1].lower()
    if ext in (".jsonl", ".ndjson", ".json", ".xml"):
        return None
    if ext in (".html", ".htm") or _HTML.match(text[:200]):
        return "inline"
    return "block"


def suppression_insert(text: str, path: str, finding: Finding) -> tuple[int, str] | None:
    """Where (a code-point offset into ``text``) and what to insert to suppress ``finding``."""
    how = syntax(path, text)
    if how is None:
        return None
    lines = Lines.of(text)
    if how == "inline":
        return lines.offset(finding.line - 1, finding.column - 1, "utf-32"), comment(finding.rule) + " "
    first = finding.line - 1
    while first > 0 and lines.line(first - 1).strip():
        first -= 1
    indent = re.match(r"[ \t]*", lines.line(first)).group()
    return lines.starts[first] if first < len(lines.starts) else len(text), f"{indent}{comment(finding.rule)}\n"


def code_actions(checked: Checked, findings: list[Finding], text: str, encoding: str,
                 diagnostics: Callable[[Finding], list[types.Diagnostic]]) -> list[types.CodeAction]:
    """The actions on ``findings`` of one buffer whose current text is ``text``.

    ``diagnostics(finding)`` gives the client's diagnostics the action resolves.
    """
    out: list[types.CodeAction] = []
    lines = Lines.of(text)
    uri = checked.buffer.uri
    seen: set[tuple] = set()
    for f in findings:
        key = (f.rule, f.line)
        insert = suppression_insert(text, checked.buffer.path, f) if key not in seen else None
        seen.add(key)
        if insert is not None:
            at = types.Position(*lines.at_offset(insert[0], encoding))
            edit = types.WorkspaceEdit(changes={uri: [types.TextEdit(types.Range(at, at), insert[1])]})
            out.append(types.CodeAction(f"Suppress {f.rule} here (factcheck-ignore with a reason)",
                                        kind=types.CodeActionKind.QuickFix, edit=edit,
                                        diagnostics=diagnostics(f) or None))
        where = _rule_place(checked, f)
        if where is not None:
            out.append(types.CodeAction(
                f"Open the rule file at {f.relation or f.fact}", kind=types.CodeActionKind.QuickFix,
                command=types.Command(title=f"Open {where[0]}:{where[1]}", command=OPEN_RULE,
                                      arguments=[where[0], where[1]])))
        if f.kind == "relation":
            work = _arithmetic(checked, f)
            if work:
                out.append(types.CodeAction(
                    f"Show the arithmetic of {f.relation}", kind=types.CodeActionKind.QuickFix,
                    command=types.Command(title="Show the arithmetic", command=SHOW_ARITHMETIC,
                                      arguments=["\n".join(work)])))
    return out


def _rule_place(checked: Checked, f: Finding) -> tuple[str, int] | None:
    """The rule file and line of a finding's relation or fact."""
    rules = checked.rules
    if rules is None:
        return None
    for item in (*rules.relations, *rules.facts):
        if item.id in (f.relation, f.fact) and (f.relation is None or item.id == f.relation):
            return os.path.abspath(item.path), item.line
    return None


def _arithmetic(checked: Checked, f: Finding) -> list[str]:
    rel = next((r for r in checked.rules.relations if r.id == f.relation), None) if checked.rules else None
    return arithmetic(rel, checked.stated(f)) if rel is not None else []


def show_document(path: str, line: int) -> types.ShowDocumentParams:
    """The ``window/showDocument`` request that opens a rule file at a 1-based line."""
    at = types.Position(max(line - 1, 0), 0)
    return types.ShowDocumentParams(uri=file_uri(path), take_focus=True, selection=types.Range(at, at))


__all__ = ["OPEN_RULE", "REASON", "SHOW_ARITHMETIC", "code_actions", "comment", "show_document",
           "suppression_insert", "syntax"]
