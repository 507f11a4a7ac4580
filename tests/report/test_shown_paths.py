"""A file name with a newline or a tab cannot split a line of output (issue 18: the table's
header line was split in two)."""
from __future__ import annotations

import pytest

from conftest import ROOT
from factcheck.cli.main import main
from factcheck.errors import InputError, shown


def test_control_characters_are_escaped_as_python_writes_them():
    assert shown("a\nb\t\x1b\x7f.md") == "a\\nb\\t\\x1b\\x7f.md"
    assert shown("plain/path é.md") == "plain/path é.md"
    assert str(InputError("no such file or directory", path="x\ny.md")) == "x\\ny.md: no such file or directory"


@pytest.fixture
def odd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a\nb.md").write_text("59 hostages remain in Gaza.\n", encoding="utf-8")
    return tmp_path


def test_the_table_and_the_claims_show_the_escaped_name(odd, capsys):
    assert main(["check", ".", "--rules", str(ROOT / "rules"), "--no-cache"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "./a\\nb.md"
    assert out.splitlines()[1].startswith("line:col")
    assert main(["claims", "."]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[2].startswith("./a\\nb.md:1:1 ")
    assert main(["text", "."]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "==> ./a\\nb.md <=="
