"""Stage 2, extract: text → ``[Claim]``.

Number cores are read (digits, words, fractions), widened by their context (qualifiers,
units, ranges) and kept or dropped by the claim policy; each claim carries its interval.
"""

from factcheck import lazy_exports

_EXPORTS = {"extract": "claims"}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = [*_EXPORTS]
