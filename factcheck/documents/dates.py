"""Dates in metadata: ``parse_date`` reads the calendar date a front matter, meta tag or record field states."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_ISO = re.compile(r"(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:$|[T ]\d)")
_YEAR_MONTH = re.compile(r"(\d{4})[-/](\d{1,2})")
_YEAR = re.compile(r"(\d{4})")
_MONTH_YEAR = re.compile(r"([A-Za-z]{3,})\.?,?\s+(\d{4})")
_BASIC = re.compile(r"(\d{4})(\d{2})(\d{2})T\d")  # ISO 8601 basic with a time, as NITF writes it
_MDY = re.compile(r"(?:[A-Za-z]+,?\s+)?([A-Za-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DMY = re.compile(r"(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,})\.?,?\s+(\d{4})\b")


def _month(name: str) -> int | None:
    name = name.lower()
    month = _MONTHS.get(name[:3])
    full = ("january february march april may june july august september october "
            "november december sept").split()
    return month if month and (len(name) == 3 or name in full) else None


def parse_date(value: Any) -> dt.date | None:
    """The calendar date a value states, or ``None`` when it states none.

    Takes dates and datetimes, ISO 8601 (``2025-03-12``, ``2025-03-12T10:00:00Z``, offsets; the
    basic form with a time ``20250312T100000Z``),
    RFC 2822 (``Wed, 12 Mar 2025 10:00:00 GMT``), ``March 12, 2025`` and ``12 March 2025``.
    The date is the one written (no time-zone conversion).
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    s = value.strip()
    try:
        m = _ISO.match(s)
        if m:
            return dt.date(int(m[1]), int(m[3]), int(m[4]))
        m = _BASIC.match(s)
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        m = _MDY.fullmatch(s) or _MDY.match(s)
        if m and _month(m[1]):
            return dt.date(int(m[3]), _month(m[1]), int(m[2]))
        m = _DMY.fullmatch(s) or _DMY.match(s)
        if m and _month(m[2]):
            return dt.date(int(m[3]), _month(m[2]), int(m[1]))
        import email.utils
        return email.utils.parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


class DateError(ValueError):
    """A date field that states no readable date ("2018-07/08", "next week")."""


@dataclass(frozen=True)
class When:
    """The time an article's metadata states: one day, or the first and last day of the month
    or year it names (``date: 2014-11``, ``date: 2016``); ``text`` is its ISO form."""

    first: dt.date
    last: dt.date
    text: str

    @property
    def day(self) -> dt.date | None:
        """The day, when the metadata names one."""
        return self.first if self.first == self.last else None

    @property
    def period(self) -> tuple[dt.date, dt.date] | None:
        """(first, last) day of a month or a year; None for one day."""
        return None if self.first == self.last else (self.first, self.last)


def parse_when(value: Any) -> When | None:
    """The day, month or year a metadata value states; None when it is empty.

    A day is read as ``parse_date`` reads it; a month as ``2014-11``, ``2014/11``,
    ``November 2014``; a year as ``2014``.  Anything else raises ``DateError``: an unreadable
    date is reported, never guessed.
    """
    if value is None or isinstance(value, str) and not value.strip():
        return None
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        value = str(value)
    day = parse_date(value)
    if day is not None:
        return When(day, day, day.isoformat())
    s = value.strip() if isinstance(value, str) else ""
    try:
        m = _YEAR_MONTH.fullmatch(s)
        if m:
            return _month_when(int(m[1]), int(m[2]))
        m = _MONTH_YEAR.fullmatch(s)
        if m and _month(m[1]):
            return _month_when(int(m[2]), _month(m[1]))
        if _YEAR.fullmatch(s) and 1000 <= int(s) <= 9999:
            return When(dt.date(int(s), 1, 1), dt.date(int(s), 12, 31), s)
    except ValueError:
        pass
    raise DateError(f"unreadable date {str(value)[:40]!r} (expected a day such as 2025-03-12, a month "
                    f"such as 2025-03, or a year)")


def _month_when(year: int, month: int) -> When:
    first = dt.date(year, month, 1)
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return When(first, last, f"{year:04d}-{month:02d}")


def when_or_none(value: Any) -> When | None:
    """``parse_when``, with an unreadable value read as no date (for machine-written fields)."""
    try:
        return parse_when(value)
    except DateError:
        return None


def day_and_period(when: When | None) -> dict[str, Any]:
    """The ``date`` and ``period`` arguments of a ``Document`` for ``when``."""
    return {"date": when.day if when else None, "period": when.period if when else None}


__all__ = ["DateError", "When", "day_and_period", "parse_date", "parse_when", "when_or_none"]
