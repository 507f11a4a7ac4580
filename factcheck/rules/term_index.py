"""Which facts a claim may be about, found without trying every fact's terms on its text.

A match term can only be found where a word begins with the letters its alternatives begin
with: ``hostage*|captive*`` needs a word starting "hostag" or "captiv" (terms match whole words,
so a match always starts a run of word characters).  ``TermIndex`` files every ``all`` and
``any`` term of every fact under those first (up to ``KEY``) letters once per rule set;
``candidates(keys)`` then gives, in the facts' order, the facts whose every ``all`` term and
at least one ``any`` term may be found among words starting so.  It is a filter that never
drops a fact the matcher would take: an alternative that starts with a wildcard, a
non-word character or a letter beyond ASCII is filed as "anywhere".  A check against
10,000 facts then scores the few facts whose words a claim's sentence holds.
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from typing import Iterable, Sequence

KEY = 6
_WORD = re.compile(r"\w+")
_LEAD = re.compile(r"[A-Za-z0-9_]+")
#: The characters beyond ASCII that ``re.IGNORECASE`` matches with an ASCII letter (İ ı ſ and
#: the Kelvin sign); every other character beyond ASCII matches none (tests/rules/test_term_index.py).
FOLDS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_FOLD = str.maketrans({**{c: c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}, **FOLDS})


def term_keys(text: str) -> frozenset[str] | None:
    """The lower-case first letters a word must begin with for the term to be found there,
    one per alternative; None when an alternative may start anywhere."""
    keys = set()
    for alt in text.split("|"):
        lead = _LEAD.match(alt.strip())
        if lead is None:
            return None  # a wildcard, a mark or a letter beyond ASCII first: anywhere
        keys.add(lead.group().lower()[:KEY])
    return frozenset(keys)


def word_keys(text: str, start: int = 0, end: int | None = None) -> set[str]:
    """The keys the words of ``text[start:end]`` begin with (their first 1 to ``KEY`` letters,
    folded as ``re.IGNORECASE`` compares them)."""
    out: set[str] = set()
    for word in set(_WORD.findall(text, start, len(text) if end is None else end)):
        out.update(_prefixes(word))
    return out


@functools.lru_cache(maxsize=1 << 16)
def _prefixes(word: str) -> tuple[str, ...]:
    head = word[:KEY].translate(_FOLD)
    return tuple(head[:n] for n in range(1, len(head) + 1))


class TermIndex:
    """The ``all`` and ``any`` terms of a sequence of facts, filed by the keys they need."""

    def __init__(self, facts: Sequence):
        self.facts = facts
        self.by_key: dict[str, set[int]] = defaultdict(set)
        self.anywhere: set[int] = set()  # facts with a term that may start anywhere
        self.needs: list[tuple[tuple[frozenset[str] | None, ...], tuple[frozenset[str] | None, ...]]] = []
        for i, fact in enumerate(facts):
            spec = fact.match
            every = tuple(term_keys(t.text) for t in spec.all)
            some = tuple(term_keys(t.text) for t in spec.any)
            self.needs.append((every, some))
            for keys in every + some:
                if keys is None:
                    self.anywhere.add(i)
                else:
                    for k in keys:
                        self.by_key[k].add(i)

    def candidates(self, keys: Iterable[str]) -> list:
        """The facts, in order, whose terms may all be found among words with these keys."""
        keys = keys if isinstance(keys, (set, frozenset)) else set(keys)
        reached = set(self.anywhere)
        for k in keys:
            found = self.by_key.get(k)
            if found:
                reached |= found
        out = []
        for i in sorted(reached):
            every, some = self.needs[i]
            if all(k is None or not k.isdisjoint(keys) for k in every) and \
                    (not some or any(k is None or not k.isdisjoint(keys) for k in some)):
                out.append(self.facts[i])
        return out


__all__ = ["FOLDS", "KEY", "TermIndex", "term_keys", "word_keys"]
