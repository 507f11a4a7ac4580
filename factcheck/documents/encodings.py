"""A file's bytes → text: byte-order marks, a charset the file declares, else UTF-8.

The order is the one browsers and XML parsers follow: a byte-order mark wins (UTF-8, UTF-16
little or big endian, UTF-32); then what the file says of itself — an XML declaration
(``<?xml version="1.0" encoding="ISO-8859-1"?>``, or the UTF-16 pattern of ``<?xml`` without a
mark) or, in HTML, a ``<meta charset>`` or ``<meta http-equiv="Content-Type">`` in the first
1,024 bytes; else UTF-8.  Positions are counted in characters of the decoded text, so a
column is the same whatever the bytes were.
"""
from __future__ import annotations

import codecs
import re

from factcheck.errors import InputError

BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
#: Labels that name Windows-1252 on the web (the WHATWG Encoding Standard): a page that says
#: ISO-8859-1 or ASCII is read as Windows-1252, which agrees with both on every letter.
WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "windows-1252",
                "cp1252", "x-cp1252", "cp819", "ibm819", "iso_8859-1", "iso-ir-100"}
_XML_DECL = re.compile(rb"<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z][\w.:-]{0,40})[\"']")
_META = re.compile(rb"<meta\b[^>]{0,500}?charset\s*=\s*[\"']?\s*([A-Za-z][\w.:-]{0,40})", re.I)
_HTML = re.compile(rb"\s*<(?:!doctype\s+html|html|head|body)\b", re.I)


def declared(data: bytes, markup: str | None = None) -> tuple[str | None, int]:
    """The encoding a file declares (None: none) and the offset of the declaration.

    ``markup`` is ``"xml"``, ``"html"`` or None (decided from the first bytes).
    """
    if data.startswith(b"<\0?\0x\0"):
        return "utf-16-le", 0
    if data.startswith(b"\0<\0?\0x"):
        return "utf-16-be", 0
    m = _XML_DECL.match(data)
    if m and markup != "html":
        return m[1].decode("ascii").lower(), m.start(1)
    if markup == "html" or (markup is None and _HTML.match(data)):
        m = _META.search(data, 0, 1024)
        if m:
            return m[1].decode("ascii").lower(), m.start(1)
    return None, 0


def _where(data: bytes, at: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, at) + 1
    return data.count(b"\n", 0, at) + 1, at - line_start + 1


def _codec(data: bytes, path: str, markup: str | None) -> tuple[str, int, str | None]:
    """(codec, length of the byte-order mark, the label the file declared when it chose the codec)."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec, len(bom), None
    if b"\0" in data[:8192] and not data.startswith((b"<\0?\0", b"\0<\0?")):
        raise InputError("binary file, not text", path=path)
    name, at = declared(data, markup)
    if name is None or name.replace("_", "-") in ("utf-8", "utf8"):
        return "utf-8", 0, None
    if name.startswith(("utf-16", "utf-32")) and not data.startswith((b"<\0", b"\0<")):
        return "utf-8", 0, None  # a mark-less file written in ASCII cannot be UTF-16
    if name in WINDOWS_1252:
        return "cp1252", 0, name
    try:
        return codecs.lookup(name).name, 0, name
    except LookupError:
        line, column = _where(data, at)
        raise InputError(f"unknown charset {name!r} declared", path=path, line=line, column=column,
                         hint="convert the file to UTF-8, e.g. with iconv") from None


def decode(data: bytes, path: str, markup: str | None = None) -> str:
    """A file's bytes as text, by its byte-order mark, its declared charset, else UTF-8 (the mark
    dropped).  Binary data, an unknown charset or bytes the encoding cannot read raise ``InputError``."""
    codec, skip, label = _codec(data, path, markup)
    if codec == "cp1252":
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:  # the five bytes Windows-1252 leaves undefined
            return data.decode("latin-1")
    return _decode(data[skip:], codec, path, label)


def peek(data: bytes, path: str, markup: str | None = None) -> str:
    """The first bytes of a file as text, for a guess at its format (undecodable bytes replaced)."""
    codec, skip, _ = _codec(data, path, markup)
    return data[skip:].decode(codec, "replace")


def _decode(data: bytes, codec: str, path: str, declared_as: str | None) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        what = f"not {declared_as} text as declared" if declared_as else f"not {codec.upper()} text"
        if codec.startswith("utf-8"):
            line, column = _where(data, e.start)
            raise InputError(f"{what} (invalid byte 0x{data[e.start]:02x} at line {line})",
                             path=path, line=line, column=column,
                             hint="convert it, e.g. iconv -f latin1 -t utf-8") from None
        raise InputError(f"{what} (invalid bytes at byte {e.start})", path=path,
                         hint="convert it to UTF-8, e.g. with iconv") from None


__all__ = ["BOMS", "WINDOWS_1252", "declared", "decode", "peek"]
