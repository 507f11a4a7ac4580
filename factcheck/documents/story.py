"""A story read from a structured format: its headline and body blocks, each mapped into the file.

The readers of ninjs, ANS, NITF, NewsML-G2 and WordPress exports know where each field's
text stands in the file (a ``JsonString``'s offsets, an XML element's pieces or the span of its
markup).  ``Story`` puts the blocks one after the other, a blank line between them; a block
of HTML is read by the HTML reader (``html_fragment``) and its map composed with the field's,
so a claim maps to the line and column of the file, through escapes and entities.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from factcheck.documents.html import html_fragment
from factcheck.documents.offsets import MappedText, OffsetMap, line_starts
from factcheck.models import Document


class Story:
    """The text of one story of the file ``source``, block by block."""

    def __init__(self, path: str, source: str, starts: list[int] | None = None):
        self.path = path
        self.source = source
        self.starts = starts if starts is not None else line_starts(source)
        self.out = MappedText()

    def add(self, text: str, offsets: OffsetMap, *, html: bool = False) -> str:
        """Appends a block: ``text`` (a field's value) and its map into the file; ``html``: markup.
        Returns the block's text as read ("" when it holds none)."""
        if html:
            inner, inner_map, _ = html_fragment(text, self.path)
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

    def add_markup(self, start: int, end: int) -> str:
        """Appends the markup that stands in the file between two offsets (an XML body)."""
        return self.add(self.source[start:end], OffsetMap.verbatim(start, end - start), html=True)

    def document(self, *, date: dt.date | None, title: Any, meta: dict, whole_file: bool = True) -> Document:
        """The Document; ``whole_file``: it carries the file's text (suppression comments are read
        from it), which only the first document of a file with several does."""
        text, offsets = self.out.build()
        title = " ".join(str(title).split()) if title not in (None, "") else None
        return Document(path=self.path, text=text, date=date, title=title or None, meta=meta,
                        source_map=offsets.source_map(self.source, self.starts),
                        source=self.source if whole_file else None)


__all__ = ["Story"]
