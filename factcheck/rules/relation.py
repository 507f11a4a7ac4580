"""Relation expressions: ``a + b == c``, ``x <= y <= z``, parsed by hand and evaluated on intervals.

Grammar (no ``eval``)::

    check   := sum (cmp sum)+          cmp := == | != | < | <= | > | >=
    sum     := product (("+" | "-") product)*
    product := unary (("*" | "/") unary)*
    unary   := "-" unary | atom
    atom    := NUMBER | FACT-ID | "(" sum ")"

A fact id is ``[a-z0-9][a-z0-9-]*[a-z0-9]`` (or one character), read greedily, so a binary
minus needs spaces around it (``a - b``; ``a-b`` is one id).  A check nests at most
``MAX_NESTING`` parentheses and minus signs and chains at most ``MAX_DEPTH`` operators one
on another (``a + b + …`` is a chain): deeper ones are refused, so nothing that reads an
expression recurses past Python's limit.  A comparison *can hold* when
some values inside the intervals satisfy it: ``[24, 26] + 8 == 33`` holds, ``25 + 8 == 30``
does not.  A chain ``a <= b <= c`` means ``a <= b and b <= c`` with the same ``b``.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Mapping, Union

from factcheck.errors import RuleError
from factcheck.models import Interval

COMPARISONS = ("==", "!=", "<=", ">=", "<", ">")
_TOKEN = re.compile(r"\s*(?:(?P<op>==|!=|<=|>=|[-+*/()<>])|(?P<word>[a-z0-9][a-z0-9-]*[a-z0-9]|[a-z0-9])"
                    r"(?P<frac>\.\d+(?:e[-+]?\d+)?)?)")
_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:e[-+]?\d+)?\Z")
EVERYTHING = Interval(-math.inf, math.inf, True, True)
MAX_NESTING = 50
MAX_DEPTH = 100


@dataclass(frozen=True, slots=True)
class Num:
    """A number written in the expression."""

    value: float


@dataclass(frozen=True, slots=True)
class Ref:
    """A fact id; ``offset`` is where it starts in the expression text (0-based)."""

    name: str
    offset: int


@dataclass(frozen=True, slots=True)
class Op:
    """A unary minus (``right`` is None) or a binary ``+ - * /``."""

    op: str
    left: "Node"
    right: "Node | None" = None


Node = Union[Num, Ref, Op]


@dataclass(frozen=True, slots=True)
class Expression:
    """A parsed check: its operands and the comparisons between them."""

    text: str
    operands: tuple[Node, ...]
    comparisons: tuple[str, ...]

    @property
    def refs(self) -> tuple[Ref, ...]:
        """Every fact reference, in order of appearance (repeats included)."""
        out: list[Ref] = []
        for node in self.operands:
            _collect(node, out)
        return tuple(out)

    @property
    def names(self) -> tuple[str, ...]:
        """The fact ids the expression names, each once, in order of first appearance."""
        return tuple(dict.fromkeys(r.name for r in self.refs))

    def holds(self, values: Mapping[str, Interval]) -> bool | None:
        """Whether the comparisons can all hold on the facts that have a value.

        In a chain such as ``a <= b <= c`` the links between present operands are checked
        (by transitivity when the chain runs one way); None when nothing can be checked.
        """
        if any(name not in values for name in self.names):
            return self._partial(values)
        current = evaluate(self.operands[0], values)
        for op, node in zip(self.comparisons, self.operands[1:]):
            right = evaluate(node, values)
            if not can_hold(current, op, right):
                return False
            current = _narrow(current, op, right)
        return True


    def implied(self, name: str, values: Mapping[str, Interval]) -> Interval | None:
        """What an equation ``... == name`` (or ``name == ...``) says ``name`` should be, from the
        other side's values; None for other checks or when the other side is not all known."""
        if self.comparisons != ("==",):
            return None
        for mine, other in (self.operands, self.operands[::-1]):
            if isinstance(mine, Ref) and mine.name == name and all(r.name in values for r in _refs(other)):
                return evaluate(other, values)
        return None

    def _partial(self, values: Mapping[str, Interval]) -> bool | None:
        have = [i for i, node in enumerate(self.operands)
                if all(r.name in values for r in _refs(node))]
        ops = set(self.comparisons)
        monotone = ops <= {"<", "<="} or ops <= {">", ">="} or ops == {"=="}
        checked = None
        for i, j in zip(have, have[1:]):
            if j != i + 1 and not monotone:
                continue
            between = self.comparisons[i:j]
            op = next((o for o in between if o in ("<", ">")), between[0])
            if not can_hold(evaluate(self.operands[i], values), op, evaluate(self.operands[j], values)):
                return False
            checked = True
        return checked


def _refs(node: Node) -> list:
    out: list = []
    _collect(node, out)
    return out


def _collect(node: Node, out: list) -> None:
    if isinstance(node, Ref):
        out.append(node)
    elif isinstance(node, Op):
        _collect(node.left, out)
        if node.right is not None:
            _collect(node.right, out)


# -- parsing -----------------------------------------------------------------------------

def tokenize(text: str) -> list[tuple[str, str, int]]:
    """``(kind, text, offset)`` triples; kind is ``op``, ``num``, ``id`` or ``end``."""
    out, pos = [], 0
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos == len(text):
            out.append(("end", "", pos))
            return out
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            bad = re.match(r"\S+", text[pos:]).group()
            raise _SyntaxError(f"unexpected {bad!r}", pos)
        if m.group("op"):
            out.append(("op", m.group("op"), m.start("op")))
        else:
            word = m.group("word") + (m.group("frac") or "")
            kind = "num" if _NUMBER.match(word) else "id"
            if kind == "id" and m.group("frac"):
                raise _SyntaxError(f"unexpected {word!r}", m.start("word"))
            out.append((kind, word, m.start("word")))
        pos = m.end()


class _SyntaxError(Exception):
    def __init__(self, message: str, offset: int):
        super().__init__(message)
        self.message, self.offset = message, offset


class _Parser:
    def __init__(self, text: str):
        self.tokens = tokenize(text)
        self.i = 0
        self.nesting = 0

    def peek(self) -> tuple[str, str, int]:
        return self.tokens[self.i]

    def take(self) -> tuple[str, str, int]:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def fail(self, expected: str):
        kind, text, offset = self.peek()
        found = "end of expression" if kind == "end" else repr(text)
        raise _SyntaxError(f"expected {expected}, found {found}", offset)

    def check(self) -> tuple[tuple[Node, ...], tuple[str, ...]]:
        operands, ops = [self.sum()[0]], []
        while self.peek()[1] in COMPARISONS and self.peek()[0] == "op":
            ops.append(self.take()[1])
            operands.append(self.sum()[0])
        if self.peek()[0] != "end":
            self.fail("an operator" if ops else "a comparison (== != < <= > >=)")
        if not ops:
            self.fail("a comparison (== != < <= > >=)")
        return tuple(operands), tuple(ops)

    # Each rule returns its node and the node's depth (operators on the longest path down).

    def _chain(self, ops: str, operand) -> tuple[Node, int]:
        node, depth = operand()
        while self.peek()[0] == "op" and self.peek()[1] in ops:
            _, op, offset = self.take()
            right, right_depth = operand()
            node, depth = Op(op, node, right), max(depth, right_depth) + 1
            if depth > MAX_DEPTH:
                raise _SyntaxError(f"more than {MAX_DEPTH} operators chained one on another "
                                   "(split the check into several relations)", offset)
        return node, depth

    def sum(self) -> tuple[Node, int]:
        return self._chain("+-", self.product)

    def product(self) -> tuple[Node, int]:
        return self._chain("*/", self.unary)

    def unary(self) -> tuple[Node, int]:
        if self.peek()[:2] == ("op", "-"):
            self._enter()
            node, depth = self.unary()
            self.nesting -= 1
            return Op("-", node), depth + 1
        return self.atom()

    def _enter(self) -> None:
        """Takes a "(" or unary "-", refusing one nested deeper than ``MAX_NESTING``."""
        offset = self.take()[2]
        self.nesting += 1
        if self.nesting > MAX_NESTING:
            raise _SyntaxError(f"more than {MAX_NESTING} nested parentheses or minus signs", offset)

    def atom(self) -> tuple[Node, int]:
        kind, text, offset = self.peek()
        if kind == "num":
            if not math.isfinite(float(text)):
                raise _SyntaxError(f"number {text[:20] + '…' if len(text) > 20 else text} too large", offset)
            self.take()
            return Num(float(text)), 0
        if kind == "id":
            self.take()
            return Ref(text, offset), 0
        if (kind, text) == ("op", "("):
            self._enter()
            found = self.sum()
            if self.peek()[:2] != ("op", ")"):
                self.fail("')'")
            self.take()
            self.nesting -= 1
            return found
        self.fail("a fact id, a number or '('")


def parse(text: str, path: str | None = None, line: int | None = None, column: int = 1) -> Expression:
    """Parse a relation check; errors are RuleErrors at ``column`` + the offending offset."""
    try:
        operands, ops = _Parser(text).check()
    except _SyntaxError as e:
        raise RuleError(f"invalid relation check: {e.message}", path, line, column + e.offset) from None
    return Expression(text, operands, ops)


# -- interval arithmetic -----------------------------------------------------------------

def evaluate(node: Node, values: Mapping[str, Interval]) -> Interval:
    """The interval of values ``node`` can take when each fact lies in its interval."""
    if isinstance(node, Num):
        return Interval.point(node.value)
    if isinstance(node, Ref):
        return values[node.name]
    left = evaluate(node.left, values)
    if node.right is None:
        return negate(left)
    right = evaluate(node.right, values)
    if node.op == "+":
        return add(left, right)
    if node.op == "-":
        return add(left, negate(right))
    if node.op == "*":
        return multiply(left, right)
    return divide(left, right)


def negate(a: Interval) -> Interval:
    """``-a`` on an interval."""
    return Interval(-a.high, -a.low, a.high_open, a.low_open)


def add(a: Interval, b: Interval) -> Interval:
    """``a + b`` on intervals (open ends stay open)."""
    low, high = a.low + b.low, a.high + b.high
    if math.isnan(low) or math.isnan(high):
        return EVERYTHING
    return Interval(low, high, a.low_open or b.low_open, a.high_open or b.high_open)


def _times(x: float, x_open: bool, y: float, y_open: bool) -> tuple[float, bool]:
    if (x == 0 and not x_open) or (y == 0 and not y_open):
        return 0.0, False
    if x == 0 or y == 0:
        return 0.0, True
    return x * y, x_open or y_open


def multiply(a: Interval, b: Interval) -> Interval:
    """``a * b`` on intervals: the extremes of the four corner products."""
    ends = [_times(x, xo, y, yo) for x, xo in ((a.low, a.low_open), (a.high, a.high_open))
            for y, yo in ((b.low, b.low_open), (b.high, b.high_open))]
    low = min(ends, key=lambda e: (e[0], e[1]))
    high = max(ends, key=lambda e: (e[0], not e[1]))
    return Interval(low[0], high[0], low[1], high[1])


def divide(a: Interval, b: Interval) -> Interval:
    """``a / b`` on intervals; everything when ``b`` may be 0."""
    if b.contains(0):
        return EVERYTHING
    return multiply(a, Interval(_inverse(b.high, -1), _inverse(b.low, 1),
                                b.high_open or math.isinf(b.high), b.low_open or math.isinf(b.low)))


def _inverse(x: float, sign: int) -> float:
    if x == 0:
        return sign * math.inf
    return 0.0 if math.isinf(x) else 1 / x


def can_hold(a: Interval, op: str, b: Interval) -> bool:
    """True when some x in ``a`` and y in ``b`` satisfy ``x op y``."""
    if op == "==":
        return a.meets(b)
    if op == "!=":
        single = a.low == a.high == b.low == b.high
        return not single
    if op in (">", ">="):
        return can_hold(b, "<" if op == ">" else "<=", a)
    if a.low < b.high:
        return True
    return op == "<=" and a.low == b.high and not (a.low_open or b.high_open)


def _narrow(a: Interval, op: str, b: Interval) -> Interval:
    """The part of ``b`` that some x in ``a`` can stand in relation ``op`` to."""
    if op == "==":
        cut = a
    elif op in ("<", "<="):
        cut = Interval(a.low, math.inf, a.low_open or op == "<", True)
    elif op in (">", ">="):
        cut = Interval(-math.inf, a.high, True, a.high_open or op == ">")
    else:
        return b
    return _intersect(b, cut)


def _intersect(a: Interval, b: Interval) -> Interval:
    low = max((a.low, a.low_open), (b.low, b.low_open))
    high = min((a.high, not a.high_open), (b.high, not b.high_open))
    return Interval(low[0], high[0], low[1], not high[1])
