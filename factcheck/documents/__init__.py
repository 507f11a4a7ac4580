"""Stage 1, documents: files and formats → ``Document`` (text, metadata, offset → line:col).

Readers for plain text, Markdown, HTML and JSON Lines; the folder walk; dates in metadata.
"""
from factcheck.documents.dates import parse_date
from factcheck.documents.reading import (EXTENSIONS, FORMATS, JsonlFields, OnError, decode, iter_documents,
                                         iter_paths, read_file, read_jsonl, read_text)

__all__ = ["EXTENSIONS", "FORMATS", "JsonlFields", "OnError", "decode", "iter_documents", "iter_paths",
           "parse_date", "read_file", "read_jsonl", "read_text"]
