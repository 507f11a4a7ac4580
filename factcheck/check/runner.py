"""The one process pool: a function over many items, in order, on ``jobs`` worker processes.

Every parallel stage (checking documents, checking files with the cache, indexing an archive)
runs through ``Runner``; with one job it runs in this process, so the output is identical
either way.  Workers fork where that is safe and spawn on macOS.
"""
from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Callable, Generic, Iterable, Iterator, TypeVar

if TYPE_CHECKING:
    import multiprocessing.context
    import multiprocessing.pool

T = TypeVar("T")
R = TypeVar("R")
CHUNK = 16


def pool_context() -> multiprocessing.context.BaseContext:
    """How worker processes start: fork, except on macOS, where forking a threaded process is unsafe."""
    import multiprocessing as mp
    return mp.get_context("spawn" if sys.platform == "darwin" else "fork")


class Runner(Generic[T, R]):
    """``work`` over items, in order: in this process (``jobs`` ≤ 1) or on a pool of ``jobs``.

    Use it as a context manager: leaving normally lets the workers finish, an exception (or
    Ctrl-C) terminates them.
    """

    def __init__(self, work: Callable[[T], R], jobs: int = 1):
        self.work = work
        self.pool: multiprocessing.pool.Pool | None = None
        if jobs > 1:
            import threading
            tied = threading.current_thread() is threading.main_thread()
            self.pool = pool_context().Pool(jobs, initializer=quiet_worker, initargs=(os.getpid(), tied))

    def imap(self, items: Iterable[T], chunksize: int = CHUNK) -> Iterator[R]:
        """``work(item)`` for every item, streamed in the items' order."""
        if self.pool is None:
            return map(self.work, items)
        return self.pool.imap(self.work, items, chunksize=chunksize)

    def submit(self, items: list[T]) -> Callable[[], list[R]]:
        """Start a batch now; the callable returned waits for its results (in order)."""
        if self.pool is None:
            return lambda: [self.work(item) for item in items]
        return self.pool.map_async(self.work, items, chunksize=CHUNK).get

    def close(self, ok: bool = True) -> None:
        """Stop the workers: let them finish when ``ok``, else terminate them."""
        if self.pool is not None:
            (self.pool.close if ok else self.pool.terminate)()
            self.pool.join()
            self.pool = None

    def __enter__(self) -> "Runner[T, R]":
        return self

    def __exit__(self, kind, value, tb) -> None:
        self.close(ok=kind is None)


def quiet_worker(parent: int, tied: bool) -> None:
    """A pool worker's set-up: Ctrl-C is the parent's to handle (it stops the workers), and a
    worker whose parent is gone (``kill -9``) ends without a word.

    Without it, Ctrl-C printed a ``KeyboardInterrupt`` traceback per worker, and workers
    orphaned by a killed parent ran on, then printed ``BrokenPipeError`` tracebacks when they
    sent their results.  On Linux the kernel sends the worker SIGTERM when the parent dies
    (``PR_SET_PDEATHSIG``; only when the pool was made by the main thread, as the signal
    follows the thread); a worker started after its parent died exits at once.
    """
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if tied and sys.platform.startswith("linux"):
        try:
            import ctypes
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(0)


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter), streamed."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def progress_bar(enabled: bool, total: int | None = None, unit: str = " articles"):
    """A tqdm bar on a terminal's stderr (rate, count, and ETA when ``total`` is known); silent otherwise."""
    if enabled and sys.stderr.isatty():
        from tqdm import tqdm
        return tqdm(total=total, unit=unit, file=sys.stderr, dynamic_ncols=True)
    return _Silent()


class _Silent:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


__all__ = ["CHUNK", "Runner", "batches", "pool_context", "progress_bar", "quiet_worker"]
