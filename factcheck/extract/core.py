"""``Core``: a number as read from the text, while its context widens it into a claim."""
from __future__ import annotations


class Core:
    """A number core being widened into a claim (mutable while ``widen`` works on it).

    ``start``/``end`` span the claim so far and ``cend`` the core itself; ``step`` is the place
    value of the last digit, ``scale`` the multiplier of a scale word; ``q`` the qualifier
    name (see ``qualifiers.bounds``); ``vague`` the ``(low, high)`` of a vague amount or range;
    ``words`` tells a number written in words; ``adjective`` a unit joined by a hyphen;
    ``rule`` the id of the ``claim.*`` or ``unit.*`` rule that took it, if one did.
    """

    __slots__ = ("start", "end", "cend", "value", "unit", "kind", "q", "step", "vague", "scale", "words", "adjective", "rule")

    def __init__(self, start: int, end: int, value: float, words: bool = False):
        self.start, self.end, self.cend, self.value = start, end, end, value
        self.unit: str | None = None
        self.kind, self.q, self.step, self.vague, self.scale, self.words = "count", "exact", 0.0, None, 1.0, words
        self.adjective = False
        self.rule: str | None = None


__all__ = ["Core"]
