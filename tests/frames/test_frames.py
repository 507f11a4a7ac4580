"""Claim frames, driven by tests/cases/frames/*.yaml."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import load_cases
from factcheck.extract import extract
from factcheck.frames import FrameReader


def _frame(case):
    text = case["text"]
    date = case.get("date")
    date = dt.date.fromisoformat(str(date)) if date else None
    reader = FrameReader(text)
    claims = extract(text)
    target = next((c for c in claims if c.text == case["claim"]), None)
    assert target is not None, [c.text for c in claims]
    for c in claims:
        f = reader.frame(c, date)
        if c is target:
            return f
    raise AssertionError("unreachable")


@pytest.mark.parametrize("case", load_cases("frames"))
def test_frame(case):
    f = _frame(case)
    if "label" in case:
        assert f.label() == case["label"], f
    for key, want in case.get("frame", {}).items():
        got = getattr(f, key)
        if key == "anchor":
            assert set(want) <= got, (key, got)
        elif key == "modifiers":
            assert got == frozenset(want), (key, got)
        else:
            assert got == want, (key, got, f)
    assert not set(case.get("anchors_exclude", [])) & f.anchor, f.anchor


def test_a_paragraph_of_thousands_of_sentences_is_read_without_deep_recursion():
    text = "".join(f"On day {i}, officials said {i % 90 + 10} hostages remain. " for i in range(3000))
    reader = FrameReader(text)
    frames = [reader.frame(c) for c in extract(text)]
    assert len(frames) >= 3000 and {f.subject for f in frames} == {"captive"}
