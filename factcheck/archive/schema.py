"""The archive index's tables, its schema version, and what becomes of an index of an older one.

Version 4 (issue 16) stores what the draft lookup and the report read, compactly: paths and
keys once each (``paths``, ``keys``), a document's claims as one packed value, and one row per
mention and key in a table clustered by (key, day, value), holding the packed mention itself
(``codec``), so that a draft's lookup and a report's slice read neighbouring rows.  Version 5
adds a document's topic (``cross.topics``: its proper names), which its mentions share.  An
index of versions 1 to 4 is emptied in place (its tables dropped, ``meta`` kept): the next
``factcheck index`` reads every document again, as an upgrade of factcheck does anyway.
"""
from __future__ import annotations

import sqlite3

from factcheck import __version__
from factcheck.errors import UsageError

SCHEMA_VERSION = 5

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS dictionary (id INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS paths (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS keys (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY, path INTEGER NOT NULL, record INTEGER NOT NULL, rid TEXT,
    hash TEXT NOT NULL, date TEXT, title TEXT, topic TEXT, claims BLOB, UNIQUE (path, record));
CREATE TABLE IF NOT EXISTS facts (fact TEXT NOT NULL, doc INTEGER NOT NULL, value REAL);
CREATE INDEX IF NOT EXISTS facts_fact ON facts (fact);
CREATE INDEX IF NOT EXISTS facts_doc ON facts (doc);
CREATE TABLE IF NOT EXISTS mentions (
    key INTEGER NOT NULL, day INTEGER NOT NULL, value REAL NOT NULL, doc INTEGER NOT NULL,
    n INTEGER NOT NULL, timeless INTEGER NOT NULL, data BLOB NOT NULL,
    PRIMARY KEY (key, day, value, doc, n)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mentions_value ON mentions (key, value);
CREATE INDEX IF NOT EXISTS mentions_timeless ON mentions (key, value) WHERE timeless > 0;
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions (doc);
"""

#: Versions 1 to 3 kept JSON rows in tables this version does not have, version 4 documents
#: without a topic: they are dropped.
_EMPTIED = ("DROP TABLE IF EXISTS mention_keys;\nDROP TABLE IF EXISTS mentions;\nDROP TABLE IF EXISTS claims;\n"
            "DROP TABLE IF EXISTS documents;\nUPDATE meta SET value='' WHERE key='rules_hash';")
MIGRATIONS = {1: _EMPTIED, 2: _EMPTIED, 3: _EMPTIED, 4: _EMPTIED}  # version → the script that takes it to SCHEMA_VERSION


def prepare(db: sqlite3.Connection, path: str) -> None:
    """Check (or create) the tables of the index open on ``db``; migrate an older version.

    A newer version, one with no migration, or a SQLite file that is no index is a
    ``UsageError`` naming ``path``.
    """
    has_meta = db.execute("SELECT 1 FROM sqlite_master WHERE name='meta'").fetchone()
    if has_meta:
        row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        version = int(row[0]) if row else 0
        if version in MIGRATIONS:
            with db:
                db.executescript(MIGRATIONS[version])
                db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION),))
            version = SCHEMA_VERSION
        if version != SCHEMA_VERSION:
            newer = version > SCHEMA_VERSION
            raise UsageError(
                f"archive index has schema version {version}, this factcheck reads {SCHEMA_VERSION}",
                path=path, hint="upgrade factcheck" if newer else "rebuild it with `factcheck index`")
    elif db.execute("SELECT 1 FROM sqlite_master WHERE type='table'").fetchone():
        raise UsageError("not a factcheck archive index (no meta table)", path=path)
    db.commit()
    db.executescript("BEGIN IMMEDIATE;\n" + SCHEMA +  # one transaction: another run never sees half an index
                     f"INSERT OR IGNORE INTO meta VALUES ('schema_version', '{SCHEMA_VERSION}');\n"
                     f"INSERT OR IGNORE INTO meta VALUES ('factcheck_version', '{__version__}');\n"
                     "INSERT OR IGNORE INTO meta VALUES ('rules_hash', '');\nCOMMIT;")


def ids(db: sqlite3.Connection, table: str, column: str, cache: dict[str, int]):
    """A function giving the id of a ``column`` value of ``table`` (``paths``, ``keys``), adding it when new."""
    def get(value: str) -> int:
        found = cache.get(value)
        if found is None:
            row = db.execute(f"SELECT id FROM {table} WHERE {column}=?", (value,)).fetchone()
            found = row[0] if row else db.execute(f"INSERT INTO {table} ({column}) VALUES (?)", (value,)).lastrowid
            cache[value] = found
        return found
    return get


__all__ = ["MIGRATIONS", "SCHEMA", "SCHEMA_VERSION", "ids", "prepare"]
