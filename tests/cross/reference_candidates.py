"""The rule-less partner search as it was before ``candidates.Neighbourhood`` (issue 16):
every day's buckets searched for far-reaching mentions.  Kept as the reference the faster
search must equal, mention for mention."""
from __future__ import annotations

import bisect
from collections import defaultdict

from factcheck.cross import similarity as S
from factcheck.cross.consistency import also_said

FREE_CANDIDATES = 12


def free_partners(ms, members, window_days, rarity):
    """``consistency._free_partners`` before issue 16."""
    days = defaultdict(lambda: defaultdict(list))
    loose = []
    for i in members:
        m = ms[i]
        d = m.dates
        if d is None or d[0] != d[1]:
            loose.append(i)
            continue
        for name in m.holders or ("",):
            days[d[0].toordinal()][name].append(i)
    buckets = {day: {name: _Bucket(ms, idx) for name, idx in names.items()} for day, names in days.items()}
    loose_bucket = _Bucket(ms, loose)
    reach = int(window_days)
    best, found_of = {}, {}
    for i in members:
        a = ms[i]
        d = a.dates
        if d is None or d[0] != d[1] or S.timeless(a):
            near_days = list(buckets.values())
        else:
            o = d[0].toordinal()
            near_days = [b for k, b in buckets.items() if abs(k - o) <= reach]
        near = [bs[n] for bs in near_days for n in (*a.holders, "") if n in bs] if a.holders else \
            [b for bs in near_days for b in bs.values()]
        lo_v, hi_v = S.value_range(a.value)
        found = list(dict.fromkeys(p for bucket in near for p in bucket.around(a.value, lo_v, hi_v)))
        found = [p for p in found if S.in_time(a, ms[p[1]], window_days)]
        found += [p for p in loose_bucket.around(a.value, lo_v, hi_v) if S.in_time(a, ms[p[1]], window_days)]
        if len(found) > FREE_CANDIDATES:
            found.sort()
            del found[FREE_CANDIDATES:]
        found_of[i] = sorted(found)
        mine = {}
        for _, j in found:
            b = ms[j]
            if b.doc != a.doc:
                s = S.affinity(a, b, rarity)
                if s is not None and (b.doc not in mine or (s, -j) > (mine[b.doc][0], -mine[b.doc][1])):
                    mine[b.doc] = (s, j)
        best[i] = mine
    out = {}
    for i, mine in best.items():
        kept = {d: j for d, (_, j) in mine.items() if best.get(j, {}).get(ms[i].doc, (0, i))[1] == i}
        kept = also_said(ms, i, kept, found_of.get)  # an article that gives both figures (issue 14)
        if kept:
            out[i] = kept
    return out


class _Bucket:
    def __init__(self, ms, idx):
        self.idx = sorted(idx, key=lambda i: (ms[i].value, i))
        self.values = [ms[i].value for i in self.idx]

    def around(self, value, lo_v, hi_v):
        lo, hi = bisect.bisect_left(self.values, lo_v), bisect.bisect_right(self.values, hi_v)
        pos = bisect.bisect_left(self.values, value)
        a, b = max(lo, pos - FREE_CANDIDATES // 2), min(hi, pos + FREE_CANDIDATES // 2)
        return [(abs(v - value), j) for v, j in zip(self.values[a:b], self.idx[a:b])]
