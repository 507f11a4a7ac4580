"""The archive index: a SQLite file of documents, claims and cross-article mentions.

``open_index(path)`` opens (or creates) it; ``Index.update(paths, rules, ...)`` indexes
articles incrementally (unchanged files and JSON Lines records are skipped by content hash,
changed ones replaced, removed ones dropped); ``Index.mentions_for(docs, rules)`` fetches
the stored mentions a draft's mentions may be compared with, through indexed lookups.
The schema is described in docs/index.md.
"""
from __future__ import annotations

import json
import os
import sqlite3
import threading
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from factcheck import __version__
from factcheck.archive.changed_files import changed_documents, content_hash
from factcheck.errors import FactcheckError, UsageError
from factcheck.archive.rows import RowBuilder
from factcheck.check.runner import Runner, batches, progress_bar

SCHEMA_VERSION = 3
BATCH = 500
NEAREST = 200  # candidates fetched per key and draft mention (consistency.MAX_CANDIDATES)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY, path TEXT NOT NULL, record INTEGER NOT NULL, rid TEXT,
    hash TEXT NOT NULL, date TEXT, title TEXT, UNIQUE (path, record));
CREATE TABLE IF NOT EXISTS claims (
    doc INTEGER NOT NULL, line INTEGER, col INTEGER, text TEXT, value REAL, low REAL, high REAL,
    unit TEXT, qualifier TEXT, kind TEXT, fact TEXT);
CREATE INDEX IF NOT EXISTS claims_doc ON claims (doc);
CREATE INDEX IF NOT EXISTS claims_fact ON claims (fact) WHERE fact IS NOT NULL;
CREATE TABLE IF NOT EXISTS mentions (id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, row TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS mentions_doc ON mentions (doc);
CREATE TABLE IF NOT EXISTS mention_keys (
    key TEXT NOT NULL, mention_id INTEGER NOT NULL, doc INTEGER NOT NULL, day INTEGER, value REAL,
    timeless INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS mention_keys_key ON mention_keys (key, value);
CREATE INDEX IF NOT EXISTS mention_keys_timeless ON mention_keys (key, value) WHERE timeless > 0;
CREATE INDEX IF NOT EXISTS mention_keys_window ON mention_keys (key, day, value, mention_id);
CREATE INDEX IF NOT EXISTS mention_keys_doc ON mention_keys (doc);
"""

MIGRATIONS = {  # schema version → the script that takes an index to the next version
    1: "DROP INDEX IF EXISTS mention_keys_day;\n"
       "CREATE INDEX mention_keys_window ON mention_keys (key, day, value, mention_id);\n"
       # version 1 rows did not say which JSON Lines record they came from
       "UPDATE mentions SET row = json_set(row, '$.record', "
       "(SELECT record FROM documents d WHERE d.id = mentions.doc));",
    # version 3 mentions carry claim frames, which only the text gives: documents are read again
    2: "DELETE FROM mention_keys;\nDELETE FROM mentions;\nUPDATE documents SET hash = '';\n"
       "ALTER TABLE mention_keys ADD COLUMN timeless INTEGER NOT NULL DEFAULT 0;",
}


@dataclass(frozen=True)
class Summary:
    """What one ``update`` did: documents indexed, unchanged, removed, and files that failed."""

    indexed: int = 0
    unchanged: int = 0
    removed: int = 0
    errors: int = 0

    def __str__(self) -> str:
        return (f"{self.indexed} indexed, {self.unchanged} unchanged, {self.removed} removed, "
                f"{self.errors} error{'' if self.errors == 1 else 's'}")


def open_index(path: str, *, create: bool = False) -> "Index":
    """The index at ``path``; ``create`` makes it when missing (else a missing file is an error)."""
    if path != ":memory:" and not create and not os.path.isfile(path):
        raise UsageError(f"no such archive: {path}", hint="build one with `factcheck index`")
    return Index(path)


class Index:
    """An open archive index (one SQLite connection)."""

    def __init__(self, path: str):
        self.path = path
        self.lock = threading.Lock()  # the server queries one index from its worker threads
        try:
            self.db = sqlite3.connect(path, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._check_meta()
        except sqlite3.DatabaseError as e:
            raise UsageError(f"not a factcheck archive index: {e}", path=path) from None

    def _check_meta(self) -> None:
        db = self.db
        has_meta = db.execute("SELECT 1 FROM sqlite_master WHERE name='meta'").fetchone()
        if has_meta:
            row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            version = int(row[0]) if row else 0
            if version in MIGRATIONS:
                with db:
                    for step in range(version, SCHEMA_VERSION):
                        db.executescript(MIGRATIONS[step])
                    db.execute("UPDATE meta SET value=? WHERE key='schema_version'", (str(SCHEMA_VERSION),))
                version = SCHEMA_VERSION
            if version != SCHEMA_VERSION:
                newer = version > SCHEMA_VERSION
                raise UsageError(
                    f"archive index has schema version {version}, this factcheck reads {SCHEMA_VERSION}",
                    path=self.path, hint="upgrade factcheck" if newer else "rebuild it with `factcheck index`")
        elif db.execute("SELECT 1 FROM sqlite_master WHERE type='table'").fetchone():
            raise UsageError("not a factcheck archive index (no meta table)", path=self.path)
        with db:
            db.executescript(SCHEMA)
            db.executemany("INSERT OR IGNORE INTO meta VALUES (?, ?)",
                           [("schema_version", str(SCHEMA_VERSION)), ("factcheck_version", __version__),
                            ("rules_hash", "")])

    @property
    def dollar(self) -> str:
        """The currency a bare "$" meant when the index was built (``meta.dollar``)."""
        with self.lock:
            return self.meta().get("dollar", "USD")

    def meta(self) -> dict[str, str]:
        """The ``meta`` table as a dict."""
        return dict(self.db.execute("SELECT key, value FROM meta"))

    def close(self) -> None:
        """Close the connection."""
        self.db.close()

    def __enter__(self) -> "Index":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------ indexing

    def update(self, paths: Sequence[str], rules=None, *, jobs: int = 1, jsonl=None,
               on_error: Callable[[FactcheckError], None] | None = None, progress: bool = False,
               batch: int = BATCH, dollar: str = "USD",
               on_skip: Callable[[str, str], None] | None = None,
               on_wait: Callable[[str], None] | None = None) -> Summary:
        """Index the articles under ``paths``: new and changed documents, removals; returns counts.

        Built with other rules than last time (``meta.rules_hash``), by another factcheck
        version (``meta.factcheck_version``) or with another default dollar (``meta.dollar``,
        what a bare "$" means where an article's metadata names none), every document is
        re-indexed, so the claims follow the new rules and the new extractor.  A walked
        ``.json``/``.xml`` file in none of the news formats goes to ``on_skip(path, why)``.
        One update writes to a store at a time (``writer_lock``): ``on_wait(message)`` is told
        when this one waits for another.
        """
        from factcheck.archive.writer_lock import exclusive_writer
        with exclusive_writer(self.path, on_wait):
            return self._update(paths, rules, jobs, jsonl, on_error, progress, batch, dollar, on_skip)

    def _update(self, paths, rules, jobs, jsonl, on_error, progress, batch, dollar, on_skip) -> Summary:
        from factcheck.rules.loading import rules_digest
        from factcheck.documents import JsonlFields, iter_paths
        from factcheck.check.engine import Options
        jsonl = jsonl or JsonlFields()
        errors: list[FactcheckError] = []

        def failed(err: FactcheckError) -> None:
            errors.append(err)
            if on_error:
                on_error(err)

        digest = rules_digest(rules)
        meta = self.meta()
        fresh = meta.get("rules_hash") != digest or meta.get("factcheck_version") != __version__ \
            or meta.get("dollar", "USD") != dollar
        if fresh:
            with self.db:
                self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                                    [("rules_hash", digest), ("factcheck_version", __version__), ("dollar", dollar)])
                self.db.execute("UPDATE documents SET hash=''")
        counts = {"unchanged": 0, "seen": set(), "stale": []}
        unlisted: list[str] = []  # folders that could not be read: what they held is kept

        def unreadable(err: FactcheckError) -> None:
            unlisted.append(err.path or "")
            failed(err)

        files = []
        for p in paths:
            try:
                files.extend(iter_paths([p], on_skip=on_skip, on_error=unreadable))
            except FactcheckError as err:
                failed(err)
        docs = changed_documents(self.db, files, jsonl, failed, counts)
        options = Options(cross=True, jobs=max(1, jobs), dollar=dollar)
        indexed = self._store(docs, rules, options, batch, progress)
        removed = self._remove_missing(paths, counts["seen"], counts["stale"], unlisted)
        return Summary(indexed, counts["unchanged"], removed, len(errors))

    def _store(self, docs: Iterable, rules, options, batch: int, progress: bool) -> int:
        """Run the engine over ``docs`` and write the results, one transaction per batch."""
        bar = progress_bar(progress)
        runner = Runner(RowBuilder(rules, options), options.jobs)
        done, ok, prev = 0, False, None
        try:
            for chunk in batches(docs, batch):
                job = runner.submit([doc for doc, _, _ in chunk])
                if prev is not None:
                    done += self._write(prev[0], prev[1]())
                    bar.update(len(prev[0]))
                prev = chunk, job
            if prev is not None:
                done += self._write(prev[0], prev[1]())
                bar.update(len(prev[0]))
            ok = True
        finally:
            runner.close(ok)
            bar.close()
        return done

    def _write(self, chunk: list, results: list) -> int:
        db = self.db
        with db:
            mention_id = db.execute("SELECT COALESCE(MAX(id), 0) FROM mentions").fetchone()[0]
            for (doc, record, h), (head, claims, mentions) in zip(chunk, results):
                old = db.execute("SELECT id FROM documents WHERE path=? AND record=?", (doc.path, record)).fetchone()
                if old:
                    _delete_doc(db, old[0])
                doc_id = db.execute("INSERT INTO documents (path, record, rid, hash, date, title) "
                                    "VALUES (?, ?, ?, ?, ?, ?)", (head[0], record, head[1], h, *head[2:])).lastrowid
                db.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               [(doc_id, *c) for c in claims])
                rows, keys = [], []
                for row, terms, day, value, timeless in mentions:
                    mention_id += 1
                    rows.append((mention_id, doc_id, row))
                    keys.extend((k, mention_id, doc_id, day, value, timeless) for k in terms)
                db.executemany("INSERT INTO mentions VALUES (?, ?, ?)", rows)
                db.executemany("INSERT INTO mention_keys VALUES (?, ?, ?, ?, ?, ?)", keys)
        return len(chunk)

    def _remove_missing(self, paths: Sequence[str], seen: set, stale: list, unlisted: Sequence[str] = ()) -> int:
        """Drop documents under ``paths`` whose file is gone, and JSON Lines records that are gone
        (never those under ``unlisted``, folders that could not be read)."""
        db = self.db
        gone = []
        kept = tuple(os.path.join(u.rstrip("/\\"), "") for u in unlisted if u)
        for root in paths:
            if not os.path.exists(root):
                continue  # a missing path (an unmounted disk?) drops nothing
            root = root.rstrip("/\\") or root
            paths_gone = [p for (p,) in db.execute("SELECT DISTINCT path FROM documents WHERE path=? OR path LIKE ? "
                                                   "ESCAPE '\\'", (root, _like_prefix(root)))
                          if p not in seen and not p.startswith(kept)]
            for p in paths_gone:
                gone.extend(i for (i,) in db.execute("SELECT id FROM documents WHERE path=?", (p,)))
        for path, record in stale:
            row = db.execute("SELECT id FROM documents WHERE path=? AND record=?", (path, record)).fetchone()
            if row:
                gone.append(row[0])
        with db:
            for doc_id in sorted(set(gone)):
                _delete_doc(db, doc_id)
        return len(set(gone))

    # ------------------------------------------------------------ queries

    def mentions_for(self, docs: Sequence, rules=None, *, window_days: float = 2.0) -> list:
        """Stored mentions a comparison of ``docs`` with the archive needs (their own paths excluded).

        For each of the documents' mentions and each of its candidate keys: the ``NEAREST``
        stored mentions nearest in date (fact keys) or in value within the comparison's value
        band and date window (rule-less keys).
        """
        from factcheck.check.engine import Options, check_document
        own = [m for d in docs for m in check_document(d, rules, Options(cross=True, dollar=self.dollar)).mentions]
        return self.counterparts(own, {d.path for d in docs}, window_days=window_days)

    def counterparts(self, mentions: Sequence, exclude: set = frozenset(), *, window_days: float = 2.0) -> list:
        """The stored mentions that may be compared with ``mentions`` (see ``mentions_for``)."""
        with self.lock:
            return self._counterparts(mentions, exclude, window_days)

    def _counterparts(self, mentions: Sequence, exclude, window_days: float) -> list:
        from factcheck.cross.similarity import MAX_RATIO
        from factcheck.cross.mentions import Mention, candidate_terms
        ids: dict[int, None] = {}
        for m in mentions:
            day = m.located.date.toordinal() if m.located.date else None
            for key in candidate_terms(m):
                if key.startswith("fact:"):
                    rows = self._near_day(key, day)
                else:
                    lo, hi = sorted((m.value / MAX_RATIO, m.value * MAX_RATIO))
                    rows = self._near_value(key, m.value, lo, hi, day, window_days)
                ids.update((r[0], None) for r in rows)
        out = []
        for chunk in batches(list(ids), 500):
            q = ",".join("?" * len(chunk))
            for (row,) in self.db.execute(f"SELECT row FROM mentions WHERE id IN ({q}) ORDER BY id", chunk):
                m = Mention.from_row(json.loads(row))
                if m.located.path not in exclude:
                    out.append(m)
        return out

    def _near_value(self, key: str, value: float, lo: float, hi: float, day: int | None,
                    window_days: float) -> list:
        """The stored mentions nearest ``value`` on each side, within the date window when dated.

        Undated: walks the (key, value) index outward from ``value``.  Dated: scans the
        window's days in the covering (key, day, value, mention_id) index, then the undated.
        """
        sides = (("value>=? AND value<=?", "", (value, hi)), ("value<? AND value>=?", " DESC", (value, lo)))
        out = []
        for cond, order, bounds in sides:
            if day is None:
                out += self.db.execute(
                    f"SELECT mention_id FROM mention_keys INDEXED BY mention_keys_key WHERE key=? AND {cond} "
                    f"ORDER BY value{order} LIMIT ?", (key, *bounds, NEAREST // 2)).fetchall()
                continue
            out += self.db.execute(
                f"SELECT mention_id FROM mention_keys INDEXED BY mention_keys_window WHERE key=? "
                f"AND day BETWEEN ? AND ? AND {cond} ORDER BY value{order} LIMIT ?",
                (key, day - window_days - 1, day + window_days + 1, *bounds, NEAREST // 2)).fetchall()
            out += self.db.execute(
                f"SELECT mention_id FROM mention_keys INDEXED BY mention_keys_window WHERE key=? "
                f"AND day IS NULL AND {cond} ORDER BY value{order} LIMIT ?", (key, *bounds, NEAREST // 2)).fetchall()
            out += self.db.execute(
                f"SELECT mention_id FROM mention_keys INDEXED BY mention_keys_timeless WHERE key=? "
                f"AND timeless > 0 AND {cond} ORDER BY value{order} LIMIT ?", (key, *bounds, NEAREST // 2)).fetchall()
        return out

    def _near_day(self, key: str, day: int | None) -> list:
        if day is None:
            return self.db.execute("SELECT mention_id FROM mention_keys WHERE key=? ORDER BY day DESC LIMIT ?",
                                   (key, NEAREST)).fetchall()
        before = self.db.execute("SELECT mention_id FROM mention_keys WHERE key=? AND day<=? "
                                 "ORDER BY day DESC LIMIT ?", (key, day, NEAREST // 2)).fetchall()
        after = self.db.execute("SELECT mention_id FROM mention_keys WHERE key=? AND day>? "
                                "ORDER BY day LIMIT ?", (key, day, NEAREST // 2)).fetchall()
        undated = self.db.execute("SELECT mention_id FROM mention_keys WHERE key=? AND day IS NULL LIMIT ?",
                                  (key, NEAREST // 2)).fetchall()
        return before + after + undated

    def history(self, fact_id: str) -> list:
        """(date, value, path) of every dated claim attached to ``fact_id``, by date."""
        import datetime as dt
        with self.lock:
            rows = self.db.execute(
                "SELECT d.date, c.value, d.path FROM claims c JOIN documents d ON d.id=c.doc "
                "WHERE c.fact=? AND d.date IS NOT NULL ORDER BY d.date, d.path", (fact_id,)).fetchall()
        return [(dt.date.fromisoformat(date), value, path) for date, value, path in rows]

    def counts(self) -> dict[str, int]:
        """How many documents, claims and mentions the index holds."""
        return {t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "claims", "mentions")}


def mentions_for(archive: Index, docs: Sequence, rules=None) -> list:
    """``archive.mentions_for(docs, rules)`` (the server's hook)."""
    return archive.mentions_for(docs, rules)


def _delete_doc(db: sqlite3.Connection, doc_id: int) -> None:
    db.execute("DELETE FROM mention_keys WHERE doc=?", (doc_id,))
    db.execute("DELETE FROM mentions WHERE doc=?", (doc_id,))
    db.execute("DELETE FROM claims WHERE doc=?", (doc_id,))
    db.execute("DELETE FROM documents WHERE id=?", (doc_id,))


def _like_prefix(root: str) -> str:
    esc = root.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return esc + "/%"


__all__ = ["Index", "Summary", "open_index", "mentions_for", "content_hash", "SCHEMA_VERSION"]
