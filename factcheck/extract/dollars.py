"""Which dollar a bare "$" means.

``extract`` reads "$5m", "5 million dollars" and "50 cents" as US dollars: it sees only text.
An article from Toronto or Sydney means its own dollar, and says so in its metadata (front
matter ``dollar: CAD`` or ``lang: en-CA``, ``<html lang="en-AU">``, ``og:locale``, a JSON
Lines ``lang`` field) or the project says so once (``dollar: CAD`` in the configuration).
``localize`` relabels those claims; a dollar the text names as American ("US$5m", "5 million
U.S. dollars", "USD 5") stays USD.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Mapping, Sequence

from factcheck.extract import lazy_re as re
from factcheck.models import Claim
from factcheck.extract.units import CURRENCIES

#: The currency a bare "$" names in each region (ISO 3166 code) where it is not the US dollar.
REGIONS = {"CA": "CAD", "AU": "AUD", "NZ": "NZD", "HK": "HKD", "SG": "SGD", "TW": "TWD", "JM": "JMD",
           "TT": "TTD", "BB": "BBD", "BS": "BSD", "BZ": "BZD", "BM": "BMD", "KY": "KYD", "FJ": "FJD",
           "GY": "GYD", "LR": "LRD", "NA": "NAD", "SB": "SBD", "BN": "BND", "MX": "MXN", "AR": "ARS",
           "CL": "CLP", "CO": "COP"}
#: Metadata keys naming a locale ("en-CA", "en_AU"); the key ``dollar`` names the currency itself.
LOCALE_KEYS = ("locale", "lang", "language", "og:locale", "inlanguage", "dc.language", "content-language")
_LOCALE = re.compile(r"^[A-Za-z]{2,3}[-_]([A-Za-z]{2})(?:[-_.@].*)?$")
_AMERICAN = re.compile(r"\bU\.?S\.?|USD|\bamerican\b|\$US", re.IGNORECASE)


def check_code(value: Any) -> str | None:
    """``value`` as an ISO 4217 code (``"cad"`` → ``"CAD"``), or None when it is not one."""
    if isinstance(value, str) and value.strip().upper() in CURRENCIES:
        return value.strip().upper()
    return None


def region_dollar(locale: Any) -> str | None:
    """The dollar of a locale's region: ``en-CA`` → ``CAD``, ``en-GB`` → ``USD``; None without a region (``en``)."""
    m = _LOCALE.match(locale.strip()) if isinstance(locale, str) else None
    return REGIONS.get(m.group(1).upper(), "USD") if m else None


def document_dollar(meta: Mapping[str, Any], default: str = "USD") -> str:
    """The dollar an article's bare "$" means: its metadata's ``dollar``, else its locale's, else ``default``."""
    lowered = {str(k).lower(): v for k, v in meta.items()} if meta else {}
    code = check_code(lowered.get("dollar"))
    for key in LOCALE_KEYS:
        code = code or region_dollar(lowered.get(key))
    return code or default


def localize(claims: Sequence[Claim], code: str) -> list[Claim]:
    """``claims`` with every dollar the text does not name as American in ``code`` instead of USD."""
    if code == "USD":
        return list(claims)
    return [dataclasses.replace(c, unit=code) if c.unit == "USD" and not _AMERICAN.search(c.text) else c
            for c in claims]


__all__ = ["REGIONS", "check_code", "document_dollar", "localize", "region_dollar"]
