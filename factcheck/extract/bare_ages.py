"""Ages without "years old": "Jane Roe, 45, said", "aged 7", "she turned 70", "people over 65".

Each ``unit.age-*`` rule here decides that a bare number (no unit of its own) counts years
of age; the reader that asked gives the number the unit ``year`` and the kind ``age``.
``BARE_AGE_RULES`` are asked among the bare-number rules (``bare_numbers``); the bounded ages
("older than 40", "people over 65", "21 and younger") once the qualifiers are read.
"""
from __future__ import annotations

from factcheck.extract import lazy_re as re

from factcheck.extract.core import Core
from factcheck.extract.counted_nouns import noun
from factcheck.extract.lexicon import CAPITAL_OK, pattern, words
from factcheck.extract.nearby import Bare, prev_word
from factcheck.extract.policy import rule

#: "the age of 7", "her age was 7", "ranging in age from 15"
_AGE_OF_BEFORE = re.compile(r"\bages?[ \t]+(?:of|was|is|from|between)[ \t]+\Z", re.IGNORECASE)
#: "The average age for children stricken with AFM is 7"
_AVERAGE_AGE_BEFORE = re.compile(r"\b(?:average|median|mean)[ \t]+age[ \t]+(?:of|for|among|in)[ \t][^.;:!?\n]{1,60}[ \t]"
                                 r"(?:is|was|were|are)[ \t]+\Z", re.IGNORECASE)
_SENTENCE_END = re.compile(r"\.(?:[\"”’')]*)(?:[ \t\n]|\Z)")  # "said Jane Roe, 55."
#: What may follow the age in "she turned 70": the end of a clause or a time ("on Monday", "last week").
_AFTER_TURNED = re.compile(r"[ \t]*(?:[,.;:!?)\n]|\Z|" + pattern("turned_followers") + r"(?![A-Za-z]))")
#: "his mother, who is 93.", "the oldest of whom was 11", "the youngest was 3"
_WHO_IS_BEFORE = re.compile(r"(?:\bwho|\b(?:oldest|youngest)(?:[ \t]+of[ \t]+(?:whom|them))?)[ \t]+(?:is|was)"
                            r"(?:[ \t]+now)?[ \t]+\Z", re.IGNORECASE)
#: "Simpson, now 70, is", "the retired nurse, now 64,": an appositive age; not "the toll, now 70,".
_NOW_AGE_BEFORE = re.compile(r"\b(?!" + pattern("tally_nouns") + r"\b)[A-Za-z][\w'’-]+[ \t]*,[ \t]*now[ \t]+\Z",
                             re.IGNORECASE)
_OLDER_THAN = re.compile(r"\b(older|younger)[ \t]+than[ \t]+\Z", re.IGNORECASE)
_OLDER_THAN_AT = re.compile(r"(?:older|younger)[ \t]+than[ \t]", re.IGNORECASE)
_AGE_BOUND = re.compile(r"(?:over|under|above|below)[ \t]", re.IGNORECASE)
_PEOPLE = words("aged_people")


@rule("unit.age-from-name-comma", values=(1, 121), capital=True)
def age_from_name_comma(bare: Bare) -> bool:
    """A whole number up to 120 set off by commas after a capitalized name is an age ("Jane Roe, 45, said")."""
    text, end, value = bare.text, bare.end, bare.value
    return bare.punct == "," and bare.word[:1].isupper() and bare.lower not in CAPITAL_OK and 1 <= value <= 120 and \
        value == int(value) and (text[end:end + 1] in (",", ";") or _SENTENCE_END.match(text, end) is not None)


@rule("unit.age-after-aged", keys=("aged", "age", "ages"))
def age_after_aged(bare: Bare) -> bool:
    """A figure right after "aged" or "age" is an age ("aged 45", "children age 5 to 11")."""
    return bare.lower in ("aged", "age", "ages")


@rule("unit.age-of", keys=("of", "was", "is", "from", "between"))
def age_of(bare: Bare) -> bool:
    """A figure after "the age of" or "her age was" is an age ("at the age of 7", "ranging in age from 15")."""
    start = bare.start
    return bare.lower in ("of", "was", "is", "from", "between") and \
        _AGE_OF_BEFORE.search(bare.text, max(0, start - 16), start) is not None


@rule("unit.age-average", keys=("is", "was", "were", "are"))
def age_average(bare: Bare) -> bool:
    """A figure after "the average age of … is" is an age ("The average age for children with AFM is 7")."""
    text, start = bare.text, bare.start
    return bare.lower in ("is", "was", "were", "are") and text.find(" age ", max(0, start - 100), start) >= 0 and \
        _AVERAGE_AGE_BEFORE.search(text, max(0, start - 100), start) is not None


def _told_age(bare: Bare) -> bool:
    """A whole number up to 120 that ends a clause or comes before a time ("70.", "70 last week")."""
    return bare.value <= 120 and bare.value == int(bare.value) and _AFTER_TURNED.match(bare.text, bare.end) is not None


@rule("unit.age-turned", keys=("turned", "turns", "turning"), values=(None, 121))
def age_turned(bare: Bare) -> bool:
    """A figure after "turned" that ends a clause is an age ("she turned 70 last week")."""
    return bare.lower in ("turned", "turns", "turning") and _told_age(bare)


@rule("unit.age-who-is", keys=("is", "was", "now"), values=(None, 121))
def age_who_is(bare: Bare) -> bool:
    """A figure after "who is" or "the youngest was" that ends a clause is an age ("his mother, who is 93.")."""
    start = bare.start
    return bare.lower in ("is", "was", "now") and _WHO_IS_BEFORE.search(bare.text, max(0, start - 32), start) is not None \
        and _told_age(bare)


@rule("unit.age-now", keys=("now",), values=(None, 121))
def age_now(bare: Bare) -> bool:
    """A figure after "Name, now" that ends a clause is an age ("Simpson, now 70, is"; not "the toll, now 70,")."""
    start = bare.start
    return bare.lower == "now" and _NOW_AGE_BEFORE.search(bare.text, max(0, start - 40), start) is not None and \
        _told_age(bare)


#: The age rules among the bare-number rules, in the order they are asked.
BARE_AGE_RULES = (age_from_name_comma, age_after_aged, age_of, age_average, age_turned, age_who_is, age_now)


def read_older_than(text: str, core: Core) -> None:
    """Take "older than" or "younger than" right before the bare figure ``core`` as its qualifier."""
    window = max(0, core.start - 16)
    found = _OLDER_THAN.search(text, window, core.start) if "than" in text[window:core.start].lower() else None
    if found:
        core.q, core.start = ("more-than" if found.group(1).lower() == "older" else "less-than"), found.start()


def _ageable(text: str, core: Core) -> bool:
    """A whole number from 1 to 120 that counts nothing named after it."""
    return not noun(text, core) and core.value == int(core.value) and 0 < core.value <= 120


@rule("unit.age-older-than")
def age_older_than(text: str, core: Core) -> bool:
    """A whole number up to 120 after "older than" or "younger than" that counts nothing is an age ("older than 40")."""
    return core.q in ("more-than", "less-than") and _OLDER_THAN_AT.match(text, core.start) is not None and \
        _ageable(text, core)


@rule("unit.age-bound")
def age_bound(text: str, core: Core) -> bool:
    """A whole number up to 120 after people and "over" or "under" is an age ("people over 65", "children under 5")."""
    if core.q not in ("more-than", "less-than") or not _AGE_BOUND.match(text, core.start):
        return False
    before = prev_word(text, core.start)
    return before is not None and not before[1] and before[0].lower() in _PEOPLE and _ageable(text, core)


def bounded_age_rule(text: str, core: Core) -> str | None:
    """The id of the rule that makes the bounded bare figure ``core`` an age, or None."""
    if age_older_than(text, core):
        return age_older_than.rule_id
    return age_bound.rule_id if age_bound(text, core) else None


@rule("unit.age-or-older")
def age_or_older(text: str, core: Core) -> bool:
    """A bare figure that ends in "or older" or "and younger" is an age ("patients 21 and younger")."""
    return text.endswith(("older", "younger"), 0, core.end)


__all__ = ["BARE_AGE_RULES", "age_or_older", "bounded_age_rule", "read_older_than"]
