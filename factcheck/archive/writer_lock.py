"""One writer at a time: ``index`` runs on one store take turns.

SQLite serialises single writes, but an update is many transactions (a batch of documents
each), and two updates interleaving them once left both trying to insert the same document
(``UNIQUE constraint failed``).  ``exclusive_writer`` holds an exclusive lock on a file beside
the store (``archive.sqlite.lock``) for the whole update: a second run says it is waiting and
goes on when the first is done, finding its work already indexed.  Readers (``check
--against``, ``report``, ``serve``) never take it.  The lock is the operating system's
(``flock``), released when the process ends however it ends, so a killed run leaves no stale
lock; where ``fcntl`` is missing (Windows) updates are not serialised.
"""
from __future__ import annotations

import contextlib
import os
from typing import Callable, Iterator

from factcheck.errors import UsageError


@contextlib.contextmanager
def exclusive_writer(db_path: str, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the store's writer lock inside the block; ``on_wait(message)`` is told once when
    another process holds it and this one waits for it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    if db_path == ":memory:" or db_path.startswith("file:"):
        yield
        return
    lock_path = db_path + ".lock"
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise UsageError(f"cannot create the writer lock {lock_path}: {e.strerror or e}", path=db_path) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait:
                on_wait("another factcheck index is writing to this store; waiting for it to finish")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


__all__ = ["exclusive_writer"]
