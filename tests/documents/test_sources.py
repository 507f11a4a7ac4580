"""The JSON and XML parsers behind the news formats: every character of a string keeps its place."""
from __future__ import annotations

import pytest

from factcheck.documents.json_source import JsonObject, parse_json
from factcheck.documents.offsets import line_column
from factcheck.documents.xml_source import parse_xml
from factcheck.errors import InputError

JSON = '{\n  "a": "plain 5",\n  "b": ["say \\"yes\\" 7\\r\\nnext 8 caf\\u00e9 \\ud83d\\ude00 9 \\/ 10"],\n  "n": 3.5}'


def test_json_strings_map_every_character_through_escapes():
    value = parse_json(JSON, "t.json")
    s = value["b"][0]
    assert s == 'say "yes" 7\r\nnext 8 caf\u00e9 \U0001F600 9 / 10'
    offsets = s.offsets()
    for needle, written in (("yes", "yes"), ("7", "7\\r"), ("next", "next"), ("\u00e9", "\\u00e9"),
                            ("\U0001F600", "\\ud83d"), (" 9", " 9 "), ("/", "\\/"), ("10", "10")):
        assert offsets.to_source(s.index(needle)) == JSON.index(written), needle
    assert offsets.source_map(JSON).locate(s.index("10")) == line_column(JSON, JSON.index("10"))


def test_json_objects_know_where_they_start_and_keys_stay_plain():
    value = parse_json('[\n {"k": {"x": 1}},\n {"k": 2}]', "t.json")
    assert [type(v) for v in value] == [JsonObject, JsonObject]
    assert [v.start for v in value] == [3, 21] and value[0]["k"].start == 9
    assert all(type(k) is str for k in value[0])


@pytest.mark.parametrize("text, where", [('{"a": }', (1, 7)), ('{"a": 1} x', (1, 10)), ("", (1, 1)),
                                         ('{"a": "\\q"}', (1, 8))])
def test_malformed_json_names_its_line_and_column(text, where):
    with pytest.raises(InputError, match="not valid JSON") as info:
        parse_json(text, "b.json")
    assert (info.value.line, info.value.column) == where


def test_deeply_nested_json_is_an_input_error():
    with pytest.raises(InputError, match="nested too deeply"):
        parse_json("[" * 100_000, "deep.json")


XML = ('<?xml version="1.0"?>\r\n<a xml:lang="en" x="1">caf\u00e9 &amp; 5 &#38; 6\r\nline2 '
       '<![CDATA[<p>in &amp; cdata</p>]]> tail<b/>z<c>deep</c></a>')


def test_xml_pieces_map_through_entities_line_ends_and_cdata():
    root = parse_xml(XML, "t.xml")
    assert (root.tag, root.attrs) == ("a", {"lang": "en", "x": "1"})
    text, offsets = root.mapped()
    assert text == "caf\u00e9 & 5 & 6\nline2 <p>in &amp; cdata</p> tailzdeep"
    for needle, written in (("5", "5"), ("& 6", "&#38; 6"), ("line2", "line2"), ("in &amp;", "in &amp;"),
                            ("tail", "tail"), ("deep", "deep")):
        assert offsets.to_source(text.index(needle)) == XML.index(written), needle
    assert offsets.to_source(text.index("\n")) == XML.index("\r\nline2")


def test_xml_elements_know_their_spans():
    root = parse_xml(XML, "t.xml")
    assert XML[root.inner:root.end].startswith("caf\u00e9") and XML[root.end:] == "</a>"
    b, c = root.find("b"), root.find("c")
    assert XML[b.start:b.inner] == "<b/>" and b.end == b.inner
    assert XML[c.inner:c.end] == "deep" and [e.tag for e in root.iter()] == ["a", "b", "c"]
    assert root.text() == "caf\u00e9 & 5 & 6 line2 <p>in &amp; cdata</p> tailzdeep"


def test_xml_namespaces_are_dropped_from_names_and_kept_apart():
    root = parse_xml('<r xmlns="urn:one" xmlns:p="urn:two"><p:x a="1"/><x/></r>', "n.xml")
    assert [(e.tag, e.ns) for e in root.children] == [("x", "urn:two"), ("x", "urn:one")]
