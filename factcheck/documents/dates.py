"""Dates in metadata: ``parse_date`` reads the calendar date a front matter, meta tag or record field states."""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T ]\d)")
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
        m = _ISO.match(s) or _BASIC.match(s)
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


__all__ = ["parse_date"]
