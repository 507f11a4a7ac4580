"""Stage 4, cross: what quantity each claim is about (its mention), and cross-article
consistency between the mentions of many documents.
"""
from factcheck.cross.consistency import cross_findings
from factcheck.cross.mentions import Mention, mentions

__all__ = ["Mention", "cross_findings", "mentions"]
