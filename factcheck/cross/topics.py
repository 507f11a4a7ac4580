"""What story an article tells, as the proper names it writes.

Articles about one event name its place, its people and its organisations ("Oskemir",
"Tarvale", "Kessler"); articles about different events that happen to give alike figures
("nine remain in hospital" after a coach crash and after an outbreak) seldom share one.  A
document's *topic* is its proper names: the capitalized words it writes inside sentences and
never in lowercase, but for days and months (so "Fire", "County" and "Hospital" in a fire story's "Ashgrove Fire" and
"Marlow County Hospital" are not names of that story), the most frequent first, each as its
consonant skeleton.  Two figures of articles whose topics share no name are of different
stories and are not compared.
"""

from __future__ import annotations

import collections

import regex

from factcheck.frames.vocabulary import names_nothing, skeleton

#: A capitalized word inside a sentence: after a lowercase word, a figure or a comma, so that a
#: sentence's first word ("Officials", "The") is not taken for a name.
_INSIDE = regex.compile(r"(?<=[\p{Ll}\d,;)] )\p{Lu}[\p{L}\p{M}'’-]*")
#: How many names a topic keeps (the most frequent), and how many it needs to set a story apart.
TOPIC_NAMES = 16
MIN_NAMES = 3


def topic(text: str) -> frozenset[str]:
    """The proper names of ``text`` (lowercased, without a possessive "'s"): capitalized words
    inside its sentences that it never writes in lowercase, at most ``TOPIC_NAMES`` of them (the
    most frequent, then in name order); empty for a text that names nothing."""
    counts = collections.Counter(_name(w) for w in _INSIDE.findall(text))
    names: list[str] = []
    for _, w in sorted((-n, w) for w, n in counts.items() if len(w) > 1 and not names_nothing(w.capitalize())):
        if not _written_lower(text, w):
            names.append(skeleton(w))
            if len(names) == TOPIC_NAMES:
                break
    return frozenset(names)


def _written_lower(text: str, word: str) -> bool:
    """Whether ``text`` writes ``word`` (lowercase) as a word of its own."""
    i, n = text.find(word), len(word)
    while i >= 0:
        if not _in_word(text[i - 1:i]) and not _in_word(text[i + n:i + n + 1]):
            return True
        i = text.find(word, i + 1)
    return False


def _in_word(ch: str) -> bool:
    return ch.isalnum() or ch in "'’-"


def _name(word: str) -> str:
    w = word.lower()
    return w[:-2] if w.endswith(("'s", "’s")) else w


def same_story(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two topics may be of one story: they share a name, or either has fewer than
    ``MIN_NAMES`` (a text of a sentence or two says too little of its story to tell)."""
    return len(a) < MIN_NAMES or len(b) < MIN_NAMES or not a.isdisjoint(b)


__all__ = ["MIN_NAMES", "TOPIC_NAMES", "same_story", "topic"]
