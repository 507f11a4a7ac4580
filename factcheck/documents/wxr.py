"""WordPress exports (WXR) → Documents: every post of an export file, published ones by default.

Fields read (docs/formats.md):

* which items: ``wp:post_type`` ``post`` with ``wp:status`` ``publish``; with ``drafts`` also
  ``draft``, ``pending``, ``private`` and ``future`` (never ``trash``, ``auto-draft`` or
  ``inherit``, the revisions).  Pages, attachments and menu items are not articles.
* text: the item's ``title``, then ``content:encoded`` — HTML, usually in a CDATA section, with
  the block editor's ``<!-- wp:… -->`` comments (comments are never text).
* date: ``wp:post_date_gmt``, else ``wp:post_date`` (a draft's GMT date is ``0000-00-00``),
  else ``pubDate``.
* id: ``wp:post_id``; language: the channel's ``language``; title: ``title``.

Positions: the post's HTML is read where it stands (a CDATA section) or through its
entities (escaped markup), so every character maps to its line and column in the export.
Each post carries its first line in ``meta["record"]``.
"""
from __future__ import annotations

from typing import Callable

from factcheck.documents.dates import parse_date
from factcheck.documents.offsets import line_column, line_starts
from factcheck.documents.story import Story
from factcheck.documents.xml_source import Element
from factcheck.errors import FactcheckError, InputError
from factcheck.models import Document

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
PUBLISHED = ("publish",)
UNPUBLISHED = ("draft", "pending", "private", "future")


def _field(item: Element, name: str) -> str:
    el = next((c for c in item.children if c.tag == name), None)
    return el.text() if el is not None else ""


def _post(item: Element, story: Story) -> tuple[str | None, object, dict] | None:
    """Reads one post into ``story``: (title, date, meta), None when its content holds no text."""
    title_el = item.find("title")
    title = story.add(*title_el.mapped(), html=True) or None if title_el is not None else None
    content = next((c for c in item.children if c.tag == "encoded" and c.ns == CONTENT_NS), None)
    if content is None or not story.add(*content.mapped(), html=True):
        return None
    date = next((d for d in (parse_date(_field(item, n)) for n in ("post_date_gmt", "post_date", "pubDate"))
                 if d), None)
    meta = {"format": "wxr", "status": _field(item, "status")}
    if _field(item, "post_id"):
        meta["id"] = _field(item, "post_id")
    if _field(item, "link"):
        meta["url"] = _field(item, "link")
    return title, date, meta


def read_wxr(root: Element, source: str, path: str, on_error: Callable[[FactcheckError], None], *,
             drafts: bool = False) -> list[Document]:
    """The posts of a parsed WordPress export (``root``: its ``rss`` element); ``drafts``: also the
    posts not published (drafts, pending review, private, scheduled)."""
    channel = root.find("channel")
    lang = _field(channel, "language") if channel is not None else ""
    statuses = PUBLISHED + (UNPUBLISHED if drafts else ())
    starts = line_starts(source)
    docs: list[Document] = []
    for item in channel.children if channel is not None else ():
        if item.tag != "item" or _field(item, "post_type") != "post" or _field(item, "status") not in statuses:
            continue
        story = Story(path, source, starts)
        line = line_column(source, item.start, starts)[0]
        read = _post(item, story)
        if read is None:
            on_error(InputError("post has no text in content:encoded", path=path, line=line))
            continue
        title, date, meta = read
        meta["record"] = line
        if lang:
            meta["lang"] = lang
        docs.append(story.document(date=date, title=title, meta=meta, whole_file=not docs))
    return docs


__all__ = ["CONTENT_NS", "PUBLISHED", "UNPUBLISHED", "read_wxr"]
