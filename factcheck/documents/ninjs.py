"""IPTC ninjs → Documents: news items in JSON, versions 1.x, 2.x and 3.x; a file holds one item or a list.

Fields read (docs/formats.md):

* text: the headline, then the body.  1.x: ``headline``; ``body_html`` (read as HTML), else
  ``body_xhtml``, else ``body_text``.  2.x: ``headlines[]`` and ``bodies[]``, each with a
  ``role`` and a ``contenttype`` (3.x: ``contentType``): the main one (no role, or ``main``),
  HTML before plain text.
* date: ``versioncreated`` (3.x ``versionCreated``), else ``firstcreated``, else ``contentcreated``.
* id: ``uri``; language: ``language``; title: the headline.

Positions: every character maps to where it stands in the JSON file, through escapes and
the HTML of a body.  An item of a list carries its first line in ``meta["record"]``.
"""
from __future__ import annotations

from typing import Callable

from factcheck.documents.json_source import JsonString, first
from factcheck.documents.story import Story, json_stories
from factcheck.errors import FactcheckError
from factcheck.models import Document

MAIN_ROLES = (None, "", "main", "body", "text", "article")
HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def _html(entry: dict) -> bool:
    kind = str(first(entry, "contenttype", "contentType", "mimetype") or "").lower()
    return kind.split(";")[0].strip() in HTML_TYPES


def _pick(entries) -> dict | None:
    """The main entry of ``headlines[]`` or ``bodies[]``: no role or ``main`` first, HTML first."""
    usable = [e for e in entries if isinstance(e, dict) and isinstance(e.get("value"), JsonString)]
    if not usable:
        return None
    return min(usable, key=lambda e: (str(e.get("role") or "").lower() not in MAIN_ROLES, not _html(e)))


def _headline(item: dict) -> tuple[JsonString | None, bool]:
    if isinstance(item.get("headline"), JsonString):
        return item["headline"], False
    entry = _pick(item.get("headlines") or ()) if isinstance(item.get("headlines"), list) else None
    return (entry["value"], _html(entry)) if entry else (None, False)


def _body(item: dict) -> tuple[JsonString | None, bool]:
    for key, html in (("body_html", True), ("body_xhtml", True), ("body_text", False)):
        if isinstance(item.get(key), JsonString) and item[key].strip():
            return item[key], html
    entry = _pick(item.get("bodies") or ()) if isinstance(item.get("bodies"), list) else None
    return (entry["value"], _html(entry)) if entry else (None, False)


def _read(item: dict, story: Story) -> tuple[str | None, str | None]:
    body, html = _body(item)
    if body is None:
        return None, "ninjs item has no body (body_html, body_text or bodies[])"
    headline, headline_html = _headline(item)
    title = story.add(headline, headline.offsets(), html=headline_html) if headline else None
    story.add(body, body.offsets(), html=html)
    return title, None


def read_ninjs(value, source: str, path: str, on_error: Callable[[FactcheckError], None]) -> list[Document]:
    """The Documents of a parsed ninjs file (``value``: an item or a list of items)."""
    return json_stories(value, source, path, on_error, fmt="ninjs", read=_read,
                        fields=(("id", ("uri", "guid")), ("lang", ("language",)), ("version", ("version",)),
                                ("pubstatus", ("pubstatus", "pubStatus"))),
                        dates=("versioncreated", "versionCreated", "firstcreated", "firstCreated",
                               "contentcreated", "contentCreated"))


__all__ = ["read_ninjs"]
