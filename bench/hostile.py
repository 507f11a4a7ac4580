"""Time of ``factcheck check`` on huge documents: is every stage linear in document length?

Builds documents of 0.1, 1, 4 and 16 MB in five shapes and times a fresh
``factcheck check FILE --no-cache`` process on each, with and without ``--rules rules/``,
then prints one table (wall-clock seconds and, in brackets, the CPU seconds the process used,
which a machine busy with other work does not inflate; ``>T`` when the run passed
``--timeout``)::

    python bench/hostile.py                          # every size and shape
    python bench/hostile.py --sizes 0.1 1 --shapes line --timeout 60

The shapes: ``line`` (the whole document one line, so one paragraph and sentences of any
length), ``lines`` (one sentence a line, no blank line: one paragraph of many lines),
``runon`` (one line with no sentence end at all: the sentences joined by commas),
``markdown`` (front matter, headings, paragraphs of six sentences, a list, a code block) and
``html`` (a page with paragraphs in an ``<article>``).  The sentences are news-like, with
counts, money, percentages, ranges and dates, the numbers varied so that every claim differs.
Target (issue 18): a 1 MB document in under 5 s end to end on the 2-core development machine.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHAPES = ("line", "lines", "runon", "markdown", "html")
TEMPLATES = [
    "Officials said {a} hostages remain in Gaza.",
    "Israel believes {b} abductees are still being held by militants in the strip.",
    "The committee met for {c} hours on Tuesday and will meet again next week to discuss the roads.",
    "Aid agencies said {d} trucks crossed into the territory over the weekend, a rise of {e}%.",
    "Negotiators in Cairo described the atmosphere as tense but said progress was possible.",
    "In all, {f} hostages were freed during the first phase, {g} of them alive.",
    "The flood in Ashford has forced about {d} families from their homes, the council said.",
    "Repairs will cost ${e}.{c} million, between {a} and {d} workers said in March {year}.",
    "The strike at the Brinmoor cannery has idled more than {d} workers, according to the union.",
]


def sentence(i: int) -> str:
    """The ``i``-th sentence of every document: a template with numbers drawn from ``i``."""
    n = i * 7919
    return TEMPLATES[i % len(TEMPLATES)].format(a=40 + n % 60, b=30 + n % 70, c=1 + n % 9, d=100 + n % 900,
                                                e=1 + n % 40, f=20 + n % 30, g=10 + n % 20,
                                                year=1990 + n % 35)


def _sentences(size: int, sep: str):
    out, total, i = [], 0, 0
    while total < size:
        s = sentence(i) + sep
        out.append(s)
        total += len(s)
        i += 1
    return out


def build(shape: str, size: int) -> tuple[str, str]:
    """(file name, text) of a document of about ``size`` characters in ``shape``."""
    if shape == "line":
        return "big.txt", "".join(_sentences(size, " ")).rstrip() + "\n"
    if shape == "lines":
        return "big.txt", "".join(_sentences(size, "\n"))
    if shape == "runon":
        return "big.txt", "".join(s.rstrip(". ") + ", " for s in _sentences(size, " ")) + "\n"
    parts = _sentences(size, " ")
    if shape == "markdown":
        out = ["---\ntitle: A long story\ndate: 2025-03-12\n---\n\n# A long story\n\n"]
        for k in range(0, len(parts), 6):
            block = "".join(parts[k:k + 6]).rstrip()
            if k % 60 == 30:
                out.append("## Later\n\n- " + "\n- ".join(p.strip() for p in parts[k:k + 3]) + "\n\n")
            elif k % 60 == 54:
                out.append("```\ncode 123 456\n```\n\n")
            out.append(block + "\n\n")
        return "big.md", "".join(out)
    paras = ["<p>" + "".join(parts[k:k + 6]).rstrip() + "</p>\n" for k in range(0, len(parts), 6)]
    return "big.html", ("<!doctype html><html><head><title>A long story</title>"
                        '<meta property="article:published_time" content="2025-03-12"></head>'
                        "<body><article><h1>A long story</h1>\n" + "".join(paras) + "</article></body></html>\n")


def run(path: str, rules: bool, timeout: float) -> tuple[float, float] | None:
    """(wall, CPU) seconds of one ``factcheck check`` process (None past ``timeout``).  The CPU
    time (user and system) is what a busy machine does not inflate."""
    cmd = [sys.executable, "-m", "factcheck", "check", path, "--no-cache", "--format", "json"]
    if rules:
        cmd += ["--rules", str(ROOT / "rules")]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        done = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"factcheck exited {done.returncode} on {path}: {done.stderr.strip()}")
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", nargs="+", type=float, default=[0.1, 1, 4, 16], help="megabytes")
    ap.add_argument("--shapes", nargs="+", choices=SHAPES, default=list(SHAPES))
    ap.add_argument("--timeout", type=float, default=300, help="seconds before a run is given up")
    ap.add_argument("--no-rules", action="store_true", help="only time the runs without --rules")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for shape in args.shapes:
            for mb in args.sizes:
                name, text = build(shape, int(mb * 1_000_000))
                path = os.path.join(tmp, f"{shape}-{mb}-{name}")
                Path(path).write_text(text, encoding="utf-8")
                cells = [shape, f"{mb:g} MB"]
                for rules in ((False,) if args.no_rules else (False, True)):
                    t = run(path, rules, args.timeout)
                    cells.append(f">{args.timeout:g}" if t is None else f"{t[0]:.1f} ({t[1]:.1f})")
                rows.append(cells)
                print("  ".join(cells), file=sys.stderr, flush=True)
    head = ["shape", "size", "check: wall (CPU) s"] + ([] if args.no_rules else ["check --rules rules/: wall (CPU) s"])
    widths = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
    print(" | ".join(h.ljust(w) for h, w in zip(head, widths)))
    print("-|-".join("-" * w for w in widths))
    for r in rows:
        print(" | ".join(c.ljust(w) for c, w in zip(r, widths)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
