"""Stage 6, archive: the SQLite index of many documents, change detection, and the
history (values over time and outliers) computed from it.
"""
from factcheck.archive.index import Index, Summary, open_index

__all__ = ["Index", "Summary", "open_index"]
