"""Bare counts that a year or a name rule would drop: "About 1500 fled", "an average of 1500", "Last week 12 died".

Each ``claim.*`` rule here keeps a bare number (no unit, currency, scale or qualifier of its
own) as a count where the word before it would make it a year (``not-claim.year``) or the
number of a stage (``not-claim.identifier``).  What decides is the clause around it: a figure
that counts the noun after it, or is the subject of the verb after it, is a count.
``COUNT_RULES`` are asked first among the bare-number rules (``bare_numbers``).
"""
from __future__ import annotations

from factcheck.extract import lazy_re as re

from factcheck.extract.lexicon import STOP, YEAR_NOUNS, pattern, words
from factcheck.extract.nearby import Bare, counted_plural, prev_word
from factcheck.extract.policy import rule

_APPROXIMATORS = words("approximators")
_DATE_PREPOSITIONS = words("date_prepositions")
_SUBJECT_VERBS = words("subject_verbs")
_TIME_DETERMINERS = words("time_determiners")
_TIME_NOUNS = words("time_nouns")
#: "of them", "of the residents": a figure before these counts a part of a whole.
_PART_OF = frozenset(("the", "them", "those", "these", "whom", "us", "its", "their", "our", "his", "her"))
#: The word after a figure, and the punctuation or the word after that one.
_NEXT_TWO = re.compile(r"[ \t]+([a-z]+)(?![\w'’-])(?:[ \t]*([,.;:!?)]|\Z)|[ \t]+([a-z]+)(?![\w'’-]))?")
#: "an average of", "a daily average of", "a death toll of": an amount, then "of", before the figure.
_AMOUNT_OF_BEFORE = re.compile(r"(?<![A-Za-z])an?[ \t]+(?:[\w-]+[ \t]+){0,2}" + pattern("amount_nouns") +
                               r"[ \t]+of[ \t]+\Z", re.IGNORECASE)
_YEAR_SHAPED = (1000, 2201)


def counts_what_follows(bare: Bare) -> bool:
    """Whether what follows the figure makes it a count: a plural noun it counts, "of them", or a verb it is the subject of."""
    found = _NEXT_TWO.match(bare.text, bare.end, bare.end + 40)
    if found is None:
        return False
    first, closed, second = found.groups()
    if first == "of":
        return second in _PART_OF
    if counted_plural(first) or first in _SUBJECT_VERBS:
        return True
    return len(first) > 4 and first.endswith("ed") and (closed is not None or second in STOP)


def _word_before(bare: Bare) -> str:
    """The word before the word before the figure, in lower case ("in" in "in about 1500"), or ""."""
    index = bare.text.rfind(bare.word, max(0, bare.start - 40), bare.start)
    before = prev_word(bare.text, index) if index > 0 else None
    return before[0].lower() if before and before[1] == "" else ""


@rule("claim.count-after-approximator", keys=_APPROXIMATORS, values=_YEAR_SHAPED)
def count_after_approximator(bare: Bare) -> bool:
    """A four-digit figure after "about", "around" or "some" is a count when a plural or a verb follows ("About 1500 fled"; not "in about 1500")."""
    return bare.year_shaped and bare.lower in _APPROXIMATORS and bare.punct == "" and \
        _word_before(bare) not in _DATE_PREPOSITIONS and counts_what_follows(bare)


@rule("claim.count-after-amount-of", keys=("of",), values=_YEAR_SHAPED)
def count_after_amount_of(bare: Bare) -> bool:
    """A four-digit figure after "a/an", an amount and "of" is a count ("an average of 1500", "a crowd of 2000")."""
    start = bare.start
    return bare.year_shaped and bare.lower == "of" and bare.next_word.rstrip(".") not in YEAR_NOUNS and \
        _AMOUNT_OF_BEFORE.search(bare.text, max(0, start - 60), start) is not None


@rule("claim.count-after-time-phrase", keys=_TIME_NOUNS)
def count_after_time_phrase(bare: Bare) -> bool:
    """A figure after a time phrase such as "last week" is a count when a plural or a verb follows ("Last week 12 people died"; not "Week 12")."""
    return bare.lower in _TIME_NOUNS and bare.word == bare.lower and bare.punct == "" and \
        _word_before(bare) in _TIME_DETERMINERS and counts_what_follows(bare)


#: The rules that keep a bare count, in the order ``bare_numbers`` asks them (before any other).
COUNT_RULES = (count_after_approximator, count_after_amount_of, count_after_time_phrase)

__all__ = ["COUNT_RULES", "counts_what_follows"]
