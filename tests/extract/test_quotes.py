"""How claims are quoted in messages: driven by tests/cases/extract/quotes/*.yaml."""
from __future__ import annotations

import pytest

from conftest import load_cases
from factcheck.extract.quotes import LEFT, RIGHT, quote


@pytest.mark.parametrize("case", load_cases("extract/quotes"))
def test_quote(case):
    start = case["text"].index(case["claim"])
    assert quote(case["text"], start, start + len(case["claim"])) == case["quote"]


def test_a_quote_is_bounded_and_holds_the_claim():
    text = "word " * 500 + "1,800 prisoners " + "word " * 500
    start = text.index("1,800")
    q = quote(text, start, start + 5)
    assert "1,800 prisoners" in q and len(q) <= LEFT + RIGHT + 10
