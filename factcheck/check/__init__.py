"""Stage 5, check: the per-document engine, suppressions, the one runner (process pool) and
the file cache, and the one check orchestration the CLI and the web page share.
"""
from factcheck.check.engine import DocResult, Options, check_document, check_documents, combine, extract_documents

__all__ = ["DocResult", "Options", "check_document", "check_documents", "combine", "extract_documents"]
