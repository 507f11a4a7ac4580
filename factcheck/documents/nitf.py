"""NITF 3.x → Document: the News Industry Text Format, one story a file (also inside NewsML-G2).

Fields read (docs/formats.md):

* text: ``body/body.head/hedline/hl1``, then every ``body/body.content`` — paragraphs, sub-heads,
  lists, tables and blocks, read as markup by the HTML reader.  Bylines, datelines, abstracts,
  ``media`` (pictures and their captions) and ``body.end`` are not read.
* date: ``head/pubdata/@date.publication``, else ``head/docdata/date.issue/@norm``, else
  ``date.release/@norm`` (ISO 8601, the basic form ``20250303T080000Z`` included).
* id: ``head/docdata/doc-id/@id-string``; language: ``xml:lang`` of ``nitf``, ``body`` or
  ``body.content``; title: ``hl1``, else ``head/title``.

Positions: the markup of ``hl1`` and ``body.content`` is read where it stands in the file,
so every character maps to its line and column exactly.
"""
from __future__ import annotations

import re
from typing import Callable

from factcheck.documents.dates import parse_date
from factcheck.documents.story import Story
from factcheck.documents.xml_source import Element
from factcheck.errors import FactcheckError, InputError
from factcheck.models import Document

_DAY = re.compile(r"(\d{4})(\d{2})(\d{2})")
#: Pictures, video and audio inside the body, with their captions: the page around the story.
MEDIA = frozenset({"media"})


def nitf_date(value: str | None):
    """The date of an NITF date attribute (ISO 8601, basic or extended)."""
    if not value:
        return None
    value = value.strip()
    return parse_date(_DAY.sub(r"\1-\2-\3", value, count=1) if _DAY.fullmatch(value) else value)


def add_nitf(nitf: Element, story: Story, *, headline: bool = True) -> tuple[str | None, int]:
    """Adds an ``nitf`` element's headline (unless ``headline`` is False) and body text to ``story``;
    returns the headline read and how many body blocks had text."""
    title = None
    hl1 = nitf.find("body", "body.head", "hedline", "hl1")
    if hl1 is not None and headline:
        title = story.add_markup(hl1.inner, hl1.end) or None
    body = nitf.find("body")
    blocks = 0
    for content in (c for c in (body.children if body is not None else ()) if c.tag == "body.content"):
        blocks += bool(story.add_markup(content.inner, content.end, MEDIA))
    return title, blocks


def nitf_meta(nitf: Element) -> tuple[object, dict]:
    """(date, meta) of an ``nitf`` element: its date, ``id`` and ``lang``."""
    head = nitf.find("head")
    date = None
    if head is not None:
        pub = head.find("pubdata")
        docdata = head.find("docdata")
        candidates = [pub.get("date.publication") if pub is not None else None]
        for name in ("date.issue", "date.release"):
            el = docdata.find(name) if docdata is not None else None
            candidates.append(el.get("norm") if el is not None else None)
        date = next((d for d in map(nitf_date, candidates) if d), None)
    meta: dict = {}
    doc_id = nitf.find("head", "docdata", "doc-id")
    if doc_id is not None and doc_id.get("id-string"):
        meta["id"] = doc_id.get("id-string")
    for el in (nitf, nitf.find("body"), nitf.find("body", "body.content")):
        if el is not None and el.get("lang"):
            meta["lang"] = el.get("lang")
            break
    return date, meta


def read_nitf(root: Element, source: str, path: str, on_error: Callable[[FactcheckError], None]) -> list[Document]:
    """The Document of a parsed NITF file (``root``: its ``nitf`` element)."""
    story = Story(path, source)
    title, blocks = add_nitf(root, story)
    if not blocks:
        raise InputError("NITF file has no text in body/body.content", path=path,
                         line=source.count("\n", 0, root.start) + 1)
    if title is None:
        head_title = root.find("head", "title")
        title = head_title.text() if head_title is not None else None
    date, meta = nitf_meta(root)
    return [story.document(date=date, title=title, meta={"format": "nitf", **meta})]


__all__ = ["add_nitf", "nitf_date", "nitf_meta", "read_nitf"]
