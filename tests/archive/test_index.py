"""The archive index: incremental indexing, interruption, schema checks, --against, report."""
from __future__ import annotations

import json
import sqlite3

import pytest

from factcheck.archive import changed_files as changes
from factcheck.cli.main import main
from factcheck.archive.index import Index, open_index

BRIDGE = "The collapse of the old quarry bridge killed {n} workers, the county sheriff said."
ARTICLES = {
    "a.md": ("2031-05-04", "County officials said the quarry bridge collapse killed 23 workers on Friday."),
    "b.md": ("2031-05-04", BRIDGE.format(n=23)),
    "c.md": ("2031-05-05", "The sheriff said 23 workers were killed when the old quarry bridge collapsed."),
    "d.md": ("2031-05-05", "Rescuers confirmed that 23 workers were killed in the quarry bridge collapse."),
}


def write(folder, name: str, date: str, text: str) -> None:
    (folder / name).write_text(f"---\ndate: {date}\n---\n\n{text}\n", encoding="utf-8")


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for name, (date, text) in ARTICLES.items():
        write(folder, name, date, text)
    return folder


def dump(db_path) -> dict:
    """The index's content without row ids, its packed values unpacked (two runs must agree on it)."""
    with open_index(str(db_path)) as ix:
        db = ix.db
        docs = {i: (p, r) for i, p, r in db.execute("SELECT d.id, p.path, d.record FROM documents d "
                                                     "JOIN paths p ON p.id = d.path")}
        keys = dict(db.execute("SELECT id, key FROM keys"))
        return {
            "documents": sorted(db.execute("SELECT p.path, d.record, d.rid, d.hash, d.date, d.title "
                                           "FROM documents d JOIN paths p ON p.id = d.path")),
            "claims": sorted((docs[d], *c) for d in docs for c in ix.claims(d)),
            "mentions": sorted((keys[k], docs[d], n, day, v, t, json.dumps(ix.codec.values(data)))
                               for k, day, v, d, n, t, data in db.execute("SELECT * FROM mentions")),
            "facts": sorted((f, docs[d], v) for f, d, v in db.execute("SELECT * FROM facts")),
        }


def update(db_path, paths, **kw):
    with open_index(str(db_path), create=True) as ix:
        return ix.update([str(p) for p in paths], **kw)


def test_incremental_reindex(tmp_path, archive):
    db = tmp_path / "a.sqlite"
    s = update(db, [archive])
    assert (s.indexed, s.unchanged, s.removed, s.errors) == (4, 0, 0, 0)
    s = update(db, [archive])
    assert (s.indexed, s.unchanged, s.removed) == (0, 4, 0)
    write(archive, "b.md", "2031-05-04", BRIDGE.format(n=31))
    (archive / "d.md").unlink()
    s = update(db, [archive])
    assert (s.indexed, s.unchanged, s.removed) == (1, 2, 1)
    content = dump(db)
    assert [d[0] for d in content["documents"]] == [str(archive / n) for n in ("a.md", "b.md", "c.md")]
    assert 31.0 in [c[5] for c in content["claims"]] and 23.0 in [c[5] for c in content["claims"]]
    fresh = tmp_path / "fresh.sqlite"
    update(fresh, [archive])
    assert dump(fresh) == content


def test_removal_only_under_indexed_paths(tmp_path, archive):
    other = tmp_path / "other"
    other.mkdir()
    write(other, "x.md", "2031-05-06", BRIDGE.format(n=23))
    db = tmp_path / "a.sqlite"
    update(db, [archive, other])
    s = update(db, [other])
    assert s.removed == 0 and len(dump(db)["documents"]) == 5


def test_unreadable_file_keeps_its_rows(tmp_path, archive):
    db = tmp_path / "a.sqlite"
    update(db, [archive])
    before = dump(db)
    (archive / "c.md").write_bytes(b"\0\1binary")
    seen = []
    s = update(db, [archive], on_error=seen.append)
    assert s.errors == 1 and "binary" in str(seen[0]) and s.removed == 0
    assert dump(db) == before


def same_as_fresh(db, path, records: list) -> None:
    """The index holds ``records`` (record, id) of ``path``, as an index built afresh would."""
    assert [(r[1], r[2]) for r in dump(db)["documents"]] == records
    fresh = db.with_name("fresh.sqlite")
    update(fresh, [path])
    assert dump(fresh) == dump(db)


def test_files_in_no_news_format_are_skipped_with_a_note(tmp_path, archive):
    (archive / "package.json").write_text('{"name": "site"}', encoding="utf-8")
    skipped = []
    s = update(tmp_path / "a.sqlite", [archive], on_skip=lambda path, why: skipped.append(path))
    assert (s.indexed, s.errors) == (4, 0) and skipped == [str(archive / "package.json")]


def test_jsonl_records_update_one_by_one(tmp_path):
    path = tmp_path / "feed.jsonl"
    recs = [{"id": f"r{i}", "date": "2031-05-04", "text": BRIDGE.format(n=n)} for i, n in enumerate((23, 23, 23))]
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    db = tmp_path / "a.sqlite"
    assert update(db, [path]).indexed == 3
    recs[1]["text"] = BRIDGE.format(n=29)
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    s = update(db, [path])
    assert (s.indexed, s.unchanged, s.removed) == (1, 2, 0)
    path.write_text("".join(json.dumps(r) + "\n" for r in recs[:2]), encoding="utf-8")
    s = update(db, [path])
    assert (s.indexed, s.unchanged, s.removed) == (0, 2, 1)
    same_as_fresh(db, path, [(1, "r0"), (2, "r1")])


def test_a_file_of_several_items_keeps_one_row_per_item(tmp_path):
    path = tmp_path / "wire.json"
    items = [{"uri": f"u{i}", "versioncreated": "2031-05-04", "body_text": BRIDGE.format(n=n)}
             for i, n in enumerate((23, 23, 23))]
    path.write_text(json.dumps(items, indent=1), encoding="utf-8")
    db = tmp_path / "a.sqlite"
    assert update(db, [tmp_path]).indexed == 3
    s = update(db, [tmp_path])
    assert (s.indexed, s.unchanged, s.removed) == (0, 3, 0)
    path.write_text(json.dumps(items[:2], indent=1), encoding="utf-8")
    s = update(db, [tmp_path])
    assert (s.indexed, s.unchanged, s.removed) == (2, 0, 1)
    same_as_fresh(db, path, [(2, "u0"), (7, "u1")])


def test_jsonl_blank_bad_and_paged_records(tmp_path, monkeypatch):
    path = tmp_path / "feed.jsonl"
    recs = [{"id": f"r{i}", "date": "2031-05-04", "text": BRIDGE.format(n=20 + i)} for i in range(7)]
    lines = [json.dumps(r) for r in recs]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "a.sqlite"
    assert update(db, [path]).indexed == 7
    monkeypatch.setattr(changes, "HASH_PAGE", 2)
    lines[1] = ""                                   # a record blanked: dropped
    lines[3] = '{"id": "r3", "text": '              # a record broken: its old row stays
    lines[4] = json.dumps({**recs[4], "text": BRIDGE.format(n=99)})  # a record changed: re-indexed
    path.write_text("\n".join(lines[:6]) + "\n", encoding="utf-8")  # the last record gone: dropped
    errors = []
    s = update(db, [path], on_error=errors.append)
    assert (s.indexed, s.unchanged, s.removed) == (1, 3, 2)
    assert len(errors) == 1
    rows = dump(db)["documents"]
    assert [(r[1], r[2]) for r in rows] == [(1, "r0"), (3, "r2"), (4, "r3"), (5, "r4"), (6, "r5")]
    with open_index(str(db)) as ix:
        assert [r for r, _ in changes.stored_hashes(ix.db, str(path))] == [1, 3, 4, 5, 6]


def test_interrupted_run_resumes_to_the_same_content(tmp_path, archive, monkeypatch):
    db = tmp_path / "a.sqlite"
    real = Index._write
    calls = []

    def failing(self, chunk, results):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(self, chunk, results)

    monkeypatch.setattr(Index, "_write", failing)
    with pytest.raises(KeyboardInterrupt):
        update(db, [archive], batch=1)
    monkeypatch.setattr(Index, "_write", real)
    assert len(dump(db)["documents"]) == 1
    s = update(db, [archive], batch=1)
    assert (s.indexed, s.unchanged) == (3, 1)
    clean = tmp_path / "clean.sqlite"
    update(clean, [archive])
    assert dump(db) == dump(clean)


def test_jobs_give_the_same_index(tmp_path, archive):
    one, two = tmp_path / "1.sqlite", tmp_path / "2.sqlite"
    update(one, [archive], jobs=1)
    update(two, [archive], jobs=2, batch=2)
    assert dump(one) == dump(two)


def test_newer_schema_is_a_clear_error(tmp_path, archive, capsys):
    db = tmp_path / "a.sqlite"
    update(db, [archive])
    con = sqlite3.connect(db)
    with con:
        con.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    con.close()
    assert main(["report", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "schema version 99" in err and "upgrade factcheck" in err and "Traceback" not in err


SCHEMA_3 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (id INTEGER PRIMARY KEY, path TEXT NOT NULL, record INTEGER NOT NULL, rid TEXT,
    hash TEXT NOT NULL, date TEXT, title TEXT, UNIQUE (path, record));
CREATE TABLE claims (doc INTEGER NOT NULL, line INTEGER, col INTEGER, text TEXT, value REAL, low REAL, high REAL,
    unit TEXT, qualifier TEXT, kind TEXT, fact TEXT);
CREATE TABLE mentions (id INTEGER PRIMARY KEY, doc INTEGER NOT NULL, row TEXT NOT NULL);
CREATE TABLE mention_keys (key TEXT NOT NULL, mention_id INTEGER NOT NULL, doc INTEGER NOT NULL, day INTEGER,
    value REAL, timeless INTEGER NOT NULL DEFAULT 0);
"""


@pytest.mark.parametrize("version", ["1", "2", "3"])
def test_an_older_schema_is_emptied_in_place_and_read_again(tmp_path, archive, capsys, version):
    db = tmp_path / "a.sqlite"
    con = sqlite3.connect(db)
    with con:  # what version 3 had: JSON rows, keys and paths as text
        con.executescript(SCHEMA_3)
        con.execute("INSERT INTO meta VALUES ('schema_version', ?), ('rules_hash', 'x')", (version,))
        con.execute(f"INSERT INTO documents VALUES (1, '{archive / 'a.md'}', 0, NULL, 'h', NULL, NULL)")
        con.execute("INSERT INTO mentions VALUES (1, 1, '{}')")
    con.close()
    assert main(["report", "--db", str(db)]) == 0
    con = sqlite3.connect(db)
    assert con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == "5"
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 0  # read again by the next index
    assert not con.execute("SELECT name FROM sqlite_master WHERE name IN ('claims', 'mention_keys')").fetchall()
    con.close()
    assert update(db, [archive]).indexed == 4
    fresh = tmp_path / "fresh.sqlite"
    update(fresh, [archive])
    assert dump(db) == dump(fresh)


def test_a_version_4_index_without_topics_is_emptied_and_read_again(tmp_path, archive, capsys):
    from factcheck.archive.schema import SCHEMA
    db = tmp_path / "a.sqlite"
    con = sqlite3.connect(db)
    with con:  # version 4: the tables of today, documents without their topic
        con.executescript(SCHEMA.replace("topic TEXT, ", ""))
        con.execute("INSERT INTO meta VALUES ('schema_version', '4'), ('rules_hash', 'x')")
        con.execute("INSERT INTO paths VALUES (1, ?)", (str(archive / "a.md"),))
        con.execute("INSERT INTO documents VALUES (1, 1, 0, NULL, 'h', NULL, NULL, NULL)")
    con.close()
    assert main(["report", "--db", str(db)]) == 0
    con = sqlite3.connect(db)
    assert con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == "5"
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 0
    assert main(["index", str(archive), "--db", str(db)]) == 0
    assert con.execute("SELECT count(*) FROM documents WHERE topic IS NOT NULL").fetchone()[0] > 0
    con.close()


@pytest.mark.parametrize("args", [["report", "--db", "{tmp}/missing.sqlite"],
                                  ["check", "{tmp}/draft.md", "--against", "{tmp}/missing.sqlite", "--no-cache"],
                                  ["report", "--db", "{tmp}/draft.md"]])
def test_bad_databases_exit_2(tmp_path, capsys, args):
    (tmp_path / "draft.md").write_text("Some 12 workers were hurt.\n", encoding="utf-8")
    assert main([a.format(tmp=tmp_path) for a in args]) == 2
    assert "factcheck: error:" in capsys.readouterr().err


def test_rules_change_reattaches_facts(tmp_path, archive):
    rules = tmp_path / "rules.yaml"
    rules.write_text("facts:\n  - id: quarry-deaths\n    label: Quarry deaths\n    value: 23\n    match: {all: [quarry], any: [killed]}\n",
                     encoding="utf-8")
    from factcheck.rules.loading import load_rules
    db = tmp_path / "a.sqlite"
    update(db, [archive])
    assert not [c for c in dump(db)["claims"] if c[-1]]
    s = update(db, [archive], rules=load_rules([str(rules)]))
    assert s.indexed == 4
    assert {c[-1] for c in dump(db)["claims"]} == {"quarry-deaths"}


def test_against_finds_a_planted_conflict(tmp_path, archive, capsys):
    db = tmp_path / "a.sqlite"
    assert main(["index", str(archive), "--db", str(db), "--jobs", "1"]) == 0
    assert "4 indexed, 0 unchanged, 0 removed, 0 errors" in capsys.readouterr().err
    draft = tmp_path / "draft.md"
    write(tmp_path, "draft.md", "2031-05-05", BRIDGE.format(n=27))
    assert main(["check", str(draft), "--against", str(db), "--format", "json", "--no-cache"]) == 0
    found = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["path"], f["text"], f["kind"]) for f in found] == [(str(draft), "27", "cross-article")]
    assert sorted(r["path"] for r in found[0]["related"]) == sorted(str(archive / n) for n in ARTICLES)
    write(tmp_path, "draft.md", "2031-05-05", BRIDGE.format(n=23))
    main(["check", str(draft), "--against", str(db), "--format", "json", "--no-cache"])
    assert json.loads(capsys.readouterr().out)["findings"] == []


@pytest.fixture
def disagreeing(tmp_path, archive):
    write(archive, "e.md", "2031-05-05", "The sheriff said 27 workers were killed when the old quarry bridge collapsed.")
    db = tmp_path / "a.sqlite"
    update(db, [archive])
    return db


def test_server_hook_uses_the_index(disagreeing):
    from factcheck.documents import read_text
    from factcheck.server.checker import Checker, open_archive
    archive = open_archive(str(disagreeing))
    assert archive.history("nothing") == []
    out = Checker(None, archive).check(BRIDGE.format(n=41).replace("41", "30"), "draft.md", None)
    assert isinstance(out["findings"], list)
    assert archive.mentions_for(read_text(BRIDGE.format(n=25), "x.md"))


def test_missing_path_is_an_error_and_drops_nothing(tmp_path, archive, capsys):
    db = tmp_path / "a.sqlite"
    update(db, [archive])
    before = dump(db)
    assert main(["index", str(tmp_path / "gone"), "--db", str(db), "--jobs", "1"]) == 2
    assert "no such file or directory" in capsys.readouterr().err
    assert dump(db) == before


def test_server_queries_from_another_thread(disagreeing):
    import threading
    from factcheck.documents import read_text
    archive = open_index(str(disagreeing))
    got = []
    t = threading.Thread(target=lambda: got.append(archive.mentions_for(read_text(BRIDGE.format(n=25), "x.md"))))
    t.start()
    t.join()
    assert got and got[0]


def test_kill_9_mid_run_then_resume(tmp_path, archive):
    import subprocess
    import sys
    import time
    for i in range(150):
        write(archive, f"x{i:03}.md", "2031-05-06", BRIDGE.format(n=20 + i % 7))
    db = tmp_path / "a.sqlite"
    code = (f"from factcheck.archive.index import open_index\n"
            f"open_index({str(db)!r}, create=True).update([{str(archive)!r}], batch=5)\n")
    proc = subprocess.Popen([sys.executable, "-c", code])
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        try:
            con = sqlite3.connect(db)
            n = con.execute("SELECT count(*) FROM documents").fetchone()[0]
            con.close()
        except sqlite3.Error:
            n = 0
        if n >= 10:
            break
        time.sleep(0.005)
    proc.kill()
    proc.wait()
    s = update(db, [archive])
    assert s.indexed + s.unchanged == 154 and s.errors == 0
    clean = tmp_path / "clean.sqlite"
    update(clean, [archive])
    assert dump(db) == dump(clean)


def test_report_judges_a_large_key_a_slice_of_days_at_a_time(tmp_path):
    from factcheck.archive import history
    records = []
    for day in range(1, 29):
        for n in (23, 23, 27 if day in (3, 17) else 23):
            records.append({"date": f"2031-05-{day:02d}", "text": BRIDGE.format(n=n + day // 10)})
    src = tmp_path / "wire.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "a.sqlite"
    update(db, [src])
    with open_index(str(db)) as ix:
        whole = [e.as_dict() for e in history.entries(ix)]
        sliced = [e.as_dict() for e in history.entries(ix, chunk=7)]
    assert sliced == whole
    flagged = sorted(f["line"] for e in whole for f in e["outliers"] if f["severity"] != "info")
    assert flagged == [9, 51]


@pytest.mark.parametrize("run", [1, 2, 5])
def test_a_run_of_slices_reads_shared_margins_once_and_judges_alike(tmp_path, monkeypatch, run):
    from factcheck.archive import history
    records = [{"date": f"2031-05-{day:02d}", "text": BRIDGE.format(n=27 if day in (4, 19) and k == 0 else 23)}
               for day in range(1, 29) for k in range(3)]
    src = tmp_path / "wire.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "a.sqlite"
    update(db, [src])
    restored = []
    real = history.restore
    monkeypatch.setattr(history, "restore", lambda *a: restored.append(a[2]) or real(*a))
    monkeypatch.setattr(history, "RUN", run)
    with open_index(str(db)) as ix:
        whole = [e.as_dict() for e in history.entries(ix)]
        restored.clear()
        sliced = [e.as_dict() for e in history.entries(ix, chunk=9)]
    assert sliced == whole
    assert sorted(f["line"] for e in whole for f in e["outliers"]) == [10, 55]
    assert len(set(restored)) == 28 and len(restored) > 3 * 28  # every day read; margins between runs again
    if run > 1:
        monkeypatch.setattr(history, "RUN", 1)
        once = []
        monkeypatch.setattr(history, "restore", lambda *a: once.append(a[2]) or real(*a))
        with open_index(str(db)) as ix:
            assert [e.as_dict() for e in history.entries(ix, chunk=9)] == whole
        assert len(restored) < len(once)


def test_report_slices_an_undated_large_key_whole(tmp_path):
    from factcheck.archive import history
    records = [{"text": BRIDGE.format(n=27 if i == 4 else 23)} for i in range(9)]
    src = tmp_path / "wire.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "a.sqlite"
    update(db, [src])
    with open_index(str(db)) as ix:
        assert [e.as_dict() for e in history.entries(ix, chunk=3)] == [e.as_dict() for e in history.entries(ix)]
        assert [f.line for e in history.entries(ix, chunk=3) for f in e.outliers] == [5]


def test_index_runs_on_every_core_by_default():
    import os
    from factcheck.cli.arguments import build_parser
    args = build_parser().parse_args(["index", "archive.jsonl", "--db", "a.sqlite"])
    assert args.jobs == (os.cpu_count() or 1)
    assert build_parser().parse_args(["index", "a.jsonl", "--db", "a.sqlite", "--jobs", "1"]).jobs == 1


def test_another_factcheck_version_reindexes_everything(tmp_path, archive):
    db = tmp_path / "a.sqlite"
    update(db, [archive])
    with open_index(str(db)) as ix, ix.db:
        ix.db.execute("UPDATE meta SET value='0.0.1' WHERE key='factcheck_version'")
    s = update(db, [archive])
    assert (s.indexed, s.unchanged) == (4, 0), "claims from an older extractor are re-extracted"
    s = update(db, [archive])
    assert (s.indexed, s.unchanged) == (0, 4)
