"""``re`` with patterns compiled on first use, so a short draft compiles only what it runs.

``from factcheck.extract import lazy_re as re`` is ``re`` for what the extractor uses of it,
except that ``compile`` returns a ``LazyPattern``: it keeps the pattern's text and flags and
compiles on the first call of a method (or the first read of ``groupindex``, ``groups`` or
``flags``); from then on its methods are the compiled pattern's own bound methods.  The
extractor holds some 140 patterns and a one-page draft runs about 45 of them (the big ones
among them), so this saves about a third of the compile time of a one-draft ``factcheck
check`` (``bench/startup.py``).

``compile_regex`` is the same for a pattern run by the third-party ``regex`` module, imported
on first use (``bench/regex_vs_re.py`` measures where it is faster than ``re``).
"""
from __future__ import annotations

import re
from re import IGNORECASE, Match, Pattern, I, escape, match, sub
from typing import Any, Callable

_METHODS = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A compiled pattern that compiles itself on first use; otherwise what ``compiler`` returns."""

    def __init__(self, pattern: str, flags: int = 0, compiler: Callable[[str, int], Any] = re.compile):
        self.pattern = pattern
        self._flags, self._compiler, self._real = flags, compiler, None

    def compiled(self) -> Any:
        """The compiled pattern, compiled now if it was not yet; its methods become this object's."""
        if self._real is None:
            self._real = self._compiler(self.pattern, self._flags)
            for name in _METHODS:
                setattr(self, name, getattr(self._real, name))
        return self._real

    @property
    def groupindex(self) -> Any:
        """The compiled pattern's ``groupindex``."""
        return self.compiled().groupindex

    @property
    def groups(self) -> int:
        """The compiled pattern's ``groups``."""
        return self.compiled().groups

    @property
    def flags(self) -> int:
        """The compiled pattern's ``flags``."""
        return self.compiled().flags

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self._flags})"


def _first_call(name: str) -> Callable[..., Any]:
    def method(self: LazyPattern, *args: Any, **kwargs: Any) -> Any:
        return getattr(self.compiled(), name)(*args, **kwargs)
    method.__name__ = name
    method.__doc__ = f"``{name}`` of the compiled pattern (compiling it on the first call)."
    return method


for _name in _METHODS:
    setattr(LazyPattern, _name, _first_call(_name))


def compile(pattern: str, flags: int = 0) -> LazyPattern:  # noqa: A001 (stands in for re.compile)
    """``re.compile``, deferred to the pattern's first use."""
    return LazyPattern(pattern, flags)


def _compile_regex(pattern: str, flags: int) -> Any:
    import regex
    return regex.compile(pattern, flags | regex.VERSION0)


def compile_regex(pattern: str, flags: int = 0) -> LazyPattern:
    """A pattern run by the third-party ``regex`` module in its ``re``-compatible VERSION0,
    compiled (and ``regex`` imported) on first use; ``flags`` are ``re``'s (same values)."""
    return LazyPattern(pattern, flags, _compile_regex)


__all__ = ["IGNORECASE", "I", "Match", "Pattern", "LazyPattern", "compile", "compile_regex", "escape", "match",
           "sub"]
