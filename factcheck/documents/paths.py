"""Which files to read: paths given, folders walked in sorted order, include and exclude globs.

A walk reads a ``.json`` or ``.xml`` file only when its content is a news format factcheck
reads (``formats.sniff``); the others (configuration, data, sitemaps) are skipped with a note.
"""
from __future__ import annotations

import fnmatch
import os
from typing import Callable, Iterator, Sequence

from factcheck.documents.formats import sniff
from factcheck.errors import InputError

#: The reader of each extension a walk reads; ``json`` and ``xml`` are decided by content.
EXTENSIONS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
              ".jsonl": "jsonl", ".json": "json", ".xml": "xml", ".docx": "docx", ".parquet": "parquet"}
SKIPPED = {"json": "a JSON file that is neither ninjs nor ANS", "xml": "an XML file that is not NITF, NewsML-G2 "
           "or a WordPress export"}
SKIP_DIRS = {"node_modules", "__pycache__"}


def _matches(rel: str, patterns: Sequence[str] | None) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns or ())


def iter_paths(paths: Sequence[str], *, include: Sequence[str] | None = None,
               exclude: Sequence[str] | None = None,
               on_skip: Callable[[str, str], None] | None = None) -> Iterator[str]:
    """The files to read: directories walked recursively in sorted order, files and ``-`` as given.

    A walk keeps files with a known extension, skips hidden files and directories and
    ``node_modules``; ``include``/``exclude`` are glob patterns matched against the path
    relative to the walked directory or the file name (files named explicitly always pass).
    A walked ``.json``/``.xml`` file in none of the news formats is skipped and passed to
    ``on_skip(path, why)``.  A path that does not exist raises ``InputError``.
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
            full = os.path.join(path, *rel.split("/"))
            kind = EXTENSIONS[os.path.splitext(rel)[1].lower()]
            if kind in SKIPPED and sniff(full, kind) is None:
                if on_skip:
                    on_skip(full, f"skipped: {SKIPPED[kind]}")
                continue
            yield full


__all__ = ["EXTENSIONS", "SKIPPED", "SKIP_DIRS", "iter_paths"]
