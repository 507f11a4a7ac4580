"""The stored mentions a draft's mentions may be compared with, found through the index's order.

For each of the draft's mentions and each of its candidate keys: for ``fact:`` keys the
``NEAREST`` stored mentions nearest in date (half before, half after, and up to half as many
undated); for rule-less keys the ``NEAREST`` nearest in value (half on each side) within the
comparison's value band, among the stored mentions of the window's days, the undated ones
and those compared at any date (fixed counts and counts that move one way).  An undated
draft walks the (key, value) index outward from its value instead of the days.  Each query
reads neighbouring rows of the (key, day, value) order, which hold the packed mentions.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Iterable, Sequence

from factcheck.archive.codec import Codec, restore

NEAREST = 200  # candidates fetched per key and draft mention (consistency.MAX_CANDIDATES)
_COLUMNS = "doc, n, day, data"


def counterparts(db: sqlite3.Connection, codec: Codec, mentions: Sequence, exclude=frozenset(), *,
                 window_days: float = 2.0) -> list:
    """The stored mentions that may be compared with ``mentions`` (documents at paths in
    ``exclude`` left out), each once, in the order of their documents."""
    from factcheck.cross.mentions import candidate_terms
    from factcheck.cross.similarity import value_range, search_ratio
    found: dict[tuple[int, int], tuple[int, bytes]] = {}
    key_ids: dict[str, int | None] = {}
    for m in mentions:
        day = m.located.date.toordinal() if m.located.date else None
        for key in candidate_terms(m):
            if key not in key_ids:
                row = db.execute("SELECT id FROM keys WHERE key=?", (key,)).fetchone()
                key_ids[key] = row[0] if row else None
            k = key_ids[key]
            if k is None:
                continue
            if key.startswith("fact:"):
                rows = _near_day(db, k, day)
            else:
                lo, hi = value_range(m.value, search_ratio(m))
                rows = _near_value(db, k, m.value, lo, hi, day, window_days)
            for doc, n, d, data in rows:
                found.setdefault((doc, n), (d, data))
    return [m for m in restore_rows(db, codec, ((doc, d, data) for (doc, _), (d, data) in sorted(found.items())))
            if m.located.path not in exclude]


def restore_rows(db: sqlite3.Connection, codec: Codec, rows: Iterable[tuple[int, int, bytes]]) -> Iterable:
    """The mentions of stored (document id, day, packed mention) rows, each document's path
    looked up once."""
    heads: dict[int, tuple[str, str]] = {}
    for doc, day, data in rows:
        head = heads.get(doc)
        if head is None:
            head = heads[doc] = db.execute("SELECT p.path, d.topic FROM documents d JOIN paths p ON p.id = d.path "
                                           "WHERE d.id=?", (doc,)).fetchone()
        yield restore(codec.values(data), head[0], iso_day(day), head[1])


def _near_value(db: sqlite3.Connection, key: int, value: float, lo: float, hi: float, day: int | None,
                window_days: float) -> list:
    """The stored mentions nearest ``value`` on each side, within the date window when dated.

    Undated: walks the (key, value) index outward from ``value``.  Dated: scans the window's
    days in the (key, day, value) order, then the undated (day 0), then those compared at
    any date.
    """
    sides = (("value>=? AND value<=?", "", (value, hi)), ("value<? AND value>=?", " DESC", (value, lo)))
    out = []
    half = NEAREST // 2
    for cond, order, bounds in sides:
        if day is None:
            out += db.execute(f"SELECT {_COLUMNS} FROM mentions INDEXED BY mentions_value WHERE key=? AND {cond} "
                              f"ORDER BY value{order} LIMIT ?", (key, *bounds, half)).fetchall()
            continue
        out += db.execute(f"SELECT {_COLUMNS} FROM mentions WHERE key=? AND day BETWEEN ? AND ? AND {cond} "
                          f"ORDER BY value{order} LIMIT ?",
                          (key, max(1, day - window_days - 1), day + window_days + 1, *bounds, half)).fetchall()
        out += db.execute(f"SELECT {_COLUMNS} FROM mentions WHERE key=? AND day=0 AND {cond} "
                          f"ORDER BY value{order} LIMIT ?", (key, *bounds, half)).fetchall()
        out += db.execute(f"SELECT {_COLUMNS} FROM mentions INDEXED BY mentions_timeless WHERE key=? "
                          f"AND timeless > 0 AND {cond} ORDER BY value{order} LIMIT ?", (key, *bounds, half)).fetchall()
    return out


def _near_day(db: sqlite3.Connection, key: int, day: int | None) -> list:
    if day is None:
        return db.execute(f"SELECT {_COLUMNS} FROM mentions WHERE key=? ORDER BY day DESC LIMIT ?",
                          (key, NEAREST)).fetchall()
    half = NEAREST // 2
    before = db.execute(f"SELECT {_COLUMNS} FROM mentions WHERE key=? AND day BETWEEN 1 AND ? "
                        "ORDER BY day DESC LIMIT ?", (key, day, half)).fetchall()
    after = db.execute(f"SELECT {_COLUMNS} FROM mentions WHERE key=? AND day>? ORDER BY day LIMIT ?",
                       (key, day, half)).fetchall()
    undated = db.execute(f"SELECT {_COLUMNS} FROM mentions WHERE key=? AND day=0 LIMIT ?", (key, half)).fetchall()
    return before + after + undated


def iso_day(day: int) -> str | None:
    """The ISO date of a stored day (0: undated)."""
    return dt.date.fromordinal(day).isoformat() if day else None


__all__ = ["NEAREST", "counterparts", "iso_day", "restore_rows"]
