"""Fingerprints: a stable name for a finding that survives line shifts and edits elsewhere.

A fingerprint hashes what a finding is about, never where it stands: the kind and rule id,
the file, the fact (or cross-article key) and the claim text, lowercased with whitespace
collapsed.  Identical findings in one file are told apart by their occurrence index among
themselves (in reading order), so two ``59 hostages`` claims in one article get two names.
CI systems (SARIF ``partialFingerprints``, GitLab Code Quality) and baselines use them.
"""
from __future__ import annotations

import posixpath
import re
from typing import Sequence

from factcheck.models import Finding

VERSION = "factcheck/v1"
LENGTH = 32
_SPACE = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """``"  59\\n Hostages "`` → ``"59 hostages"``."""
    return _SPACE.sub(" ", text).strip().lower()


def normalize_path(path: str) -> str:
    """A path as fingerprints and CI formats want it: forward slashes, no ``./``."""
    if path.startswith("<"):
        return path
    return posixpath.normpath(path.replace("\\", "/"))


def identity(finding: Finding) -> tuple[str, str, str, str, str]:
    """What a finding is about: ``(kind, rule, path, fact or key, normalized claim text)``."""
    return (finding.kind, finding.rule, normalize_path(finding.path), finding.fact or finding.key or "",
            normalize_text(finding.text))


def fingerprint(finding: Finding, occurrence: int = 0) -> str:
    """The hex SHA-256 prefix naming ``finding`` (``occurrence``: its index among identical ones)."""
    import hashlib
    parts = (VERSION, *identity(finding), str(occurrence))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:LENGTH]


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """The fingerprint of each finding, in the order given; duplicates numbered in reading order."""
    order = sorted(range(len(findings)), key=lambda i: findings[i].sort_key())
    seen: dict[tuple[str, ...], int] = {}
    out = [""] * len(findings)
    for i in order:
        ident = identity(findings[i])
        n = seen.get(ident, 0)
        seen[ident] = n + 1
        out[i] = fingerprint(findings[i], n)
    return out


__all__ = ["VERSION", "fingerprint", "fingerprints", "identity", "normalize_path", "normalize_text"]
