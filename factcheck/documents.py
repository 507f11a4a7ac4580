"""Articles on disk → Documents: plain text, Markdown, HTML and JSON Lines readers.

Every reader keeps positions exact: ``Document.locate(offset)`` gives the (line, column)
where a character of ``Document.text`` stands in the original file (for a JSON Lines record:
the record's line and the offset in its text field + 1).

Errors: a file that cannot be read raises ``InputError``.  A problem that does not stop the
reading of a file (a broken JSON Lines record, a broken Markdown front matter) is passed as an
``InputError`` to ``on_error`` and reading goes on; without ``on_error`` it is raised.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import fnmatch
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence


from factcheck.errors import FactcheckError, InputError
from factcheck.models import Document, SourceMap

EXTENSIONS = {".txt": "text", ".md": "markdown", ".markdown": "markdown",
              ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
FORMATS = ("text", "markdown", "html", "jsonl")
SKIP_DIRS = {"node_modules", "__pycache__"}
OnError = Callable[[FactcheckError], None]


@dataclass(frozen=True)
class JsonlFields:
    """Which JSON fields of a record hold its text, date, id and title (the first present wins)."""

    text: tuple[str, ...] = ("text", "body", "content")
    date: tuple[str, ...] = ("date", "published", "published_at")
    id: tuple[str, ...] = ("id", "url")
    title: tuple[str, ...] = ("title", "headline")


def _raise(err: FactcheckError) -> None:
    raise err


# ---------------------------------------------------------------- paths

def _matches(rel: str, patterns: Sequence[str] | None) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns or ())


def iter_paths(paths: Sequence[str], *, include: Sequence[str] | None = None,
               exclude: Sequence[str] | None = None) -> Iterator[str]:
    """The files to read: directories walked recursively in sorted order, files and ``-`` as given.

    A walk keeps files with a known extension, skips hidden files and directories and
    ``node_modules``; ``include``/``exclude`` are glob patterns matched against the path
    relative to the walked directory or the file name (files named explicitly always pass).
    A path that does not exist raises ``InputError``.
    """
    for path in paths:
        if path == "-" or os.path.isfile(path):
            yield path
            continue
        if not os.path.isdir(path):
            raise InputError("no such file or directory", path=path)
        found = []
        for root, dirs, files in os.walk(path):
            rel_root = os.path.relpath(root, path).replace(os.sep, "/")
            rel_root = "" if rel_root == "." else rel_root + "/"
            dirs[:] = [d for d in dirs if not (d.startswith(".") or d in SKIP_DIRS
                                               or _matches(rel_root + d, exclude))]
            for name in files:
                rel = rel_root + name
                if (name.startswith(".") or os.path.splitext(name)[1].lower() not in EXTENSIONS
                        or _matches(rel, exclude) or (include and not _matches(rel, include))):
                    continue
                found.append(rel)
        for rel in sorted(found, key=lambda r: r.split("/")):
            yield os.path.join(path, *rel.split("/"))


def iter_documents(paths: Sequence[str], *, on_error: OnError, jsonl: JsonlFields = JsonlFields(),
                   include: Sequence[str] | None = None, exclude: Sequence[str] | None = None,
                   stdin_name: str = "<stdin>") -> Iterator[Document]:
    """Every document of every path (``-`` reads stdin as ``stdin_name``), streamed.

    A missing path, an unreadable file or a bad record calls ``on_error`` and the run goes on.
    """
    for given in paths:
        try:
            for path in iter_paths([given], include=include, exclude=exclude):
                try:
                    if path == "-":
                        stream = getattr(sys.stdin, "buffer", None)
                        text = _decode(stream.read(), stdin_name) if stream else sys.stdin.read()
                        yield from read_text(text, stdin_name, jsonl=jsonl, on_error=on_error)
                    else:
                        yield from read_file(path, jsonl=jsonl, on_error=on_error)
                except FactcheckError as err:
                    on_error(err)
        except FactcheckError as err:
            on_error(err)


# ---------------------------------------------------------------- reading

def _format(name: str, fmt: str | None = None, text: str = "") -> str:
    if fmt is not None:
        if fmt not in FORMATS:
            raise InputError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
        return fmt
    ext = os.path.splitext(name)[1].lower()
    if ext in EXTENSIONS or ext == ".ndjson":
        return EXTENSIONS.get(ext, "jsonl")
    if re.match(r"\s*<(!doctype\s+html|html|head|body)\b", text[:200], re.I):
        return "html"
    return "text"


def _decode(data: bytes, path: str) -> str:
    if b"\0" in data[:8192]:
        raise InputError("binary file, not text", path=path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        column = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise InputError(f"not UTF-8 text (invalid byte 0x{data[e.start]:02x} at line {line})",
                         path=path, line=line, column=column,
                         hint="convert it, e.g. iconv -f latin1 -t utf-8") from None


def read_file(path: str | Path, *, jsonl: JsonlFields = JsonlFields(),
              on_error: OnError | None = None) -> Iterator[Document]:
    """The documents of one file: one for text, Markdown and HTML, one per JSON Lines record.

    The format follows the extension (unknown ones are read as plain text).  JSON Lines files
    are streamed line by line.  A file that cannot be read raises ``InputError``; problems
    within a file go to ``on_error`` (raised when it is ``None``).
    """
    name = str(path)
    fmt = _format(name)
    try:
        if fmt == "jsonl":
            with open(path, "rb") as fh:
                if b"\0" in fh.read(8192):
                    raise InputError("binary file, not text", path=name)
                fh.seek(0)
                yield from _read_jsonl(fh, name, jsonl, on_error or _raise)
            return
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path=name) from None
    yield from read_text(_decode(data, name), name, fmt=fmt, jsonl=jsonl, on_error=on_error)


def read_text(text: str, name: str = "<stdin>", *, fmt: str | None = None,
              jsonl: JsonlFields = JsonlFields(), on_error: OnError | None = None) -> list[Document]:
    """The documents of a text already in memory; ``fmt`` (or the extension of ``name``) picks the reader."""
    on_error = on_error or _raise
    text = text[1:] if text.startswith("\ufeff") else text
    fmt = _format(name, fmt, text)
    if fmt == "jsonl":
        lines = (line.encode("utf-8", "surrogatepass") for line in text.split("\n"))
        return list(_read_jsonl(lines, name, jsonl, on_error))
    if fmt == "markdown":
        from factcheck.readers.markdown import read_markdown
        return [read_markdown(text, name, on_error)]
    if fmt == "html":
        from factcheck.readers.html import read_html
        return [read_html(text, name)]
    return [Document(path=name, text=text.replace("\r", " "), source=text,
                     source_map=SourceMap.for_text(text))]


def _first(record: dict, names: Sequence[str]) -> Any:
    for key in names:
        if record.get(key) not in (None, ""):
            return record[key]
    return None


def _read_jsonl(lines, path: str, fields: JsonlFields, on_error: OnError) -> Iterator[Document]:
    for number, raw in enumerate(lines, 1):
        try:
            line = raw.decode("utf-8-sig" if number == 1 else "utf-8").rstrip("\r\n")
        except UnicodeDecodeError as e:
            on_error(InputError(f"not UTF-8 text (invalid byte 0x{raw[e.start]:02x})",
                                path=path, line=number, column=e.start + 1))
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            on_error(InputError(f"not a JSON object: {e.msg}", path=path, line=number, column=e.colno))
            continue
        if not isinstance(record, dict):
            on_error(InputError("not a JSON object", path=path, line=number))
            continue
        key = next((k for k in fields.text if isinstance(record.get(k), str)), None)
        if key is None:
            on_error(InputError(f"record has no text field (tried {', '.join(fields.text)})",
                                path=path, line=number))
            continue
        text = record[key]
        meta = {k: v for k, v in record.items() if k != key}
        meta["record"] = number
        rid = _first(record, fields.id)
        if rid is not None:
            meta["id"] = rid
        title = _first(record, fields.title)
        yield Document(path=path, text=text, date=parse_date(_first(record, fields.date)),
                       title=str(title) if title is not None else None, meta=meta,
                       source_map=SourceMap([(0, number, 1)]))


# ---------------------------------------------------------------- dates

_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_ISO = re.compile(r"(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:$|[T ]\d)")
_MDY = re.compile(r"(?:[A-Za-z]+,?\s+)?([A-Za-z]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DMY = re.compile(r"(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,})\.?,?\s+(\d{4})\b")


def _month(name: str) -> int | None:
    name = name.lower()
    month = _MONTHS.get(name[:3])
    full = ("january february march april may june july august september october "
            "november december sept").split()
    return month if month and (len(name) == 3 or name in full) else None


def parse_date(value: Any) -> dt.date | None:
    """The calendar date a value states, or ``None`` when it states none.

    Takes dates and datetimes, ISO 8601 (``2025-03-12``, ``2025-03-12T10:00:00Z``, offsets),
    RFC 2822 (``Wed, 12 Mar 2025 10:00:00 GMT``), ``March 12, 2025`` and ``12 March 2025``.
    The date is the one written (no time-zone conversion).
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    s = value.strip()
    try:
        m = _ISO.match(s)
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        m = _MDY.fullmatch(s) or _MDY.match(s)
        if m and _month(m[1]):
            return dt.date(int(m[3]), _month(m[1]), int(m[2]))
        m = _DMY.fullmatch(s) or _DMY.match(s)
        if m and _month(m[2]):
            return dt.date(int(m[3]), _month(m[2]), int(m[1]))
        return email.utils.parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


__all__ = ["JsonlFields", "iter_paths", "iter_documents", "read_file", "read_text", "parse_date",
           "EXTENSIONS", "FORMATS"]
