"""Arc XP ANS stories → Documents: the Arc Native Specification's JSON; a file holds a story or a list.

Fields read (docs/formats.md):

* text: ``headlines.basic``, then the ``content_elements`` that are prose, in order: ``text`` and
  ``header`` elements (their ``content`` is inline HTML), the ``text`` items of a ``list``, the
  ``content_elements`` of a ``quote``.  Images and their captions, raw HTML, embeds and
  interstitial links are the page around the story, not read.
* date: ``display_date``, else ``first_publish_date``, ``publish_date``, ``created_date``.
* id: ``_id``; language: ``language``; title: ``headlines.basic``.

Positions: every character maps to where it stands in the JSON file, through escapes and
the HTML of each element.  A story of a list carries its first line in ``meta["record"]``.
"""
from __future__ import annotations

from typing import Callable

from factcheck.documents.json_source import JsonString
from factcheck.documents.story import Story, json_stories
from factcheck.errors import FactcheckError
from factcheck.models import Document

PROSE = ("text", "header")


def _elements(elements, story: Story) -> int:
    """Adds the prose among ``elements`` (recursing into lists and quotes); how many blocks were read."""
    read = 0
    for el in elements if isinstance(elements, list) else ():
        if not isinstance(el, dict):
            continue
        kind = el.get("type")
        if kind in PROSE and isinstance(el.get("content"), JsonString):
            read += bool(story.add(el["content"], el["content"].offsets(), html=True))
        elif kind == "list":
            read += _elements(el.get("items"), story)
        elif kind == "quote":
            read += _elements(el.get("content_elements"), story)
    return read


def _read(item: dict, story: Story) -> tuple[str | None, str | None]:
    headlines = item.get("headlines") if isinstance(item.get("headlines"), dict) else {}
    headline = headlines.get("basic")
    title = story.add(headline, headline.offsets(), html=True) if isinstance(headline, JsonString) else None
    if not _elements(item.get("content_elements"), story):
        return None, "ANS story has no text among its content_elements"
    return title or None, None


def read_ans(value, source: str, path: str, on_error: Callable[[FactcheckError], None]) -> list[Document]:
    """The Documents of a parsed ANS file (``value``: a story or a list of stories)."""
    return json_stories(value, source, path, on_error, fmt="ans", read=_read,
                        fields=(("id", ("_id",)), ("lang", ("language",)), ("url", ("canonical_url", "website_url"))),
                        dates=("display_date", "first_publish_date", "publish_date", "created_date"))


__all__ = ["read_ans"]
