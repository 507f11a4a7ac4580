"""IPTC NewsML-G2 → Documents: the ``newsItem``s of a ``newsMessage`` (or one ``newsItem`` a file).

Fields read (docs/formats.md):

* text: ``contentMeta/headline`` (the one without a role, else the first), then the body: the
  first ``contentSet/inlineXML`` — its NITF ``body.content``, the ``body`` of its XHTML ``html``,
  or its own markup — else the first ``inlineData`` (plain text; HTML when its
  ``contenttype`` says so).  Items that are not text (``itemClass`` a picture, video, graphic…)
  are skipped.
* date: ``itemMeta/versionCreated``, else ``itemMeta/firstCreated``, else
  ``contentMeta/contentCreated``, else the NITF body's dates.
* id: ``newsItem/@guid``; language: ``newsItem/@xml:lang``, else
  ``contentMeta/language/@tag``; title: the headline.

Positions: the markup of a body is read where it stands in the file; inline data maps
through its entities.  An item of a ``newsMessage`` carries its first line in ``meta["record"]``.
"""
from __future__ import annotations

from typing import Callable

from factcheck.documents.dates import parse_date
from factcheck.documents.nitf import add_nitf, nitf_meta
from factcheck.documents.offsets import line_column, line_starts
from factcheck.documents.story import Story
from factcheck.documents.xml_source import Element
from factcheck.errors import FactcheckError, InputError
from factcheck.models import Document

NOT_TEXT = ("picture", "video", "audio", "graphic", "animation", "composite", "interactive")


def _headline(content_meta: Element | None) -> Element | None:
    heads = [h for h in content_meta.children if h.tag == "headline"] if content_meta is not None else []
    return next((h for h in heads if not h.get("role")), heads[0] if heads else None)


def _add_body(item: Element, story: Story) -> tuple[int, tuple]:
    """Adds the item's body; (blocks read, the date and meta of an NITF body, if any)."""
    content_set = item.find("contentSet")
    if content_set is None:
        return 0, (None, {})
    inline = next(content_set.iter("inlineXML"), None)
    if inline is not None:
        nitf = next(inline.iter("nitf"), None)
        if nitf is not None:
            return add_nitf(nitf, story, headline=False)[1], nitf_meta(nitf)
        html = next(inline.iter("html"), None)
        body = next(html.iter("body"), None) if html is not None else None
        target = body if body is not None else inline
        return bool(story.add_markup(target.inner, target.end)), (None, {})
    data = next(content_set.iter("inlineData"), None)
    if data is None:
        return 0, (None, {})
    text, offsets = data.mapped()
    html = "html" in (data.get("contenttype") or "").lower()
    return bool(story.add(text, offsets, html=html)), (None, {})


def _item(item: Element, story: Story) -> tuple[str | None, object, dict] | None:
    """Reads one ``newsItem`` into ``story``: (title, date, meta), None when it holds no text."""
    content_meta = item.find("contentMeta")
    headline = _headline(content_meta)
    title = story.add_markup(headline.inner, headline.end) or None if headline is not None else None
    blocks, (nitf_date, nitf_fields) = _add_body(item, story)
    if not blocks:
        return None
    item_meta = item.find("itemMeta")
    dates = [item_meta.find(n) if item_meta is not None else None for n in ("versionCreated", "firstCreated")]
    dates.append(content_meta.find("contentCreated") if content_meta is not None else None)
    date = next((d for d in (parse_date(e.text()) for e in dates if e is not None) if d), None) or nitf_date
    meta = {"format": "newsml-g2", **nitf_fields}
    if item.get("guid"):
        meta["id"] = item.get("guid")
    language = content_meta.find("language") if content_meta is not None else None
    lang = item.get("lang") or (language.get("tag") if language is not None else None)
    if lang:
        meta["lang"] = lang
    return title, date, meta


def _is_text(item: Element) -> bool:
    item_class = item.find("itemMeta", "itemClass")
    qcode = (item_class.get("qcode") or "") if item_class is not None else ""
    return not any(qcode.lower().endswith(":" + kind) for kind in NOT_TEXT)


def read_newsml_g2(root: Element, source: str, path: str,
                   on_error: Callable[[FactcheckError], None]) -> list[Document]:
    """The Documents of a parsed NewsML-G2 file (``root``: a ``newsMessage`` or a ``newsItem``)."""
    items = [root] if root.tag == "newsItem" else list(root.iter("newsItem"))
    starts = line_starts(source)
    docs: list[Document] = []
    for item in items:
        if not _is_text(item):
            continue
        story = Story(path, source, starts)
        read = _item(item, story)
        line = line_column(source, item.start, starts)[0]
        if read is None:
            on_error(InputError("newsItem has no inline text (contentSet/inlineXML or inlineData)",
                                path=path, line=line))
            continue
        title, date, meta = read
        if root.tag != "newsItem":
            meta["record"] = line
        docs.append(story.document(date=date, title=title, meta=meta, whole_file=not docs))
    if not items:
        raise InputError("NewsML-G2 message holds no newsItem", path=path, line=line_column(source, root.start)[0])
    return docs


__all__ = ["read_newsml_g2"]
