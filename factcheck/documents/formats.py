"""Which news format a ``.json`` or ``.xml`` file is, from its content.

Several formats share these extensions, so the content decides: for JSON the keys of the
(first) object — an Arc XP ANS story has ``content_elements`` or ``"type": "story"``, an IPTC
ninjs item has ``body_text``/``body_html``/``bodies``/``headlines`` or a ``versioncreated``
(``versionCreated`` in 3.x); for XML the root element — ``nitf``, a NewsML-G2 ``newsMessage``
or ``newsItem``, or an RSS ``rss`` that declares WordPress's export namespace.  A folder walk
decides from the first 256 KB (``sniff``); a reader decides again from the parsed file
(``json_format``, ``xml_format``), by the same keys and names.
"""
from __future__ import annotations

import re
from typing import Any

from factcheck.documents.encodings import peek
from factcheck.errors import FactcheckError

HEAD = 256 * 1024
JSON_FORMATS = ("ans", "ninjs")
XML_FORMATS = ("nitf", "newsml-g2", "wxr")
NINJS_KEYS = ("body_html", "body_text", "body_xhtml", "bodies", "headlines", "versioncreated", "versionCreated",
              "firstcreated", "firstCreated")
WXR_NAMESPACE = "http://wordpress.org/export/"
_ANS = re.compile(r'"content_elements"\s*:|"type"\s*:\s*"story"')
_NINJS = re.compile(r'"(?:' + "|".join(map(re.escape, NINJS_KEYS)) + r')"\s*:')
_PROLOG = re.compile(r"\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>\s*)*", re.S)
_ROOT = re.compile(r"<(?:[\w.-]+:)?([\w.-]+)")


def sniff(path: str, kind: str) -> str | None:
    """The format of the ``.json`` (``kind`` "json") or ``.xml`` ("xml") file at ``path`` from its
    first 256 KB; None when it is none factcheck reads (or cannot be read: the reader says why)."""
    try:
        with open(path, "rb") as fh:
            head = peek(fh.read(HEAD), path, kind)
    except (OSError, FactcheckError):
        return kind  # let the reader report it
    return sniff_text(head, kind)


def sniff_text(head: str, kind: str) -> str | None:
    """The format of a ``.json`` or ``.xml`` text from its beginning (``sniff`` on text in memory:
    an editor's buffer); None when it is none factcheck reads."""
    if kind == "json":
        if _ANS.search(head):
            return "ans"
        return "ninjs" if _NINJS.search(head) else None
    m = _ROOT.match(head, _PROLOG.match(head).end())
    name = m[1] if m else ""
    if name == "nitf":
        return "nitf"
    if name in ("newsMessage", "newsItem"):
        return "newsml-g2"
    if name == "rss" and WXR_NAMESPACE in head:
        return "wxr"
    return None


def json_format(value: Any) -> str | None:
    """``ans``, ``ninjs`` or None for a parsed JSON file (an object, or a list of objects)."""
    item = value[0] if isinstance(value, list) and value else value
    if not isinstance(item, dict):
        return None
    if "content_elements" in item or item.get("type") == "story":
        return "ans"
    return "ninjs" if any(k in item for k in NINJS_KEYS) else None


def xml_format(root) -> str | None:
    """``nitf``, ``newsml-g2``, ``wxr`` or None for a parsed XML file's root element."""
    if root.tag == "nitf":
        return "nitf"
    if root.tag in ("newsMessage", "newsItem"):
        return "newsml-g2"
    if root.tag == "rss" and any(e.ns.startswith(WXR_NAMESPACE) for e in root.iter()):
        return "wxr"
    return None


__all__ = ["HEAD", "JSON_FORMATS", "NINJS_KEYS", "WXR_NAMESPACE", "XML_FORMATS", "json_format", "sniff", "sniff_text",
           "xml_format"]
