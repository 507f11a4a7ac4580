"""When a figure holds, from the words around it: the time scopes its mention carries.

"142 mm of rain fell in 24 hours" is a day's figure; "recovered eight bodies on Saturday
morning" is that day's count, which an article written before Saturday cannot give; "Last
winter, 17 people died" and "than a year earlier, when 570,200 were waiting" are an earlier
period's figures (``asof:then``), while the base of a change ("fell 9% from a year
earlier") and a possessive event ("last month's attack") date nothing; "the fifth cut since
June" dates what it counts, not the figure beside it; and a time phrase in a relative clause
("who scored 21 goals last season, has signed a five-year contract") dates that clause.
Words of reporting date the report ("said this week that …"), and a forecast is not yet a
figure, though "will" before a verb of decision reports a plan already made.
"""
from __future__ import annotations

import re
from typing import Sequence

from factcheck.frames import grammar as G
from factcheck.frames.vocabulary import DECIDED, FORECAST, WEEKDAYS, holds_any

_DAY_HOURS = re.compile(r"(?:\s+[\w,]+){0,6}?\s+(?:in|over|during|within)\s+(?:the\s+)?(?:past\s+|last\s+)?"
                        r"(?:24|twenty-four)\s+hours\b", re.I)
_EARLIER = re.compile(r"(?<!since )(?<!than )\b(?:last|previous)\s+(?:year|winter|summer|spring|autumn|season|month|"
                      r"quarter|decade)\b(?!['’])|\ba\s+(?:year|decade)\s+(?:earlier|ago|before)\b", re.I)
_BASE = re.compile(r"\b(?:from|than|over|on|with|since|against|compared)\b[^,;]*$", re.I)
_THEN_WHEN = re.compile(r"\b(?:earlier|ago|before|previously)\s*,?\s+when\s[^,.;:]*$", re.I)
#: A relative clause closed before the figure (", who scored 21 goals last season,"), or one
#: opening after it: its time phrases date that clause, not the figure.
_RELATIVE = re.compile(r",\s*(?:who|which|whose|where)\b[^,;]*,", re.I)
_RELATIVE_ON = re.compile(r",\s*(?:who|which|whose|where)\b[^,;]*", re.I)
#: How far before a figure its time words are looked for.
_NEAR = 60
_EARLIER_HINT = re.compile(r"last|previous|\sago|earlier|before", re.I)
_NAMED_DAYS = frozenset(f"{d.capitalize()}{end}" for d in WEEKDAYS for end in ("", "'s", "’s"))
_ORDINAL_WORDS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())


def time_scopes(text: str, end: int, stop: int, left: str, right: str, left_clause: Sequence[str],
                right_clause: Sequence[str], moving: bool) -> frozenset[str]:
    """The scopes the words around a figure ending at ``end`` add (``left`` its sentence's text
    before it, up to 160 characters, ``right`` the text just after it, ``stop`` the end of its
    sentence): ``day``, ``on:<weekday>`` (not for a figure that is fixed or ``moving`` one
    way) and ``asof:then``."""
    out = set()
    if "hours" in text[end:min(end + 60, stop)] and _DAY_HOURS.match(text, end, min(end + 60, stop)):
        out.add("day")  # "142 mm of rain fell in 24 hours" is a day's
    day = "" if moving else _weekday(left_clause, right_clause)
    if day:
        out.add("on:" + day)  # "recovered eight bodies on Saturday morning": that day's count
    near = left[-_NEAR:]
    if _earlier(left[left.rfind(". ") + 1:], _RELATIVE, ",", True) or _earlier(right.split(". ")[0], _RELATIVE_ON, "") \
            or "when" in near and _THEN_WHEN.search(near):
        out.add("asof:then")  # "Last winter, 17 people died"; "than a year earlier, when 570,200 were waiting"
    return frozenset(out)


_NOT_THE_FIGURE_DAY = frozenset("to when that after before since until".split())


def counted_since(before: str) -> bool:
    """Whether the words before a "since" count or rank something since then ("the fifth cut",
    "the highest level"): "since" then dates that, not the figure before it."""
    words = before.lower().replace(",", " ").split()[-4:]
    return any(w in G.SUPERLATIVES or w in _ORDINAL_WORDS or w[:1].isdigit() and w.endswith(("st", "nd", "rd", "th"))
               for w in words)


def _earlier(text: str, relative: re.Pattern, rest: str, before: bool = False) -> bool:
    """Whether ``text``, one side of a figure in its sentence, dates the figure to an earlier
    period ("Last winter, 17 died", "a year ago"), not names the base of a change ("fell 9%
    from a year earlier", "down 6% on the same period last year") or an event ("last month's
    attack").  Its ``relative`` clauses (replaced by ``rest``) date their own verbs; of the
    text ``before`` the figure, only the last ``_NEAR`` characters left are read."""
    if not _hinted(text):
        return False
    text = relative.sub(rest, text)
    if before:
        text = text[-_NEAR:]
    return any(not _BASE.search(text, max(0, m.start() - 30), m.start()) for m in _EARLIER.finditer(text))


def _hinted(text: str) -> bool:
    """Whether ``_EARLIER_HINT`` matches ``text`` (an ASCII text holding none of its words, in
    any case, is not scanned: a case-blind regex search costs a few µs a sentence)."""
    if text.isascii():
        low = text.lower()
        if not holds_any(low, _HINT_WORDS):
            return False
    return _EARLIER_HINT.search(text) is not None


_HINT_WORDS = ("last", "previous", "ago", "earlier", "before")


def _weekday(left_clause: Sequence[str], right_clause: Sequence[str]) -> str:
    """The weekday the figure's own clause dates it to ("recovered eight bodies on Saturday
    morning", "On Friday, 12 were arrested"), as "mon" … "sun"; not one that dates a report
    ("said on Friday that …") or another clause ("gathered on Sunday to remember the six
    killed"); "" for none or several."""
    if _NAMED_DAYS.isdisjoint(left_clause[:10]) and _NAMED_DAYS.isdisjoint(right_clause[:10]):
        return ""
    found = set()
    for words in (left_clause[:10], right_clause[:10]):
        for k, w in enumerate(words):
            low = w.lower()
            if low in _NOT_THE_FIGURE_DAY:
                break
            day = low.rstrip("'’s")
            if w[:1].isupper() and day in WEEKDAYS:
                around = {x.lower() for x in words[max(0, k - 3):k + 3]}
                if around & G.REPORTING:
                    continue
                found.add(day[:3])
    return found.pop() if len(found) == 1 else ""


def dates_report(left: list[str], k: int) -> bool:
    """Whether the time word ``left[k]`` (nearest first) follows a verb of saying and comes
    before a "that" that opens the figure's clause, and so dates the report, not the figure
    ("said this week that it will cut 9% of its workforce")."""
    return any(w.lower() in _SAYING for w in left[k + 1:k + 4]) and any(w.lower() == "that" for w in left[:k])


_SAYING = frozenset("said says told tells announced announces confirmed confirms added adds".split())


#: Words that, before a verb of decision, report a plan already made ("will cut", "plans to cut").
_PLAN_WORDS = frozenset("will plan plans planned".split())


def forecast_of(left: list[str]) -> bool:
    """Whether the words before a figure (nearest first) make it a forecast ("could reach 40",
    "expected to rise to 5%"); "will" or "plans to" before a verb of decision is a plan already
    made, reported as any other figure ("the company said it will cut 9% of its workforce",
    "set out plans to cut 632 jobs")."""
    if FORECAST.isdisjoint(left):
        return False
    said = [k for k, w in enumerate(left) if w in FORECAST]
    if len(said) != 1:
        return True
    k = said[0]
    decided = k > 0 and left[k - 1] in DECIDED or k > 1 and left[k - 1] == "to" and left[k - 2] in DECIDED
    return not (left[k] in _PLAN_WORDS and decided)


__all__ = ["counted_since", "dates_report", "forecast_of", "time_scopes"]
