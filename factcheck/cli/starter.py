"""``factcheck rules --new FILE:LINE[:COL]``: a starter rule written from a claim in an article.

The claim's frame gives the rule its words: the counted noun (``hostages`` → ``hostage*``)
becomes the ``all`` term, the predicate (``remain``) the ``any`` term, the article's date the
``from`` of a one-entry timeline, the claim's unit the fact's unit, and an approximate claim
("about 1,800") a 5% tolerance.  The output is YAML to paste into a rule file and edit; it
loads as it is (``factcheck rules --check``).
"""
from __future__ import annotations

import re
from typing import Iterable

import yaml

from factcheck.check.engine import Options, check_document
from factcheck.errors import UsageError
from factcheck.frames import FrameReader
from factcheck.models import Document, Located, fmt_number

_WHERE = re.compile(r"(.+?):(\d+)(?::(\d+))?\Z")
_SLUG = re.compile(r"[^a-z0-9]+")


def parse_where(text: str) -> tuple[str, int, int | None]:
    """``FILE:LINE[:COL]`` → (file, line, column or None); a usage error otherwise."""
    m = _WHERE.match(text)
    if not m:
        raise UsageError(f"invalid claim position {text!r} (expected FILE:LINE or FILE:LINE:COLUMN, as "
                         f"factcheck claims prints it)")
    return m.group(1), int(m.group(2)), int(m.group(3)) if m.group(3) else None


def pick(docs: Iterable[Document], line: int, column: int | None) -> tuple[Document, Located]:
    """The document and claim at ``line`` (the first on it, or the one at ``column``)."""
    for doc in docs:
        located = check_document(doc, None, Options(cross=False)).claims
        on_line = [loc for loc in located if loc.line == line and (column is None or loc.column == column)]
        if on_line:
            return doc, on_line[0]
    raise UsageError(f"no claim at line {line}" + (f", column {column}" if column else ""),
                     hint="factcheck claims FILE lists the claims and where they stand")


def starter_rule(doc: Document, loc: Located) -> str:
    """The YAML of a fact whose figure and terms come from the claim at ``loc``."""
    claim = loc.claim
    reader = FrameReader(doc.text)
    frame = None
    for c in (x.claim for x in check_document(doc, None, Options(cross=False)).claims):
        f = reader.frame(c, doc.date)
        if c.start == claim.start:
            frame = f
            break
    subject = (frame.subject_words if frame and frame.subject_words else claim.noun).split()
    predicate = frame.predicate_words.split()[-1:] if frame and frame.predicate_words else []
    label = " ".join([*subject, *predicate]) or "figure"
    fact: dict = {"id": _SLUG.sub("-", label.lower()).strip("-")[:40] or "new-fact",
                  "label": label[:1].upper() + label[1:]}
    value = int(claim.value) if claim.value == int(claim.value) else claim.value
    entry: dict = {"value": value}
    if doc.date is not None:
        entry["from"] = doc.date
    fact["timeline"] = [entry]
    if claim.qualifier in ("approx", "vague"):
        fact["tolerance"] = "5%"
    if claim.unit:
        fact["unit"] = claim.unit
    fact["source"] = f"{loc.path}:{loc.line} (check and replace with the desk's source)"
    match: dict = {}
    if subject:
        match["all"] = [_term(subject[-1])]
    if predicate:
        match["any"] = [_term(predicate[0])]
    fact["match"] = match or {"any": [claim.text]}
    head = (f"# A starter rule from {loc.path}:{loc.line}:{loc.column} ({claim.text!r}, "
            f"{fmt_number(claim.value)}): check the figure, the source and the terms.\n")
    return head + yaml.safe_dump({"facts": [fact]}, sort_keys=False, allow_unicode=True, width=100)


def _term(word: str) -> str:
    """A match term for a word: its stem with a wildcard, so every form matches ("hostages" →
    ``hostage*``, "casualties" → ``casualt*``, "remained" → ``remain*``)."""
    w = word.lower().strip(".,;:'\"")
    if w.endswith("ies") and len(w) > 5:
        return w[:-3] + "*"
    for suffix in ("ing", "ed", "s"):
        if w.endswith(suffix) and not w.endswith("ss") and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)] + "*"
    return w + "*" if len(w) >= 4 else w


__all__ = ["parse_where", "pick", "starter_rule"]
