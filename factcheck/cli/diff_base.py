"""The lines git says changed since a base revision, for ``check --diff-base REF``.

Changed means: different between the merge base of ``REF`` and ``HEAD`` (``git diff
REF...HEAD``) and the working tree, so commits on this branch plus staged and unstaged
edits count; so do untracked files that git does not ignore (every line).  Lines only
deleted change nothing that remains.  Every git problem is a ``UsageError``.
"""
from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from typing import Mapping, Sequence

from factcheck.errors import UsageError

_HUNK = re.compile(r"@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
ALL = None


@dataclass(frozen=True)
class Changes:
    """Changed lines per file (relative to the repository's top, ``/``-separated).

    A file maps to a frozenset of line numbers, or to ``None`` when every line is new.
    """

    top: str
    files: Mapping[str, frozenset[int] | None]
    base: str = ""

    def covers(self, path: str, line: int) -> bool:
        """True when ``line`` of the file at ``path`` (as findings show it) changed."""
        rel = self.relative(path)
        if rel not in self.files:
            return False
        lines = self.files[rel]
        return lines is None or line in lines

    def relative(self, path: str) -> str:
        """``path`` relative to the repository's top, with forward slashes."""
        real = os.path.realpath(path)
        return os.path.relpath(real, self.top).replace(os.sep, "/")


def _git(args: Sequence[str], cwd: str) -> str:
    try:
        proc = subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=cwd,
                              capture_output=True, text=True, encoding="utf-8", errors="replace")
    except FileNotFoundError:
        raise UsageError("--diff-base needs git, which is not installed or not on PATH") from None
    if proc.returncode != 0:
        raise _GitFailed(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "git failed")
    return proc.stdout


class _GitFailed(Exception):
    pass


def _unquote(name: str) -> str:
    if not (name.startswith('"') and name.endswith('"')):
        return name
    raw = name[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
    return raw.encode("latin-1").decode("utf-8", "replace")


def parse_diff(text: str) -> dict[str, frozenset[int] | None]:
    """``git diff --unified=0`` output → the added or changed line numbers of each new-side file."""
    files: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in text.splitlines():
        if line.startswith("+++ "):
            name = line[4:].rstrip("\t")
            if name == "/dev/null":
                current = None
                continue
            name = _unquote(name)
            name = name[2:] if name.startswith("b/") else name
            current = files.setdefault(name, set())
        elif line.startswith("@@") and current is not None:
            m = _HUNK.match(line)
            if m:
                start, count = int(m[1]), int(m[2]) if m[2] is not None else 1
                current.update(range(start, start + count))
    return {k: frozenset(v) for k, v in files.items()}


def changes(base: str, cwd: str = ".") -> Changes:
    """What changed since ``base`` (merge-base semantics) in the repository around ``cwd``."""
    try:
        top = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    except _GitFailed:
        raise UsageError(f"--diff-base needs a git repository, and {os.path.abspath(cwd)} is not in one") from None
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], top)
    except _GitFailed:
        raise UsageError(f"--diff-base: unknown git revision {base!r}",
                         hint="a branch, tag or commit, e.g. origin/main or HEAD~1") from None
    try:
        head = _git(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], top).strip()
        merge_base = _git(["merge-base", base, head], top).strip()
    except _GitFailed as e:
        raise UsageError(f"--diff-base: no common ancestor of {base!r} and HEAD ({e})") from None
    try:
        diff = _git(["diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-renames",
                     "--diff-filter=d", merge_base, "--"], top)
        untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], top)
    except _GitFailed as e:
        raise UsageError(f"--diff-base: git diff failed: {e}") from None
    files: dict[str, frozenset[int] | None] = dict(parse_diff(diff))
    for name in filter(None, untracked.split("\0")):
        files[name] = ALL
    return Changes(os.path.realpath(top), files, merge_base)


__all__ = ["Changes", "changes", "parse_diff"]
