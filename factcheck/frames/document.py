"""The frames of a document's claims, read in order, with what one sentence lends the next.

``FrameReader(text).frame(claim)`` reads each claim's frame in its sentence; a bare number
that opens a clause ("Fifty-eight are still in Gaza") takes the subject of the claim before
it in the same or the previous sentence (in its paragraph, or the one before when its
paragraph names none yet); a total after coordinated parts ("25 living hostages and the
bodies of eight others, 33 in all") the first subject of its sentence; a sentence that says
"over that period" the anchors of the sentence before.  A count anchored to a day less than
``SETTLED_DAYS`` before the article is not fixed: today's attack may still see its toll rise.
Claims must be asked for in document order.
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re

from factcheck.frames.clauses import asides
from factcheck.frames.model import Frame
from factcheck.frames.measures import is_measure
from factcheck.frames.sentence import anchors_of, read_frame, says_now, scene_of
from factcheck.frames.vocabulary import Tokens
from factcheck.models import Claim

SETTLED_DAYS = 7
_TOTAL_AFTER = re.compile(r"\s*(?:in all|in total|altogether|all told|combined|overall)\b", re.I)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_ENDS = frozenset(".!?")
#: What stands between a figure and its conversion into another unit or currency.
_CONVERSION = re.compile(r"[ \t]*\([ \t]*")


def _kind(c: Claim) -> str:
    """The claim's kind, "measure" for a measure."""
    return "measure" if is_measure(c.kind, c.unit) else c.kind


#: How many sentences back a fronted time phrase is looked for ("On Monday, … . … . 58 remain").
SCENE_REACH = 8


class FrameReader:
    """One document's text, tokens and paragraphs, and the frames read so far (antecedents)."""

    def __init__(self, text: str):
        self.text = text
        self._tokens: Tokens | None = None
        self.paragraph_tokens: dict[int, Tokens] = {}  # by paragraph start, read when a claim asks
        self.breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
        self.subjects: list[tuple[int, int, Frame]] = []
        self.first_subject: dict[int, Frame] = {}  # each sentence's first subject
        self.subject_paragraphs: set[int] = set()  # the paragraphs a subject was read in
        self.anchors: dict[int, frozenset[str]] = {}
        self.sentences: list[int] = []  # the starts of the sentences read, in order
        self.last_sentence: tuple[int, tuple[frozenset[str], frozenset[str]]] = (-1, (frozenset(), frozenset()))
        self.read: dict[tuple[int, int], Frame] = {}
        self.own: dict[int, tuple[frozenset[str], list[tuple[int, int]]]] = {}
        self.before: dict[tuple[int, int], tuple] = {}  # ``_sentence_before``'s answers
        self.last_claim: tuple[int, str, Frame] | None = None  # the end, kind and frame of the claim read last

    @property
    def tokens(self) -> Tokens:
        """The whole text's tokens."""
        if self._tokens is None:
            self._tokens = Tokens(self.text)
        return self._tokens

    def tokens_for(self, lo: int, hi: int, paragraph: tuple[int, int] | None = None) -> Tokens:
        """Tokens that hold all of the text's tokens in ``text[lo:hi]`` at the same places: those
        of its paragraph (``paragraph(lo)``, when the caller knows it), tokenized on first use (a
        paragraph with no claim never is), else the whole text's."""
        start, end = paragraph or self.paragraph(lo)
        text = self.text
        if lo <= hi and (start <= lo or text[lo:start].isspace()) and (hi <= end or text[end:hi].isspace()):
            tokens = self.paragraph_tokens.get(start)
            if tokens is None:
                tokens = self.paragraph_tokens[start] = Tokens(text, start, end)
            return tokens
        return self.tokens

    def paragraph(self, pos: int) -> tuple[int, int]:
        """(start, end) of the paragraph holding ``pos``."""
        i = bisect.bisect_right(self.breaks, pos)
        start = self.breaks[i - 1] + 1 if i else 0
        end = self.breaks[i] if i < len(self.breaks) else len(self.text)
        return start, end

    def sentence(self, c: Claim, paragraph: tuple[int, int] | None = None) -> tuple[list[str], list[int]]:
        """The tokens of the claim's sentence and their offsets (``paragraph``: the claim's, when known)."""
        hi = max(c.sentence_end, c.end)
        known = paragraph if paragraph and paragraph[0] <= c.sentence_start else None
        tokens = self.tokens_for(c.sentence_start, hi, known)
        s = tokens.starts
        a, b = bisect.bisect_left(s, c.sentence_start), bisect.bisect_left(s, hi)
        return tokens.words[a:b], s[a:b]

    def frame(self, c: Claim, today: dt.date | None = None) -> Frame:
        """The claim's frame (read once; ``today`` is the article's date)."""
        key = (c.start, c.end)
        if key not in self.read:
            kind, last = _kind(c), self.last_claim
            if last and last[1] == kind and kind in ("measure", "currency") and _CONVERSION.fullmatch(self.text, last[0], c.start):
                self.read[key] = last[2]  # "125 mph (205 km/h)", "NOK 14.2 billion ($1.26 billion)": one figure
            else:
                self.read[key] = self._frame(c, today, kind)
            self.last_claim = (c.end, kind, self.read[key])
        return self.read[key]

    def _frame(self, c: Claim, today: dt.date | None, kind: str) -> Frame:
        para = self.paragraph(c.start)
        words, starts = self.sentence(c, para)
        if self.last_sentence[0] != c.sentence_start:
            self.last_sentence = (c.sentence_start, self._before(c.sentence_start, para))
        previous, scene = self.last_sentence[1]
        if c.sentence_start not in self.own:
            self.own[c.sentence_start] = anchors_of(words, 0, len(words)), asides(words)
        own, spans = self.own[c.sentence_start]
        if spans:  # the years of an aside the claim is not in date that aside only
            i0 = bisect.bisect_left(starts, c.start)
            cuts = [0, *(x for a, b in spans if not a <= i0 < b for x in (a, b)), len(words)]
            own = frozenset().union(*(anchors_of(words, x, y) for x, y in zip(cuts[::2], cuts[1::2])))
        f = read_frame(words, starts, self.text, c.start, c.end, c.noun, previous, kind, scene, own)
        if c.sentence_start not in self.anchors:
            bisect.insort(self.sentences, c.sentence_start)
        self.anchors[c.sentence_start] = f.anchor
        if f.needs_antecedent:
            f = self._resolve(f, c, para)
        if f.subject and c.kind == "count" and c.value > 1 and not c.unit:
            self.subjects.append((c.sentence_start, para[0], f))
            self.first_subject.setdefault(c.sentence_start, f)
            self.subject_paragraphs.add(para[0])
        if f.fixed and not long_past(f, today):
            f = dataclasses.replace(f, fixed=False)
        if today is not None and any(a[:1] == "m" for a in f.anchor):
            f = dataclasses.replace(f, anchor=_dated_months(f.anchor, today))
        return f

    def _before(self, sentence_start: int, paragraph: tuple[int, int]) -> tuple[frozenset[str], frozenset[str]]:
        """The anchors of the sentence before ``sentence_start`` in its paragraph, and the time
        it passes on: set by a fronted time phrase, and passed on by sentences naming no time
        (looked for at most ``SCENE_REACH`` sentences back)."""
        own, scene, start = self._sentence_before(sentence_start, paragraph)
        for _ in range(SCENE_REACH - 1):
            if scene or start is None:
                break
            _, scene, start = self._sentence_before(start, paragraph)
        return own, scene

    def _sentence_before(self, sentence_start: int, paragraph: tuple[int, int]) -> tuple:
        """The anchors and the fronted time of the sentence before ``sentence_start``, and where
        that sentence starts when its own time may come from the one before it (else None)."""
        key = (sentence_start, paragraph[0])
        if key not in self.before:
            self.before[key] = self._read_before(sentence_start, paragraph)
        return self.before[key]

    def _read_before(self, sentence_start: int, paragraph: tuple[int, int]) -> tuple:
        paragraph_start = paragraph[0]
        lo = max(paragraph_start, sentence_start - 600)
        tokens = self.tokens_for(lo, sentence_start, paragraph)
        s = tokens.starts
        a, b = bisect.bisect_left(s, lo), bisect.bisect_left(s, sentence_start)
        words = tokens.words[a:b]
        first = len(words) - 2  # after the last sentence end before the last token
        while first >= 0 and words[first] not in _ENDS:
            first -= 1
        first += 1
        if not words or (first == 0 and lo > paragraph_start):
            return frozenset(), frozenset(), None
        own = anchors_of(words, first, len(words))
        scene = scene_of(words, first, len(words)) if own else own  # it reads anchors of the sentence's opening
        if not scene and not own and first > 0 and s[a + first] > paragraph_start \
                and not says_now(self.text, s[a + first], sentence_start):
            return own, scene, s[a + first]
        return own, scene, None

    def _resolve(self, f: Frame, c: Claim, para: tuple[int, int]) -> Frame:
        if _TOTAL_AFTER.match(self.text, c.end):
            first = self.first_subject.get(c.sentence_start)
            if first is not None:
                return dataclasses.replace(f, subject=first.subject, modifiers=frozenset(), borrowed=True,
                                           subject_words=first.subject_words.split()[-1], needs_antecedent=False)
        if not self.subjects:
            return dataclasses.replace(f, borrowed=True)
        sentence, paragraph, g = self.subjects[-1]
        before = bisect.bisect_left(self.sentences, c.sentence_start)
        recent = self.sentences[max(0, before - 2):before]
        if sentence != c.sentence_start and sentence not in recent:
            return f
        if paragraph != para[0] and para[0] in self.subject_paragraphs:
            return f
        return dataclasses.replace(f, subject=g.subject, subject_words=g.subject_words, borrowed=True,
                                   modifiers=f.modifiers or g.modifiers, needs_antecedent=False)


def _dated_months(anchor: frozenset[str], today: dt.date) -> frozenset[str]:
    """Anchors with each month ("m07") given its year ("m2024-07"): the one named, else the
    last such month up to the article's: "in July" in 2024 and in 2025 are two Julys."""
    years = sorted(int(a[1:]) for a in anchor if a[:1] == "y" and a[1:].isdigit())
    return frozenset(f"m{_year_of(int(a[1:]), years, today)}-{a[1:]}" if a[:1] == "m" and a[1:].isdigit() else a
                     for a in anchor)


def _year_of(month: int, years: list[int], today: dt.date) -> int:
    """The year of a month an article names: the last year it names, else the last such month
    up to the article's date ("in November", written in June, is last November)."""
    return years[-1] if years else today.year - (month > today.month)


def long_past(frame: Frame, today: dt.date | None) -> bool:
    """Whether the event a count is anchored to lies ``SETTLED_DAYS`` or more before the article
    (a numbered phase always does; an article of unknown date is given the benefit)."""
    if today is None or any(a.startswith("phase") for a in frame.anchor):
        return True
    years = sorted(int(a[1:]) for a in frame.anchor if a[:1] == "y" and a[1:].isdigit())
    days = sorted(a for a in frame.anchor if a[:1] == "d" and a[1:2].isdigit())
    year = years[-1] if years else today.year
    months = sorted(int(a[1:]) for a in frame.anchor if a[:1] == "m" and a[1:].isdigit())
    if months and not days:  # a month that ended SETTLED_DAYS or more before
        month = months[-1]
        year = _year_of(month, years, today)
        ended = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return (today - ended).days >= SETTLED_DAYS
    if not days:
        return year < today.year
    try:
        when = dt.date(year, int(days[0][1:3]), int(days[0][4:6]))
    except ValueError:
        return False
    if not years and when > today:
        when = when.replace(year=year - 1)
    return (today - when).days >= SETTLED_DAYS


__all__ = ["FrameReader", "SETTLED_DAYS", "long_past"]
