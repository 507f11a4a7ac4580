"""Which claim is about which fact.

Each claim is scored against every fact whose unit agrees with it.  A fact's match terms
are looked up in rings around the number, nearest first:

====  ===============================================================
4     the counted noun phrase ("living captives")
3     the claim's own clause (split at , ; : — ( ), joining words and the neighbouring numbers)
2     the rest of its sentence
1     the previous sentence (for "They are still holding 58." style follow-ups: only a claim
      whose own clause names no subject, a generic one ("people") or no predicate looks there)
====  ===============================================================

A fact is a candidate when every ``all`` term is found in some ring, at least one ``any``
term is found (if any are given), no ``none`` term stands in the claim's own clause, and
at least one term stands in the claim's clause or noun (in its noun for a vague amount
such as "thousands": a crowd is not a count of hostages).  A claim more than five times
off the fact's figure must name the fact in its counted noun ("two countries" is not a
count of hostages), and a singular noun is not what a count above one counts.
Candidates are ranked by their best (nearest) piece of evidence, then by the summed rings
of all their terms, then by the distance in characters to the nearest term.  A claim
attaches to at most one fact: the winner.  When the top candidates tie, the one the claim
agrees with is preferred; when none of the tied ones agrees, the claim stays unattached
(precision first: an ambiguous match must not become a finding).
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import Sequence

from factcheck.frames.model import GENERIC, Frame
from factcheck.models import Claim
from factcheck.extract.lazy_re import compile_regex
from factcheck.rules.term_index import TermIndex, word_keys

NOUN, CLAUSE, SENTENCE, PREVIOUS = 4, 3, 2, 1
#: From how many facts a claim's candidates are looked up in a ``TermIndex`` rather than all
#: scored (with the 17 facts of rules/ the index saves a fifth of the matching time).
INDEX_FROM = 8

_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]—–]|\s-\s|\b(?:and|but|while|whereas|including|in exchange for|"
    r"compared with|compared to|versus|after|before)\b", re.IGNORECASE)
#: Run by ``regex``, 1.3× faster here than ``re`` (bench/regex_vs_re.py); ``[\s\x1c-\x1f]`` is
#: ``re``'s ``\s``, which counts the four separator controls as space where ``regex``'s does not.
_SENTENCE_END = compile_regex(r"[.!?][\"'”’)]*[\s\x1c-\x1f]+(?=[\"'“‘(]?[A-Z0-9])|\n[\s\x1c-\x1f]*\n")


@dataclass(frozen=True, slots=True)
class Context:
    """The rings of text around one claim, as plain strings with their offsets."""

    noun: str
    clause: tuple[int, int]
    sentence: tuple[int, int]
    previous: tuple[int, int]


def context(text: str, claim: Claim, lo: int = 0, hi: int | None = None,
            breaks: dict | None = None) -> Context:
    """Noun, clause, sentence and previous-sentence spans around ``claim`` in ``text``.

    ``lo``/``hi`` are the ends of the neighbouring claims: a number's clause never reaches
    past the next number, so each number keeps the words that stand between it and them.
    ``breaks`` keeps each sentence's clause breaks, and where the sentence before it starts,
    for the next claim in it (one scan of a sentence however many numbers it holds).
    """
    s0, s1 = claim.sentence_start, claim.sentence_end
    if s1 <= s0:
        s0, s1 = _sentence_around(text, claim.start, claim.end)
    found = breaks.get((s0, s1)) if breaks is not None else None
    if found is None:
        spans = [m.span() for m in _CLAUSE_BREAK.finditer(text, s0, s1)]
        found = [a for a, _ in spans], [b for _, b in spans]
        if breaks is not None:
            breaks[(s0, s1)] = found
    starts, ends = found
    before = bisect.bisect_right(ends, claim.start)  # breaks that end before the claim
    after = bisect.bisect_left(starts, claim.end)  # the first that starts after it
    c0 = starts[before - 1] if before else s0
    c1 = starts[after] if after < len(starts) else s1
    c0, c1 = max(c0, lo), min(c1, hi if hi is not None else c1)
    p1 = s0
    if s0 <= 1:
        p0 = s0
    elif breaks is not None and s0 in breaks:
        p0 = breaks[s0]
    else:
        p0 = _sentence_around(text, max(0, s0 - 2), max(0, s0 - 1))[0]
        if breaks is not None:
            breaks[s0] = p0
    return Context(claim.noun, (c0, c1), (s0, s1), (p0, p1))


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 600)
    s0 = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        s0 = m.end()
    m = _SENTENCE_END.search(text, end, min(len(text), end + 600))
    return s0, (m.start() + 1 if m else min(len(text), end + 600))


def ring(term, text: str, ctx: Context, claim: Claim, frame: Frame | None = None,
         seen: dict | None = None) -> tuple[int, int]:
    """(ring, distance) of the nearest occurrence of ``term``; ring 0 when absent.

    The term's occurrences in a sentence are found once (``seen`` keeps them for the other
    claims of the sentence); the nearest is the last one before the claim or the first one
    after it, since occurrences do not overlap and the claim's clause is one span around it.
    """
    pat = term.pattern
    if ctx.noun and pat.search(ctx.noun) and _counts(ctx.noun, claim):
        return NOUN, 0
    if frame is not None and any(pat.search(w) for w in (frame.subject_words, frame.predicate_words) if w):
        return NOUN, 0
    seen = {} if seen is None else seen
    starts, ends = occurrences(term, text, ctx.sentence, seen)
    best = None
    for k in (bisect.bisect_right(ends, claim.start) - 1, bisect.bisect_left(starts, claim.end)):
        if 0 <= k < len(starts):
            start, end = starts[k], ends[k]
            d = claim.start - end if end <= claim.start else start - claim.end
            where = CLAUSE if ctx.clause[0] <= start and end <= ctx.clause[1] else SENTENCE
            if best is None or (where, -d) > best:
                best = (where, -d)
    if best is not None:
        return best[0], -best[1]
    own = frame is not None and bool(frame.subject_words) and bool(frame.predicate_words) and not frame.borrowed \
        and not frame.needs_antecedent and frame.subject not in CONTEXTUAL
    if own or ctx.previous[1] <= ctx.previous[0]:
        return 0, 0
    key = (term.text, ctx.previous, "any")
    if key not in seen:
        seen[key] = pat.search(text, *ctx.previous) is not None
    return (PREVIOUS, 10_000) if seen[key] else (0, 0)


def occurrences(term, text: str, span: tuple[int, int], seen: dict) -> tuple[list[int], list[int]]:
    """Where ``term`` is found in ``text[span]``: the starts and the ends, found once per span."""
    key = (term.text, span)
    if key not in seen:
        found = [m.span() for m in term.pattern.finditer(text, *span)]
        seen[key] = [a for a, _ in found], [b for _, b in found]
    return seen[key]


def stands_in_clause(term, text: str, ctx: Context, claim: Claim, frame: Frame | None = None) -> bool:
    """Whether ``term`` stands in the claim's clause, outside the claim and outside the words
    that only describe its subject ("taken on October 7" in "59 hostages taken on October 7
    remain")."""
    lo, hi = frame.modifier if frame is not None else (0, 0)
    for m in term.pattern.finditer(text, *ctx.clause):
        if not (m.start() < claim.end and m.end() > claim.start) and not (lo <= m.start() and m.end() <= hi):
            return True
    return False


def score(fact, text: str, ctx: Context, claim: Claim, frame: Frame | None = None,
          seen: dict | None = None) -> tuple[int, int, int] | None:
    """Rank of ``fact`` as the subject of ``claim``, or None when it cannot be (``seen``: the
    occurrences of terms found so far in the document, see ``ring``)."""
    if fact.unit != claim.unit:
        return None
    spec = fact.match
    if any(stands_in_clause(t, text, ctx, claim, frame) for t in spec.none):
        return None
    rings, dists = [], []
    for term in spec.all:
        where, d = ring(term, text, ctx, claim, frame, seen)
        if not where:
            return None
        rings.append(where)
        dists.append(d)
    if spec.any:
        found = [ring(t, text, ctx, claim, frame, seen) for t in spec.any]
        found = [f for f in found if f[0]]
        if not found:
            return None
        where, d = max(found, key=lambda f: (f[0], -f[1]))
        rings.append(where)
        dists.append(d)
    if not rings or max(rings) < CLAUSE or (claim.qualifier == "vague" and max(rings) < NOUN):
        return None
    if max(rings) < NOUN and other_noun(spec, text, ctx, claim, frame, seen):
        return None
    return max(rings), sum(rings), -min(dists)


_GENERIC = frozenset("people persons individuals others residents victims times".split())
#: Subjects whose identity the text around them gives ("people", "bodies": of whom?).
CONTEXTUAL = GENERIC | {"body", "other"}


def other_noun(spec, text: str, ctx: Context, claim: Claim, frame: Frame | None = None,
               seen: dict | None = None) -> tuple[str, str] | None:
    """(what the claim counts, what the fact names) when a claim counts one noun and the fact's
    terms name another counted thing in its sentence ("32 new cases … across the United
    *States*" is no count of states); None when they may agree."""
    words = (frame.subject_words if frame is not None and frame.subject_words else claim.noun).split()
    head = words[-1] if words else ""
    if not head or not head.islower() or not head.endswith("s") or head in _GENERIC or len(head) < 4:
        return None
    terms = (*spec.all, *spec.any)
    if any(t.pattern.search(w) for t in terms for w in words):
        return None
    seen = {} if seen is None else seen
    for t in spec.all:
        for start, end in zip(*occurrences(t, text, ctx.sentence, seen)):
            word = text[start:end]
            if start < claim.end and end > claim.start:
                continue
            if len(word) > 3 and word.lower().endswith("s") and " " not in word and word.lower() != head:
                return head, word
    return None


def contexts(text: str, claims: Sequence[Claim], frames: Sequence[Frame] | None = None):
    """Each claim with its rings (``Context``) and its frame (None when frames were not read);
    each sentence's clause breaks are read once."""
    breaks: dict = {}
    for i, claim in enumerate(claims):
        lo = claims[i - 1].end if i else 0
        hi = claims[i + 1].start if i + 1 < len(claims) else None
        yield claim, context(text, claim, lo, hi, breaks), frames[i] if frames is not None else None


def match_claims(text: str, claims: Sequence[Claim], facts: Sequence, on: dt.date | None = None,
                 frames: Sequence[Frame] | None = None, period: tuple[dt.date, dt.date] | None = None) -> list:
    """For each claim, the fact it is about (or None).  ``on`` is the document's date (``period``
    its month or year when it names no day); ``frames`` the claims' frames, when read (their
    subject and predicate count as the counted noun).  A fact limited to other days is skipped."""
    index = term_index(facts) if len(facts) >= INDEX_FROM else None
    applies = [f for f in facts if f.applies(on, period)]
    if not applies:
        return [None] * len(claims)
    allowed = {id(f) for f in applies}
    on = on if on is not None else period[1] if period is not None else None
    spans: dict = {}
    seen: dict = {}
    out = []
    for claim, ctx, frame in contexts(text, claims, frames):
        ranked = []
        candidates = applies if index is None else \
            [f for f in _candidates(index, text, ctx, frame, spans) if id(f) in allowed]
        for fact in candidates:
            s = score(fact, text, ctx, claim, frame, seen)
            if s is not None:
                ranked.append((s, fact))
        out.append(_winner(ranked, claim, on))
    return out


def _candidates(index: TermIndex, text: str, ctx: Context, frame: Frame | None, spans: dict) -> list:
    """The facts whose terms may stand in the rings of a claim (``TermIndex.candidates`` on the
    word keys of the sentence, the previous sentence, the counted noun and the frame's subject
    and predicate); those of a sentence and the one before are looked up once, and again only
    for a claim whose noun or frame brings words they lack."""
    pair = (ctx.sentence, ctx.previous)
    if pair not in spans:
        keys = set()
        for span in pair:
            if span not in spans:
                spans[span] = word_keys(text, *span) if span[1] > span[0] else set()
            keys |= spans[span]
        spans[pair] = keys, index.candidates(keys)
    keys, found = spans[pair]
    extra = word_keys(ctx.noun)
    if frame is not None:
        extra |= word_keys(frame.subject_words) | word_keys(frame.predicate_words)
    return found if extra <= keys else index.candidates(keys | extra)


_INDEXES: dict[int, tuple[Sequence, TermIndex]] = {}


def term_index(facts: Sequence) -> TermIndex:
    """The ``TermIndex`` of a sequence of facts, built once (a rule set's facts are one tuple
    for every document it checks)."""
    found = _INDEXES.get(id(facts))
    if found is None or found[0] is not facts:
        if len(_INDEXES) >= 8:
            _INDEXES.clear()
        found = _INDEXES[id(facts)] = (facts, TermIndex(facts))
    return found[1]


def _counts(noun: str, claim: Claim) -> bool:
    """Whether ``noun`` can be what the claim counts: a plural, unless the value is one or less."""
    head = noun.rsplit(None, 1)[-1].lower()
    return claim.kind != "count" or claim.value <= 1 or head.endswith("s") or head in _PLURALS


_PLURALS = frozenset("people men women children police staff personnel".split())


def _plausible(fact, claim: Claim, on: dt.date | None, ring: int) -> bool:
    """A claim five times off the figure must name the fact in its counted noun to be about it."""
    exp = fact.expected(on)
    if exp is None or ring >= NOUN or not exp.value or not claim.value:
        return True
    ratio = abs(claim.value / exp.value)
    return 0.2 <= ratio <= 5


def _winner(ranked: list, claim: Claim, on: dt.date | None):
    ranked = [(s, f) for s, f in ranked if _plausible(f, claim, on, s[0])]
    if not ranked:
        return None
    best = max(s for s, _ in ranked)
    top = [f for s, f in ranked if s == best]
    if len(top) == 1:
        return top[0]
    agreeing = [f for f in top if _agrees(f, claim, on)]
    return agreeing[0] if agreeing else None


def _agrees(fact, claim: Claim, on: dt.date | None) -> bool:
    exp = fact.expected(on)
    return exp is None or exp.interval.meets(claim.interval)
