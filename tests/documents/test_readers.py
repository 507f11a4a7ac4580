"""Readers: metadata, skipped regions and exact positions, driven by tests/fixtures/documents/*.yaml.

Positions are never written down: the expected (line, column) of a string is found by
searching the raw file, so the tests prove the mapping rather than repeat it.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

from conftest import CASES, read_table

from factcheck.documents import (JsonlFields, iter_documents, iter_paths, parse_date, read_file,
                                 read_text)
from factcheck.documents.html import html_fragment
from factcheck.errors import FactcheckError, InputError
from factcheck.models import Document

FIXTURES = CASES / "documents"
FILES = read_table(FIXTURES / "cases.yaml")["files"]
DATES = read_table(FIXTURES / "dates.yaml")["cases"]


def where(raw: str, needle: str) -> tuple[int, int]:
    """(line, column) of the one occurrence of ``needle`` in ``raw``."""
    assert raw.count(needle) == 1, f"{needle!r} must occur once in the raw file"
    at = raw.index(needle)
    return raw.count("\n", 0, at) + 1, at - (raw.rfind("\n", 0, at) + 1) + 1


def assert_maps(doc, raw: str, needle: str) -> None:
    assert doc.text.count(needle) == 1, f"{needle!r} must occur once in the text"
    offset = doc.text.index(needle)
    line, column = where(raw, needle)
    assert doc.locate(offset) == (line, column)
    assert doc.locate(offset + len(needle) - 1) == (line, column + len(needle) - 1)


def read_one(path: Path):
    docs = list(read_file(path))
    assert len(docs) == 1
    return docs[0]


# ---------------------------------------------------------------- fixtures per format

@pytest.mark.parametrize("case", FILES, ids=[c["file"] for c in FILES])
def test_metadata(case):
    doc = read_one(FIXTURES / case["file"])
    assert doc.title == case["title"]
    assert doc.date == case["date"]
    for key, value in case["meta"].items():
        assert doc.meta[key] == value
    assert doc.path == str(FIXTURES / case["file"])
    assert doc.source == (FIXTURES / case["file"]).read_text(encoding="utf-8")


@pytest.mark.parametrize("case", FILES, ids=[c["file"] for c in FILES])
def test_kept_text_maps_to_file_positions(case):
    doc = read_one(FIXTURES / case["file"])
    raw = (FIXTURES / case["file"]).read_text(encoding="utf-8")
    for needle in case["kept"]:
        assert_maps(doc, raw, needle)


@pytest.mark.parametrize("case", FILES, ids=[c["file"] for c in FILES])
def test_skipped_regions(case):
    doc = read_one(FIXTURES / case["file"])
    for needle in case["dropped"]:
        assert needle not in doc.text, needle
    for needle in case.get("text", ()):
        assert needle in doc.text, needle


def test_markdown_text_is_the_file_with_blanks():
    doc = read_one(FIXTURES / "article.md")
    raw = doc.source
    assert len(doc.text) == len(raw)
    assert all(a == b or a == " " or b == "&" for a, b in zip(doc.text, raw))  # & starts an entity
    assert [i for i, ch in enumerate(doc.text) if ch == "\n"] == [i for i, ch in enumerate(raw) if ch == "\n"]
    assert "<!-- factcheck-ignore 5150 -->" in doc.source


def test_html_entities_map_to_their_start():
    doc = read_one(FIXTURES / "article.html")
    raw = doc.source
    for entity, char in (("&nbsp;", "\u00a0"), ("&#8239;", "\u202f"), ("&amp;", "&"), ("&#36;", "$")):
        at = doc.text.index(char)
        assert doc.locate(at) == where(raw, entity)
        assert doc.locate(at + 1) == where(raw, raw[raw.index(entity) + len(entity):][:4])


# ---------------------------------------------------------------- plain text, encodings

def test_plain_text_crlf_and_bom(tmp_path):
    raw = "Water use fell 14 percent.\r\nThe plant treats 3,200 litres.\r\n\r\nIt employs 57 people."
    path = tmp_path / "note.txt"
    path.write_bytes(b"\xef\xbb\xbf" + raw.encode("utf-8"))
    doc = read_one(path)
    assert "\r" not in doc.text and "\ufeff" not in doc.text
    assert len(doc.text) == len(raw)
    for needle in ("14 percent", "3,200", "57 people"):
        assert_maps(doc, raw, needle)
    assert doc.date is None and doc.title is None


def test_crlf_markdown_with_front_matter(tmp_path):
    raw = "---\r\ntitle: Dry spell\r\ndate: 2023-07-08\r\n---\r\nRain fell on 2 days.\r\n\r\n- Wells at 61 percent\r\n"
    path = tmp_path / "dry.md"
    path.write_bytes(raw.encode("utf-8"))
    doc = read_one(path)
    assert (doc.title, doc.date) == ("Dry spell", dt.date(2023, 7, 8))
    for needle in ("2 days", "61 percent"):
        assert_maps(doc, raw, needle)
    assert "2023" not in doc.text


def test_empty_file(tmp_path):
    for name in ("empty.txt", "empty.md", "empty.html"):
        (tmp_path / name).write_bytes(b"")
        assert read_one(tmp_path / name).text == ""
    (tmp_path / "empty.jsonl").write_bytes(b"")
    assert list(read_file(tmp_path / "empty.jsonl")) == []


@pytest.mark.parametrize("name", ["blob.txt", "blob.md", "blob.jsonl"])
def test_binary_file(tmp_path, name):
    (tmp_path / name).write_bytes(b"PK\x03\x04\x00\x00" + bytes(range(256)))
    with pytest.raises(InputError, match="binary file") as info:
        list(read_file(tmp_path / name))
    assert info.value.path == str(tmp_path / name)


def test_latin1_file(tmp_path):
    (tmp_path / "old.md").write_bytes("Caf\u00e9 prices\nrose 5 % in S\u00e3o Paulo.".encode("latin-1"))
    with pytest.raises(InputError) as info:
        list(read_file(tmp_path / "old.md"))
    err = info.value
    assert "not UTF-8" in err.message and "0xe9" in err.message
    assert (err.line, err.column) == (1, 4)
    assert str(err).startswith(f"{tmp_path / 'old.md'}:1:4: ")


def test_unreadable_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="cannot read"):
        list(read_file(tmp_path / "missing.txt"))


def test_unknown_extension_reads_as_text(tmp_path):
    (tmp_path / "README").write_text("# Not markdown here 1.\n", encoding="utf-8")
    assert read_one(tmp_path / "README").text == "# Not markdown here 1.\n"


# ---------------------------------------------------------------- JSON Lines

def test_jsonl_keeps_good_records_around_broken_ones():
    path = FIXTURES / "archive.jsonl"
    lines = path.read_text(encoding="utf-8").split("\n")
    problems = []
    docs = list(read_file(path, on_error=problems.append))
    assert [d.meta["record"] for d in docs] == [1, 2, 7]
    assert [d.meta["id"] for d in docs] == ["a-1", "a-2", "https://example.org/a-7"]
    assert [d.title for d in docs] == ["Dam level falls", "Dam level steady", None]
    assert [d.date for d in docs] == [dt.date(2025, 6, 1), dt.date(2025, 6, 2), dt.date(2025, 6, 4)]
    assert all(d.path == str(path) and d.source is None for d in docs)
    assert "text" not in docs[0].meta and docs[0].meta["section"] == "local"
    assert [(p.path, p.line) for p in problems] == [(str(path), 3), (str(path), 5), (str(path), 6)]
    assert all(isinstance(p, InputError) for p in problems)
    assert "no text field" in problems[2].message
    for doc in docs:
        line = doc.meta["record"]
        text = json.loads(lines[line - 1])
        text = next(text[k] for k in ("text", "body", "content") if k in text)
        for needle in ("percent", "gates", "5 pumps", "6 valves"):
            if needle in doc.text:
                assert doc.locate(doc.text.index(needle)) == (line, text.index(needle) + 1)


def test_jsonl_without_on_error_raises_at_the_bad_line():
    with pytest.raises(InputError) as info:
        list(read_file(FIXTURES / "archive.jsonl"))
    assert info.value.line == 3


def test_jsonl_configured_fields(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"story": "Tolls rose 9 percent.", "when": "4 May 2022", "slug": "tolls",
                                "text": "not this one"}) + "\n", encoding="utf-8")
    fields = JsonlFields(text=("story",), date=("when",), id=("slug",))
    (doc,) = read_file(path, jsonl=fields)
    assert (doc.text, doc.date, doc.meta["id"]) == ("Tolls rose 9 percent.", dt.date(2022, 5, 4), "tolls")
    assert doc.meta["text"] == "not this one"


def test_jsonl_bad_bytes_on_one_line(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"text": "ok 1"}\n{"text": "caf\xe9 2"}\r\n{"text": "ok 3"}\r\n')
    problems = []
    docs = list(read_file(path, on_error=problems.append))
    assert [d.text for d in docs] == ["ok 1", "ok 3"]
    assert [(p.line, "UTF-8" in p.message) for p in problems] == [(2, True)]


def test_jsonl_is_streamed(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text("".join(json.dumps({"text": f"Item {i}"}) + "\n" for i in range(5000)), encoding="utf-8")
    docs = read_file(path)
    first = next(docs)
    assert first.text == "Item 0" and first.meta["record"] == 1
    with open(path, "a", encoding="utf-8") as fh:  # seen only by a reader that has not slurped the file
        fh.write(json.dumps({"text": "Late 1"}) + "\n")
    rest = list(docs)
    assert len(rest) == 5000 and rest[-1].text == "Late 1" and rest[-1].meta["record"] == 5001


# ---------------------------------------------------------------- read_text and stdin

def test_read_text_picks_reader_by_name_or_format():
    md = "Intro with `code 5` and 6 words.\n"
    assert "5" not in read_text(md, "note.md")[0].text
    assert "5" not in read_text(md, fmt="markdown")[0].text
    assert read_text(md)[0].text == md
    page = "<html><body><p>Seats: 80</p><script>x=1</script></body></html>"
    assert read_text(page)[0].text.strip() == "Seats: 80"
    assert read_text(page, "a.txt")[0].text == page
    docs = read_text('{"text": "a 1"}\n{"text": "b 2"}\n', fmt="jsonl")
    assert [(d.text, d.locate(2)) for d in docs] == [("a 1", (1, 3)), ("b 2", (2, 3))]
    assert read_text("\ufeffBOM 7")[0].text == "BOM 7"
    with pytest.raises(InputError, match="unknown format"):
        read_text("x", fmt="pdf")


def test_broken_front_matter_is_reported_and_body_read():
    text = "---\ntitle: [unclosed\ndate: 2024-01-01\n---\nBody with 3 numbers.\n"
    problems = []
    (doc,) = read_text(text, "bad.md", on_error=problems.append)
    assert "Body with 3 numbers." in doc.text and "title" not in doc.text
    assert doc.title is None and doc.date is None
    assert len(problems) == 1 and problems[0].path == "bad.md" and problems[0].line in (2, 3)
    with pytest.raises(InputError, match="front matter"):
        read_text(text, "bad.md")
    (doc,) = read_text("---\n- a list\n---\nText 4.\n", "list.md", on_error=problems.append)
    assert "not a mapping" in problems[-1].message and doc.text.strip() == "Text 4."


def test_markdown_title_falls_back_to_first_heading():
    (doc,) = read_text("Lead 1.\n\n# The `real` title\n\n# Second\n", "t.md")
    assert doc.title == "The real title"


def test_stdin_through_iter_documents(monkeypatch):
    data = "<p>From stdin: 31 boats</p>".encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    errors = []
    (doc,) = iter_documents(["-"], on_error=errors.append, stdin_name="piped.html")
    assert (doc.path, doc.text.strip(), errors) == ("piped.html", "From stdin: 31 boats", [])
    assert_maps(doc, data.decode(), "31 boats")


# ---------------------------------------------------------------- paths

def make_tree(root: Path) -> None:
    for rel in ("b.md", "a.txt", "A/z.html", "A/sub/y.htm", "c.markdown", "d.jsonl", "e.pdf",
                "notes", ".hidden.md", ".git/x.md", ".venv/y.md", "node_modules/z.md", "A/.cache/q.md",
                "drafts/w.md"):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Text 1.\n", encoding="utf-8")


def test_directory_walk(tmp_path):
    make_tree(tmp_path)
    got = [Path(p).relative_to(tmp_path).as_posix() for p in iter_paths([str(tmp_path)])]
    assert got == ["A/sub/y.htm", "A/z.html", "a.txt", "b.md", "c.markdown", "d.jsonl", "drafts/w.md"]
    assert list(iter_paths([str(tmp_path)])) == list(iter_paths([str(tmp_path)]))
    got = [Path(p).relative_to(tmp_path).as_posix()
           for p in iter_paths([str(tmp_path)], include=["*.md", "*.htm"], exclude=["drafts"])]
    assert got == ["A/sub/y.htm", "b.md"]


def test_paths_pass_through_and_missing(tmp_path):
    make_tree(tmp_path)
    explicit = str(tmp_path / "e.pdf")
    assert list(iter_paths(["-", explicit], exclude=["*.pdf"])) == ["-", explicit]
    with pytest.raises(InputError, match="no such file") as info:
        list(iter_paths([str(tmp_path / "nope")]))
    assert info.value.path == str(tmp_path / "nope")


def test_iter_documents_reports_and_goes_on(tmp_path):
    (tmp_path / "good.md").write_text("Good 1.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9 bad")
    (tmp_path / "mixed.jsonl").write_text('{"text": "ok 2"}\nnot json\n{"text": "ok 3"}\n', encoding="utf-8")
    errors: list[FactcheckError] = []
    docs = list(iter_documents([str(tmp_path / "missing"), str(tmp_path)], on_error=errors.append))
    assert [d.text.strip() for d in docs] == ["Good 1.", "ok 2", "ok 3"]
    assert [(Path(e.path).name, e.line) for e in errors] == [("missing", None), ("bad.txt", 1), ("mixed.jsonl", 2)]


# ---------------------------------------------------------------- dates

@pytest.mark.parametrize("case", DATES, ids=[repr(c["value"]) for c in DATES])
def test_parse_date(case):
    assert parse_date(case["value"]) == case["date"]


SNIPPETS = read_table(FIXTURES / "snippets.yaml")["cases"]


@pytest.mark.parametrize("case", SNIPPETS, ids=[c["name"] for c in SNIPPETS])
def test_snippets(case):
    problems = []
    if case.get("fragment"):
        text, offsets, _ = html_fragment(case["text"], "snippet")
        doc = Document("snippet", text, source_map=offsets.source_map(case["text"]))
    else:
        (doc,) = read_text(case["text"], "snippet", fmt=case["fmt"], on_error=problems.append)
    assert len(problems) == case.get("problems", 0)
    for key in ("title", "date"):
        if key in case:
            assert getattr(doc, key) == case[key]
    for needle in case.get("kept", ()):
        assert needle in doc.text
        raw_needle = needle.replace("<4>", "&lt;4&gt;").replace("a   b", "a\n  b")
        line, column = where(case["text"], raw_needle)
        assert doc.locate(doc.text.index(needle)) == (line, column)
    for needle in case.get("contains", ()):
        assert needle in doc.text
    for needle in case.get("lacks", ()):
        assert needle not in doc.text


WHEN = read_table(FIXTURES / "when.yaml")["cases"]


@pytest.mark.parametrize("case", WHEN, ids=[repr(c["value"]) for c in WHEN])
def test_parse_when(case):
    from factcheck.documents.dates import DateError, parse_when
    if "error" in case:
        with pytest.raises(DateError, match=case["error"].replace("(", r"\(")):
            parse_when(case["value"])
        return
    when = parse_when(case["value"])
    if case.get("none"):
        assert when is None
        return
    assert (when.first, when.last, when.text) == (case["first"], case["last"], case["text"])


def test_an_unreadable_front_matter_date_names_its_own_line():
    from factcheck.documents import read_text
    errors = []
    text = "---\ntitle: Vigil\nauthor: Desk\ndate: 2018-07/08\n---\n\nSome 58 hostages remain.\n"
    doc, = read_text(text, "a.md", on_error=errors.append)
    assert doc.date is None and doc.period is None
    assert len(errors) == 1 and errors[0].line == 4 and "2018-07/08" in str(errors[0])


def test_a_month_dated_article_carries_its_month():
    from factcheck.documents import read_text
    doc, = read_text("---\ndate: 2014-11\n---\n\n88 cases.\n", "a.md")
    assert doc.date is None and doc.period == (dt.date(2014, 11, 1), dt.date(2014, 11, 30))
    assert doc.summary()["date"] == "2014-11"


def test_a_json_lines_record_with_an_unreadable_date_is_reported_and_read():
    from factcheck.documents import read_text
    errors = []
    docs = read_text('{"text": "9 cases", "date": "sometime"}\n{"text": "3 cases", "date": "2016-08"}\n',
                     "a.jsonl", on_error=errors.append)
    assert [d.when for d in docs] == [None, "2016-08"]
    assert len(errors) == 1 and errors[0].line == 1
