"""The CI gate: fingerprints, baselines, --min-level / --fail-on / --exit-zero and --corpus."""
from __future__ import annotations

import dataclasses
import json
import os

import pytest

from factcheck.report import baseline
from factcheck.cli.main import main
from factcheck.report.fingerprint import fingerprint, fingerprints, normalize_text
from factcheck.models import Finding, Severity

RULES = """\
facts:
  - id: bridge-steps
    label: Steps up to the Tarn footbridge
    value: 120
    source: County surveyor
    match:
      any: [steps|stairs]
  - id: bridge-visitors
    label: Visitors on the opening weekend
    value: 4000
    tolerance: 10%
    severity: warning
    match:
      any: [visitors|walkers]
  - id: bridge-lamps
    label: Lamps along the footbridge
    value: 36
    severity: info
    match:
      any: [lamps|lights]
"""
ARTICLE = """\
# Opening day

Climbers counted 150 steps to the top.

Some 9,000 visitors crossed it on the opening weekend.

Along its deck stand 50 lamps.
"""
QUIET = ARTICLE.replace("Climbers counted 150 steps to the top.\n\n", "")  # a warning and an info only


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "a.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "quiet.md").write_text(QUIET, encoding="utf-8")
    return tmp_path


def check(*args: str) -> int:
    return main(["check", "--rules", "rules.yaml", "--no-cache", *args])


# ---------------------------------------------------------------- fingerprints

BASE = Finding(kind="fact", severity=Severity.ERROR, path="news/a.md", line=4, column=9, end_column=12,
               message="150 steps — expected 120 (bridge-steps, as of 2024-07-01)", text="150", value=150,
               fact="bridge-steps")


@pytest.mark.parametrize("change,same", [
    ({"line": 40}, True),
    ({"column": 1, "end_column": 4}, True),
    ({"message": "150 steps — expected 120 (bridge-steps, as of 2024-08-01)"}, True),
    ({"severity": Severity.INFO}, True),
    ({"path": "./news/a.md"}, True),
    ({"path": "news\\a.md"}, True),
    ({"text": "150"}, True),
    ({"text": "160"}, False),
    ({"path": "news/b.md"}, False),
    ({"fact": "bridge-visitors"}, False),
    ({"relation": "steps-add-up"}, False),
    ({"kind": "cross-article", "fact": None, "key": "steps"}, False),
    ({"kind": "cross-article"}, False),  # a claim can be both off its figure and off other articles
])
def test_fingerprint_ignores_place_but_not_substance(change, same):
    other = dataclasses.replace(BASE, **change)
    assert (fingerprint(other) == fingerprint(BASE)) is same


@pytest.mark.parametrize("text,normal", [
    ("Two  Hundred\n people", "two hundred people"), ("  59 ", "59"), ("\t1,800\r\n", "1,800")])
def test_normalized_text(text, normal):
    assert normalize_text(text) == normal


def test_identical_findings_get_distinct_stable_fingerprints():
    a, b, c = BASE, dataclasses.replace(BASE, line=9), dataclasses.replace(BASE, line=20, text="160")
    fps = fingerprints([a, b, c])
    assert len(set(fps)) == 3
    assert fingerprints([c, b, a]) == fps[::-1]  # numbered in reading order, not list order
    shifted = fingerprints([dataclasses.replace(f, line=f.line + 5) for f in (a, b, c)])
    assert shifted == fps
    cross = dataclasses.replace(a, kind="cross-article")  # sorts first on the same line
    assert fingerprints([a, b, c, cross])[:3] == fps
    assert all(len(fp) == 32 and int(fp, 16) >= 0 for fp in fps)


# ---------------------------------------------------------------- baseline files

def test_baseline_file_is_sorted_and_deterministic():
    findings = [dataclasses.replace(BASE, path="z.md"), BASE, dataclasses.replace(BASE, text="170", line=2)]
    text = baseline.dumps(findings)
    assert text == baseline.dumps(findings[::-1])
    data = json.loads(text)
    assert data["version"] == baseline.VERSION
    assert [(e["path"], e["text"]) for e in data["findings"]] == [("news/a.md", "150"), ("news/a.md", "170"),
                                                                  ("z.md", "150")]
    assert set(data["findings"][0]) == {"fingerprint", "rule", "path", "text", "message"}
    assert baseline.loads(text) == baseline.entries(findings)


def test_compare_counts_each_entry_once():
    twins = [BASE, dataclasses.replace(BASE, line=30)]
    accepted = baseline.entries(twins[:1])
    result = baseline.compare(twins, accepted)
    assert (len(result.new), result.known, result.stale) == (1, 1, ())
    result = baseline.compare([], accepted)
    assert result.stale == accepted and result.as_dict()["stale"][0]["text"] == "150"


@pytest.mark.parametrize("text,message,line", [
    ("{not json", "invalid JSON", 1),
    ('{"version": 1}', "'findings' list", None),
    ('{"version": 7, "findings": []}', "unsupported baseline version 7", None),
    ('{"version": 1,\n "findings": [\n  {"fingerprint": "ab", "rule": "r", "path": "p", "text": "t", '
     '"message": "m"},\n  {"fingerprint": 3}\n ]}', "baseline entry 2", 4),
])
def test_broken_baseline_files(text, message, line):
    with pytest.raises(baseline.InputError) as err:
        baseline.loads(text, "base.json")
    assert message in err.value.message and err.value.path == "base.json" and err.value.line == line


# ---------------------------------------------------------------- the round trip

def _json(capsys) -> dict:
    return json.loads(capsys.readouterr().out)


def test_round_trip_survives_line_shifts_and_finds_new_claims(project, capsys):
    assert check("a.md", "--write-baseline", "base.json") == 0
    assert "wrote 3 findings to base.json" in capsys.readouterr().err
    first = (project / "base.json").read_bytes()
    assert check("a.md", "--write-baseline", "again.json") == 0
    assert (project / "again.json").read_bytes() == first
    capsys.readouterr()

    assert check("a.md", "--baseline", "base.json", "--format", "json", "--fail-on", "info") == 0
    data = _json(capsys)
    assert data["findings"] == [] and data["baseline"] == {"suppressed": 3, "new": 0, "stale": []}

    shifted = "# Opening day\n\nA first paragraph.\n\nAnd a second one, with no figures.\n" + ARTICLE[len("# Opening day\n"):]
    (project / "a.md").write_text(shifted + "\nA closing line.\n", encoding="utf-8")
    assert check("a.md", "--baseline", "base.json", "--format", "json", "--fail-on", "info") == 0
    assert _json(capsys)["findings"] == []

    (project / "a.md").write_text(shifted.replace("150 steps", "160 steps"), encoding="utf-8")
    assert check("a.md", "--baseline", "base.json", "--format", "json") == 1
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert [f["text"] for f in data["findings"]] == ["160"]
    assert data["findings"][0]["line"] == 7
    assert data["baseline"]["suppressed"] == 2
    assert [e["text"] for e in data["baseline"]["stale"]] == ["150"]
    assert "stale entry" in captured.err and "'150'" in captured.err


def test_table_summary_counts_the_baseline(project, capsys):
    check("a.md", "--write-baseline", "base.json")
    capsys.readouterr()
    assert check("a.md", "--baseline", "base.json") == 0
    assert capsys.readouterr().out.strip().endswith("; 3 in the baseline")


@pytest.mark.parametrize("content,message", [
    (None, "base.json: no such baseline file"),
    ("[1, 2", "base.json:1:6: not a baseline file: invalid JSON"),
    ('{"version": 1, "findings": [{"rule": "x"}]}', "base.json:1:29: baseline entry 1 must have"),
])
def test_missing_or_corrupt_baseline_exits_2_even_with_exit_zero(project, capsys, content, message):
    if content is not None:
        (project / "base.json").write_text(content, encoding="utf-8")
    assert check("a.md", "--baseline", "base.json", "--exit-zero") == 2
    assert message in capsys.readouterr().err


# ---------------------------------------------------------------- levels and exit codes

@pytest.mark.parametrize("article,fail_on,min_level,exit_zero,code,shown,note", [
    ("a.md", "error", "info", False, 1, 3, False),
    ("a.md", "warning", "info", False, 1, 3, False),
    ("a.md", "info", "info", False, 1, 3, False),
    ("a.md", "error", "info", True, 0, 3, False),
    ("a.md", "error", "error", False, 1, 1, False),
    ("a.md", "error", "warning", False, 1, 2, False),
    ("a.md", "info", "error", False, 1, 1, True),
    ("quiet.md", "error", "info", False, 0, 2, False),
    ("quiet.md", "warning", "info", False, 1, 2, False),
    ("quiet.md", "info", "warning", False, 1, 1, True),
    ("quiet.md", "warning", "error", False, 1, 0, True),   # a hidden finding still fails the run
    ("quiet.md", "warning", "error", True, 0, 0, True),
    ("quiet.md", "error", "error", False, 0, 0, False),
])
def test_levels_and_exit_codes(project, capsys, article, fail_on, min_level, exit_zero, code, shown, note):
    args = [article, "--fail-on", fail_on, "--min-level", min_level, "--format", "jsonl"]
    assert check(*args, *(["--exit-zero"] if exit_zero else [])) == code
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == shown
    assert ("below --min-level" in captured.err) is note


def test_exit_zero_never_masks_errors(project, capsys):
    (project / "bad.yaml").write_text("facts:\n  - id: x\n    value: [1\n", encoding="utf-8")
    assert main(["check", "a.md", "--rules", "bad.yaml", "--no-cache", "--exit-zero"]) == 2
    assert main(["check", "missing.md", "--rules", "rules.yaml", "--no-cache", "--exit-zero"]) == 2


def test_min_level_and_format_from_the_configuration(project, capsys):
    (project / "factcheck.yaml").write_text("rules: [rules.yaml]\nmin-level: error\nformat: gitlab\n",
                                            encoding="utf-8")
    assert main(["check", "a.md", "--no-cache"]) == 1
    assert [i["check_name"] for i in json.loads(capsys.readouterr().out)] == ["bridge-steps"]


# ---------------------------------------------------------------- --corpus

def test_corpus_articles_are_compared_but_not_reported(project, monkeypatch, capsys):
    import factcheck.check.engine as engine
    (project / "other.md").write_text("Walkers said 9,500 visitors came.\n", encoding="utf-8")
    seen = []

    def cross(mentions, rules, options):
        found = [(m.located.path, m.located.line, m.located.claim.text) for m in mentions]
        seen.extend(found)
        return [Finding(kind="cross-article", severity=Severity.WARNING, path=p, line=line, column=1,
                        end_column=2, message=f"{text} differs", text=text, key="visitors")
                for p, line, text in found]

    monkeypatch.setattr(engine, "_cross", cross)
    assert check("a.md", "--corpus", ".", "--format", "json", "--fail-on", "info") == 1
    data = json.loads(capsys.readouterr().out)
    paths = [p for p, _, _ in seen]
    assert set(paths) == {"a.md", "./other.md", "./quiet.md"}
    assert paths.count("a.md") == 3  # given and in the corpus: compared once
    assert [d["path"] for d in data["documents"]] == ["a.md"]
    assert {f["path"] for f in data["findings"]} == {"a.md"}
    seen.clear()
    check("a.md", "--corpus", ".", "--no-cross", "--format", "json")
    assert seen == []


def test_configured_paths_are_the_corpus_when_paths_are_given(project, monkeypatch, capsys):
    import factcheck.check.engine as engine
    (project / "factcheck.yaml").write_text("rules: [rules.yaml]\npaths: [.]\n", encoding="utf-8")
    seen = []
    monkeypatch.setattr(engine, "_cross", lambda mentions, rules, options: seen.extend(
        m.located.path for m in mentions) or [])
    assert main(["check", "quiet.md", "--no-cache", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["documents"][0]["path"] == "quiet.md"
    names = [os.path.basename(p) for p in seen]
    assert names.count("quiet.md") == 2 and names.count("a.md") == 3  # quiet.md compared once
    seen.clear()
    assert main(["check", "--no-cache", "--format", "json"]) == 1  # paths from the file: all reported
    assert len(json.loads(capsys.readouterr().out)["documents"]) == 2
