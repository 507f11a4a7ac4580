"""A document's project: the configuration found from its folder as the command line finds
it, with its rules, window and dollar, kept per configuration and reloaded when one of its
files changes; problems are recorded, never raised."""
from __future__ import annotations

import shutil

import pytest

from conftest import ROOT
from factcheck.lsp.projects import Projects, Settings


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "rules").mkdir()
    shutil.copy(ROOT / "rules" / "gaza-captives.yaml", tmp_path / "rules" / "gaza.yaml")
    (tmp_path / "factcheck.yaml").write_text("rules: [rules/]\nwindow: 5\ndollar: CAD\n", encoding="utf-8")
    (tmp_path / "news" / "world").mkdir(parents=True)
    (tmp_path / "opinion").mkdir()
    (tmp_path / "opinion" / "factcheck.yaml").write_text("window: 1\n", encoding="utf-8")
    return tmp_path


def test_the_configuration_is_found_upward_from_the_documents_folder(newsroom):
    projects = Projects(Settings())
    news = projects.for_path(str(newsroom / "news" / "world" / "a.md"))
    assert news is projects.for_path(str(newsroom / "b.md"))
    assert news.options.window_days == 5 and news.options.dollar == "CAD"
    assert [f.id for f in news.rules().facts][:1] == ["captives-taken"]
    opinion = projects.for_path(str(newsroom / "opinion" / "c.md"))
    assert opinion is not news and opinion.options.window_days == 1 and opinion.rules() is None
    assert projects.for_path(None) is news  # an unsaved buffer: the workspace's (here the working directory's)


def test_rules_from_the_command_line_replace_the_configurations(newsroom):
    project = Projects(Settings(rules=(str(ROOT / "rules" / "sample-valmora-floods.yaml"),))).for_path("a.md")
    assert all(f.id.startswith("valmora") for f in project.rules().facts)


def test_a_broken_rule_file_keeps_the_last_rules_and_is_recorded_once(newsroom):
    projects = Projects(Settings())
    project = projects.for_path("a.md")
    before = project.rules()
    (newsroom / "rules" / "gaza.yaml").write_text("facts:\n  - id: Bad Id\n", encoding="utf-8")
    assert not projects.changed([str(newsroom / "README.md")])
    assert projects.changed([str(newsroom / "rules" / "gaza.yaml")])
    assert project.rules() is before
    [problem] = project.take_problems()
    assert "gaza.yaml:2" in str(problem) and project.take_problems() == []


def test_a_broken_configuration_is_recorded_and_the_defaults_apply(newsroom):
    (newsroom / "factcheck.yaml").write_text("rules: [rules/]\nwindoww: 3\n", encoding="utf-8")
    project = Projects(Settings()).for_path("a.md")
    [problem] = project.take_problems()
    assert "factcheck.yaml:2: unknown key 'windoww'" in str(problem)
    assert project.rules() is None and project.options.window_days == 2.0
