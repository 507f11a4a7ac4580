"""Word ``.docx`` drafts → Document: the paragraphs' text, placed by paragraph and character.

A ``.docx`` has no lines: a claim's place is its paragraph (counted from the start of the
body, paragraphs in table cells and content controls included, in reading order) and its
character in that paragraph, both from 1, reported as ``line:column``.  Tracked changes read
as accepted (insertions kept, deletions left out); field codes, drawings and text boxes are
not text.  Headers, footers, footnotes and comments are not read.

Fields read (docs/formats.md): title — the core property ``title``, else the first paragraph
styled Title or Heading 1; date — ``modified``, else ``created``; id — ``identifier``;
language — ``language``.  python-docx opens the file; it is imported on first use.
"""
from __future__ import annotations

import io
import zipfile

from factcheck.errors import InputError
from factcheck.models import Document, SourceMap

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SKIP = {W + name for name in ("del", "moveFrom", "pPr", "rPr", "instrText", "delText", "drawing", "pict",
                              "object", "footnoteReference", "endnoteReference", "commentReference")}
SKIP.add("{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent")
CHARS = {W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}
TITLE_STYLES = ("title", "heading1")


def _runs(el, out: list[str]) -> None:
    """The text of a paragraph's runs, tracked deletions and field codes left out."""
    for child in el:
        tag = child.tag
        if tag in SKIP:
            continue
        if tag == W + "t":
            out.append(child.text or "")
        elif tag in CHARS:
            out.append(CHARS[tag])
        else:
            _runs(child, out)


def _paragraphs(el):
    """Every ``w:p`` of a body, table cells and content controls included, in reading order."""
    for child in el:
        if child.tag == W + "p":
            yield child
        elif child.tag in (W + "tbl", W + "tr", W + "tc", W + "sdt", W + "sdtContent", W + "customXml"):
            yield from _paragraphs(child)


def _style(p) -> str:
    style = p.find(f"{W}pPr/{W}pStyle")
    return (style.get(W + "val") or "").lower() if style is not None else ""


def read_docx(data: bytes, path: str) -> Document:
    """One Word document (its bytes) as a Document placed by paragraph and character."""
    import docx
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, docx.opc.exceptions.PackageNotFoundError) as e:
        raise InputError(f"not a Word document: {e}", path=path,
                         hint="save it as .docx (Word 2007 or later)") from None
    parts: list[str] = []
    anchors: list[tuple[int, int, int]] = []
    offset = 0
    heading = None
    for number, p in enumerate(_paragraphs(document.element.body), 1):
        out: list[str] = []
        _runs(p, out)
        text = "".join(out).replace("\r", " ")
        if not text.strip():
            continue
        if heading is None and _style(p) in TITLE_STYLES:
            heading = " ".join(text.split())
        if parts:
            parts.append("\n\n")
            offset += 2
        anchors.append((offset, number, 1))
        parts.append(text)
        offset += len(text)
    core = document.core_properties
    when = core.modified or core.created
    meta = {"format": "docx"}
    for key, value in (("id", core.identifier), ("lang", core.language), ("author", core.author)):
        if value:
            meta[key] = value
    return Document(path=path, text="".join(parts), date=when.date() if when else None,
                    title=(core.title or "").strip() or heading, meta=meta, source_map=SourceMap(anchors))


__all__ = ["read_docx"]
