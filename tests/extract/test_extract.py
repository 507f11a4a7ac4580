"""Claim extraction: YAML case tables (tests/cases/extract/*.yaml) plus properties of every output.

A case gives ``text`` and either ``none: true`` (no claim at all) or ``claims``: the full list
of claims expected, in order, each checked on the keys it names.
"""
from __future__ import annotations

import math
import random

import pytest
import yaml

from conftest import CASES as ALL_CASES, load_cases

CASES = ALL_CASES / "extract"
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extract.claims import extract
from factcheck.models import QUALIFIERS
from factcheck.extract.sentences import Sentences
from factcheck.extract.units import UNIT_SURFACES, canonical, unit_name, unit_registry

KINDS = {"count", "percent", "fraction", "currency", "quantity", "age"}


def _same(expected, actual) -> bool:
    if isinstance(expected, float) or isinstance(actual, float):
        if expected is None or actual is None:
            return expected is actual
        if math.isinf(expected) or math.isinf(actual):
            return expected == actual
        return math.isclose(expected, actual, rel_tol=1e-9, abs_tol=1e-9)
    return expected == actual


@pytest.mark.parametrize("case", load_cases("extract"))
def test_case(case):
    claims = extract(case["text"])
    if case.get("none"):
        assert claims == [], [c.text for c in claims]
        return
    got = [(c.text, c) for c in claims]
    assert [c.text for c in claims] == [e["text"] for e in case["claims"]], got
    for want, claim in zip(case["claims"], claims):
        for key, value in want.items():
            actual = getattr(claim, key)
            assert _same(value, actual), f"{claim.text!r}: {key} = {actual!r}, expected {value!r}"


def test_every_table_has_positive_cases_and_not_claims_has_many_negatives():
    for path in sorted(CASES.glob("*.yaml")):
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
        assert all("text" in c and ("claims" in c) != bool(c.get("none")) for c in cases), path.name
        if path.stem != "not_claims":
            assert any(c.get("claims") for c in cases), f"{path.name} has no positive case"
    negatives = yaml.safe_load((CASES / "not_claims.yaml").read_text(encoding="utf-8"))["cases"]
    assert sum(1 for c in negatives if c.get("none")) >= 60


def _check_invariants(text: str) -> None:
    claims = extract(text)
    last_end = -1
    for c in claims:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start:c.end] == c.text
        assert c.start >= last_end, "claims overlap or are out of order"
        last_end = c.end
        assert c.sentence_start <= c.start and c.end <= max(c.sentence_end, c.end)
        assert c.qualifier in QUALIFIERS and c.kind in KINDS
        assert c.low <= c.high and not math.isnan(c.value)
        if c.qualifier in ("exact", "approx", "range", "vague"):
            assert c.low <= c.value <= c.high or c.qualifier == "vague"


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text):
    _check_invariants(text)


_PIECES = ["1,800", "2.5", "-3", "−4", "$", "£", "€", "5m", "bn", " million", " people", "about ", "more than ",
           "between ", " and ", " to ", "-", "–", "%", " per cent", "two", "thirty-one", "a dozen", "half",
           "of", "Smith, ", "49,", "-year-old", " km", "°C", "2024", "in ", "May ", "3/4", "½", "Game ",
           "\u202f", "\u00a0", "\n", ".", " ", ",", "(", ")", "one", "thousands", "1e5", "×10−3", "'", "US$"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_invariants_on_number_heavy_fragments(pieces):
    _check_invariants("".join(pieces))


def test_invariants_on_random_bytes():
    rng = random.Random(7)
    for _ in range(300):
        raw = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200)))
        _check_invariants(raw.decode("utf-8", errors="replace"))
        _check_invariants(raw.decode("latin-1"))


def test_non_string_input_gives_no_claims():
    assert extract(None) == []  # type: ignore[arg-type]
    assert extract(b"12 people") == []  # type: ignore[arg-type]


def test_sentence_bounds_of_claims():
    text = "Mr. Smith counted 12 boats. Then 40 more arrived!\n\nA new paragraph has 7."
    claims = extract(text)
    assert [c.text for c in claims] == ["12", "40", "7"]
    spans = [text[c.sentence_start:c.sentence_end].strip() for c in claims]
    assert spans == ["Mr. Smith counted 12 boats.", "Then 40 more arrived!", "A new paragraph has 7."]


def test_sentence_cursor_moves_forward_only():
    text = "One. Two. Three."
    s = Sentences(text)
    assert s.around(0) == (0, 5)
    assert s.around(6) == (5, 10)
    assert s.around(12) == (10, 16)


def test_long_document_offsets_are_exact():
    block = "Officials said 1,800 people left; about $3bn was spent. "
    text = block * 500
    claims = extract(text)
    assert len(claims) == 1000
    assert all(text[c.start:c.end] == c.text for c in claims)
    assert claims[-1].start == len(block) * 499 + block.index("about")


def test_every_unit_surface_resolves_through_pint():
    for surface, expr in UNIT_SURFACES.items():
        name = canonical(expr)
        assert name and " " not in name, surface
        assert unit_name(surface) == name
    ureg = unit_registry()
    assert ureg.parse_units("barrel") and ureg.parse_units("ppb") and ureg.parse_units("basis_point")


def test_unit_names_agree_with_the_rules_loader():
    from factcheck.extract.units import canonical_unit
    for surface in ("km", "tonnes", "sq km", "km/h", "mph", "°C", "kg", "acres", "gallons", "GB", "MW", "rpm"):
        assert canonical_unit(unit_name(surface)) == unit_name(surface), surface


@pytest.mark.parametrize("unit", ["one ", "twenty-one hundred and ", "1 ", "1-", "$1,2 ", "between 1 and 2 ", "−1 "])
def test_repetitive_input_is_read_the_same_at_any_length(unit):
    """Pathological repetition finishes and reads the same way at 1× and 4× the length (speed and
    linearity are measured by bench/extraction.py, never by a timed test)."""
    small, big = extract(unit * 2000), extract(unit * 8000)
    assert len(big) >= 4 * len(small) - 4 and len(big) <= 4 * len(small) + 4
    period = len(unit)
    assert [c.text for c in big[:len(small) // 2]] == [c.text for c in small[:len(small) // 2]]
    assert all(c.start < c.end <= period * 8000 for c in big)


def test_windows_line_endings_split_paragraphs():
    text = "Heading with 3 words\r\n\r\nBody has 12 lines"
    first, second = extract(text)
    assert text[first.sentence_start:first.sentence_end].strip() == "Heading with 3 words"
    assert text[second.sentence_start:second.sentence_end].strip() == "Body has 12 lines"
