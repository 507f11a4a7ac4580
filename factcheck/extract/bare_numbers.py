"""Bare numbers: whether a plain integer or decimal is a claim or a year, a date, a code.

``plain_ok`` is asked about a number with no unit, currency, scale or qualifier of its own
("1,800", "2019", "19"): it rejects years, days of a month (also in lower-cased text), times
in a time range, identifiers ("Section 230", "the 90049 ZIP code", "iOS 17"), forms and
names ("10-K", "401(k)", "7-Eleven", "a 9-iron", "the 8088 chip"), emergency numbers,
addresses, list numbering and gallery counters ("1 of 43 Photos"), and marks the age in
"Smith, 45,".
"""
from __future__ import annotations

import re

from factcheck.extract import numbers as N
from factcheck.extract.core import Core
from factcheck.extract.lexicon import (CAPITAL_OK, IDENTIFIER_WORDS, MODEL_AFTER, MODEL_NOUNS, MONTHS, MONTHS_CAPITAL_ONLY, STOP,
                                       YEAR_BEFORE, YEAR_NOUNS, pattern, words)
from factcheck.extract.counted_nouns import noun
from factcheck.extract.number_words import clock_hour, prev_word

_SEP = "\u00a0\u2009\u202f"
_NEXT_WORD = re.compile(r"[ \t\u00a0\u202f]*(?:of[ \t\u00a0]+)?([A-Za-z]+\.?)")
_SEASON_SUFFIX = re.compile(r"[-–/](?:\d{1,2}|(?:1[89]|2[01])\d\d)(?!\d|,\d)")  # "2019-20", not "1000-5,000"
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
_COMPASS = words("compass_points")
_CAPITAL_NEXT = re.compile(r"[ \t]+[A-Z]")
_NETWORKS = words("tv_networks")
_CODE_NEXT = re.compile(r"[ \t]+(?:" + pattern("code_kinds") + r"[ \t]+codes?|code)\b", re.IGNORECASE)
_PART_CODE_NEXT = re.compile(r"[ \t]+[A-Za-z]{1,3}-?\d{2,}(?![\w-])")
_MODEL_NEXT = re.compile(r"[ \t]+([A-Z][A-Za-z]+)(?![-A-Za-z])")
#: What makes the number before it a name: a letter ("the 10-K", "a 3-D film", "the 4-H club"; not the units
#: in "12-V", "13-A", "20-W"), a clause ("401(k)", "501(c)(3)"), a number word ("7-Eleven"), a gun's
#: bore (".45 caliber", "a 12-gauge") or a golf club ("a 9-iron", "a 3 wood"; "4 wood stoves" are counted).
_NAME_TAIL = re.compile(r"(?-i:-[B-UX-Z])(?![A-Za-z0-9])|\([a-z]\)|-(?:" + "|".join(N.CARDINALS) + r")(?![A-Za-z-])|"
                        r"[ \t]?-?[ \t]?(?:caliber|calibre|gauge)(?![A-Za-z])|"
                        r"(?P<club>(?:[ \t]?-[ \t]?|(?P<space>[ \t]))(?:iron|wood|hybrid)(?![A-Za-z-]))", re.IGNORECASE)
_TIME_RANGE_NEXT = re.compile(r"[ \t]*(?:[-–]|to|and|until|till)[ \t]*\d{1,2}(?:[:.]\d\d)?[ \t]?(?:[ap]\.?m\b|o'clock)",
                              re.IGNORECASE)
_CALL_VERBS = words("call_verbs")
_EMERGENCY_NEXT = re.compile(r"[ \t]+" + pattern("emergency_nouns") + r"(?![A-Za-z])", re.IGNORECASE)
_TIMES_NEXT = re.compile(r"[ \t]+times(?![A-Za-z])")  # "beat Serena 3 times": a count after a name, as "three times" is
#: A gallery's counter or size in page furniture: "1 of 43 Photos", "(5 Images)", "1 of 26 Full Screen".
_GALLERY_NEXT = re.compile(r"(?:[ \t]+of[ \t]+\d{1,3})?[ \t]+" + pattern("gallery_words") + r"(?![A-Za-z])")
_GALLERY_FIRST = frozenset(word[0] for word in words("gallery_words"))
_OF_COUNTER = re.compile(r"[ \t]+of[ \t]+\d{1,3}(?![\d,.]?\d)")
_CAPTION_WORDS = words("caption_words")
_CAPTION_BEFORE = re.compile(r"\b" + pattern("caption_words") + r"[ \t]+\d{1,3}[ \t]+of[ \t]+\Z", re.IGNORECASE)  # "Caption 43 of 43"
#: The balls of a lottery draw: "the winning numbers: 8, 20, 14, 17 and 39", "a Megaball of 7".
_DRAWN_BEFORE = re.compile(r"(?:\bnumbers(?:[ \t]+(?:were|are|drawn))?[ \t]*:?[ \t]*(?:\d{1,2}(?:,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+))*"
                           r"|(?:mega|power|bonus|lucky)[ \t]?ball(?:[ \t]+(?:of|was|is|number))?[ \t]+)\Z", re.IGNORECASE)
_LIST_MARK = re.compile(r"[.)][ \t]+\S")
_ENUMERATOR = re.compile(r" ?\)[ \t]+[A-Za-z]")  # "what 1) explains … 2 ) cautions", no "(" open before
_ADDRESS = re.compile(r"(?:[-–]\d+[A-Za-z]?)?(?:[ \t]+[A-Z0-9][A-Za-z0-9]*\.?){0,3}[ \t]+" + pattern("street_words") + r"\b")


def _starts_sentence(text: str, s: int, word: str) -> bool:
    """Whether ``word``, just before ``s``, opens a sentence (capitalized for its place, not as a name)."""
    i = text.rfind(word, max(0, s - 40), s)
    before = text[max(0, i - 6):i].rstrip(" \t\"“'‘(")
    return i >= 0 and (not before or before[-1] in ".!?:\n")


_COMPARED = re.compile(r"[ \t]*(?:" + pattern("compared_strong", reverse=True) + r"|(?P<weak>" +
                       pattern("compared_weak", reverse=True) + r"))(?![A-Za-z])", re.IGNORECASE)
_RANGE_NEXT = re.compile(r"[ \t]*(?:[-–—]|to)[ \t]*(\d+(?:,\d{3})*)(?![\d.])")
_BETWEEN_NEXT = re.compile(r"[ \t]*(?:[-–—]|to|and)[ \t]*(\d+(?:,\d{3})*)(?![\d.])")
_DATE_AFTER = re.compile(r"[ \t]*(?:[,.;:)]|$|(?:1[89]|20)\d\d\b)")
_DAY_BEFORE = words("date_day_before")


def _lower_month_date(text: str, n: Core, lw: str, month_first: bool) -> bool:
    """"may 19," and "on 1 may" in lower-cased text are dates: the modal "may" never takes a
    numeral; "march" and "june" need the date's punctuation or year, or "on 1 march"."""
    if month_first:
        return lw == "may" or bool(_DATE_AFTER.match(text, n.end))
    return lw in _DAY_BEFORE


def _counted_not_dated(text: str, n: Core, between: bool) -> bool:
    """A four-digit figure that is a count, not a year: "more than 2000", "1000-5000", "over 1500",
    "between 1000 and 5,000"."""
    cm = _COMPARED.match(text[max(0, n.start - 16):n.start][::-1])
    if cm and (not cm.group("weak") or n.value < 1800):
        return True
    rm = (_BETWEEN_NEXT if between else _RANGE_NEXT).match(text, n.end, n.end + 16)
    return bool(rm) and ("," in rm.group(1) or float(rm.group(1).replace(",", "")) > 2200)


_YEAR_NEXT = re.compile(r",?[ \t]+(?:1[89]|20)\d\d(?!\d)")
_OLDER_THAN = re.compile(r"\b(older|younger)[ \t]+than[ \t]+\Z", re.IGNORECASE)
_AGE_BOUND = re.compile(r"(?:over|under|above|below)[ \t]", re.IGNORECASE)
#: Who may be bounded by age: "people over 65", "children under 5", "those aged over 70".
_PEOPLE = words("aged_people")


def age_bound(text: str, n: Core) -> None:
    """A bound on an age in years: "people over 65", "children under 5", "older than 40".

    A bare figure right after a qualifier of people ("men over 50 were barred"), or after
    "older/younger than", is an age; "over 50 men" stays a count.
    """
    s = n.start
    om = _OLDER_THAN.search(text, max(0, s - 16), s) if n.q == "exact" else None
    if om:
        n.q, n.start = ("more-than" if om.group(1).lower() == "older" else "less-than"), om.start()
    elif n.q in ("more-than", "less-than") and _AGE_BOUND.match(text, s):
        prev = prev_word(text, s)
        if not prev or prev[1] or prev[0].lower() not in _PEOPLE:
            return
    else:
        return
    if not noun(text, n) and n.value == int(n.value) and 0 < n.value <= 120:
        n.unit, n.kind = "year", "age"


def plain_ok(text: str, n: Core) -> bool:
    """A bare integer: not a year, a day of a month, an identifier, list numbering or a name."""
    s = n.start
    prev = prev_word(text, s)
    pw, punct = (prev[0].lstrip("-"), prev[1]) if prev else ("", "")  # "August 1-November 13": November
    lw = pw.lower()
    raw = text[s:n.cend]
    v = n.value
    if lw in MONTHS and (lw not in MONTHS_CAPITAL_ONLY or pw[:1].isupper() or _lower_month_date(text, n, lw, True)) \
            and punct == "" and v <= 31:
        return False
    if lw.endswith(".") and lw[:-1] in MONTHS and pw[:1].isupper() and v <= 31 and _YEAR_NEXT.match(text, n.end):
        return False  # "May. 30, 2022": a period after a month's full name
    nxt = _NEXT_WORD.match(text[n.end:n.end + 16])
    nw = nxt.group(1) if nxt else ""
    if nw.lower().rstrip(".") in MONTHS and v <= 31 and (nw.lower() not in MONTHS_CAPITAL_ONLY or nw[:1].isupper() or
                                                          _lower_month_date(text, n, lw, False)):
        return False
    if punct == "" and (lw in IDENTIFIER_WORDS or pw in ("#",)):
        return False
    if punct == "" and v < 100 and (pw in _NETWORKS or len(pw) == 4 and pw[0] in "KW" and pw.isupper()):
        return False  # "NBC 5's Chris Jose", "KTLA 5": a television station
    if lw in ("past", "to") and v <= 12 and clock_hour(text, s, n.end):
        return False  # "ten minutes past 6.": the hour of a time
    if v <= 24 and _TIME_RANGE_NEXT.match(text, n.end):
        return False  # "between 2 and 4 p.m.", "from 9 to 5pm": the first figure is a time too
    if 1000 <= v <= 2200 and n.step == 1.0 and v == int(v) and "," not in raw and not any(c in raw for c in _SEP + " "):
        if _SEASON_SUFFIX.match(text[n.end:n.end + 6]):
            return False
        nw = nw.rstrip(".")
        plural = nw.islower() and len(nw) > 2 and nw not in YEAR_NOUNS and nw not in STOP and (
            nw.endswith("s") and not nw.endswith("ss") or nw in ("people", "children", "men", "women", "staff"))
        if (lw in YEAR_BEFORE or not plural) and not (nw not in YEAR_NOUNS and _counted_not_dated(text, n, lw == "between")):
            return False
    if pw and not pw.islower() and punct == "" and lw not in CAPITAL_OK and lw not in MONTHS and not pw.endswith(".") \
            and not _starts_sentence(text, s, pw) and not _TIMES_NEXT.match(text, n.end):
        return False
    if _ADDRESS.match(text, n.end) or _CODE_NEXT.match(text, n.end) or v < 1000 and \
            (nw[:1] in _GALLERY_FIRST or text.startswith(" of ", n.end)) and _GALLERY_NEXT.match(text, n.end):
        return False
    if v < 1000 and (lw == "of" and _CAPTION_BEFORE.search(text, max(0, s - 24), s) or
                     lw in _CAPTION_WORDS and _OF_COUNTER.match(text, n.end)):
        return False
    if len(raw) >= 5 and raw.isdigit() and _PART_CODE_NEXT.match(text, n.end):
        return False  # "24703 L-202", "24703 m212": a catalogue or part number beside a code
    model = _MODEL_NEXT.match(text, n.end)
    if model and model.group(1) in MODEL_AFTER or nw.lower().rstrip(".") in MODEL_NOUNS and v > 1 and "," not in raw:
        return False
    if model and model.group(1) in _COMPASS and not _CAPITAL_NEXT.match(text, model.end()):
        return False  # "the 38 North website"; not "40 North Koreans"
    c = text[n.end:n.end + 1]
    tail = _NAME_TAIL.match(text, n.end) if c in ("-", "(") or c == " " and v < 10 else None
    if tail and (tail.group("club") is None or v < 10 and (not tail.group("space") or lw in ("a", "an"))):
        return False
    if v < 100 and (text.find("umbers", max(0, s - 60), s) >= 0 or text.find("all", max(0, s - 12), s) >= 0) and \
            _DRAWN_BEFORE.search(text, max(0, s - 60), s):
        return False
    if raw in ("911", "999", "112") and (lw in _CALL_VERBS and not _TIMES_NEXT.match(text, n.end) or
                                         _EMERGENCY_NEXT.match(text, n.end)):
        return False  # "call 911", "a 999 operator": an emergency number
    if punct == "," and pw[:1].isupper() and lw not in CAPITAL_OK and 1 <= v <= 120 and v == int(v) \
            and (text[n.end:n.end + 1] in (",", ";") or _SENTENCE_END.match(text, n.end)):
        n.unit, n.kind = "year", "age"
        return True
    if lw in ("aged", "age", "ages") or lw in ("of", "was", "is", "from", "between") and \
            _AGE_OF_BEFORE.search(text, max(0, s - 16), s) \
            or lw in ("is", "was", "were", "are") and text.find(" age ", max(0, s - 100), s) >= 0 and \
            _AVERAGE_AGE_BEFORE.search(text, max(0, s - 100), s) \
            or (lw in ("turned", "turns", "turning") or lw in ("is", "was", "now") and
                _WHO_IS_BEFORE.search(text, max(0, s - 32), s) or lw == "now" and
                _NOW_AGE_BEFORE.search(text, max(0, s - 40), s)) and v <= 120 and v == int(v) and \
            _AFTER_TURNED.match(text, n.end):
        n.unit, n.kind = "year", "age"
        return True
    if text[n.end:n.end + 1] in (".", ")") and v < 1000 and _LIST_MARK.match(text[n.end:n.end + 3]):
        j = s - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        if j < 0 or text[j] == "\n":
            return False
    if text[n.end:n.end + 1] == ")" and s and text[s - 1] == "(" and v < 100:
        return False
    if v < 100 and n.step == 1.0 and _ENUMERATOR.match(text, n.end) and \
            text.rfind("(", max(0, s - 200), s) <= text.rfind(")", max(0, s - 200), s):
        return False
    return True
