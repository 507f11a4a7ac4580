"""Start-up time of the command editors and pre-commit hooks run on every save.

Runs ``factcheck check DRAFT --rules rules/ --no-cache`` as a fresh process N times and
prints the minimum and median wall time, then the modules that ``python -X importtime``
reports as costing most (self time) in one such run.  With ``PYTHONDONTWRITEBYTECODE`` set
(as in CI containers) every run compiles factcheck's source again; ``--pyc`` lets Python
cache the bytecode, as an installed package does.

    python bench/startup.py                        # samples/2025-03-12-draft-hostage-count.md
    python bench/startup.py DRAFT --runs 30 --top 20 --pyc
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DRAFT = ROOT / "samples" / "2025-03-12-draft-hostage-count.md"
TARGET = 0.35


def _command(draft: str) -> list[str]:
    return [sys.executable, "-m", "factcheck", "check", draft, "--rules", str(ROOT / "rules"), "--no-cache"]


def _bytecode(pyc: bool) -> str:
    if pyc or not os.environ.get("PYTHONDONTWRITEBYTECODE"):
        return "factcheck's bytecode cached in __pycache__"
    if any(ROOT.glob("factcheck/**/__pycache__/*.pyc")):
        return "factcheck's bytecode read from an earlier __pycache__"
    return "factcheck compiled from source every run (PYTHONDONTWRITEBYTECODE, no __pycache__)"


def _env(pyc: bool) -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not (pyc and k == "PYTHONDONTWRITEBYTECODE")}


def time_runs(draft: str, runs: int, pyc: bool = False) -> list[float]:
    """Wall time of each of ``runs`` fresh ``factcheck check`` processes (after one to warm up), in seconds."""
    times = []
    for _ in range(runs + 1):
        start = time.perf_counter()
        done = subprocess.run(_command(draft), cwd=ROOT, env=_env(pyc), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"factcheck exited {done.returncode}: {' '.join(_command(draft))}")
    return times[1:]


def import_offenders(draft: str, top: int, pyc: bool = False) -> list[tuple[int, int, str]]:
    """(self µs, cumulative µs, module) of the ``top`` slowest imports of one run."""
    env = {**_env(pyc), "PYTHONPROFILEIMPORTTIME": "1"}
    done = subprocess.run(_command(draft), cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, total, name = line[len("import time:"):].split("|", 2)
        rows.append((int(own), int(total), name.strip()))
    return sorted(rows, reverse=True)[:top]


def main(argv: list[str] | None = None) -> int:
    """Print the timing table and the import offenders."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("draft", nargs="?", default=str(DRAFT))
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--pyc", action="store_true", help="cache bytecode even if PYTHONDONTWRITEBYTECODE is set")
    args = parser.parse_args(argv)
    bytecode = _bytecode(args.pyc)
    times = time_runs(args.draft, args.runs, args.pyc)
    median = statistics.median(times)
    print(f"factcheck check {Path(args.draft).name} --rules rules/ --no-cache, {args.runs} runs; "
          f"{bytecode}")
    print(f"  min {min(times):.3f} s   median {median:.3f} s   max {max(times):.3f} s   "
          f"(target: median under {TARGET:.2f} s: {'met' if median < TARGET else 'NOT met'})")
    print("\nslowest imports of one run (self time; cumulative in brackets):")
    for own, total, name in import_offenders(args.draft, args.top, args.pyc):
        print(f"  {own / 1000:7.1f} ms  ({total / 1000:7.1f} ms)  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
