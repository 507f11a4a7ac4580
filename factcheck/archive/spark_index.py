"""``factcheck index --engine spark`` and ``report --engine spark``: the archive as Parquet, and the
SQLite store drafts are checked against, built from that Parquet in one pass.

``index`` writes, under its Parquet folder: ``documents`` (one row per article as the index
stores it: head, packed claims, facts, mentions with their keys; ``file`` and ``record`` give
the reading order),
``mentions`` (one row per mention: ``Mention.as_row`` columns, its keys, its day) and
``findings`` (the archive's cross-article findings, each with its JSON); then reads
``documents`` once, in order, into the SQLite index (``Index.load``: the same rows, the same
dictionary, as ``factcheck index`` would have written).  ``report`` reads ``mentions`` and
gives the entries ``archive.history`` gives for the index of the same articles.
"""
from __future__ import annotations

import os
from typing import Iterator, Mapping, Sequence

from factcheck.archive import spark as S, spark_jobs as J
from factcheck.archive.history import Entry, Point
from factcheck.archive.index import Summary, open_index


def parquet_folder(db: str | None, parquet: str | None) -> str:
    """Where a Spark run's Parquet goes (or is read from): ``--parquet``, else the index's name with ``.parquet``."""
    if parquet:
        return parquet.rstrip("/")
    if not db:
        from factcheck.errors import UsageError
        raise UsageError("--engine spark needs --parquet DIR or --db FILE")
    return os.path.splitext(db)[0] + ".parquet"


def index(paths: Sequence[str], db: str, rules, options, fields, *, parquet: str | None = None,
          conf: Sequence[str] = (), chunk: int | None = None, on_error=None) -> Summary:
    """Read, check and store ``paths`` with Spark; the Parquet folder and the index ``db``."""
    spark = S.session(conf)
    out = parquet_folder(db, parquet)
    run = S.inputs(spark, paths)
    docs = S.documents(spark, run, fields, rules, options).persist()
    errors = [r.error for r in docs.where("error IS NOT NULL").orderBy("file", "record").select("error").collect()]
    for e in errors:
        if on_error:
            on_error(e)
    docs.mapInArrow(J.store_rows, J.STORE_SCHEMA).write.mode("overwrite").parquet(f"{out}/documents")
    S.mentions(docs).write.mode("overwrite").parquet(f"{out}/mentions")
    docs.unpersist()
    ms = spark.read.parquet(f"{out}/mentions").persist()
    facts = {f.id: f for f in rules.facts} if rules else None
    S.cross_frame(ms, facts, options.window_days, chunk).mapInArrow(J.finding_columns, J.FINDING_COLUMNS) \
        .write.mode("overwrite").parquet(f"{out}/findings")
    ms.unpersist()
    stored = spark.read.parquet(f"{out}/documents").orderBy("file", "record")
    with open_index(db, create=True) as archive:
        before = archive.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        indexed = archive.load((J.stored(r.asDict(recursive=True)) for r in stored.toLocalIterator()),
                               rules, dollar=options.dollar)
        after = archive.db.execute("SELECT count(*) FROM documents").fetchone()[0]
    return Summary(indexed, 0, max(0, before + indexed - after), len(errors))


def report(db: str | None, parquet: str | None, facts: Mapping | None, *, window_days: float = 2.0,
           conf: Sequence[str] = (), chunk: int | None = None, all_keys: bool = False) -> Iterator[Entry]:
    """The entries ``archive.history.entries`` gives, computed by Spark from the ``mentions`` an
    ``index --engine spark`` wrote (key by key; timelines and outliers streamed in order)."""
    from pyspark.sql import functions as F
    spark = S.session(conf)
    ms = spark.read.parquet(f"{parquet_folder(db, parquet)}/mentions")
    rows = ms.select(F.explode(F.array_distinct("keys")).alias("group_key"), "*").drop("keys").persist()
    per_key = rows.groupBy("group_key").agg(F.countDistinct("value").alias("values"), F.countDistinct("doc").alias("docs"))
    if not all_keys:
        per_key = per_key.where((F.col("values") > 1) & (F.col("docs") > 1))
    keys = sorted(r.group_key for r in per_key.select("group_key").collect())
    wanted = rows.join(per_key.select("group_key"), "group_key", "left_semi")
    points = (wanted.groupBy("group_key", "day", "value")
              .agg(F.countDistinct("doc").alias("articles"), F.min("path").alias("example"))
              .orderBy("group_key", F.col("day").asc_nulls_first(), "value"))
    placed = S.keyed(wanted.withColumn("keys", F.array("group_key")).drop("group_key"), chunk, window_days)
    outliers = (placed.groupBy("group_key", "slice").applyInArrow(S.grouped(J.ReportSlice(facts, window_days)),
                                                                  J.OUTLIER_SCHEMA)
                .orderBy("key", "slice", "seq"))
    timeline_rows, outlier_rows = _peekable(points.toLocalIterator()), _peekable(outliers.toLocalIterator())
    for key in keys:
        yield Entry(key, _timeline(key, timeline_rows), _outliers(key, outlier_rows))
        for _ in _timeline(key, timeline_rows):  # what the reader of the entry left
            pass
        for _ in _outliers(key, outlier_rows):
            pass
    rows.unpersist()


def _timeline(key: str, rows) -> Iterator[Point]:
    from factcheck.archive.lookup import iso_day
    while rows.peek() is not None and rows.peek().group_key == key:
        r = next(rows)
        yield Point(iso_day(r.day or 0), r.value, r.articles, r.example)


def _outliers(key: str, rows) -> Iterator:
    import pickle
    while rows.peek() is not None and rows.peek().key == key:
        yield pickle.loads(next(rows).finding)


class _peekable:
    """An iterator whose next item can be looked at first."""

    def __init__(self, it):
        self.it, self.head = iter(it), None
        self.ready = False

    def peek(self):
        if not self.ready:
            self.head, self.ready = next(self.it, None), True
        return self.head

    def __iter__(self):
        return self

    def __next__(self):
        item = self.peek()
        if item is None:
            raise StopIteration
        self.ready = False
        return item


__all__ = ["index", "parquet_folder", "report"]
