"""The seed story, checked as a new user would: with the rules and without them.

Usage::

    python bench/seed_story.py [--verbose]

Runs ``factcheck check bench/seed_story`` twice (with ``--rules rules/`` and without rules)
and scores the findings against ``bench/seed_story/judgements.yaml``: the planted figures
the fact check must flag, the planted outliers the rule-less cross-article check must flag,
every other flag (wrong), and every article of a majority that got blamed.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
STORY = ROOT / "bench" / "seed_story"


def run(*args: str) -> list[dict]:
    """The findings of ``factcheck check`` on the story with ``args``."""
    proc = subprocess.run([sys.executable, "-m", "factcheck", "check", str(STORY), "--format", "json",
                           "--no-cache", *args], capture_output=True, text=True, cwd=ROOT)
    return json.loads(proc.stdout)["findings"]


def score(findings: list[dict], wanted: list[dict], kind: str, verbose: bool) -> tuple[int, int, list[str]]:
    """(planted found, wrong flags, their descriptions) for findings of ``kind``."""
    planted = {(w["path"], w["text"]) for w in wanted}
    found, wrong = set(), []
    for f in findings:
        if f["kind"] not in kind.split("|"):
            continue
        spot = (Path(f["path"]).name, f["text"])
        if spot in planted:
            found.add(spot)
        else:
            wrong.append(f"{spot[0]}:{f['line']} {f['text']!r} {f['severity']}: {f['message']}")
    if verbose:
        for w in sorted(planted - found):
            print(f"  missed {w[0]} {w[1]!r}")
        for line in wrong:
            print(f"  wrong  {line}")
    return len(found), len(wrong), wrong


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    judged = yaml.safe_load((STORY / "judgements.yaml").read_text(encoding="utf-8"))
    print("with rules:")
    hits, wrong, _ = score(run("--rules", str(ROOT / "rules")), judged["facts"], "fact", args.verbose)
    print(f"  fact findings: {hits}/{len(judged['facts'])} planted, {wrong} other")
    print("without rules:")
    found = run()
    hits, wrong, lines = score(found, judged["outliers"], "cross-article", args.verbose)
    planted_paths = {w["path"] for w in judged["outliers"]}
    blamed = [line for line in lines if line.split(":")[0] not in planted_paths]
    print(f"  outliers flagged: {hits}/{len(judged['outliers'])}, other flags: {wrong}, "
          f"articles of a majority blamed: {len(blamed)}")


if __name__ == "__main__":
    main()
