"""Text → numeric claims.  ``extract(text)`` is pure, linear in the text, and never raises.

Two compiled scanners find number cores in one pass each: digits on the text, number words
on its lower-cased copy.  Each core is then widened by what stands next to it (a currency
sign, a scale word, a unit, a qualifier such as "about") or dropped when its context says
it is not a claim (a date, a year, a time, an ordinal, a name or code, a phone number, a
URL, list numbering).  Neighbouring cores joined by "to", "-" or "between … and" become one
range.  Context before a core is read by matching reversed patterns against the reversed
few dozen characters before it, so no step looks further than a sentence.  The interval
each qualifier asserts is tabulated in ``docs/intervals.md``.

Every decision to take or drop a number is a named rule (``policy``; listed in
``docs/claim-policy.md``).  ``explain(text)`` tells, for every number-looking span, the rule
that took or dropped it; ``extract`` records the same in ``trace`` when it is given one, and
does no work for it otherwise.
"""
from __future__ import annotations

import math

from factcheck.extract import lazy_re as re
from factcheck.extract import qualifiers as Q
from factcheck.extract.codes import (PHONE_NUMBER, aperture, dash_after_dropped, dotted_chain, in_reference, in_url,
                                     slash_chain, url_spans)
from factcheck.extract.context import widen
from factcheck.extract.number_cores import (DIGITS, FRACTION_CHARS, INTL, PHONE, WORDS, WORDS_AFTER, WORDS_AFTER_ANYCASE,
                                            WORDS_ANYCASE, Core, SkipTo, digit_core, spaced_thousands_ok, word_core)
from factcheck.extract.decade_ages import decade_cores
from factcheck.models import Claim, new_claim
from factcheck.extract.counted_nouns import noun
from factcheck.extract.policy import RULES, Decision, declare, record
from factcheck.extract.ranges import conversions, quotients, ranges
from factcheck.extract.references import reference_spans
from factcheck.extract.sentences import Sentences
from factcheck.extract.single_units import single_unit_cores

TAKEN = declare("claim.number", 'A number that no rule drops is a claim ("1,800 people", "$5m", "about 30 km").', __name__)
OVERLAP = declare("not-claim.overlap", 'A figure read inside a claim that starts before it is part of that claim.', __name__)
OVERFLOW = declare("not-claim.overflow", 'A value too large for a number ("1e400") states nothing one can check.', __name__)


def extract(text: str, trace: list[Decision] | None = None) -> list[Claim]:
    """Every numeric claim in ``text``, sorted by start offset and never overlapping.

    When ``trace`` is a list, a ``Decision`` is added to it for every number-looking span:
    the rule that dropped it, or for each claim the rule that took it.
    """
    if not isinstance(text, str) or not text:
        return []
    low = text.lower()
    same = len(low) == len(text)
    nums = decade_cores(text, low if same else None) + _digit_cores(text, trace) + _word_cores(text, low if same else None, trace) + \
        (single_unit_cores(text, low, widen, trace) if same else [])
    nums.sort(key=lambda core: core.start)
    nums = conversions(text, ranges(text, quotients(text, nums), trace))
    sentences = Sentences(text)
    out: list[Claim] = []
    last = -1
    for core in nums:
        if core.start < last or not math.isfinite(core.value) or core.vague is None and abs(core.value) > 1e300:
            if trace is not None:
                record(trace, text, core.start, core.end, OVERLAP if core.start < last else OVERFLOW)
            continue
        last = core.end
        if core.start >= sentences.end:
            sentences.around(core.start)
        if core.vague is not None:
            low_bound, high_bound = core.vague
            qualifier, low_open, high_open = ("range" if core.q == "range" else "vague"), False, False
        else:
            low_bound, high_bound, low_open, high_open, qualifier = Q.bounds(core.value, core.q,
                                                                             core.step if core.scale > 1 else 0.0)
        out.append(new_claim(core.value, low_bound, high_bound, qualifier, core.unit, core.start, core.end,
                         text[core.start:core.end], sentences.start, sentences.end, noun(text, core), core.kind,
                         low_open, high_open))
        if trace is not None:
            record(trace, text, core.start, core.end, core.rule or TAKEN)
    return out


def explain(text: str) -> list[Decision]:
    """Every number-looking span in ``text`` with the rule that took or dropped it, in reading order."""
    trace: list[Decision] = []
    extract(text, trace)
    return sorted(trace, key=lambda decision: (decision.start, decision.end))


#: Errors that drop one core (a reading the tables do not cover), never the whole text.
_SKIPPED = (ValueError, ZeroDivisionError, OverflowError, KeyError, IndexError)


# -- digits ----------------------------------------------------------------------------------------------

def _digit_cores(text: str, trace: list[Decision] | None) -> list[Core]:
    out: list[Core] = []
    skip_to = 0
    urls, references = url_spans(text), reference_spans(text)
    for match in _digit_matches(text):
        start = match.start()
        if start < skip_to:
            continue
        phone = PHONE.match(text, start) or (start and text[start - 1] == "+" and INTL.match(text, start))
        if phone:
            skip_to = phone.end()
            if trace is not None:
                record(trace, text, start, skip_to, PHONE_NUMBER)
            continue
        if start > 1 and text[start - 1] in "-–" and dash_after_dropped(text, start, out):
            if trace is not None:
                record(trace, text, start, match.end(), dash_after_dropped.rule_id)
            continue
        code_end = aperture(text, start) if start > 2 and text[start - 1] == " " and text[start - 2] in "/-–" else 0
        if code_end:
            skip_to = code_end
            if trace is not None:
                record(trace, text, start, code_end, aperture.rule_id)
            continue
        end = match.end()
        if text[end + 1:end + 2] in ("/", "."):
            if chain_end := slash_chain(text, end):
                skip_to = chain_end  # "24 / 7", "12 / 25 / 2019": a fraction at most, never two numbers
                if trace is not None:
                    record(trace, text, end, chain_end, slash_chain.rule_id)
            elif chain_end := dotted_chain(text, end):
                skip_to = chain_end
                if trace is not None:
                    record(trace, text, start, chain_end, dotted_chain.rule_id)
                continue
        try:
            core = digit_core(text, match)
            if core is None:
                continue
            if core.__class__ is str:
                dropped = core
            elif urls is not None and in_url(urls, start):
                dropped = in_url.rule_id
            elif references is not None and in_reference(references, start):
                dropped = in_reference.rule_id
            else:
                dropped = widen(text, core)
            if dropped is None:
                out.append(core)
            elif trace is not None:
                record(trace, text, start, end, dropped)
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


def _words_at(src: str, pos: int, anycase: bool) -> tuple[int, int] | None:
    """The span of ``WORDS.search(src, pos)``, found by ``WORDS_AFTER`` from the character before."""
    if pos == 0:
        m = (WORDS_ANYCASE if anycase else WORDS).match(src)
        if m is not None:
            return m.span()
        pos = 1
    m = (WORDS_AFTER_ANYCASE if anycase else WORDS_AFTER).search(src, pos - 1)
    return None if m is None else m.span(1)


def _word_cores(text: str, low: str | None, trace: list[Decision] | None) -> list[Core]:
    src, anycase = (low, False) if low is not None else (text, True)
    out = []
    pos = 0
    while True:
        span = _words_at(src, pos, anycase)
        if span is None:
            return out
        start = span[0]
        core = None
        try:
            core = word_core(text, start, span[1])
        except SkipTo as skip:
            pos = skip.end
            if trace is not None:
                record(trace, text, start, skip.end, skip.rule)
            continue
        except _SKIPPED:
            core = None
        if core.__class__ is str:
            if trace is not None:
                record(trace, text, start, span[1], core)
            core = None
        pos = core.cend if core is not None and core.cend > start else start + 1
        while pos < len(src) and src[pos - 1].isalpha() and src[pos].isalpha():
            pos += 1
        try:
            if core is not None:
                dropped = widen(text, core)
                if dropped is None:
                    out.append(core)
                elif trace is not None:
                    record(trace, text, start, span[1], dropped)
        except _SKIPPED:
            continue


__all__ = ["RULES", "explain", "extract"]
