"""The GitHub Action (action.yml): its check step run with bash, as a runner would run it."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT

DRAFT = "samples/2025-03-12-draft-hostage-count.md"


def _step(step_id: str) -> dict:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    return next(s for s in action["runs"]["steps"] if s.get("id") == step_id)


def _run_step(tmp_path, inputs: dict[str, str]) -> tuple[subprocess.CompletedProcess, dict]:
    step = _step("check")
    tool = tmp_path / "runner" / "factcheck-venv" / "bin"
    tool.mkdir(parents=True)
    (tool / "factcheck").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m factcheck "$@"\n', encoding="utf-8")
    (tool / "factcheck").chmod(0o755)
    env = {**os.environ, "RUNNER_TEMP": str(tmp_path / "runner"), "GITHUB_OUTPUT": str(tmp_path / "output"),
           "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md")}
    for name, value in step["env"].items():
        env[name] = re.sub(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}", lambda m: inputs.get(m.group(1), ""), value)
    proc = subprocess.run(["bash", "-c", step["run"]], cwd=ROOT, env=env, capture_output=True, text=True)
    return proc, env


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps run in bash")
def test_check_step_annotates_fails_and_writes_sarif(tmp_path):
    sarif = tmp_path / "factcheck.sarif"
    proc, _ = _run_step(tmp_path, {"paths": DRAFT, "rules": "rules/", "fail-on": "error",
                                   "args": "--no-cache --no-cross", "sarif-file": str(sarif)})
    assert proc.returncode == 1, proc.stderr
    assert re.search(rf"^::error file={re.escape(DRAFT)},line=\d+,col=\d+", proc.stdout, re.M)
    assert (tmp_path / "output").read_text(encoding="utf-8") == "exit-code=1\n"
    log = json.loads(sarif.read_text(encoding="utf-8"))
    assert log["version"] == "2.1.0" and log["runs"][0]["results"]
    assert "| " in (tmp_path / "summary.md").read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("bash") is None, reason="the action's steps run in bash")
def test_check_step_passes_a_clean_article_and_reports_bad_rules_as_2(tmp_path):
    proc, _ = _run_step(tmp_path, {"paths": "samples/2025-03-05-talks-resume.md", "rules": "rules/",
                                   "fail-on": "error", "args": "--no-cache"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("facts:\n  - id: x\n    label: X\n    value: lots\n    match: {all: [x]}\n", encoding="utf-8")
    again = tmp_path / "again"
    again.mkdir()
    proc, _ = _run_step(again, {"paths": DRAFT, "rules": str(bad), "fail-on": "error", "args": "--no-cache"})
    assert proc.returncode == 2 and f"{bad}:4:" in proc.stderr and "lots" in proc.stderr
    assert (again / "output").read_text(encoding="utf-8") == "exit-code=2\n"
