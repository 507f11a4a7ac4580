"""Patterns compiled on first use (``extract.lazy_re``), and the one scanner run by ``regex``:
each must find exactly what the ``re`` pattern it stands for finds."""
from __future__ import annotations

import re
import sys

import regex

from conftest import ROOT
from factcheck.extract import lazy_re
from factcheck.rules import matching


def test_a_lazy_pattern_compiles_on_first_use_and_then_is_the_pattern():
    p = lazy_re.compile(r"(?P<n>\d+) (km|miles)", re.IGNORECASE)
    assert p._real is None and p.pattern == r"(?P<n>\d+) (km|miles)"
    assert p.search("about 12 KM away").span() == (6, 11)
    real = p.compiled()
    assert isinstance(real, re.Pattern) and p.search == real.search and p.match == real.match
    assert p.groupindex == {"n": 1} and p.groups == 2 and p.flags == real.flags
    assert [m.group() for m in p.finditer("1 km, 2 miles")] == ["1 km", "2 miles"]


def test_a_bad_pattern_fails_on_first_use():
    p = lazy_re.compile(r"(unclosed")
    try:
        p.search("x")
    except re.error:
        return
    raise AssertionError("no re.error")


def test_regex_pattern_runs_under_regex_version0():
    p = lazy_re.compile_regex(r"\d+", re.IGNORECASE)
    assert isinstance(p.compiled(), regex.Pattern)
    assert p.flags & regex.VERSION0 and p.flags & regex.IGNORECASE


def test_the_space_class_of_the_regex_scanner_is_res_space():
    ours, theirs = re.compile(r"\s"), regex.compile(r"[\s\x1c-\x1f]", regex.VERSION0)
    differ = [hex(c) for c in range(sys.maxunicode + 1) if bool(ours.match(chr(c))) != bool(theirs.match(chr(c)))]
    assert not differ


def test_sentence_ends_are_found_as_re_finds_them():
    plain = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n")
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.md")))
    text += "End. \x1cNext! \u2028\u3000Then?\x85\"Quote.\" (Aside.)\n \n\x1f\nLast.\x1d A"
    for pos, end in ((0, len(text)), (5, len(text) - 7), (100, 700)):
        assert ([m.span() for m in matching._SENTENCE_END.finditer(text, pos, end)]
                == [m.span() for m in plain.finditer(text, pos, end)])
