"""What quantity a claim is about, judged without rules: a ``Mention``.

A mention is a located claim plus cheap, plain facts about its surroundings: the counted
noun right after the number ("58 *hostages*"), the nearest predicate in its clause
("*killed*", "*death toll*"), the content words within about ten words of the number, a
time scope ("on a single day", "this week", "in total"), whether it is a forecast ("could
reach"), and a role for numbers that are not counts of anything comparable (years, dates,
times, labels, the two sides of a score).  Words are folded by ``words.fold``, a tiny
suffix-stripping lemmatizer and a small synonym table (killed/dead/died/death toll →
``kill``), so no NLP dependency is needed.  Everything here is pure and every field is a plain value, so
mentions can be stored (``as_row``/``from_row``) and looked up by ``candidate_terms``.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from factcheck.extract.quotes import quote
from factcheck.models import Claim, Document, Located, compact_pickle, shared as _shared, shared_date as _date, \
    shared_words as _words
from factcheck.cross.vocabulary import (CONCEPTS as _CONCEPTS, FORECAST as _FORECAST, MODIFIERS as _MODIFIERS,
                             MONTH_NAMES, PREDICATES, SCALES as _SCALES, STOP as _STOP, TIME_NOUNS,
                             WEEKDAYS as _WEEKDAYS, WORD as _WORD, Tokens, clause, fold,
                             is_predicate, is_word as _is_word, is_year, lemma, scope_of, sentence_names, token_term)

WINDOW_WORDS = 10
_REACH = 3 * WINDOW_WORDS  # tokens read on each side of a claim
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

_AGE_AFTER = re.compile(r"\s*-?\s*(?:years?|yrs?)[- ]old\b", re.I)
_AGE_NAME_AFTER = re.compile(r"(?:-?\s*(?:years?|yrs?)[- ]old)?\s+(?:(?!(?:from|of|in|at|on|and)\s)[a-z]+\s+)?"
                             r"((?:[A-Z][\w'’-]+\s*)+)")
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages)\s*$", re.I)
_APPOSITIVE = re.compile(r"([A-Z][\w'’-]+)\s*[,(]\s*$")
_SIDE_AFTER = re.compile(r"\s*(?:-|–|—|to)\s*\d")
_SIDE_BEFORE = re.compile(r"\d\s*(?:-|–|—|to)\s*$")
_MONTH_BEFORE = re.compile(MONTH_NAMES + r"\.?\s+(?:\d{1,2},?\s*)?$")
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH_NAMES + r"\b")
_PARTIAL_DATE = re.compile(r"\d{4}(?:-\d{2})?")
_AS_OF = re.compile(r"\b(?:through|as of|by|until|since|up to)\s+(?:the end of\s+)?(" + MONTH_NAMES + r")\b", re.I)
_DISTANCE = re.compile(r"(?:\s*(?:miles?|km|kilomet(?:er|re)s?|met(?:er|re)s?)\)?)?\)?\s+(?:\(|[\w.,]+\s+){0,4}?"
                       r"(?:north|south|east|west|northeast|northwest|southeast|southwest|from|away)\b", re.I)
_DISTANCE_UNIT = re.compile(r"(?:mile|meter|metre|kilometer|kilometre|km|\bmi\b)", re.I)
_COMMA_AFTER = re.compile(r"\s*[,)]")
_LABEL_BEFORE = re.compile(r"(?:\bNo\.|#|\b[Nn]umber)\s*$")
_PERCENT_AFTER = re.compile(r"\s*(?:%|per ?cent\b|percentage points?\b)", re.I)
_SCALE_AFTER = re.compile(r"\s*(thousand|million|billion|trillion)\b", re.I)
_TIME_AFTER = re.compile(r"\s*(?:a\.?m\b|p\.?m\b|o['’]clock\b)|:\d", re.I)


@compact_pickle
@dataclass(frozen=True)
class Mention:
    """A located claim and what quantity it is about, in plain fields (storable as a row).

    ``key`` is readable ("people killed"); ``terms`` the folded content words near the number;
    ``noun`` the folded counted noun (``person``; ``year:career`` for a 30-year career;
    ``age:<surname>`` for an age); ``predicate`` the nearest event concept (``kill``) or "";
    ``forecast`` marks "could reach"-style figures; ``role`` is "" for comparable counts and
    ``age``, ``year``, ``date``, ``time`` or ``label`` otherwise; ``side`` is ``a``/``b`` for the
    two numbers of "59 to 41"; ``unit`` is the claim's unit or one read from the text
    (``%``, ``$``, `` million``); ``scope`` the time scopes named near it; ``phrase`` the claim
    with the words that follow it, for messages; ``names`` the folded capitalized words of
    its sentence that do not start it (places, people, organisations).
    """

    located: Located
    key: str
    terms: frozenset[str]
    noun: str
    predicate: str
    forecast: bool
    role: str = ""
    side: str = ""
    unit: str = ""
    scope: frozenset[str] = frozenset()
    phrase: str = ""
    vague: bool = False
    period: str = ""
    names: frozenset[str] = frozenset()
    record: int = 0

    @functools.cached_property
    def doc(self) -> str:
        """The document's identity: its path, with the record number for a JSON Lines record."""
        return f"{self.located.path}#{self.record}" if self.record else self.located.path

    @functools.cached_property
    def value(self) -> float:
        """The claim's value."""
        return self.located.claim.value

    @property
    def comparable(self) -> bool:
        """Whether a rule-less comparison may use it (a count of something, not a forecast)."""
        return _comparable(self.forecast, self.vague, self.role, self.noun)

    @functools.cached_property
    def dates(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day the mention's document may date from; None when undated."""
        if self.located.date:
            return self.located.date, self.located.date
        if not self.period:
            return None
        year = int(self.period[:4])
        if len(self.period) == 4:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        month = int(self.period[5:7])
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        return dt.date(year, month, 1), nxt - dt.timedelta(days=1)

    @functools.cached_property
    def named_years(self) -> frozenset[str]:
        """The years named near the number (``y2014`` terms)."""
        return frozenset(t for t in self.terms if t[:1] == "y" and t[1:].isdigit())

    @functools.cached_property
    def years(self) -> frozenset[str]:
        """The named years, else the document's own year (a figure naming none is current)."""
        d = self.dates
        own = frozenset({f"y{d[0].year}"}) if d and d[0].year == d[1].year else frozenset()
        return self.named_years or own

    @functools.cached_property
    def as_of(self) -> frozenset[str]:
        """The ``asof:<month>`` scopes."""
        return frozenset(s for s in self.scope if s.startswith("asof:"))

    def as_row(self) -> dict[str, Any]:
        """Builtin values only (str, int, float, None), for a database row or JSON."""
        loc, c = self.located, self.located.claim
        return {
            "path": loc.path, "line": loc.line, "column": loc.column,
            "date": loc.date.isoformat() if loc.date else None, "fact": loc.fact,
            "value": c.value, "low": c.low, "high": c.high, "qualifier": c.qualifier,
            "claim_unit": c.unit, "start": c.start, "end": c.end, "text": c.text,
            "sentence_start": c.sentence_start, "sentence_end": c.sentence_end, "claim_noun": c.noun, "kind": c.kind, "low_open": int(c.low_open), "high_open": int(c.high_open),
            "key": self.key, "terms": " ".join(sorted(self.terms)), "noun": self.noun,
            "predicate": self.predicate, "forecast": int(self.forecast), "role": self.role,
            "side": self.side, "unit": self.unit, "scope": " ".join(sorted(self.scope)),
            "phrase": self.phrase, "vague": int(self.vague), "period": self.period,
            "names": " ".join(sorted(self.names)), "record": self.record,
        }

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> "Mention":
        """The mention ``as_row`` stored.  Words, paths and dates that recur from row to row are
        shared, not copied: a report holds tens of thousands of mentions at a time."""
        claim = Claim(float(row["value"]), float(row["low"]), float(row["high"]), _shared(row["qualifier"]),
                      _shared(row["claim_unit"]), int(row["start"]), int(row["end"]), row["text"],
                      int(row["sentence_start"]), int(row["sentence_end"]), noun=_shared(row["claim_noun"] or ""),
                      kind=_shared(row["kind"]), low_open=bool(row["low_open"]), high_open=bool(row["high_open"]))
        loc = Located(_shared(row["path"]), int(row["line"]), int(row["column"]), claim, _date(row["date"]),
                      _shared(row["fact"]))
        return cls(loc, _shared(row["key"]), _words(row["terms"]), _shared(row["noun"]),
                   _shared(row["predicate"]), bool(row["forecast"]), _shared(row["role"]), _shared(row["side"]),
                   _shared(row["unit"]), _words(row["scope"]), row["phrase"], bool(row.get("vague")),
                   _shared(row.get("period") or ""), _words(row.get("names")), int(row.get("record") or 0))


def candidate_terms(m: Mention) -> list[str]:
    """Index keys under which ``m``'s possible counterparts are filed (``cross_findings`` blocks on them)."""
    key = _key(m.located.fact, m.forecast, m.vague, m.role, m.noun, m.predicate, m.unit, m.side)
    return [key] if key else []


def _key(fact, forecast: bool, vague: bool, role: str, noun: str, predicate: str, unit: str, side: str) -> str:
    """``candidate_terms``'s key from the fields it reads ("" for a mention never compared)."""
    if forecast:
        return ""
    if fact:
        return f"fact:{fact}"
    if not _comparable(forecast, vague, role, noun):
        return ""
    head = f"p:{predicate}" if predicate and role == "" else f"n:{noun}" if noun else ""
    return f"{unit}|{role}|{side}|{head}" if head else ""


def _comparable(forecast: bool, vague: bool, role: str, noun: str) -> bool:
    return not forecast and not vague and (role == "" or (role in ("age", "distance") and noun not in ("age", "dist")))


def mentions(doc: Document, located: Sequence[Located]) -> list[Mention]:
    """The mentions of ``doc``'s located claims that can be compared across articles (those
    ``candidate_terms`` files: fact-attached or comparable counts); pure, ``doc.text`` gives
    the context.

    A document whose metadata dates it only to a month or a year (``date: 2016-08``) gives
    its mentions that ``period``.
    """
    raw = str(doc.meta.get("date", "")) if doc.date is None and doc.meta else ""
    period = raw if _PARTIAL_DATE.fullmatch(raw) else ""
    tokens = Tokens(doc.text) if located else None
    record = int(doc.meta.get("record") or 0) if doc.meta else 0
    out = (mention(doc.text, loc, period if loc.date is None else "", tokens, record, comparable_only=True)
           for loc in located)
    return [m for m in out if m is not None]


def mention(text: str, loc: Located, period: str = "", tokens: Tokens | None = None,
            record: int = 0, *, comparable_only: bool = False) -> Mention | None:
    """The mention of one located claim in ``text`` (``tokens``: ``Tokens(text)``, when at hand;
    ``record``: the JSON Lines record the text is, 0 for a whole file).  ``comparable_only``:
    None, without reading the rest of the context, for a claim ``candidate_terms`` would not file."""
    tokens = tokens or Tokens(text)
    c = loc.claim
    end = c.start + len(c.text.rstrip(",. "))
    p0 = text.rfind("\n\n", 0, c.start)
    para0 = max(p0 + 2 if p0 != -1 else 0, c.start - 400)
    p1 = text.find("\n\n", end)
    para1 = min(p1 if p1 != -1 else len(text), end + 400)
    before_words, before_starts = tokens.before(para0, c.start, _REACH)
    after_words, after_starts = tokens.after(end, para1, _REACH)
    left_clause = clause(reversed(before_words))
    forecast = not _FORECAST.isdisjoint(map(str.lower, left_clause[:6]))
    vague = c.qualifier == "vague"
    if comparable_only and (forecast or (vague and not loc.fact)):
        return None
    left, right = text[max(0, c.start - 60):c.start], text[end:end + 80]
    name = _age(c, left, right)
    right_clause = clause(after_words)
    noun, noun_words, pred, pred_word = _head(right_clause, left_clause, right)
    if name is not None:
        role = "age"
        noun, noun_words, pred, pred_word = f"age:{name}" if name else "age", [f"age of {name or 'someone'}"], "", ""
    else:
        unit_text = f"{c.unit or ''} {c.text}{right[:12]}".lower()
        distance = (("mi" in unit_text or "met" in unit_text or "km" in unit_text)
                    and _DISTANCE_UNIT.search(unit_text) and _DISTANCE.match(right))
        if comparable_only and not (loc.fact or noun or pred or distance):
            return None
        role = _role(c, left, right, before_words, after_words)
        if role == "" and distance:
            place = [w for w in left_clause[:6] if w[:1].isupper()]
            role, noun = "distance", f"dist:{fold(place[0])}" if place else "dist"
    if comparable_only and not _key(loc.fact, forecast, vague, role, noun, pred, "", ""):
        return None
    unit = _unit(c, left, right)
    side = "a" if _SIDE_AFTER.match(right) else "b" if _SIDE_BEFORE.search(left[-12:]) else ""
    nearby = before_words[-WINDOW_WORDS * 2:] + after_words[:WINDOW_WORDS * 2]
    window = [w for w in before_words[-WINDOW_WORDS * 2:] if _is_word(w)][-WINDOW_WORDS:]
    window += [w for w in after_words[:WINDOW_WORDS * 2] if _is_word(w)][:WINDOW_WORDS]
    terms = frozenset(map(token_term, window + [w for w in nearby if is_year(w)])) - {""}
    names = sentence_names(before_words[bisect.bisect_left(before_starts, c.sentence_start):], c.text,
                           after_words[:bisect.bisect_left(after_starts, c.sentence_end)], noun_words)
    near = left_clause[:10] + right_clause[:10]
    scope = frozenset(scope_of(w) for w in near if w not in noun_words) - {""}
    joined = " ".join(near).lower()
    if "so far" in joined or "in all" in joined:
        scope |= {"total"}
    lo, hi = max(para0, c.start - 80), min(para1, end + 80)
    around = text[lo:hi].lower()
    as_of = _AS_OF.search(text, lo, hi) if any(m in around for m in _MONTH_STEMS) else None
    if as_of:
        scope |= {"asof:" + as_of.group(1).lower()[:3]}
    key_words = noun_words or []
    key = " ".join(key_words)
    if pred_word and pred_word.lower() not in key.lower():
        key = f"{key} {pred_word}".strip() if key else pred_word
    return Mention(loc, key or c.noun or "", terms, noun, pred, forecast, role, side, unit, scope,
                   quote(text, c.start, c.end), vague, period, names, record)


def _head(right: list[str], left: list[str], raw_right: str) -> tuple[str, list[str], str, str]:
    """(noun, noun words as written, predicate, predicate word as written)."""
    run = []
    for w in right[:6]:
        low = w.lower()
        if low in _MODIFIERS:
            if run:
                break
            continue
        if low in _STOP:
            break
        run.append(w)
        if len(run) == 3:
            break
    noun, noun_word = "", ""
    for w in run:
        low = w.lower()
        if fold(w) in _CONCEPTS or (low.endswith("s") and not low.endswith("ss")) or w[:1].isupper():
            noun_word = w
            break
    if not noun_word and run:
        noun_word = run[0]
    pred, pred_word = "", ""
    if noun_word[:1].isupper():
        i = run.index(noun_word)
        while i + 1 < len(run) and run[i + 1][:1].isupper():
            i += 1
        noun_word = run[i]
    if noun_word:
        noun = fold(noun_word)
        if noun_word[:1].isupper() and noun not in _CONCEPTS:
            noun = "^" + noun
        if "-" in noun_word and fold(noun_word.split("-")[-1]) in PREDICATES:
            noun = fold(noun_word.split("-")[-1])
        if noun in PREDICATES:
            pred, pred_word, noun = noun, noun_word, ""
        elif noun in TIME_NOUNS:
            hyphen = raw_right.lstrip().startswith("-")
            rest = run[run.index(noun_word) + 1:] if noun_word in run else []
            if hyphen and rest:
                noun = f"{noun}:{fold(rest[-1])}"
    noun_words = run[: run.index(noun_word) + 1] if noun_word in run else []
    if not pred and (any(map(is_predicate, right[:8])) or any(map(is_predicate, left[:8]))):
        for i in range(min(8, max(len(right), len(left)))):
            if i < len(right) and is_predicate(right[i]):
                pred, pred_word = fold(right[i]), right[i]
                break
            if i < len(left) and is_predicate(left[i]):
                pred, pred_word = fold(left[i]), left[i]
                break
    return noun, noun_words, pred, pred_word


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
    if _LABEL_BEFORE.search(left[-12:]):
        return "label"
    if (prev[:1].isupper() and prev.lower() not in _WEEKDAYS and left[-2:-1].isascii() and left[-2:-1].isalpha() and left.endswith(" ")
            and len(before) > 1 and _WORD.fullmatch(before[-2] or "")):
        return "label"
    return ""


def _age_name(left: str, right: str) -> str:
    m = _AGE_NAME_AFTER.match(right)
    if m:
        return m.group(1).split()[-1].lower()
    m = _APPOSITIVE.search(left)
    return m.group(1).lower() if m else ""


def _unit(c: Claim, left: str, right: str) -> str:
    unit = c.unit or ""
    if not unit:
        sign = left.rstrip()[-1:]
        if sign in ("$", "€", "£"):
            unit = sign
        elif _PERCENT_AFTER.match(right):
            unit = "%"
    if not any(s in c.text.lower() for s in _SCALES):
        m = _SCALE_AFTER.match(right)
        if m:
            unit += " " + m.group(1).lower()
    return unit


__all__ = ["Mention", "Tokens", "mentions", "mention", "candidate_terms", "lemma", "fold", "PREDICATES"]
