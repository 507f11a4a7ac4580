"""Stage 1, documents: files and formats → ``Document`` (text, metadata, offset → line:col).

Readers for plain text, Markdown, HTML and JSON Lines; the folder walk; dates in metadata.
"""

from factcheck import lazy_exports

_EXPORTS = {"parse_date": "dates", **dict.fromkeys(("EXTENSIONS", "FORMATS", "JsonlFields", "OnError", "decode",
            "iter_documents", "iter_paths", "read_file", "read_jsonl", "read_text"), "reading")}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = [*_EXPORTS]
