"""Which blocks of a page are the article: trafilatura's choice aligned onto the HTML reader's chunks.

The pages are our own (tests/cases/documents/*.html); positions are found by searching the raw
file, so the tests prove the mapping rather than repeat it.
"""
from __future__ import annotations

from conftest import CASES

from factcheck.documents import read_file, read_text
from factcheck.documents import article_blocks
from factcheck.documents.article_blocks import shared_words

PAGE = CASES / "documents" / "page-without-article.html"


def test_a_paragraph_the_page_repeats_is_kept_once_where_the_article_has_it():
    (doc,) = read_file(PAGE)
    raw = PAGE.read_text(encoding="utf-8")
    lead = "Farmers in the lower valley say"
    assert raw.count(lead) == 2 and doc.text.count(lead) == 1
    second = raw.index(lead, raw.index(lead) + 1)
    assert doc.locate(doc.text.index(lead)) == (raw.count("\n", 0, second) + 1,
                                                  second - raw.rfind("\n", 0, second))


def test_the_headline_and_the_page_around_the_article_are_not_read():
    (doc,) = read_file(PAGE)
    assert "Arden valley counts the cost as" not in doc.text  # the headline is the title
    assert doc.text.startswith("Farmers in the lower valley") and doc.text.rstrip().endswith("the water rose.")


def test_words_shared_in_order_cover_a_paragraph_with_an_inline_element_left_out():
    ours = "home local sport relief workers said on sunday that 40 shelters were open more from".split()
    theirs = "relief workers said on that 40 shelters were open".split()
    covered = shared_words(ours, theirs)
    assert [w for w, c in zip(ours, covered) if c] == theirs
    assert not any(covered[:3]) and not any(covered[-2:])


def test_alignment_is_one_to_one_and_in_order():
    ours = "a b c d x a b c d e f g h".split()
    theirs = "a b c d e f g h".split()
    covered = shared_words(ours, theirs)
    assert covered == [False] * 5 + [True] * 8


def test_short_texts_align_on_shorter_shingles():
    assert shared_words(["only", "7"], ["only", "7"]) == [True, True]
    assert shared_words(["menu", "9"], ["body", "3"]) == [False, False]
    assert shared_words([], ["x"]) == []


def test_a_page_trafilatura_finds_nothing_in_falls_back_to_article_and_main(monkeypatch):
    page = ("<html><body><nav>Home 1</nav><main><p>Gauges read 8 metres.</p><div class=\"share\">Share 5</div>"
            "</main><footer>Call 555</footer></body></html>")
    monkeypatch.setattr(article_blocks, "_extract", lambda source: "")
    (doc,) = read_text(page, "p.html")
    assert doc.text.strip() == "Gauges read 8 metres."
    (doc,) = read_text(page.replace("main>", "div>"), "p.html")
    assert doc.text.split() == "Home 1 Gauges read 8 metres. Share 5 Call 555".split()


def test_a_large_gap_is_not_aligned_word_by_word():
    ours = [f"menu{i}" if i % 2 else "the" for i in range(1200)]
    theirs = [f"body{i}" if i % 2 else "the" for i in range(1200)]
    assert not any(shared_words(ours, theirs))
    assert all(shared_words(ours[:40], theirs[:40])[::2])  # a small gap is: its shared words match


def test_a_page_that_repeats_itself_is_read_by_its_markup_not_aligned():
    """Issue 18: a 1 MB page of repeated paragraphs took difflib 26 s (pairs of equal shingles
    grow with the square of its length); such a page falls back on its <article> markup."""
    said = "the office in the capital said on Tuesday as talks went on"
    paras = "".join(f"<p>Officials said {i} hostages remain, {said}.</p>\n" for i in range(2000))
    page = f"<html><body><nav>Home 1</nav><article>{paras}</article><footer>Call 555</footer></body></html>"
    words = [w for i in range(2000) for w in f"officials said {i} hostages remain {said}".split()]
    assert article_blocks.equal_pairs(words, words) > 10_000_000
    assert shared_words(words, words) is None
    (doc,) = read_text(page, "p.html")
    assert doc.text.count("hostages remain") == 2000
    assert "Home 1" not in doc.text and "Call 555" not in doc.text
