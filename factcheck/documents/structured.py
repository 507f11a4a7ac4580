"""News formats in JSON and XML → Documents: parse once, tell the format from the content, read.

``.json`` files are IPTC ninjs or Arc XP ANS, ``.xml`` files NITF, IPTC NewsML-G2 or WordPress
exports (WXR); ``formats`` tells which from the parsed file.  A file that is none of them
raises ``InputError`` naming what was looked for; malformed JSON or XML raises it at the line
and column where the file stops being well-formed.
"""
from __future__ import annotations

from typing import Callable

from factcheck.documents.formats import json_format, xml_format
from factcheck.errors import FactcheckError, InputError
from factcheck.models import Document

JSON_HINT = "ninjs has body_text, body_html or bodies; ANS has content_elements"
XML_HINT = "the root element must be nitf, newsMessage, newsItem or a WordPress export's rss"


def read_structured(text: str, name: str, fmt: str, on_error: Callable[[FactcheckError], None], *,
                    drafts: bool = False) -> list[Document]:
    """The Documents of a JSON or XML news file (``fmt``: ``json``/``xml`` to tell by content,
    or the format itself)."""
    if fmt in ("json", "ninjs", "ans"):
        from factcheck.documents.json_source import parse_json
        value = parse_json(text, name)
        kind = json_format(value) if fmt == "json" else fmt
        if kind is None:
            raise InputError("not a news format factcheck reads (a JSON file neither ninjs nor ANS)",
                             path=name, hint=JSON_HINT)
        if kind == "ans":
            from factcheck.documents.ans import read_ans
            return read_ans(value, text, name, on_error)
        from factcheck.documents.ninjs import read_ninjs
        return read_ninjs(value, text, name, on_error)
    from factcheck.documents.xml_source import parse_xml
    root = parse_xml(text, name)
    kind = xml_format(root) if fmt == "xml" else fmt
    if kind is None:
        raise InputError(f"not a news format factcheck reads (an XML file whose root is <{root.tag}>)",
                         path=name, line=text.count("\n", 0, root.start) + 1, hint=XML_HINT)
    if kind == "nitf":
        from factcheck.documents.nitf import read_nitf
        return read_nitf(root, text, name, on_error)
    if kind == "newsml-g2":
        from factcheck.documents.newsml_g2 import read_newsml_g2
        return read_newsml_g2(root, text, name, on_error)
    from factcheck.documents.wxr import read_wxr
    return read_wxr(root, text, name, on_error, drafts=drafts)


__all__ = ["read_structured"]
