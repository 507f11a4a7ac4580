"""A checked buffer → the diagnostics the editor underlines.

Every finding becomes a diagnostic over its claim (code: the rule id; source ``factcheck``;
severity error, warning or information), with the other articles' claims as related
information; a suppression warning (unused, malformed) becomes a warning; an input problem
(a broken front matter) an error at its line; a broken rule file or configuration an error in
that file.  Positions are converted to the client's
encoding on the text that was checked (``positions.Lines``).
"""
from __future__ import annotations

import os
from typing import Callable

from lsprotocol import types

from factcheck.errors import FactcheckError
from factcheck.lsp.checking import Checked
from factcheck.lsp.hovers import file_uri
from factcheck.lsp.positions import Lines
from factcheck.models import Finding, Severity

SOURCE = "factcheck"
SEVERITIES = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning,
              Severity.INFO: types.DiagnosticSeverity.Information}

LinesFor = Callable[[str], "Lines | None"]


def span(lines: Lines | None, line: int, column: int, end: int, encoding: str) -> types.Range:
    """The range from 1-based ``column`` to ``end`` (code points) on ``line``, in the client's encoding.

    Without the text (``lines`` None) code points are taken for code units.
    """
    if lines is None:
        return types.Range(types.Position(line - 1, column - 1), types.Position(line - 1, end - 1))
    return types.Range(types.Position(*lines.position(line, column, encoding)),
                       types.Position(*lines.position(line, end, encoding)))


def finding_range(lines: Lines, finding: Finding, encoding: str) -> types.Range:
    """The range a finding underlines: its claim, in the client's encoding."""
    return span(lines, finding.line, finding.column, max(finding.end_column, finding.column), encoding)


def disk_lines(cache: dict[str, Lines | None]) -> LinesFor:
    """``lines_for(path)`` reading files from disk once (None when unreadable)."""

    def lines_for(path: str) -> Lines | None:
        if path not in cache:
            try:
                with open(path, encoding="utf-8-sig") as fh:
                    cache[path] = Lines.of(fh.read())
            except (OSError, UnicodeDecodeError):
                cache[path] = None
        return cache[path]
    return lines_for


def finding_diagnostic(lines: Lines, finding: Finding, encoding: str, lines_for: LinesFor) -> types.Diagnostic:
    """One finding as a diagnostic, its related claims (other articles, other figures) attached."""
    related = []
    for r in finding.related:
        if not os.path.exists(r.path):
            continue
        where = span(lines_for(r.path), r.line, r.column, r.column + len(r.text), encoding)
        date = f" ({r.date.isoformat()})" if r.date else ""
        related.append(types.DiagnosticRelatedInformation(
            types.Location(file_uri(r.path), where), f"“{r.text}”{date}"))
    return types.Diagnostic(
        range=finding_range(lines, finding, encoding), message=finding.message,
        severity=SEVERITIES.get(finding.severity, types.DiagnosticSeverity.Warning), code=finding.rule,
        source=SOURCE, related_information=related or None,
        data={"kind": finding.kind, "rule": finding.rule, "line": finding.line, "column": finding.column})


def diagnostics(checked: Checked, encoding: str, lines_for: LinesFor | None = None) -> list[types.Diagnostic]:
    """Every diagnostic of one checked buffer: findings, suppression warnings, input problems."""
    lines = Lines.of(checked.buffer.text)
    lines_for = lines_for or disk_lines({})
    out = [finding_diagnostic(lines, f, encoding, lines_for) for f in checked.findings]
    for note in checked.notes:
        text = lines.line(note.line - 1)
        out.append(types.Diagnostic(
            range=span(lines, note.line, note.column, max(len(text) + 1, note.column), encoding),
            message=note.message, severity=types.DiagnosticSeverity.Warning, code="suppression", source=SOURCE))
    for err in checked.errors:
        line = err.line or 1
        column = err.column or 1
        message = err.message + (f" ({err.hint})" if err.hint else "")
        out.append(types.Diagnostic(
            range=span(lines, line, column, max(len(lines.line(line - 1)) + 1, column), encoding),
            message=message, severity=types.DiagnosticSeverity.Error, code="input", source=SOURCE))
    return out


def problem_diagnostics(problems: list[FactcheckError], encoding: str) -> dict[str, list[types.Diagnostic]]:
    """Broken rule files and configurations as errors in those files, by ``file:`` URI."""
    out: dict[str, list[types.Diagnostic]] = {}
    lines_for = disk_lines({})
    for err in problems:
        if not err.path or not os.path.isfile(err.path):
            continue
        lines = lines_for(err.path)
        line, column = err.line or 1, err.column or 1
        end = max(len(lines.line(line - 1)) + 1, column) if lines else column
        message = err.message + (f" ({err.hint})" if err.hint else "")
        out.setdefault(file_uri(err.path), []).append(types.Diagnostic(
            range=span(lines, line, column, end, encoding), message=message,
            severity=types.DiagnosticSeverity.Error, code=type(err).__name__, source=SOURCE))
    return out


__all__ = ["SEVERITIES", "SOURCE", "diagnostics", "disk_lines", "finding_diagnostic", "finding_range", "problem_diagnostics",
           "span"]
