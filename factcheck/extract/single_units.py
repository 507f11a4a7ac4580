"""One unit written with "a" under a qualifier: "nearly a foot of snow", "more than a mile long".

"a mile" alone is often an idiom ("won by a mile") and "a year" is never a count, so only a
length, area, weight or volume with a qualifier before it ("nearly", "more than", "about",
"up to" …) becomes a claim of one unit.  Durations stay out ("more than an hour later").
"""
from __future__ import annotations

from factcheck.extract import lazy_re as re
from typing import Callable

from factcheck.extract.core import Core
from factcheck.extract.lexicon import trie
from factcheck.extract.policy import Decision, record, rule

_SURFACES = (" a mile", " a foot", " an inch", " a yard", " a kilometre", " a kilometer", " a metre", " a meter",
             " an acre", " a hectare", " a tonne", " a ton", " a gallon", " a litre", " a liter")
#: " a foot", " an acre" in the lower-cased text: one scan, a longer surface winning (" a tonne").
_SURFACE = re.compile(trie(_SURFACES))


@rule("not-claim.unqualified-single-unit")
def unqualified_single_unit(core: Core) -> bool:
    """One unit written with "a" is a claim only under a qualifier ("nearly a foot of snow"; not "won by a mile")."""
    return core.q == "exact" or core.unit is None


def single_unit_cores(text: str, low: str, widen: Callable[[str, Core], str | None],
                      trace: list[Decision] | None = None) -> list[Core]:
    """The qualified single units in ``text`` (``low`` is its lower-cased copy), widened; what is
    dropped is recorded in ``trace`` when one is given."""
    out = []
    for found in _SURFACE.finditer(low):
        end = found.end()
        if not (low[end:end + 1].isalpha() or low[end:end + 1] == "-"):
            article = found.start() + 1
            core = Core(article, article + (2 if low.startswith(" an ", found.start()) else 1), 1.0, words=True)
            dropped = widen(text, core)
            if dropped is None and unqualified_single_unit(core):
                dropped = unqualified_single_unit.rule_id
            if dropped is None:
                out.append(core)
            elif trace is not None:
                record(trace, text, article, end, dropped)
    return out


__all__ = ["single_unit_cores"]
