"""What changed since the last run: the documents ``Index.update`` must (re)index.

Files are compared with the index by the hash of their bytes; JSON Lines archives record by
record, walking the file beside the stored hashes (a merge read a page at a time), so memory
stays flat however many records a file holds.  Stored records a file no longer has are
reported as stale, to be dropped.
"""
from __future__ import annotations

import hashlib
import sqlite3
from typing import Iterator, Sequence

from factcheck.errors import FactcheckError, InputError

#: Stored hashes read per query while a JSON Lines file is compared with the index.
HASH_PAGE = 10_000


def content_hash(data: bytes) -> str:
    """The hash a file's raw bytes (or a JSON Lines record's line) is stored under."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def changed_documents(db: sqlite3.Connection, files: Sequence[str], jsonl, failed, counts: dict) -> Iterator:
    """The documents whose bytes changed, each with its (path, record, hash); streamed."""
    from factcheck.documents import read_jsonl, read_file
    for path in files:
        counts["seen"].add(path)
        stale: list[int] = []
        try:
            if path.lower().endswith((".jsonl", ".ndjson")):
                with open(path, "rb") as fh:
                    if b"\0" in fh.read(8192):
                        raise InputError("binary file, not text", path=path)
                    fh.seek(0)
                    hashes: dict[int, str] = {}
                    lines = jsonl_changes(fh, stored_hashes(db, path), hashes, stale, counts)
                    for doc in read_jsonl(lines, path, jsonl, failed):
                        record = int(doc.meta.get("record", 0))
                        for failed_line in [n for n in hashes if n < record]:
                            del hashes[failed_line]  # a line that did not parse keeps its old row
                        yield doc, record, hashes.pop(record, "")
            else:  # a whole file: one document (record 0), or one per item (a WordPress export …)
                known = dict(db.execute("SELECT record, hash FROM documents WHERE path=?", (path_id(db, path),)))
                with open(path, "rb") as fh:
                    h = content_hash(fh.read())
                if known and set(known.values()) == {h}:
                    counts["unchanged"] += len(known)
                else:
                    read: set[int] = set()
                    for doc in read_file(path, jsonl=jsonl, on_error=failed):
                        record = int(doc.meta.get("record", 0))
                        read.add(record)
                        yield doc, record, h
                    stale = sorted(r for r in known if r not in read)
        except OSError as e:
            failed(InputError(f"cannot read: {e.strerror or e}", path=path))
            continue
        except FactcheckError as err:
            failed(err)
            continue
        counts["stale"].extend((path, r) for r in stale)


def stored_hashes(db: sqlite3.Connection, path: str) -> Iterator[tuple[int, str]]:
    """The stored (record, hash) pairs of ``path`` in record order, read ``HASH_PAGE`` at a
    time so that memory stays flat however many records a JSON Lines file holds."""
    last, page, pid = -1, HASH_PAGE, path_id(db, path)
    while True:
        rows = db.execute("SELECT record, hash FROM documents WHERE path=? AND record>? ORDER BY record "
                          "LIMIT ?", (pid, last, page)).fetchall()
        yield from rows
        if len(rows) < page:
            return
        last = rows[-1][0]


def path_id(db: sqlite3.Connection, path: str) -> int:
    """The id the index gives ``path`` (-1, which no document has, for a path never indexed)."""
    row = db.execute("SELECT id FROM paths WHERE path=?", (path,)).fetchone()
    return row[0] if row else -1


def jsonl_changes(fh, known: Iterator[tuple[int, str]], hashes: dict, stale: list, counts: dict) -> Iterator[bytes]:
    """The file's lines, unchanged records blanked (numbering kept).

    ``known`` gives the stored (record, hash) pairs in record order and is walked beside the
    file (a merge, so nothing is held per record): the hashes of changed lines go to
    ``hashes``, stored records the file no longer has (blank or past its end) to ``stale``.
    """
    stored = next(known, None)
    for number, raw in enumerate(fh, 1):
        while stored is not None and stored[0] < number:
            stale.append(stored[0])
            stored = next(known, None)
        old = None
        if stored is not None and stored[0] == number:
            old, stored = stored[1], next(known, None)
        body = raw.rstrip(b"\r\n")
        if not body.strip():
            if old is not None:
                stale.append(number)
            yield b""
            continue
        h = content_hash(body)
        if old == h:
            counts["unchanged"] += 1
            yield b""
        else:
            hashes[number] = h
            yield raw
    while stored is not None:
        stale.append(stored[0])
        stored = next(known, None)
