"""Files a run must not hang on or pass in silence: FIFOs, folders it cannot list, UTF-16 files."""
from __future__ import annotations

import contextlib
import os
import signal

import pytest

from factcheck.cli.main import main
from factcheck.documents import iter_paths, read_file
from factcheck.errors import InputError

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")


@contextlib.contextmanager
def deadline(seconds: int = 20):
    """Fail (instead of hanging the suite) when the block runs longer than ``seconds``."""
    def hung(*_):
        raise AssertionError(f"still running after {seconds} s: hung")
    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """The issue's folder: one article and a FIFO named like one."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.md").write_text("59 hostages remain in Gaza.\n", encoding="utf-8")
    os.mkfifo(tmp_path / "d" / "b.md")
    return tmp_path


@pytest.mark.parametrize("command", [["check", "d", "--no-cache"], ["claims", "d"], ["text", "d"],
                                     ["index", "d", "--db", "archive.sqlite"]])
def test_a_fifo_in_a_walked_folder_is_skipped_with_a_note(folder, command, capsys):
    assert _run(command, capsys) == (0, "note: d/b.md: skipped: a FIFO (named pipe), not a regular file")


def _run(command: list[str], capsys) -> tuple[int, str]:
    """The exit code of a command (failing if it hangs) and the first line its stderr names d/b.md in."""
    with deadline():
        code = main(command)
    err = capsys.readouterr().err
    assert "no such file" not in err
    return code, next((line.split(": ", 1)[1] for line in err.splitlines() if "d/b.md" in line), "")


def test_the_article_beside_the_fifo_is_still_read(folder, capsys):
    with deadline():
        assert main(["claims", "d", "--format", "json"]) == 0
    assert '"text": "59"' in capsys.readouterr().out


@pytest.mark.parametrize("command", [["check", "d/b.md", "--no-cache"], ["claims", "d/b.md"]])
def test_a_fifo_named_on_the_command_line_says_what_it_is(folder, command, capsys):
    code, line = _run(command, capsys)
    assert code == 2
    assert line.startswith("d/b.md: a FIFO (named pipe), not a regular file")


def test_a_broken_link_is_called_one(tmp_path):
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    with pytest.raises(InputError, match="broken symbolic link"):
        list(iter_paths([str(tmp_path / "gone.md")]))


@pytest.fixture
def unlistable(tmp_path, monkeypatch):
    """A folder whose subfolder ``secret`` cannot be listed (root reads any folder, so
    ``os.scandir`` is made to refuse it as it would refuse another user)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d" / "secret").mkdir(parents=True)
    (tmp_path / "d" / "a.md").write_text("59 hostages remain in Gaza.\n", encoding="utf-8")
    (tmp_path / "d" / "secret" / "b.md").write_text("58 hostages remain in Gaza.\n", encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if os.path.basename(os.fspath(path)) == "secret":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    return scandir


@pytest.mark.parametrize("command", [["check", "d", "--no-cache"], ["claims", "d"], ["text", "d"]])
def test_a_folder_that_cannot_be_read_fails_the_run(unlistable, monkeypatch, command, capsys):
    monkeypatch.setattr(os, "scandir", unlistable)
    code = main(command)
    out, err = capsys.readouterr()
    assert code == 2
    assert "d/secret: cannot read folder: Permission denied" in err
    assert "59" in out or "in 0 of 1 article;" in out  # the readable article is still read


def test_index_keeps_what_a_folder_it_cannot_read_held(unlistable, monkeypatch, capsys):
    from factcheck.archive import open_index
    assert main(["index", "d", "--db", "archive.sqlite"]) == 0
    monkeypatch.setattr(os, "scandir", unlistable)
    assert main(["index", "d", "--db", "archive.sqlite"]) == 0
    err = capsys.readouterr().err
    assert "d/secret: cannot read folder" in err and "0 removed, 1 error" in err
    with open_index("archive.sqlite") as archive:
        paths = {p for (p,) in archive.db.execute("SELECT p.path FROM documents d JOIN paths p ON p.id = d.path")}
    assert paths == {os.path.join("d", "a.md"), os.path.join("d", "secret", "b.md")}


def test_iter_paths_without_on_error_raises_for_an_unlistable_folder(unlistable, monkeypatch):
    monkeypatch.setattr(os, "scandir", unlistable)
    with pytest.raises(InputError, match="cannot read folder"):
        list(iter_paths(["d"]))


@pytest.mark.parametrize("codec,bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_utf16_with_a_byte_order_mark_is_text(tmp_path, codec, bom):
    """The issue's case: a UTF-16 file with its mark was called "binary"."""
    path = tmp_path / "a.md"
    path.write_bytes(bom + "59 hostages remain in Gaza.\n".encode(codec))
    (doc,) = read_file(path)
    assert doc.text == "59 hostages remain in Gaza.\n"
    assert doc.locate(doc.text.index("59")) == (1, 1)


@pytest.mark.parametrize("opener", ["`", "``", "![", "]["])
def test_unclosed_markdown_openers_are_read_as_text(opener):
    """Each unclosed backtick run or image/label opener once searched to the paragraph's end
    (quadratic in a long paragraph); now a run is searched once and an alt text or label is at
    most 2,000 characters.  Whatever the opener, the numbers around it are read."""
    from factcheck.documents import read_text
    from factcheck.extract.claims import extract
    body = "".join(f"{opener}a {i} hostages " for i in range(20_000))
    with deadline(60):
        (doc,) = read_text("Intro.\n\n" + body + "\n", "long.md")
        assert len(extract(doc.text)) >= 10_000


def test_front_matter_of_200000_keys_is_not_read_and_says_so(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    keys = "".join(f"k{i}: {i}\n" for i in range(200_000))
    (tmp_path / "a.md").write_text(f"---\ndate: 2025-03-12\n{keys}---\n59 hostages remain in Gaza.\n", encoding="utf-8")
    with deadline(20):
        assert main(["claims", "a.md", "--format", "json"]) == 2
    out, err = capsys.readouterr()
    assert "a.md:1:1: front matter of 2," in err and "its metadata is not read" in err
    assert '"text": "59"' in out  # the body is read


def test_a_front_matter_alias_bomb_is_not_expanded():
    from factcheck.documents import read_text
    from factcheck.errors import FactcheckError
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    errors: list[FactcheckError] = []
    with deadline(20):
        (doc,) = read_text("---\n" + "\n".join(levels) + "\ntitle: *a8\n---\n59 hostages.\n", "bomb.md",
                           on_error=errors.append)
    assert doc.meta == {} and doc.title is None
    assert [str(e) for e in errors] == ["bomb.md:1:1: front matter holds more than 10,000 keys and values; "
                                        "its metadata is not read"]
