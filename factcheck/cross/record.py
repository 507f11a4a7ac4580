"""``Mention``: a located claim with its frame and context, in plain fields that store as a row."""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from factcheck.builders import builder, compact_pickle, shared as _shared, shared_date as _date, \
    shared_words as _words
from factcheck.frames.model import Frame
from factcheck.models import Located, new_claim, new_located


class _once:
    """``functools.cached_property`` without its lock (Python 3.11 takes one on every first
    read, and a report reads a few per restored mention): computed on first read, then kept
    in the instance's ``__dict__``, which later reads find first."""

    def __init__(self, fn):
        self.fn, self.name, self.__doc__ = fn, fn.__name__, fn.__doc__

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


@compact_pickle
@dataclass(frozen=True)
class Mention:
    """A located claim, what it counts and when (its ``frame``), and its surroundings.

    ``key`` is the readable label of the quantity ("hostages remain"); ``terms`` the folded
    content words near the number; ``role`` is "" for comparable counts and ``age``,
    ``distance``, ``year``, ``date``, ``time`` or ``label`` otherwise; ``side`` is ``a``/``b``
    for the two numbers of "59 to 41"; ``unit`` the claim's unit, or its dimension when the
    value was converted (``scale``: the factor, low and high, to that dimension's base unit);
    ``scope`` the time scopes named near it; ``phrase`` the quote for messages; ``names`` the
    folded capitalized words of its sentence (places, people, organisations), ``holders`` those
    of its own clause; ``topic`` the proper names of its whole article (``topics.topic``).
    """

    located: Located
    key: str
    terms: frozenset[str]
    frame: Frame
    forecast: bool = False
    role: str = ""
    side: str = ""
    unit: str = ""
    scope: frozenset[str] = frozenset()
    phrase: str = ""
    vague: bool = False
    period: str = ""
    names: frozenset[str] = frozenset()
    record: int = 0
    scale: tuple[float, float] = (1.0, 1.0)
    holders: frozenset[str] = frozenset()
    topic: frozenset[str] = frozenset()

    @property
    def noun(self) -> str:
        """The folded counted noun (the frame's subject), "" when unknown."""
        return self.frame.subject

    @property
    def predicate(self) -> str:
        """The folded predicate of the claim's clause, "" when unknown."""
        return self.frame.predicate

    @_once
    def doc(self) -> str:
        """The document's identity: its path, with the record number for a JSON Lines record."""
        return f"{self.located.path}#{self.record}" if self.record else self.located.path

    @_once
    def low(self) -> float:
        """The claim's lower bound, in the base unit of its dimension (a converted figure keeps
        the precision it was written with: "30km" is 25 to 35 km in metres)."""
        c = self.located.claim
        return (c.low - self._rounding) * self.scale[0]

    @_once
    def high(self) -> float:
        """The claim's upper bound, in the base unit of its dimension."""
        c = self.located.claim
        return (c.high + self._rounding) * self.scale[1]

    @_once
    def _rounding(self) -> float:
        if self.scale == (1.0, 1.0) or self.located.claim.low != self.located.claim.high:
            return 0.0
        return rounding(self.located.claim.value)

    @_once
    def value(self) -> float:
        """The claim's value, in the base unit of its dimension."""
        return self.located.claim.value * (self.scale[0] + self.scale[1]) / 2

    @_once
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

    @_once
    def named_years(self) -> frozenset[str]:
        """The years named near the number (``y2014`` terms)."""
        return frozenset(t for t in self.terms if t[:1] == "y" and t[1:].isdigit())

    @_once
    def years(self) -> frozenset[str]:
        """The named years, else the document's own year (a figure naming none is current)."""
        d = self.dates
        own = frozenset({f"y{d[0].year}"}) if d and d[0].year == d[1].year else frozenset()
        return self.named_years or own

    @_once
    def as_of(self) -> frozenset[str]:
        """The ``asof:<month>`` scopes."""
        return frozenset(s for s in self.scope if s.startswith("asof:"))

    @_once
    def weekday(self) -> str:
        """The ``on:<weekday>`` scope's weekday ("sat"), or "" (``similarity.named_day``)."""
        return next((s[3:] for s in self.scope if s.startswith("on:")), "")

    def as_row(self) -> dict[str, Any]:
        """Builtin values only (str, int, float, None), for a database row or JSON (``ROW_FIELDS``)."""
        return dict(zip(ROW_FIELDS, self.as_values()))

    def as_values(self) -> list:
        """``as_row``'s values, in ``ROW_FIELDS`` order (what a compact store keeps)."""
        loc = self.located
        v = self.own_values()
        v[2:2] = [loc.date.isoformat() if loc.date else None]
        return [loc.path, *v, " ".join(sorted(self.topic))]

    def own_values(self) -> list:
        """``as_values`` without the document's own: its path, its date and its topic."""
        loc, c, f = self.located, self.located.claim, self.frame
        return [loc.line, loc.column, loc.fact,
                c.value, c.low, c.high, c.qualifier, c.unit, c.start, c.end, c.text,
                c.sentence_start, c.sentence_end, c.noun, c.kind, int(c.low_open), int(c.high_open),
                self.key, " ".join(sorted(self.terms)), int(self.forecast), self.role, self.side, self.unit,
                " ".join(sorted(self.scope)), self.phrase, int(self.vague), self.period,
                " ".join(sorted(self.names)), self.record, self.scale[0], self.scale[1],
                " ".join(sorted(self.holders)), f.subject, f.subject_words, " ".join(sorted(f.modifiers)),
                f.predicate, f.predicate_words, f.also, " ".join(sorted(f.anchor)), f.trend, int(f.fixed),
                f.voice, int(f.part)]

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> "Mention":
        """The mention ``as_row`` stored.  Words, paths and dates that recur from row to row are
        shared, not copied: a report holds tens of thousands of mentions at a time."""
        return cls.from_values([row[k] for k in ROW_FIELDS])

    @classmethod
    def from_values(cls, v: Sequence[Any]) -> "Mention":
        """The mention whose ``as_values`` are ``v``."""
        (path, line, column, date, fact, value, low, high, qualifier, claim_unit, start, end, text, sentence_start,
         sentence_end, claim_noun, kind, low_open, high_open, key, terms, forecast, role, side, unit, scope, phrase,
         vague, period, names, record, scale_low, scale_high, holders, subject, subject_words, modifiers, predicate,
         predicate_words, also, anchor, trend, fixed, voice, part, topic) = v
        claim = new_claim(float(value), float(low), float(high), _shared(qualifier), _shared(claim_unit), int(start),
                       int(end), text, int(sentence_start), int(sentence_end), _shared(claim_noun or ""),
                       _shared(kind), bool(low_open), bool(high_open))
        loc = new_located(_shared(path), int(line), int(column), claim, _date(date), _shared(fact), "")
        fields = (subject, subject_words, modifiers, predicate, predicate_words, also, anchor, trend, fixed, voice,
                  part)
        frame = _FRAMES.get(fields)
        if frame is None:
            if len(_FRAMES) >= _MAX_FRAMES:
                _FRAMES.clear()
            frame = _FRAMES[fields] = Frame(
                _shared(subject), _shared(subject_words), _words(modifiers), _shared(predicate),
                _shared(predicate_words), _shared(also), _words(anchor), int(trend), bool(fixed), _shared(voice),
                bool(part))
        return _MENTION(loc, _shared(key), _words(terms), frame, bool(forecast), _shared(role), _shared(side),
                        _shared(unit), _words(scope), phrase, bool(vague), _shared(period or ""), _words(names),
                        int(record or 0), (float(scale_low), float(scale_high)), _words(holders), _words(topic))


_MENTION = builder(Mention)

#: Frames read back from storage, one object per distinct frame (frames repeat from mention to
#: mention); emptied when it reaches ``_MAX_FRAMES``.
_FRAMES: dict[tuple, Frame] = {}
_MAX_FRAMES = 1 << 16

#: The fields of ``Mention.as_row`` in order.
ROW_FIELDS = ("path", "line", "column", "date", "fact", "value", "low", "high", "qualifier", "claim_unit", "start",
              "end", "text", "sentence_start", "sentence_end", "claim_noun", "kind", "low_open", "high_open", "key",
              "terms", "forecast", "role", "side", "unit", "scope", "phrase", "vague", "period", "names", "record",
              "scale_low", "scale_high", "holders", "subject", "subject_words", "modifiers", "predicate",
              "predicate_words", "also", "anchor", "trend", "fixed", "voice", "part", "topic")


def rounding(value: float) -> float:
    """Half the place value of a figure's last non-zero digit (30 → 5, 19 → 0.5, 2.5 → 0.05)."""
    if value == 0 or not math.isfinite(value):
        return 0.0
    step = 10.0 ** math.floor(math.log10(abs(value)))
    while step > 1e-9 and abs(round(value / step) * step - value) > 1e-9 * abs(value):
        step /= 10
    return step / 2


__all__ = ["Mention", "ROW_FIELDS", "rounding"]
