"""Ages given as a decade of life: "in their 20s", "in her early thirties", "in his mid-40s".

Each is an age range in years.  The bounds are generous, because writers round: a decade is
``[d, d + 9]``; *early* ``[d, d + 4]``, *mid* ``[d + 3, d + 7]``, *late* ``[d + 5, d + 9]``;
the teens start at 13.  Only a possessive before the decade makes it an age: "in the 20s"
may be a temperature or an era, and yields no claim.  "late 20s or early 30s" is one range, [25, 34].
"""
from __future__ import annotations

from factcheck.extract import lazy_re as re
from factcheck.extract.core import Core

#: "in their", "into her": the possessive that makes a decade an age (the regex starts with a literal, to scan fast).
_POSSESSIVE = re.compile(r"in(?:to)?[ \t]+(?:his|her|their|my|your|our|its)[ \t]+", re.IGNORECASE)
#: The same on the lower-cased text, faster; only where no letter folds to "i" or "s" ("ı", "ſ") under IGNORECASE.
_POSSESSIVE_LOWER = re.compile(_POSSESSIVE.pattern)
_DECADE = re.compile(r"(?:(early|mid|late)[ \t]*-?[ \t]*)?(?:([1-9]0)['’]?s|(twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies|"
                     r"(teens))(?![A-Za-z0-9])", re.IGNORECASE)
_OR = re.compile(r"[ \t]+(?:or|to)[ \t]+")
_TENS = {"twent": 20, "thirt": 30, "fort": 40, "fift": 50, "sixt": 60, "sevent": 70, "eight": 80, "ninet": 90}
_PART = {None: (0, 9), "early": (0, 4), "mid": (3, 7), "late": (5, 9)}
_TEENS = {None: (13, 19), "early": (13, 15), "mid": (14, 17), "late": (16, 19)}


def decade_cores(text: str, low: str | None = None) -> list[Core]:
    """The decade-of-life ages in ``text`` as range cores in years (``low``: its lower-cased copy,
    when that has the same length)."""
    out = []
    fast = low is not None and "ı" not in low and "ſ" not in low
    for p in _POSSESSIVE_LOWER.finditer(low) if fast else _POSSESSIVE.finditer(text):
        if p.start() and text[p.start() - 1].isalpha():
            continue
        m = _DECADE.match(text, p.end())
        if m is None:
            continue
        lo, hi = _bounds(m)
        end = m.end()
        alt = _OR.match(text, end)
        m2 = _DECADE.match(text, alt.end()) if alt else None
        if m2 and _bounds(m2)[0] > lo:
            hi, end = _bounds(m2)[1], m2.end()  # "in their late 20s or early 30s": one range
        n = Core(m.start(), end, (lo + hi) / 2, words=not m.group(2))
        n.unit, n.kind, n.q, n.vague = "year", "age", "range", (lo, hi)
        out.append(n)
    return out


def _bounds(m: re.Match) -> tuple[int, int]:
    part = m.group(1).lower() if m.group(1) else None
    if m.group(4):
        return _TEENS[part]
    d = int(m.group(2)) if m.group(2) else _TENS[m.group(3).lower()]
    a, b = _PART[part]
    return d + a, d + b
