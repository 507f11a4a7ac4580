"""Columns in code points ↔ the client's code units: a figure after an emoji or any other
character outside the Basic Multilingual Plane lands on the right character in UTF-16,
UTF-8 and UTF-32."""
from __future__ import annotations

import pytest

from factcheck.documents import read_text
from factcheck.extract.claims import extract
from factcheck.lsp.positions import UTF8, UTF16, UTF32, Lines, choose_encoding, code_points, units

TEXT = "# Ferries\n\n🚢 𝄞 The ferry made 14 crossings, é 16 trips.\nplain 12\n"


@pytest.mark.parametrize("offered, chosen", [
    (None, UTF16), ([], UTF16), (["utf-8"], UTF8), (["utf-32", "utf-8"], UTF32),
    (["ebcdic", "utf-8"], UTF8), (["ebcdic"], UTF16), (["utf-16", "utf-8"], UTF16)])
def test_the_first_supported_offer_wins_else_utf16(offered, chosen):
    assert choose_encoding(offered) == chosen


@pytest.mark.parametrize("text, utf8, utf16, utf32", [
    ("abc", 3, 3, 3), ("é", 2, 1, 1), ("€", 3, 1, 1), ("🚢", 4, 2, 1), ("𝄞x", 5, 3, 2),
    ("👩‍👩‍👧", 18, 8, 5)])
def test_units_per_encoding(text, utf8, utf16, utf32):
    assert (units(text, UTF8), units(text, UTF16), units(text, UTF32)) == (utf8, utf16, utf32)
    assert units(text, UTF16) == len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize("encoding", [UTF8, UTF16, UTF32])
def test_a_figure_after_non_bmp_characters_lands_on_its_column(encoding):
    doc = read_text(TEXT, "ferries.md")[0]
    lines = Lines.of(TEXT)
    for claim in extract(doc.text):
        line, column = doc.locate(claim.start)
        got = lines.position(line, column, encoding)
        before = TEXT[lines.starts[line - 1]:claim.start]
        width = {UTF8: len(before.encode("utf-8")), UTF16: len(before.encode("utf-16-le")) // 2,
                 UTF32: len(before)}[encoding]
        assert got == (line - 1, width), claim.text
        assert lines.column(*got, encoding) == (line, column)
        assert lines.offset(*got, encoding) == claim.start


def test_the_utf16_column_of_14_counts_the_surrogate_pairs():
    lines = Lines.of(TEXT)
    offset = TEXT.index("14")
    assert lines.at_offset(offset, UTF32) == (2, 19)
    assert lines.at_offset(offset, UTF16) == (2, 21)
    assert lines.at_offset(offset, UTF8) == (2, 25)


def test_positions_inside_a_character_or_past_the_end_are_clamped():
    assert code_points("🚢x", 1, UTF16) == 1  # inside the surrogate pair: the emoji counts as covered
    assert code_points("🚢x", 2, UTF8) == 1
    assert code_points("ab", 9, UTF16) == 2
    lines = Lines.of("a\nb")
    assert lines.offset(7, 0) == 3
    assert lines.line(5) == ""
