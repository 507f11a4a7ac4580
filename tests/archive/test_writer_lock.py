"""Two ``factcheck index`` runs on one store take turns (issue 18: one of them crashed with
``UNIQUE constraint failed: documents.path, documents.record``, exit 3)."""
from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

from factcheck.archive import open_index
from factcheck.archive.writer_lock import exclusive_writer

pytest.importorskip("fcntl")


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "d").mkdir()
    for i in range(40):
        (tmp_path / "d" / f"a{i}.md").write_text(f"On day {i}, {i + 40} hostages remain in Gaza.\n", encoding="utf-8")
    return tmp_path


def _index(tmp_path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "factcheck", "index", "d", "--db", "archive.sqlite"],
                            cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _documents(tmp_path) -> list[str]:
    with open_index(str(tmp_path / "archive.sqlite")) as archive:
        return [p for (p,) in archive.db.execute("SELECT path FROM documents ORDER BY path")]


def test_a_second_run_waits_for_the_first_and_says_so(folder):
    def hung(*_):
        raise AssertionError("the run never said it was waiting")
    with exclusive_writer(str(folder / "archive.sqlite")):
        proc = _index(folder)
        old = signal.signal(signal.SIGALRM, hung)
        signal.alarm(60)
        try:
            first = proc.stderr.readline()
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, old)
        assert "archive.sqlite: another factcheck index is writing to this store; waiting" in first
        time.sleep(0.5)
        assert proc.poll() is None, "the run did not wait for the lock"
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert len(_documents(folder)) == 40


def test_two_runs_started_together_both_finish_and_lose_nothing(folder):
    runs = [_index(folder), _index(folder)]
    results = [p.communicate(timeout=120) for p in runs]
    assert [p.returncode for p in runs] == [0, 0], [err for _, err in results]
    summaries = sorted(err.strip().splitlines()[-1] for _, err in results)
    assert summaries == ["factcheck: archive.sqlite: 0 indexed, 40 unchanged, 0 removed, 0 errors",
                         "factcheck: archive.sqlite: 40 indexed, 0 unchanged, 0 removed, 0 errors"]
    assert len(_documents(folder)) == 40


def test_the_lock_is_released_when_the_block_ends(tmp_path):
    db = str(tmp_path / "archive.sqlite")
    waited = []
    with exclusive_writer(db, waited.append):
        pass
    with exclusive_writer(db, waited.append):
        pass
    assert waited == []
