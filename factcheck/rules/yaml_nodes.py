"""Rule files as YAML nodes, and the numbers their scalars may hold.

``compose(text)`` builds the node tree (every key and value with its line and column) with
libyaml when PyYAML has it, some twenty times faster than PyYAML's own parser (10,000 facts:
under a second instead of a minute); a file libyaml refuses is parsed again by PyYAML's own
parser, whose message is the one the error shows.  Neither builds Python objects.

``number(node)`` reads a figure: a YAML int or float, or a plain scalar written as a number
in exponent notation without a dot (``1e308``, which YAML 1.1 reads as text where YAML 1.2
and JSON read a number).  A number beyond the range of a float (``1e999``, 400 digits) is
refused with a reason, never turned into infinity or an ``OverflowError``.
"""
from __future__ import annotations

import math
import re

import yaml

_INT, _FLOAT, _STR = (f"tag:yaml.org,2002:{t}" for t in ("int", "float", "str"))
_EXPONENT = re.compile(r"[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE][-+]?[0-9]+\Z")
_PERCENT = re.compile(r"\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*%\s*\Z")
_SCALARS = yaml.constructor.SafeConstructor()
_FAST = getattr(yaml, "CSafeLoader", None)
TOO_LARGE = "too large: a figure must be below 1.8e308"


def compose(text: str) -> yaml.Node | None:
    """The root node of a YAML text (None when empty); ``yaml.YAMLError`` when it is not YAML.

    A nesting too deep for PyYAML's own (recursive) parser is refused with libyaml's message.
    """
    if _FAST is None:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    try:
        return yaml.compose(text, Loader=_FAST)
    except yaml.YAMLError as fast:
        try:
            return yaml.compose(text, Loader=yaml.SafeLoader)
        except RecursionError:
            raise fast from None


def number(node: yaml.Node) -> float:
    """The finite number a scalar node holds; ``ValueError`` (with the reason, or "") when none."""
    if not isinstance(node, yaml.ScalarNode):
        raise ValueError("")
    if node.tag in (_INT, _FLOAT):
        try:
            value = float(_SCALARS.construct_object(node))
        except OverflowError:
            raise ValueError(TOO_LARGE) from None
    elif node.tag == _STR and not node.style and _EXPONENT.match(node.value):
        value = float(node.value)
    else:
        raise ValueError("")
    if math.isinf(value):
        raise ValueError(TOO_LARGE)
    if math.isnan(value):
        raise ValueError("")
    return value


def percentage(node: yaml.Node) -> float | None:
    """The fraction a ``"5%"`` scalar states (0.05); None when it is no percentage;
    ``ValueError`` for one too large for a float."""
    m = _PERCENT.match(node.value) if isinstance(node, yaml.ScalarNode) and node.tag not in (_INT, _FLOAT) else None
    if m is None:
        return None
    value = float(m.group(1))
    if not math.isfinite(value):
        raise ValueError(TOO_LARGE)
    return value / 100


__all__ = ["TOO_LARGE", "compose", "number", "percentage"]
