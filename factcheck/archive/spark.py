"""The Spark engine: ``check``, ``index`` and ``report`` of archives beyond one machine.

The archive job is a map, a shuffle and a judgement per group, which is Spark's shape:

1. **map** (``mapInArrow``): each JSON Lines line or Parquet row is read and checked as the
   local engine would (``spark_jobs.ReadDocuments``), and its mentions listed with their keys;
2. **shuffle**: mentions are grouped by key and slice of days (``cross.slices``: a key of
   more than ``CHUNK`` mentions is cut as the local engine cuts it, each slice with its
   margin, so no group outgrows a worker; undated mentions join every slice of their key and
   are judged in the first), after the names' counts over the whole run are joined on;
3. **judgement per group** (``applyInArrow``): partners per key and slice, then per mention
   its partners across keys, then its finding.

The findings are exactly the local engine's (same JSON, order included).  Inputs are JSON
Lines or Parquet files, or folders of them, on local disk or wherever Spark reads
(``s3a://``, ``gs://``, ``hdfs://``).  pyspark is imported here only (``factcheck[spark]``).
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Sequence

from factcheck.archive import spark_jobs as J
from factcheck.archive.changed_files import content_hash
from factcheck.cross import slices
from factcheck.errors import InputError, UsageError

READS = (".jsonl", ".ndjson", ".parquet")
#: Names counted over a run up to which the counts are sent to every group (else joined on).
BROADCAST_NAMES = 1_000_000


def session(conf: Sequence[str] = ()):
    """The active SparkSession (under ``spark-submit``), else a new one (``local[*]`` unless
    ``conf`` names a master); ``conf`` holds ``KEY=VALUE`` settings."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise UsageError("the Spark engine needs pyspark", hint="pip install 'factcheck[spark]'") from None
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    active = SparkSession.getActiveSession()
    if active is not None and not conf:
        return active
    builder = SparkSession.builder.appName("factcheck")
    # Spark's stage bars only on a terminal: piped into a CI log they are one endless line
    builder = builder.config("spark.ui.showConsoleProgress", "true" if sys.stderr.isatty() else "false")
    for item in conf:
        key, sep, value = item.partition("=")
        if not sep:
            raise UsageError(f"--spark-conf takes KEY=VALUE, not {item!r}")
        builder = builder.config(key, value)
    return builder.getOrCreate()


@dataclass(frozen=True)
class Inputs:
    """A run's files in reading order: (index, path as named, location) for JSON Lines and Parquet."""

    jsonl: list = field(default_factory=list)
    parquet: list = field(default_factory=list)
    hashes: dict = field(default_factory=dict)

    def names(self) -> dict[str, tuple[int, str]]:
        """Canonical location → (index, path as named)."""
        return {J.canonical(loc): (i, path) for i, path, loc in self.jsonl + self.parquet}


def inputs(spark, paths: Sequence[str], include=None, exclude=None) -> Inputs:
    """The JSON Lines and Parquet files under ``paths``, in the local engine's order (a remote
    folder is listed through Spark's file systems, sorted)."""
    from factcheck.documents import iter_paths
    found: list[tuple[str, str]] = []
    for p in paths:
        if "://" in p:
            found += [(f, f) for f in _remote_files(spark, p)]
            continue
        for f in iter_paths([p], include=include, exclude=exclude):
            if not f.lower().endswith(READS):
                raise UsageError(f"the Spark engine reads JSON Lines and Parquet files, not {f}")
            found.append((f, os.path.abspath(f)))
    out = Inputs()
    for i, (path, loc) in enumerate(found):
        (out.parquet if path.lower().endswith(".parquet") else out.jsonl).append((i, path, loc))
        if path.lower().endswith(".parquet") and "://" not in path:
            with open(path, "rb") as fh:
                out.hashes[path] = content_hash(fh.read())
    return out


def _remote_files(spark, uri: str) -> list[str]:
    jvm, conf = spark.sparkContext._jvm, spark.sparkContext._jsc.hadoopConfiguration()
    root = jvm.org.apache.hadoop.fs.Path(uri)
    fs = root.getFileSystem(conf)
    if not fs.exists(root):
        raise InputError("no such file or directory", path=uri)
    files, it = [], fs.listFiles(root, True)
    while it.hasNext():
        name = it.next().getPath().toString()
        if name.lower().endswith(READS) and not os.path.basename(name).startswith((".", "_")):
            files.append(name)
    return sorted(files)


def documents(spark, run: Inputs, fields, rules, options):
    """Every record of the run, read and checked (``spark_jobs.DOCUMENT_SCHEMA``)."""
    from pyspark.sql import functions as F
    frames = []
    names = run.names()
    if run.jsonl:
        lines = (spark.read.option("lineSep", "\n").text([loc for _, _, loc in run.jsonl])
                 .select(F.col("value").cast("binary").alias("value"),
                         F.col("_metadata.file_path").alias("file_path"),
                         F.col("_metadata.file_block_start").alias("file_block_start")))
        first: dict[tuple[str, int], int] = {}
        line = {}
        for row in sorted(lines.groupBy("file_path", "file_block_start").count().collect()):
            first[(row.file_path, row.file_block_start)] = line.get(row.file_path, 0) + 1
            line[row.file_path] = line.get(row.file_path, 0) + row["count"]
        frames.append(lines.mapInArrow(J.ReadDocuments("jsonl", names, fields, rules, options, first),
                                       J.DOCUMENT_SCHEMA))
    if run.parquet:
        rows = (spark.read.option("mergeSchema", "true").parquet(*[loc for _, _, loc in run.parquet])
                .select("*", F.col("_metadata.file_path").alias("file_path"),
                        F.col("_metadata.row_index").alias("row_index")))
        frames.append(rows.mapInArrow(J.ReadDocuments("parquet", names, fields, rules, options, hashes=run.hashes),
                                      J.DOCUMENT_SCHEMA))
    out = frames[0]
    for f in frames[1:]:
        out = out.unionByName(f)
    return out


def mentions(docs):
    """The mentions of checked documents (``spark_jobs.MENTION_SCHEMA``)."""
    return docs.mapInArrow(J.explode_mentions, J.MENTION_SCHEMA)


def keyed(ms, chunk: int | None, window_days: float):
    """One row per mention, key and slice that loads it (``group_key``, ``slice``, ``judged``):
    a key of at most ``chunk`` mentions is one slice; a larger one is cut by ``slices.plan``,
    each mention joining the slices whose days (with their margin) hold its day."""
    from pyspark.sql import functions as F
    chunk = slices.CHUNK if chunk is None else chunk
    rows = ms.select(F.explode(F.array_distinct("keys")).alias("group_key"), "*").drop("keys")
    big = {r.group_key: r["count"] for r in rows.groupBy("group_key").count().where(F.col("count") > chunk).collect()}
    if not big:
        return rows.withColumn("slice", F.lit(0)).withColumn("judged", F.lit(True))
    spark = ms.sparkSession
    big_keys = spark.createDataFrame([(k,) for k in big], "group_key string")
    counts = (rows.join(F.broadcast(big_keys), "group_key", "left_semi").where(F.col("day").isNotNull())
              .groupBy("group_key", "day").count().collect())
    per_key: dict[str, list] = {}
    for r in sorted(counts):
        per_key.setdefault(r.group_key, []).append((r.day, r["count"]))
    table = [(k, n, s.lo - s.pad, s.hi + s.pad, s.lo, s.hi, s.first)
             for k, total in big.items()
             for n, s in enumerate(slices.plan(per_key.get(k, []), total, k, window_days, chunk)) if s.lo is not None]
    cuts = spark.createDataFrame(table, "cut_key string, cut int, load_lo double, load_hi double, core_lo long, "
                                        "core_hi long, first boolean")
    day = F.col("day")
    loads = (F.col("cut_key") == F.col("group_key")) & (day.isNull() | ((day >= F.col("load_lo")) & (day < F.col("load_hi"))))
    judged = F.when(F.col("cut_key").isNull(), F.lit(True)).when(day.isNull(), F.col("first")) \
        .otherwise((day >= F.col("core_lo")) & (day < F.col("core_hi")))
    return (rows.join(F.broadcast(cuts), loads, "left")
            .withColumn("slice", F.coalesce(F.col("cut"), F.lit(0))).withColumn("judged", judged)
            .drop("cut_key", "cut", "load_lo", "load_hi", "core_lo", "core_hi", "first"))


def name_counts(ms, limit: int = BROADCAST_NAMES):
    """How many of the run's mentions name each name: a dict when at most ``limit`` names
    (sent to every group), else None (then joined to each mention, ``counts``)."""
    from pyspark.sql import functions as F
    names = ms.select(F.explode(F.split("names", " ")).alias("name")).where(F.col("name") != "")
    counts = names.groupBy("name").count().limit(limit + 1).collect()
    return {r.name: r["count"] for r in counts} if len(counts) <= limit else None


def cross_frame(ms, facts, window_days: float, chunk: int | None = None):
    """The run's cross-article findings as (uid, finding) rows, the finding pickled with its
    place in the local engine's order (``spark_jobs.Judge``); ``ms`` should be persisted."""
    from pyspark.sql import Window, functions as F
    counts = name_counts(ms)
    if counts is None:
        names = ms.select("uid", F.explode(F.split("names", " ")).alias("name")).where(F.col("name") != "")
        weights = (names.join(names.groupBy("name").count(), "name").groupBy("uid")
                   .agg(F.map_from_entries(F.collect_list(F.struct("name", "count"))).alias("counts")))
        ms = ms.join(weights, "uid", "left")
    else:
        ms = ms.withColumn("counts", F.lit(None).cast("map<string,long>"))
    rows = keyed(ms, chunk, window_days)
    partners = rows.groupBy("group_key", "slice").applyInArrow(grouped(J.GroupPartners(facts, window_days, counts)),
                                                               J.PARTNER_SCHEMA)
    first = Window.partitionBy("uid", "partner_doc").orderBy("key")
    chosen = partners.withColumn("n", F.row_number().over(first)).where(F.col("n") == 1).drop("n", "key")
    fields = [F.col(f"`{f}`") for f in J.ROW_FIELDS]
    own = (ms.join(chosen.select("uid").distinct(), "uid", "left_semi")
           .select("uid", F.lit(0).alias("is_partner"), F.lit(None).cast("string").alias("partner_doc"), *fields))
    theirs = (chosen.join(ms.select(F.col("uid").alias("partner"), *fields), "partner")
              .select("uid", F.lit(1).alias("is_partner"), "partner_doc", *fields))
    return (own.unionByName(theirs).repartition("uid").sortWithinPartitions("uid", "is_partner", "partner_doc")
            .mapInArrow(J.Judge(facts), J.FINDING_SCHEMA))


def cross(spark, ms, facts, window_days: float, chunk: int | None = None) -> list:
    """The run's cross-article findings, in the local engine's order."""
    import pickle
    ms = ms.persist()
    found = sorted((pickle.loads(r.finding) for r in cross_frame(ms, facts, window_days, chunk).collect()),
                   key=lambda t: (t[0], t[1]))
    ms.unpersist()
    return [f for _, _, f in found]


def grouped(job):
    """``job(key, table)`` as the plain function of two arguments ``applyInArrow`` asks for."""
    def run(key, table):
        return job(tuple(k.as_py() if hasattr(k, "as_py") else k for k in key), table)
    return run


def check(paths: Sequence[str], rules, options, fields, *, conf: Sequence[str] = (), include=None, exclude=None,
          chunk: int | None = None, on_error=None):
    """``factcheck check PATH... --engine spark``: the local engine's ``Report`` for the run."""
    import dataclasses
    import pickle

    from factcheck.check.engine import combine
    spark = session(conf)
    run = inputs(spark, paths, include, exclude)
    docs = documents(spark, run, fields, rules, options).persist()
    facts = {f.id: f for f in rules.facts} if rules else None
    found = cross(spark, mentions(docs), facts, options.window_days, chunk) if options.cross else []
    results, errors = [], []
    for row in docs.orderBy("file", "record").toLocalIterator():
        if row.error:
            errors.append(row.error)
            if on_error:
                on_error(row.error)
        if row.result is not None:
            results.append(dataclasses.replace(pickle.loads(row.result), mentions=()))
    docs.unpersist()
    return combine(results, rules, options, errors, cross=found if options.cross else None)


__all__ = ["Inputs", "READS", "check", "cross", "cross_frame", "documents", "grouped", "inputs", "keyed", "mentions", "session"]
