"""The claim policy: every decision about what is and is not a claim, as a named rule.

A rule has a stable dotted id and a one-line summary, and is registered here once:

* ``not-claim.*`` rules drop a number ("not-claim.year": "the law passed in 2019"),
* ``claim.*`` rules take a number that a later rule would drop ("claim.one-in-n": "one in five"),
* ``unit.*`` rules decide what a bare number counts ("unit.age-from-name-comma": "Smith, 45,").

Most rules are small pure functions registered with ``@rule(id)``, whose docstring is the
summary, and asked in order by a ``Chain``; ``Patterns`` declares several rules that are each
one pattern at the same place, matched as one regex; ``declare`` registers a decision its
reader tests inline (a scanner's own pattern).  A rule only looks: the reader that asked it
changes the core.  Each rule's examples live in ``tests/cases/extract/policy/*.yaml`` and the
list of rules in ``docs/claim-policy.md``; ``Decision`` is what the explain trace records for
one number-looking span.
"""
from __future__ import annotations

import bisect
import math
from factcheck.extract import lazy_re as re
from dataclasses import dataclass
from typing import Callable, Iterable, TypeVar

#: The prefix of the ids of rules that drop a number.
DROP = "not-claim."
_ID = re.compile(r"(?:not-claim|claim|unit)\.[a-z0-9]+(?:-[a-z0-9]+)*\Z")


@dataclass(frozen=True)
class Rule:
    """A registered rule: its id, its one-line summary and the module that holds it."""

    id: str
    summary: str
    module: str

    @property
    def drops(self) -> bool:
        """Whether the rule drops the number it decides (a ``not-claim.*`` rule)."""
        return self.id.startswith(DROP)


#: Every rule, by id, in the order the modules registered them.
RULES: dict[str, Rule] = {}


def declare(rule_id: str, summary: str, module: str) -> str:
    """Register a rule that is not a function of its own; returns its id."""
    if not _ID.match(rule_id):
        raise ValueError(f"bad rule id {rule_id!r} (want not-claim.*, claim.* or unit.*, lower-case words and dashes)")
    if rule_id in RULES:
        raise ValueError(f"rule {rule_id} is registered twice ({RULES[rule_id].module} and {module})")
    if not summary or "\n" in summary:
        raise ValueError(f"rule {rule_id} needs a one-line summary")
    RULES[rule_id] = Rule(rule_id, summary, module)
    return rule_id


F = TypeVar("F", bound=Callable)


def rule(rule_id: str, keys: Iterable[str] | None = None, values: tuple[float | None, float | None] = (None, None),
         capital: bool = False) -> Callable[[F], F]:
    """Register the decorated function as the rule ``rule_id``; its one-line docstring is the summary.

    The gates tell a ``Chain`` when the rule can fire: ``keys`` are the only values of its key
    (the word before a number, say), ``values`` the range ``[low, high)`` of the number's value,
    and ``capital`` that a capital must be written (before the number, or at its start).  The
    rule still tests them itself, so that it reads alone.
    """
    def register(func: F) -> F:
        """Register ``func`` and mark it with its id and gates."""
        declare(rule_id, (func.__doc__ or "").strip(), func.__module__)
        func.rule_id = rule_id  # type: ignore[attr-defined]
        func.gates = (None if keys is None else frozenset(keys),  # type: ignore[attr-defined]
                      -math.inf if values[0] is None else values[0], math.inf if values[1] is None else values[1], capital)
        return func
    return register


_NO_GATES = (None, -math.inf, math.inf, False)


class Chain:
    """Rules asked in order about one view of a number: the first that fires decides.

    A rule fires when it returns something true; a check over ``Patterns`` (no ``rule_id`` of
    its own) fires by returning the id of its rule that matched.  A rule is asked only when its
    gates (``rule(keys=, values=, capital=)``) let the key, the value and the capital the caller
    passes through, so a number is asked only the rules that may apply to it.
    """

    def __init__(self, rules: Iterable[Callable]):
        self.rules = tuple(rules)
        gates = [(decides, *getattr(decides, "gates", _NO_GATES)) for decides in self.rules]
        self._bounds = sorted({bound for _, _, low, high, _ in gates for bound in (low, high) if math.isfinite(bound)})
        edges = [-math.inf, *self._bounds, math.inf]
        buckets = list(zip(edges, edges[1:]))  # value v falls in bucket i when edges[i] <= v < edges[i + 1]

        def asked(keyed: frozenset) -> tuple[tuple[tuple[Callable, ...], ...], ...]:
            """The rules asked without and with a capital, in each bucket, for a key only ``keyed`` rules are keyed on."""
            return tuple(tuple(tuple(decides for decides, keys, low, high, needs_capital in gates
                                     if (keys is None or decides in keyed) and low < top and bottom < high and
                                     (capital or not needs_capital))
                               for bottom, top in buckets)
                         for capital in (False, True))
        self._others = asked(frozenset())
        by_rules: dict[frozenset, tuple] = {}
        self._by_key = {}
        for key in {key for _, keys, *_ in gates for key in keys or ()}:
            keyed = frozenset(decides for decides, keys, *_ in gates if keys is not None and key in keys)
            self._by_key[key] = by_rules.get(keyed) or by_rules.setdefault(keyed, asked(keyed))

    def first(self, view, key: str, value: float = 0.0, capital: bool = True) -> str | None:
        """The id of the first rule that fires on ``view``, given its key, value and whether a capital is written; or None."""
        bucket = bisect.bisect_right(self._bounds, value) if self._bounds else 0
        for decides in self._by_key.get(key, self._others)[capital][bucket]:
            fired = decides(view)
            if fired:
                return fired if fired.__class__ is str else decides.rule_id
        return None


class Patterns:
    """Rules that are each one pattern anchored at the same place, compiled into one regex.

    ``match`` tries them in the order given and returns the id of the first that matches, so
    a set of checks costs one regex call however many rules it holds; a hot loop may call
    ``regex.match`` itself and ask ``rule`` only when it matched.
    """

    def __init__(self, module: str, rules: Iterable[tuple[str, str, str]], flags: int = 0):
        groups, ids = [], {}
        for index, (rule_id, summary, pattern) in enumerate(rules, 1):
            declare(rule_id, summary, module)
            groups.append(f"(?P<r{index}>{pattern})")
            ids[f"r{index}"] = rule_id
        self.regex = re.compile("|".join(groups), flags)
        self._by_index = {self.regex.groupindex[name]: rule_id for name, rule_id in ids.items()}

    def match(self, text: str, pos: int = 0) -> str | None:
        """The id of the first rule whose pattern matches ``text`` at ``pos``, or None."""
        found = self.regex.match(text, pos)
        return None if found is None else self._by_index[found.lastindex]  # a rule's group closes last

    def rule(self, found: re.Match) -> str:
        """The id of the rule whose pattern made ``found``, a match of ``regex``."""
        return self._by_index[found.lastindex]


@dataclass(frozen=True)
class Decision:
    """What the policy did with one number-looking span: the rule that took or dropped it."""

    start: int
    end: int
    text: str
    rule: str

    @property
    def taken(self) -> bool:
        """Whether the span became a claim (no ``not-claim.*`` rule dropped it)."""
        return not self.rule.startswith(DROP)

    def as_dict(self) -> dict:
        """The decision as builtin types (for JSON)."""
        return {"start": self.start, "end": self.end, "text": self.text, "rule": self.rule, "taken": self.taken}


def record(trace: list[Decision], text: str, start: int, end: int, rule_id: str) -> None:
    """Add to ``trace`` that the rule ``rule_id`` decided ``text[start:end]``."""
    trace.append(Decision(start, end, text[start:end], rule_id))


__all__ = ["Chain", "DROP", "Decision", "Patterns", "RULES", "Rule", "declare", "record", "rule"]
