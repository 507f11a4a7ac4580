"""The word lists under factcheck/extract/words: one word a line, sorted, unique, each one read by the code."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.extract import lexicon

WORDS = Path(lexicon.__file__).resolve().parent / "words"
FILES = sorted(WORDS.glob("*.txt"))


def test_there_are_word_lists():
    assert len(FILES) >= 20


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_word_list_is_sorted_and_unique(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# "), "a word list opens with a comment saying what it is for"
    assert text.endswith("\n") and "\n\n" not in text
    entries = lexicon.lines(path.stem)
    assert entries, "an empty word list"
    assert list(entries) == sorted(set(entries)), "not sorted, or a word twice"
    assert all(entry == entry.strip() and "  " not in entry for entry in entries)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_word_list_is_used(path):
    source = "".join(p.read_text(encoding="utf-8") for p in WORDS.parent.glob("*.py"))
    assert re.search(r"""["']""" + re.escape(path.stem) + r"""["']""", source), f"{path.name} is read by no module"


def test_pattern_reverses_in_code_and_prefers_longer_words():
    reversed_at = re.compile(lexicon.pattern("time_prepositions", reverse=True) + r"\b")
    assert reversed_at.match("ta")  # "at", matched on reversed text
    assert reversed_at.match("tuoba")
    currencies = re.compile(lexicon.pattern("vague_money_currencies"))
    assert currencies.match("pounds  sterling").group() == "pounds  sterling"
    assert currencies.match("pounds of").group() == "pounds"


def test_trie_matches_exactly_its_words():
    rx = re.compile(lexicon.trie(["or more", "or so", "and up", "and under"]) + r"\Z")
    assert all(rx.match(word) for word in ("or more", "or so", "and up", "and under"))
    assert not any(rx.match(word) for word in ("or", "and u", "or  more", "and upper"))
