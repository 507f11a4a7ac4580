"""Encodings: byte-order marks (UTF-8, UTF-16 LE/BE), a charset the file declares, else UTF-8.

Columns count characters of the decoded text, whatever the bytes were.
"""
from __future__ import annotations

import pytest

from factcheck.documents import read_file
from factcheck.documents.encodings import declared, decode
from factcheck.errors import InputError

PAGE = ('<html><head><meta charset="{charset}"><title>Caf\u00e9 prices</title></head>\n'
        '<body><p>In S\u00e3o Paulo coffee rose 14 percent.</p></body></html>\n')


def where(raw: str, needle: str) -> tuple[int, int]:
    at = raw.index(needle)
    return raw.count("\n", 0, at) + 1, at - (raw.rfind("\n", 0, at) + 1) + 1


@pytest.mark.parametrize("name, codec, bom", [
    ("le.md", "utf-16-le", b"\xff\xfe"), ("be.txt", "utf-16-be", b"\xfe\xff"), ("bom.md", "utf-8", b"\xef\xbb\xbf"),
    ("le.html", "utf-16-le", b"\xff\xfe"), ("bom.htm", "utf-8", b"\xef\xbb\xbf")])
def test_byte_order_marks(tmp_path, name, codec, bom):
    raw = "Caf\u00e9 note\r\nIn S\u00e3o Paulo coffee rose 14 percent.\n"
    if name.endswith(("html", "htm")):
        raw = PAGE.format(charset="utf-8")
    (tmp_path / name).write_bytes(bom + raw.encode(codec))
    (doc,) = read_file(tmp_path / name)
    assert "\ufeff" not in doc.text and "S\u00e3o Paulo" in doc.text
    assert doc.locate(doc.text.index("14 percent")) == where(raw, "14 percent")


@pytest.mark.parametrize("charset", ["windows-1252", "ISO-8859-1", "latin1"])
def test_html_meta_charset_is_honoured(tmp_path, charset):
    raw = PAGE.format(charset=charset)
    (tmp_path / "old.html").write_bytes(raw.encode("cp1252"))
    (doc,) = read_file(tmp_path / "old.html")
    assert doc.title == "Caf\u00e9 prices" and "S\u00e3o Paulo" in doc.text
    assert doc.locate(doc.text.index("14 percent")) == where(raw, "14 percent")


def test_html_http_equiv_charset_is_honoured(tmp_path):
    raw = PAGE.replace('<meta charset="{charset}">',
                       '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">')
    raw = raw.replace("S\u00e3o Paulo", "\u041c\u043e\u0441\u043a\u0432\u0430")
    (tmp_path / "ru.html").write_bytes(raw.encode("koi8-r", "replace"))
    (doc,) = read_file(tmp_path / "ru.html")
    assert "\u041c\u043e\u0441\u043a\u0432\u0430 coffee rose 14 percent" in doc.text


def test_xml_declaration_and_utf16_without_a_mark():
    latin = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<a>caf\u00e9</a>'
    assert decode(latin.encode("latin-1"), "a.xml", "xml") == latin
    utf16 = '<?xml version="1.0" encoding="UTF-16"?>\n<a>caf\u00e9</a>'
    assert decode(utf16.encode("utf-16-le"), "a.xml", "xml") == utf16
    assert decode(utf16.encode("utf-16-be"), "a.xml", "xml") == utf16
    assert declared(b'<?xml version="1.0"?><a/>', "xml") == (None, 0)


def test_a_declared_utf16_in_an_ascii_file_is_utf8():
    raw = '<html><head><meta charset="utf-16"></head><body>caf\u00e9 9</body></html>'
    assert decode(raw.encode("utf-8"), "p.html", "html") == raw


def test_meta_charset_is_only_read_in_html():
    raw = 'Notes on <meta charset="koi8-r"> tags: caf\u00e9 3\n'
    assert decode(raw.encode("utf-8"), "n.md") == raw


def test_unknown_declared_charset_names_its_place():
    raw = b'<html>\n<head><meta charset="klingon-8"></head><body>x 1</body></html>'
    with pytest.raises(InputError, match="unknown charset 'klingon-8'") as info:
        decode(raw, "p.html", "html")
    assert (info.value.line, info.value.column) == (2, raw.split(b"\n")[1].index(b"klingon") + 1)


def test_bytes_the_declared_charset_cannot_read():
    raw = '<?xml version="1.0" encoding="utf-16-le"?>'.encode("utf-16-le") + b"\x00"
    with pytest.raises(InputError, match="not"):
        decode(raw, "a.xml", "xml")
