"""Markdown → Document: the prose of the file, everything else blanked with spaces.

``text`` is the file itself with front matter, code, HTML, comments, link destinations,
images, URLs and list numbers replaced by spaces (newlines kept), so an offset in ``text``
is an offset in the file and the source map is the identity.  markdown-it-py finds the
blocks; a small scanner finds the inline constructs within each block's lines.
"""
from __future__ import annotations

import html
import re
from typing import Callable

import yaml
from markdown_it import MarkdownIt

from factcheck.documents.dates import DateError, When, day_and_period, parse_when
from factcheck.errors import FactcheckError, InputError
from factcheck.models import Document, SourceMap

DATE_KEYS = ("date", "published", "published_at", "pubdate")
#: Front matter read at most: characters, and keys and values (see ``front_matter``).
MAX_FRONT_MATTER = 64 * 1024
MAX_VALUES = 10_000
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT = re.compile(r"---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_URL_END = r"[^\s<>.,;:!?'\")\]*_]"
_INLINE = re.compile(
    r"(?P<escape>\\[!-/:-@\[-`{-~])"
    r"|(?P<comment><!--.*?-->)"
    r"|(?P<code>`+)"
    r"|(?P<autolink><[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>|<[^\s<>@]+@[^\s<>@]+>)"
    r"|(?P<tag></?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*"
    r"(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*\s*/?>)"
    r"|(?P<image>!\[[^\]]{0,2000}\](?:\([^)]{0,2000}\)|\[[^\]]{0,2000}\])?)"
    r"|\](?P<dest>\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\))"
    r"|\](?P<label>\[[^\]]{0,2000}\])"
    r"|(?P<url>(?:https?|ftp)://[^\s<>]*" + _URL_END + r"|www\.[^\s<>]*" + _URL_END + r")"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)",
    re.S)
_parser = MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("inline")  # blocks only


def _plain(markdown: str) -> str:
    """A heading's text without its inline markup: ``The *big* [story](u)`` → ``The big story``."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    return " ".join(re.sub(r"[`*_~]+|<[^>]*>", "", text).split())


def front_matter(text: str, path: str, on_error: Callable[[FactcheckError], None]) -> tuple[int, dict]:
    """The length of a leading ``---`` YAML block (0 when there is none) and its mapping.

    A broken block is reported to ``on_error`` as an ``InputError`` naming its line; the block
    still counts as front matter (it is blanked) and the body is read.  So is a block longer
    than ``MAX_FRONT_MATTER`` characters or holding more than ``MAX_VALUES`` keys and values
    (aliases counted as often as they are used): its metadata is not read (200,000 keys once
    took 24 s and 452 MB; an alias bomb would have no end).
    """
    m = _FRONT.match(text)
    if not m:
        return 0, {}
    if len(m[1]) > MAX_FRONT_MATTER:
        on_error(InputError(f"front matter of {len(m[1]):,} characters is longer than {MAX_FRONT_MATTER:,}; "
                            "its metadata is not read", path=path, line=1, column=1))
        return m.end(), {}
    try:
        data = yaml.load(m[1], Loader=_LOADER)
    except (yaml.YAMLError, ValueError, OverflowError) as e:  # ValueError: a date like 2020-99-01
        mark = getattr(e, "problem_mark", None)
        reason = getattr(e, "problem", None) or str(e) or "invalid YAML"
        on_error(InputError(f"broken front matter: {reason}", path=path,
                            line=mark.line + 2 if mark else 1, column=mark.column + 1 if mark else None))
        return m.end(), {}
    if data is None:
        return m.end(), {}
    if not isinstance(data, dict):
        on_error(InputError("front matter is not a mapping of keys to values", path=path, line=2))
        return m.end(), {}
    if _values(data) > MAX_VALUES:
        on_error(InputError(f"front matter holds more than {MAX_VALUES:,} keys and values; its metadata is not read",
                            path=path, line=1, column=1))
        return m.end(), {}
    return m.end(), {str(k): v for k, v in data.items()}


def _values(data, limit: int = MAX_VALUES) -> int:
    """How many keys and values ``data`` holds, nested ones and repeated aliases included;
    counting stops past ``limit``."""
    count, stack = 0, [data]
    while stack and count <= limit:
        item = stack.pop()
        count += 1
        if isinstance(item, dict):
            count += len(item)
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set)):
            stack.extend(item)
    return count


class _Buffer:
    """The file's characters, blanked range by range (newlines survive)."""

    def __init__(self, text: str):
        self.chars = list(text)
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def blank(self, start: int, end: int) -> None:
        chars = self.chars
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "

    def line(self, n: int) -> tuple[int, int]:
        """Start and end (before its newline) of 0-based line ``n``."""
        start = self.starts[n]
        end = self.starts[n + 1] - 1 if n + 1 < len(self.starts) else len(self.chars)
        return start, end

    def blank_first(self, n: int, marker: str) -> None:
        """Blanks the first ``marker`` on line ``n`` that stands after container prefixes."""
        start, end = self.line(n)
        m = re.compile(r"[ \t>*+-]*?(" + re.escape(marker) + r")(?=[ \t]|$)").match(
            "".join(self.chars[start:end]))
        if m:
            self.blank(start + m.start(1), start + m.end(1))

    def text(self) -> str:
        return "".join(self.chars)


def _scan(buf: _Buffer, start: int, end: int) -> None:
    """Blanks the inline non-prose constructs between two offsets."""
    segment = "".join(buf.chars[start:end])
    pos = 0
    unclosed: set[str] = set()  # backtick runs no later run closes (searched once each)
    while True:
        m = _INLINE.search(segment, pos)
        if not m:
            return
        kind, pos = m.lastgroup, m.end()
        a, b = m.span(kind)
        if kind == "code":
            close = None if m[kind] in unclosed else re.compile(r"(?<!`)" + m[kind] + r"(?!`)").search(segment, pos)
            if not close:
                unclosed.add(m[kind])
                continue
            b = pos = close.end()
        elif kind == "escape":
            continue
        elif kind == "entity":
            decoded = html.unescape(m[kind])
            if len(decoded) == 1:
                buf.blank(start + a + 1, start + b)
                buf.chars[start + a] = decoded if decoded != "\n" else " "
            continue
        buf.blank(start + a, start + b)


def read_markdown(text: str, path: str, on_error: Callable[[FactcheckError], None]) -> Document:
    """One Markdown file (BOM already removed) as a Document; front matter gives date, title, meta."""
    fm_end, meta = front_matter(text, path, on_error)
    buf = _Buffer(text.replace("\r", " "))  # lines end at "\n" only, for markdown-it and us alike
    buf.blank(0, fm_end)
    tokens = _parser.parse(buf.text())
    prose: set[int] = set()
    heading = None
    for i, tok in enumerate(tokens):
        if tok.type == "inline" and tok.map:
            prose.update(range(*tok.map))
            if heading is None and tokens[i - 1].type == "heading_open" and tokens[i - 1].tag == "h1":
                heading = _plain(tok.content)
    for n in range(len(buf.starts)):
        if n not in prose:
            buf.blank(*buf.line(n))
    for tok in tokens:
        if tok.type == "list_item_open" and tok.info and tok.map:
            buf.blank_first(tok.map[0], tok.info + tok.markup)
        elif tok.type == "heading_open" and tok.markup.startswith("#") and tok.map:
            buf.blank_first(tok.map[0], tok.markup)
    for first, last in sorted({tuple(t.map) for t in tokens if t.type == "inline" and t.map}):
        _scan(buf, buf.starts[first], buf.line(last - 1)[1])
    when = _front_date(text, fm_end, meta, path, on_error)
    title = meta.get("title")
    title = str(title) if title is not None else (heading or None)
    return Document(path=path, text=buf.text(), title=title, meta=meta,
                    source_map=SourceMap.for_text(text), source=text, **day_and_period(when))


def _front_date(text: str, fm_end: int, meta: dict, path: str, on_error) -> When | None:
    """The front matter's date; an unreadable one is reported at its own line, and the article
    is read as undated."""
    key = next((k for k in DATE_KEYS if meta.get(k) is not None), None)
    if key is None:
        return None
    try:
        return parse_when(meta[key])
    except DateError as e:
        m = re.search(rf"^{re.escape(key)}[ \t]*:", text[:fm_end], re.M)
        line = text.count("\n", 0, m.start()) + 1 if m else 1
        column = m.end() - m.start() + 2 if m else None
        on_error(InputError(f"{e}; the article is read as undated", path=path, line=line, column=column))
        return None
