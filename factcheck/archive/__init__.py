"""Stage 6, archive: the SQLite index of many documents, change detection, and the
history (values over time and outliers) computed from it.
"""

from factcheck import lazy_exports

_EXPORTS = {**dict.fromkeys(("Index", "Summary", "open_index"), "index")}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = [*_EXPORTS]
