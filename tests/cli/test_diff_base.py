"""``check --diff-base``: only findings on changed lines, against a real temporary git repository."""
from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from conftest import CASES
from factcheck.cli.main import main
from factcheck.cli.diff_base import Changes, changes, parse_diff
from factcheck.errors import UsageError

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

RULES = (CASES / "check" / "shop-rules.yaml").read_text(encoding="utf-8")


def git(cwd, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull}
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository with rules and two committed articles; article a.md holds an old wrong figure."""
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "shop.yaml").write_text(RULES, encoding="utf-8")
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.md").write_text("# Old story\n\nBack then the shop sold 120 widgets.\n", encoding="utf-8")
    (news / "b.md").write_text("# New story\n\nThe shop sold 100 widgets.\n\nIt opened at nine.\n",
                               encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "articles")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(capsys, *extra: str) -> tuple[int, dict]:
    code = main(["check", "news", "--rules", "shop.yaml", "--no-cache", "--format", "json", *extra])
    return code, json.loads(capsys.readouterr().out)


def test_only_the_changed_line_is_reported(repo, capsys):
    code, full = _check(capsys)
    assert [(f["path"], f["line"]) for f in full["findings"]] == [(os.path.join("news", "a.md"), 3)]
    text = (repo / "news" / "b.md").read_text(encoding="utf-8")
    (repo / "news" / "b.md").write_text(text.replace("It opened at nine.", "It had sold 140 widgets by noon."),
                                        encoding="utf-8")
    code, data = _check(capsys, "--diff-base", "HEAD")
    assert code == 1
    where = {(f["path"], f["line"]) for f in data["findings"]}
    assert (os.path.join("news", "b.md"), 5) in where
    assert where == {(os.path.join("news", "b.md"), 5)}  # a.md's old finding is not shown
    assert len(data["documents"]) == 2  # every article was still read
    code, full = _check(capsys)
    assert {(f["path"], f["line"]) for f in full["findings"]} >= where | {(os.path.join("news", "a.md"), 3)}


def test_merge_base_semantics_and_untracked_files(repo, capsys):
    git(repo, "checkout", "-q", "-b", "topic")
    (repo / "news" / "b.md").write_text("# New story\n\nThe shop sold 150 widgets.\n\nIt opened at nine.\n",
                                        encoding="utf-8")
    git(repo, "commit", "-q", "-am", "topic edit")
    git(repo, "checkout", "-q", "main")
    (repo / "news" / "a.md").write_text("# Old story\n\nBack then the shop sold 125 widgets.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "main edit after the branch")
    git(repo, "checkout", "-q", "topic")
    (repo / "news" / "c.md").write_text("A brand new draft: 160 widgets.\n", encoding="utf-8")
    code, data = _check(capsys, "--diff-base", "main")
    # a.md changed on main after the branch point: not this branch's change; c.md is untracked: all new
    assert sorted((f["path"], f["line"]) for f in data["findings"]) == [
        (os.path.join("news", "b.md"), 3), (os.path.join("news", "c.md"), 1)]


def test_suppressed_count_follows_the_diff(repo, capsys):
    (repo / "news" / "a.md").write_text(
        "# Old story\n\n<!-- factcheck-ignore widgets-sold -->\nBack then the shop sold 120 widgets.\n",
        encoding="utf-8")
    git(repo, "commit", "-q", "-am", "suppress the old one")
    (repo / "news" / "b.md").write_text("# New story\n\n<!-- factcheck-ignore widgets-sold -->\n"
                                        "The shop sold 101 widgets.\n", encoding="utf-8")
    code, data = _check(capsys, "--diff-base", "HEAD")
    assert data["findings"] == [] and data["suppressed"] == 1


def test_not_a_repository_and_bad_ref_exit_2(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "shop.yaml").write_text(RULES, encoding="utf-8")
    (tmp_path / "a.md").write_text("They sold 120 widgets.\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    assert main(["check", "a.md", "--rules", "shop.yaml", "--diff-base", "HEAD"]) == 2
    err = capsys.readouterr().err
    assert "needs a git repository" in err and "Traceback" not in err
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "x")
    assert main(["check", "a.md", "--rules", "shop.yaml", "--diff-base", "no-such-branch"]) == 2
    assert "unknown git revision 'no-such-branch'" in capsys.readouterr().err


def test_parse_diff_hunks():
    text = """diff --git a/news/a.md b/news/a.md
--- a/news/a.md
+++ b/news/a.md
@@ -3 +3 @@ intro
-old
+new
@@ -10,2 +10,0 @@
-gone
-gone
@@ -20,0 +21,3 @@
+x
+y
+z
diff --git a/gone.md b/gone.md
--- a/gone.md
+++ /dev/null
@@ -1 +0,0 @@
-bye
--- "a/news/caf\\303\\251.md"
+++ "b/news/caf\\303\\251.md"
@@ -1 +1,2 @@
"""
    assert parse_diff(text) == {"news/a.md": frozenset({3, 21, 22, 23}), "news/café.md": frozenset({1, 2})}


def test_changes_covers_by_real_path(repo):
    (repo / "news" / "b.md").write_text("# New story\n\nThe shop sold 100 widgets.\n\nChanged.\n",
                                        encoding="utf-8")
    found = changes("HEAD", str(repo / "news"))
    assert isinstance(found, Changes)
    assert found.covers(os.path.join("news", "b.md"), 5)
    assert not found.covers(os.path.join("news", "b.md"), 3)
    assert not found.covers(os.path.join("news", "a.md"), 3)
    with pytest.raises(UsageError):
        changes("HEAD~5", str(repo))
