"""Reading the YAML nodes of a rule file: each scalar checked, each problem a ``RuleError``
at its own ``path:line:column`` (with a hint where one helps)."""
from __future__ import annotations

import datetime as dt
import re
from typing import Sequence

import yaml

from factcheck.errors import RuleError
from factcheck.extract.units import canonical_unit
from factcheck.models import Severity
from factcheck.rules.model import Tolerance
from factcheck.rules.yaml_nodes import number, percentage

ID = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\Z")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_BOOL, NULL = (f"tag:yaml.org,2002:{t}" for t in ("bool", "null"))
_SCALARS = yaml.constructor.SafeConstructor()
KINDS = {yaml.MappingNode: "a mapping", yaml.SequenceNode: "a list", yaml.ScalarNode: "a single value"}


class NodeReader:
    """The checks every rule file shares: mappings, lists, ids, texts, numbers, dates, units."""


    def fail(self, where: str, node: yaml.Node, message: str, hint: str | None = None):
        mark = node.start_mark
        raise RuleError(message, where, mark.line + 1, mark.column + 1, hint)

    def mapping(self, where: str, node: yaml.Node, allowed: Sequence[str], what: str) -> dict:
        if not isinstance(node, yaml.MappingNode):
            self.fail(where, node, f"expected a mapping for {what}, found {KINDS[type(node)]}")
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for knode, vnode in node.value:
            if not isinstance(knode, yaml.ScalarNode):
                self.fail(where, knode, f"a key must be a plain name, found {KINDS[type(knode)]}")
            key = knode.value
            if key in out:
                self.fail(where, knode, f"duplicate key {key!r} in {what} "
                                        f"(first at line {out[key][0].start_mark.line + 1})")
            if key not in allowed:
                import difflib
                close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
                hint = f"did you mean {close[0]!r}?" if close else f"expected one of {list_names(allowed)}"
                self.fail(where, knode, f"unknown key {key!r} in {what}", hint)
            out[key] = (knode, vnode)
        return out

    def items(self, where: str, node: yaml.Node, key: str) -> list[yaml.Node]:
        if isinstance(node, yaml.ScalarNode) and node.tag == NULL:
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.fail(where, node, f"expected a list for {key}, found {KINDS[type(node)]}")
        return node.value

    def required(self, where: str, node: yaml.Node, keys: dict, key: str, what: str) -> yaml.Node:
        if key not in keys:
            self.fail(where, node, f"{what} is missing required key {key!r}")
        return keys[key][1]

    def id(self, where: str, node: yaml.Node, keys: dict, what: str) -> str:
        vnode = self.required(where, node, keys, "id", what)
        value = self.text(where, vnode, "id", optional=False)
        if not ID.match(value):
            self.fail(where, vnode, f"invalid id {value!r}",
                      "use lowercase letters, digits and inner hyphens, such as 'captives-taken'")
        if value in self.ids:
            self.fail(where, vnode, f"duplicate id {value!r}", f"first defined at {self.ids[value]}")
        self.ids[value] = f"{where}:{vnode.start_mark.line + 1}:{vnode.start_mark.column + 1}"
        return value

    def text(self, where: str, node: yaml.Node | None, key: str, optional: bool = True) -> str | None:
        if isinstance(node, yaml.ScalarNode):
            if node.tag == NULL and optional:
                return None
            if node.tag != NULL and node.value.strip():
                return node.value
        self.fail(where, node, f"invalid value {show(node)} for {key} (expected text)")

    def number(self, where: str, node: yaml.Node, key: str) -> float:
        try:
            return number(node)
        except ValueError as e:
            self.fail(where, node, f"invalid value {show(node)} for {key} ({str(e) or 'expected a number'})")

    def boolean(self, where: str, node: yaml.Node, key: str) -> bool:
        if isinstance(node, yaml.ScalarNode) and node.tag == _BOOL:
            return bool(_SCALARS.construct_object(node))
        self.fail(where, node, f"invalid value {show(node)} for {key} (expected true or false)")

    def date(self, where: str, node: yaml.Node, key: str) -> dt.date:
        if isinstance(node, yaml.ScalarNode) and _DATE.match(node.value.strip()):
            try:
                return dt.date.fromisoformat(node.value.strip())
            except ValueError:
                pass
        self.fail(where, node, f"invalid date {show(node)} for {key} (expected YYYY-MM-DD)")

    def severity(self, where: str, node: yaml.Node) -> Severity:
        if isinstance(node, yaml.ScalarNode):
            try:
                return Severity.parse(node.value.strip())
            except KeyError:
                pass
        self.fail(where, node, f"invalid value {show(node)} for severity (expected error, warning or info)")

    def tolerance(self, where: str, node: yaml.Node) -> Tolerance:
        try:
            relative = percentage(node)
            if relative is not None:
                return Tolerance(relative=relative)
            value = number(node)
        except ValueError as e:
            reason = str(e) or "expected a number or a percentage such as \"5%\""
            self.fail(where, node, f"invalid value {show(node)} for tolerance ({reason})")
        if value < 0:
            self.fail(where, node, f"invalid value {show(node)} for tolerance (must not be negative)")
        return Tolerance(absolute=value)

    def unit(self, where: str, node: yaml.Node) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag == NULL:
            return None
        if isinstance(node, yaml.ScalarNode):
            try:
                return canonical_unit(node.value)
            except ValueError:
                pass
        self.fail(where, node, f"unknown unit {show(node)}", "expected null for a plain count, percent, "
                  "percentage_point, a currency code such as USD, or a unit such as tonne or km")


def show(node: yaml.Node | None) -> str:
    """A node's value as a message quotes it."""
    if isinstance(node, yaml.ScalarNode):
        return repr(node.value if len(node.value) <= 60 else node.value[:40] + "…")
    return {yaml.MappingNode: "of type mapping", yaml.SequenceNode: "of type list"}.get(type(node), "nothing")


def list_names(names: Sequence[str]) -> str:
    """Names as a message lists them: 'a', 'b'."""
    return ", ".join(f"'{n}'" for n in names)


def unknown_hint(name: str, known: set[str]) -> str | None:
    """A hint for an unknown fact id: a subtraction without spaces, or the nearest known id."""
    parts = name.split("-")
    for i in range(1, len(parts)):
        left, right = "-".join(parts[:i]), "-".join(parts[i:])
        if left in known and right in known:
            return f"to subtract, put spaces around the minus: '{left} - {right}'"
    import difflib
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else None


__all__ = ["ID", "KINDS", "NULL", "NodeReader", "list_names", "show", "unknown_hint"]
