"""Extraction accuracy and speed: factcheck against quantulum3 on the shared eval suites.

Runs ``score.py`` (from the shared eval folder) once per extractor on the same JSONL files and
the same ~1 MB of text, then prints one side-by-side table: P/R/F1 per file for both tools,
the overall micro scores, characters per second for both and their ratio.  factcheck is also
timed on the whole text as one document to show that its cost is linear in length.

    python bench/extraction.py                  # ../shared beside the repository
    python bench/extraction.py --shared /path/to/shared --bench-chars 200000
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _score(score_py: Path, adapter: str, files: list[Path], args, chunk: int, out: Path) -> dict:
    cmd = [sys.executable, str(score_py), "--adapter", adapter, "--exclude-flag", "policy_conflict",
           "--partial-fp", args.partial_fp, "--bench-chars", str(args.bench_chars),
           "--bench-chunk", str(chunk), "--json-out", str(out), *map(str, files)]
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    full = json.loads(out.read_text(encoding="utf-8"))
    return {**full["summary"], "cases": full["cases"]}


#: Upstream files annotated only in part, and the exhaustive re-annotation of the same sentences.
REANNOTATED = {"rt_currency": "cqe_currency", "rt_dimension": "cqe_dimension", "rt_age": "cqe_age",
               "rt_temperature": "cqe_temperature"}


def _confirmed(cases: list, evaldir: Path) -> tuple[int, int]:
    """(extra predictions on the partly annotated rt_* files, how many of them the exhaustive
    CQE re-annotation of the same sentence lists: same value, not already expected upstream)."""
    import collections
    import re

    def norm(text: str) -> str:
        return re.sub(r"\s+", "", text.lower())

    def atoms(item: dict) -> list[float]:
        return [round(item[k], 6) for k in ("value", "low", "high") if item.get(k) is not None]

    by_id = {c["id"]: c for c in cases}
    extra = confirmed = 0
    for partial, full in REANNOTATED.items():
        exhaustive = {}
        for line in (evaldir / f"{full}.jsonl").read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            exhaustive[norm(case["text"])] = case
        for line in (evaldir / f"{partial}.jsonl").read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            scored = by_id.get(case["id"])
            if not scored:
                continue
            extra += scored["fp"]
            other = exhaustive.get(norm(case["text"]))
            if not other:
                continue
            left = collections.Counter(v for e in other["expected"] for v in atoms(e))
            left.subtract(v for e in case["expected"] for v in atoms(e))
            for v in (v for s in scored["spurious"] for v in atoms(s)):
                if left[v] > 0:
                    left[v] -= 1
                    confirmed += 1
    return extra, confirmed


def _prf(d: dict | None) -> str:
    if d is None:
        return f"{'-':>6s} {'-':>6s} {'-':>6s}"
    return f"{d['precision']:6.3f} {d['recall']:6.3f} {d['f1']:6.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="the shared folder holding eval/extraction (default: ../shared beside the repo)")
    ap.add_argument("--bench-chars", type=int, default=1_000_000, help="characters of text to time (default 1e6)")
    ap.add_argument("--bench-chunk", type=int, default=5000, help="document size for the timing (default 5000)")
    ap.add_argument("--partial-fp", choices=["count", "ignore"], default="count",
                    help="how score.py treats extra predictions on partially annotated files")
    ap.add_argument("--no-quantulum", action="store_true", help="score factcheck only")
    args = ap.parse_args(argv)

    evaldir = args.shared / "eval" / "extraction"
    score_py = evaldir / "score.py"
    files = sorted(evaldir.glob("*.jsonl"))
    if not score_py.exists() or not files:
        print(f"no eval suites under {evaldir} (use --shared)", file=sys.stderr)
        return 2
    have_q3 = importlib.util.find_spec("quantulum3") is not None
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        fc = _score(score_py, str(ROOT / "bench" / "adapter.py") + ":extract", files, args, args.bench_chunk,
                    tmp / "fc.json")
        whole = _score(score_py, str(ROOT / "bench" / "adapter.py") + ":extract", files, args, 0, tmp / "fc1.json")
        q3 = None
        if have_q3 and not args.no_quantulum:
            q3 = _score(score_py, str(ROOT / "bench" / "adapter_quantulum3.py") + ":extract", files, args,
                        args.bench_chunk, tmp / "q3.json")

    print(f"{'file':30s} {'factcheck P':>11s} {'R':>6s} {'F1':>6s}   {'quantulum3 P':>12s} {'R':>6s} {'F1':>6s}")
    print("-" * 84)
    for name, d in fc["files"].items():
        other = q3["files"].get(name) if q3 else None
        print(f"{name:30s} {_prf(d):>25s}   {_prf(other):>26s}")
    print("-" * 84)
    print(f"{'ALL (micro)':30s} {_prf(fc['all']):>25s}   {_prf(q3['all'] if q3 else None):>26s}")
    extra, confirmed = _confirmed(fc["cases"], evaldir)
    a = fc["all"]
    print(f"\n{extra} of factcheck's {a['fp']} extra predictions are on the partly annotated rt_currency, "
          f"rt_dimension, rt_age and rt_temperature;\n{confirmed} of those are listed by CQE's exhaustive "
          f"re-annotation of the same sentences (same value).\nCounted as right, precision would be "
          f"{(a['tp'] + confirmed) / (a['tp'] + a['fp']):.3f} (score.py's own figure above is the one the targets use).")
    b = fc["bench"]
    print(f"\nspeed on {b['chars']:,} chars in {b['docs']} documents of ~{b['chars'] // b['docs']:,} chars (one core):")
    print(f"  factcheck   {b['chars_per_s']:>12,.0f} chars/s")
    print(f"  factcheck   {whole['bench']['chars_per_s']:>12,.0f} chars/s on the same text as one document")
    if q3:
        print(f"  quantulum3  {q3['bench']['chars_per_s']:>12,.0f} chars/s")
        print(f"  ratio       {b['chars_per_s'] / q3['bench']['chars_per_s']:>12,.1f}x")
    elif not have_q3:
        print("  quantulum3 is not installed (pip install quantulum3) - its columns are empty")
    return 0


if __name__ == "__main__":
    sys.exit(main())
