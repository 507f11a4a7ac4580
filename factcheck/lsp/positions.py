"""Positions between factcheck and an editor: code points ↔ the client's code units.

factcheck places a claim at a 1-based line and a 1-based column counted in code points of
the source file (``Document.locate``).  The Language Server Protocol counts 0-based lines
and, within a line, code units of the negotiated ``positionEncoding``: UTF-16 unless the
client offers UTF-8 or UTF-32.  An emoji or any other character outside the Basic
Multilingual Plane is one code point, two UTF-16 units and four UTF-8 bytes, so a figure
after one stands at a different ``character`` in each encoding.

Lines end at ``\\n`` (a ``\\r`` before it is part of no column that matters: it sits after
the last character), as in ``Document.locate``.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Sequence

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
ENCODINGS = (UTF16, UTF8, UTF32)


def choose_encoding(offered: Sequence[str] | None) -> str:
    """The encoding to use: the client's first offer that is supported, else UTF-16 (the default)."""
    for name in offered or ():
        if name in ENCODINGS:
            return name
    return UTF16


def units(text: str, encoding: str) -> int:
    """How many code units of ``encoding`` the string ``text`` takes."""
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def code_points(text: str, count: int, encoding: str) -> int:
    """How many code points of ``text`` the first ``count`` code units of ``encoding`` cover.

    A position inside a character (the second half of a surrogate pair, a UTF-8 continuation
    byte) counts that character as covered; a count past the end stops at the end.
    """
    if encoding == UTF32 or text.isascii():
        return min(count, len(text))
    used = 0
    for i, ch in enumerate(text):
        if used >= count:
            return i
        used += units(ch, encoding)
    return len(text)


@dataclass(frozen=True)
class Lines:
    """The lines of a text, to move between offsets, factcheck's (line, column) and LSP positions."""

    text: str
    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> "Lines":
        """The line starts of ``text`` (lines end at ``\\n``)."""
        starts = [0]
        pos = text.find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = text.find("\n", pos + 1)
        return cls(text, tuple(starts))

    def line(self, index: int) -> str:
        """Line ``index`` (0-based) without its line break; empty past the end."""
        if index < 0 or index >= len(self.starts):
            return ""
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        return self.text[self.starts[index]:end]

    def position(self, line: int, column: int, encoding: str = UTF16) -> tuple[int, int]:
        """factcheck's 1-based (line, code-point column) → the LSP's 0-based (line, character)."""
        text = self.line(line - 1)
        return line - 1, units(text[:max(column - 1, 0)], encoding)

    def at_offset(self, offset: int, encoding: str = UTF16) -> tuple[int, int]:
        """A code-point offset into the text → the LSP's (line, character)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.position(i + 1, offset - self.starts[i] + 1, encoding)

    def column(self, line: int, character: int, encoding: str = UTF16) -> tuple[int, int]:
        """The LSP's 0-based (line, character) → factcheck's 1-based (line, code-point column)."""
        return line + 1, code_points(self.line(line), character, encoding) + 1

    def offset(self, line: int, character: int, encoding: str = UTF16) -> int:
        """The LSP's 0-based (line, character) → a code-point offset into the text."""
        if line >= len(self.starts):
            return len(self.text)
        return self.starts[max(line, 0)] + code_points(self.line(line), character, encoding)


__all__ = ["ENCODINGS", "UTF8", "UTF16", "UTF32", "Lines", "choose_encoding", "code_points", "units"]
