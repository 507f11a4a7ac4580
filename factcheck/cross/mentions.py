"""Mentions: every comparable claim of a document with its frame and its surroundings.

``mentions(doc, located)`` reads a document's claims in order: each gets a ``Frame`` (what it
counts and when, ``frames.read_frame``) and a ``Mention`` (the frame plus cheap context: the
content words within about ten words of the number, the time scopes named near it, the
places and people of its sentence, whether it is a forecast, and a role for numbers that are
no counts: years, dates, times, labels, ages, distances).  A bare number that opens a
clause ("Fifty-eight are still in Gaza") takes its subject from the claim before it in the
same or the previous sentence of its paragraph; a total after coordinated parts ("25 living
hostages and the bodies of eight others, 33 in all") from the first part.  Lengths are
compared in metres (a storey is 3 to 4.5 m).  Pure; one pass over the document.
"""
from __future__ import annotations

import bisect
import dataclasses
import itertools
import re
from typing import Sequence

from factcheck.frames import Frame, FrameReader
from factcheck.frames.phrases import concept
from factcheck.frames import grammar as G
from factcheck.frames.measures import is_measure
from factcheck.frames.model import STATES
from factcheck.cross.record import _MENTION, Mention
from factcheck.cross.distances import distance_from, is_distance
from factcheck.cross.topics import topic
from factcheck.cross.timing import counted_since, dates_report, forecast_of, time_scopes
from factcheck.frames.vocabulary import (EVENT_NOUNS, MONTH_NAMES, PREDICATES, SCALES as _SCALES,
                                        STOP as _STOP, WEEKDAYS as _WEEKDAYS, WORD as _WORD, Tokens, clause, fold, holds_any,
                                        is_word as _is_word, is_year, lemma, scope_of, sentence_names, token_term)
from factcheck.extract.quotes import quote
from factcheck.extract.ranges import tally
from factcheck.models import Claim, Document, Located

WINDOW_WORDS = 10
_REACH = 3 * WINDOW_WORDS  # tokens read on each side of a claim
_MONTH_STEMS = tuple("jan feb mar apr may jun jul aug sep oct nov dec".split())  # in every match of ``_AS_OF``, lower-cased

_AGE_AFTER = re.compile(r"\s*-?\s*(?:years?|yrs?)[- ]old\b", re.I)
_AGE_NAME_AFTER = re.compile(r"(?:-?\s*(?:years?|yrs?)[- ]old)?\s+(?:(?!(?:from|of|in|at|on|and)\s)[a-z]+\s+)?"
                             r"((?:[A-Z][\w'’-]+\s*)+)")
_PERSON_AFTER = re.compile(r"(?:-?\s*(?:years?|yrs?)[- ]old)?\s+(?:[A-Z][\w'’-]+\s+){1,3}(?:man|woman|boy|girl|"
                           r"resident|teen|teenager|driver|student|mother|father)\s*,?\s+((?:[A-Z][\w'’-]+\s*){2,3})")
_NAMED_BEFORE = re.compile(r"([A-Z][\w'’-]+)\s*,\s+(?:the|a|an)\s+$")
_PLACE_MAN_AFTER = re.compile(r"(?:-?\s*(?:years?|yrs?)[- ]old)?\s+(?:[A-Z][\w'’-]+\s+){1,3}(?:man|woman|boy|girl|"
                              r"resident|teen|teenager|driver|student|mother|father)\b")
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages)\s*$", re.I)
_APPOSITIVE = re.compile(r"([A-Z][\w'’-]+)\s*[,(]\s*$")
_SIDE_AFTER = re.compile(r"\s*(?:-|–|—|to)\s*\d+")  # the whole other side, for ``_tally``
_SIDE_BEFORE = re.compile(r"\d+\s*(?:-|–|—|to)\s*$")
_MONTH_BEFORE = re.compile(MONTH_NAMES + r"\.?\s+(?:\d{1,2},?\s*)?$")
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH_NAMES + r"\b")
_AS_OF = re.compile(r"\b(?:through|as of|by|until|since|up to)\s+(?:the end of\s+)?(" + MONTH_NAMES + r")\b", re.I)
_MAGNITUDE = re.compile(r"\bmagnitude(?:\s+of|\s+at)?\s*$", re.I)
_MAGNITUDE_AFTER = re.compile(r"\s*-?\s*magnitude\b|\s+on the Richter scale\b", re.I)
_COMMA_AFTER = re.compile(r"\s*[,)]")
_LABEL_BEFORE = re.compile(r"(?:\bNo\.|#|\b[Nn]umber)\s*$")
_PERCENT_AFTER = re.compile(r"\s*(?:%|per ?cent\b|percentage points?\b)", re.I)
_SCALE_AFTER = re.compile(r"\s*(thousand|million|billion|trillion)\b", re.I)
_TIME_AFTER = re.compile(r"\s*(?:a\.?m\b|p\.?m\b|o['’]clock\b)|:\d", re.I)


LENGTHS = {"kilometer": 1000.0, "kilometre": 1000.0, "mile": 1609.344, "meter": 1.0, "metre": 1.0,
           "foot": 0.3048, "yard": 0.9144, "centimeter": 0.01, "inch": 0.0254, "nautical_mile": 1852.0}
STOREYS = frozenset("stories storeys floors".split())
STOREY = (3.0, 4.5)


def candidate_terms(m: Mention) -> list[str]:
    """Index keys under which ``m``'s possible counterparts are filed (``cross_findings`` blocks on them)."""
    f = m.frame
    key = _key(m.located.fact, m.forecast, m.vague, m.role, f, m.unit, m.side)
    if not key:
        return []
    if f.also and f.predicate not in STATES and not m.located.fact and m.role == "":
        also = f"{m.unit}|{m.role}|{m.side}|p:{f.also}"
        return [key, also] if also != key else [key]
    return [key]


def _key(fact, forecast: bool, vague: bool, role: str, frame: Frame, unit: str, side: str) -> str:
    """``candidate_terms``'s main key from the fields it reads ("" for a mention never compared)."""
    if forecast:
        return ""
    if fact:
        return f"fact:{fact}"
    if not comparable(forecast, vague, role, frame):
        return ""
    head = f"p:{frame.predicate}" if frame.predicate and role == "" else f"n:{frame.subject}" if frame.subject else ""
    return f"{unit}|{role}|{side}|{head}" if head else ""


def comparable(forecast: bool, vague: bool, role: str, frame: Frame) -> bool:
    """Whether a rule-less comparison may use a claim: the article's own count of something."""
    if forecast or vague or frame.voice:
        return False
    return role == "" or (role in ("age", "distance") and frame.subject not in ("age", "dist"))


def mentions(doc: Document, located: Sequence[Located], reader: FrameReader | None = None) -> list[Mention]:
    """The mentions of ``doc``'s located claims that can be compared across articles (those
    ``candidate_terms`` files: fact-attached or comparable counts); pure, ``doc.text`` gives
    the context.

    A document whose metadata dates it only to a month or a year (``date: 2016-08``) gives
    its mentions that ``period``.
    """
    if not located:
        return []
    period = doc.when if doc.date is None and doc.period else ""
    record = int(doc.meta.get("record") or 0) if doc.meta else 0
    reader = reader or FrameReader(doc.text)
    story = topic(doc.text)
    read = (_mention(reader, loc, period if loc.date is None else "", record, story) for loc in located)
    return [m for m in read if m is not None]


def mention(text: str, loc: Located, period: str = "", tokens: Tokens | None = None, record: int = 0) -> Mention | None:
    """The mention of one located claim in ``text`` read alone (no antecedents), or None when it
    is no comparable count and no fact's claim."""
    return _mention(FrameReader(text), loc, period, record, topic(text))


def _mention(reader: FrameReader, loc: Located, period: str, record: int, story: frozenset[str]) -> Mention | None:
    text, c = reader.text, loc.claim
    if c.value == 1 and c.kind == "count" and not c.text[:1].isdigit() and not loc.fact:
        return None
    end = c.start + len(c.text.rstrip(",. "))
    para = reader.paragraph(c.start)
    para0, para1 = max(para[0], c.start - 400), min(para[1], end + 400)
    before_words, before_starts = reader.tokens_for(para0, c.start, para).before(para0, c.start, _REACH)
    after_words, after_starts = reader.tokens_for(end, para1, para if end < para[1] else None).after(end, para1, _REACH)
    left_clause = clause(reversed(before_words))
    left, right = text[max(0, c.start - 60):c.start], text[end:end + 80]
    side = _side(c, left, right)
    votes = bool(side) and _tally(text, c, end, side)  # a vote taken: no forecast ("approved the plan 64-35")
    forecast = not votes and forecast_of(list(map(str.lower, left_clause[:6])))
    vague = c.qualifier == "vague"
    if forecast or (vague and not loc.fact):
        return None
    name = _age(c, left, right)
    role = "age" if name is not None else _role(c, left, right, before_words, after_words)
    if role not in ("", "age") and not loc.fact:
        return None
    frame = reader.frame(c, loc.date)
    if frame.subject and is_measure(c.kind, c.unit):  # a level of the thing measured: no verb, no trend
        frame = dataclasses.replace(frame, predicate="", predicate_words="", also="", trend=0)
    elif c.kind == "quantity" and c.noun and "-" in c.text:
        words = c.noun.lower().split()
        event = EVENT_NOUNS.get(" ".join(words[-2:])) or EVENT_NOUNS.get(concept(words[-1]))
        if event:  # "a 20-year sentence" says what "sentenced to 20 years" says
            frame = dataclasses.replace(frame, subject="", subject_words="", predicate=event, predicate_words="",
                                        also="")
        else:
            frame = dataclasses.replace(frame, predicate="", predicate_words="", also="")
    if votes and role == "":  # a vote taken is a past event: its tally does not evolve
        frame = dataclasses.replace(frame, subject="vote", subject_words="votes for" if side == "a" else "votes against",
                                    predicate="vote", predicate_words="", also="", modifiers=frozenset(), part=False,
                                    trend=0, fixed=True)
    right_clause = clause(after_words)
    unit, scale = _unit(c, left, right)
    if unit == "length" and not c.unit and frame.subject:  # "fell nine storeys": the storeys are its unit
        frame = dataclasses.replace(frame, subject="", subject_words="", modifiers=frozenset())
    if not c.unit and (_MAGNITUDE.search(left[-24:]) or _MAGNITUDE_AFTER.match(right)):
        unit = "magnitude"  # "a magnitude 6.4 quake", "measured 6.1 on the Richter scale"
        frame = dataclasses.replace(frame, subject="magnitude", subject_words="magnitude", predicate="",
                                    predicate_words="", also="", modifiers=frozenset(), part=False)
    if frame.subject and _ACROSS_ALL.match(right):  # "21 goals in all competitions": the whole, not a category's
        frame = dataclasses.replace(frame, modifiers=frame.modifiers | {"all"})
    if name is not None:
        frame = dataclasses.replace(frame, subject=f"age:{name}" if name else "age", predicate="", also="",
                                    subject_words=f"age of {name or 'someone'}", predicate_words="", part=False)
    else:
        distance = is_distance(c, right)
        if not (loc.fact or frame.subject or frame.predicate or distance):
            return None
        if role == "" and distance:
            role = "distance"
            place = distance_from(text, c, left_clause)
            frame = dataclasses.replace(frame, subject=place, predicate="", also="", predicate_words="",
                                        subject_words="distance" + (f" from {place[5:]}" if place != "dist" else ""))
    if not _key(loc.fact, forecast, vague, role, frame, "", ""):
        return None
    window = list(filter(_is_word, before_words[-WINDOW_WORDS * 2:]))[-WINDOW_WORDS:]
    window += list(filter(_is_word, after_words[:WINDOW_WORDS * 2]))[:WINDOW_WORDS]
    own_before = before_words[bisect.bisect_left(before_starts, c.sentence_start):]
    own_after = after_words[:bisect.bisect_left(after_starts, c.sentence_end)]
    # another sentence's year dates another figure; a year after an age dates what its clause adds ("Jo Ruiz, 54,
    # who bought the store in 2011")
    own = own_before[-WINDOW_WORDS * 2:] + (own_after[:WINDOW_WORDS * 2] if name is None else [])
    years = [own[k] for k in itertools.compress(range(len(own)), map(is_year, own))
             if not G.since_record(own, k) and "y" + own[k] in frame.anchor]  # not an aside's ("founded in 1998")
    terms = frozenset(map(token_term, window + years)) - {""}
    noun_words = frame.subject_words.split()
    names = sentence_names(own_before, c.text, own_after, noun_words)
    holders = sentence_names(["."] + ([] if _embedded(left_clause) else _relative(left_clause, before_words)), c.text,
                             right_clause, noun_words) & names if names else names
    own_left = _without_duration(left_clause, before_words)[:10]
    near = own_left + right_clause[:10]
    scope = frozenset(x for k, w in enumerate(near) if (x := scope_of(w)) and w not in noun_words
                      and not (k < len(own_left) and dates_report(own_left, k)))
    joined = " ".join(near).lower()
    if "so far" in joined or "in all" in joined:
        scope |= {"total"}
    sentence_left = text[max(c.sentence_start, c.start - 160):c.start]
    scope |= time_scopes(text, end, c.sentence_end or end + 60, sentence_left, right, left_clause, right_clause,
                         bool(frame.trend or frame.fixed))
    lo, hi = max(para0, c.start - 80), min(para1, end + 80)
    around = text[lo:hi].lower()
    as_of = _AS_OF.search(text, lo, hi) if holds_any(around, _MONTH_STEMS) else None
    if as_of and as_of.group().lower().startswith("since") \
            and counted_since(text[max(lo, as_of.start() - 40):as_of.start()]):
        as_of = None  # "the fifth cut since June": what is counted since then, not this figure's date
    if as_of:
        scope |= {"asof:" + as_of.group(1).lower()[:3]}
    if name:  # a named person's age only grows: compared over weeks, like a running total
        frame = dataclasses.replace(frame, trend=1)
    return _MENTION(loc, frame.label() or c.noun or "", terms, frame, forecast, role, side, unit, scope,
                   quote(text, c.start, c.end), vague, period, names, record, scale, holders, story)


_ACROSS_ALL = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:in|across)\s+all\s+(?!(?:the|its|their|his|her|our)\b)"
                         r"[a-z]{2,}(?<!s)s\b")
_PREPOSITION = frozenset("of for with about on to from by over among between against".split())
_DETERMINER = frozenset("the a an its their his her all some about nearly almost around roughly least at more than "
                        "over up".split())
_PERIOD_BEFORE = frozenset("in within over during past last first next every per for".split())


def _without_duration(left_clause: list[str], before_words: Sequence[str]) -> list[str]:
    """The left clause (read backwards) without a time noun that closes it as the unit of
    another figure ("sentenced to 72 months in prison for a scheme that siphoned $3.2
    million"): that says how long something else lasted, not the period of this figure; after
    "in", "over", "during" … ("in 2 weeks, 30 died") it is one."""
    n = len(left_clause)
    if not n or n + 1 > len(before_words) or not scope_of(left_clause[-1]):
        return left_clause
    number, lead = before_words[-n - 1], before_words[-n - 2].lower() if n + 2 <= len(before_words) else ""
    if number[:1].isdigit() and left_clause[-1] == before_words[-n] and lead not in _PERIOD_BEFORE:
        return left_clause[:-1]
    return left_clause


def _relative(left_clause: list[str], before_words: Sequence[str]) -> list[str]:
    """The left clause in reading order; for a relative clause ("Kieran Oduya, 22, who scored
    14 goals") with the names it follows first: the one who did it."""
    n = len(left_clause)
    out = list(reversed(left_clause))
    k = len(before_words) - n - 1
    if k < 1 or before_words[k].lower() not in ("who", "whose"):
        return out
    k -= 1
    head = []
    while k >= 0 and len(head) < 6 and (before_words[k] == "," or before_words[k][:1].isdigit()
                                        or before_words[k][:1].isupper() and _is_word(before_words[k])):
        head.append(before_words[k])
        k -= 1
    return [w for w in reversed(head) if w != ","] + out


def _embedded(left_clause: Sequence[str]) -> bool:
    """Whether the number stands inside a prepositional phrase ("the return *of the 58*
    hostages"): the places its clause names then belong to the clause's own verb."""
    for w in left_clause[:5]:
        low = w.lower()
        if low in _DETERMINER:
            continue
        return low in _PREPOSITION
    return False


def _side(c: Claim, left: str, right: str) -> str:
    """Which number of a tally ("59 to 41", "3-1") a plain count is: "a" the first, "b" the
    second, "" none.  An amount with a unit is no side of one: "$86 million to 37 families"
    pays someone (a range of amounts, "$5 to $7", is one claim)."""
    if c.unit:
        return ""
    return "a" if _SIDE_AFTER.match(right) else "b" if _SIDE_BEFORE.search(left[-12:]) else ""


def _tally(text: str, c: Claim, end: int, side: str) -> bool:
    """Whether a side of a tally counts votes ("passed 68-31", "a 27-12 vote"): it is then
    the votes for (side a) or against (side b), whatever the clause's verb."""
    if side == "a":
        m = _SIDE_AFTER.match(text, end)
        return m is not None and tally(text, c.start, m.end())
    m = _SIDE_BEFORE.search(text, max(0, c.start - 16), c.start)
    return m is not None and tally(text, m.start(), end)


def _age(c: Claim, left: str, right: str) -> str | None:
    """The surname whose age the claim is ("" for someone unnamed), None for a claim that is not an age."""
    if c.kind == "age" or _AGE_AFTER.match(right) or ("ag" in left[-16:].lower() and _AGE_BEFORE.search(left[-16:])):
        return _age_name(left, right)
    if c.value == int(c.value) and c.low == c.high and 0 < c.value < 120 and _COMMA_AFTER.match(right):
        m = _APPOSITIVE.search(left)
        if m:
            return m.group(1).lower()
    return None


def _role(c: Claim, left: str, right: str, before, after) -> str:
    """The role of a claim that is not an age: "year", "date", "time", "label", or "" for a plain count."""
    prev = before[-1] if before else ""
    nxt = after[0] if after else ""
    integer = c.value == int(c.value) and c.low == c.high
    if _MONTH_BEFORE.search(left[-32:]) or _MONTH_AFTER.match(right):
        return "date"
    if _TIME_AFTER.match(right) or left[-2:-1].isdigit() and left.endswith(":"):
        return "time"
    if integer and 1800 <= c.value <= 2100 and "," not in c.text and c.unit is None:
        if not (nxt.lower().endswith("s") and _WORD.fullmatch(nxt) and nxt.lower() not in _STOP):
            return "year"
    tail = left[-12:]
    if ("No." in tail or "#" in tail or "umber" in tail) and _LABEL_BEFORE.search(tail):
        return "label"
    if (c.kind != "currency" and prev[:1].isupper() and prev.lower() not in _WEEKDAYS  # "fined Acme $2m" is no model
            and left[-2:-1].isascii() and left[-2:-1].isalpha() and left.endswith(" ")
            and len(before) > 1 and _WORD.fullmatch(before[-2] or "")):
        return "label"
    return ""


def _age_name(left: str, right: str) -> str:
    """Whose age a number is: the name after "a 44-year-old Janesville man", the name an
    appositive puts before ("Kevin Strand, the 44-year-old …"), or the name right after the age;
    "" for someone unnamed."""
    m = _PERSON_AFTER.match(right)
    if m:
        return m.group(1).split()[-1].lower()
    m = _NAMED_BEFORE.search(left)
    if m:
        return m.group(1).lower()
    if _PLACE_MAN_AFTER.match(right):
        return ""
    m = _AGE_NAME_AFTER.match(right)
    if m:
        return m.group(1).split()[-1].lower()
    m = _APPOSITIVE.search(left)
    return m.group(1).lower() if m else ""


def _unit(c: Claim, left: str, right: str) -> tuple[str, tuple[float, float]]:
    """The unit a claim is compared in, and the factors (low, high) that convert it there."""
    if c.unit in LENGTHS:
        return "length", (LENGTHS[c.unit], LENGTHS[c.unit])
    if c.unit is None and c.noun and c.noun.split()[-1].lower() in STOREYS:
        return "length", STOREY
    unit = c.unit or ""
    if not unit:
        sign = left.rstrip()[-1:]
        if sign in ("$", "€", "£"):
            unit = sign
        elif _PERCENT_AFTER.match(right):
            unit = "%"
    if not holds_any(c.text.lower(), _SCALES):
        m = _SCALE_AFTER.match(right)
        if m:
            unit += " " + m.group(1).lower()
    return unit, (1.0, 1.0)


__all__ = ["Mention", "Tokens", "candidate_terms", "comparable", "fold", "lemma", "mention", "mentions",
           "PREDICATES"]
