"""A story read from a structured format: its headline and body blocks, each mapped into the file.

The readers of ninjs, ANS, NITF, NewsML-G2 and WordPress exports know where each field's
text stands in the file (a ``JsonString``'s offsets, an XML element's pieces or the span of its
markup).  ``Story`` puts the blocks one after the other, a blank line between them; a block
of HTML is read by the HTML reader (``html_fragment``) and its map composed with the field's,
so a claim maps to the line and column of the file, through escapes and entities.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Sequence

from factcheck.documents.dates import day_and_period, when_or_none
from factcheck.documents.html import html_fragment
from factcheck.documents.json_source import first
from factcheck.documents.offsets import MappedText, OffsetMap, line_column, line_starts
from factcheck.errors import FactcheckError, InputError
from factcheck.models import Document


class Story:
    """The text of one story of the file ``source``, block by block."""

    def __init__(self, path: str, source: str, starts: list[int] | None = None):
        self.path = path
        self.source = source
        self.starts = starts if starts is not None else line_starts(source)
        self.out = MappedText()

    def add(self, text: str, offsets: OffsetMap, *, html: bool = False, skip: frozenset = frozenset()) -> str:
        """Appends a block: ``text`` (a field's value) and its map into the file; ``html``: markup,
        without the elements named in ``skip``.  Returns the block's text as read ("" when none)."""
        if html:
            inner, inner_map, _ = html_fragment(text, self.path, skip)
            text, offsets = inner, inner_map.compose(offsets)
        text = text.replace("\r", " ")
        kept = text.strip()
        if not kept:
            return ""
        lead = len(text) - len(text.lstrip())
        if self.out.length:
            self.out.add("\n\n")
        self.out.add_mapped(kept, offsets.sliced(lead, lead + len(kept)))
        return kept

    def add_markup(self, start: int, end: int, skip: frozenset = frozenset()) -> str:
        """Appends the markup that stands in the file between two offsets (an XML body)."""
        return self.add(self.source[start:end], OffsetMap.verbatim(start, end - start), html=True, skip=skip)

    def document(self, *, date: dt.date | None, title: Any, meta: dict, whole_file: bool = True,
                 period: tuple[dt.date, dt.date] | None = None) -> Document:
        """The Document; ``whole_file``: it carries the file's text (suppression comments are read
        from it), which only the first document of a file with several does."""
        text, offsets = self.out.build()
        title = " ".join(str(title).split()) if title not in (None, "") else None
        return Document(path=self.path, text=text, date=date, title=title or None, meta=meta,
                        source_map=offsets.source_map(self.source, self.starts),
                        source=self.source if whole_file else None, period=period)


def json_stories(value: Any, source: str, path: str, on_error: Callable[[FactcheckError], None], *, fmt: str,
                 fields: Sequence[tuple[str, tuple[str, ...]]], dates: Sequence[str],
                 read: Callable[[dict, Story], tuple[str | None, str | None]]) -> list[Document]:
    """The stories of a parsed JSON news file, one item or a list of items (ninjs, ANS).

    ``read(item, story)`` adds an item's text to ``story`` and returns (title, problem): a
    problem (the item has no text) goes to ``on_error`` at the item's line and the other items
    are read.  ``fields`` names the meta keys and the item fields they come from, the first
    present winning; ``dates`` the date fields, likewise.  An item of a list carries its first
    line in ``meta["record"]``.
    """
    items = value if isinstance(value, list) else [value]
    starts = line_starts(source)
    docs: list[Document] = []
    for item in items:
        line = line_column(source, getattr(item, "start", 0), starts)[0]
        if not isinstance(item, dict):
            on_error(InputError(f"{fmt}: an item of the list is not an object", path=path, line=line))
            continue
        story = Story(path, source, starts)
        title, problem = read(item, story)
        if problem:
            on_error(InputError(problem, path=path, line=line))
            continue
        meta: dict[str, Any] = {"format": fmt}
        for key, names in fields:
            found = first(item, *names)
            if isinstance(found, (str, int)):
                meta[key] = str(found)
        if isinstance(value, list):
            meta["record"] = line
        docs.append(story.document(title=title, meta=meta, whole_file=not docs,
                                   **day_and_period(when_or_none(first(item, *dates)))))
    return docs


__all__ = ["Story", "json_stories"]
