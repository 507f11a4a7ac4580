"""Offset maps: pieces of a source mapped back, composed, and turned into (line, column) anchors."""
from __future__ import annotations

from factcheck.documents.offsets import MappedText, OffsetMap, line_column


def test_verbatim_pieces_escapes_and_breaks():
    source = 'x = "a\\u00e9b"\n  "c\\nd"'
    out = MappedText()
    out.add("a", 5)
    out.add("\u00e9", 6, verbatim=False)  # the escape \u00e9, six characters
    out.add("b", 12)
    out.add("\n\n")  # an inserted break maps to where it was inserted
    out.add("c", 18)
    out.add("\n", 19, verbatim=False)
    out.add("d", 21)
    text, offsets = out.build()
    assert text == "a\u00e9b\n\ncd".replace("cd", "c\nd")
    assert [offsets.to_source(i) for i in range(len(text))] == [5, 6, 12, 13, 13, 18, 19, 21]
    sm = offsets.source_map(source)
    assert sm.locate(text.index("b")) == (1, 13)
    assert sm.locate(text.index("c")) == (2, 4)
    assert sm.locate(text.index("d")) == (2, 7)


def test_compose_splits_runs_at_the_outer_breakpoints():
    inner = OffsetMap(((0, 3), (4, 10)), 8)  # text → middle: two runs
    outer = OffsetMap(((0, 100), (5, 200), (12, 300)), 20)  # middle → file
    composed = inner.compose(outer)
    assert [composed.to_source(i) for i in range(8)] == [
        outer.to_source(m) for m in (3, 4, 5, 6, 10, 11, 12, 13)]


def test_source_map_anchors_every_line_a_run_crosses():
    source = "ab\ncd\nef"
    sm = OffsetMap.verbatim(0, len(source)).source_map(source)
    assert [sm.locate(i) for i in range(len(source))] == [
        (1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3), (3, 1), (3, 2)]


def test_line_column():
    assert line_column("ab\ncd", 0) == (1, 1)
    assert line_column("ab\ncd", 4) == (2, 2)


def test_sliced_keeps_the_offsets_of_the_slice():
    whole = OffsetMap(((0, 10), (3, 50), (6, 90)), 9)
    part = whole.sliced(2, 7)
    assert part.length == 5
    assert [part.to_source(i) for i in range(5)] == [whole.to_source(i) for i in range(2, 7)]
