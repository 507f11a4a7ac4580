"""News formats (ninjs, ANS, NITF, NewsML-G2, WordPress exports): what each file gives, and where.

Driven by tests/cases/documents/formats.yaml.  Positions are never written down: each kept
string is searched in the raw file, so the tests prove the mapping through escapes, entities
and markup rather than repeat it.
"""
from __future__ import annotations

import pytest

from conftest import CASES, read_table

from factcheck.documents import read_file

FOLDER = CASES / "documents" / "formats"
FILES = read_table(CASES / "documents" / "formats.yaml")["files"]


def where(raw: str, needle: str) -> tuple[int, int]:
    """(line, column) of the one occurrence of ``needle`` in ``raw``."""
    assert raw.count(needle) == 1, f"{needle!r} must occur once in the raw file"
    at = raw.index(needle)
    return raw.count("\n", 0, at) + 1, at - (raw.rfind("\n", 0, at) + 1) + 1


def read(case: dict):
    problems = []
    docs = list(read_file(FOLDER / case["file"], on_error=problems.append))
    return docs, problems


@pytest.mark.parametrize("case", FILES, ids=[c["file"] for c in FILES])
def test_documents_and_their_fields(case):
    docs, problems = read(case)
    assert [(p.path, p.line) for p in problems] == [(str(FOLDER / case["file"]), n) for n in case.get("problems", [])]
    assert len(docs) == len(case["documents"])
    for doc, want in zip(docs, case["documents"]):
        assert (doc.title, doc.date) == (want["title"], want["date"])
        assert doc.meta["format"] == case["format"]
        for key, value in want["meta"].items():
            assert doc.meta[key] == value, key
        if "record" not in want["meta"]:
            assert "record" not in doc.meta
        assert doc.path == str(FOLDER / case["file"])
    assert docs[0].source is not None and all(d.source is None for d in docs[1:])


@pytest.mark.parametrize("case", FILES, ids=[c["file"] for c in FILES])
def test_kept_text_maps_to_file_positions(case):
    docs, _ = read(case)
    raw = docs[0].source
    for doc, want in zip(docs, case["documents"]):
        for needle in want.get("kept", ()):
            text, written = (needle, needle) if isinstance(needle, str) else needle
            assert doc.text.count(text) == 1, f"{text!r} must occur once in the text"
            at = doc.text.index(text)
            assert doc.locate(at) == where(raw, written), text
            end = raw.index(written) + len(written) - 1  # the last character, written as read
            assert doc.locate(at + len(text) - 1) == (raw.count("\n", 0, end) + 1,
                                                        end - (raw.rfind("\n", 0, end) + 1) + 1), text


@pytest.mark.parametrize("case", FILES, ids=[c["file"] for c in FILES])
def test_dropped_text_is_not_read(case):
    docs, _ = read(case)
    for doc, want in zip(docs, case["documents"]):
        for needle in want.get("dropped", ()):
            assert needle not in doc.text, needle
