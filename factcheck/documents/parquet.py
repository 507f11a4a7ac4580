"""Parquet archives: one article a row, its text, date, id and title in named columns, as in JSON Lines.

A row is read as the JSON Lines record it would be (``jsonl.record_document``): the same
field names (``--jsonl-text/--jsonl-date/--jsonl-id``), the row number (from 1) as its record
and its line, so a claim stands at ``path:row:column``.  Dates and times in date or
timestamp columns become ISO strings.  Read with pyarrow, an optional dependency (the
``spark`` extra installs it); a batch of rows at a time.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Iterator

from factcheck.documents.jsonl import JsonlFields, OnError, record_document
from factcheck.errors import InputError
from factcheck.models import Document

BATCH_ROWS = 1024


def plain(value: Any) -> Any:
    """A column value as JSON would give it: dates and times as ISO strings, others as they are."""
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return value


def records(rows: Iterable[dict]) -> Iterator[dict]:
    """Rows (``pyarrow`` ``to_pylist`` dicts) as records, values made ``plain``."""
    for row in rows:
        yield {k: plain(v) for k, v in row.items()}


def read_parquet(path: str, fields: JsonlFields, on_error: OnError) -> Iterator[Document]:
    """The documents of a Parquet file, one per row that has a text column."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("reading Parquet needs pyarrow: pip install 'factcheck[spark]'", path=path) from None
    try:
        table = pq.ParquetFile(path)
        number = 0
        for batch in table.iter_batches(batch_size=BATCH_ROWS):
            for record in records(batch.to_pylist()):
                number += 1
                doc = record_document(record, path, number, fields, on_error)
                if doc is not None:
                    yield doc
    except (OSError, ValueError) as e:
        raise InputError(f"not a readable Parquet file: {e}", path=path) from None


__all__ = ["BATCH_ROWS", "plain", "read_parquet", "records"]
