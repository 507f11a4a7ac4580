"""Fast constructors for the frozen dataclass records made by the hundred thousand.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, which costs
about a microsecond a record of a dozen fields.  ``builder(cls)`` makes a function that sets
the fields directly instead: the extractor's claims, the frames and mentions read from them,
and the records read back from storage are built so.  It takes every field, positionally,
and runs no ``__post_init__`` (the classes it serves have none; it asserts so).
``compact_pickle`` makes such a record pickle as its constructor call; ``shared``,
``shared_words`` and ``shared_date`` give one copy of the strings, word sets and dates that
recur across the records read back from storage.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import sys
from typing import Any, Callable


def builder(cls) -> Callable[..., Any]:
    """A function that makes a frozen dataclass ``cls`` from all its fields, positionally,
    without its ``__init__``: an equal record, for values already checked."""
    names = [f.name for f in dataclasses.fields(cls)]
    assert not hasattr(cls, "__post_init__") and all(f.init for f in dataclasses.fields(cls)), cls
    assert not {"o", "_new", "_cls"} & set(names) and not any(n.startswith("_s") for n in names), cls
    if "__slots__" in cls.__dict__:
        setters = {f"_s{k}": getattr(cls, n).__set__ for k, n in enumerate(names)}
        body = "".join(f"    _s{k}(o, {n})\n" for k, n in enumerate(names))
    else:
        setters = {}
        body = "    o.__dict__.update(" + ", ".join(f"{n}={n}" for n in names) + ")\n"
    src = f"def build({', '.join(names)}):\n    o = _new(_cls)\n{body}    return o\n"
    scope = {"_new": object.__new__, "_cls": cls, **setters}
    exec(src, scope)  # noqa: S102 - generated from the dataclass's own field names
    return scope["build"]


def compact_pickle(cls):
    """Pickle a frozen dataclass as its constructor call (faster to load than field states)."""
    names = tuple(f.name for f in dataclasses.fields(cls) if f.init)

    def __reduce__(self):
        return cls, tuple(getattr(self, n) for n in names)
    cls.__reduce__ = __reduce__
    return cls


def shared(text: str | None) -> str | None:
    """One copy of a string that recurs across many stored records (a path, a noun, a unit)."""
    return sys.intern(text) if text else text


@functools.lru_cache(maxsize=4096)
def shared_words(text: str | None) -> frozenset:
    """The space-separated words of a stored field as one shared set of shared strings."""
    return frozenset(map(sys.intern, text.split())) if text else frozenset()


@functools.lru_cache(maxsize=8192)
def shared_date(iso: str | None) -> dt.date | None:
    """One ``date`` object per ISO date string read back from storage."""
    return dt.date.fromisoformat(iso) if iso else None


__all__ = ["builder", "compact_pickle", "shared", "shared_date", "shared_words"]
