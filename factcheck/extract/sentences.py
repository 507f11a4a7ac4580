"""Sentence boundaries, found lazily and only as far into the text as they are asked for.

``Sentences(text).around(pos)`` gives the ``(start, end)`` of the sentence holding ``pos``.
Positions must be asked for in increasing order (as ``extract`` does); each call moves a
cursor forward, so a whole document costs one pass however many claims it holds.
"""
from __future__ import annotations

from factcheck.extract import lazy_re as re

#: A sentence end: punctuation before a capital or digit, a blank line, a line opening a list.
#: Every branch starts with the one character class, so the regex engine skips ahead fast.
_END = re.compile(r"[.!?…\r\n](?:(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])|(?<=\r)\n[ \t\r]*\n"
                  r"|(?<=\n)[ \t\r]*\n|(?<=\n)(?=[ \t]*(?:[-*•#]|\d+[.)]\s)))")
_WORD_BEFORE = re.compile(r"[^\W\d_.]*(?:\.[^\W\d_.]*)*")  # reversed: the letters and dots before a full stop
_ABBREV = frozenset("""mr mrs ms dr prof st sr jr gen col lt sgt capt gov sen rep rev hon no nos vol
fig p pp ch sec art op inc corp co ltd bros dept est approx vs etc jan feb mar apr jun jul aug sep
sept oct nov dec mt ft u.s u.k u.n e.g i.e a.m p.m""".split())


def is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation ("U.S.", "Mr.", "Jan.") or an initial,
    or stands between digits (a decimal point), rather than a sentence."""
    if 0 < dot < len(text) - 1 and text[dot - 1].isdigit() and text[dot + 1].isdigit():
        return True
    if dot >= 7 and text[dot - 7:dot].isalpha():
        return False  # a word of seven letters or more: no abbreviation is that long
    word = _WORD_BEFORE.match(text[max(0, dot - 12):dot][::-1]).group()[::-1].lower()
    return word in _ABBREV or len(word) == 1 and word.isalpha()


class Sentences:
    """A forward-only cursor over the sentences of one text."""

    __slots__ = ("text", "start", "end")

    def __init__(self, text: str):
        self.text = text
        self.start = 0
        self.end = self._next_end(0)

    def _next_end(self, pos: int) -> int:
        text = self.text
        while True:
            m = _END.search(text, pos)
            if m is None:
                return len(text)
            dot = m.start()
            if text[dot] == "." and self._abbreviation(dot):
                pos = m.end()
                continue
            return m.end()

    def _abbreviation(self, dot: int) -> bool:
        return is_abbreviation(self.text, dot)

    def around(self, pos: int) -> tuple[int, int]:
        """``(start, end)`` of the sentence containing ``pos`` (end exclusive, trailing space included)."""
        while pos >= self.end and self.end < len(self.text):
            self.start = self.end
            self.end = self._next_end(self.end)
        return self.start, self.end


__all__ = ["Sentences", "is_abbreviation"]
