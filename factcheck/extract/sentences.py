"""Sentence boundaries, found lazily and only as far into the text as they are asked for.

``Sentences(text).around(pos)`` gives the ``(start, end)`` of the sentence holding ``pos``.
Positions must be asked for in increasing order (as ``extract`` does); each call moves a
cursor forward, so a whole document costs one pass however many claims it holds.  A run of
text with no sentence end (a list run on with commas, a table flattened to one line) is cut
after at most ``MAX_SENTENCE`` characters, at a space: every step that reads a claim's
sentence then reads a bounded one, and a megabyte on one line costs no more per claim than
an ordinary article (news sentences stay far below it: the longest in the Multi-News
sample is about 1,000 characters).
"""
from __future__ import annotations

from factcheck.extract import lazy_re as re

#: A sentence end: punctuation before a capital or digit, a blank line, a line opening a list.
#: Every branch starts with the one character class, so the regex engine skips ahead fast.
_END = re.compile(r"[.!?…\r\n](?:(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])|(?<=\r)\n[ \t\r]*\n"
                  r"|(?<=\n)[ \t\r]*\n|(?<=\n)(?=[ \t]*(?:[-*•#]|\d+[.)]\s)))")
MAX_SENTENCE = 2000
_LOOKAHEAD = 64  # characters past the cut a sentence end's look-ahead may read
_SPACE_BEFORE = re.compile(r"\s+(?=\S*\Z)")  # the last run of spaces
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
        limit = pos + MAX_SENTENCE
        while True:
            m = _END.search(text, pos, limit + _LOOKAHEAD)
            if m is None or m.end() > limit:
                return len(text) if limit >= len(text) else self._cut(limit)
            dot = m.start()
            if text[dot] == "." and self._abbreviation(dot):
                pos = m.end()
                continue
            return m.end()

    def _cut(self, limit: int) -> int:
        """Where a sentence too long to be one ends: after the last space before ``limit``
        (at ``limit`` when its second half holds none)."""
        half = limit - MAX_SENTENCE // 2
        space = _SPACE_BEFORE.search(self.text, half, limit)
        return space.end() if space else limit

    def _abbreviation(self, dot: int) -> bool:
        return is_abbreviation(self.text, dot)

    def around(self, pos: int) -> tuple[int, int]:
        """``(start, end)`` of the sentence containing ``pos`` (end exclusive, trailing space included)."""
        while pos >= self.end and self.end < len(self.text):
            self.start = self.end
            self.end = self._next_end(self.end)
        return self.start, self.end


__all__ = ["MAX_SENTENCE", "Sentences", "is_abbreviation"]
