"""The Spark engine gives exactly the local engine's output: ``check`` (the same JSON, order
included), ``index`` (the same SQLite store) and ``report`` (the same JSON), on a generated
archive of JSON Lines and Parquet with undated and month-dated records, rules, and keys large
enough to be judged a slice at a time (``slices.CHUNK`` made small).  One local Spark serves
the run (``conftest.spark``); the tests skip, with the reason, without pyspark or Java.
"""
from __future__ import annotations

import contextlib
import importlib.util
import io
import json

import pytest

from conftest import ROOT
from factcheck.cli.main import main
from factcheck.cross import slices

ARTICLES = 2000
CHUNK = 1500  # the largest keys hold about 3,000 mentions: two or three slices each
RULES = """facts:
  - id: ashford-flood-families
    label: Families forced from their homes by the Ashford flood
    value: 120
    tolerance: 10%
    match: {all: [families], any: [Ashford]}
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """A folder of one JSON Lines file and one Parquet file (the bench's articles; some undated,
    some dated to a month), and a rule file."""
    spec = importlib.util.spec_from_file_location("bench_archive", ROOT / "bench" / "archive.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    folder = tmp_path_factory.mktemp("spark")
    src = folder / "all.jsonl"
    bench.generate(str(src), ARTICLES, seed=11)
    records = [json.loads(line) for line in src.read_text(encoding="utf-8").splitlines()]
    src.unlink()
    for i, r in enumerate(records):
        if i % 41 == 0:
            del r["date"]
        elif i % 67 == 0:
            r["date"] = r["date"][:7]
    (folder / "articles").mkdir()
    half = len(records) * 3 // 4
    (folder / "articles" / "a-wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records[:half]),
                                                      encoding="utf-8")
    import pyarrow as pa
    import pyarrow.parquet as pq
    pq.write_table(pa.Table.from_pylist(records[half:]), folder / "articles" / "b-desk.parquet", row_group_size=100)
    (folder / "rules.yaml").write_text(RULES, encoding="utf-8")
    return folder


def run(args: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(args)
    return code, out.getvalue()


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(slices, "CHUNK", CHUNK)


def test_check_with_spark_gives_the_local_findings(spark, archive, small_chunks):
    args = ["check", str(archive / "articles"), "--rules", str(archive / "rules.yaml"), "--format", "json"]
    local = run([*args, "--no-cache"])
    assert run([*args, "--engine", "spark"]) == local
    findings = json.loads(local[1])["findings"]
    assert {f["kind"] for f in findings} >= {"fact", "cross-article"} and len(findings) > 100


def test_index_and_report_with_spark_give_the_local_store_and_report(spark, archive, small_chunks, tmp_path, capsys):
    from test_index import dump
    rules = ["--rules", str(archive / "rules.yaml")]
    assert run(["index", str(archive / "articles"), "--db", str(tmp_path / "local.sqlite"), *rules, "-j", "1"])[0] == 0
    assert run(["index", str(archive / "articles"), "--db", str(tmp_path / "spark.sqlite"), *rules,
                "--engine", "spark"])[0] == 0
    assert dump(tmp_path / "spark.sqlite") == dump(tmp_path / "local.sqlite")
    capsys.readouterr()
    assert run(["index", str(archive / "articles"), "--db", str(tmp_path / "spark.sqlite"), *rules, "-j", "1"])[0] == 0
    assert f"0 indexed, {ARTICLES} unchanged, 0 removed" in capsys.readouterr().err  # a local run finds it up to date
    report = run(["report", "--db", str(tmp_path / "local.sqlite"), *rules, "--format", "json", "--all"])
    assert run(["report", "--db", str(tmp_path / "spark.sqlite"), *rules, "--format", "json", "--all",
                "--engine", "spark"]) == report
    keys = [q for s in json.loads(report[1])["stories"] for q in s["quantities"]]
    assert len(keys) >= 8 and sum(len(k["outliers"]) for k in keys) > 50
    assert (tmp_path / "spark.parquet" / "findings").is_dir()
