"""What the Spark engine's executors run: functions of Arrow record batches (or of one group's
table), each built from the local engine's own pieces so that the two engines judge alike.

* ``ReadDocuments`` — a JSON Lines line or a Parquet row → its document, checked
  (``check_document``): the result, pickled, with the record's hash and any input error;
* ``explode_mentions`` — those results → one row per mention (``Mention.as_row`` columns, its
  candidate keys, its day);
* ``GroupPartners`` — one (key, slice) group → each judged mention's partner in each other
  document (``consistency.group_partners``), weighed with the run's name counts;
* ``Judge`` — one mention and its partners → its finding (``consistency.judge``);
* ``ReportSlice`` — one (key, slice) group → the key's outliers in it (``key_findings``).

Mentions cross stages as ``as_row`` columns (``MENTION_SCHEMA``), findings as pickles of
``Finding`` (a frozen record of builtin values).  pyarrow is imported by the caller's batches.
"""
from __future__ import annotations

import pickle
from collections import defaultdict
from typing import Iterable, Iterator, Mapping

from factcheck.archive.changed_files import content_hash
from factcheck.cross.record import Mention

ROW_TYPES = {  # Mention.as_row() field → Spark SQL type
    "path": "string", "line": "long", "column": "long", "date": "string", "fact": "string", "value": "double",
    "low": "double", "high": "double", "qualifier": "string", "claim_unit": "string", "start": "long",
    "end": "long", "text": "string", "sentence_start": "long", "sentence_end": "long", "claim_noun": "string",
    "kind": "string", "low_open": "long", "high_open": "long", "key": "string", "terms": "string",
    "forecast": "long", "role": "string", "side": "string", "unit": "string", "scope": "string",
    "phrase": "string", "vague": "long", "period": "string", "names": "string", "record": "long",
    "scale_low": "double", "scale_high": "double", "holders": "string", "subject": "string",
    "subject_words": "string", "modifiers": "string", "predicate": "string", "predicate_words": "string",
    "also": "string", "anchor": "string", "trend": "long", "fixed": "long", "voice": "string", "part": "long",
    "topic": "string"}
ROW_FIELDS = tuple(ROW_TYPES)
#: One mention: an id, the document it belongs to, its candidate keys, day (null: undated),
#: whether it is compared beyond the window (2 fixed, 1 one-way), then its ``as_row`` fields.
MENTION_SCHEMA = ("uid string, doc string, keys array<string>, day int, timeless int, "
                  + ", ".join(f"`{k}` {t}" for k, t in ROW_TYPES.items()))
DOCUMENT_SCHEMA = "file int, path string, record long, hash string, error string, result binary"
PARTNER_SCHEMA = "uid string, key string, partner_doc string, partner string"
FINDING_SCHEMA = "uid string, finding binary"
OUTLIER_SCHEMA = "key string, slice int, seq int, finding binary"


def uid(m: Mention) -> str:
    """A mention's id in a run: its record, its offset and its path."""
    return f"{m.record}:{m.located.claim.start}:{m.located.path}"


class ReadDocuments:
    """JSON Lines lines or Parquet rows → checked documents (``DOCUMENT_SCHEMA`` batches).

    ``files`` maps each input's canonical location (``canonical``) to (its index in the run,
    the path findings name); ``first_lines`` gives, for a JSON Lines file split by Spark, the
    line number each split (by its start byte) begins at; ``hashes`` the hash of each Parquet
    file (its rows are stored under it, as ``changed_files`` stores a file of several items).
    """

    def __init__(self, kind: str, files: Mapping[str, tuple[int, str]], fields, rules, options,
                 first_lines: Mapping[tuple[str, int], int] | None = None, hashes: Mapping[str, str] | None = None):
        self.kind, self.files, self.fields, self.rules, self.options = kind, files, fields, rules, options
        self.first_lines, self.hashes = first_lines or {}, hashes or {}

    def __call__(self, batches: Iterable) -> Iterator:
        import pyarrow as pa
        seen: dict[tuple[str, int], int] = defaultdict(int)
        for batch in batches:
            out = []
            for row in batch.to_pylist():
                file, path = self.files[canonical(row["file_path"])]
                if self.kind == "jsonl":
                    block = (row["file_path"], row["file_block_start"])
                    number = self.first_lines[block] + seen[block]
                    seen[block] += 1
                    raw = row["value"]
                    body = raw.rstrip(b"\r\n")
                    if body.strip():
                        out.append(self._one(file, path, number, content_hash(body), raw, None))
                else:
                    from factcheck.documents.parquet import plain
                    record = {k: plain(v) for k, v in row.items() if k not in ("file_path", "row_index")}
                    out.append(self._one(file, path, row["row_index"] + 1, self.hashes.get(path, ""), None, record))
            yield pa.RecordBatch.from_pylist(out, schema=document_arrow_schema())

    def _one(self, file: int, path: str, number: int, h: str, raw: bytes | None, record: dict | None) -> dict:
        from factcheck.check.engine import check_document
        from factcheck.documents.jsonl import line_document, record_document
        errors = []
        if raw is not None:
            doc = line_document(raw, number, path, self.fields, errors.append)
        else:
            doc = record_document(record, path, number, self.fields, errors.append)
        result = pickle.dumps(check_document(doc, self.rules, self.options)) if doc is not None else None
        return {"file": file, "path": path, "record": number, "hash": h,
                "error": str(errors[0]) if errors else None, "result": result}


def document_arrow_schema():
    """``DOCUMENT_SCHEMA`` as a pyarrow schema."""
    import pyarrow as pa
    return pa.schema([("file", pa.int32()), ("path", pa.string()), ("record", pa.int64()), ("hash", pa.string()),
                      ("error", pa.string()), ("result", pa.binary())])


def explode_mentions(batches: Iterable) -> Iterator:
    """Checked documents → their mentions (``MENTION_SCHEMA``), each with its candidate keys."""
    import pyarrow as pa
    from factcheck.cross.mentions import candidate_terms
    schema = mention_arrow_schema()
    for batch in batches:
        out = []
        for result in batch.column("result").to_pylist():
            if result is None:
                continue
            for m in pickle.loads(result).mentions:
                keys = list(dict.fromkeys(candidate_terms(m)))
                if keys:
                    out.append({"uid": uid(m), "doc": m.doc, "keys": keys,
                                "day": m.located.date.toordinal() if m.located.date else None,
                                "timeless": 2 if m.frame.fixed else 1 if m.frame.trend else 0, **m.as_row()})
        yield pa.RecordBatch.from_pylist(out, schema=schema)


#: A checked document as the index stores it (``rows.result_rows``, packed raw).
STORE_SCHEMA = ("file int, path string, record long, hash string, rid string, date string, title string, topic string, "
                "claims binary, facts array<struct<fact:string, value:double>>, "
                "mentions array<struct<keys:array<string>, day:int, value:double, timeless:int, data:binary>>")


def store_rows(batches: Iterable) -> Iterator:
    """Checked documents → their rows for the index (``STORE_SCHEMA``)."""
    import pyarrow as pa
    from factcheck.archive.rows import result_rows
    schema = None
    for batch in batches:
        out = []
        for row in batch.to_pylist():
            if row["result"] is None:
                continue
            head, claims, facts, ms = result_rows(pickle.loads(row["result"]))
            out.append({"file": row["file"], "path": row["path"], "record": row["record"], "hash": row["hash"],
                        "rid": head[1], "date": head[2], "title": head[3], "topic": head[4], "claims": claims,
                        "facts": [{"fact": f, "value": v} for f, v in facts],
                        "mentions": [{"keys": k, "day": d, "value": v, "timeless": t, "data": b}
                                     for k, d, v, t, b in ms]})
        schema = schema or store_arrow_schema()
        yield pa.RecordBatch.from_pylist(out, schema=schema)


def store_arrow_schema():
    """``STORE_SCHEMA`` as a pyarrow schema."""
    import pyarrow as pa
    mention = pa.struct([("keys", pa.list_(pa.string())), ("day", pa.int32()), ("value", pa.float64()),
                         ("timeless", pa.int32()), ("data", pa.binary())])
    return pa.schema([("file", pa.int32()), ("path", pa.string()), ("record", pa.int64()), ("hash", pa.string()),
                      ("rid", pa.string()), ("date", pa.string()), ("title", pa.string()), ("topic", pa.string()),
                      ("claims", pa.binary()),
                      ("facts", pa.list_(pa.struct([("fact", pa.string()), ("value", pa.float64())]))),
                      ("mentions", pa.list_(mention))])


def stored(row) -> tuple[int, str, tuple]:
    """A ``STORE_SCHEMA`` row as ``Index.load`` takes it: (record, hash, rows)."""
    head = (row["path"], row["rid"], row["date"], row["title"], row["topic"])
    facts = [(f["fact"], f["value"]) for f in row["facts"] or ()]
    ms = [(list(m["keys"]), m["day"], m["value"], m["timeless"], bytes(m["data"])) for m in row["mentions"] or ()]
    return row["record"], row["hash"], (head, bytes(row["claims"]), facts, ms)


def finding_columns(batches: Iterable) -> Iterator:
    """Pickled findings → readable columns (``FINDING_COLUMNS``), the finding as its JSON."""
    import json

    import pyarrow as pa
    for batch in batches:
        out = []
        for blob in batch.column("finding").to_pylist():
            f = pickle.loads(blob)[2]
            out.append({"path": f.path, "line": f.line, "column": f.column, "kind": f.kind,
                        "severity": str(f.severity), "key": f.key, "fact": f.fact, "message": f.message,
                        "json": json.dumps(f.as_dict(), ensure_ascii=False)})
        yield pa.RecordBatch.from_pylist(out, schema=pa.schema(
            [("path", pa.string()), ("line", pa.int64()), ("column", pa.int64()), ("kind", pa.string()),
             ("severity", pa.string()), ("key", pa.string()), ("fact", pa.string()), ("message", pa.string()),
             ("json", pa.string())]))


FINDING_COLUMNS = ("path string, line long, column long, kind string, severity string, key string, fact string, "
                   "message string, json string")


def mention_arrow_schema():
    """``MENTION_SCHEMA`` as a pyarrow schema."""
    import pyarrow as pa
    kinds = {"string": pa.string(), "long": pa.int64(), "double": pa.float64()}
    return pa.schema([("uid", pa.string()), ("doc", pa.string()), ("keys", pa.list_(pa.string())),
                      ("day", pa.int32()), ("timeless", pa.int32()),
                      *((k, kinds[t]) for k, t in ROW_TYPES.items())])


def mentions_of(table) -> list[tuple[dict, Mention]]:
    """The rows of a group's table and their mentions, in the order mentions are compared in."""
    from factcheck.cross.consistency import order
    rows = table.to_pylist()
    pairs = [(row, Mention.from_row(row)) for row in rows]
    pairs.sort(key=lambda p: order(p[1]))
    return pairs


class GroupPartners:
    """One (key, slice) group → (mention, key, partner's document, partner) rows (``PARTNER_SCHEMA``).

    The group's rows carry ``judged`` (judged in this slice); how many of the run's mentions
    name each name (for ``similarity.rarity``) comes as ``counts``, or in each row's ``counts``.
    """

    def __init__(self, facts: Mapping | None, window_days: float, counts: Mapping[str, int] | None = None):
        self.facts, self.window, self.counts = facts, window_days, counts

    def __call__(self, group, table):
        import pyarrow as pa
        from factcheck.cross.consistency import group_partners
        pairs = mentions_of(table)
        key = group[0]
        rarity = {}
        for row, m in pairs:
            if self.counts is not None:
                rarity.update((n, 1.0 / self.counts[n]) for n in m.names)
            else:
                rarity.update((n, 1.0 / c) for n, c in row["counts"] or ())
        ms = [m for _, m in pairs]
        found = group_partners(ms, range(len(ms)), key, self.facts, self.window, rarity,
                               judged=lambda i: pairs[i][0]["judged"])
        out = [{"uid": uid(ms[i]), "key": key, "partner_doc": d, "partner": uid(ms[j])}
               for i, docs in found.items() for d, j in docs.items()]
        return pa.Table.from_pylist(out, schema=pa.schema([(n, pa.string()) for n in
                                                           ("uid", "key", "partner_doc", "partner")]))


class Judge:
    """Mentions and their partners → findings (``FINDING_SCHEMA``), over batches sorted by
    mention: each mention's own row (``is_partner`` 0) then its partners' (1, in order of
    ``partner_doc``).  The finding is pickled with the mention's place in
    ``consistency.order``; a mention that deserves none gives no row."""

    def __init__(self, facts: Mapping | None):
        self.facts = facts

    def __call__(self, batches: Iterable) -> Iterator:
        import pyarrow as pa
        schema = pa.schema([("uid", pa.string()), ("finding", pa.binary())])
        group: list[dict] = []
        for batch in batches:
            out = []
            for row in batch.to_pylist():
                if group and row["uid"] != group[0]["uid"]:
                    out.extend(self._judge(group))
                    group = []
                group.append(row)
            yield pa.RecordBatch.from_pylist(out, schema=schema)
        if group:
            yield pa.RecordBatch.from_pylist(self._judge(group), schema=schema)

    def _judge(self, rows: list[dict]) -> list[dict]:
        from factcheck.cross.consistency import judge, order
        me = next(r for r in rows if r["is_partner"] == 0)
        m = Mention.from_row(me)
        partners = sorted((r for r in rows if r["is_partner"] == 1), key=lambda r: r["partner_doc"])
        f = judge(m, [Mention.from_row(r) for r in partners], self.facts)
        return [{"uid": me["uid"], "finding": pickle.dumps((f.sort_key(), order(m), f))}] if f is not None else []


class ReportSlice:
    """One (key, slice) group of a report → the key's outliers judged in it (``OUTLIER_SCHEMA``)."""

    def __init__(self, facts: Mapping | None, window_days: float):
        self.facts, self.window = facts, window_days

    def __call__(self, group, table):
        import pyarrow as pa
        from factcheck.cross.consistency import key_findings
        rows = table.to_pylist()
        out = []
        if rows:
            key, n = group
            judged = {uid(Mention.from_row(r)) for r in rows if r["judged"]}
            ms = [Mention.from_row(r) for r in rows]
            out = [{"key": key, "slice": n, "seq": k, "finding": pickle.dumps(f)}
                   for k, f in enumerate(key_findings(ms, key, self.facts, window_days=self.window,
                                                      judged=lambda m: uid(m) in judged))]
        return pa.Table.from_pylist(out, schema=pa.schema([("key", pa.string()), ("slice", pa.int32()),
                                                           ("seq", pa.int32()), ("finding", pa.binary())]))


def canonical(location: str) -> str:
    """One spelling of a file's location: a local path resolved, a URI as it is (``file:`` URIs
    become paths)."""
    import os
    from urllib.parse import unquote, urlparse
    if "://" not in location and not location.startswith("file:"):
        return os.path.realpath(location)
    parts = urlparse(location)
    if parts.scheme == "file":
        return os.path.realpath(unquote(parts.path))
    return location


__all__ = ["DOCUMENT_SCHEMA", "FINDING_COLUMNS", "FINDING_SCHEMA", "STORE_SCHEMA", "finding_columns", "store_rows",
           "stored", "GroupPartners", "Judge", "MENTION_SCHEMA", "OUTLIER_SCHEMA",
           "PARTNER_SCHEMA", "ROW_FIELDS", "ROW_TYPES", "ReadDocuments", "ReportSlice", "canonical",
           "explode_mentions", "mentions_of", "uid"]
