"""The words around a number: the word before it, whether it opens a sentence, and ``Bare``.

``prev_word`` reads the word before a position from a short reversed slice, ``counted_plural``
tells a plural noun a figure counts from a word that only ends in -s; ``Bare`` reads
once what every rule about a bare number looks at (the word before, the punctuation between,
the word after), so that each rule is a line or two over named fields.
"""
from __future__ import annotations

from factcheck.extract import lazy_re as re

from factcheck.extract.core import Core
from factcheck.extract.lexicon import STOP, YEAR_NOUNS

_PREV_WORD = re.compile(r"([ \t\u00a0]*)([,(\"“'‘:;]?)[ \t]*(\.?[ ]?[A-Za-z][A-Za-z.&'’-]{0,24})")
#: The word after a bare number, past an "of" ("19 May", "1 of 43 Photos").
_NEXT_WORD = re.compile(r"[ \t\u00a0\u202f]*(?:of[ \t\u00a0]+)?([A-Za-z]+\.?)")
#: A capitalized word right after a number ("the 737 Max", "the 38 North website").
_CAPITALIZED_NEXT = re.compile(r"[ \t]+([A-Z][A-Za-z]+)(?![-A-Za-z])")
#: A thousands separator or a blank inside a figure ("1,800", "12 000").
_SEPARATED = re.compile("[,\u00a0\u2009\u202f ]")


def prev_word(text: str, start: int) -> tuple[str, str] | None:
    """The word before ``start`` and the punctuation between (``("Smith", ",")``), or None."""
    before = text[max(0, start - 28):start][::-1]
    found = _PREV_WORD.match(before)
    if not found:
        return None
    return found.group(3)[::-1].rstrip("'’").replace(" ", ""), found.group(2)


#: Plural nouns without an -s that a figure counts ("2000 people"); "2019 data" is dated.
_PLURAL_LIKE = frozenset(("people", "children", "men", "women", "staff"))


def counted_plural(word: str) -> bool:
    """Whether ``word``, right after a figure, is a plural noun it counts ("1500 soldiers"; not "2019 sales", "8 B minus")."""
    word = word.rstrip(".")
    return word.islower() and len(word) > 2 and word not in YEAR_NOUNS and word not in STOP and (
        word.endswith("s") and not word.endswith(("ss", "us", "is")) or word in _PLURAL_LIKE)


def sentence_start(text: str, start: int) -> bool:
    """Does ``start`` begin a sentence, a line or a quotation?"""
    index = start - 1
    while index >= 0 and text[index] in " \t\"'“‘(":
        index -= 1
    return index < 0 or text[index] in ".!?:;\n…—–-"


class Bare:
    """A bare number (no unit, currency, scale or qualifier) and the words around it.

    ``word`` is the word before it (a leading dash dropped: "August 1-November 13"), ``lower``
    the same in lower case and ``punct`` the punctuation between (``","`` in "Smith, 45");
    ``next_word`` is the word after, past an "of", with a trailing period; ``capital_next``
    the match of a capitalized word right after, or None; ``year_shaped`` tells four digits
    from 1000 to 2200 written without separators, ``tail_follows`` a dash, a bracket or (after a
    figure below 10) a blank right after it.  Read once per number.
    """

    __slots__ = ("text", "core", "start", "end", "value", "raw", "word", "lower", "punct", "next_word", "capital_next",
                 "year_shaped", "tail_follows")

    def __init__(self, text: str, core: Core):
        start, end = core.start, core.end
        before = prev_word(text, start)
        word, punct = (before[0].lstrip("-"), before[1]) if before else ("", "")
        following = _NEXT_WORD.match(text, end, end + 16)
        self.text, self.core, self.start, self.end, self.value = text, core, start, end, core.value
        self.raw = text[start:core.cend]
        self.word, self.lower, self.punct = word, word.lower(), punct
        self.next_word = following.group(1) if following else ""
        self.capital_next = _CAPITALIZED_NEXT.match(text, end)
        value = core.value
        self.year_shaped = 1000 <= value <= 2200 and core.step == 1.0 and value == int(value) and \
            _SEPARATED.search(self.raw) is None
        following = text[end:end + 1]
        self.tail_follows = following in ("-", "(") or following == " " and value < 10


__all__ = ["Bare", "counted_plural", "prev_word", "sentence_start"]
