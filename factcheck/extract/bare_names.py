"""Bare numbers that name or number something: "Section 230", "NBC 5", "the 737 Max", "10-K",
"call 911", "1 of 43 Photos", list numbering.

Each rule here drops a bare number (no unit, currency, scale or qualifier of its own) that
is part of a name, a code, an address or the furniture of a page; ``bare_numbers`` asks them
in order with the date and year rules.
"""
from __future__ import annotations

from factcheck.extract import lazy_re as re

from factcheck.extract import numbers as N
from factcheck.extract.lexicon import CAPITAL_OK, IDENTIFIER_WORDS, MODEL_AFTER, MODEL_NOUNS, MONTHS, pattern, words
from factcheck.extract.nearby import Bare
from factcheck.extract.policy import Patterns, rule
from factcheck.extract.ranges import tally

_NETWORKS = words("tv_networks")
_PLURAL_LIKE = words("plural_like_nouns")
_COMPASS = words("compass_points")
_CALL_VERBS = words("call_verbs")
_CAPTION_WORDS = words("caption_words")
_GALLERY_FIRST = frozenset(word[0] for word in words("gallery_words"))
_TIMES_NEXT = re.compile(r"[ \t]+times(?![A-Za-z])")  # "beat Serena 3 times": a count after a name, as "three times" is
_TALLY_NEXT = re.compile(r"[-–]\d{1,3}(?![\d,.]?\d)")
_CAPITAL_NEXT = re.compile(r"[ \t]+[A-Z]")
_PART_CODE_NEXT = re.compile(r"[ \t]+[A-Za-z]{1,3}-?\d{2,}(?![\w-])")
_EMERGENCY_NEXT = re.compile(r"[ \t]+" + pattern("emergency_nouns") + r"(?![A-Za-z])", re.IGNORECASE)
#: A gallery's counter or size in page furniture: "1 of 43 Photos", "(5 Images)", "1 of 26 Full Screen".
_GALLERY_NEXT = re.compile(r"(?:[ \t]+of[ \t]+\d{1,3})?[ \t]+" + pattern("gallery_words") + r"(?![A-Za-z])")
_OF_COUNTER = re.compile(r"[ \t]+of[ \t]+\d{1,3}(?![\d,.]?\d)")
_CAPTION_BEFORE = re.compile(r"\b" + pattern("caption_words") + r"[ \t]+\d{1,3}[ \t]+of[ \t]+\Z", re.IGNORECASE)
#: The balls of a lottery draw: "the winning numbers: 8, 20, 14, 17 and 39", "a Megaball of 7".
_DRAWN_BEFORE = re.compile(r"(?:\bnumbers(?:[ \t]+(?:were|are|drawn))?[ \t]*:?[ \t]*(?:\d{1,2}(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+))*"
                           r"|(?:mega|power|bonus|lucky)[ \t]?ball(?:[ \t]+(?:of|was|is|number))?[ \t]+)\Z", re.IGNORECASE)
_LIST_MARK = re.compile(r"[.)][ \t]+\S")
_ENUMERATOR = re.compile(r" ?\)[ \t]+[A-Za-z]")  # "what 1) explains … 2 ) cautions", no "(" open before
#: What after a figure makes it a house number or a code.
_PLACES_AFTER = Patterns(__name__, (
    ("not-claim.address", 'A figure before a street\'s name is a house number ("10 Downing Street", "221B Baker St").',
     r"(?:[-–]\d+[A-Za-z]?)?(?:[ \t]+[A-Z0-9][A-Za-z0-9]*\.?){0,3}[ \t]+" + pattern("street_words") + r"\b"),
    ("not-claim.code-number", 'A figure before "code" is a code ("the 90049 ZIP code", "the 020 dialling code").',
     r"(?i:[ \t]+(?:" + pattern("code_kinds") + r"[ \t]+codes?|code)\b)"),
))
_CLUB_NEXT = re.compile(r"(?:[ \t]?-[ \t]?|(?P<space>[ \t]))(?:iron|wood|hybrid)(?![A-Za-z-])", re.IGNORECASE)
#: What makes the number before it a name, written right after it.
_NAME_TAILS = Patterns(__name__, (
    ("not-claim.letter-name", 'A dash and a capital after a figure make a name ("the 10-K", "a 3-D film", "the 4-H club").',
     r"(?-i:-[B-UX-Z])(?![A-Za-z0-9])"),
    ("not-claim.clause-name", 'A letter in brackets after a figure makes a clause\'s name ("401(k)", "501(c)(3)").',
     r"\([a-z]\)"),
    ("not-claim.number-word-name", 'A number word joined by a dash after a figure makes a name ("7-Eleven").',
     r"-(?:" + "|".join(N.CARDINALS) + r")(?![A-Za-z-])"),
    ("not-claim.gun-bore", 'A figure before "caliber" or "gauge" is a gun\'s bore (".45 caliber", "a 12-gauge").',
     r"[ \t]?-?[ \t]?(?:caliber|calibre|gauge)(?![A-Za-z])"),
), re.IGNORECASE)


def _starts_sentence(text: str, start: int, word: str) -> bool:
    """Whether ``word``, just before ``start``, opens a sentence (capitalized for its place, not as a name)."""
    index = text.rfind(word, max(0, start - 40), start)
    before = text[max(0, index - 6):index].rstrip(" \t\"“'‘(")
    return index >= 0 and (not before or before[-1] in ".!?:\n")


@rule("not-claim.identifier", keys=IDENTIFIER_WORDS)
def identifier(bare: Bare) -> bool:
    """A figure right after a word that names a part, a stage or a thing is its number ("Section 230", "Room 101")."""
    return bare.punct == "" and bare.lower in IDENTIFIER_WORDS and not _opens_tally(bare)


def _opens_tally(bare: Bare) -> bool:
    """Whether the figure opens a vote tally ("passed the bill 52-48", "approved by the Senate 61-38")."""
    found = _TALLY_NEXT.match(bare.text, bare.end)
    return found is not None and tally(bare.text, bare.start, found.end())


@rule("not-claim.tv-station", values=(None, 100), capital=True)
def tv_station(bare: Bare) -> bool:
    """A small figure after a network or a call sign is a television station ("NBC 5's Chris Jose", "KTLA 5")."""
    word = bare.word
    return bare.punct == "" and bare.value < 100 and (word in _NETWORKS or len(word) == 4 and word[0] in "KW" and word.isupper())


@rule("not-claim.after-name", capital=True)
def after_name(bare: Bare) -> bool:
    """A figure right after a capitalized word inside a sentence is part of a name ("Apollo 11", "Boeing 747"), not after a possessive before a plural ("Kelby's 14 schools")."""
    word, lower = bare.word, bare.lower
    return bool(word) and not word.islower() and bare.punct == "" and lower not in CAPITAL_OK and lower not in MONTHS and \
        not word.endswith(".") and not _starts_sentence(bare.text, bare.start, word) and \
        not _TIMES_NEXT.match(bare.text, bare.end) and not _opens_tally(bare) and \
        not (lower.endswith(("'s", "’s", "s'", "s’")) and _counted(bare.next_word))


def _counted(word: str) -> bool:
    """Whether a word in lower case counts like a plural ("schools", "aircraft", "people")."""
    return word[:1].islower() and (word.endswith("s") and not word.endswith("ss") or word in _PLURAL_LIKE)


def place_after(bare: Bare) -> str | None:
    """The id of the rule that makes the figure a house number or a code by what follows it, or None."""
    found = _PLACES_AFTER.regex.match(bare.text, bare.end)
    return None if found is None else _PLACES_AFTER.rule(found)


@rule("not-claim.gallery-counter", values=(None, 1000))
def gallery_counter(bare: Bare) -> bool:
    """A gallery's counter or size is page furniture ("1 of 43 Photos", "(5 Images)")."""
    text, end = bare.text, bare.end
    return bare.value < 1000 and (bare.next_word[:1] in _GALLERY_FIRST or text.startswith(" of ", end)) and \
        _GALLERY_NEXT.match(text, end) is not None


@rule("not-claim.caption-counter", keys=_CAPTION_WORDS | {"of"}, values=(None, 1000))
def caption_counter(bare: Bare) -> bool:
    """A caption's counter is page furniture ("Hide Caption 43 of 43", "photo 3 of 10")."""
    text, start, lower = bare.text, bare.start, bare.lower
    return bare.value < 1000 and (lower == "of" and _CAPTION_BEFORE.search(text, max(0, start - 24), start) is not None or
                                  lower in _CAPTION_WORDS and _OF_COUNTER.match(text, bare.end) is not None)


@rule("not-claim.part-number")
def part_number(bare: Bare) -> bool:
    """Five digits or more beside a code are a catalogue or part number ("24703 L-202")."""
    raw = bare.raw
    return len(raw) >= 5 and raw.isdigit() and _PART_CODE_NEXT.match(bare.text, bare.end) is not None


@rule("not-claim.model-name")
def model_name(bare: Bare) -> bool:
    """A figure before a model's word is a product name ("the 737 Max", "11 Pro", "the 8088 chip")."""
    capital = bare.capital_next
    return capital is not None and capital.group(1) in MODEL_AFTER or \
        bare.next_word.lower().rstrip(".") in MODEL_NOUNS and bare.value > 1 and "," not in bare.raw


@rule("not-claim.compass-name")
def compass_name(bare: Bare) -> bool:
    """A figure before a compass point is a name ("the 38 North website"; not "40 North Koreans")."""
    capital = bare.capital_next
    return capital is not None and capital.group(1) in _COMPASS and not _CAPITAL_NEXT.match(bare.text, capital.end())


def name_tail(bare: Bare) -> str | None:
    """The id of the rule that makes the figure a name by what is written right after it, or None."""
    found = _NAME_TAILS.regex.match(bare.text, bare.end) if bare.tail_follows else None
    return None if found is None else _NAME_TAILS.rule(found)


@rule("not-claim.golf-club", values=(None, 10))
def golf_club(bare: Bare) -> bool:
    """A figure below 10 before "iron", "wood" or "hybrid" is a golf club ("a 9-iron", "a 3 wood"; not "4 wood stoves")."""
    club = _CLUB_NEXT.match(bare.text, bare.end) if bare.tail_follows else None
    return club is not None and bare.value < 10 and (not club.group("space") or bare.lower in ("a", "an"))


@rule("not-claim.lottery-draw", values=(None, 100))
def lottery_draw(bare: Bare) -> bool:
    """The balls of a lottery draw are no counts ("the winning numbers: 8, 20, 14", "a Megaball of 7")."""
    text, start = bare.text, bare.start
    return bare.value < 100 and (text.find("umbers", max(0, start - 60), start) >= 0 or
                                 text.find("all", max(0, start - 12), start) >= 0) and \
        _DRAWN_BEFORE.search(text, max(0, start - 60), start) is not None


@rule("not-claim.emergency-number")
def emergency_number(bare: Bare) -> bool:
    """An emergency number is a number to call ("call 911", "a 999 operator")."""
    text, end = bare.text, bare.end
    return bare.raw in ("911", "999", "112") and (bare.lower in _CALL_VERBS and not _TIMES_NEXT.match(text, end) or
                                                  _EMERGENCY_NEXT.match(text, end) is not None)


@rule("not-claim.list-number", values=(None, 1000))
def list_number(bare: Bare) -> bool:
    """A figure that opens a line before "." or ")" numbers a list ("1. Mix the flour")."""
    text, end = bare.text, bare.end
    if text[end:end + 1] not in (".", ")") or bare.value >= 1000 or not _LIST_MARK.match(text[end:end + 3]):
        return False
    index = bare.start - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    return index < 0 or text[index] == "\n"


@rule("not-claim.bracketed-number", values=(None, 100))
def bracketed_number(bare: Bare) -> bool:
    """A small figure alone in brackets is a mark or a reference ("(3)")."""
    text, start = bare.text, bare.start
    return text[bare.end:bare.end + 1] == ")" and start > 0 and text[start - 1] == "(" and bare.value < 100


@rule("not-claim.enumerator", values=(None, 100))
def enumerator(bare: Bare) -> bool:
    """A small figure before ")" with no "(" open numbers the items of a sentence ("what 1) explains … 2 ) cautions")."""
    text, start = bare.text, bare.start
    return bare.value < 100 and bare.core.step == 1.0 and _ENUMERATOR.match(text, bare.end) is not None and \
        text.rfind("(", max(0, start - 200), start) <= text.rfind(")", max(0, start - 200), start)


#: The name and code rules, in the order ``bare_numbers`` asks them (after the date rules).
NAME_RULES = (place_after, gallery_counter, caption_counter, part_number, model_name, compass_name, name_tail,
              golf_club, lottery_draw, emergency_number)
#: The list numbering rules, asked last.
LIST_RULES = (list_number, bracketed_number, enumerator)

__all__ = ["LIST_RULES", "NAME_RULES", "after_name", "identifier", "name_tail", "place_after", "tv_station"]
