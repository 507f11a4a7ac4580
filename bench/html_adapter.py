"""Adapter for ../shared/eval/html/score_html.py: the text factcheck reads from an HTML page.

``read(html)`` returns ``Document.text`` of the page as ``factcheck text`` prints it, so the
benchmark scores exactly what claims are extracted from.
"""
from __future__ import annotations

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# The scorer puts this folder first on sys.path, where bench/html_text.py would shadow the stdlib's html.
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != HERE]
sys.path.insert(0, os.path.dirname(HERE))

from factcheck.documents import read_text  # noqa: E402


def read(html: str) -> str:
    """The article text factcheck reads from one page."""
    (doc,) = read_text(html, "page.html", fmt="html")
    return doc.text
