"""Stage 2, extract: text → ``[Claim]``.

Number cores are read (digits, words, fractions), widened by their context (qualifiers,
units, ranges) and kept or dropped by the claim policy, a registry of named rules
(``policy.RULES``); each claim carries its interval.  ``explain(text)`` tells which rule took
or dropped every number-looking span.
"""

from factcheck import lazy_exports

_EXPORTS = {"extract": "claims", "explain": "claims", "RULES": "claims", "Decision": "policy", "Rule": "policy"}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = [*_EXPORTS]
