"""The kinds of rules: a fact (a known figure, its timeline and match terms), a relation
between facts, and the ``RuleSet`` that holds them.  Instances come from YAML rule files
(``rules.load_rules``); these records are frozen and pure.
"""
from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from dataclasses import dataclass, field
from typing import Iterator, Mapping

from factcheck.rules import relation
from factcheck.models import Expected, Interval, Severity

_NOT_IN_TERMS = re.compile(r"[()\[\]{}?+\\^]")
_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True)
class Tolerance:
    """How far a claim may stray from a figure: an absolute amount or a fraction of the value."""

    absolute: float = 0.0
    relative: float = 0.0

    def interval(self, value: float) -> Interval:
        """``[value - t, value + t]`` with ``t = max(absolute, relative * |value|)``."""
        t = max(self.absolute, self.relative * abs(value))
        return Interval(value - t, value + t)


@dataclass(frozen=True)
class Period:
    """One entry of a fact's timeline: the value that holds from ``start`` on."""

    value: float
    start: dt.date | None
    tolerance: Tolerance
    source: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Term:
    """One match term: ``text`` as written (``captive*|hostage``), ``pattern`` compiled from it
    when first used (a rule file of 10,000 facts loads without compiling 30,000 regexes; a
    check compiles those of the facts its claims come near)."""

    text: str

    @functools.cached_property
    def pattern(self) -> re.Pattern:
        """The compiled term (``compile_term``)."""
        return compile_term(self.text)


@dataclass(frozen=True)
class MatchSpec:
    """Which claims are about a fact: every ``all`` term, one ``any`` term, no ``none`` term."""

    all: tuple[Term, ...] = ()
    any: tuple[Term, ...] = ()
    none: tuple[Term, ...] = ()
    window: int | None = None


@dataclass(frozen=True)
class Fact:
    """A known figure (or a tracked one with no known value) and how to recognise claims about it."""

    id: str
    label: str
    unit: str | None
    severity: Severity
    source: str | None
    tracked: bool
    timeline: tuple[Period, ...]
    match: MatchSpec
    path: str
    line: int
    valid: tuple[dt.date | None, dt.date | None] = (None, None)

    def applies(self, on: dt.date | None, period: tuple[dt.date, dt.date] | None = None) -> bool:
        """Whether the fact can be what an article of this date (or month or year) is about: a
        fact limited to some days (``during``, ``from``, ``until``) takes no undated article."""
        first, last = self.valid
        if first is None and last is None:
            return True
        lo, hi = (on, on) if on is not None else period if period is not None else (None, None)
        if lo is None:
            return False
        return (first is None or hi >= first) and (last is None or lo <= last)

    def period_index(self, on: dt.date | None) -> int | None:
        """The timeline entry that holds on ``on`` (no date: the newest); None before the first."""
        if not self.timeline:
            return None
        if on is None:
            return len(self.timeline) - 1
        found = None
        for i, period in enumerate(self.timeline):
            if period.start is None or period.start <= on:
                found = i
        return found

    def expected_during(self, first: dt.date, last: dt.date) -> list[Expected]:
        """What the fact said at some day from ``first`` to ``last`` (a month or a year): the
        timeline entries that held then, oldest first."""
        lo, hi = self.period_index(first), self.period_index(last)
        if hi is None:
            return []
        out = []
        for i in range(0 if lo is None else lo, hi + 1):
            p = self.timeline[i]
            out.append(Expected(p.value, p.tolerance.interval(p.value), as_of=p.start, source=p.source or self.source))
        return out

    def expected(self, on: dt.date | None) -> Expected | None:
        """What the fact says on ``on``; None when it has no figure for that date."""
        i = self.period_index(on)
        if i is None:
            return None
        p = self.timeline[i]
        return Expected(p.value, p.tolerance.interval(p.value), as_of=p.start, source=p.source or self.source)


@dataclass(frozen=True)
class Relation:
    """An arithmetic check between facts claimed in one article (``a + b == c``)."""

    id: str
    check: str
    message: str | None
    severity: Severity
    facts: tuple[str, ...]
    path: str
    line: int
    expression: relation.Expression | None = field(default=None, repr=False, compare=False)

    def holds(self, values: Mapping[str, Interval]) -> bool | None:
        """Whether the check can hold on these intervals; None when a fact it names is missing."""
        return self._parsed().holds(values)

    def implied(self, fact_id: str, values: Mapping[str, Interval]) -> Interval | None:
        """The interval an equation gives ``fact_id`` from the other facts' values (see ``Expression.implied``)."""
        return self._parsed().implied(fact_id, values)

    def _parsed(self) -> relation.Expression:
        return self.expression or relation.parse(self.check)


@dataclass(frozen=True)
class RuleSet:
    """Everything loaded from a set of rule files."""

    facts: tuple[Fact, ...] = ()
    relations: tuple[Relation, ...] = ()
    files: tuple[str, ...] = ()

    def fact(self, id: str) -> Fact:
        """The fact with this id; KeyError if there is none."""
        for f in self.facts:
            if f.id == id:
                return f
        raise KeyError(id)


# -- match terms -------------------------------------------------------------------------

@functools.lru_cache(maxsize=4096)
def compile_term(text: str) -> re.Pattern:
    """``abduct*|hostage|October 7`` → one case-insensitive regex on word boundaries.

    Matching takes time linear in the text whatever the term (see ``_chunk``).  Raises
    ``ValueError`` with a reason when the term is malformed.
    """
    return re.compile(term_source(text), re.IGNORECASE)


@functools.lru_cache(maxsize=1 << 16)
def term_source(text: str) -> str:
    """The regex ``compile_term`` compiles (cheap: what a rule file's loading checks);
    ``ValueError`` with a reason when the term is malformed."""
    alts = []
    groups = itertools.count(1)
    for alt in text.split("|"):
        words = alt.split()
        if not words:
            raise ValueError("has an empty alternative")
        if all(set(w) == {"*"} for w in words):
            raise ValueError(f"alternative {alt.strip()!r} would match any word")
        bad = _NOT_IN_TERMS.search(alt)
        if bad:
            raise ValueError(f"uses {bad.group()!r}, which terms do not support "
                             "(a term is words separated by '|'; '*' is the only wildcard)")
        alts.append(r"\s+".join(_word(w, groups) for w in words))
    return r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)"


def _word(word: str, groups: Iterator[int]) -> str:
    out, chunk = [], ""
    for ch in word:
        if ch == "*" or _WORD_CHAR.match(ch):
            chunk += ch
            continue
        out.append(_chunk(chunk, groups))
        chunk = ""
        out.append("['’]" if ch in "'’" else re.escape(ch))
    out.append(_chunk(chunk, groups))
    return "".join(out)


def _chunk(chunk: str, groups: Iterator[int]) -> str:
    r"""Letters and stars between a word's other characters, e.g. ``*a*b`` in ``U.S*a*b``.

    A chunk always matches a whole run of word characters (a non-word character or the
    term's edge stands on either side), so what it matches depends only on whether the run
    fits it.  With one star, ``abduct\w*`` backtracks at most once along the run.  With more,
    ``\w*a\w*a\w*b`` would try every split of the run (28 s for 13 stars on a 32-letter
    word), so the glob is matched greedily instead: each middle piece at its first
    occurrence, the last piece at the end of the run, each one committed: a look-ahead that
    captures, then a back-reference to it, is an atomic group (Python's ``re`` lacks
    ``(?>…)`` before 3.11).
    """
    pieces = [re.escape(p) for p in re.sub(r"\*+", "*", chunk).split("*")]
    if len(pieces) <= 2:
        return r"\w*".join(pieces)
    out = [pieces[0]]
    for piece in pieces[1:-1]:
        out.append(_atomic(rf"\w*?{piece}", next(groups)))
    out.append(_atomic(rf"\w*{pieces[-1]}", next(groups)))
    return "".join(out)


def _atomic(pattern: str, n: int) -> str:
    return rf"(?=(?P<g{n}>{pattern}))(?P=g{n})"


__all__ = ["Tolerance", "Period", "Term", "MatchSpec", "Fact", "Relation", "RuleSet", "compile_term", "term_source"]
