"""Numbers as written: ``two hundred and fifty-one`` → 251, ``1,800`` → 1800, ``two-thirds`` → 2/3.

Pure functions over short strings; the vocabularies also build ``extract``'s patterns.
"""
from __future__ import annotations

from factcheck.extract import lazy_re as re

SMALL = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7}
#: The scale a run of number words ends in ("two hundred", "five million").
WORD_SCALES = {"hundred": 100.0, **{w: SCALES[w] for w in ("thousand", "million", "billion", "trillion")}}
#: Suffixes written right after digits (``3bn``, ``40k``, ``$5m``); ``m`` is decided by context.
SCALE_SUFFIX = {"k": 1e3, "K": 1e3, "thousand": 1e3, "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6,
                "mil": 1e6, "MM": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "B": 1e9,
                "billion": 1e9, "T": 1e12, "tn": 1e12, "tln": 1e12, "trillion": 1e12, "hundred": 100,
                "lakh": 1e5, "crore": 1e7}
#: Ordinals from eleventh to ninetieth, also denominators: ``two twentieths``, ``a twelfth``.
_LONG_ORDINALS = {"eleventh": 11, "twelfth": 12, **{w + "th": v for w, v in SMALL.items() if v > 12},
                  **{w[:-1] + "ieth": v for w, v in TENS.items()}}
#: Denominators: ``a third``, ``two-thirds``, ``three quarters``.
DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
                "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
                "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100, "thousandth": 1000,
                "thousandths": 1000, "millionth": 1e6, "millionths": 1e6, "billionth": 1e9, "billionths": 1e9,
                "trillionth": 1e12, "trillionths": 1e12, **_LONG_ORDINALS, **{w + "s": v for w, v in _LONG_ORDINALS.items()}}
#: Ordinals that are a denominator only as the last word of a compound ("three twenty-firsts").
COMPOUND_DENOMINATORS = {"first": 1, "firsts": 1}
#: Plural round numbers used vaguely: ``dozens``, ``hundreds of``, ``tens of thousands``.
VAGUE = {"dozens": 12, "scores": 20, "tens": 10, "hundreds": 100, "thousands": 1e3,
         "millions": 1e6, "billions": 1e9, "trillions": 1e12}
UNICODE_FRACTIONS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4,
                     "⅗": 0.6, "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625,
                     "⅞": 0.875}
CARDINALS = {**SMALL, **TENS}
#: "dozen" as written after a number: ``five dozen``, ``two dozens``, ``3 doz``.
DOZEN = frozenset(("dozen", "dozens", "doz", "dozs"))
#: Every word that may be part of a number written in words.
NUMBER_WORDS = frozenset([*CARDINALS, *SCALES, "hundred", "dozen", "dozens"])

#: A year said aloud: "nineteen eighty-four", "twenty twenty-three", "the nineteen-nineties" (not "ten
#: twenty-dollar bills": a count of a priced thing).
YEAR_HEADS = frozenset([*(w for w, v in SMALL.items() if v >= 10), "twenty"])
SPOKEN_YEAR = re.compile(r"(?:" + "|".join(w for w, v in SMALL.items() if v >= 10) + r"|twenty)[ \t-]+(?:(?:" +
                         "|".join(TENS) + r")(?:[ \t-]+(?:one|two|three|four|five|six|seven|eight|nine))?|"
                         r"(?:" + "|".join(t[:-1] for t in TENS) + r")ies)(?![a-z]|-[a-z]|[ \t-]+[a-z]*(?:ths?|firsts?|thirds?)\b)",
                         re.IGNORECASE)
_SPLIT = re.compile(r"[\s\-‐‑–]+")
_HYPHENATED = re.compile(r"[-‐‑–][ \t]*[a-z]+[ \t]*\Z", re.IGNORECASE)


def words_value(text: str) -> tuple[float, bool] | None:
    """Value of number words and whether it is a fraction, or None when they do not form one.

    ``two hundred and fifty-one`` → (251, False); ``a dozen`` → (12, False);
    ``half a million`` → (500000, False); ``two-thirds`` → (0.666…, True);
    ``one and a half`` → (1.5, False).
    """
    toks = [t if t != "&" else "and" for t in _SPLIT.split(text.lower()) if t]
    if not toks:
        return None
    if len(toks) > 1 and toks[-1] in SCALES and toks[-2] in DENOMINATORS:
        whole, head = 0.0, toks[:-1]
        if any(t in SCALES for t in head):
            if "and" not in head:
                return None
            i = len(head) - 1 - head[::-1].index("and")
            w = _integer(head[:i])
            if w is None:
                return None
            whole, head = w, head[i + 1:]
        part = (0.25 if head[0] == "quarter" else 0.5, True) if len(head) == 1 else words_value(" ".join(head))
        return None if part is None else (whole + part[0] * SCALES[toks[-1]], False)
    den = DENOMINATORS.get(toks[-1]) or COMPOUND_DENOMINATORS.get(toks[-1])
    if den and den < 10 and len(toks) > 1 and toks[-2] in TENS:
        if len(toks) == 2 and (den == 1 or _HYPHENATED.search(text)):
            return None  # "twenty-fifths", "twenty-first": an ordinal, no numerator
        compound = _fraction(toks[:-2], TENS[toks[-2]] + den, toks[-1].endswith("s"))
        if compound is not None or den == 1:
            return compound
    if toks[-1] in COMPOUND_DENOMINATORS:
        return None
    if den and toks[-1] not in ("half", "halves") or toks[-1] in ("half", "halves") and len(toks) > 1:
        return _fraction(toks[:-1], den, toks[-1].endswith("s"))
    if toks[0] == "half" and len(toks) > 1:
        rest = toks[2:] if toks[1] in ("a", "an") else toks[1:]
        v = _integer(["one", *rest])
        return (v / 2, False) if v is not None and (v >= 1000 or rest == ["dozen"]) else None
    v = _integer(toks)
    return None if v is None else (v, False)


def _fraction(toks: list[str], den: int, plural: bool = True) -> tuple[float, bool] | None:
    """``[a]`` third, ``[two]`` thirds, ``[one, and, a]`` half (a whole number plus a fraction).

    A numerator above the denominator needs a plural ("twenty-three fifths" is 4.6; "twenty
    fifth" is an ordinal, not a fraction).
    """
    if not toks:
        return None
    whole, scale = 0.0, 1.0
    if "and" in toks:
        i = len(toks) - 1 - toks[::-1].index("and")
        w = _integer(toks[:i])
        if w is None:
            return None
        scale = SCALES.get(toks[i - 1], 1.0)
        whole, toks = w, toks[i + 1:]
    if toks in (["a"], ["an"], ["one"]):
        num = 1.0
    else:
        n = _integer(toks)
        if n is None or n > 100 and (not plural or any(t in SCALES for t in toks)):
            return None  # "one hundred one thousand fifths": the scale may belong to the denominator
        num = n
    if whole == 0 and num > 1 and not plural or num >= den and den != 2 and not plural:
        return None
    if whole and num >= den and den != 2 and scale == 1.0:
        return ((whole + num) / den, True)  # "one hundred and thirty fifths" is 130/5, not 100 + 6
    return (whole + num / den * scale, whole == 0)


def _integer(toks: list[str]) -> float | None:
    """``two hundred and fifty-one``; ``a dozen``; ``three hundred thousand``; None when malformed."""
    total, current, tail, seen, last = 0.0, 0.0, 0.0, False, ""
    for i, w in enumerate(toks):
        if w == "and":
            if last not in ("hundred", "scale") or i == len(toks) - 1:
                return None
            last = "and"
            continue
        if w in ("a", "an"):
            if i != 0 and last != "and":
                return None
            current, last = 1.0, "a"
            continue
        if w in SMALL:
            if last in ("small", "tens") and not (last == "tens" and 0 < SMALL[w] < 10):
                return None
            current += SMALL[w]
            tail += SMALL[w]
            last = "small"
        elif w in TENS:
            if last in ("small", "tens"):
                return None
            current += TENS[w]
            tail += TENS[w]
            last = "tens"
        elif w in DOZEN:
            if last == "hundred" or not tail:
                current = (current or 1) * 12
            else:  # "three hundred and two dozen" is 300 + 24
                current += tail * 11
            tail, last = 0.0, "small"
        elif w == "hundred":
            if last == "hundred" or current >= 100:
                return None
            current, tail, last = (current or 1) * 100, 0.0, "hundred"
        elif w in SCALES:
            if last == "scale" and current == 0:
                total *= SCALES[w]
            else:
                total += (current or 1) * SCALES[w]
            current, tail, last = 0.0, 0.0, "scale"
        else:
            return None
        seen = True
    if not seen or last == "a":
        return None
    return total + current


def digits_value(text: str) -> float | None:
    """``1,800`` → 1800; ``12 000`` (any space) → 12000; ``−3.5`` → -3.5; ``.08`` → 0.08."""
    t = text.replace(",", "").replace("\u00a0", "").replace("\u2009", "").replace("\u202f", "")
    t = t.replace(" ", "").replace("−", "-")
    try:
        return float(t)
    except ValueError:
        return None


def step(text: str) -> float:
    """The place value of the last digit written (``1.25`` → 0.01, ``300`` → 1)."""
    i = text.find(".")
    return 1.0 if i < 0 else 10.0 ** -(len(text) - i - 1)
