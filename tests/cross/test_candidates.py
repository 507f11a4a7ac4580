"""The bounded candidate search (``candidates.Neighbourhood``) gives exactly the partners the
search over every day's buckets gave (``reference_candidates``), on random groups full of
ties, fixed counts, counts that move one way, shared anchors, places and undated articles."""
from __future__ import annotations

import datetime as dt
import random

import pytest

from factcheck.cross import candidates, consistency, similarity
from factcheck.cross.slices import Slice, day_counts, placed, plan
from factcheck.frames.model import Frame
from factcheck.models import Claim, Located
from factcheck.cross.record import Mention
from reference_candidates import free_partners

ANCHORS = ["y2029", "y2030", "d03-04", "d03-09", "phase1", "e:flood"]
START = dt.date(2030, 3, 1)


def _group(rng: random.Random, n: int) -> list[Mention]:
    ms = []
    for k in range(n):
        doc = rng.randrange(max(2, n // 3))
        value = float(rng.choice((10, 12, 12, 20, 20, 20, 25, 30, 41, 80)))
        when = rng.random()
        date = None if when < 0.08 else START + dt.timedelta(days=rng.choice((0, 1, 2, 5, 9, 40, 120, 300)))
        period = "2030-03" if date is None and when < 0.04 else ""
        fixed = rng.random() < 0.3
        trend = 0 if fixed else rng.choice((-1, 0, 0, 1))
        anchor = frozenset(rng.sample(ANCHORS, rng.randint(0, 2)))
        frame = Frame("person", "people", predicate="kill", predicate_words="killed", anchor=anchor,
                      trend=trend, fixed=fixed)
        places = frozenset(rng.sample(["ab", "cd", "ef"], rng.randint(0, 2)))
        claim = Claim(value, value, value, "exact", None, k, k + 2, str(int(value)))
        loc = Located(f"doc{doc:03}.md", k + 1, 1, claim, date, None)
        terms = frozenset({"kill", "person", rng.choice(("bridge", "flood", "storm"))})
        ms.append(Mention(loc, "people killed", terms, frame, names=places | {"zz"}, holders=places, period=period))
    return sorted(ms, key=consistency.order)


@pytest.mark.parametrize("walk_above", [0, 10**9])
@pytest.mark.parametrize("window", [2.0, 0.0, 5.5])
def test_bounded_search_equals_every_day_search(monkeypatch, walk_above, window):
    monkeypatch.setattr(candidates, "WALK_BUCKETS", walk_above)
    rng = random.Random(f"{walk_above}-{window}")
    for _ in range(30):
        ms = _group(rng, rng.randint(5, 90))
        members = list(range(len(ms)))
        rarity = similarity.rarity(ms)
        want = free_partners(ms, members, window, rarity)
        assert consistency.group_partners(ms, members, "|||p:kill", None, window, rarity) == want


def test_slices_cut_every_chunk_th_mention_and_load_a_margin():
    days = [1, 1, 2, 3, 3, 3, 7, 8, None]
    slices = plan(day_counts(days), len(days), "|||p:kill", 2.0, chunk=3)
    assert [(s.lo, s.hi, s.first) for s in slices] == [(1, 3, True), (3, 7, False), (7, 9, False)]
    assert all(s.pad == 5.0 for s in slices)
    assert plan(day_counts(days), len(days), "k", 2.0, chunk=9) == [Slice()]
    assert placed(slices, None) == [(0, True), (1, False), (2, False)]
    assert placed(slices, 7) == [(0, False), (1, False), (2, True)]
    assert plan(day_counts([None] * 5), 5, "fact:x", 2.0, chunk=2) == [Slice()]


def test_a_sliced_key_judges_each_mention_once():
    rng = random.Random(5)
    ms = _group(rng, 400)
    whole = consistency.cross_findings(ms, None, chunk=10**9)
    sliced = consistency.cross_findings(ms, None, chunk=60)
    assert len({(f.path, f.line, f.column) for f in sliced}) == len(sliced)
    assert {f.path for f in sliced} <= {m.located.path for m in ms} and whole
