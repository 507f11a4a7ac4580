"""XML → a light element tree in which every piece of text knows its offset in the file.

Parsed by defusedxml's expat parser, which refuses entity declarations (the "billion laughs"
bomb), external entities and DTD fetches.  expat reports the byte where each start tag, end
tag and piece of character data begins; the text is fed as UTF-8 so those bytes convert back
to characters of the decoded file.  A piece of character data is verbatim when it stands in
the file as it reads; an entity (``&amp;``), a character reference or a CR LF line end is
one character mapped to where it starts.  CDATA sections are verbatim.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Iterator, Union

from factcheck.documents.offsets import MappedText, OffsetMap, line_column
from factcheck.errors import InputError

_START_TAG = re.compile(r"""<[^\s/>]+(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*/?>""")
_SPACE = re.compile(r"\s+")


def _split(name: str) -> tuple[str, str]:
    """``{uri}local`` → (uri, local)."""
    if name.startswith("{"):
        uri, _, local = name[1:].partition("}")
        return uri, local
    return "", name


@dataclass(eq=False)
class Element:
    """One element: local name, namespace, attributes (by local name; ``xml:lang`` as ``lang``),
    its offsets (``start`` at ``<``, ``inner`` after the start tag, ``end`` at the end tag) and its
    content in order: child elements and ``(text, offset, verbatim)`` pieces."""

    tag: str
    ns: str
    attrs: dict
    start: int
    inner: int = 0
    end: int = 0
    content: list = field(default_factory=list)

    @property
    def children(self) -> list["Element"]:
        """The child elements, in order."""
        return [c for c in self.content if isinstance(c, Element)]

    def get(self, name: str, default: str | None = None) -> str | None:
        """An attribute by its local name."""
        return self.attrs.get(name, default)

    def find(self, *path: str) -> "Element | None":
        """The first descendant along ``path`` of local names (each a child of the one before)."""
        here: Element | None = self
        for name in path:
            here = next((c for c in here.children if c.tag == name), None) if here else None
        return here

    def iter(self, name: str | None = None) -> Iterator["Element"]:
        """This element and its descendants named ``name`` (every one when None), in document order."""
        if name is None or self.tag == name:
            yield self
        for child in self.children:
            yield from child.iter(name)

    def text(self) -> str:
        """All the text inside, whitespace runs made one space, trimmed (for titles, ids, dates)."""
        return _SPACE.sub(" ", "".join(t for t, _, _ in self.pieces())).strip()

    def pieces(self) -> Iterator[tuple[str, int, bool]]:
        """The text pieces inside, descendants' included, in document order."""
        for c in self.content:
            if isinstance(c, Element):
                yield from c.pieces()
            else:
                yield c

    def mapped(self) -> tuple[str, OffsetMap]:
        """All the text inside as written (entities decoded), with its map into the file."""
        out = MappedText()
        for text, at, verbatim in self.pieces():
            out.add(text, at, verbatim=verbatim)
        return out.build()


Node = Union[Element, tuple]


class _Bytes:
    """UTF-8 byte offsets of a text → its character offsets."""

    def __init__(self, text: str):
        self.starts: list[int] = []
        self.extra: list[int] = []
        extra = 0
        if not text.isascii():
            for m in re.finditer(r"[^\x00-\x7f]", text):
                self.starts.append(m.start() + extra)
                extra += len(m[0].encode("utf-8", "surrogatepass")) - 1
                self.extra.append(extra)

    def char(self, byte: int) -> int:
        i = bisect.bisect_left(self.starts, byte)
        return byte - (self.extra[i - 1] if i else 0)


class _Builder:
    """The parser's target: builds ``Element`` trees with offsets."""

    def __init__(self, source: str):
        self.source = source
        self.bytes = _Bytes(source)
        self.stack: list[Element] = []
        self.root: Element | None = None
        self.parser = None  # the expat parser, set once created

    def _here(self) -> int:
        return self.bytes.char(self.parser.CurrentByteIndex)

    def start(self, tag, attrib):
        at = self._here()
        ns, local = _split(tag)
        attrs = {_split(k)[1]: v for k, v in attrib.items()}
        m = _START_TAG.match(self.source, at)
        el = Element(local, ns, attrs, at, m.end() if m else at)
        if self.stack:
            self.stack[-1].content.append(el)
        else:
            self.root = el
        self.stack.append(el)

    def end(self, tag):
        el = self.stack.pop()
        el.end = el.inner if self.source.startswith("/>", el.inner - 2) else self._here()

    def data(self, text):
        if not self.stack:
            return
        at = self._here()
        verbatim = self.source.startswith(text, at)
        self.stack[-1].content.append((text, at, verbatim))

    def close(self):
        return self.root


def parse_xml(source: str, path: str) -> Element:
    """The root element of an XML text (already decoded); raises ``InputError`` at the line and
    column where the text stops being well-formed, or refuses entity declarations."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser, ParseError
    builder = _Builder(source)
    parser = DefusedXMLParser(target=builder, encoding="utf-8")
    parser.parser.buffer_text = False  # one piece per run of text, so each knows its offset
    builder.parser = parser.parser
    try:
        parser.feed(source.encode("utf-8", "surrogatepass"))
        root = parser.close()
    except ParseError as e:
        line, column = e.position
        reason = str(e).split(":")[0]
        raise InputError(f"not well-formed XML: {reason}", path=path, line=line, column=column + 1) from None
    except DefusedXmlException as e:
        line, column = line_column(source, builder._here())
        raise InputError(f"refused: the file declares entities or external references ({type(e).__name__}), "
                         "which can expand without bound", path=path, line=line, column=column,
                         hint="remove the DOCTYPE's entity declarations") from None
    if root is None:
        raise InputError("not XML: no root element", path=path)
    return root


__all__ = ["Element", "parse_xml"]
