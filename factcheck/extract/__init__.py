"""Stage 2, extract: text → ``[Claim]``.

Number cores are read (digits, words, fractions), widened by their context (qualifiers,
units, ranges) and kept or dropped by the claim policy; each claim carries its interval.
"""
from factcheck.extract.claims import extract

__all__ = ["extract"]
