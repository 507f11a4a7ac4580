"""Word lists that decide whether a number is a claim, read once from ``words/*.txt``.

Each file holds one word (or phrase) a line, sorted and unique, after a ``#`` comment that
says what the list is for; ``words(name)`` reads one as a set and ``pattern(name)`` as a
regex alternation.  Context before a number is matched on reversed text, so ``pattern``
can also reverse each word: no word is written reversed by hand.  The sets below are the
lists most modules share; every set holds lower-case words unless it says otherwise.
"""
from __future__ import annotations

import functools
import re
from importlib import resources


@functools.lru_cache(maxsize=None)
def lines(name: str) -> tuple[str, ...]:
    """The words of ``words/<name>.txt`` in file order (comments and blank lines left out)."""
    text = resources.files(__package__).joinpath("words", name + ".txt").read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if line and not line.startswith("#"))


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
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(space if char == " " else re.escape(char)) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if "" in node else body
    return "(?:" + emit(tree) + ")"


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
