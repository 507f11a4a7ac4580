"""Stage 5, check: the per-document engine, suppressions, the one runner (process pool) and
the file cache, and the one check orchestration the CLI and the web page share.
"""

from factcheck import lazy_exports

_EXPORTS = {**dict.fromkeys(("DocResult", "Options", "check_document", "check_documents", "combine",
                             "extract_documents"), "engine")}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = [*_EXPORTS]
