"""Checking the documents open in the editor, as ``factcheck check`` would check those files.

Each open buffer is read by its file name (``documents.read_text``) and checked against its
project's rules (``check.check_document``, kept per buffer version); the buffers of one project
are then compared with each other, with the configured corpus and with the ``--against``
archive in the one check orchestration (``check.orchestration.run_check``), and the
configuration's overrides are applied.  The result per buffer is a ``Checked`` record the
server turns into diagnostics, hovers and code actions.  Nothing here speaks the protocol.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Sequence

from factcheck.check.engine import DocResult, check_document
from factcheck.check.orchestration import run_check
from factcheck.config import apply_overrides
from factcheck.documents import read_text
from factcheck.errors import FactcheckError
from factcheck.lsp.projects import Project, Projects
from factcheck.models import Document, Finding, Interval, Located
from factcheck.rules import RuleSet

_NOTE = re.compile(r"(\d+):(\d+): (?:warning: )?(.*)\Z", re.S)


@dataclass(frozen=True)
class Buffer:
    """An open document as the editor holds it.

    ``path`` is the name findings show (its extension picks the reader); ``file`` is where
    it lives on disk, None for an unsaved buffer (checked with the workspace's configuration).
    """

    uri: str
    path: str
    version: int | None
    text: str
    file: str | None = None


@dataclass(frozen=True)
class Note:
    """A warning about a suppression in a buffer (malformed, unused), at a 1-based line and column."""

    line: int
    column: int
    message: str


@dataclass(frozen=True)
class Checked:
    """One buffer checked: the documents read from it, their claims, findings, notes and input errors.

    ``documents`` keep their text (the per-document results do not); ``rules`` are the rules
    it was checked with.
    """

    buffer: Buffer
    documents: tuple[Document, ...]
    results: tuple[DocResult, ...]
    findings: tuple[Finding, ...]
    notes: tuple[Note, ...]
    errors: tuple[FactcheckError, ...]
    rules: RuleSet | None

    @property
    def claims(self) -> tuple[Located, ...]:
        """Every claim found in the buffer, in reading order."""
        return tuple(loc for r in self.results for loc in r.claims)

    def claim_at(self, line: int, column: int) -> Located | None:
        """The claim standing at 1-based ``line`` and code-point ``column`` (its end included)."""
        for loc in self.claims:
            if loc.line == line and loc.column <= column <= loc.end_column:
                return loc
        return None

    def findings_at(self, line: int, column: int) -> list[Finding]:
        """The findings whose span covers the position (its end included)."""
        return [f for f in self.findings if f.line == line and f.column <= column <= max(f.end_column, f.column)]

    def findings_between(self, start: tuple[int, int], end: tuple[int, int]) -> list[Finding]:
        """The findings whose span meets the range from ``start`` to ``end`` (1-based line, column)."""
        return [f for f in self.findings
                if start <= (f.line, max(f.end_column, f.column)) and (f.line, f.column) <= end]

    def stated(self, finding: Finding) -> dict[str, Interval]:
        """The figures a relation finding's article states: the first claim of each fact, by id."""
        for result in self.results:
            if any(loc.line == finding.line and loc.column == finding.column for loc in result.claims):
                values: dict[str, Interval] = {}
                for loc in result.claims:
                    if loc.fact and loc.fact not in values:
                        values[loc.fact] = loc.claim.interval
                return values
        return {}


def display_path(path: str) -> str:
    """A file's path as findings show it: relative to the working directory below it, else absolute."""
    rel = os.path.relpath(path)
    return os.path.abspath(path) if rel.startswith("..") else rel


class Checker:
    """The open buffers' checks, with each buffer's per-document results kept per version."""

    def __init__(self, projects: Projects):
        self.projects = projects
        self._kept: dict[str, tuple[tuple, tuple[Document, ...], tuple[DocResult, ...], tuple]] = {}

    def project_of(self, buffer: Buffer) -> Project:
        """The project whose configuration applies to the buffer."""
        return self.projects.for_path(buffer.file)

    def forget(self, uri: str) -> None:
        """Drop what is kept for a closed buffer."""
        self._kept.pop(uri, None)

    def check(self, buffers: Sequence[Buffer]) -> dict[str, Checked]:
        """Every buffer checked, compared with the other buffers of its project; by URI."""
        groups: dict[int, tuple[Project, list[Buffer]]] = {}
        for buffer in buffers:
            project = self.project_of(buffer)
            groups.setdefault(id(project), (project, []))[1].append(buffer)
        out: dict[str, Checked] = {}
        for project, group in groups.values():
            out.update(self._check_project(project, group))
        return out

    def _read(self, project: Project, buffer: Buffer):
        rules = project.rules_for(buffer.path)
        key = (buffer.version, buffer.text if buffer.version is None else None, project.generation,
               id(project), id(rules))
        kept = self._kept.get(buffer.uri)
        if kept is not None and kept[0] == key:
            return kept[1:]
        errors: list[FactcheckError] = []
        try:
            docs = tuple(read_text(buffer.text, buffer.path, on_error=errors.append))
        except FactcheckError as err:
            docs, errors = (), [err]
        results = tuple(check_document(doc, rules, project.options) for doc in docs)
        self._kept[buffer.uri] = (key, docs, results, tuple(errors))
        return docs, results, tuple(errors)

    def _check_project(self, project: Project, buffers: Sequence[Buffer]) -> dict[str, Checked]:
        read = {b.uri: self._read(project, b) for b in buffers}
        rules = project.combined()
        corpus = project.corpus()
        results = [r for b in buffers for r in read[b.uri][1]]
        report = run_check(results, rules, project.options, corpus=corpus, archive=project.archive())
        findings, _ = apply_overrides(report.findings, project.config.overrides, project.config.root)
        out = {}
        for b in buffers:
            docs, mine, errors = read[b.uri]
            out[b.uri] = Checked(b, docs, mine, tuple(f for f in findings if f.path == b.path),
                                 tuple(_notes(report.notes, b.path)), errors, project.rules_for(b.path))
        return out


def _notes(notes: Sequence[str], path: str):
    """The suppression warnings of one path, out of a report's ``path:line:col: warning: …`` lines."""
    for note in notes:
        if note.startswith(path + ":"):
            m = _NOTE.match(note[len(path) + 1:])
            if m:
                yield Note(int(m[1]), int(m[2]), m[3])


__all__ = ["Buffer", "Checked", "Checker", "Note", "display_path"]
