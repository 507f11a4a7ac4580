"""HTML → Document: the article text of a page, each piece anchored to where it stands in the file.

Uses the standard library's ``html.parser`` with ``convert_charrefs=False``: every text chunk
and every entity arrives with its exact place from ``getpos()``, so the source map needs no
guessing.  Scripts, styles, the head and hidden elements are skipped.  Which blocks of a
page are the article is decided by ``article_blocks`` (trafilatura, aligned back onto these
chunks), never nav or aside; when it finds none, and in a fragment without ``<html>``,
``<head>`` or ``<body>``, the ``<article>`` or ``<main>`` is kept (without nav, aside and
furniture marked by its class, id or role), else everything.  Block elements
end a line so sentences do not run together; whitespace inside a block is a space.
``html_fragment`` reads markup embedded in another format (a JSON string, an XML element).
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from factcheck.documents.dates import day_and_period, when_or_none
from factcheck.documents.offsets import MappedText, OffsetMap
from factcheck.errors import InputError
from factcheck.models import Document

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
#: How sure a piece is page chrome: inside a landmark (nav, aside, a navigation role), which
#: is never the article, or inside furniture named by its class, left out unless trafilatura
#: chose the article (class names are a guess; measured, they cost more article than chrome).
LANDMARK, FURNITURE = 2, 1
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

    def __init__(self, source: str, skip: frozenset = frozenset()) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.skip = SKIP | skip
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.stack: list[tuple[str, bool, bool, int, bool]] = []  # tag, skip, main, chrome, pre
        #: text, source offset (None: a break), main, chrome (``LANDMARK``, ``FURNITURE`` or 0), verbatim
        self.pieces: list[tuple] = []
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] = []
        self.times: list[tuple[bool, str]] = []
        self.whole_page = False  # an <html>, <head> or <body> tag: a page, not a fragment of one

    @property
    def state(self) -> tuple[bool, bool, int, bool]:
        return self.stack[-1][1:] if self.stack else (False, False, 0, False)

    def handle_starttag(self, tag, attrs):
        tag = tag.rpartition(":")[2]  # xhtml:p in XML is p
        a = {k.lower(): v or "" for k, v in attrs}
        self._close_implied(tag)
        skip, main, chrome, pre = self.state
        if tag in ("html", "head", "body"):
            self.whole_page = True
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
        self.stack.append((tag, skip or tag in self.skip or "hidden" in a or a.get("aria-hidden") == "true",
                           main or tag in MAIN, max(chrome, _chrome(tag, a)), pre or tag == "pre"))

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
        tag = tag.rpartition(":")[2]
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        tag = tag.rpartition(":")[2]
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break
        if tag in BLOCK:
            self._break()

    def _break(self) -> None:
        skip, main, chrome, _ = self.state
        if not skip:
            self.pieces.append(("\n", None, main, chrome, False))

    def _text(self, text: str, verbatim: bool = True) -> None:
        if self.stack and self.stack[-1][0] == "title" and not any(s[0] in ("svg", "body") for s in self.stack):
            self.title_parts.append(text)
            return
        skip, main, chrome, pre = self.state
        if skip or not text:
            return
        line, col = self.getpos()
        at = self.line_starts[line - 1] + col
        text = text.replace("\r", " ")
        if not pre:
            text = text.replace("\n", " ").replace("\t", " ")
            if not text.strip(" "):
                text = " "
        self.pieces.append((text, at, main, chrome, verbatim))

    def handle_data(self, data):
        self._text(data)

    def handle_entityref(self, name):
        decoded = html.unescape(f"&{name};")
        if decoded == f"&{name};":  # unknown: as written, with its ";" if it had one
            line, col = self.getpos()
            start = self.line_starts[line - 1] + col
            end = start + len(name) + 1
            self._text(self.source[start:end + (self.source[end:end + 1] == ";")])
        else:
            self._text(decoded, verbatim=False)

    def handle_charref(self, name):
        self._text(html.unescape(f"&#{name};"), verbatim=False)


def _chrome(tag: str, attrs: dict) -> int:
    """``LANDMARK`` for navigation and asides (by tag or ARIA role), ``FURNITURE`` for an element
    whose class or id marks it as page furniture (see ``CHROME_CLASSES``), else 0."""
    if tag in CHROME or (attrs and attrs.get("role", "").lower() in CHROME_ROLES):
        return LANDMARK
    if not attrs:
        return 0
    tokens = attrs.get("class", "").lower().split()
    tokens.append(attrs.get("id", "").lower())
    return FURNITURE if any(t in CHROME_CLASSES for t in tokens) else 0


def _parse(source: str, path: str, skip: frozenset = frozenset()) -> _Page:
    """Parses the page; a markup the stdlib parser chokes on (``<![``) is read as a blank."""
    text = source
    for _ in range(100):
        page = _Page(text, skip)
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


def _assemble(pieces: list[tuple], keep) -> tuple[str, OffsetMap]:
    """The text of the pieces ``keep(i)`` accepts: a blank line where a block ends, one space for a
    run of whitespace, none at the start of a block."""
    out = MappedText()
    space = None  # the source offset of a whitespace waiting for what follows it
    for i, (text, at, _, _, verbatim) in enumerate(pieces):
        if at is None:  # a block ends
            if out.last not in ("", "\n"):
                out.add("\n\n", space)
            space = None
        elif not keep(i):
            continue
        elif text == " ":
            if out.last not in ("", "\n", " ") and space is None:
                space = at
        else:
            if space is not None:
                out.add(" ", space)
                space = None
            out.add(text, at, verbatim=verbatim)
    if space is not None:
        out.add(" ", space)
    return out.build()


def _article(source: str, page: _Page, has_main: bool):
    """Which pieces are the article: trafilatura's choice, else ``<article>``/``<main>``, else all.

    Markup without ``<html>``, ``<head>`` or ``<body>`` is a fragment (a pasted or exported
    article body), not a page: there is no page around it to tell apart.
    """
    pieces = page.pieces
    if page.whole_page and any(p[1] is not None and p[0] != " " for p in pieces):
        from factcheck.documents.article_blocks import article_pieces
        chosen = {i for i in article_pieces(source, pieces) or () if pieces[i][3] < LANDMARK}
        if any(pieces[i][0] != " " for i in chosen):
            return chosen.__contains__
    return (lambda i: not pieces[i][3] and pieces[i][2]) if has_main else (lambda i: True)


def read_html(source: str, path: str) -> Document:
    """One HTML page (BOM already removed) as a Document with its date, title and meta tags."""
    page = _parse(source, path)
    has_main = any(p[2] for p in page.pieces)
    text, offsets = _assemble(page.pieces, _article(source, page, has_main))
    meta = page.meta
    title = meta.get("og:title") or " ".join("".join(page.title_parts).split()) or None
    when = next((d for d in (when_or_none(meta.get(k)) for k in DATE_META) if d), None)
    if when is None:
        when = next((d for d in (when_or_none(t) for inside, t in page.times if inside or not has_main) if d),
                    None)
    return Document(path=path, text=text, title=title, meta=dict(meta),
                    source_map=offsets.source_map(source), source=source, **day_and_period(when))


def html_fragment(markup: str, path: str, skip: frozenset = frozenset()) -> tuple[str, OffsetMap, dict]:
    """Markup embedded in another format (the whole of it is the article): its text, the map of
    that text into ``markup``, and the meta tags it holds; elements named in ``skip`` (a
    format's own furniture, such as NITF's ``media``) are not read."""
    page = _parse(markup, path, skip)
    pieces = page.pieces
    text, offsets = _assemble(pieces, lambda i: not pieces[i][3])
    return text, offsets, dict(page.meta)
