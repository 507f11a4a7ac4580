"""Stage 2, extract: text → ``[Claim]``.

Number cores are read (digits, words, fractions), widened by their context (qualifiers,
units, ranges) and kept or dropped by the claim policy, a registry of named rules
(``policy.RULES``); each claim carries its interval.  ``explain(text)`` tells which rule took
or dropped every number-looking span.
"""
from factcheck.extract.claims import RULES, explain, extract
from factcheck.extract.policy import Decision, Rule

__all__ = ["Decision", "RULES", "Rule", "explain", "extract"]
