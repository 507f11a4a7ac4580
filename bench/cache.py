"""Benchmark: ``factcheck check`` on a generated repository of Markdown articles, cold and warm cache.

    python bench/cache.py [--files 10000] [--rules rules/gaza-captives.yaml] [--keep DIR]

Generates ``--files`` articles (a few paragraphs each, with numbers, dates in front matter,
some wrong figures) in a temporary directory, then times, in-process and as a subprocess:
a cold run (empty cache), a warm run (nothing changed) and a run after one file changed.
Prints seconds and seconds per 1,000 files for each, with and without cross-article checks.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

OPENINGS = [
    "Negotiators met again on {day} as families waited for news.",
    "The cabinet discussed the next stage of the agreement late into the night.",
    "Officials in the region gave a briefing to reporters on {day}.",
    "Aid convoys crossed at two points, a spokesperson for the agency said.",
]
FIGURES = [
    "Officials said {n} hostages remain in Gaza.",
    "Some {n} captives are still held, according to the latest count.",
    "A total of {m} people were taken on the day of the attack.",
    "The ministry reported {k} trucks entered on {day}, up from {k2} a week earlier.",
    "About {p} percent of those polled backed the deal.",
]
FILLER = [
    "The talks are expected to continue next week in the same city.",
    "Residents described long queues at the few bakeries still open.",
    "A second round of consultations was scheduled, two diplomats said.",
    "The statement did not say when the next exchange would take place.",
    "Analysts cautioned that the timetable could slip again.",
]


def article(i: int, rnd: random.Random) -> str:
    day = dt.date(2025, 1, 1) + dt.timedelta(days=rnd.randrange(0, 90))
    values = {"day": day.strftime("%B %-d"), "n": rnd.choice([58, 58, 58, 59, 94, 60]),
              "m": rnd.choice([251, 251, 253]), "k": rnd.randrange(80, 700), "k2": rnd.randrange(80, 700),
              "p": rnd.randrange(20, 80)}
    paras = []
    for _ in range(rnd.randrange(3, 7)):
        sentences = [rnd.choice(OPENINGS), rnd.choice(FIGURES), rnd.choice(FILLER), rnd.choice(FILLER)]
        paras.append(" ".join(s.format(**values) for s in sentences))
    return (f"---\ntitle: Generated story {i}\ndate: {day.isoformat()}\n---\n\n# Generated story {i}\n\n"
            + "\n\n".join(paras) + "\n")


def generate(folder: Path, files: int, seed: int = 5) -> None:
    rnd = random.Random(seed)
    for i in range(files):
        sub = folder / "news" / f"{i // 500:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"story-{i:05d}.md").write_text(article(i, rnd), encoding="utf-8")


def in_process(argv: list[str]) -> float:
    from factcheck.cli.main import main
    start = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        code = main(argv)
    assert code in (0, 1), f"factcheck exited {code}"
    return time.perf_counter() - start


def as_subprocess(argv: list[str], cwd: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(cwd / "_snapshot")}
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "factcheck", *argv], cwd=cwd, capture_output=True, text=True,
                          env=env)
    assert proc.returncode in (0, 1), proc.stderr
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--files", type=int, default=10_000)
    ap.add_argument("--rules", default=str(ROOT / "rules" / "gaza-captives.yaml"))
    ap.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it")
    ap.add_argument("--format", default="table", help="report format (json also writes every claim)")
    args = ap.parse_args()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    try:
        if not (folder / "news").exists():
            t = time.perf_counter()
            generate(folder, args.files)
            print(f"generated {args.files} articles in {time.perf_counter() - t:.1f}s ({folder})")
        (folder / ".git").mkdir(exist_ok=True)  # the project root for config discovery
        # subprocesses import a frozen copy: edits to the checkout during the run would (rightly)
        # invalidate the cache, whose key includes a hash of factcheck's sources
        shutil.rmtree(folder / "_snapshot", ignore_errors=True)
        shutil.copytree(ROOT / "factcheck", folder / "_snapshot" / "factcheck",
                        ignore=shutil.ignore_patterns("__pycache__"))
        sys.path.insert(0, str(folder / "_snapshot"))
        os.chdir(folder)
        per = args.files / 1000
        rows: list[tuple[str, str, str, float]] = []
        for label, extra in (("with cross-article", []), ("no cross-article", ["--no-cross"])):
            base = ["check", "news", "--rules", args.rules, "--format", args.format, "-o", os.devnull,
                    "--cache-dir", f"cache{len(rows)}", *extra]
            rows.append((label, "in-process", "cold", in_process(base)))
            rows.append((label, "in-process", "warm", in_process(base)))
            rows.append((label, "subprocess", "warm", as_subprocess(base, folder)))
            victim = folder / "news" / "000" / "story-00000.md"
            victim.write_text(victim.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
            rows.append((label, "subprocess", "1 changed", as_subprocess(base, folder)))
            rows.append((label, "in-process", "--no-cache", in_process([*base, "--no-cache"])))
        print(f"{'checks':20} {'how':11} {'run':11} {'seconds':>8} {'s/1000 files':>13}")
        for label, how, run, secs in rows:
            print(f"{label:20} {how:11} {run:11} {secs:8.2f} {secs / per:13.3f}")
    finally:
        if not args.keep:
            os.chdir(ROOT)
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
