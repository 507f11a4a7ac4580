"""Which blocks of a web page are the article: trafilatura decides, the HTML reader keeps the places.

trafilatura (a well-kept main-text extractor) tells the article from the page around it —
menus, related links, captions, comments — but gives no positions back into the file.  The
HTML reader's text chunks carry exact positions.  This module aligns the two: both texts
become word 4-gram shingles (the words lower-cased), ``difflib`` finds the longest runs the
two sequences share in order (between two runs, the words left are aligned one by one), and
a block of the page (the chunks between two block boundaries) is article text when most of
its words are aligned.  The alignment is one to one and in order, so a paragraph a page
carries twice (a teaser, a hidden copy) is kept once, where trafilatura took it.

``difflib``'s time grows with the pairs of equal shingles the two sides hold: one pair each on
a real page (at most three per shingle on the 181 pages of bench/html.py), but a page that
repeats itself (the same paragraph a thousand times) makes the pairs, and the time, grow with
the square of its length.  Past ``MAX_PAIRS`` per shingle the page is not aligned and the
reader falls back on its ``<main>``/``<article>`` markup, as for a page trafilatura finds no
article in.
"""
from __future__ import annotations

import difflib
import logging
import re
from collections import Counter
from typing import Sequence

WORD = re.compile(r"\w+")
SHINGLE = 4
#: The largest gap between two aligned runs (words on our side × theirs) aligned word by word:
#: an inline element left out makes a small gap; a large one is text the two do not share, and
#: aligning it word by word would cost time for nothing.
MAX_GAP = 250_000
#: Pairs of equal shingles per shingle (plus a floor for small pages) past which a page is
#: too repetitive to align in bounded time.
MAX_PAIRS, PAIRS_FLOOR = 50, 200_000
_LOG = logging.getLogger("trafilatura")


def _extract(source: str) -> str:
    """trafilatura's article text of a page (reader comments left out, tables kept).

    ``fast``: its own extraction without the backup extractors it compares with (readability,
    jusText).  Measured on the 181 pages of bench/html_text.py: F1 0.963 against 0.960, 3.8 s
    against 4.8 s.
    """
    import trafilatura  # heavy: imported when a page is read, not with factcheck
    if not _LOG.handlers:  # its "discarding data" notes are not the user's business
        _LOG.addHandler(logging.NullHandler())
    return trafilatura.extract(source, include_comments=False, include_tables=True, fast=True) or ""


def _words(pieces: Sequence[tuple]) -> tuple[list[str], list[int], list[list[int]]]:
    """The pieces' words, the block each word stands in, and each block's piece indices."""
    words: list[str] = []
    owner: list[int] = []
    blocks: list[list[int]] = [[]]
    for i, (text, at, *_) in enumerate(pieces):
        if at is None:
            if blocks[-1]:
                blocks.append([])
            continue
        blocks[-1].append(i)
        found = WORD.findall(text.lower())
        words.extend(found)
        owner.extend([len(blocks) - 1] * len(found))
    return words, owner, blocks


def shared_words(ours: Sequence[str], theirs: Sequence[str], n: int = SHINGLE) -> list[bool] | None:
    """For each of ``ours``, whether the in-order alignment with ``theirs`` matches it; None
    when the two are too repetitive to align in bounded time (see ``MAX_PAIRS``).

    Runs of shared n-grams anchor the alignment; between two anchors, the words left on both
    sides are aligned one by one (trafilatura drops some inline elements, such as a ``<time>``,
    from a paragraph it keeps, which breaks the n-grams around them).
    """
    n = max(1, min(n, len(ours), len(theirs)))
    a = [hash(tuple(ours[i:i + n])) for i in range(len(ours) - n + 1)]
    b = [hash(tuple(theirs[i:i + n])) for i in range(len(theirs) - n + 1)]
    if equal_pairs(a, b) > MAX_PAIRS * (len(a) + len(b)) + PAIRS_FLOOR:
        return None
    covered = [False] * len(ours)
    i = j = 0
    for start, other, size in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        if not size:  # the sentinel at the end: the gap runs to the last word
            start, other = len(ours), len(theirs)
        if start > i and other > j and (start - i) * (other - j) <= MAX_GAP:
            gap = difflib.SequenceMatcher(None, ours[i:start], theirs[j:other], autojunk=False)
            for x, _, k in gap.get_matching_blocks():
                covered[i + x:i + x + k] = [True] * k
        if size:
            covered[start:start + size + n - 1] = [True] * (size + n - 1)
            i, j = start + size + n - 1, other + size + n - 1
    return covered


def equal_pairs(a: Sequence, b: Sequence) -> int:
    """How many pairs (i, j) have ``a[i] == b[j]``: what ``difflib`` walks through."""
    counts = Counter(b)
    return sum(k * counts[x] for x, k in Counter(a).items() if x in counts)


def article_pieces(source: str, pieces: Sequence[tuple]) -> set[int] | None:
    """Indices of the ``pieces`` (``html`` reader chunks: text, offset or None for a block end, …)
    that are the article's text, or ``None`` when trafilatura finds no article on the page."""
    theirs = WORD.findall(_extract(source).lower())
    if not theirs:
        return None
    ours, owner, blocks = _words(pieces)
    covered = shared_words(ours, theirs)
    if covered is None:
        return None
    words = [0] * len(blocks)
    shared = [0] * len(blocks)
    for block, hit in zip(owner, covered):
        words[block] += 1
        shared[block] += hit
    kept = {i for b, block in enumerate(blocks) if words[b] and 2 * shared[b] > words[b] for i in block}
    return kept or None


__all__ = ["MAX_GAP", "MAX_PAIRS", "SHINGLE", "article_pieces", "equal_pairs", "shared_words"]
