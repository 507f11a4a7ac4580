"""How a claim is quoted in a message: the clause it stands in, as written, cut to a readable length.

``quote(text, start, end)`` gives the words of the claim's clause: back to the clause's start
(a sentence end, a semicolon, colon, dash, bracket, a comma before a space, a line break; but
a line that wraps a sentence, a word going on in lower case, goes on)
and on to its end, at most ``LEFT`` characters before the claim and ``RIGHT`` after it; a cut
falls between words and is marked with "…".  A full stop ends a clause only where it ends a
sentence: never inside "U.S.", "Mr." or a number such as "1.8".
"""
from __future__ import annotations

from factcheck.extract import lazy_re as re
from factcheck.extract.sentences import is_abbreviation

LEFT = 45
RIGHT = 60
_BREAK = frozenset(";:!?—–()[]{}|")
_LINE_OPENS_BLOCK = re.compile(r"[ \t]*(?:\n|[-*+•#>]|\d+[.)][ \t])")
#: The characters at which a clause may end (``_boundary`` decides).
_CANDIDATE = re.compile("[" + re.escape("".join(sorted(_BREAK | {"\n", ",", "."}))) + "]")


def _full_stop(text: str, i: int) -> bool:
    """Whether the "." at ``i`` ends a sentence (not an abbreviation, a decimal point or an initial)."""
    after = text[i + 1:i + 2]
    if after and not after.isspace() and after not in "\"'”’)":
        return False
    return not is_abbreviation(text, i)


def _wrapped(text: str, i: int) -> bool:
    """Whether the line break at ``i`` wraps a sentence: a word goes on in lower case."""
    after = text[i + 1:i + 40].lstrip(" \t")
    return text[i - 1:i].isalpha() and after[:1].islower()


def _boundary(text: str, i: int) -> bool:
    ch = text[i]
    if ch in _BREAK:
        return True
    if ch == "\n":
        return not _wrapped(text, i) or _LINE_OPENS_BLOCK.match(text, i + 1) is not None
    if ch == ",":
        return text[i + 1:i + 2].isspace() or i + 1 == len(text)
    return ch == "." and _full_stop(text, i)


def _clause_start(text: str, start: int) -> tuple[int, bool]:
    """Where the quote starts, and whether it was cut short of the clause's start."""
    lo = max(0, start - LEFT)
    for i in reversed([m.start() for m in _CANDIDATE.finditer(text, lo, start)]):
        if _boundary(text, i):
            return i + 1, False
    if lo == 0:
        return 0, False
    space = text.find(" ", lo, start)
    return (space + 1, True) if space != -1 else (start, start > 0)


def _clause_end(text: str, end: int) -> tuple[int, bool]:
    """Where the quote ends, and whether it was cut short of the clause's end."""
    hi = min(len(text), end + RIGHT)
    for m in _CANDIDATE.finditer(text, end, hi):
        if _boundary(text, m.start()):
            return m.start(), False
    if hi == len(text):
        return hi, False
    space = text.rfind(" ", end, hi)
    return (space, True) if space != -1 else (end, True)


def quote(text: str, start: int, end: int) -> str:
    """The clause of ``text`` around the claim at ``start:end``, whitespace folded, "…" where cut."""
    lo, cut_left = _clause_start(text, start)
    hi, cut_right = _clause_end(text, end)
    words = " ".join(text[lo:hi].split()).strip(" ,\"'“”‘’*_").lstrip("-+•#> ")
    return ("… " if cut_left else "") + words + (" …" if cut_right else "")


__all__ = ["LEFT", "RIGHT", "quote"]
