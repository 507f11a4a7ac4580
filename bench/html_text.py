"""Article text from real pages: factcheck's HTML reader on the shared HTML benchmark.

Runs ``score_html.py`` (181 news and blog pages with a person's marking of each article body)
on ``bench/html_adapter.py`` and prints its line: precision, recall and F1 of word 4-gram
shingles, and the time for the 31 MB of pages.

    python bench/html_text.py                      # ../shared beside the repository
    python bench/html_text.py --shared /path/to/shared [--per-page]
"""
from __future__ import annotations

import os
import sys

# Run as a script, this folder is first on sys.path and this file would shadow the stdlib's html.
sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != os.path.dirname(os.path.abspath(__file__))]

import argparse  # noqa: E402
import subprocess  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    """Score the adapter and print the scorer's summary line."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared",
                    help="the shared folder holding eval/html (default: ../shared)")
    ap.add_argument("--per-page", action="store_true", help="also print each page's precision and recall")
    args = ap.parse_args()
    score = args.shared / "eval" / "html" / "score_html.py"
    if not score.exists():
        sys.exit(f"bench/html_text.py: no benchmark at {score}")
    cmd = [sys.executable, str(score), "--adapter", f"{ROOT / 'bench' / 'html_adapter.py'}:read"]
    if args.per_page:
        cmd.append("--per-page")
    sys.exit(subprocess.run(cmd, cwd=ROOT).returncode)


if __name__ == "__main__":
    main()
