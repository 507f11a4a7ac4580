"""The term index: a filter that never drops a fact the matcher would take, and that spares a
check against thousands of facts from trying every fact's terms on every claim (issue 18)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.check.engine import check_document
from factcheck.documents import read_text
from factcheck.rules import matching
from factcheck.rules.loading import load_rules, load_rules_text
from factcheck.rules.model import compile_term, term_source
from factcheck.rules.term_index import FOLDS, TermIndex, term_keys, word_keys


def test_folds_are_the_characters_beyond_ascii_that_ignorecase_matches_with_ascii():
    ascii_word = re.compile(r"[a-z0-9_]", re.IGNORECASE)
    found = {chr(cp): chr(cp) for cp in range(0x80, 0x110000) if ascii_word.fullmatch(chr(cp))}
    assert found.keys() == FOLDS.keys()
    assert all(re.fullmatch(FOLDS[c], c, re.IGNORECASE) for c in found)


_WORD = st.text(alphabet="abAB*'.-2é_ſıK", min_size=1, max_size=5).filter(lambda w: set(w) != {"*"})
_TERM = st.lists(st.lists(_WORD, min_size=1, max_size=2).map(" ".join), min_size=1, max_size=3).map("|".join)
_TEXT = st.text(alphabet="abABİıſK*'’.-2é_ \n", max_size=30)


@settings(max_examples=300, deadline=None)
@given(term=_TERM, text=_TEXT, start=st.integers(0, 4))
def test_a_term_found_in_a_text_has_a_key_among_its_words(term, text, start):
    try:
        term_source(term)
    except ValueError:
        return
    if compile_term(term).search(text, start):
        keys = term_keys(term)
        assert keys is None or not keys.isdisjoint(word_keys(text, start))


def test_candidates_need_every_all_term_and_one_any_term():
    rules = load_rules_text("""
facts:
  - {id: a, label: A, value: 1, match: {all: [hostage*, remain*]}}
  - {id: b, label: B, value: 1, match: {all: [hostage*], any: [freed, released]}}
  - {id: c, label: C, value: 1, match: {any: ['*tives']}}
""")
    index = TermIndex(rules.facts)
    ids = lambda text: [f.id for f in index.candidates(word_keys(text))]  # noqa: E731
    assert ids("59 hostages remain") == ["a", "c"]  # c starts with a wildcard: always a candidate
    assert ids("hostages were freed") == ["b", "c"]
    assert ids("HOſTAGES were released and remain") == ["a", "b", "c"]


def test_the_index_changes_no_match_on_the_samples(monkeypatch):
    rules = load_rules(["rules/"])
    docs = [d for name in ("2025-03-12-draft-hostage-count.md", "2025-03-10-weekly-roundup.md",
                           "2025-03-01-phase-one-recap.md")
            for d in read_text(open(f"samples/{name}", encoding="utf-8").read(), name)]
    monkeypatch.setattr(matching, "INDEX_FROM", 1)  # every pack through the index, however small
    indexed = [[loc.fact for loc in check_document(d, rules).claims] for d in docs]
    monkeypatch.setattr(TermIndex, "candidates", lambda self, keys: list(self.facts))
    assert indexed == [[loc.fact for loc in check_document(d, rules).claims] for d in docs]
    assert any(f for doc in indexed for f in doc)


def test_ten_thousand_facts_compile_only_the_terms_a_draft_comes_near():
    facts = "\n".join(f"  - {{id: fact-{i}, label: F{i}, value: {i + 2}, match: {{all: [word{i}*], any: [remain*]}}}}"
                      for i in range(10_000))
    rules = load_rules_text("facts:\n" + facts + "\n  - {id: held, label: H, value: 58, match: {all: [hostage*]}}\n")
    (doc,) = read_text("Officials said 59 hostages remain in Gaza.\n\nThe word17 said 19 remain.\n", "draft.md")
    result = check_document(doc, rules)
    assert [loc.fact for loc in result.claims] == ["held", "fact-17"]
    compiled = [f for f in rules.facts for t in f.match.all if "pattern" in t.__dict__]
    assert len(compiled) < 200  # word1, and word17 … word1799, which start as "word17" does
    assert matching.term_index(rules.facts) is matching.term_index(rules.facts)  # built once
