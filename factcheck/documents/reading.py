"""Articles on disk → Documents: the reader for each format, chosen by extension or content.

Every reader keeps positions exact: ``Document.locate(offset)`` gives the (line, column)
where a character of ``Document.text`` stands in the original file (for a JSON Lines record:
the record's line and the offset in its text field + 1).

Errors: a file that cannot be read raises ``InputError``.  A problem that does not stop the
reading of a file (a broken JSON Lines record, a broken Markdown front matter) is passed as an
``InputError`` to ``on_error`` and reading goes on; without ``on_error`` it is raised.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Iterator, Sequence

from factcheck.documents.dates import parse_date
from factcheck.documents.encodings import decode
from factcheck.documents.jsonl import JsonlFields, OnError, read_jsonl
from factcheck.documents.paths import EXTENSIONS, iter_paths
from factcheck.errors import FactcheckError, InputError
from factcheck.models import Document, SourceMap

FORMATS = ("text", "markdown", "html", "jsonl")


def _raise(err: FactcheckError) -> None:
    raise err


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
                        text = decode(stream.read(), stdin_name) if stream else sys.stdin.read()
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
                yield from read_jsonl(fh, name, jsonl, on_error or _raise)
            return
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path=name) from None
    yield from read_text(decode(data, name, fmt if fmt in ("html", "xml") else None), name, fmt=fmt,
                         jsonl=jsonl, on_error=on_error)


def read_text(text: str, name: str = "<stdin>", *, fmt: str | None = None,
              jsonl: JsonlFields = JsonlFields(), on_error: OnError | None = None) -> list[Document]:
    """The documents of a text already in memory; ``fmt`` (or the extension of ``name``) picks the reader."""
    on_error = on_error or _raise
    text = text[1:] if text.startswith("\ufeff") else text
    fmt = _format(name, fmt, text)
    if fmt == "jsonl":
        lines = (line.encode("utf-8", "surrogatepass") for line in text.split("\n"))
        return list(read_jsonl(lines, name, jsonl, on_error))
    if fmt == "markdown":
        from factcheck.documents.markdown import read_markdown
        return [read_markdown(text, name, on_error)]
    if fmt == "html":
        from factcheck.documents.html import read_html
        return [read_html(text, name)]
    return [Document(path=name, text=text.replace("\r", " "), source=text,
                     source_map=SourceMap.for_text(text))]


__all__ = ["JsonlFields", "iter_paths", "iter_documents", "read_file", "read_text", "parse_date",
           "EXTENSIONS", "FORMATS"]
