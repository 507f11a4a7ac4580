"""Articles on disk → Documents: the reader for each format, chosen by extension or content.

Every reader keeps positions exact: ``Document.locate(offset)`` gives the (line, column)
where a character of ``Document.text`` stands in the original file (for a JSON Lines record:
the record's line and the offset in its text field + 1; for a ``.docx``: the paragraph and
the character in it).  ``.json`` and ``.xml`` files are read as the news format their content
is (``formats``): ninjs or ANS, NITF, NewsML-G2 or a WordPress export.

Errors: a file that cannot be read raises ``InputError``.  A problem that does not stop the
reading of a file (a broken JSON Lines record, a broken Markdown front matter, an item of an
export without text) is passed as an ``InputError`` to ``on_error`` and reading goes on;
without ``on_error`` it is raised.
"""
from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Callable, Iterator, Sequence

from factcheck.documents.dates import parse_date
from factcheck.documents.encodings import decode
from factcheck.documents.jsonl import JsonlFields, OnError, read_jsonl
from factcheck.documents.paths import EXTENSIONS, iter_paths
from factcheck.errors import FactcheckError, InputError
from factcheck.models import Document, SourceMap

#: Every reader: by extension (``paths.EXTENSIONS``), ``json``/``xml`` by content, or named.
FORMATS = ("text", "markdown", "html", "jsonl", "json", "xml", "ninjs", "ans", "nitf", "newsml-g2", "wxr", "docx",
           "parquet")
MARKUP = {"html": "html", "xml": "xml", "nitf": "xml", "newsml-g2": "xml", "wxr": "xml"}


def _raise(err: FactcheckError) -> None:
    raise err


def iter_documents(paths: Sequence[str], *, on_error: OnError, jsonl: JsonlFields = JsonlFields(),
                   include: Sequence[str] | None = None, exclude: Sequence[str] | None = None,
                   stdin_name: str = "<stdin>", drafts: bool = False,
                   on_skip: Callable[[str, str], None] | None = None) -> Iterator[Document]:
    """Every document of every path (``-`` reads stdin as ``stdin_name``), streamed.

    A missing path, an unreadable file or folder or a bad record calls ``on_error`` and the run
    goes on; a walked ``.json``/``.xml`` file in none of the news formats, or a walked file that
    is no regular file (a FIFO), is passed to ``on_skip``.
    ``drafts``: also the unpublished posts of WordPress exports.
    """
    for given in paths:
        try:
            for path in iter_paths([given], include=include, exclude=exclude, on_skip=on_skip, on_error=on_error):
                try:
                    if path == "-":
                        stream = getattr(sys.stdin, "buffer", None)
                        text = decode(stream.read(), stdin_name) if stream else sys.stdin.read()
                        yield from read_text(text, stdin_name, jsonl=jsonl, on_error=on_error, drafts=drafts)
                    else:
                        yield from read_file(path, jsonl=jsonl, on_error=on_error, drafts=drafts)
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
    if text.lstrip()[:5] == "<?xml":
        return "xml"
    return "text"


def read_file(path: str | Path, *, jsonl: JsonlFields = JsonlFields(),
              on_error: OnError | None = None, drafts: bool = False) -> Iterator[Document]:
    """The documents of one file: one for text, Markdown, HTML, Word and most news formats, one per
    JSON Lines record, ninjs or ANS list item, NewsML-G2 item or WordPress post.

    The format follows the extension (unknown ones are read as plain text; ``.json`` and
    ``.xml`` by content).  JSON Lines files are streamed line by line.  A file that cannot be
    read raises ``InputError``; problems within a file go to ``on_error`` (raised when it is
    ``None``).  ``drafts``: also the unpublished posts of WordPress exports.
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
        if fmt == "parquet":
            from factcheck.documents.parquet import read_parquet
            yield from read_parquet(name, jsonl, on_error or _raise)
            return
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}", path=name) from None
    if fmt == "docx":
        from factcheck.documents.word import read_docx
        yield read_docx(data, name)
        return
    yield from read_text(decode(data, name, MARKUP.get(fmt)), name, fmt=fmt, jsonl=jsonl, on_error=on_error,
                         drafts=drafts)


def read_text(text: str, name: str = "<stdin>", *, fmt: str | None = None, jsonl: JsonlFields = JsonlFields(),
              on_error: OnError | None = None, drafts: bool = False) -> list[Document]:
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
    if fmt in ("json", "ninjs", "ans", "xml", "nitf", "newsml-g2", "wxr"):
        from factcheck.documents.structured import read_structured
        return read_structured(text, name, fmt, on_error, drafts=drafts)
    if fmt in ("docx", "parquet"):
        raise InputError(f"a {'Word document' if fmt == 'docx' else 'Parquet file'} is read from its file, not from text",
                         path=name)
    return [Document(path=name, text=text.replace("\r", " "), source=text,
                     source_map=SourceMap.for_text(text))]


__all__ = ["JsonlFields", "iter_paths", "iter_documents", "read_file", "read_text", "parse_date",
           "EXTENSIONS", "FORMATS"]
