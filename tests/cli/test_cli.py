"""The command line: exit codes, bad input, golden outputs on the shipped samples."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import GOLDEN, ROOT
from factcheck.cli.main import main


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def _golden(name: str, text: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run pytest --update-golden"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt,name", [("table", "samples.table.txt"), ("json", "samples.json")])
def test_check_samples_golden(fmt, name, capsys, update_golden):
    code = main(["check", "samples/", "--rules", "rules/", "--format", fmt])
    out = capsys.readouterr().out
    assert code == 1
    _golden(name, out, update_golden)


def test_check_json_is_deterministic_and_versioned(capsys):
    main(["check", "samples/", "--rules", "rules/", "--format", "json"])
    first = capsys.readouterr().out
    main(["check", "samples/", "--rules", "rules/", "--format", "json", "--jobs", "2"])
    second = capsys.readouterr().out
    assert first == second
    data = json.loads(first)
    assert data["version"] == 1
    assert {"documents", "claims", "findings"} <= data.keys()


def test_claims_golden(capsys, update_golden):
    assert main(["claims", "samples/"]) == 0
    _golden("samples.claims.txt", capsys.readouterr().out, update_golden)


def test_text_golden(capsys, update_golden):
    assert main(["text", "samples/"]) == 0
    _golden("samples.text.txt", capsys.readouterr().out, update_golden)


def test_text_jsonl_gives_path_id_date_title_and_the_exact_text(capsys):
    from factcheck.documents import read_file
    export = "tests/cases/documents/formats/wxr.xml"
    assert main(["text", export, "--drafts", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [list(r) for r in rows] == [["path", "id", "date", "title", "text"]] * 3
    assert [(r["id"], r["date"]) for r in rows] == [("7", "2029-07-01"), ("9", "2029-07-02"), ("11", "2029-07-03")]
    assert [r["text"] for r in rows] == [d.text for d in read_file(export, drafts=True)]


def test_text_notes_skipped_files_and_fails_on_unreadable_ones(tmp_path, capsys):
    (tmp_path / "settings.json").write_text('{"theme": "dark"}', encoding="utf-8")
    (tmp_path / "a.md").write_text("Ferries: 8 a day.\n", encoding="utf-8")
    assert main(["text", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert "Ferries: 8 a day." in captured.out
    assert f"factcheck: note: {tmp_path / 'settings.json'}: skipped: a JSON file that is neither" in captured.err
    assert main(["text", str(tmp_path / "settings.json")]) == 2
    assert "not a news format" in capsys.readouterr().err


def test_check_reads_wordpress_drafts_only_with_drafts(capsys):
    args = ["check", "samples/wordpress-export.xml", "--rules", "rules/", "--no-cross", "--no-cache"]
    assert main(args) == 0
    assert main(args + ["--drafts"]) == 1
    assert "60 hostages still held" in capsys.readouterr().out.replace("\n", " ")


def test_fail_on_levels(capsys):
    assert main(["check", "samples/2025-03-05-talks-resume.md", "--rules", "rules/"]) == 0
    assert main(["check", "samples/2025-03-12-draft-hostage-count.md", "--rules", "rules/",
                 "--no-cross"]) == 1


def test_missing_path_is_an_input_error(capsys):
    assert main(["claims", "no/such/dir"]) == 2
    err = capsys.readouterr().err
    assert "no/such/dir" in err and "Traceback" not in err


def test_check_without_rules_compares_articles_only(capsys):
    assert main(["check", "samples/", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert all(f["kind"] == "cross-article" and f["fact"] is None for f in data["findings"])
    assert all(c["fact"] is None for c in data["claims"])


def test_broken_rule_file_names_file_line_and_value(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("facts:\n  - id: x\n    label: X\n    value: lots\n    match: {all: [x]}\n",
                   encoding="utf-8")
    assert main(["check", "samples/", "--rules", str(bad)]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:4:" in err and "lots" in err and "Traceback" not in err


def test_unreadable_article_is_reported_and_the_run_goes_on(tmp_path, capsys):
    (tmp_path / "good.md").write_text("Officials said 59 hostages remain in Gaza.\n", encoding="utf-8")
    (tmp_path / "bad.md").write_bytes(b"caf\xe9 \xff\xfe 12 people\n")
    code = main(["check", str(tmp_path), "--rules", "rules/", "--date", "2025-03-12"])
    captured = capsys.readouterr()
    assert code == 2, "an article that could not be checked fails the gate, after the full report"
    assert "bad.md" in captured.err and "Traceback" not in captured.err
    assert "good.md" in captured.out and "59" in captured.out


def test_an_unreadable_article_is_not_masked_by_exit_zero(tmp_path, capsys):
    (tmp_path / "good.md").write_text("Officials said 58 hostages remain in Gaza.\n", encoding="utf-8")
    (tmp_path / "bad.md").write_bytes(b"\0\1binary")
    assert main(["check", str(tmp_path), "--rules", "rules/", "--exit-zero"]) == 2
    assert main(["claims", str(tmp_path)]) == 2
    assert "good.md" in capsys.readouterr().out


def test_stdin(monkeypatch, capsys):
    import io
    monkeypatch.setattr(sys, "stdin", io.StringIO("About 1,800 prisoners were freed.\n"))
    assert main(["claims", "-", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["value"] for c in data["claims"]] == [1800]


def test_console_script_runs_as_module():
    proc = subprocess.run([sys.executable, "-m", "factcheck", "--version"], capture_output=True, text=True)
    assert proc.returncode == 0 and proc.stdout.startswith("factcheck ")


def test_records_of_one_json_lines_file_are_compared_with_each_other(tmp_path, capsys):
    lines = [
        ("2030-04-02", "Rebels in the hills still hold 58 hostages from the convoy raid, negotiators said."),
        ("2030-04-02", "Negotiators said the rebels still hold 58 hostages taken in the convoy raid."),
        ("2030-04-02", "Rebels still hold 59 hostages from the convoy raid, the negotiators said."),
    ]
    archive = tmp_path / "wire.jsonl"
    archive.write_text("".join(json.dumps({"date": d, "text": t}) + "\n" for d, t in lines), encoding="utf-8")
    assert main(["check", str(archive), "--format", "json", "--no-cache"]) == 0
    [finding] = json.loads(capsys.readouterr().out)["findings"]
    assert (finding["line"], finding["text"], finding["agree"]) == (3, "59", 2)
    assert sorted(r["line"] for r in finding["related"]) == [1, 2]


@pytest.mark.parametrize("argv, message", [
    (["check", "samples", "--window", "-3"], "invalid number of days '-3'"),
    (["check", "samples", "--jobs", "x"], "invalid number of jobs 'x'"),
    (["serve", "--port", "99999"], "invalid port '99999'"),
    (["lsp", "--debounce", "-1"], "invalid delay '-1'"),
])
def test_a_bad_number_option_is_one_line_and_exit_2(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "usage:" not in err


def test_claims_with_rules_say_why_a_claim_attached_or_not(tmp_path, capsys):
    (tmp_path / "a.md").write_text("Officials said 59 hostages remain in Gaza.\n\n"
                                   "Israel freed 30 hostages and released 600 prisoners.\n", encoding="utf-8")
    assert main(["claims", str(tmp_path / "a.md"), "--rules", str(ROOT / "rules"), "--format", "json",
                 "--date", "2025-03-12"]) == 0
    claims = {c["text"]: c for c in json.loads(capsys.readouterr().out)["claims"]}
    assert claims["59"]["fact"] == "captives-remaining" and '"remain"' in claims["59"]["why"]
    assert claims["30"]["fact"] is None and claims["30"]["why"].startswith("not phase1-living-released: ")


def test_rules_new_writes_a_starter_rule_that_loads_and_takes_its_claim(tmp_path, capsys):
    article = tmp_path / "a.md"
    article.write_text("---\ndate: 2031-04-02\n---\n\nRescuers said 44 miners remain underground.\n", encoding="utf-8")
    assert main(["rules", "--new", f"{article}:5"]) == 0
    rule = tmp_path / "new.yaml"
    rule.write_text(capsys.readouterr().out, encoding="utf-8")
    assert main(["rules", "--check", str(rule)]) == 0
    capsys.readouterr()
    assert main(["claims", str(article), "--rules", str(rule), "--format", "json"]) == 0
    claim, = json.loads(capsys.readouterr().out)["claims"]
    assert claim["fact"] == "miners-remain"


def test_rules_new_at_a_line_without_a_claim_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "a.md").write_text("No figures here.\n", encoding="utf-8")
    assert main(["rules", "--new", f"{tmp_path / 'a.md'}:1"]) == 2
    assert "no claim at line 1" in capsys.readouterr().err
