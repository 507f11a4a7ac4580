"""Word lists that decide whether a number is a claim, read once from ``words/*.txt``.

Each file holds one word (or phrase) a line, sorted and unique, after a ``#`` comment that
says what the list is for; ``words(name)`` reads one as a set and ``pattern(name)`` as a
regex alternation.  Context before a number is matched on reversed text, so ``pattern``
can also reverse each word: no word is written reversed by hand.  The sets below are the
lists most modules share; every set holds lower-case words unless it says otherwise.
"""
from __future__ import annotations

import functools
import itertools
import os
import re

_WORDS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "words")


@functools.lru_cache(maxsize=None)
def lines(name: str) -> tuple[str, ...]:
    """The words of ``words/<name>.txt`` in file order (comments and blank lines left out)."""
    with open(os.path.join(_WORDS, name + ".txt"), encoding="utf-8") as fh:
        return tuple(line for line in fh.read().splitlines() if line and not line.startswith("#"))


def words(name: str) -> frozenset[str]:
    """The words of ``words/<name>.txt`` as a set."""
    return frozenset(lines(name))


def pattern(name: str, *, reverse: bool = False, space: str = r"[ \t]+") -> str:
    """The words of ``words/<name>.txt`` as one non-capturing alternation (a ``trie``).

    A blank inside a phrase matches ``space``; ``reverse`` spells every word backwards, for
    the patterns matched on the reversed text before a number.
    """
    return trie((word[::-1] if reverse else word for word in lines(name)), space=space)


def trie(words, space: str = " ") -> str:
    """One non-capturing regex for a set of literal words, as a trie: a longer word wins over
    its prefix, and one pass reads it however many words there are.  A blank in a word
    matches ``space``."""
    return "(?:" + _branches(sorted(set(words)), space) + ")"


def _branches(suffixes: list[str], space: str) -> str:
    """The trie below one node: ``suffixes`` (sorted) are what the words hold after it."""
    alternatives = [(space if first == " " else re.escape(first)) + _branches([word[1:] for word in group], space)
                    for first, group in itertools.groupby((word for word in suffixes if word), key=lambda word: word[0])]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    return "(?:" + body + ")?" if suffixes[0] == "" else body


#: A number right after one of these is a name or reference, not a quantity
#: ("Section 230", "Resolution 2334", "Room 101", "phase one", "Game 7", "No. 10").
IDENTIFIER_WORDS = words("identifier_words")
#: Capitalized words after a number that make it a product or model name, case as written.
MODEL_AFTER = words("model_after")
#: Singular nouns after a number that make it a model name ("the 8088 chip", "a 486 processor").
MODEL_NOUNS = words("model_nouns")
#: A number right after one of these (any case) is the day of a date or a year.
MONTHS = words("months")
#: Month names that are also common words count only when capitalized.
MONTHS_CAPITAL_ONLY = words("months_capital_only")
#: A four-digit number after these is a year ("in 2024", "since 1990", "fiscal 2023").
YEAR_BEFORE = words("year_before")
#: Plural nouns that follow a year used as a modifier ("1988 sales", "2020 elections").
YEAR_NOUNS = words("year_nouns")
#: Capitalized words that may stand right before a count without making it a name
#: ("About 300", "With 275", "Only 5"), and the verbs of a Title Case headline ("Kills 3").
CAPITAL_OK = words("capital_ok") | words("headline_verbs")
#: Words that end a counted noun phrase (function words and common verbs).
STOP = words("stop_words")
#: After "m" (metre or million?): these words mean metres ("5m tall", "100m sprint").
METRE_CONTEXT = words("metre_context")
#: Prepositions of a clock time ("at ten minutes to eight").
TIME_PREPOSITIONS = words("time_prepositions")

__all__ = ["CAPITAL_OK", "IDENTIFIER_WORDS", "METRE_CONTEXT", "MODEL_AFTER", "MODEL_NOUNS", "MONTHS",
           "MONTHS_CAPITAL_ONLY", "STOP", "TIME_PREPOSITIONS", "YEAR_BEFORE", "YEAR_NOUNS", "lines", "pattern", "trie",
           "words"]
