"""The indexing pool: documents checked into index rows, at once or on worker processes.

``Runner.submit(batch)`` starts a batch (one ahead of the writer) and returns a callable
that waits for its rows; ``rows(doc)`` is the work one worker does for a document.
"""
from __future__ import annotations

import json
import sys
from typing import Callable, Iterable, Iterator


_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def batches(items: Iterable, size: int) -> Iterator[list]:
    """``items`` in lists of ``size`` (the last one shorter), streamed."""
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class Runner:
    """``rows`` over batches: at once (one job) or on a pool of ``options.jobs`` processes."""

    def __init__(self, rules, options):
        import functools
        self.work = functools.partial(rows, rules=rules, options=options)
        self.pool = None
        if options.jobs > 1:
            import multiprocessing as mp
            self.pool = mp.get_context("spawn" if sys.platform == "darwin" else "fork").Pool(options.jobs)

    def submit(self, chunk: list) -> Callable[[], list]:
        """Start a batch of (document, record, hash); the callable returned waits for its rows."""
        docs = [d for d, _, _ in chunk]
        if self.pool is None:
            return lambda: [self.work(d) for d in docs]
        job = self.pool.map_async(self.work, docs, chunksize=16)
        return job.get

    def close(self, ok: bool) -> None:
        """Stop the workers: let them finish when ``ok``, else terminate them."""
        if self.pool is not None:
            (self.pool.close if ok else self.pool.terminate)()
            self.pool.join()


def rows(doc, rules, options) -> tuple:
    """One document's rows, built in the worker: (path, id, date, title), claims, mentions."""
    from factcheck.check.engine import check_document
    from factcheck.cross.mentions import candidate_terms
    res = check_document(doc, rules, options)
    d = res.document
    rid = d.meta.get("id") if d.meta else None
    head = (d.path, None if rid is None else str(rid), d.date.isoformat() if d.date else None, d.title)
    claims = [(loc.line, loc.column, loc.claim.text, loc.claim.value, loc.claim.low, loc.claim.high,
               loc.claim.unit, loc.claim.qualifier, loc.claim.kind, loc.fact) for loc in res.claims]
    mentions = []
    for m in res.mentions:
        terms = candidate_terms(m)
        if terms:
            mentions.append((_ENCODE(m.as_row()), terms,
                             m.located.date.toordinal() if m.located.date else None, m.value))
    return head, claims, mentions


def progress_bar(enabled: bool):
    """A tqdm bar on a terminal's stderr (articles/s, count); a silent stand-in otherwise."""
    if enabled and sys.stderr.isatty():
        from tqdm import tqdm
        return tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True)

    class _Null:
        def update(self, n: int) -> None:
            pass

        def close(self) -> None:
            pass
    return _Null()


__all__ = ["Runner", "batches", "progress_bar", "rows"]
