"""The extraction cache: hits, misses, invalidation, corruption, and safe loading."""
from __future__ import annotations

import json
import pickle
import sqlite3

import pytest

import factcheck
from conftest import CASES
from factcheck.check import cache as cache_mod
from factcheck.check.cache import Cache, check_files, dumps, loads
from factcheck.cli.main import main
from factcheck.check.engine import Options, combine
from factcheck.rules.loading import load_rules

RULES = (CASES / "check" / "shop-rules.yaml").read_text(encoding="utf-8")


@pytest.fixture
def project(tmp_path, monkeypatch):
    (tmp_path / ".git").mkdir()
    (tmp_path / "shop.yaml").write_text(RULES, encoding="utf-8")
    news = tmp_path / "news"
    news.mkdir()
    for i in range(5):
        (news / f"{i}.md").write_text(f"# Story {'abcde'[i]}\n\nThey sold {110 + i} widgets.\n", encoding="utf-8")
    (news / "archive.jsonl").write_text('{"id": 1, "text": "They sold 99 widgets."}\n'
                                        '{"id": 2, "text": "They sold 100 widgets."}\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(project, store: Cache | None, rules_file: str = "shop.yaml", jobs: int = 1):
    rules = load_rules([project / rules_file])
    errors: list = []
    results = list(check_files([str(project / "news")], lambda path: rules, Options(jobs=jobs), cache=store,
                               on_error=errors.append))
    return combine(results, rules, Options(jobs=jobs), [str(e) for e in errors])


def _json(report) -> str:
    from factcheck.report.text import as_json
    return as_json(report)


def test_cold_then_warm_gives_the_same_report(project):
    cold_cache = Cache(project / ".factcheck-cache")
    cold = _run(project, cold_cache)
    assert (cold_cache.hits, cold_cache.misses) == (0, 6)
    warm_cache = Cache(project / ".factcheck-cache")
    warm = _run(project, warm_cache)
    assert (warm_cache.hits, warm_cache.misses) == (6, 0)
    assert _json(warm) == _json(cold) == _json(_run(project, None))
    assert len(warm.findings) == 6
    assert (project / ".factcheck-cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")


def test_pool_and_cache_keep_the_order(project):
    expected = _json(_run(project, None))
    half = Cache(project / "c")
    (project / "news" / "2.md").write_text("# Story c\n\nThey sold 130 widgets.\n", encoding="utf-8")
    _run(project, half)
    (project / "news" / "2.md").write_text("# Story c\n\nThey sold 112 widgets.\n", encoding="utf-8")
    mixed = Cache(project / "c")
    assert _json(_run(project, mixed, jobs=2)) == expected
    assert (mixed.hits, mixed.misses) == (5, 1)


def test_a_changed_file_misses_and_replaces_its_entry(project):
    _run(project, Cache(project / "c"))
    (project / "news" / "3.md").write_text("# Story d\n\nThey sold 100 widgets.\n", encoding="utf-8")
    again = Cache(project / "c")
    report = _run(project, again)
    assert (again.hits, again.misses) == (5, 1)
    assert len(report.findings) == 5
    db = sqlite3.connect(str(project / "c" / "cache.sqlite"))
    assert db.execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 6


def test_rules_change_invalidates(project):
    _run(project, Cache(project / "c"))
    (project / "shop.yaml").write_text(RULES.replace("value: 100", "value: 111"), encoding="utf-8")
    again = Cache(project / "c")
    report = _run(project, again)
    assert again.hits == 0 and again.misses == 6
    assert len(report.findings) == 6  # 110, 112, 113, 114, 99, 100 against 111


def test_version_change_invalidates(project, monkeypatch):
    _run(project, Cache(project / "c"))
    monkeypatch.setattr(factcheck, "__version__", "99.0.0")
    cache_mod.code_stamp.cache_clear()
    try:
        again = Cache(project / "c")
        _run(project, again)
        assert (again.hits, again.misses) == (0, 6)
    finally:
        cache_mod.code_stamp.cache_clear()


def test_options_that_matter_are_part_of_the_key(project):
    rules = load_rules([project / "shop.yaml"])
    store = Cache(project / "c")
    list(check_files([str(project / "news")], lambda p: rules, Options(), cache=store, on_error=print))
    store = Cache(project / "c")
    list(check_files([str(project / "news")], lambda p: rules, Options(window_days=9, jobs=1), cache=store,
                     on_error=print))
    assert store.hits == 6  # the window only matters across articles
    store = Cache(project / "c")
    import datetime as dt
    list(check_files([str(project / "news")], lambda p: rules, Options(date=dt.date(2025, 1, 1)), cache=store,
                     on_error=print))
    assert store.hits == 0


def test_corrupt_database_is_rebuilt(project):
    (project / "c").mkdir()
    (project / "c" / "cache.sqlite").write_bytes(b"this is not a database" * 100)
    store = Cache(project / "c")
    report = _run(project, store)
    assert store.disabled is None and len(report.findings) == 6
    again = Cache(project / "c")
    _run(project, again)
    assert again.hits == 6


def test_corrupt_entry_is_recomputed(project):
    _run(project, Cache(project / "c"))
    db = sqlite3.connect(str(project / "c" / "cache.sqlite"))
    db.execute("UPDATE entries SET value = ?", (b"garbage",))
    db.commit()
    db.close()
    again = Cache(project / "c")
    report = _run(project, again)
    assert again.hits == 0 and len(report.findings) == 6
    third = Cache(project / "c")
    _run(project, third)
    assert third.hits == 6


def test_planted_pickles_cannot_run_code(project):
    class Evil:
        def __reduce__(self):
            import os
            return (os.system, ("echo owned > owned.txt",))
    import zlib
    with pytest.raises(pickle.UnpicklingError):
        loads(zlib.compress(pickle.dumps([Evil()])))
    assert not (project / "owned.txt").exists()
    report = _run(project, None)
    results = [r for r in check_files([str(project / "news")], lambda p: load_rules([project / "shop.yaml"]),
                                      Options(), cache=None, on_error=print)]
    assert loads(dumps(results)) == results and report.findings


def test_unwritable_cache_directory_is_skipped(project):
    (project / "blocked").write_text("a file, not a directory", encoding="utf-8")
    store = Cache(project / "blocked" / "cache")
    report = _run(project, store)
    assert store.disabled and "cache disabled" in store.disabled
    assert len(report.findings) == 6


def test_files_with_input_errors_are_not_cached(project):
    (project / "news" / "bad.md").write_bytes(b"caf\xe9 sold 130 widgets\n")
    store = Cache(project / "c")
    report = _run(project, store)
    assert any("bad.md" in e for e in report.errors)
    again = Cache(project / "c")
    report = _run(project, again)
    assert any("bad.md" in e for e in report.errors)  # reported again, not hidden by the cache


def test_cli_cache_dir_and_no_cache(project, capsys):
    argv = ["check", "news", "--rules", "shop.yaml", "--format", "json"]
    assert main(argv) == 1
    first = capsys.readouterr().out
    assert (project / ".factcheck-cache" / "cache.sqlite").exists()
    assert main(argv) == 1
    assert capsys.readouterr().out == first
    assert main([*argv, "--no-cache", "--cache-dir", "elsewhere"]) == 1
    assert not (project / "elsewhere").exists()
    capsys.readouterr()
    (project / "factcheck.yaml").write_text("cache: false\n", encoding="utf-8")
    assert main([*argv, "--cache-dir", "elsewhere"]) == 1
    assert (project / "elsewhere" / "cache.sqlite").exists()
    assert json.loads(capsys.readouterr().out)["findings"]


def test_an_unchanged_run_reuses_its_cross_article_findings(project, capsys, monkeypatch):
    from factcheck.check import engine
    news = project / "news"
    for i in range(5):
        (news / f"{i}.md").write_text(f"---\ndate: 2030-05-0{1 + i % 2}\n---\n\nThe ferry carried "
                                      f"{212 if i == 4 else 180} passengers across the bay.\n", encoding="utf-8")
    argv = ["check", "news", "--format", "json", "--cache-dir", "c"]
    main(argv)
    first = capsys.readouterr().out
    assert "news/4.md" in {f["path"] for f in json.loads(first)["findings"]}, "the planted 212 is flagged"
    calls = []
    real = engine.cross_findings
    monkeypatch.setattr(engine, "cross_findings", lambda *a, **k: calls.append(1) or real(*a, **k))
    main(argv)
    assert capsys.readouterr().out == first and calls == []
    (news / "4.md").write_text("---\ndate: 2030-05-01\n---\n\nThe ferry carried 180 passengers across the bay.\n",
                               encoding="utf-8")
    main(argv)
    assert calls == [1] and "news/4.md" not in {f["path"] for f in json.loads(capsys.readouterr().out)["findings"]}


def test_identical_files_keep_their_own_paths(project, capsys):
    news = project / "news"
    for name in ("a.md", "b.md"):
        (news / name).write_text("They sold 120 widgets.\n", encoding="utf-8")
    argv = ["check", "news", "--rules", "shop.yaml", "--format", "json", "--cache-dir", "c"]
    main(argv)
    cold = capsys.readouterr().out
    main(argv)
    assert capsys.readouterr().out == cold
    assert {"news/a.md", "news/b.md"} <= {d["path"] for d in json.loads(cold)["documents"]}
