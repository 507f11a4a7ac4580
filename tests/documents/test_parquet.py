"""Parquet archives read as JSON Lines records are: the same documents, row numbers for lines."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from factcheck.documents import JsonlFields, read_file
from factcheck.errors import InputError

pa = pytest.importorskip("pyarrow", reason="pyarrow not installed: pip install 'factcheck[parquet]'")
pq = pytest.importorskip("pyarrow.parquet")

RECORDS = [{"id": "a1", "date": "2031-05-04", "title": "Bridge", "text": "The collapse killed 23 workers."},
           {"id": "a2", "date": "2031-05-05", "title": None, "text": "Rescuers said 25 workers died.\n\nMore soon."},
           {"id": "a3", "date": None, "title": "No text", "text": None}]


def test_rows_are_read_as_json_lines_records(tmp_path):
    pq.write_table(pa.Table.from_pylist(RECORDS), tmp_path / "wire.parquet", row_group_size=1)
    (tmp_path / "wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    errors: list = []
    got = list(read_file(tmp_path / "wire.parquet", on_error=errors.append))
    want = list(read_file(tmp_path / "wire.jsonl", on_error=lambda e: None))
    assert [(d.text, d.date, d.title, d.meta["record"], d.locate(d.text.index("2"))) for d in got] == \
        [(d.text, d.date, d.title, d.meta["record"], d.locate(d.text.index("2"))) for d in want]
    assert [str(e) for e in errors] == [f"{tmp_path / 'wire.parquet'}:3: record has no text field (tried text, body, "
                                         "content)"]


def test_date_columns_and_named_fields(tmp_path):
    table = pa.table({"body": ["Some 12 people were hurt."], "published": [dt.date(2031, 5, 6)]})
    pq.write_table(table, tmp_path / "desk.parquet")
    fields = JsonlFields(text=("body",), date=("published",))
    [doc] = read_file(tmp_path / "desk.parquet", jsonl=fields)
    assert doc.date == dt.date(2031, 5, 6) and doc.meta["published"] == "2031-05-06"


def test_a_broken_parquet_file_is_an_input_error(tmp_path):
    (tmp_path / "bad.parquet").write_bytes(b"not parquet at all")
    with pytest.raises(InputError, match="not a readable Parquet file"):
        list(read_file(tmp_path / "bad.parquet"))
