"""factcheck: keeps the numbers in journalism straight.

Public API (imported on first use, so ``import factcheck`` stays quick)::

    from factcheck import extract, read_file, read_text, load_rules, check_documents
    claims = extract("About 1,800 prisoners were freed.")
    report = check_documents(read_file("article.md"), load_rules("rules/"))

The data flows one way, and the packages show it: ``documents`` → ``extract`` → ``rules`` →
``cross`` → ``check`` → ``archive`` → ``report``, with ``models`` and ``errors`` as the shared
kernel and ``config``, ``server`` and ``cli`` at the edges.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping

__version__ = "0.4.0"


def lazy_exports(package: str, exports: Mapping[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` for ``package``: each public name in ``exports`` (name → module
    relative to the package) is imported from its module on first use, so that importing a
    package costs nothing until one of its names is asked for."""
    def __getattr__(name: str) -> object:
        if name in exports:
            return getattr(importlib.import_module(f"{package}.{exports[name]}"), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")
    return __getattr__


_EXPORTS = {"extract": "extract.claims", "read_file": "documents.reading", "read_text": "documents.reading",
            "load_rules": "rules.loading", "check_documents": "check.engine"}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = ["__version__", *_EXPORTS]
