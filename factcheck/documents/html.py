"""HTML → Document: the visible article text, each piece anchored to where it stands in the file.

Uses the standard library's ``html.parser`` with ``convert_charrefs=False``: every text chunk
and every entity arrives with its exact (line, column) from ``getpos()``, so the source map
needs no guessing.  Scripts, styles, the head and hidden elements are skipped; when the page
has an ``<article>`` or ``<main>``, only their text is kept (without nav and aside).  Block
elements end a line so sentences do not run together; whitespace inside a block is a space.
Inside the article, furniture marked by its class, id or role (share bars, bylines, related
links) is left out too.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from factcheck.documents.dates import parse_date
from factcheck.errors import InputError
from factcheck.models import Document, SourceMap

SKIP = {"script", "style", "noscript", "template", "head", "svg", "math", "iframe", "object",
        "canvas", "select", "button"}
CHROME = {"nav", "aside"}
#: Classes, ids and roles of page furniture inside an article: share bars, bylines ("4 min
#: read"), related links, promotions.  Whole tokens only, so "article-body share-friendly" is kept.
CHROME_CLASSES = frozenset("""share shares share-bar sharebar share-buttons share-tools social social-share
social-links byline article-byline byline-wrapper related related-articles related-links related-content
newsletter newsletter-signup promo advert advertisement ad ads ad-slot breadcrumb breadcrumbs comment-count
comments-count read-time reading-time subscribe paywall cookie-banner cookie-notice tags tag-list""".split())
CHROME_ROLES = frozenset(("navigation", "complementary", "banner", "contentinfo"))
HEAD = {"title", "meta", "link", "style", "script", "base", "noscript", "template"}
MAIN = {"article", "main"}
CLOSES_P = {"address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption",
            "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "main",
            "nav", "ol", "p", "pre", "section", "table", "ul"}
IMPLIED = {"li": ("li",), "dt": ("dt", "dd"), "dd": ("dt", "dd"), "tr": ("tr", "td", "th"),
           "td": ("td", "th"), "th": ("td", "th"), "option": ("option",)}
BLOCK = {"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "li", "ul", "ol",
         "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot",
         "tr", "td", "th", "caption", "blockquote", "pre", "figure", "figcaption", "br", "hr", "form",
         "fieldset", "address", "details", "summary", "body", "html", "title"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr"}
DATE_META = ("article:published_time", "date", "pubdate", "datepublished", "dc.date",
             "dcterms.created", "og:published_time", "publish-date")


class _Page(HTMLParser):
    """Collects text pieces with their place in the file and the state they were found in."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.stack: list[tuple[str, bool, bool, bool, bool]] = []  # tag, skip, main, chrome, pre
        self.pieces: list[tuple] = []  # text, anchors relative to it (None: a break), main, chrome
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.times: list[tuple[bool, str]] = []

    @property
    def state(self) -> tuple[bool, bool, bool, bool]:
        return self.stack[-1][1:] if self.stack else (False, False, False, False)

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): v or "" for k, v in attrs}
        self._close_implied(tag)
        skip, main, chrome, pre = self.state
        if tag == "html" and a.get("lang"):
            self.meta.setdefault("lang", a["lang"].strip())
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and "content" in a:
                self.meta.setdefault(key, a["content"].strip())
        if tag == "time" and a.get("datetime"):
            key = "datepublished" if a.get("itemprop", "").lower() == "datepublished" else None
            if key:
                self.meta.setdefault(key, a["datetime"])
            self.times.append((main or tag in MAIN, a["datetime"]))
        if tag in BLOCK:
            self._break()
        if tag in VOID:
            return
        self.stack.append((tag, skip or tag in SKIP or "hidden" in a or a.get("aria-hidden") == "true",
                           main or tag in MAIN, chrome or tag in CHROME or _furniture(a), pre or tag == "pre"))

    def _close_implied(self, tag: str) -> None:
        """Closes what a new tag ends in HTML: the head, an open p, a sibling li/dt/dd/tr/td."""
        stack = self.stack
        tags = [s[0] for s in stack[:3]]
        if "head" in tags and tag not in HEAD:
            del stack[tags.index("head"):]
        if tag in CLOSES_P:
            while stack and stack[-1][0] == "p":
                stack.pop()
        while stack and stack[-1][0] in IMPLIED.get(tag, ()):
            stack.pop()

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag in BLOCK:
            self._break()

    def _break(self) -> None:
        skip, main, chrome, _ = self.state
        if not skip:
            self.pieces.append(("\n", None, main, chrome))

    def _text(self, text: str) -> None:
        if self.stack and self.stack[-1][0] == "title" and not any(s[0] in ("svg", "body") for s in self.stack):
            self.title_parts.append(text)
            return
        skip, main, chrome, pre = self.state
        if skip or not text:
            return
        line, col = self.getpos()
        anchors = [(0, line, col + 1)]
        pos = text.find("\n")
        while pos != -1:
            line += 1
            anchors.append((pos + 1, line, 1))
            pos = text.find("\n", pos + 1)
        text = text.replace("\r", " ")
        if not pre:
            text = text.replace("\n", " ").replace("\t", " ")
            if not text.strip(" "):
                text, anchors = " ", []
        self.pieces.append((text, anchors, main, chrome))

    def handle_data(self, data):
        self._text(data)

    def handle_entityref(self, name):
        decoded = html.unescape(f"&{name};")
        if decoded == f"&{name};":  # unknown: as written, with its ";" if it had one
            line, col = self.getpos()
            start = self.line_starts[line - 1] + col
            end = start + len(name) + 1
            decoded = self.source[start:end + (self.source[end:end + 1] == ";")]
        self._text(decoded)

    def handle_charref(self, name):
        self._text(html.unescape(f"&#{name};"))


def _furniture(attrs: dict) -> bool:
    """Whether an element's class, id or role marks it as page furniture (see ``CHROME_CLASSES``)."""
    if not attrs:
        return False
    tokens = attrs.get("class", "").lower().split()
    tokens.append(attrs.get("id", "").lower())
    return attrs.get("role", "").lower() in CHROME_ROLES or any(t in CHROME_CLASSES for t in tokens)


def _parse(source: str, path: str) -> _Page:
    """Parses the page; a markup the stdlib parser chokes on (``<![``) is read as a blank."""
    text = source
    for _ in range(100):
        page = _Page(text)
        try:
            page.feed(text)
            page.close()
            return page
        except AssertionError:  # Python < 3.13 asserts on some malformed declarations
            line, col = page.getpos()
            at = text.rfind("<!", 0, sum(len(x) + 1 for x in text.split("\n")[:line - 1]) + col + 2)
            if at < 0:
                break
            text = text[:at] + " " + text[at + 1:]
    line, col = page.getpos()
    raise InputError("cannot parse this HTML", path=path, line=line, column=col + 1)


def read_html(source: str, path: str) -> Document:
    """One HTML page (BOM already removed) as a Document with its date, title and meta tags."""
    page = _parse(source, path)
    has_main = any(p[2] for p in page.pieces)
    parts: list[str] = []
    anchors: list[tuple[int, int, int]] = []
    offset = 0
    last = "\n"
    for text, rel, main, chrome in page.pieces:
        if has_main and (not main or chrome):
            continue
        if rel is None or text == " ":
            if last == "\n" or (last == " " and rel is not None):
                continue
            if last == " ":  # a break after a space: the space becomes the paragraph end
                parts[-1] = parts[-1][:-1] + "\n\n"
                offset += 1
                last = "\n"
                continue
            text = "\n\n" if rel is None else " "
        anchors.extend((offset + at, line, col) for at, line, col in rel or ())
        parts.append(text)
        offset += len(text)
        last = text[-1]
    text = "".join(parts)
    meta = page.meta
    title = meta.get("og:title") or " ".join("".join(page.title_parts).split()) or None
    date = next((d for d in (parse_date(meta.get(k)) for k in DATE_META) if d), None)
    if date is None:
        date = next((d for d in (parse_date(t) for inside, t in page.times if inside or not has_main) if d),
                    None)
    return Document(path=path, text=text, date=date, title=title, meta=dict(meta),
                    source_map=SourceMap(anchors), source=source)

