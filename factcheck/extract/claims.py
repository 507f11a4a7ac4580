"""Text → numeric claims.  ``extract(text)`` is pure, linear in the text, and never raises.

Two compiled scanners find number cores in one pass each: digits on the text, number words
on its lower-cased copy.  Each core is then widened by what stands next to it (a currency
sign, a scale word, a unit, a qualifier such as "about") or dropped when its context says
it is not a claim (a date, a year, a time, an ordinal, a name or code, a phone number, a
URL, list numbering).  Neighbouring cores joined by "to", "-" or "between … and" become one
range.  Context before a core is read by matching reversed patterns against the reversed
few dozen characters before it, so no step looks further than a sentence.  The interval
each qualifier asserts is tabulated in ``docs/intervals.md``.
"""
from __future__ import annotations

import math

from factcheck.extract import lazy_re as re
from factcheck.extract import qualifiers as Q
from factcheck.extract.context import widen
from factcheck.extract.number_cores import (DIGITS, DOT_CHAIN, FRACTION_CHARS, INTL, PHONE, SLASH_CHAIN, WORDS, WORDS_AFTER, WORDS_AFTER_ANYCASE,
                             WORDS_ANYCASE, Core, SkipTo, digit_core, spaced_thousands_ok, word_core)
from factcheck.extract.decade_ages import decade_cores
from factcheck.models import Claim
from factcheck.extract.counted_nouns import noun
from factcheck.extract.ranges import conversions, quotients, ranges
from factcheck.extract.references import inside, merge, reference_spans
from factcheck.extract.sentences import Sentences
from factcheck.extract.single_units import single_unit_cores


def extract(text: str) -> list[Claim]:
    """Every numeric claim in ``text``, sorted by start offset and never overlapping."""
    if not isinstance(text, str) or not text:
        return []
    low = text.lower()
    same = len(low) == len(text)
    nums = decade_cores(text) + _digit_cores(text) + _word_cores(text, low if same else None) + \
        (single_unit_cores(text, low, widen) if same else [])
    nums.sort(key=lambda n: n.start)
    nums = conversions(text, ranges(text, quotients(text, nums)))
    sentences = Sentences(text)
    out: list[Claim] = []
    last = -1
    for n in nums:
        if n.start < last or not math.isfinite(n.value) or n.vague is None and abs(n.value) > 1e300:
            continue
        last = n.end
        if n.start >= sentences.end:
            sentences.around(n.start)
        s0, s1 = sentences.start, sentences.end
        if n.vague is not None:
            lo, hi = n.vague
            q, lo_open, hi_open = ("range" if n.q == "range" else "vague"), False, False
        else:
            lo, hi, lo_open, hi_open, q = Q.bounds(n.value, n.q, n.step if n.scale > 1 else 0.0)
        out.append(Claim(n.value, lo, hi, q, n.unit, n.start, n.end, text[n.start:n.end], s0, s1,
                         noun(text, n), n.kind, lo_open, hi_open))
    return out


#: Errors that drop one core (a reading the tables do not cover), never the whole text.
_SKIPPED = (ValueError, ZeroDivisionError, OverflowError, KeyError, IndexError)


# -- digits ----------------------------------------------------------------------------------------------

def _digit_cores(text: str) -> list[Core]:
    out = []
    skip_to = 0
    urls = merge(_url_tokens(text) if "://" in text or "www." in text or "@" in text else None,
                 reference_spans(text))
    for m in _digit_matches(text):
        s = m.start()
        if s < skip_to:
            continue
        p = PHONE.match(text, s) or (s and text[s - 1] == "+" and INTL.match(text, s))
        if p:
            skip_to = p.end()
            continue
        if s > 1 and text[s - 1] in "-–" and text[s - 2].isdigit() and not (out and out[-1].end == s - 1):
            continue
        if s > 2 and text[s - 1] == " " and text[s - 2] in "/-–" and _APERTURE_BEFORE.search(text, max(0, s - 14), s):
            skip_to = _APERTURE.match(text, s).end()
            continue
        e = m.end()
        if text[e + 1:e + 2] in ("/", "."):
            if chain := SLASH_CHAIN.match(text, e):
                skip_to = chain.end()  # "24 / 7", "12 / 25 / 2019": a fraction at most, never two numbers
            elif chain := DOT_CHAIN.match(text, e):
                skip_to = chain.end()
                continue
        try:
            n = digit_core(text, m)
            if n is None or urls and inside(urls, s):
                continue
            if widen(text, n):
                out.append(n)
        except _SKIPPED:
            continue
    return out


#: Where a ``DIGITS`` match may start: an ASCII digit not after another, or any non-ASCII
#: character (Unicode digits, vulgar fractions).  A plain character class lets the regex
#: engine skip ahead quickly, which ``DIGITS`` (starting with look-arounds) cannot.
_DIGIT_START = re.compile(r"[^\x00-/:-\x7f](?<![0-9][0-9])")


_SPACED = DIGITS.groupindex["nz"]  # "1, 118": a thousands group after a stray space


def _digit_matches(text: str):
    """The matches of ``DIGITS.finditer(text)``, found about ten times faster.

    A match starts on a digit, a vulgar fraction or a "." before a digit, and a digit never
    right after a letter or digit; so only the first digit of a run (or the "." before it)
    needs a try.
    """
    match = DIGITS.match
    last = 0
    for c in _DIGIT_START.finditer(text):
        p = c.start()
        if p < last:
            continue
        ch = text[p]
        if ch > "\x7f" and ch not in FRACTION_CHARS and not ch.isdecimal():
            continue
        m = match(text, p - 1) if p > last and text[p - 1] == "." else None
        if m is None:
            m = match(text, p)
        if m is not None:
            if m[_SPACED] and not spaced_thousands_ok(text, m.start()):
                m = match(text, p, m.end("nz"))  # "May 5, 118 people": a date, then a count
            last = m.end()
            yield m


#: A lens aperture ("f/2.8", "f / 4 - 5 . 6"): a specification, no claim.
_APERTURE_BEFORE = re.compile(r"(?<![A-Za-z])[fF] ?/ ?(?:\d+(?: ?\. ?\d+)? ?[-–] ?)?\Z")
_APERTURE = re.compile(r"\d+(?: ?\. ?\d+)?(?: ?[-–] ?\d+(?: ?\. ?\d+)?)?")


def _url_tokens(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the blank-delimited tokens holding "://", "www." or "@" (URLs, e-mails)."""
    starts: list[int] = []
    ends: list[int] = []
    marks = []
    for mark in ("://", "www.", "@"):
        p = text.find(mark)
        while p >= 0:
            marks.append(p)
            p = text.find(mark, p + 1)
    for p in sorted(marks):
        if ends and p < ends[-1]:
            continue
        lo = ends[-1] if ends else 0
        starts.append(max(text.rfind(" ", lo, p), text.rfind("\n", lo, p), lo - 1) + 1)
        b = text.find(" ", p)
        ends.append(b if b >= 0 else len(text))
    return starts, ends


def _words_at(src: str, pos: int, anycase: bool) -> tuple[int, int] | None:
    """The span of ``WORDS.search(src, pos)``, found by ``WORDS_AFTER`` from the character before."""
    if pos == 0:
        m = (WORDS_ANYCASE if anycase else WORDS).match(src)
        if m is not None:
            return m.span()
        pos = 1
    m = (WORDS_AFTER_ANYCASE if anycase else WORDS_AFTER).search(src, pos - 1)
    return None if m is None else m.span(1)


def _word_cores(text: str, low: str | None) -> list[Core]:
    src, anycase = (low, False) if low is not None else (text, True)
    out = []
    pos = 0
    while True:
        span = _words_at(src, pos, anycase)
        if span is None:
            return out
        s = span[0]
        n = None
        try:
            n = word_core(text, s, span[1])
        except SkipTo as skip:
            pos = skip.end
            continue
        except _SKIPPED:
            n = None
        pos = n.cend if n is not None and n.cend > s else s + 1
        while pos < len(src) and src[pos - 1].isalpha() and src[pos].isalpha():
            pos += 1
        try:
            if n is not None and widen(text, n):
                out.append(n)
        except _SKIPPED:
            continue
