"""Configuration: discovery, precedence, provenance, overrides, and every error (tests/cases/config)."""
from __future__ import annotations

import json
import os

import pytest

from conftest import load_cases
from factcheck.cli.main import main
from factcheck.config import Override, apply_overrides, find_config, resolve
from factcheck.errors import ConfigError
from factcheck.models import Finding, Severity

RULES = """\
facts:
  - id: widgets-sold
    label: Widgets sold by the shop
    value: 100
    severity: warning
    match: {all: [widget*]}
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder with rules and two articles; the working directory is its root."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "shop.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.md").write_text("They sold 130 widgets.\n", encoding="utf-8")
    (tmp_path / "news" / "b.md").write_text("They sold 100 widgets.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _config_json(capsys, *args) -> dict:
    assert main(["config", "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


# ---------------------------------------------------------------- discovery

def test_search_goes_upward_and_paths_are_relative_to_the_file(project, monkeypatch, capsys):
    (project / "factcheck.yaml").write_text("rules: [rules]\npaths: [news]\n", encoding="utf-8")
    deep = project / "news" / "2025" / "03"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    data = _config_json(capsys)  # above the working directory: absolute paths
    assert data["file"] == str(project / "factcheck.yaml")
    assert data["root"] == str(project)
    assert data["values"]["rules"] == {"value": [str(project / "rules")],
                                       "from": str(project / "factcheck.yaml") + ":1"}
    assert main(["check", "--no-cache", "--format", "json"]) == 0  # warning < default fail-on error
    out = json.loads(capsys.readouterr().out)
    assert [f["path"] for f in out["findings"]] == [str(project / "news" / "a.md")]


def test_search_stops_at_the_git_root(tmp_path, monkeypatch):
    (tmp_path / "factcheck.yaml").write_text("paths: [x]\n", encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "sub").mkdir()
    assert find_config(str(repo / "sub")) == (None, str(repo))
    assert find_config(str(tmp_path)) == (str(tmp_path / "factcheck.yaml"), str(tmp_path))


def test_yaml_wins_over_pyproject_and_pyproject_without_section_is_skipped(tmp_path):
    (tmp_path / ".git").mkdir()
    sub = tmp_path / "site"
    sub.mkdir()
    (sub / "pyproject.toml").write_text("[project]\nname = 'site'\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text("[tool.factcheck]\nwindow = 5\n", encoding="utf-8")
    assert find_config(str(sub)) == (str(tmp_path / "pyproject.toml"), str(tmp_path))
    assert resolve(cwd=str(sub))["window"] == 5.0
    (tmp_path / ".factcheck.yaml").write_text("window: 6\n", encoding="utf-8")
    assert resolve(cwd=str(sub))["window"] == 6.0
    (tmp_path / "factcheck.yaml").write_text("window: 7\n", encoding="utf-8")
    assert resolve(cwd=str(sub))["window"] == 7.0


def test_config_option_overrides_discovery(project, capsys):
    (project / "factcheck.yaml").write_text("window: 4\n", encoding="utf-8")
    other = project / "ci.yaml"
    other.write_text("window: 9\nfail-on: warning\n", encoding="utf-8")
    data = _config_json(capsys, "--config", "ci.yaml")
    assert data["file"] == "ci.yaml"
    assert data["values"]["window"] == {"value": 9.0, "from": "ci.yaml:1"}
    assert main(["config", "--config", "missing.yaml"]) == 2
    assert "missing.yaml: no such configuration file" in capsys.readouterr().err


# ---------------------------------------------------------------- precedence and provenance

def test_defaults_then_file_then_command_line(project, capsys):
    (project / "pyproject.toml").write_text(
        "[project]\nname = 'desk'\n\n[tool.factcheck]\nrules = ['rules']\nfail-on = 'warning'\nwindow = 3\n",
        encoding="utf-8")
    data = _config_json(capsys, "--window", "5")["values"]
    assert data["fail-on"] == {"value": "warning", "from": "pyproject.toml:6"}
    assert data["window"] == {"value": 5.0, "from": "command line"}
    assert data["format"] == {"value": "table", "from": "default"}
    assert data["cache"] == {"value": ".factcheck-cache", "from": "default"}
    assert _config_json(capsys, "--no-cache")["values"]["cache"] == {"value": None, "from": "command line"}
    # the file's fail-on: warning makes the warning fail; the command line puts it back
    assert main(["check", "news", "--no-cache"]) == 1
    assert main(["check", "news", "--no-cache", "--fail-on", "error"]) == 0
    capsys.readouterr()


def test_config_table_names_the_file_and_each_origin(project, capsys):
    (project / "factcheck.yaml").write_text("rules: [rules]\n\nexclude: ['drafts/*']\n", encoding="utf-8")
    assert main(["config", "--jobs", "2"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("configuration file: factcheck.yaml\n")
    rows = {line.split()[0]: line.split() for line in out.splitlines()[4:]}
    assert rows["exclude"][1:] == ['["drafts/*"]', "factcheck.yaml:3"]
    assert rows["jobs"][1:] == ["2", "command", "line"]
    assert rows["window"][1:] == ["2.0", "default"]


def test_paths_from_config_and_none_at_all(project, capsys):
    assert main(["check", "--rules", "rules", "--no-cache"]) == 2
    assert "no articles to read" in capsys.readouterr().err
    (project / "factcheck.yaml").write_text("rules: rules\npaths: news\nfail-on: warning\n", encoding="utf-8")
    assert main(["check", "--no-cache", "--format", "json"]) == 1
    assert len(json.loads(capsys.readouterr().out)["findings"]) == 1


def test_include_and_exclude_from_config(project, capsys):
    (project / "factcheck.yaml").write_text("rules: [rules]\npaths: [news]\nexclude: ['a.*']\n",
                                            encoding="utf-8")
    main(["check", "--no-cache", "--format", "json"])
    assert [d["path"] for d in json.loads(capsys.readouterr().out)["documents"]] == [os.path.join("news", "b.md")]


# ---------------------------------------------------------------- overrides

def _finding(path: str, fact: str = "widgets-sold", kind: str = "fact") -> Finding:
    return Finding(kind=kind, severity=Severity.ERROR, path=path, line=1, column=1, end_column=2,
                   message="m", fact=fact if kind == "fact" else None)


def test_overrides_change_severity_and_disable(tmp_path):
    root = str(tmp_path)
    overrides = (Override(("opinion/*",), severity=(("*", Severity.INFO), ("widgets-sold", Severity.WARNING))),
                 Override(("archive/*",), disable=("cross-article",)))
    fs = [_finding(os.path.join(root, "opinion", "x.md")),
          _finding(os.path.join(root, "opinion", "y.md"), fact="gadgets"),
          _finding(os.path.join(root, "archive", "z.md"), kind="cross-article"),
          _finding(os.path.join(root, "archive", "z.md")),
          _finding(os.path.join(root, "news", "n.md"))]
    kept, disabled = apply_overrides(fs, overrides, root)
    assert [f.severity for f in kept] == [Severity.WARNING, Severity.INFO, Severity.ERROR, Severity.ERROR]
    assert disabled == [fs[2]]


def test_overrides_end_to_end_with_extra_rules(project, capsys):
    (project / "extra.yaml").write_text(RULES.replace("widgets-sold", "gizmos-sold").replace("widget*", "gizmo*")
                                        .replace("Widgets", "Gizmos"), encoding="utf-8")
    (project / "news" / "c.md").write_text("They sold 130 gizmos and 130 widgets.\n", encoding="utf-8")
    (project / "factcheck.yaml").write_text(
        "rules: [rules]\npaths: [news]\noverrides:\n"
        "  - paths: ['news/c.md']\n    rules: [extra.yaml]\n    severity: {gizmos-sold: error}\n"
        "  - paths: ['news/a.md']\n    disable: [widgets-*]\n", encoding="utf-8")
    assert main(["check", "--no-cache", "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    got = sorted((f["path"], f["fact"], f["severity"]) for f in data["findings"])
    c = os.path.join("news", "c.md")
    assert got == [(c, "gizmos-sold", "error"), (c, "widgets-sold", "warning")]
    assert data["suppressed"] == 1


# ---------------------------------------------------------------- errors

@pytest.mark.parametrize("case", load_cases("config"))
def test_invalid_configuration(case, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / case["file"]).write_text(case["text"], encoding="utf-8")
    for argv in (["config"], ["check", "x.md"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err == f"factcheck: error: {case['error']}\n"


def test_errors_are_config_errors_with_file_and_line(tmp_path):
    (tmp_path / "factcheck.yaml").write_text("paths: [a]\njobs: -1\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        resolve(config_file=str(tmp_path / "factcheck.yaml"))
    assert info.value.line == 2 and info.value.path.endswith("factcheck.yaml")


def test_format_and_min_level_from_the_file(project, capsys):
    (project / "factcheck.yaml").write_text("rules: [rules]\npaths: [news]\nformat: json\nmin-level: error\n",
                                            encoding="utf-8")
    assert main(["check", "--no-cache"]) == 0
    data = json.loads(capsys.readouterr().out)  # json, from the file
    assert data["findings"] == []  # the warning is below min-level: error
    assert main(["check", "--no-cache", "--min-level", "info"]) == 0
    assert len(json.loads(capsys.readouterr().out)["findings"]) == 1
