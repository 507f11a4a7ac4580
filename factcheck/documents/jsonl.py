"""JSON Lines archives: one article a record, its text, date, id and title in named fields."""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Sequence

from factcheck.documents.dates import DateError, day_and_period, parse_when
from factcheck.errors import FactcheckError, InputError
from factcheck.models import Document, SourceMap

OnError = Callable[[FactcheckError], None]


@dataclass(frozen=True)
class JsonlFields:
    """Which JSON fields of a record hold its text, date, id and title (the first present wins)."""

    text: tuple[str, ...] = ("text", "body", "content")
    date: tuple[str, ...] = ("date", "published", "published_at")
    id: tuple[str, ...] = ("id", "url")
    title: tuple[str, ...] = ("title", "headline")


def _first(record: dict, names: Sequence[str]) -> Any:
    for key in names:
        if record.get(key) not in (None, ""):
            return record[key]
    return None


def read_jsonl(lines: Iterable[bytes], path: str, fields: JsonlFields, on_error: OnError) -> Iterator[Document]:
    """The documents of JSON Lines ``lines`` (bytes): one per record, its line in the source map.

    A line that is not UTF-8, not a JSON object, or has no text field goes to ``on_error``.
    """
    for number, raw in enumerate(lines, 1):
        doc = line_document(raw, number, path, fields, on_error)
        if doc is not None:
            yield doc


def line_document(raw: bytes, number: int, path: str, fields: JsonlFields, on_error: OnError) -> Document | None:
    """The document of line ``number`` of a JSON Lines file (None for a blank or broken line;
    a broken one goes to ``on_error``)."""
    try:
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8").rstrip("\r\n")
    except UnicodeDecodeError as e:
        on_error(InputError(f"not UTF-8 text (invalid byte 0x{raw[e.start]:02x})",
                            path=path, line=number, column=e.start + 1))
        return None
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        on_error(InputError(f"not a JSON object: {e.msg}", path=path, line=number, column=e.colno))
        return None
    if not isinstance(record, dict):
        on_error(InputError("not a JSON object", path=path, line=number))
        return None
    return record_document(record, path, number, fields, on_error)


def record_document(record: dict, path: str, number: int, fields: JsonlFields, on_error: OnError) -> Document | None:
    """The document of one record (a JSON Lines line, a Parquet row) numbered ``number`` in the
    file at ``path``; a record without a text field goes to ``on_error`` (None)."""
    key = next((k for k in fields.text if isinstance(record.get(k), str)), None)
    if key is None:
        on_error(InputError(f"record has no text field (tried {', '.join(fields.text)})", path=path, line=number))
        return None
    text = record[key]
    meta = {k: v for k, v in record.items() if k != key}
    meta["record"] = number
    rid = _first(record, fields.id)
    if rid is not None:
        meta["id"] = rid
    title = _first(record, fields.title)
    try:
        when = parse_when(_first(record, fields.date))
    except DateError as e:
        on_error(InputError(f"{e}; the record is read as undated", path=path, line=number))
        when = None
    return Document(path=path, text=text, title=str(title) if title is not None else None, meta=meta,
                    source_map=SourceMap([(0, number, 1)]), **day_and_period(when))


__all__ = ["JsonlFields", "OnError", "line_document", "read_jsonl", "record_document"]
