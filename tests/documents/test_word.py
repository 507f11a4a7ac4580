"""Word .docx drafts: text by paragraph, placed as paragraph:character, core properties for the rest.

The documents are built here with python-docx (our own wording); tracked changes and field
codes are written as Word writes them.
"""
from __future__ import annotations

import datetime as dt

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from factcheck.documents import iter_documents, read_file
from factcheck.errors import InputError

TRACKED = (f'<w:p {nsdecls("w")}><w:r><w:t xml:space="preserve">The fleet grew to </w:t></w:r>'
           '<w:del w:id="1" w:author="ed"><w:r><w:delText>41</w:delText></w:r></w:del>'
           '<w:ins w:id="2" w:author="ed"><w:r><w:t>44</w:t></w:r></w:ins>'
           '<w:r><w:t xml:space="preserve"> buses</w:t></w:r>'
           '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE 99 </w:instrText></w:r>'
           '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>.</w:t></w:r>'
           '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')


def make(path, *, title="Bus fleet grows"):
    d = docx.Document()
    d.core_properties.title = title
    d.core_properties.created = dt.datetime(2030, 1, 5, 9)
    d.core_properties.modified = dt.datetime(2030, 1, 7, 17)
    d.core_properties.identifier = "draft-buses-1"
    d.core_properties.language = "en-GB"
    d.add_heading("The city's buses", level=1)                               # paragraph 1
    d.add_paragraph("")                                                      # 2: empty, still counted
    p = d.add_paragraph("Ridership rose 12 percent\tin a year;")             # 3
    p.add_run().add_break()
    p.add_run("night buses carry 900 people.")
    table = d.add_table(rows=1, cols=2)                                      # 4 and 5: the cells
    table.cell(0, 0).text = "Routes"
    table.cell(0, 1).text = "27 routes"
    d.element.body.insert(len(d.element.body) - 1, parse_xml(TRACKED))      # 6
    d.add_paragraph("Fares stay at 2 euros.")                                # 7
    d.save(path)


def test_claims_are_placed_by_paragraph_and_character(tmp_path):
    make(tmp_path / "buses.docx")
    (doc,) = read_file(tmp_path / "buses.docx")
    for needle, place in (("12 percent", (3, 16)), ("900 people", (3, 56)), ("27 routes", (5, 1)),
                          ("44 buses", (6, 19)), ("2 euros", (7, 15)), ("The city's", (1, 1))):
        assert doc.locate(doc.text.index(needle)) == place, needle
    assert "\tin a year;\nnight" in doc.text


def test_tracked_changes_read_as_accepted_and_field_codes_are_not_text(tmp_path):
    make(tmp_path / "buses.docx")
    (doc,) = read_file(tmp_path / "buses.docx")
    assert "The fleet grew to 44 buses." in doc.text
    assert "41" not in doc.text and "PAGE" not in doc.text and "99" not in doc.text


def test_core_properties_give_title_date_id_and_language(tmp_path):
    make(tmp_path / "buses.docx")
    (doc,) = read_file(tmp_path / "buses.docx")
    assert (doc.title, doc.date) == ("Bus fleet grows", dt.date(2030, 1, 7))
    assert doc.meta["id"] == "draft-buses-1" and doc.meta["lang"] == "en-GB" and doc.meta["format"] == "docx"
    assert doc.source is None


def test_without_core_title_the_first_heading_is_the_title_and_created_the_date(tmp_path):
    make(tmp_path / "b.docx", title="")
    d = docx.Document(tmp_path / "b.docx")
    core = d.core_properties._element  # drop dcterms:modified, as some editors leave it out
    for el in [e for e in core if e.tag.endswith("}modified")]:
        core.remove(el)
    d.save(tmp_path / "b.docx")
    (doc,) = read_file(tmp_path / "b.docx")
    assert (doc.title, doc.date) == ("The city's buses", dt.date(2030, 1, 5))


def test_a_file_that_is_not_a_word_document(tmp_path):
    (tmp_path / "fake.docx").write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="not a Word document") as info:
        list(read_file(tmp_path / "fake.docx"))
    assert info.value.path == str(tmp_path / "fake.docx")


def test_a_walk_reads_docx_files(tmp_path):
    make(tmp_path / "buses.docx")
    (tmp_path / "notes.md").write_text("Notes: 3 stops.\n", encoding="utf-8")
    docs = list(iter_documents([str(tmp_path)], on_error=pytest.fail))
    assert [d.meta.get("format") for d in docs] == ["docx", None]
