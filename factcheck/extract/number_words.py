"""Number words in context: whether a run of number words counts, and the words around it.

``word_ok`` rejects number words that are idioms ("one of", "no one", "one step closer"),
names ("Formula One", "Police Arrest Four Men", "a two-state solution") or a title's
numeral ("phase two"); ``fraction_ok`` keeps "a third of" and "two-thirds" but not "the third
quarter".  ``prev_word`` reads the word before a position from a reversed slice and
``sentence_start`` tells whether a position opens a sentence.
"""
from __future__ import annotations

import re

from factcheck.extract import numbers as N
from factcheck.extract.core import Core
from factcheck.extract.lexicon import CAPITAL_OK, IDENTIFIER_WORDS, TIME_PREPOSITIONS, pattern, words
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
_ONE_COMPOUND = re.compile(r"-" + pattern("one_compounds"), re.IGNORECASE)
_ONE_OTHER_NEXT = re.compile(r"[ \t]+(?:other|more)[ \t]+(?!" + pattern("one_other_idioms") + r"(?![a-z]))[a-z]{3,}")
_NEXT_TOKEN = re.compile(r"[ \t]*([A-Za-z]+|[^ \tA-Za-z]|$)")
_HYPHEN = re.compile(r"[-‐]")
_AFTER_BY_HALF = words("after_by_half")
_ONE_DETERMINERS = words("one_determiners")
_HALF_BLOCKERS = words("half_blockers")
_HALF_FOLLOWERS = words("half_followers")
_HALF_QUALIFIERS = words("half_qualifiers")
_FRACTION_DETERMINERS = words("fraction_determiners")
_A_FRACTION_FOLLOWERS = words("a_fraction_followers") | {""}
_HOUR = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight)(?![A-Za-z-])"
_MINUTES = r"(?:five|ten|twenty|twenty-five|quarter|half|(?:a|\d+|\w+)[ \t]+minutes?)"
#: A clock time in words: "six o'clock", "ten past five", "at twenty to eight".
_CLOCK_NEXT = re.compile(r"[ \t]*o['’]?clock\b|[ \t]+past[ \t]+" + _HOUR, re.IGNORECASE)
_TO_HOUR_NEXT = re.compile(r"[ \t]+to[ \t]+(" + _HOUR + ")", re.IGNORECASE)
_CLOCK_BEFORE = re.compile(_MINUTES + r"[ \t]+past[ \t]+\Z|quarter[ \t]+to[ \t]+\Z", re.IGNORECASE)
_TO_MINUTES = {"five": 5, "ten": 10, "twenty": 20, "twenty-five": 25}
_HOURS = {w: i for i, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)}
_TO_HOUR_BEFORE = re.compile(r"\b" + pattern("time_prepositions") + r"[ \t]+(five|ten|twenty|twenty-five)[ \t]+to[ \t]+\Z",
                             re.IGNORECASE)
_PREV_WORD = re.compile(r"([ \t\u00a0]*)([,(\"“'‘:;]?)[ \t]*(\.?[ ]?[A-Za-z][A-Za-z.&'’-]{0,24})")
OUT_OF = re.compile(r"[ \t]+(?:out[ \t]+of|in)[ \t]+(\d{1,4}(?![\d,.])|[A-Za-z]+(?:[- ][a-z]+){0,2})(?![A-Za-z])")


def prev_word(text: str, s: int) -> tuple[str, str] | None:
    """The word before ``s`` and the punctuation between (``("Smith", ",")``), or None."""
    rev = text[max(0, s - 28):s][::-1]
    m = _PREV_WORD.match(rev)
    if not m:
        return None
    return m.group(3)[::-1].rstrip("'’").replace(" ", ""), m.group(2)


def sentence_start(text: str, s: int) -> bool:
    """Does ``s`` begin a sentence, a line or a quotation?"""
    j = s - 1
    while j >= 0 and text[j] in " \t\"'“‘(":
        j -= 1
    return j < 0 or text[j] in ".!?:;\n…—–-"


#: What may follow the hour of a clock time: the end of a clause, a.m./p.m., "on Friday", "local time".
_HOUR_FOLLOW = r"(?=[ \t]*(?:[.,;:!?)\n]|\Z|[ap]\.?m\b|o['’]?clock|" + pattern("hour_followers") + r"\b))"
_MINUTES_OF_CLOCK = re.compile(r"[ \t]+(?P<word>past|to)[ \t]+(?:" + _HOUR + r"|(?:1[0-2]|[1-9])(?![\d:.,]))" +
                               _HOUR_FOLLOW + r"|[ \t]+(?:before|after)[ \t]+(?:noon|midnight)(?![A-Za-z-])", re.IGNORECASE)
#: Matched reversed: the time preposition "N minutes to H" needs ("at ten minutes to eight"; not "from 40 minutes to 5").
_AT_REVERSED = pattern("time_prepositions", reverse=True) + r"\b"
_AT_BEFORE_MINUTES = re.compile(r"[ \t]*(?:[\w-]+)[ \t]+" + _AT_REVERSED, re.IGNORECASE)
_AT_BEFORE_NUMBER = re.compile(r"[ \t]+" + _AT_REVERSED, re.IGNORECASE)
_MINUTES_BEFORE_HOUR = re.compile(r"[ \t](minutes?)[ \t]+(past|to)[ \t]+\Z", re.IGNORECASE)
_READ_NEXT = re.compile(r"[ \t]+read(?![A-Za-z])", re.IGNORECASE)  # "4 min read"


def clock_minutes(text: str, start: int, end: int) -> bool:
    """Whether the minutes at ``start:end`` tell the time ("five minutes past midnight", "at 10
    minutes to 6.") or a reading time ("4 min read"): no claim either way."""
    if _READ_NEXT.match(text, end):
        return True
    m = _MINUTES_OF_CLOCK.match(text, end)
    return m is not None and (m.group("word") is None or m.group("word").lower() == "past" or
                              text[start:start + 6].lower() in ("about ", "around") or
                              _AT_BEFORE_NUMBER.match(text[max(0, start - 12):start][::-1]) is not None)


def clock_hour(text: str, s: int, e: int) -> bool:
    """Whether the hour at ``s:e`` ends such a time ("… at ten minutes to eight.")."""
    m = _MINUTES_BEFORE_HOUR.search(text, max(0, s - 16), s)
    if m is None or re.match(_HOUR_FOLLOW, text[e:e + 12], re.IGNORECASE) is None:
        return False
    if m.group(2).lower() == "past":
        return True
    rev = text[max(0, m.start() - 24):m.start()][::-1]
    return _AT_BEFORE_MINUTES.match(rev) is not None


def _clock(text: str, s: int, e: int, pw: str) -> bool:
    """Is the number word at ``s:e`` part of a clock time ("half past six", "at ten to five")?

    "N to H" is a time only after a time preposition and when N > H ("at twenty to eight");
    "five to ten people" stays a range.
    """
    if _CLOCK_NEXT.match(text, e):
        return True
    word = text[s:e].lower()
    if pw in ("past", "to") and (word in _HOURS or word in ("noon", "midnight")):
        if _CLOCK_BEFORE.search(text, max(0, s - 24), s):
            return True
        to = _TO_HOUR_BEFORE.search(text, max(0, s - 32), s) if pw == "to" else None
        if to and _TO_MINUTES[to.group(1).lower()] > _HOURS.get(word, 0):
            return True
    to = _TO_HOUR_NEXT.match(text, e)
    return bool(to and pw in TIME_PREPOSITIONS and _TO_MINUTES.get(word, 0) > _HOURS.get(to.group(1).lower(), 0))


def word_ok(text: str, s: int, e: int, words: str) -> bool:
    """Number words that are idioms or names: "one of", "no one", "Formula One", "phase two"."""
    prev = prev_word(text, s)
    pw = prev[0].lower() if prev else ""
    if pw in IDENTIFIER_WORDS and prev[1] == "" or s > 1 and text[s - 1] in "-‐" and text[s - 2].isdigit():
        return False  # "phase two"; "7-Eleven"
    if text[s].isupper() and prev and prev[0][:1].isupper() and pw not in CAPITAL_OK and prev[1] == "" and \
            not (pw.endswith(".") and pw.rstrip(".") not in _TITLES):
        return False  # "Formula One", "Police Arrest Four Men"; not "… hit Gaza. Two rockets"
    if text[s].isupper() and not text[s:e].isupper() and not sentence_start(text, s):
        return False  # "the Gang of Four", "Police Arrest Four Men": a name or a title
    if _STATE_SOLUTION.match(text, e) or pw == "in" and words == "a million" and \
            _IN_A_SCALE_AFTER_ONE.search(text, max(0, s - 8), s):
        return False  # "a two-state solution"; the "a million" of "one in a million"
    if words in ("zero", "nought", "naught"):
        return bool(AFTER_NUMBER.match(text, e))
    if _clock(text, s, e, pw) or pw in ("past", "to") and clock_hour(text, s, e):
        return False
    nxt = text[e:e + 12]
    if words == "one" or words == "a":
        um = AFTER_NUMBER.match(text, e)
        if um and um.lastgroup == "unit" and not um.group("sep").strip() and \
                UNIT_SURFACES.get(um.group("unit")) not in DURATIONS:
            return True
        if _ONE_CURRENCY_NEXT.match(nxt):
            return True
        if pw in _ONE_DETERMINERS:
            return False
        if _ONE_FIGURATIVE.match(text, e) or pw == "in" and _PIECE_NEXT.match(nxt):
            return False  # "one step closer", "in one piece", "one in a million"
        if OUT_OF.match(text, e) or _ONE_OTHER_NEXT.match(nxt + text[e + 12:e + 40]):
            return True  # "one in five"; "one other victim", "one more body"
        if _ONE_IDIOM.match(nxt):
            if words == "one" and _ONE_CLAUSE_NEXT.match(nxt) and (
                    _COUNTED_BEFORE_ONE.search(text, max(0, s - 48), s) or _COUNTED_AFTER_ONE.match(text, e, e + 40)):
                return True
            return _PERCENT_OR_FRACTION_NEXT.match(nxt) is not None or _OR_NUMBER_NEXT.match(nxt) is not None
    if _ONE_COMPOUND.match(nxt) \
            and words == "one":
        return False
    return True


def fraction_ok(text: str, n: Core, first: str) -> bool:
    """``a third of``, ``two-thirds``, ``half of``; not ``the third quarter`` or ``second half``."""
    prev = prev_word(text, n.start)
    pw = prev[0].lower() if prev else ""
    nxt = _NEXT_TOKEN.match(text[n.end:n.end + 16])
    nw = nxt.group(1).lower() if nxt else ""
    if first == "half":
        if pw == "by" and (nw in _AFTER_BY_HALF or not nw.isalpha()) and not _HYPHEN.match(nw):
            return True  # "cut by half", "fell by half since 2010": a change of 50 %
        if pw in _HALF_BLOCKERS:
            return False
        if _HYPHEN.match(text[n.end:n.end + 1]):
            return False
        return nw in _HALF_FOLLOWERS or pw in _HALF_QUALIFIERS
    if pw in _FRACTION_DETERMINERS or \
            text[n.end:n.end + 1] in ("-", "‐"):
        return False
    if n.value <= 0.5 and text[n.start:n.start + 2].lower() in ("a ", "an"):
        return nw in _A_FRACTION_FOLLOWERS or not nw.isalpha()
    return True
