"""Numbers written in words and digits: ``two hundred and fifty-one`` → 251, ``1,800`` → 1800.

Pure functions; the vocabularies are also used by ``extract`` to build its patterns.
"""
from __future__ import annotations

import re

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SCALE_SUFFIX = {"hundred": 100.0, "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "million": 1e6,
                "b": 1e9, "bn": 1e9, "billion": 1e9, "tn": 1e12, "trillion": 1e12}
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
             "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8,
             "tenth": 10, "tenths": 10}
WORDS = {**SMALL, **TENS, "dozen": 12}

_WORD_SPLIT = re.compile(r"[\s\-‐–]+|\s+and\s+", re.IGNORECASE)


def words_value(text: str) -> float | None:
    """The value of a run of number words (``a dozen``, ``two hundred and fifty-one``), or None."""
    total, current, seen = 0.0, 0.0, False
    for w in _WORD_SPLIT.split(text.lower()):
        if not w or w == "and":
            continue
        if w in ("a", "an"):
            current = current or 1
            continue
        if w in SMALL or w in TENS:
            current += WORDS[w]
        elif w in ("dozen", "dozens"):
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def digits_value(text: str) -> float | None:
    """``1,800`` → 1800; ``12 000`` (thin or no-break space) → 12000; ``−3.5`` → -3.5."""
    t = text.replace(",", "").replace("\u00a0", "").replace("\u2009", "").replace("\u202f", "")
    t = t.replace("−", "-").replace(" ", "")
    try:
        return float(t)
    except ValueError:
        return None


def decimals(text: str) -> int:
    """Number of digits after the decimal point as written (``1.25`` → 2)."""
    i = text.find(".")
    return 0 if i < 0 else len(text) - i - 1
