"""Clock times: "five minutes past midnight", "at ten to eight", "half past six", "4 min read".

The figures of a time tell no quantity.  ``clock_hour`` and ``spelled_clock`` say whether a
number is the hour or the minutes of a time; the rules here drop minutes that tell a time
or a reading time.  "N to H" is a time only after a time preposition ("at twenty to eight");
"five to ten people" stays a range.
"""
from __future__ import annotations

from factcheck.extract import lazy_re as re

from factcheck.extract.core import Core
from factcheck.extract.lexicon import TIME_PREPOSITIONS, pattern
from factcheck.extract.policy import rule

_HOUR = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midnight)(?![A-Za-z-])"
_MINUTES = r"(?:five|ten|twenty|twenty-five|quarter|half|(?:a|\d+|\w+)[ \t]+minutes?)"
#: A clock time in words: "six o'clock", "ten past five", "at twenty to eight".
_CLOCK_NEXT = re.compile(r"[ \t]*o['’]?clock\b|[ \t]+past[ \t]+" + _HOUR, re.IGNORECASE)
_TO_HOUR_NEXT = re.compile(r"[ \t]+to[ \t]+(" + _HOUR + ")", re.IGNORECASE)
_CLOCK_BEFORE = re.compile(_MINUTES + r"[ \t]+past[ \t]+\Z|quarter[ \t]+to[ \t]+\Z", re.IGNORECASE)
_TO_MINUTES = {"five": 5, "ten": 10, "twenty": 20, "twenty-five": 25}
_HOURS = {word: hour for hour, word in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)}
_TO_HOUR_BEFORE = re.compile(r"\b" + pattern("time_prepositions") + r"[ \t]+(five|ten|twenty|twenty-five)[ \t]+to[ \t]+\Z",
                             re.IGNORECASE)
#: What may follow the hour of a clock time: the end of a clause, a.m./p.m., "on Friday", "local time".
_HOUR_FOLLOW = r"(?=[ \t]*(?:[.,;:!?)\n]|\Z|[ap]\.?m\b|o['’]?clock|" + pattern("hour_followers") + r"\b))"
_HOUR_FOLLOWS = re.compile(_HOUR_FOLLOW, re.IGNORECASE)
_MINUTES_OF_CLOCK = re.compile(r"[ \t]+(?P<word>past|to)[ \t]+(?:" + _HOUR + r"|(?:1[0-2]|[1-9])(?![\d:.,]))" +
                               _HOUR_FOLLOW + r"|[ \t]+(?:before|after)[ \t]+(?:noon|midnight)(?![A-Za-z-])", re.IGNORECASE)
#: Matched reversed: the time preposition "N minutes to H" needs ("at ten minutes to eight"; not "from 40 minutes to 5").
_AT_REVERSED = pattern("time_prepositions", reverse=True) + r"\b"
_AT_BEFORE_MINUTES = re.compile(r"[ \t]*(?:[\w-]+)[ \t]+" + _AT_REVERSED, re.IGNORECASE)
_AT_BEFORE_NUMBER = re.compile(r"[ \t]+" + _AT_REVERSED, re.IGNORECASE)
_MINUTES_BEFORE_HOUR = re.compile(r"[ \t](minutes?)[ \t]+(past|to)[ \t]+\Z", re.IGNORECASE)
_READ_NEXT = re.compile(r"[ \t]+read(?![A-Za-z])", re.IGNORECASE)


@rule("not-claim.reading-time")
def reading_time(text: str, core: Core) -> bool:
    """Minutes before "read" are a page's reading time ("4 min read")."""
    return _READ_NEXT.match(text, core.end) is not None


@rule("not-claim.clock-minutes")
def clock_minutes(text: str, core: Core) -> bool:
    """Minutes past or to an hour tell the time ("five minutes past midnight", "at 10 minutes to 6.")."""
    found = _MINUTES_OF_CLOCK.match(text, core.end)
    start = core.start
    return found is not None and (found.group("word") is None or found.group("word").lower() == "past" or
                                  text[start:start + 6].lower() in ("about ", "around") or
                                  _AT_BEFORE_NUMBER.match(text[max(0, start - 12):start][::-1]) is not None)


def clock_hour(text: str, start: int, end: int) -> bool:
    """Whether the hour at ``start:end`` ends a time told in minutes ("… at ten minutes to eight.")."""
    minutes = _MINUTES_BEFORE_HOUR.search(text, max(0, start - 16), start)
    if minutes is None or _HOUR_FOLLOWS.match(text[end:end + 12]) is None:
        return False
    if minutes.group(2).lower() == "past":
        return True
    before = text[max(0, minutes.start() - 24):minutes.start()][::-1]
    return _AT_BEFORE_MINUTES.match(before) is not None


def spelled_clock(text: str, start: int, end: int, word_before: str) -> bool:
    """Whether the number word at ``start:end`` is part of a clock time ("half past six", "at ten to five").

    ``word_before`` is the word before it, in lower case.
    """
    if _CLOCK_NEXT.match(text, end):
        return True
    word = text[start:end].lower()
    if word_before in ("past", "to") and (word in _HOURS or word in ("noon", "midnight")):
        if _CLOCK_BEFORE.search(text, max(0, start - 24), start):
            return True
        to = _TO_HOUR_BEFORE.search(text, max(0, start - 32), start) if word_before == "to" else None
        if to and _TO_MINUTES[to.group(1).lower()] > _HOURS.get(word, 0):
            return True
    to = _TO_HOUR_NEXT.match(text, end)
    return bool(to and word_before in TIME_PREPOSITIONS and _TO_MINUTES.get(word, 0) > _HOURS.get(to.group(1).lower(), 0))


__all__ = ["clock_hour", "clock_minutes", "reading_time", "spelled_clock"]
