"""Inline suppressions: comments and front matter that silence findings in part of an article.

* ``<!-- factcheck-ignore ID [ID…] [reason="…"] -->`` covers the next block: in Markdown
  from the comment to the blank line that ends the next paragraph (or the paragraph the
  comment stands in); in HTML (and the markup of a JSON or XML news file) the next element.
* ``<!-- factcheck-disable ID… -->`` … ``<!-- factcheck-enable [ID…] -->`` covers a region,
  to the end of the file when it is not re-enabled.
* Front matter ``factcheck: {disable: [ID…], as_of: YYYY-MM-DD}`` (HTML: ``<meta
  name="factcheck-disable" content="ID…">``, ``<meta name="factcheck-as-of" …>``) covers the
  whole article; ``as_of`` is the date the article is checked at.

An ID matches a finding's rule id, its fact, its relation or its kind (``fact``,
``relation``, ``cross-article``); ``*`` is a wildcard (``captives-*``), there is no other
prefix matching.  Without an ID a directive covers every finding, with a warning.
Everything here is pure: source text and findings in, findings and notes out.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

from factcheck.models import Document, Finding

KEYWORDS = ("factcheck-ignore", "factcheck-disable", "factcheck-enable")
END = (1 << 30, 0)
_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_DIRECTIVE = re.compile(r"\s*(factcheck[\w-]*)(?=\s|$)(.*)\Z", re.S | re.I)
_ARG = re.compile(r"""\s*(?:(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))|([^\s,=]+))[\s,]*""")
_ID = re.compile(r"[a-z0-9*][a-z0-9*._-]*\Z")
_TAG = re.compile(r"<!--.*?-->|<(/?)([A-Za-z][\w-]*)\b[^>]*?(/?)>", re.S)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr"}
AUTOCLOSE = {"p", "li", "dt", "dd", "tr", "td", "th", "option"}
FRONT_KEYS = ("disable", "as_of")


@dataclass(frozen=True)
class Note:
    """A warning about a suppression (malformed, bare, unused), placed in its file."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: warning: {self.message}"


@dataclass(frozen=True)
class Directive:
    """One suppression of one id (``None``: every id) over ``[start, end)`` positions (line, column)."""

    kind: str
    id: str | None
    path: str
    line: int
    column: int
    start: tuple[int, int]
    end: tuple[int, int]
    reason: str | None = None

    def covers(self, f: Finding) -> bool:
        """Whether this directive suppresses ``f`` (same file, inside its span, a matching id)."""
        if f.path != self.path or not (self.start <= (f.line, f.column) < self.end):
            return False
        if self.id is None:
            return True
        names = {f.rule, f.kind, f.fact, f.relation} - {None}
        return any(_id_matches(self.id, n) for n in names)


def _id_matches(pattern: str, name: str) -> bool:
    if "*" not in pattern:
        return pattern == name
    return re.fullmatch(".*".join(re.escape(p) for p in pattern.split("*")), name) is not None


class _Lines:
    """Offset → (line, column) for a source text (1-based)."""

    def __init__(self, text: str):
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def at(self, offset: int) -> tuple[int, int]:
        """(line, column) of ``offset``."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def line_text(self, n: int) -> str:
        """Line ``n`` with its line break."""
        end = self.starts[n] if n < len(self.starts) else len(self.text)
        return self.text[self.starts[n - 1]:end]


def _parse_args(body: str) -> tuple[list[str], dict[str, str], list[str]]:
    ids, named, bad = [], {}, []
    body = body.strip()
    pos = 0
    while pos < len(body):
        m = _ARG.match(body, pos)
        if not m or m.end() == pos:
            bad.append(body[pos:].strip())
            break
        pos = m.end()
        if m[1]:
            named[m[1].lower()] = next(g for g in (m[2], m[3], m[4]) if g is not None)
        elif _ID.match(m[5]):
            ids.append(m[5])
        else:
            bad.append(m[5])
    return ids, named, bad


def _markdown_block(lines: _Lines, end: int) -> tuple[int, int]:
    """From the end of a comment to the blank line that ends the next block (or EOF)."""
    line, _ = lines.at(end)
    rest = lines.text[end:lines.starts[line] if line < len(lines.starts) else len(lines.text)]
    n = line if rest.strip() else line + 1
    total = len(lines.starts)
    while n <= total and not lines.line_text(n).strip():
        n += 1
    while n <= total and lines.line_text(n).strip():
        n += 1
    return (n, 1) if n <= total else END


def _html_element(text: str, end: int) -> int:
    """The offset where the element after a comment ends (the parent's end when none follows)."""
    inner: list[str] = []
    for m in _TAG.finditer(text, end):
        if m[2] is None:
            continue
        closing, tag = m[1], m[2].lower()
        if closing:
            if tag not in inner:
                return m.start()
            del inner[len(inner) - 1 - inner[::-1].index(tag):]
            if not inner:
                return m.end()
        elif tag in VOID or m[3]:
            if not inner:
                return m.end()
        elif inner and tag in AUTOCLOSE and inner[-1] == tag:
            if len(inner) == 1:
                return m.start()
        else:
            inner.append(tag)
    return len(text)


def _html_like(path: str, text: str) -> bool:
    """HTML pages, and the news formats in JSON and XML whose bodies are markup."""
    return path.lower().endswith((".html", ".htm", ".xml", ".json")) or bool(
        re.match(r"\s*<(!doctype\s+html|html|head|body)\b", text[:200], re.I))


def directives(doc: Document) -> tuple[tuple[Directive, ...], tuple[Note, ...]]:
    """The suppressions an article declares (comments in its source, front matter) and warnings."""
    out: list[Directive] = []
    notes: list[Note] = []
    _from_meta(doc, out, notes)
    if doc.source and "factcheck" in doc.source.lower():
        _from_comments(doc.path, doc.source, out, notes)
    return tuple(out), tuple(notes)


def _from_comments(path: str, text: str, out: list, notes: list) -> None:
    lines = _Lines(text)
    html = _html_like(path, text)
    open_regions: list[tuple[str | None, Directive]] = []
    for m in _COMMENT.finditer(text):
        d = _DIRECTIVE.match(m[1])
        if not d:
            continue
        line, col = lines.at(m.start())
        keyword = d[1].lower()
        if keyword not in KEYWORDS:
            import difflib
            close = difflib.get_close_matches(keyword, KEYWORDS, n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]}?)" if close else f" (known: {', '.join(KEYWORDS)})"
            notes.append(Note(path, line, col, f"unknown directive {d[1]}{hint}; it is ignored"))
            continue
        ids, named, bad = _parse_args(d[2])
        for b in bad:
            notes.append(Note(path, line, col, f"{keyword}: {b!r} is not a rule id; it is ignored"))
        for k in named:
            if k != "reason":
                notes.append(Note(path, line, col, f"{keyword}: unknown option {k!r} (only reason=\"…\")"))
        reason = named.get("reason")
        here = lines.at(m.end())
        if keyword == "factcheck-ignore":
            if not ids:
                notes.append(Note(path, line, col, "factcheck-ignore without an id suppresses every finding "
                                                   "in the next block; name the ids"))
            stop = lines.at(_html_element(text, m.end())) if html else _markdown_block(lines, m.end())
            out.extend(Directive("ignore", i, path, line, col, here, stop, reason) for i in ids or [None])
        elif keyword == "factcheck-disable":
            if not ids:
                notes.append(Note(path, line, col, "factcheck-disable without an id suppresses every finding "
                                                   "up to factcheck-enable; name the ids"))
            for i in ids or [None]:
                open_regions.append((i, Directive("disable", i, path, line, col, here, END, reason)))
        else:
            closing = [r for r in open_regions if not ids or r[0] in ids]
            if not closing:
                notes.append(Note(path, line, col, "factcheck-enable without a matching factcheck-disable"))
            for r in closing:
                open_regions.remove(r)
                out.append(Directive(r[1].kind, r[1].id, path, r[1].line, r[1].column, r[1].start,
                                     (line, col), r[1].reason))
    out.extend(r[1] for r in open_regions)


def _front_line(doc: Document) -> tuple[int, int]:
    if doc.source:
        m = re.search(r"^factcheck\s*:|name=[\"']factcheck-", doc.source, re.M | re.I)
        if m:
            return doc.source.count("\n", 0, m.start()) + 1, 1
    return doc.locate(0) if doc.source is None else (1, 1)


def front_matter(meta: Mapping[str, Any]) -> tuple[list[str], Any, list[str]]:
    """``(disable ids, as_of value, problems)`` of an article's ``factcheck`` metadata."""
    problems: list[str] = []
    block = meta.get("factcheck")
    ids: list[str] = []
    as_of = None
    if isinstance(block, Mapping):
        for k in block:
            if k not in FRONT_KEYS:
                problems.append(f"unknown key {k!r} under factcheck: (known: {', '.join(FRONT_KEYS)})")
        raw = block.get("disable") or []
        ids = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list) else []
        if not isinstance(raw, (str, list)):
            problems.append("factcheck.disable must be an id or a list of ids")
        as_of = block.get("as_of")
    elif block is not None:
        problems.append("factcheck: in the front matter must be a mapping (disable, as_of)")
    if isinstance(meta.get("factcheck-disable"), str):
        ids += meta["factcheck-disable"].replace(",", " ").split()
    as_of = as_of if as_of is not None else meta.get("factcheck-as-of")
    flat = [i for raw in ids for i in str(raw).replace(",", " ").split()]
    problems += [f"{i!r} is not a rule id" for i in flat if not _ID.match(i)]
    return [i for i in flat if _ID.match(i)], as_of, problems


def as_of(doc: Document) -> dt.date | None:
    """The date an article asks to be checked at (``factcheck: {as_of: …}``), or None."""
    if not doc.meta:
        return None
    value = front_matter(doc.meta)[1]
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def _from_meta(doc: Document, out: list, notes: list) -> None:
    if not doc.meta or not ("factcheck" in doc.meta or any(k.startswith("factcheck-") for k in doc.meta)):
        return
    ids, when, problems = front_matter(doc.meta)
    line, col = _front_line(doc)
    if when is not None and as_of(doc) is None:
        problems.append(f"factcheck as_of {when!r} is not a date (YYYY-MM-DD)")
    notes.extend(Note(doc.path, line, col, p) for p in problems)
    record = doc.meta.get("record") if doc.source is None else None
    start, end = ((record, 0), (record + 1, 0)) if isinstance(record, int) else ((0, 0), END)
    out.extend(Directive("front matter", i, doc.path, line, col, start, end) for i in ids)


def apply(findings: Sequence[Finding], found: Iterable[Directive]
          ) -> tuple[list[Finding], list[Finding], list[Note]]:
    """``(kept, suppressed, unused-directive notes)``: the findings no directive covers, the rest."""
    by_path: dict[str, list[Directive]] = {}
    for d in found:
        by_path.setdefault(d.path, []).append(d)
    used: set[Directive] = set()
    kept, suppressed = [], []
    for f in findings:
        hits = [d for d in by_path.get(f.path, ()) if d.covers(f)]
        used.update(hits)
        (suppressed if hits else kept).append(f)
    notes = []
    for ds in by_path.values():
        for d in ds:
            if d not in used:
                what = f"'{d.id}'" if d.id else "every id"
                notes.append(Note(d.path, d.line, d.column,
                                  f"unused suppression: factcheck-{d.kind} of {what} matched no finding"
                                  if d.kind != "front matter" else
                                  f"unused suppression: front matter disable of {what} matched no finding"))
    return kept, suppressed, notes


def sort_notes(notes: Iterable[Note]) -> list[Note]:
    """Notes in a stable order: by path, line, column, message; duplicates dropped."""
    return sorted(set(notes), key=lambda n: (n.path, n.line, n.column, n.message))


__all__ = ["Directive", "Note", "KEYWORDS", "directives", "apply", "as_of", "front_matter", "sort_notes"]
