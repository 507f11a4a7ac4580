"""The archive index: a SQLite file of documents, their claims and their cross-article mentions.

``open_index(path)`` opens (or creates) it; ``Index.update(paths, rules, ...)`` indexes
articles incrementally (unchanged files and JSON Lines records are skipped by content hash,
changed ones replaced, removed ones dropped); ``Index.mentions_for(docs, rules)`` fetches
the stored mentions a draft's mentions may be compared with, through indexed lookups
(``lookup``).  The tables are in ``schema``, the packed values in ``codec``; docs/index.md
describes both.
"""
from __future__ import annotations

import os
import sqlite3
import threading
import time
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Sequence

from factcheck import __version__
from factcheck.archive import lookup, schema
from factcheck.archive.changed_files import changed_documents, content_hash
from factcheck.archive.codec import Codec, train
from factcheck.archive.rows import RowBuilder
from factcheck.archive.schema import MIGRATIONS, SCHEMA_VERSION
from factcheck.check.runner import Runner, batches, progress_bar
from factcheck.errors import FactcheckError, UsageError

BATCH = 500
#: How long a connection waits for another's lock (two runs creating one store together) before
#: SQLite says the database is locked.
BUSY_SECONDS = 60.0
NEAREST = lookup.NEAREST
#: The first documents of a new index, whose mentions train its compression dictionary.
TRAINING_DOCUMENTS = 200
_RAW = Codec()


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
            self.db = sqlite3.connect(path, check_same_thread=False, timeout=BUSY_SECONDS)
            _wal(self.db)
            self.db.execute("PRAGMA synchronous=NORMAL")
            schema.prepare(self.db, path)
        except sqlite3.DatabaseError as e:
            raise UsageError(f"not a factcheck archive index: {e}", path=path) from None
        self.codec = self._codec()

    def _codec(self) -> Codec:
        row = self.db.execute("SELECT data FROM dictionary ORDER BY id LIMIT 1").fetchone()
        return Codec(row[0] if row else None)

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
        self._ids = {"paths": {}, "keys": {}}
        docs = iter(docs)
        first: list = []
        if self.codec.dictionary is None:
            first = self._train(docs, RowBuilder(rules, options), batch, options.jobs)
        runner = Runner(RowBuilder(rules, options, self.codec), options.jobs)
        done, ok, prev = 0, False, None
        try:
            for chunk in _batches(first, docs, batch):
                job = runner.submit([doc for doc, _, _ in chunk]) if not isinstance(chunk, _Done) else chunk.results
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

    def _train(self, docs: Iterator, builder: RowBuilder, batch: int, jobs: int) -> list:
        """Read the first documents (on ``jobs`` workers) and train the index's dictionary on
        their mentions; returns them with their rows, packed with it (or left raw when too few
        to train one)."""
        chunk = [d for _, d in zip(range(TRAINING_DOCUMENTS), docs)]
        with Runner(builder, jobs if len(chunk) > 1 else 1) as runner:
            raw = list(runner.imap([doc for doc, _, _ in chunk], chunksize=max(1, len(chunk) // (4 * jobs))))
        rows = self._trained(raw)
        return [_Done(chunk[k:k + batch], rows[k:k + batch]) for k in range(0, len(chunk), batch)]

    def _trained(self, rows: list) -> list:
        """Train the dictionary on these raw rows' mentions; the rows packed with it (raw when
        they are too few to train one)."""
        dictionary = train([_RAW.unpack(m[4]) for r in rows for m in r[3]])
        if dictionary is None:
            return rows
        with self.db:
            self.db.execute("INSERT INTO dictionary (data) VALUES (?)", (dictionary,))
        self.codec = self._codec()
        return [self._packed(r) for r in rows]

    def _packed(self, rows: tuple) -> tuple:
        """Raw rows packed with the index's codec."""
        head, claims, facts, mentions = rows
        pack = self.codec.pack
        return (head, pack(_RAW.unpack(claims)), facts, [(*m[:4], pack(_RAW.unpack(m[4]))) for m in mentions])

    def load(self, documents: Iterable[tuple[int, str, tuple]], rules=None, *, dollar: str = "USD",
             batch: int = BATCH) -> int:
        """Store documents read and checked elsewhere (the Spark engine), in reading order:
        (record, hash, ``rows.result_rows`` packed raw) each, as ``update`` would have stored
        them; records of their files that are not among them are dropped."""
        from factcheck.rules.loading import rules_digest
        with self.db:
            self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", [
                ("rules_hash", rules_digest(rules)), ("factcheck_version", __version__), ("dollar", dollar)])
        self._ids = {"paths": {}, "keys": {}}
        seen: dict[str, set[int]] = {}
        docs = iter(documents)
        first = [d for _, d in zip(range(TRAINING_DOCUMENTS), docs)]
        if self.codec.dictionary is None:
            first = [(r, h, rows) for (r, h, _), rows in zip(first, self._trained([d[2] for d in first]))]
        else:
            first = [(r, h, self._packed(rows)) for r, h, rows in first]
        done = 0
        for chunk in _batches(batches(first, batch), ((r, h, self._packed(rows)) for r, h, rows in docs), batch):
            for record, _, rows in chunk:
                seen.setdefault(rows[0][0], set()).add(record)
            done += self._write([(None, r, h) for r, h, _ in chunk], [rows for _, _, rows in chunk])
        stale = [(p, r) for p, records in seen.items() for r, in self.db.execute(
            "SELECT d.record FROM documents d JOIN paths p ON p.id = d.path WHERE p.path=?", (p,)) if r not in records]
        self._remove_missing([], set(), stale)
        return done

    def _write(self, chunk: list, results: list) -> int:
        db = self.db
        path_id = schema.ids(db, "paths", "path", self._ids["paths"])
        key_id = schema.ids(db, "keys", "key", self._ids["keys"])
        fact_rows, mention_rows = [], []
        with db:
            for (doc, record, h), (head, claims, facts, mentions) in zip(chunk, results):
                p = path_id(head[0])
                old = db.execute("SELECT id FROM documents WHERE path=? AND record=?", (p, record)).fetchone()
                if old:
                    _delete_doc(db, old[0])
                doc_id = db.execute("INSERT INTO documents (path, record, rid, hash, date, title, topic, claims) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (p, record, head[1], h, *head[2:], claims)).lastrowid
                fact_rows.extend((f, doc_id, v) for f, v in facts)
                mention_rows.extend((key_id(k), day, value, doc_id, n, timeless, data)
                                    for n, (terms, day, value, timeless, data) in enumerate(mentions) for k in terms)
            db.executemany("INSERT INTO facts VALUES (?, ?, ?)", fact_rows)
            mention_rows.sort(key=lambda r: r[:5])
            db.executemany("INSERT OR REPLACE INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)", mention_rows)
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
            paths_gone = [(i, p) for i, p in db.execute("SELECT id, path FROM paths WHERE path=? OR path LIKE ? "
                                                        "ESCAPE '\\'", (root, _like_prefix(root)))
                          if p not in seen and not p.startswith(kept)]
            for i, _ in paths_gone:
                gone.extend(d for (d,) in db.execute("SELECT id FROM documents WHERE path=?", (i,)))
        for path, record in stale:
            row = db.execute("SELECT d.id FROM documents d JOIN paths p ON p.id = d.path WHERE p.path=? "
                             "AND d.record=?", (path, record)).fetchone()
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
        band and date window (rule-less keys); see ``lookup``.
        """
        from factcheck.check.engine import Options, check_document
        own = [m for d in docs for m in check_document(d, rules, Options(cross=True, dollar=self.dollar)).mentions]
        return self.counterparts(own, {d.path for d in docs}, window_days=window_days)

    def counterparts(self, mentions: Sequence, exclude: set = frozenset(), *, window_days: float = 2.0) -> list:
        """The stored mentions that may be compared with ``mentions`` (see ``mentions_for``)."""
        with self.lock:
            return lookup.counterparts(self.db, self.codec, mentions, exclude, window_days=window_days)

    def history(self, fact_id: str) -> list:
        """(date, value, path) of every claim attached to ``fact_id`` in an article dated to a day, by date."""
        import datetime as dt
        with self.lock:
            rows = self.db.execute(
                "SELECT d.date, f.value, p.path FROM facts f JOIN documents d ON d.id=f.doc "
                "JOIN paths p ON p.id = d.path WHERE f.fact=? AND length(d.date) = 10 ORDER BY d.date, p.path",
                (fact_id,)).fetchall()
        return [(dt.date.fromisoformat(date), value, path) for date, value, path in rows]

    def claims(self, doc_id: int) -> list[tuple]:
        """The stored claims of a document: (line, column, text, value, low, high, unit, qualifier, kind, fact)."""
        row = self.db.execute("SELECT claims FROM documents WHERE id=?", (doc_id,)).fetchone()
        return [tuple(c) for c in self.codec.values(row[0])] if row and row[0] else []

    def counts(self) -> dict[str, int]:
        """How many documents, claims and mentions the index holds."""
        docs = self.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        claims = sum(len(self.codec.values(c)) for (c,) in self.db.execute("SELECT claims FROM documents"))
        mentions = self.db.execute("SELECT count(*) FROM (SELECT DISTINCT doc, n FROM mentions)").fetchone()[0]
        return {"documents": docs, "claims": claims, "mentions": mentions}


@dataclass(frozen=True)
class _Done:
    """A batch whose rows were already built (while training the dictionary)."""

    chunk: list
    rows: list

    def __len__(self) -> int:
        return len(self.chunk)

    def __iter__(self):
        return iter(self.chunk)

    def results(self) -> list:
        return self.rows


def _batches(first: Iterable, docs: Iterator, size: int) -> Iterator:
    yield from first
    yield from batches(docs, size)


def mentions_for(archive: Index, docs: Sequence, rules=None) -> list:
    """``archive.mentions_for(docs, rules)`` (the server's hook)."""
    return archive.mentions_for(docs, rules)


def _wal(db: sqlite3.Connection) -> None:
    """Switch to WAL; SQLite does not wait on its busy handler when two connections switch a
    new file at once, so a locked switch is tried again for up to ``BUSY_SECONDS``."""
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _delete_doc(db: sqlite3.Connection, doc_id: int) -> None:
    db.execute("DELETE FROM mentions WHERE doc=?", (doc_id,))
    db.execute("DELETE FROM facts WHERE doc=?", (doc_id,))
    db.execute("DELETE FROM documents WHERE id=?", (doc_id,))


def _like_prefix(root: str) -> str:
    esc = root.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return esc + "/%"


__all__ = ["Index", "Summary", "open_index", "mentions_for", "content_hash", "MIGRATIONS", "NEAREST",
           "SCHEMA_VERSION"]
