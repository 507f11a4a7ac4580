"""How long ``factcheck lsp`` takes to re-check a long draft after an edit, warm, over stdio.

Starts the real server in a scratch project (``factcheck.yaml``: the repository's rules, and
the sample articles as the corpus), opens a generated Markdown draft of ``--words`` words,
waits for its first diagnostics (the cold check: rules, corpus), then makes ``--edits`` edits,
each an incremental ``didChange`` of one figure in the middle of the draft, and times each
edit → ``publishDiagnostics`` of that version.  Prints the median and the 90th percentile::

    python bench/lsp.py [--words 5000 --edits 40 --debounce 0 --against archive.sqlite]

``--debounce`` is the server's pause after a change (0 here, so the figure is the check; an
editor gets the configured pause, 300 ms by default, on top).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests" / "lsp"))

from lsp_client import Client  # noqa: E402
from serve import draft  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=5000)
    ap.add_argument("--edits", type=int, default=40)
    ap.add_argument("--debounce", type=float, default=0, help="the server's --debounce in ms (default 0)")
    ap.add_argument("--against", help="archive index passed to factcheck lsp --against")
    ap.add_argument("--no-corpus", action="store_true", help="do not use the sample articles as the corpus")
    args = ap.parse_args()

    text = "---\ndate: 2025-03-12\n---\n" + draft(args.words)
    lines = text.split("\n")
    line = len(lines) // 2
    while "59" not in lines[line]:
        line += 1
    column = lines[line].index("59")
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        corpus = "" if args.no_corpus else f"paths: ['{ROOT / 'samples'}']\ncache: false\n"
        (project / "factcheck.yaml").write_text(f"rules: ['{ROOT / 'rules'}']\n{corpus}", encoding="utf-8")
        (project / "draft.md").write_text(text, encoding="utf-8")
        extra = ["--against", str(Path(args.against).resolve())] if args.against else []
        client = Client("--debounce", str(args.debounce), *extra, cwd=project)
        try:
            client.initialize(project)
            start = time.perf_counter()
            uri = client.open(project / "draft.md", text)
            diags = client.diagnostics(uri, version=1, timeout=300)
            cold = time.perf_counter() - start
            times = []
            for i in range(args.edits):
                figure = "60" if i % 2 == 0 else "59"
                mark = client.mark()
                start = time.perf_counter()
                client.notify("textDocument/didChange", {
                    "textDocument": {"uri": uri, "version": i + 2},
                    "contentChanges": [{"range": {"start": {"line": line, "character": column},
                                                  "end": {"line": line, "character": column + 2}},
                                        "text": figure}]})
                client.diagnostics(uri, version=i + 2, start=mark, timeout=60)
                times.append((time.perf_counter() - start) * 1000)
        finally:
            client.close()
    times.sort()
    p90 = times[min(len(times) - 1, int(round(0.9 * (len(times) - 1))))]
    print(f"draft: {args.words} words, {len(text):,} characters, {len(diags)} diagnostics; "
          f"corpus: {'none' if args.no_corpus else 'samples/'}; debounce {args.debounce:g} ms")
    print(f"first check (cold: rules, corpus, draft): {cold * 1000:.0f} ms")
    print(f"edit → diagnostics, warm, {len(times)} edits: median {statistics.median(times):.0f} ms, "
          f"p90 {p90:.0f} ms, worst {times[-1]:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
