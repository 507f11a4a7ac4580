"""Offsets of a text built from pieces of a source, mapped back to where each piece stands.

A reader that decodes (JSON escapes, XML entities and line ends, HTML inside a JSON string or
an XML element) builds its text with ``MappedText``: a piece copied from the source keeps one
breakpoint and advances one source character per character; a character that replaces an
escape maps to the escape's first character; inserted breaks map to where they were inserted.
``OffsetMap.compose`` chains two such maps (text → inner string → file), and ``source_map``
turns the result into the ``SourceMap`` of (line, column) anchors a ``Document`` carries.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from factcheck.models import SourceMap

_NEWLINE = re.compile("\n")


@dataclass(frozen=True)
class OffsetMap:
    """A derived text's offsets → its source's offsets, one to one between breakpoints.

    ``breaks`` are ``(text offset, source offset)`` pairs in text order, the first at 0;
    ``length`` is the derived text's length.
    """

    breaks: tuple[tuple[int, int], ...]
    length: int

    @classmethod
    def verbatim(cls, start: int, length: int) -> "OffsetMap":
        """The map of a text copied unchanged from the source at ``start``."""
        return cls(((0, start),), length)

    def to_source(self, offset: int) -> int:
        """The source offset of character ``offset`` of the derived text."""
        i = max(bisect.bisect_right(self.breaks, (offset, float("inf"))) - 1, 0)
        at, src = self.breaks[i] if self.breaks else (0, 0)
        return src + offset - at

    def sliced(self, start: int, end: int | None = None) -> "OffsetMap":
        """The map of ``text[start:end]``."""
        end = self.length if end is None else min(end, self.length)
        breaks = [(0, self.to_source(start))]
        breaks += [(at - start, src) for at, src in self.breaks if start < at < end]
        return OffsetMap(tuple(breaks), max(end - start, 0))

    def runs(self):
        """``(text start, text end, source start)`` of every one-to-one run, in text order."""
        b = self.breaks
        for i, (at, src) in enumerate(b):
            end = b[i + 1][0] if i + 1 < len(b) else self.length
            if end > at:
                yield at, end, src

    def compose(self, outer: "OffsetMap") -> "OffsetMap":
        """This map (text → middle) followed by ``outer`` (middle → source): text → source."""
        out: list[tuple[int, int]] = []
        cuts = [b[0] for b in outer.breaks]
        for at, end, mid in self.runs():
            out.append((at, outer.to_source(mid)))
            i = bisect.bisect_right(cuts, mid)
            while i < len(cuts) and cuts[i] < mid + end - at:
                out.append((at + cuts[i] - mid, outer.breaks[i][1]))
                i += 1
        return OffsetMap(tuple(out) or ((0, outer.to_source(0)),), self.length)

    def source_map(self, source: str, starts: list[int] | None = None) -> SourceMap:
        """The (line, column) anchors of this map in ``source``: one per run and per source line
        (``starts``: the ``line_starts`` of ``source``, when already known)."""
        starts = starts or line_starts(source)
        anchors = []
        for at, end, src in self.runs():
            line = bisect.bisect_right(starts, src)
            anchors.append((at, line, src - starts[line - 1] + 1))
            while line < len(starts) and starts[line] < src + end - at:
                anchors.append((at + starts[line] - src, line + 1, 1))
                line += 1
        return SourceMap(anchors)


def line_starts(source: str) -> list[int]:
    """The offset where each line of ``source`` starts (lines end at ``\\n``)."""
    return [0] + [m.end() for m in _NEWLINE.finditer(source)]


def line_column(source: str, offset: int, starts: list[int] | None = None) -> tuple[int, int]:
    """(line, column), both 1-based, of ``offset`` in ``source``."""
    starts = starts or line_starts(source)
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


class MappedText:
    """A text assembled piece by piece, each piece with the source offset it maps to."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.breaks: list[tuple[int, int]] = []
        self.length = 0
        self._next = 0  # the source offset just after the last piece

    def add(self, text: str, source: int | None = None, *, verbatim: bool = True) -> None:
        """Appends ``text``; ``source`` is where it starts (``None``: an inserted break).

        ``verbatim`` pieces advance one source character per character; others (a decoded
        escape, an entity) map every character to ``source``.
        """
        if not text:
            return
        at = self._next if source is None else source
        verbatim = verbatim and source is not None
        if verbatim or len(text) == 1:
            self.breaks.append((self.length, at))
        else:
            self.breaks.extend((self.length + i, at) for i in range(len(text)))
        self.parts.append(text)
        self.length += len(text)
        self._next = at + (len(text) if verbatim else 0 if source is None else 1)

    def add_mapped(self, text: str, mapping: OffsetMap) -> None:
        """Appends ``text`` whose own map (into the same source) is ``mapping``."""
        if not text:
            return
        self.breaks.extend((self.length + at, src) for at, src in mapping.breaks)
        self.parts.append(text)
        self.length += len(text)
        self._next = mapping.to_source(len(text) - 1) + 1

    @property
    def last(self) -> str:
        """The last character added ("" when nothing was)."""
        return self.parts[-1][-1] if self.parts else ""

    def build(self) -> tuple[str, OffsetMap]:
        """The text and its map."""
        return "".join(self.parts), OffsetMap(tuple(self.breaks) or ((0, 0),), self.length)


__all__ = ["MappedText", "OffsetMap", "line_column", "line_starts"]
