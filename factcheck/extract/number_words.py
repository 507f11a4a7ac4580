"""Number words in context: the rules that tell whether a run of number words is a claim.

Number words are often no number at all: an idiom or a pronoun ("one of", "no one", "one
step closer"), a name ("Formula One", "Police Arrest Four Men", "a two-state solution") or a
title's numeral ("phase two").  ``word_rule`` asks the rules below in order; the first that
fires decides, and a ``claim.*`` rule keeps a "one" that a later rule would drop ("one in
five", "killed two and wounded one").  Fractions in words have their own rules
(``fraction_words``).
"""
from __future__ import annotations

from factcheck.extract import lazy_re as re

from factcheck.extract import numbers as N
from factcheck.extract.clock_times import clock_hour, spelled_clock
from factcheck.extract.lexicon import CAPITAL_OK, IDENTIFIER_WORDS, pattern, words
from factcheck.extract.nearby import prev_word, sentence_start
from factcheck.extract.policy import Chain, rule
from factcheck.extract.units import AFTER_NUMBER, DURATIONS, UNIT_SURFACES

_ONE_IDIOM = re.compile(r"(?:-|[ \t]+" + pattern("one_idiom_next") + r"(?![A-Za-z])|[ \t]*[^ \tA-Za-z])", re.IGNORECASE)
#: After these, "one" ends a clause or starts one as its subject ("wounded one.", "one was hurt").
_ONE_CLAUSE_NEXT = re.compile(r"[ \t]*(?:[.,;:!?()—–]|\Z)|[ \t]+" + pattern("one_clause_next") + r"(?![A-Za-z])",
                              re.IGNORECASE)
_NUMBER = r"(?:(?!(?:1[89]|20)\d\d(?!\d))\d[\d,.]*|" + "|".join(sorted((w for w in N.CARDINALS if w not in ("one", "a")), key=len, reverse=True)) + r")"
#: A figure coordinated with "one": "killed two and wounded one", "Three died and one was hurt".
_COUNTED_BEFORE_ONE = re.compile(r"\b" + _NUMBER + r"(?:[ \t]+[a-z]+){0,2}[ \t]*(?:,|[ \t]and|[ \t]but)[ \t]+"
                                 r"(?:[a-z]+[ \t]+)?\Z", re.IGNORECASE)
_COUNTED_AFTER_ONE = re.compile(r"[ \t]+and[ \t]+[a-z]+[ \t]+" + _NUMBER + r"(?![\w-])", re.IGNORECASE)
_ONE_FIGURATIVE = re.compile(r"[ \t]+(?:step[ \t]+" + pattern("one_step_words") + r"|in[ \t]+a[ \t]+million)(?![A-Za-z])",
                             re.IGNORECASE)
_PIECE_NEXT = re.compile(r"[ \t]+piece(?![A-Za-z])", re.IGNORECASE)
_IN_A_SCALE_AFTER_ONE = re.compile(r"\bone[ \t]+in[ \t]+\Z", re.IGNORECASE)
_STATE_SOLUTION = re.compile(r"-state[ \t]+solution", re.IGNORECASE)
_OR_NUMBER_NEXT = re.compile(r"[ \t]+or[ \t]+(?:two|three|2|3)(?![A-Za-z0-9])", re.IGNORECASE)  # "one or two days"
#: Abbreviations before a name, after which a capital does not start a sentence ("Mr. Two").
_TITLES = words("titles")
_PERCENT_OR_FRACTION_NEXT = re.compile(r"[ \t]*(?:%|per ?cent|-[ \t]*(?:third|quarter|fifth|half))", re.IGNORECASE)
#: "one" joined by a hyphen to a currency still states an amount: "a one-dollar coin", "a one-yen bid".
_ONE_CURRENCY_NEXT = re.compile(r"-" + pattern("one_currencies") + r"(?![A-Za-z-])", re.IGNORECASE)
_ONE_OTHER_NEXT = re.compile(r"[ \t]+(?:other|more)[ \t]+(?!" + pattern("one_other_idioms") + r"(?![a-z]))[a-z]{3,}")
OUT_OF = re.compile(r"[ \t]+(?:out[ \t]+of|in)[ \t]+(\d{1,4}(?![\d,.])|[A-Za-z]+(?:[- ][a-z]+){0,2})(?![A-Za-z])")
_ONE_DETERMINERS = words("one_determiners")
_ONE = frozenset(("one", "a"))
_ZERO = frozenset(("zero", "nought", "naught"))


class Spelled:
    """A run of number words and the words around it, read once for every rule that looks at it.

    ``words`` is the run in lower case; ``word`` the word before it as written, ``lower`` the
    same in lower case and ``punct`` the punctuation between; ``following`` the dozen
    characters after the run; ``idiom`` tells a "one" before "of", "day", a verb or a mark.
    """

    __slots__ = ("text", "start", "end", "words", "word", "lower", "punct", "following", "idiom")

    def __init__(self, text: str, start: int, end: int, spelled: str):
        before = prev_word(text, start)
        self.text, self.start, self.end, self.words = text, start, end, spelled
        self.word, self.punct = before if before else ("", "")
        self.lower = self.word.lower()
        self.following = following = text[end:end + 12]
        self.idiom = spelled in _ONE and _ONE_IDIOM.match(following) is not None


@rule("not-claim.spelled-identifier")
def spelled_identifier(spelled: Spelled) -> bool:
    """Number words right after a word that names a part, a stage or a title are its numeral ("phase two")."""
    return spelled.lower in IDENTIFIER_WORDS and spelled.punct == ""


@rule("not-claim.spelled-after-digit-dash")
def spelled_after_digit_dash(spelled: Spelled) -> bool:
    """Number words joined by a dash to digits are part of a name ("7-Eleven")."""
    text, start = spelled.text, spelled.start
    return start > 1 and text[start - 1] in "-‐" and text[start - 2].isdigit()


@rule("not-claim.spelled-name", capital=True)
def spelled_name(spelled: Spelled) -> bool:
    """Capitalized number words after a capitalized word are part of a name or a headline ("Formula One")."""
    lower = spelled.lower
    return spelled.text[spelled.start].isupper() and spelled.word[:1].isupper() and lower not in CAPITAL_OK and \
        spelled.punct == "" and not (lower.endswith(".") and lower.rstrip(".") not in _TITLES)


@rule("not-claim.spelled-title-case", capital=True)
def spelled_title_case(spelled: Spelled) -> bool:
    """Capitalized number words inside a sentence are a name or a title ("the Gang of Four")."""
    text, start = spelled.text, spelled.start
    return text[start].isupper() and not text[start:spelled.end].isupper() and not sentence_start(text, start)


@rule("not-claim.two-state-solution")
def two_state_solution(spelled: Spelled) -> bool:
    """"a two-state solution" names a policy, not two states."""
    return _STATE_SOLUTION.match(spelled.text, spelled.end) is not None


@rule("not-claim.one-in-a-million", keys=("a million",))
def one_in_a_million(spelled: Spelled) -> bool:
    """The "a million" of "one in a million" is a figure of speech."""
    return spelled.lower == "in" and spelled.words == "a million" and \
        _IN_A_SCALE_AFTER_ONE.search(spelled.text, max(0, spelled.start - 8), spelled.start) is not None


@rule("claim.zero-with-unit", keys=_ZERO)
def zero_with_unit(spelled: Spelled) -> bool:
    """"zero" before a unit is a figure ("zero degrees", "zero percent")."""
    return spelled.words in _ZERO and AFTER_NUMBER.match(spelled.text, spelled.end) is not None


@rule("not-claim.zero-alone", keys=_ZERO)
def zero_alone(spelled: Spelled) -> bool:
    """"zero" without a unit is a word, not a count ("zero tolerance", "ground zero")."""
    return spelled.words in _ZERO and AFTER_NUMBER.match(spelled.text, spelled.end) is None


@rule("not-claim.spelled-clock-time")
def spelled_clock_time(spelled: Spelled) -> bool:
    """Number words that tell the time are no count ("half past six", "at ten to five", "six o'clock")."""
    text, start, end, lower = spelled.text, spelled.start, spelled.end, spelled.lower
    return spelled_clock(text, start, end, lower) or lower in ("past", "to") and clock_hour(text, start, end)


@rule("claim.one-with-unit", keys=_ONE)
def one_with_unit(spelled: Spelled) -> bool:
    """"one" right before a unit other than a duration is a figure ("one km", "one kilogram")."""
    if spelled.words not in _ONE:
        return False
    unit = AFTER_NUMBER.match(spelled.text, spelled.end)
    return unit is not None and unit.lastgroup == "unit" and not unit.group("sep").strip() and \
        UNIT_SURFACES.get(unit.group("unit")) not in DURATIONS


@rule("claim.one-currency-compound", keys=_ONE)
def one_currency_compound(spelled: Spelled) -> bool:
    """"one" joined by a hyphen to a currency states an amount ("a one-dollar coin", "a one-yen bid")."""
    return spelled.words in _ONE and _ONE_CURRENCY_NEXT.match(spelled.following) is not None


@rule("not-claim.pronoun-one", keys=_ONE)
def pronoun_one(spelled: Spelled) -> bool:
    """"one" after a determiner or an adjective is a pronoun ("no one", "the one", "a good one")."""
    return spelled.words in _ONE and spelled.lower in _ONE_DETERMINERS


@rule("not-claim.figurative-one", keys=_ONE)
def figurative_one(spelled: Spelled) -> bool:
    """"one step closer", "in one piece" and "one in a million" are figures of speech."""
    return spelled.words in _ONE and (_ONE_FIGURATIVE.match(spelled.text, spelled.end) is not None or
                                      spelled.lower == "in" and _PIECE_NEXT.match(spelled.following) is not None)


@rule("claim.one-in-n", keys=_ONE)
def one_in_n(spelled: Spelled) -> bool:
    """"one in five", "one out of ten": a share, whatever follows."""
    return spelled.words in _ONE and OUT_OF.match(spelled.text, spelled.end) is not None


@rule("claim.one-other", keys=_ONE)
def one_other(spelled: Spelled) -> bool:
    """"one other victim", "one more body": one more of something counted."""
    end = spelled.end
    return spelled.words in _ONE and _ONE_OTHER_NEXT.match(spelled.following + spelled.text[end + 12:end + 40]) is not None


@rule("claim.one-coordinated", keys=("one",))
def one_coordinated(spelled: Spelled) -> bool:
    """"one" coordinated with another figure is a count ("killed two and wounded one", "one died and two were hurt")."""
    text, start, end = spelled.text, spelled.start, spelled.end
    return spelled.idiom and spelled.words == "one" and _ONE_CLAUSE_NEXT.match(spelled.following) is not None and (
        _COUNTED_BEFORE_ONE.search(text, max(0, start - 48), start) is not None or
        _COUNTED_AFTER_ONE.match(text, end, end + 40) is not None)


@rule("claim.one-percent-or-fraction", keys=_ONE)
def one_percent_or_fraction(spelled: Spelled) -> bool:
    """"one percent", "one-third": a share."""
    return spelled.idiom and _PERCENT_OR_FRACTION_NEXT.match(spelled.following) is not None


@rule("claim.one-or-two", keys=_ONE)
def one_or_two(spelled: Spelled) -> bool:
    """"one or two days": a small count."""
    return spelled.idiom and _OR_NUMBER_NEXT.match(spelled.following) is not None


@rule("not-claim.one-idiom", keys=_ONE)
def one_idiom(spelled: Spelled) -> bool:
    """"one" before "of", "day", "by", a verb or punctuation is an idiom or a pronoun ("one of", "one day", "one-time")."""
    return spelled.idiom


_RULES = Chain((spelled_identifier, spelled_after_digit_dash, spelled_name, spelled_title_case, two_state_solution,
                one_in_a_million, zero_with_unit, zero_alone, spelled_clock_time, one_with_unit, one_currency_compound,
                pronoun_one, figurative_one, one_in_n, one_other, one_coordinated, one_percent_or_fraction, one_or_two,
                one_idiom))


def word_rule(text: str, start: int, end: int, spelled: str) -> str | None:
    """The id of the first rule that decides the number words ``text[start:end]`` (``spelled`` in
    lower case), or None when none does (a claim)."""
    return _RULES.first(Spelled(text, start, end, spelled), spelled, 0.0, text[start].isupper())


__all__ = ["OUT_OF", "Spelled", "word_rule"]
