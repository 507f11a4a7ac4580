"""Baselines: accept today's findings so that CI fails only on new ones.

A baseline file is versioned JSON listing one entry per accepted finding (fingerprint,
rule, path, text, message), sorted, so it diffs well and is byte-identical for the same
findings.  Comparing findings with a baseline splits them into new ones (reported) and
known ones (counted), and lists the stale entries no finding matches any more (delete
them to shrink the file).  Entries match by fingerprint, so line shifts and edits
elsewhere in an article do not matter.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any, Sequence

import yaml

from factcheck.errors import InputError
from factcheck.report.fingerprint import fingerprints, normalize_path
from factcheck.models import Finding

VERSION = 1
_FIELDS = ("fingerprint", "rule", "path", "text", "message")


@dataclass(frozen=True)
class Entry:
    """One accepted finding."""

    fingerprint: str
    rule: str
    path: str
    text: str
    message: str

    def as_dict(self) -> dict[str, str]:
        """Builtin values only, for the baseline file."""
        return {k: getattr(self, k) for k in _FIELDS}


@dataclass(frozen=True)
class Comparison:
    """Findings against a baseline: the new findings, how many were known, the stale entries."""

    new: tuple[Finding, ...]
    known: int
    stale: tuple[Entry, ...]

    def as_dict(self) -> dict[str, Any]:
        """Builtin values only, for the baseline file."""
        return {"suppressed": self.known, "new": len(self.new), "stale": [e.as_dict() for e in self.stale]}


def entries(findings: Sequence[Finding]) -> tuple[Entry, ...]:
    """Baseline entries for ``findings``, sorted by path, rule, text and fingerprint."""
    out = [Entry(fp, f.rule, normalize_path(f.path), f.text, f.message)
           for f, fp in zip(findings, fingerprints(findings))]
    return tuple(sorted(out, key=lambda e: (e.path, e.rule, e.text, e.fingerprint)))


def dumps(findings: Sequence[Finding]) -> str:
    """The baseline file for ``findings``."""
    data = {"version": VERSION, "tool": "factcheck", "findings": [e.as_dict() for e in entries(findings)]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def loads(text: str, path: str = "<baseline>") -> tuple[Entry, ...]:
    """The entries of a baseline file; ``InputError`` (with line and column) when it is not one."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"not a baseline file: invalid JSON ({e.msg})", path=path, line=e.lineno,
                         column=e.colno, hint="write one with --write-baseline") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise InputError("not a baseline file: expected an object with a 'findings' list", path=path,
                         hint="write one with --write-baseline")
    if data.get("version") != VERSION:
        raise InputError(f"unsupported baseline version {data.get('version')!r} (this factcheck reads "
                         f"version {VERSION})", path=path, hint="write it again with --write-baseline")
    out = []
    for i, item in enumerate(data["findings"]):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in _FIELDS):
            raise InputError(f"baseline entry {i + 1} must have string fields {', '.join(_FIELDS)}",
                             path=path, **_place_of_entry(text, i))
        out.append(Entry(*(item[k] for k in _FIELDS)))
    return tuple(out)


def load(path: str) -> tuple[Entry, ...]:
    """Read a baseline file; a missing or unreadable file is an ``InputError``."""
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except FileNotFoundError:
        raise InputError("no such baseline file", path=path, hint="create it with --write-baseline") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read baseline: {getattr(e, 'strerror', None) or e}", path=path) from None
    return loads(text, path)


def compare(findings: Sequence[Finding], baseline: Sequence[Entry]) -> Comparison:
    """Split ``findings`` into new and known ones; each baseline entry accepts one finding."""
    left = Counter(e.fingerprint for e in baseline)
    new = []
    for f, fp in zip(findings, fingerprints(findings)):
        if left[fp] > 0:
            left[fp] -= 1
        else:
            new.append(f)
    stale = []
    for e in baseline:
        if left[e.fingerprint] > 0:
            left[e.fingerprint] -= 1
            stale.append(e)
    return Comparison(tuple(new), len(findings) - len(new), tuple(stale))


def _place_of_entry(text: str, index: int) -> dict[str, int]:
    """``line``/``column`` where the ``index``-th entry starts (JSON read as YAML keeps positions)."""
    try:
        root = yaml.compose(text)
        node = next(v for k, v in root.value if k.value == "findings")
        mark = node.value[index].start_mark
        return {"line": mark.line + 1, "column": mark.column + 1}
    except Exception:  # only a nicety: no place rather than a crash
        return {}


__all__ = ["Comparison", "Entry", "VERSION", "compare", "dumps", "entries", "load", "loads"]
