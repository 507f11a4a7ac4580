"""factcheck: keeps the numbers in journalism straight.

Public API::

    from factcheck import extract, read_path, load_rules, check_documents
"""
from __future__ import annotations

__version__ = "0.3.0"

from factcheck.extract import extract  # noqa: E402

__all__ = ["extract", "__version__"]
