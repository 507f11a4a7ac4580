"""A run of text with no sentence end is cut into sentences of at most ``MAX_SENTENCE``
characters, at a space (issue 18: a megabyte on one line was one sentence every claim re-read)."""
from __future__ import annotations

from factcheck.extract.claims import extract
from factcheck.extract.sentences import MAX_SENTENCE, Sentences


def _sentences(text: str) -> list[tuple[int, int]]:
    cursor, pos, out = Sentences(text), 0, []
    while pos < len(text):
        out.append(cursor.around(pos))
        pos = out[-1][1]
    return out


def test_a_run_on_line_is_cut_at_spaces_into_bounded_sentences():
    text = "".join(f"officials said {i} hostages remain, " for i in range(3000))
    spans = _sentences(text)
    assert len(spans) > len(text) // MAX_SENTENCE
    assert all(b - a <= MAX_SENTENCE for a, b in spans)
    assert all(text[b - 1] == " " for a, b in spans[:-1])  # never inside a word or a number
    assert [a for a, _ in spans[1:]] == [b for _, b in spans[:-1]]  # no gap, no overlap


def test_sentences_below_the_cap_are_untouched():
    long = "The council said " + ", ".join(f"{i} roads" for i in range(150)) + " were closed. Then 5 reopened."
    assert 1000 < long.index(". Then") < MAX_SENTENCE
    spans = _sentences(long)
    assert spans == [(0, long.index("Then")), (long.index("Then"), len(long))]


def test_every_claim_of_a_run_on_line_is_read_with_its_bounded_sentence():
    text = "".join(f"officials said {i + 10} hostages remain, " for i in range(3000))
    claims = extract(text)
    assert len(claims) == 3000
    assert all(c.sentence_start <= c.start < c.end <= c.sentence_end for c in claims)
    assert max(c.sentence_end - c.sentence_start for c in claims) <= MAX_SENTENCE
