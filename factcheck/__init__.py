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
from typing import Any

__version__ = "0.3.0"

_EXPORTS = {
    "extract": "factcheck.extract.claims",
    "read_file": "factcheck.documents.reading",
    "read_text": "factcheck.documents.reading",
    "load_rules": "factcheck.rules.loading",
    "check_documents": "factcheck.check.engine",
}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")


__all__ = ["__version__", *_EXPORTS]
