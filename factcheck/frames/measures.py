"""What a physical measure belongs to: the thing measured, not the verb of its clause.

A mass, a length, a speed or an area is a property of a thing: "a 540 kg satellite", "gusts
of 96 mph", "100 mph winds", "the payload weighed 450 kilograms".  News writes the same
measure with whatever verb the story needs ("destroying a 540 kg satellite", "winds of 100 mph
battered the coast"), so a measure is compared by the noun it measures.  Durations are not
measures in this sense: "served 5 years" and "was sentenced to 10 years" count different
things, and their verbs tell them apart.
"""
from __future__ import annotations

from typing import Sequence

from factcheck.frames import grammar as G
from factcheck.frames.phrases import (PREPOSITIONS, PRONOUNS, QUALIFIERS, clause_end, concept, is_number, noun_phrase,
                                     subject_of)
from factcheck.frames.vocabulary import PREDICATES, STOP, TIME_NOUNS, is_word

#: Units of time: a duration is told apart by its verb, not by a measured noun.
DURATIONS = TIME_NOUNS | frozenset({"second", "millisecond", "century", "fortnight"})
#: Verbs that give a measure's level ("gusts hit 112 mph", "the wave peaked at 9 metres"):
#: like a copula, they name no quantity of their own.
MEASURE_LEVEL_VERBS = frozenset("""weigh weighs weighed weighing measure measures measured measuring hit hits
reach reaches reached peak peaks peaked top tops topped""".split())
#: Words after a measure that describe its direction or extent, not a noun it measures.
_EXTENTS = frozenset("""deep high tall long wide thick away out off apart across around behind ahead north south
east west northeast northwest southeast southwest inland offshore upstream downstream each apiece per
total overall overnight today yesterday tonight ago earlier later daily weekly""".split())


#: Words after a length that say which of its thing's dimensions it is ("300 metres long");
#: a height or a depth is compared as such (``EXTENT_SUBJECTS``).
_DIMENSIONS = frozenset("long wide across thick".split())
_COPULA_OR_RELATIVE = frozenset("is was are were be been being which that measures measured".split())
#: Words after a length that say which dimension it is ("380 metres below the surface").
EXTENT_SUBJECTS = {"below": "depth", "beneath": "depth", "underground": "depth", "underwater": "depth",
                   "deep": "depth", "high": "height", "tall": "height", "above": "height"}


def is_measure(kind: str, unit: str | None) -> bool:
    """Whether a claim of ``kind`` in ``unit`` is a physical measure (a quantity that is no
    duration); the frame reader then reads it as kind ``"measure"``."""
    return kind == "quantity" and bool(unit) and unit not in DURATIONS


def is_level(unit: str) -> bool:
    """Whether a measure in ``unit`` is a level at a moment (a speed, a temperature), not an
    amount that adds up over time: "a gust of 96 mph overnight" is the gust, whatever the
    period, while "142 mm of rain in 24 hours" is the rain of that day."""
    return "/" in unit or "_per_" in unit or unit in ("knot", "kelvin") or unit.startswith("degree_")


def measured_noun(words: Sequence[str], lo: int, i0: int, j: int, end: int) -> tuple[str, str, int]:
    """(concept, words, index after them) of what the measure at ``words[i0:j]`` measures, in
    its clause ``words[lo:end]``: the noun before "of" ("a gust of up to 96 mph"), the dimension
    a word after it names ("380 metres below", "30 feet high"), or the noun phrase right after
    it ("a 540 kg satellite"); ("", "", j) when it names none."""
    j, end = _past_conversion(words, i0, j, end)
    k = i0 - 1
    while k > lo and words[k].lower() in QUALIFIERS:
        k -= 1
    if k > lo and words[k].lower() == "of" and not _adjective(words, i0, j, end):
        head = words[k - 1]
        if _noun_like(head) and concept(head) not in PREDICATES and head.lower() not in G.RUNNING:
            return concept(head), head, j
        return "", "", j
    opener = words[j] if j < end else ""
    if opener.lower() in _DIMENSIONS:
        described = _described(words, i0 - 1)
        if described:
            return (*described, j + 1)
    if opener.lower() in EXTENT_SUBJECTS:
        return EXTENT_SUBJECTS[opener.lower()], opener, j + 1
    if (_noun_like(opener) or opener[:1].isupper() and "-" in opener) and opener.lower() not in _EXTENTS \
            and not G.is_verb(opener):
        after, inner = noun_phrase(words, j, end)
        inner = inner[:next((n for n, w in enumerate(inner) if w.lower() in _EXTENTS or not _noun_like(w)
                             and not w[:1].isupper() or n and G.is_finite(w)),
                            len(inner))]  # "the 310-metre bridge cut the city in two": the bridge
        if inner:
            subject, subject_words, _ = subject_of(inner)
            if subject and not subject.startswith(("=", "^")):
                return subject, subject_words, after
    return "", "", j


def _past_conversion(words: Sequence[str], i0: int, j: int, end: int) -> tuple[int, int]:
    """(where the measured noun may open, the end of its clause) past a conversion in
    parentheses between a measure and its noun: "the 88-foot (27-metre) dam" (after the
    first measure or the one inside); ``(j, end)`` unchanged when there is none."""
    if j < len(words) and words[j] == "(":
        close = next((k for k in range(j + 1, min(len(words), j + 9)) if words[k] == ")"), None)
        if close is not None and any(is_number(w) or w[:1].isdigit() for w in words[j + 1:close]):
            return close + 1, clause_end(words, close + 1)
    elif j < len(words) and words[j] == ")" and i0 > 0 and words[i0 - 1] == "(":
        return j + 1, clause_end(words, j + 1)
    return j, end


def _adjective(words: Sequence[str], i0: int, j: int, end: int) -> bool:
    """Whether the measure ``words[i0:j]`` is written as one word before a noun it describes
    ("the collapse of the 310ft structure", "of an 88-foot dam"): that noun is what it
    measures, not the one before "of" ("a gust of up to 96 mph")."""
    return j - i0 == 1 and any(ch.isalpha() for ch in words[i0]) and j < end and _noun_like(words[j]) \
        and not G.is_verb(words[j])


def _described(words: Sequence[str], k: int) -> tuple[str, str] | None:
    """The noun a dimension after a measure describes, before it in its clause: "the ship is
    300 metres long", "the Mellin Bridge, which is 310 metres long", "the avalanche, some 400
    metres across"; None when the words before are no such noun."""
    while k >= 0 and (words[k].lower() in _COPULA_OR_RELATIVE or words[k] in (",", "(")
                      or words[k].lower() in QUALIFIERS or is_number(words[k])
                      or k and is_number(words[k - 1]) and not words[k][:1].isupper()):
        k -= 1  # a measure it converts ("300 metres (about 1,000 feet) long") is skipped too
    if k < 0 or words[k].lower() in PRONOUNS or words[k].lower() in ("he", "she", "this") \
            or not (_noun_like(words[k]) or words[k][:1].isupper() and is_word(words[k])):
        return None
    if G.is_verb(words[k]) and words[k][:1].islower():
        return None
    subject, subject_words, _ = subject_of([words[k].lower()])
    return (subject, words[k]) if subject and not subject.startswith(("=", "^")) else None


def _noun_like(word: str) -> bool:
    """A lowercase content word that can head a noun phrase."""
    low = word.lower()
    return (is_word(word) and word[:1].islower() and not is_number(word) and low not in STOP
            and low not in PREPOSITIONS and low not in PRONOUNS and low not in QUALIFIERS)


__all__ = ["DURATIONS", "EXTENT_SUBJECTS", "MEASURE_LEVEL_VERBS", "is_level", "is_measure", "measured_noun"]
