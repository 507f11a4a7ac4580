"""Fractions in words: the rules that keep "a third of", "two-thirds" and "cut by half", and
drop the ordinals "the third quarter", "the second half" and "third-party".

``fraction_rule`` asks them in order; the first that fires decides.  A ``claim.*`` rule keeps a
fraction that a later rule would drop.
"""
from __future__ import annotations

from factcheck.extract import lazy_re as re

from factcheck.extract.core import Core
from factcheck.extract.lexicon import words
from factcheck.extract.nearby import prev_word
from factcheck.extract.policy import Chain, rule

_NEXT_TOKEN = re.compile(r"[ \t]*([A-Za-z]+|[^ \tA-Za-z]|$)")
_HYPHEN = re.compile(r"[-‐]")
_AFTER_BY_HALF = words("after_by_half")
_HALF_BLOCKERS = words("half_blockers")
_HALF_FOLLOWERS = words("half_followers")
_HALF_QUALIFIERS = words("half_qualifiers")
_FRACTION_DETERMINERS = words("fraction_determiners")
_A_FRACTION_FOLLOWERS = words("a_fraction_followers") | {""}


class Fraction:
    """A fraction in words and the words around it: ``first`` is its first word in lower case,
    ``lower`` the word before it and ``next_token`` the word (or mark) after it, both in lower case."""

    __slots__ = ("text", "core", "first", "lower", "next_token")

    def __init__(self, text: str, core: Core, first: str):
        before = prev_word(text, core.start)
        following = _NEXT_TOKEN.match(text[core.end:core.end + 16])
        self.text, self.core, self.first = text, core, first
        self.lower = before[0].lower() if before else ""
        self.next_token = following.group(1).lower() if following else ""


@rule("claim.by-half", keys=("half",))
def by_half(fraction: Fraction) -> bool:
    """"by half" is a change of 50 % ("cut by half", "fell by half since 2010")."""
    following = fraction.next_token
    return fraction.first == "half" and fraction.lower == "by" and \
        (following in _AFTER_BY_HALF or not following.isalpha()) and not _HYPHEN.match(following)


@rule("not-claim.half-of-a-whole", keys=("half",))
def half_of_a_whole(fraction: Fraction) -> bool:
    """"the second half", "in half", "one half": a part of a period or a whole, not a share of something."""
    return fraction.first == "half" and fraction.lower in _HALF_BLOCKERS


@rule("not-claim.ordinal-fraction")
def ordinal_fraction(fraction: Fraction) -> bool:
    """"the third quarter", "its fifth": after a determiner, a fraction word is an ordinal."""
    return fraction.first != "half" and fraction.lower in _FRACTION_DETERMINERS


@rule("not-claim.fraction-compound")
def fraction_compound(fraction: Fraction) -> bool:
    """A fraction word joined by a hyphen is a compound ("half-time", "third-party", "quarter-final")."""
    return _HYPHEN.match(fraction.text[fraction.core.end:fraction.core.end + 1]) is not None


@rule("claim.half-of", keys=("half",))
def half_of(fraction: Fraction) -> bool:
    """"half of", "half the", "nearly half": a share of something."""
    return fraction.first == "half" and (fraction.next_token in _HALF_FOLLOWERS or fraction.lower in _HALF_QUALIFIERS)


@rule("not-claim.half-alone", keys=("half",))
def half_alone(fraction: Fraction) -> bool:
    """"half" that is no share of something named is a word ("half asleep", "half a chance")."""
    return fraction.first == "half"


@rule("claim.a-fraction-of")
def a_fraction_of(fraction: Fraction) -> bool:
    """"a third of", "a quarter more": one part of something."""
    following = fraction.next_token
    return _a_fraction(fraction) and (following in _A_FRACTION_FOLLOWERS or not following.isalpha())


@rule("not-claim.a-fraction-alone")
def a_fraction_alone(fraction: Fraction) -> bool:
    """"a third" before another word is an ordinal ("a third time", "a fifth straight year")."""
    return _a_fraction(fraction)


def _a_fraction(fraction: Fraction) -> bool:
    core = fraction.core
    return fraction.first != "half" and core.value <= 0.5 and fraction.text[core.start:core.start + 2].lower() in ("a ", "an")


_RULES = Chain((by_half, half_of_a_whole, ordinal_fraction, fraction_compound, half_of, half_alone, a_fraction_of,
                a_fraction_alone))


def fraction_rule(text: str, core: Core, first: str) -> str | None:
    """The id of the first rule that decides the fraction ``core`` (whose first word is ``first``),
    or None when none does (a claim)."""
    return _RULES.first(Fraction(text, core, first), first)


__all__ = ["Fraction", "fraction_rule"]
