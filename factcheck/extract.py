"""Placeholder: digits only.  Replaced by the real extractor."""
from __future__ import annotations

import re

from factcheck.models import Claim

_NUM = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w])")


def extract(text: str) -> list[Claim]:
    """Every numeric claim in ``text``."""
    out = []
    for m in _NUM.finditer(text):
        v = float(m.group().replace(",", ""))
        out.append(Claim(v, v, v, "exact", None, m.start(), m.end(), m.group(), 0, len(text)))
    return out
