"""Cross-article consistency: claims about the same quantity compared across documents.

Mentions are grouped first — by fact id when the rules attached one, otherwise by their
rule-less index key (unit, role, predicate or counted noun; see ``quantity.candidate_terms``)
— and compared only within a group, so the work grows with the group sizes, never with all
pairs.  Each mention then gets at most one *partner* per other document:

* fact-keyed: the closest claim about the same fact in that document, when both documents
  fall in the same timeline entry of the fact (any date for a fact without a timeline);
* rule-less: the best-scoring look-alike in that document (content words near the number,
  closeness of the values), within ``window_days``, kept unless the look-alike prefers
  another claim of this document, so same-value counterparts compete with different-value
  ones (a look-alike that never saw this document, its candidates being capped, does not
  veto the pair).

A mention is *blamed* when the partners that disagree with it (intervals that do not meet)
agree among themselves in more documents than agree with it; with no majority each side gets
a warning.  A newer, larger figure than every disagreeing one (a running total) is an
``info`` "evolving figure", not a contradiction; the older, smaller side stays silent.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Mapping, Sequence

from factcheck.cross import similarity as S, slices
from factcheck.cross.candidates import FREE_CANDIDATES, Neighbourhood
from factcheck.cross.mentions import Mention, candidate_terms
from factcheck.models import Finding, Related, Severity, fmt_number

MAX_CANDIDATES = 100


def cross_findings(mentions: Sequence[Mention], facts: Mapping | None = None, *,
                   window_days: float = 2.0, chunk: int | None = None,
                   rarity: Mapping[str, float] | None = None) -> list[Finding]:
    """``cross-article`` findings over ``mentions`` (every document's, archive ones included).

    ``facts`` maps fact ids to ``rules.Fact`` (timeline periods and severities); without it
    fact-keyed mentions are compared at any date with warning severity.  A key with more
    than ``chunk`` (``slices.CHUNK``) mentions is judged a slice of days at a time; ``rarity``
    (``similarity.rarity`` of all the mentions) may be given when computed elsewhere.
    """
    ms = sorted(mentions, key=order)
    groups: dict[str, list[int]] = defaultdict(list)
    keys = [0] * len(ms)
    for i, m in enumerate(ms):
        for key in candidate_terms(m):
            groups[key].append(i)
            keys[i] += 1
    rarity = S.rarity(ms) if rarity is None else rarity
    chunk = slices.CHUNK if chunk is None else chunk
    partners: dict[int, dict[str, int]] = {}
    for key in sorted(groups):
        members = groups[key]
        plan = slices.plan(slices.day_counts(day(ms[i]) for i in members), len(members), key, window_days, chunk)
        for s in plan:
            loaded = [i for i in members if s.loads(day(ms[i]))]
            merge_partners(partners, group_partners(ms, loaded, key, facts, window_days, rarity,
                                                    judged=lambda i, s=s: s.judges(day(ms[i])),
                                                    alone=lambda i: keys[i] == 1))
    out = [f for i in sorted(partners) if (f := judge(ms[i], [ms[j] for _, j in sorted(partners[i].items())], facts))]
    out.sort(key=Finding.sort_key)
    return out


def compared(own: Sequence[Mention], others: Sequence[Mention], window_days: float = 2.0) -> list[Mention]:
    """The figures of ``others`` that one of ``own`` could be compared with: filed under one of
    its keys and close enough in time (what a draft was actually checked against)."""
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for m in own:
        for key in candidate_terms(m):
            by_key[key].append(m)
    return [o for o in others if any(S.in_time(m, o, window_days) for key in candidate_terms(o)
                                     for m in by_key.get(key, ()))]


def key_findings(mentions: Sequence[Mention], key: str, facts: Mapping | None = None, *, window_days: float = 2.0,
                 judged=None) -> list[Finding]:
    """The findings of one key's comparison group alone (what ``report`` lists under the key):
    ``mentions`` are the group's (or a slice's, with its margin), ``judged(m)`` says which
    of them are judged here (all by default); names are weighed among these mentions."""
    ms = sorted(mentions, key=order)
    found = group_partners(ms, range(len(ms)), key, facts, window_days, S.rarity(ms),
                           judged=None if judged is None else lambda i: judged(ms[i]), alone=lambda i: True)
    out = [f for i in sorted(found) if (f := judge(ms[i], [ms[j] for _, j in sorted(found[i].items())], facts))]
    out.sort(key=Finding.sort_key)
    return out


def group_partners(ms: Sequence[Mention], members: Sequence[int], key: str, facts: Mapping | None,
                   window_days: float, rarity: Mapping[str, float], judged=None,
                   alone=None) -> dict[int, dict[str, int]]:
    """For each of ``members`` (indexes into ``ms``, which is in ``order``) that has some, its
    partner in each other document under ``key``: {index: {document: partner index}}; only
    for the members ``judged(index)`` accepts, when given (the others are counterparts).

    ``alone(index)`` says that a member's partners are judged from this key alone (not merged
    with another key's): such a member whose every candidate meets its value can have no
    finding, and its partners are not looked for (rule-less keys)."""
    members = list(members)
    judged_members = members if judged is None else [i for i in members if judged(i)]
    if key.startswith("fact:"):
        return _fact_partners(ms, members, (facts or {}).get(key[5:]), set(judged_members))
    return _free_partners(ms, members, window_days, rarity, judged_members, alone)


def merge_partners(partners: dict[int, dict[str, int]], found: Mapping[int, Mapping[str, int]]) -> None:
    """Add one key's partners: a document already partnered under an earlier key keeps its partner."""
    for i, docs in found.items():
        mine = partners.setdefault(i, {})
        for d, j in docs.items():
            mine.setdefault(d, j)


def judge(m: Mention, partners: list[Mention], facts: Mapping | None) -> Finding | None:
    """The finding ``m`` deserves given its partners (one per other document, in document order)."""
    fact = (facts or {}).get(m.located.fact) if m.located.fact else None
    return _judge(m, partners, fact, not (fact is not None and fact.timeline))


def day(m: Mention) -> int | None:
    """The ordinal of a mention's day; None when undated (or dated to a month or a year)."""
    return m.located.date.toordinal() if m.located.date else None


def order(m: Mention) -> tuple:
    """The order mentions are compared in: by path, line, column, offset, value and record (the
    records of one JSON Lines file share its path, and their lines may coincide)."""
    loc = m.located
    return (loc.path, loc.line, loc.column, loc.claim.start, loc.claim.value, m.record)


def _fact_partners(ms: Sequence[Mention], members: list[int], fact, judged: set[int]) -> dict[int, dict[str, int]]:
    """For each mention, the closest same-fact claim in each other document of the same period."""
    timeline = fact is not None and bool(fact.timeline)
    period = {i: fact.period_index(ms[i].located.date) if timeline else 0 for i in members}
    by_period: dict = defaultdict(list)
    for i in members:
        by_period[period[i]].append(i)
    out: dict[int, dict[str, int]] = {}
    for p, idx in by_period.items():
        if p is None:
            continue
        idx.sort(key=lambda i: (S.day_of(ms[i]), i))
        docs = [ms[i].doc for i in idx]
        claims = [ms[i].located.claim for i in idx]
        half = MAX_CANDIDATES // 2
        for pos, i in enumerate(idx):
            if i not in judged:
                continue
            me, c = docs[pos], claims[pos]
            best: dict[str, tuple] = {}
            for k in range(max(0, pos - half), min(len(idx), pos + half)):
                d, o = docs[k], claims[k]
                if d == me:
                    continue
                rank = (not (c.low <= o.high and o.low <= c.high), abs(c.value - o.value), idx[k])
                if d not in best or rank < best[d]:
                    best[d] = rank
            if best:
                out[i] = {d: r[2] for d, r in best.items()}
    return out


def _free_partners(ms: Sequence[Mention], members: list[int], window_days: float,
                   rarity: Mapping[str, float], judged: list[int], alone=None) -> dict[int, dict[str, int]]:
    """For each ``judged`` mention, its mutual best look-alike in each other document (rule-less
    keying); a look-alike's own best is found only when a judged mention needs it.

    Candidates come from ``candidates.Neighbourhood`` (value-sorted buckets by day and name,
    the ``FREE_CANDIDATES`` nearest in value within reach in time), so the work grows with the
    group, never with all pairs.  A look-alike that never saw this document, its candidates
    being capped, does not veto the pair; an article that gives both figures contradicts
    neither (``also_said``).
    """
    near = Neighbourhood(ms, members, window_days)
    best: dict[int, dict[str, tuple[float, int]]] = {}
    found: dict[int, list[tuple[float, int]]] = {}

    def candidates(i: int) -> list[tuple[float, int]]:
        mine = found.get(i)
        if mine is None:
            mine = found[i] = near.candidates(i)
        return mine

    def best_of(i: int) -> dict[str, tuple[float, int]]:
        mine = best.get(i)
        if mine is None:
            a = ms[i]
            mine = best[i] = {}
            for _, j in candidates(i):
                b = ms[j]
                if b.doc != a.doc:
                    s = S.affinity(a, b, rarity)
                    if s is not None and (b.doc not in mine or (s, -j) > (mine[b.doc][0], -mine[b.doc][1])):
                        mine[b.doc] = (s, j)
        return mine

    out: dict[int, dict[str, int]] = {}
    for i in judged:
        if alone is not None and alone(i) and (near.all_meet(i) or all(S.agrees(ms[i], ms[j]) for _, j in candidates(i))):
            continue  # its partners are among its candidates, and none can disagree with it
        kept = also_said(ms, i, {d: j for d, (_, j) in best_of(i).items()
                                 if best_of(j).get(ms[i].doc, (0, i))[1] == i}, candidates)
        if kept:
            out[i] = kept
    return out


def also_said(ms: Sequence[Mention], i: int, kept: dict[str, int], candidates) -> dict[str, int]:
    """``i``'s partners ``kept`` (document → index), with an article that gives both figures
    of one counted noun contradicting neither ("Forget 10,000 steps: 7,000 may do" against
    "hit 10,000 steps … 7,000 may be enough"): a partner that differs gives way to a figure of
    its document that says ``i``'s value, and the pair goes when ``i``'s own document also
    says the partner's value.  ``candidates(index)`` gives a mention's candidates."""
    for d, j in list(kept.items()):
        if not S.meets(ms[i], ms[j]):
            k = _saying(ms, i, d, candidates(i))
            if k is not None:
                kept[d] = k
            elif _saying(ms, j, ms[i].doc, candidates(j)) is not None:
                del kept[d]
    return kept


def _saying(ms: Sequence[Mention], i: int, doc: str, near: list[tuple[float, int]]) -> int | None:
    """A figure of ``doc`` among ``i``'s candidates that gives ``i``'s value for the same
    counted noun, in a frame and a setting (time, place, year) that may count the same thing."""
    a = ms[i]
    if not a.noun:
        return None
    for _, k in near:
        b = ms[k]
        if b.doc == doc and b.noun == a.noun and S.meets(a, b) and S.compatible(a.frame, b.frame) \
                and S.same_setting(a, b):
            return k
    return None


def _judge(m: Mention, partners: list[Mention], fact, evolving: bool) -> Finding | None:
    """The finding ``m`` deserves given its partners (one per other document), or None."""
    agreed = [S.agrees(m, p) for p in partners]
    agree = [p for p, yes in zip(partners, agreed) if yes]
    differ = [p for p, yes in zip(partners, agreed) if not yes]
    if not differ:
        return None
    older, newer, conflict = [], [], []
    for p in differ:
        trend = _trend(m, p) if evolving and not S.named_age(m) else 0
        (older if trend > 0 else newer if trend < 0 else conflict).append(p)
    if m.frame.fixed:
        conflict, older, newer = conflict + older + newer, [], []
    if conflict:
        conflict = conflict + older
        groups = _value_groups(conflict)
        size = max(len({p.doc for p in g}) for g in groups)
        own = 1 + len({p.doc for p in agree})
        if size < own:
            return None
        major = [p for g in groups if len({q.doc for q in g}) == size for p in g]
        clear = size > own
        severity = (fact.severity if fact is not None else Severity.WARNING) if clear else Severity.WARNING
        return _finding(m, major, severity, len({p.doc for p in major}), _inconsistent(m, major, size, clear))
    if older and not newer:
        n = len({p.doc for p in older})
        said = ", ".join(f"{_vals([p])} on {_when(p)}" for p in older)
        message = (f"evolving figure: {m.phrase} — {n} older article{'s' if n > 1 else ''} said {said} "
                   f"({_label(m)})")
        return _finding(m, older, Severity.INFO, 0, message)
    return None


def _trend(m: Mention, p: Mention) -> int:
    """+1 when ``m`` moved from ``p`` the way its quantity can move (newer and larger for a
    running total; newer and smaller for what remains), -1 when ``p`` did, else 0."""
    dm, dp = m.dates, p.dates
    if dm is None or dp is None:
        return 0
    way = -1 if m.frame.trend < 0 else 1
    if dm[0] > dp[1] and _beyond(m, p, way):
        return 1
    if dm[1] < dp[0] and _beyond(p, m, way):
        return -1
    return 0


def _beyond(new: Mention, old: Mention, way: int) -> bool:
    return new.low > old.high if way > 0 else new.high < old.low


def _when(m: Mention) -> str:
    return m.located.date.isoformat() if m.located.date else m.period


def _value_groups(ms: list[Mention]) -> list[list[Mention]]:
    """Mentions grouped by agreeing values (sorted by low bound, chained while they meet)."""
    groups: list[list[Mention]] = []
    for p in sorted(ms, key=lambda p: (p.located.claim.low, p.located.claim.high, order(p))):
        if groups and S.meets(groups[-1][-1], p):
            groups[-1].append(p)
        else:
            groups.append([p])
    return groups


def _label(m: Mention) -> str:
    return m.located.fact or m.key or "same quantity"


def _vals(ms: list[Mention]) -> str:
    seen = []
    for p in sorted(ms, key=lambda p: p.value):
        c = p.located.claim
        text = fmt_number(c.value) if c.low == c.high and not c.unit else c.text
        if text not in seen:
            seen.append(text)
    return ", ".join(seen)


def _inconsistent(m: Mention, major: list[Mention], size: int, clear: bool) -> str:
    n = len({p.doc for p in major})
    verb = "says" if n == 1 else "say"
    tail = "inconsistent" if clear else "inconsistent, no majority"
    return (f"{m.phrase} — {n} other article{'s' if n > 1 else ''} {verb} {_vals(major)} "
            f"({_label(m)}): {tail}")


def _finding(m: Mention, related: list[Mention], severity: Severity, agree: int, message: str) -> Finding:
    loc, c = m.located, m.located.claim
    rel = tuple(Related(p.located.path, p.located.line, p.located.column, p.located.claim.text, p.located.claim.value,
                        p.located.date, p.phrase, p.located.fact or p.key)
                for p in sorted(related, key=order))
    return Finding(
        kind="cross-article", severity=severity, path=loc.path, line=loc.line, column=loc.column,
        end_column=loc.end_column, message=message, text=c.text, value=c.value,
        low=c.low, high=c.high, fact=loc.fact,
        key=None if loc.fact else m.key, related=rel, agree=agree)


__all__ = ["FREE_CANDIDATES", "MAX_CANDIDATES", "also_said", "compared", "cross_findings", "day", "group_partners",
           "judge", "key_findings", "merge_partners", "order"]
