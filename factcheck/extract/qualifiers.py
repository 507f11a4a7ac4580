"""Qualifiers ("about", "more than", "up to", "between") and the interval each one asserts.

The table is documented in ``docs/intervals.md``; keep the two in sync.  Qualifiers before a
number are found by matching a reversed pattern against the reversed text just before it,
one anchored match however long the document is.
"""
from __future__ import annotations

import math

from factcheck.extract import lazy_re as re
from factcheck.extract.lexicon import pattern, trie
from factcheck.extract.units import alternation

INF = math.inf

#: Words written before a number → qualifier name.
BEFORE = {
    "approx": ("about", "approximately", "approx.", "approx", "around", "roughly", "some", "an estimated",
               "estimated", "circa", "c.", "close to", "in the region of", "just about", "~", "≈",
               "somewhere around", "perhaps", "maybe", "possibly", "near"),
    "nearly": ("nearly", "almost", "just under", "just shy of", "not quite", "approaching", "close on",
               "just below", "slightly less than", "slightly fewer than", "a little under", "nearly all of",
               "neared", "nears", "nearing", "shy of"),
    "more-than": ("more than", "over", "above", "exceeding", "in excess of", "upwards of", "upward of",
                  "greater than", "higher than", "larger than", "bigger than", "well over", "just over",
                  "well above", "north of", "beyond", "more then", "over than", "above than", ">",
                  "slightly more than", "a little over", "much more than", "far more than", "well in excess of",
                  "exceeded", "exceeds", "surpassed", "surpasses", "surpassing", "topped", "tops", "topping",
                  "exceed", "surpass", "to top", "will top", "could top", "would top", "may top", "might top"),
    "at-least": ("at least", "no fewer than", "no less than", "a minimum of", "not less than",
                 "not fewer than", "at the very least", "≥", ">=", "=>"),
    "at-most": ("up to", "at most", "no more than", "not more than", "as many as", "as much as",
                "a maximum of", "as high as", "as long as", "as far as", "as deep as", "as tall as", "as wide as",
                "as large as", "as big as", "as heavy as", "as old as", "≤", "<=", "=<", "within"),
    "less-than": ("fewer than", "less than", "under", "below", "lower than", "smaller than", "well under",
                  "well below", "<"),
    "between": ("between", "between the ages of", "between the age of"),
}
#: Words written after a number → qualifier name.
AFTER = {"or more": "at-least", "or higher": "at-least", "or over": "at-least", "plus": "at-least",
         "or so": "approx", "or less": "at-most", "or fewer": "at-most", "or under": "at-most",
         "or thereabouts": "approx", "and more": "at-least", "and up": "at-least", "odd": "approx",
         "-odd": "approx", "+": "at-least", "-plus": "at-least", "and over": "at-least", "or greater": "at-least",
         "or above": "at-least", "or older": "at-least", "or below": "at-most", "or lower": "at-most",
         "or younger": "at-most", "and older": "at-least", "and above": "at-least", "and younger": "at-most",
         "and under": "at-most", "and below": "at-most"}
_WORD_OF = {w: name for name, words in BEFORE.items() for w in words}


#: Matches a reversed qualifier at the start of reversed text (i.e. just before the number).
REVERSED = re.compile(r"[ \t\u00a0]*(" + alternation(p[::-1] for p in _WORD_OF) + r")(?![A-Za-z])", re.IGNORECASE)
#: Reversed: a verb whose particle is the "up" of "up to" ("went up to 58", "added up to $2m"):
#: the figure is reached, not a ceiling.
_VERB_UP = re.compile(r"[ \t]+" + pattern("up_verbs", reverse=True) + r"(?![A-Za-z])", re.IGNORECASE)
_UP_TO_REVERSED = "up to"[::-1]


def before(rev: str) -> re.Match | None:
    """The qualifier just before a number, matched on the reversed text before it (None when
    there is none, or when "up to" is a verb's particle and the number is reached)."""
    m = REVERSED.match(rev)
    if m is not None and m.group(1).lower() == _UP_TO_REVERSED and _VERB_UP.match(rev, m.end()):
        return None
    return m


#: "estimated at 300", "the estimated cost of the bridge was $5m", "Estimated net worth: $2m",
#: "it is estimated that 300": an estimate some words before the figure.
_ESTIMATED = re.compile(r"\bestimated(?:[ \t]+(?:at|to[ \t]+be|that)|(?:[ \t]+[A-Za-z'’-]+){1,4}?(?:[ \t]+(?:of|is|was|were|"
                        r"are|at|stands[ \t]+at|stood[ \t]+at|totals|totaled|totalled|reached)|[ \t]*:))[ \t]+\Z",
                        re.IGNORECASE)


def estimated(text: str, start: int) -> bool:
    """Whether an "estimated" some words before ``start`` makes the figure there approximate."""
    i = text.rfind("stimated", max(0, start - 64), start)
    return i > 0 and _ESTIMATED.search(text, i - 1, start) is not None


#: A qualifier written after a number ("or more", "and younger", "-odd", "+"), as group 1 or 2.
AFTER_PATTERN = re.compile(r"(?:[ \t\u00a0]*(" + trie(phrase for phrase in AFTER if phrase.startswith(("or ", "and "))) +
                           r")\b(?![ \t]+(?:than\b|[\d$£€]))|(-?odd\b|\+(?![\d.])|-plus\b))", re.IGNORECASE)


def name(word: str) -> str:
    """The qualifier a word or phrase stands for (``"more than"`` → ``more-than``)."""
    key = " ".join(word.lower().split())
    return _WORD_OF.get(key) or AFTER.get(key) or AFTER.get(key.lstrip("-")) or "exact"


def bounds(value: float, qualifier: str, step: float = 0.0) -> tuple[float, float, bool, bool, str]:
    """``(low, high, low_open, high_open, qualifier)`` that a qualified value asserts.

    ``step`` is the place value of the last digit of a scaled figure (``1.8 million`` →
    100,000; 0 when there is no scale word).  Such a figure is rounded, so an exact one
    asserts its rounding interval ``[v - step/2, v + step/2)``; an approximation is ±5 % or
    that rounding interval, whichever is wider.
    """
    v = value
    if qualifier == "exact":
        if step:
            return v - step / 2, v + step / 2, False, True, "exact"
        return v, v, False, False, "exact"
    if qualifier == "approx":
        half = 0.05 * abs(v)
        if step / 2 > half:
            return v - step / 2, v + step / 2, False, True, "approx"
        return v - half, v + half, False, False, "approx"
    if qualifier == "nearly":
        lo, hi = sorted((0.9 * v, v))
        return lo, hi, v < 0, v >= 0, "at-most"
    if qualifier == "more-than":
        return v, INF, True, False, "more-than"
    if qualifier == "at-least":
        return v, INF, False, False, "at-least"
    if qualifier == "at-most":
        return (0.0 if v >= 0 else -INF), v, False, False, "at-most"
    if qualifier == "less-than":
        return (0.0 if v > 0 else -INF), v, False, True, "less-than"
    return v, v, False, False, "exact"


def vague_bounds(word: str, base: float) -> tuple[float, float]:
    """``dozens`` → (24, 99); ``hundreds`` → (200, 999); ``tens of thousands`` → (20000, 99999).

    ``base`` is the round number the plural counts (12 for dozens, 1e3 for thousands);
    "scores" counts twenties and "tens" tens.
    """
    if word == "dozens":
        return 24.0, 99.0
    if word == "scores":
        return 40.0, 199.0
    return 2 * base, 10 * base - 1 if base >= 10 else 9 * base
