"""JSON → Python values whose strings know where each of their characters stands in the file.

The standard library's pure-Python scanner (``json.scanner.py_make_scanner``) does the
parsing; its string hook is replaced by one that returns a ``JsonString``: the decoded value
plus the span of its raw text, so ``JsonString.offsets()`` maps every character back — an
escape (``\\n``, ``\\"``, ``\\u00e9``, a surrogate pair) is one character mapped to its
backslash.  Object keys stay plain strings; objects are ``JsonObject`` dicts that know where
they start.
"""
from __future__ import annotations

import json
import json.scanner
import re
from json.decoder import scanstring
from typing import Any

from factcheck.documents.offsets import OffsetMap, line_column
from factcheck.errors import InputError

_WS = re.compile(r"[ \t\n\r]*")
_ESCAPE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\.")


class JsonString(str):
    """A string value of a JSON text that knows its raw span (``start`` after the opening quote,
    ``stop`` at the closing quote) in ``source``."""

    source: str = ""
    start: int = 0
    stop: int = 0

    def offsets(self) -> OffsetMap:
        """The map of this string's characters to offsets in the JSON text."""
        raw = self.source[self.start:self.stop]
        if "\\" not in raw:
            return OffsetMap.verbatim(self.start, len(self))
        breaks: list[tuple[int, int]] = []
        at = 0  # characters of the value so far
        pos = 0  # characters of the raw text so far
        for m in _ESCAPE.finditer(raw):
            if m.start() > pos:
                breaks.append((at, self.start + pos))
                at += m.start() - pos
            breaks.append((at, self.start + m.start()))
            at += 1
            pos = m.end()
        if pos < len(raw):
            breaks.append((at, self.start + pos))
        return OffsetMap(tuple(breaks) or ((0, self.start),), len(self))


class JsonObject(dict):
    """An object of a JSON text that knows where it starts (``start``, at its ``{``)."""

    start: int = 0


def _object(source_and_end: tuple[str, int], *args) -> tuple[JsonObject, int]:
    value, end = json.decoder.JSONObject(source_and_end, *args)
    out = JsonObject(value)
    out.start = source_and_end[1] - 1
    return out, end


def _string(source: str, end: int, strict: bool = True) -> tuple[JsonString, int]:
    value, stop = scanstring(source, end, strict)
    out = JsonString(value)
    out.source, out.start, out.stop = source, end, stop - 1
    return out, stop


def parse_json(source: str, path: str) -> Any:
    """The value of a JSON text (already decoded), its strings ``JsonString``; a malformed text
    raises ``InputError`` at the line and column where it stops being JSON."""
    decoder = json.JSONDecoder()
    decoder.parse_string = _string
    decoder.parse_object = _object
    scan = json.scanner.py_make_scanner(decoder)
    start = _WS.match(source).end()
    try:
        value, end = scan(source, start)
    except StopIteration as e:
        line, column = line_column(source, e.value)
        raise InputError("not valid JSON: expected a value", path=path, line=line, column=column) from None
    except json.JSONDecodeError as e:
        raise InputError(f"not valid JSON: {e.msg}", path=path, line=e.lineno, column=e.colno) from None
    except RecursionError:
        raise InputError("not readable JSON: nested too deeply", path=path) from None
    end = _WS.match(source, end).end()
    if end != len(source):
        line, column = line_column(source, end)
        raise InputError("not valid JSON: extra data after the value", path=path, line=line, column=column)
    return value


def first(record: dict, *names: str) -> Any:
    """The first of ``names`` the record holds a non-empty value for (None when none)."""
    for name in names:
        value = record.get(name)
        if value not in (None, "", [], {}):
            return value
    return None


__all__ = ["JsonObject", "JsonString", "first", "parse_json"]
