"""Rule-less cross-article check on the Multi-News clusters, for a human to judge.

Usage::

    python bench/multinews.py [CORPUS] [--judgements bench/multinews_judgements.yaml]
                              [--window DAYS] [--all]

For every cluster folder under CORPUS (default /work/shared/corpus/multinews) the articles
are read, their claims extracted, and the rule-less comparison run on that cluster alone.
Each flag is printed as ``cluster  file:line  claim  ⟷  file:line claim  [key]``.  With
judgements (cluster, files, lines, values and a verdict per pair — never article text) it
prints precision, recall and the false flags per cluster.  ``--all`` also prints the pairs
that were compared and agreed (useful to find missed conflicts).
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if importlib.util.find_spec("factcheck") is None:
    sys.path.insert(0, str(ROOT))

from factcheck.cross.consistency import cross_findings  # noqa: E402
from factcheck.documents import read_file  # noqa: E402
from factcheck.extract.claims import extract  # noqa: E402
from factcheck.models import Located, Severity  # noqa: E402
from factcheck.cross.mentions import mentions  # noqa: E402

CORPUS = Path("/work/shared/corpus/multinews")


def cluster_mentions(folder: Path) -> list:
    """Every mention of every article of one cluster (paths relative to the cluster)."""
    out = []
    for path in sorted(folder.glob("*.md")):
        for doc in read_file(path):
            located = []
            for claim in extract(doc.text):
                line, col = doc.locate(claim.start)
                located.append(Located(path.name, line, col, claim, doc.date, None))
            out.extend(mentions(doc, located))
    return out


def load_judgements(path: Path) -> dict:
    """``{cluster: [(pair, verdict, conflict id), …]}`` from the YAML file (pair: two (file, line, value))."""
    import yaml
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = defaultdict(list)
    for cluster, pairs in (data.get("clusters") or {}).items():
        for p in pairs or []:
            a, b = p["a"], p["b"]
            pair = frozenset({(a[0], a[1], float(a[2])), (b[0], b[1], float(b[2]))})
            out[cluster].append((pair, p["verdict"], p.get("conflict") or f"{a}-{b}"))
    return out


def _pairs(finding) -> set:
    me = (finding.path, finding.line, float(finding.value))
    return {frozenset({me, (r.path, r.line, float(r.value))}) for r in finding.related}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(CORPUS))
    ap.add_argument("--judgements", default=str(ROOT / "bench" / "multinews_judgements.yaml"))
    ap.add_argument("--window", type=float, default=2.0)
    ap.add_argument("--quiet", action="store_true", help="only the summary")
    args = ap.parse_args(argv)
    judged = load_judgements(Path(args.judgements)) if Path(args.judgements).exists() else {}
    flags = right = info = 0
    false_per_cluster: dict[str, int] = {}
    found_genuine: set = set()
    genuine_total = 0
    started = time.perf_counter()
    n_mentions = 0
    for folder in sorted(p for p in Path(args.corpus).iterdir() if p.is_dir()):
        ms = cluster_mentions(folder)
        n_mentions += len(ms)
        findings = cross_findings(ms, None, window_days=args.window)
        cluster = folder.name
        verdicts = {pair: (v, c) for pair, v, c in judged.get(cluster, [])}
        conflicts = {c for v, c in verdicts.values() if v == "genuine"}
        genuine_total += len(conflicts)
        false_here = 0
        for f in findings:
            hits = [verdicts[p] for p in _pairs(f) if p in verdicts]
            genuine = {c for v, c in hits if v == "genuine"}
            verdict = "GENUINE" if genuine else "/".join(sorted({v for v, _ in hits})) or "unjudged"
            if f.severity == Severity.INFO:
                info += 1
                verdict = f"info/{verdict}"
            else:
                flags += 1
                right += bool(genuine)
                false_here += not genuine
            found_genuine |= {(cluster, c) for c in genuine}
            if not args.quiet:
                rel = "; ".join(f"{r.path}:{r.line} {r.text}" for r in f.related)
                print(f"{cluster}  {f.path}:{f.line} {f.text!r}  <->  {rel}  [{f.key}] {verdict}\n"
                      f"    {f.message}")
        if false_here:
            false_per_cluster[cluster] = false_here
    elapsed = time.perf_counter() - started
    precision = right / flags if flags else 1.0
    recall = len(found_genuine) / genuine_total if genuine_total else 0.0
    print(f"\nflags (warning+): {flags}, on genuine conflicts: {right}, precision {precision:.2f}")
    print(f"genuine conflicts judged: {genuine_total}, found: {len(found_genuine)}, recall {recall:.2f}")
    print(f"info (evolving) flags: {info}")
    print(f"clusters with flags outside genuine conflicts: {false_per_cluster or 'none'} "
          f"(max {max(false_per_cluster.values(), default=0)})")
    print(f"{n_mentions} mentions, {elapsed:.2f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
