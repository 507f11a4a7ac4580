"""What a figure that gives a new level belongs to: the noun whose level changed.

Business and statistics news writes a level after a change ("revenue fell 6% from a year
earlier to $4.82 billion", "its shares rose to $31", "the jobless rate dropped to 4.1
percent") or with a verb that only states it ("revenue came in at $4.28 billion"). Such a
figure has no event of its own: it is the level of the noun before the verb, and two
outlets that give that noun's level in different words give the same quantity.
"""
from __future__ import annotations

from typing import Sequence

from factcheck.frames import grammar as G
from factcheck.frames.phrases import (DETERMINERS, PLAIN_MODIFIERS, PRONOUNS, QUALIFIERS, concept, is_number,
                                     subject_of)
from factcheck.frames.vocabulary import STOP, is_word

#: Concepts of the verbs after which a figure following "to" is a level.
CHANGES = frozenset({"rise", "fall"})
#: Determiners and possessives that may open the noun phrase before the verb.
_OPENERS = DETERMINERS | {"our"}
_RECORD = frozenset("a record new fresh".split())
_STAND = frozenset("stand stands stood standing".split())
_BREAKS = frozenset("said says that and but".split())
#: Nouns whose phrase names what is counted after "of" ("the number of patients").
_AMOUNT_OF = frozenset("number total count tally".split())
_PREPOSITIONS = frozenset("at in on for of from with by over under".split())


def level_after_to(words: Sequence[str], lo: int, i0: int) -> int | None:
    """The index of the change verb when the figure at ``words[i0]`` follows "to" after it in
    its clause ("fell 6% from a year earlier to $4.82 billion"); None otherwise."""
    k = i0 - 1
    while k > lo and (words[k].lower() in QUALIFIERS or words[k].lower() in _RECORD) and words[k].lower() != "to":
        k -= 1  # "rose to a record 612,400"
    if k <= lo or words[k].lower() != "to":
        return None
    for v in range(k - 1, max(lo, k - 10) - 1, -1):
        if concept(words[v]) in CHANGES and G.is_verb(words[v]):
            return v
    return None


def _finite(words: Sequence[str], k: int, lo: int) -> bool:
    """Whether ``words[k]`` is a finite verb, not a participle used as an adjective ("for planned treatment")."""
    return G.is_finite(words[k]) and not (G.is_participle(words[k]) and k > lo
                                          and words[k - 1].lower() in _PREPOSITIONS | _OPENERS)


def _counted(phrase: Sequence[str]) -> list[str]:
    """What "the number of …" counts: the noun phrase after "of", up to a verb or a preposition."""
    out: list[str] = []
    for w in phrase:
        low = w.lower()
        if out and (G.is_verb(w) or low.endswith("ing")) or low in STOP and low not in PLAIN_MODIFIERS \
                or low in _PREPOSITIONS:
            break
        out.append(w)
    return out


def came_in_at(words: Sequence[str], lo: int, i0: int) -> int | None:
    """The index of "came" when the figure follows "came in at" ("revenue came in at $4.28
    billion"); None otherwise."""
    k = i0 - 1
    while k > lo and words[k].lower() in QUALIFIERS and words[k].lower() != "at":
        k -= 1
    if k - 2 >= lo and words[k].lower() == "at" and words[k - 1].lower() == "in" \
            and words[k - 2].lower() in ("came", "come", "comes", "coming"):
        return k - 2
    if k - 1 >= lo and words[k].lower() == "at" and words[k - 1].lower() in _STAND:
        return k - 1  # "the number of confirmed cases stands at 140"
    return None


def subject_before(words: Sequence[str], lo: int, v: int) -> tuple[str, str, frozenset[str]] | None:
    """The noun phrase right before the verb at ``v`` (after its opener), up to a preposition:
    "revenue", "its shares", "the jobless rate"; "Revenue for the third quarter" gives revenue.
    None when the words before the verb are no plain noun phrase (a name, a pronoun, a verb)."""
    while v > lo and words[v - 1].lower() in G.AUX:
        v -= 1  # "has risen", "had fallen"
    start = v
    while start > lo and v - start < 12 and is_word(words[start - 1]) and (
            words[start - 1].lower() in _AMOUNT_OF or not _finite(words, start - 1, lo) and not is_number(words[start - 1])
    ) and words[start - 1].lower() not in _BREAKS:
        start -= 1
    while start < v and (words[start].lower() in _OPENERS or words[start].lower().endswith(("'s", "’s"))):
        start += 1  # "the", "Brisco's"
    phrase = list(words[start:v])
    if len(phrase) > 2 and phrase[0].lower() in _AMOUNT_OF and phrase[1].lower() == "of":
        phrase = _counted(phrase[2:])  # "the number of patients waiting for treatment"
    elif v - start > 8:
        return None
    cut = next((n for n, w in enumerate(phrase) if n and w.lower() in STOP
                and (w.lower() not in PLAIN_MODIFIERS or w.lower() in _PREPOSITIONS)), len(phrase))
    phrase = phrase[:cut]
    if not phrase or len(phrase) > 3 or phrase[-1][:1].isupper() and start > lo or phrase[-1].lower() in PRONOUNS \
            or phrase[-1].lower() in G.RUNNING:
        return None
    found = subject_of([phrase[0].lower(), *phrase[1:]] if start == lo else phrase)
    return found if found[0] and not found[0].startswith(("=", "^")) else None


__all__ = ["CHANGES", "came_in_at", "level_after_to", "subject_before"]
