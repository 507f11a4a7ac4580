"""Which files to read: paths given, folders walked in sorted order, include and exclude globs.

A walk reads a ``.json`` or ``.xml`` file only when its content is a news format factcheck
reads (``formats.sniff``); the others (configuration, data, sitemaps) are skipped with a note.
So is anything that is not a regular file (a FIFO would block the run forever, a device never
end); a folder that cannot be listed is an input error, never skipped in silence.
"""
from __future__ import annotations

import fnmatch
import os
import stat
from typing import Callable, Iterator, Sequence

from factcheck.documents.formats import sniff
from factcheck.errors import FactcheckError, InputError

#: The reader of each extension a walk reads; ``json`` and ``xml`` are decided by content.
EXTENSIONS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
              ".jsonl": "jsonl", ".json": "json", ".xml": "xml", ".docx": "docx", ".parquet": "parquet"}
SKIPPED = {"json": "a JSON file that is neither ninjs nor ANS", "xml": "an XML file that is not NITF, NewsML-G2 "
           "or a WordPress export"}
SKIP_DIRS = {"node_modules", "__pycache__"}


def _matches(rel: str, patterns: Sequence[str] | None) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns or ())


def special_kind(mode: int) -> str | None:
    """What a file that is neither a regular file nor a directory is, in words; None for those two."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _given(path: str) -> bool:
    """Whether a path named on the command line is a file to read (False: a directory to walk)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as e:
        if os.path.islink(path):
            raise InputError(f"broken symbolic link ({e.strerror or e})", path=path) from None
        raise InputError("no such file or directory" if isinstance(e, FileNotFoundError)
                         else f"cannot read: {e.strerror or e}", path=path) from None
    kind = special_kind(mode)
    if kind:
        raise InputError(f"{kind}, not a regular file", path=path,
                         hint="to read from a pipe, pass '-' and redirect it to standard input")
    return not stat.S_ISDIR(mode)


def _regular(full: str, on_skip: Callable[[str, str], None] | None) -> bool:
    """Whether a walked file may be read: a special file is skipped with a note (a file that
    cannot be examined is kept, so its reader reports why)."""
    try:
        kind = special_kind(os.stat(full).st_mode)
    except OSError:
        return True
    if kind and on_skip:
        on_skip(full, f"skipped: {kind}, not a regular file")
    return kind is None


def iter_paths(paths: Sequence[str], *, include: Sequence[str] | None = None,
               exclude: Sequence[str] | None = None,
               on_skip: Callable[[str, str], None] | None = None,
               on_error: Callable[[FactcheckError], None] | None = None) -> Iterator[str]:
    """The files to read: directories walked recursively in sorted order, files and ``-`` as given.

    A walk keeps regular files with a known extension, skips hidden files and directories and
    ``node_modules``; ``include``/``exclude`` are glob patterns matched against the path
    relative to the walked directory or the file name (files named explicitly always pass).
    A walked ``.json``/``.xml`` file in none of the news formats, or a walked FIFO, socket or
    device, is skipped and passed to ``on_skip(path, why)``.  A path that does not exist or
    is no regular file or directory raises ``InputError``; so does a folder of the walk that
    cannot be listed, unless ``on_error`` takes it (and the walk goes on).
    """
    def unlisted(e: OSError) -> None:
        err = InputError(f"cannot read folder: {e.strerror or e}", path=e.filename or path)
        if on_error is None:
            raise err
        on_error(err)

    for path in paths:
        if path == "-" or _given(path):
            yield path
            continue
        found = []
        for root, dirs, files in os.walk(path, onerror=unlisted):
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
            full = os.path.join(path, *rel.split("/"))
            kind = EXTENSIONS[os.path.splitext(rel)[1].lower()]
            if not _regular(full, on_skip):
                continue
            if kind in SKIPPED and sniff(full, kind) is None:
                if on_skip:
                    on_skip(full, f"skipped: {SKIPPED[kind]}")
                continue
            yield full


__all__ = ["EXTENSIONS", "SKIPPED", "SKIP_DIRS", "iter_paths", "special_kind"]
