"""A run on a process pool that is interrupted or killed says one line, or nothing, never a
worker's traceback (issue 18: ``KeyboardInterrupt``/``BrokenPipeError`` from every worker)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process groups and PDEATHSIG")


@pytest.fixture
def articles(tmp_path):
    """Enough work for two workers to be busy for several seconds."""
    text = "".join(f"On day {i}, officials said {i % 90 + 10} hostages remain in Gaza. " for i in range(1500))
    for i in range(40):
        (tmp_path / f"a{i}.md").write_text(text + "\n", encoding="utf-8")
    return tmp_path


def _start(tmp_path, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "factcheck", *args], cwd=tmp_path, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def _busy(proc: subprocess.Popen) -> None:
    """Wait until the pool's workers exist (the run is under way), at most 20 s."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with open(f"/proc/{proc.pid}/task/{proc.pid}/children") as fh:
            if len(fh.read().split()) >= 2:
                break
        time.sleep(0.1)
    time.sleep(1.0)


@pytest.mark.parametrize("command", [["index", ".", "--db", "archive.sqlite", "--jobs", "2"],
                                     ["check", ".", "--no-cache", "--jobs", "2"]])
def test_ctrl_c_prints_one_line(articles, command):
    proc = _start(articles, *command)
    _busy(proc)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole process group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err == "factcheck: interrupted\n"


def test_workers_of_a_killed_run_end_without_a_word(articles):
    proc = _start(articles, "check", ".", "--no-cache", "--jobs", "2")
    _busy(proc)
    proc.kill()
    _, err = proc.communicate(timeout=30)  # returns once every worker has closed its stderr
    assert "Traceback" not in err and "Error" not in err
