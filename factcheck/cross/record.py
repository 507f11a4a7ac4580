"""``Mention``: a located claim with its frame and context, in plain fields that store as a row."""
from __future__ import annotations

import datetime as dt
import functools
import math
from dataclasses import dataclass
from typing import Any, Mapping

from factcheck.frames.model import Frame
from factcheck.models import Claim, Located, compact_pickle, shared as _shared, shared_date as _date, \
    shared_words as _words


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
    of its own clause.
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

    @property
    def noun(self) -> str:
        """The folded counted noun (the frame's subject), "" when unknown."""
        return self.frame.subject

    @property
    def predicate(self) -> str:
        """The folded predicate of the claim's clause, "" when unknown."""
        return self.frame.predicate

    @functools.cached_property
    def doc(self) -> str:
        """The document's identity: its path, with the record number for a JSON Lines record."""
        return f"{self.located.path}#{self.record}" if self.record else self.located.path

    @functools.cached_property
    def low(self) -> float:
        """The claim's lower bound, in the base unit of its dimension (a converted figure keeps
        the precision it was written with: "30km" is 25 to 35 km in metres)."""
        c = self.located.claim
        return (c.low - self._rounding) * self.scale[0]

    @functools.cached_property
    def high(self) -> float:
        """The claim's upper bound, in the base unit of its dimension."""
        c = self.located.claim
        return (c.high + self._rounding) * self.scale[1]

    @functools.cached_property
    def _rounding(self) -> float:
        if self.scale == (1.0, 1.0) or self.located.claim.low != self.located.claim.high:
            return 0.0
        return rounding(self.located.claim.value)

    @functools.cached_property
    def value(self) -> float:
        """The claim's value, in the base unit of its dimension."""
        return self.located.claim.value * (self.scale[0] + self.scale[1]) / 2

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
        loc, c, f = self.located, self.located.claim, self.frame
        return {
            "path": loc.path, "line": loc.line, "column": loc.column,
            "date": loc.date.isoformat() if loc.date else None, "fact": loc.fact,
            "value": c.value, "low": c.low, "high": c.high, "qualifier": c.qualifier,
            "claim_unit": c.unit, "start": c.start, "end": c.end, "text": c.text,
            "sentence_start": c.sentence_start, "sentence_end": c.sentence_end, "claim_noun": c.noun,
            "kind": c.kind, "low_open": int(c.low_open), "high_open": int(c.high_open),
            "key": self.key, "terms": " ".join(sorted(self.terms)), "forecast": int(self.forecast),
            "role": self.role, "side": self.side, "unit": self.unit, "scope": " ".join(sorted(self.scope)),
            "phrase": self.phrase, "vague": int(self.vague), "period": self.period,
            "names": " ".join(sorted(self.names)), "record": self.record,
            "scale_low": self.scale[0], "scale_high": self.scale[1], "holders": " ".join(sorted(self.holders)),
            "subject": f.subject, "subject_words": f.subject_words, "modifiers": " ".join(sorted(f.modifiers)),
            "predicate": f.predicate, "predicate_words": f.predicate_words, "also": f.also,
            "anchor": " ".join(sorted(f.anchor)), "trend": f.trend, "fixed": int(f.fixed), "voice": f.voice,
            "part": int(f.part),
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
        frame = Frame(_shared(row["subject"]), _shared(row["subject_words"]), _words(row["modifiers"]),
                      _shared(row["predicate"]), _shared(row["predicate_words"]), _shared(row["also"]),
                      _words(row["anchor"]), int(row["trend"]), bool(row["fixed"]), _shared(row["voice"]),
                      bool(row["part"]))
        return cls(loc, _shared(row["key"]), _words(row["terms"]), frame, bool(row["forecast"]), _shared(row["role"]),
                   _shared(row["side"]), _shared(row["unit"]), _words(row["scope"]), row["phrase"],
                   bool(row["vague"]), _shared(row["period"] or ""), _words(row["names"]), int(row["record"] or 0),
                   (float(row["scale_low"]), float(row["scale_high"])), _words(row["holders"]))


def rounding(value: float) -> float:
    """Half the place value of a figure's last non-zero digit (30 → 5, 19 → 0.5, 2.5 → 0.05)."""
    if value == 0 or not math.isfinite(value):
        return 0.0
    step = 10.0 ** math.floor(math.log10(abs(value)))
    while step > 1e-9 and abs(round(value / step) * step - value) > 1e-9 * abs(value):
        step /= 10
    return step / 2


__all__ = ["Mention", "rounding"]
