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

from factcheck.documents.dates import parse_date
from factcheck.documents.json_source import JsonString, first
from factcheck.documents.offsets import line_column, line_starts
from factcheck.documents.story import Story
from factcheck.errors import FactcheckError, InputError
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


def read_ans(value, source: str, path: str, on_error: Callable[[FactcheckError], None]) -> list[Document]:
    """The Documents of a parsed ANS file (``value``: a story or a list of stories)."""
    stories = value if isinstance(value, list) else [value]
    starts = line_starts(source)
    docs: list[Document] = []
    for item in stories:
        line = line_column(source, getattr(item, "start", 0), starts)[0]
        if not isinstance(item, dict):
            on_error(InputError("ANS: an item of the list is not an object", path=path, line=line))
            continue
        story = Story(path, source, starts)
        headlines = item.get("headlines") if isinstance(item.get("headlines"), dict) else {}
        headline = headlines.get("basic")
        title = story.add(headline, headline.offsets(), html=True) if isinstance(headline, JsonString) else None
        if not _elements(item.get("content_elements"), story):
            on_error(InputError("ANS story has no text among its content_elements", path=path, line=line))
            continue
        meta = {"format": "ans"}
        for key, names in (("id", ("_id",)), ("lang", ("language",)), ("url", ("canonical_url", "website_url"))):
            found = first(item, *names)
            if isinstance(found, str):
                meta[key] = str(found)
        if isinstance(value, list):
            meta["record"] = line
        date = parse_date(first(item, "display_date", "first_publish_date", "publish_date", "created_date"))
        docs.append(story.document(date=date, title=title, meta=meta, whole_file=not docs))
    return docs


__all__ = ["read_ans"]
