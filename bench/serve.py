"""How long ``POST /api/check`` takes for a long draft, over real HTTP.

Starts ``factcheck serve`` on a free port (with ``--db`` when given), posts a generated draft
of ``--words`` words several times and prints the median and worst times::

    python bench/serve.py --words 5000 --rules rules/gaza-captives.yaml [--db archive.sqlite --date 2030-06-15]

With ``--browser`` it also opens the page in headless Chromium (Playwright, Debian's
``/usr/bin/chromium`` or ``$FACTCHECK_CHROMIUM``), pastes the draft, presses Check and reads the
page's own Check → results time (request, rendering and highlighting included).
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCES = [
    "Officials said 59 hostages remain in Gaza.",
    "Israel believes 58 abductees are still being held by militants in the strip.",
    "The committee met for 3 hours on Tuesday and will meet again next week to discuss the roads.",
    "Aid agencies said 300 trucks crossed into the territory over the weekend, a modest rise.",
    "Negotiators in Cairo described the atmosphere as tense but said progress was possible.",
    "In all, 33 hostages were freed during the first phase, 25 of them alive.",
    # in the style of bench/archive.py's synthetic archive, so --db lookups have work to do
    "The flood in Ashford has forced 240 families from their homes, the council said.",
    "The strike at the Brinmoor cannery has idled 410 workers, according to the union.",
    "The warehouse fire in Dunmere destroyed 75 vehicles overnight, firefighters said.",
]


def draft(words: int) -> str:
    """A Markdown draft of about ``words`` words, one paragraph per six sentences."""
    out, count, i = ["# A long draft\n\n"], 0, 0
    while count < words:
        s = SENTENCES[i % len(SENTENCES)]
        out.append(s + ("\n\n" if i % 6 == 5 else " "))
        count += len(s.split())
        i += 1
    return "".join(out)


def in_browser(url: str, text: str, date: str, runs: int) -> list[float]:
    """Check → results in milliseconds, as the page measures it, ``runs`` times."""
    import os
    from playwright.sync_api import sync_playwright
    chromium = os.environ.get("FACTCHECK_CHROMIUM", "/usr/bin/chromium")
    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        for _ in range(runs):
            page.goto(url)
            page.wait_for_selector("#facts .fact", state="attached")
            page.fill("#draft", text)
            page.select_option("#format", "md")
            page.fill("#date", date)
            page.evaluate("document.getElementById('status').textContent = ''")
            page.click("#check")
            page.wait_for_function("() => document.getElementById('status').textContent.startsWith('Checked')",
                                   timeout=600_000)
            out.append(float(page.evaluate("document.body.dataset.checkMs")))
        browser.close()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=5000)
    ap.add_argument("--rules", default=str(ROOT / "rules" / "gaza-captives.yaml"))
    ap.add_argument("--db", help="archive index passed to factcheck serve --db")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--browser", action="store_true", help="also time Check → results in headless Chromium")
    ap.add_argument("--date", default="2025-03-12",
                    help="the draft's date (bench/archive.py's archive spans 2030: use 2030-06-15 with it)")
    args = ap.parse_args()

    cmd = [sys.executable, "-m", "factcheck", "serve", "--rules", args.rules, "--port", "0"]
    if args.db:
        cmd += ["--db", args.db]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        m = re.search(r"(http://[^ ]+/)", proc.stdout.readline())
        if not m:
            print("server did not start", file=sys.stderr)
            return 1
        url = m.group(1) + "api/check"
        body = json.dumps({"text": draft(args.words), "date": args.date, "filename": "draft.md"}).encode()
        times, result = [], {}
        for _ in range(args.runs):
            req = urllib.request.Request(url, body, {"Content-Type": "application/json"})
            t0 = time.perf_counter()
            with urllib.request.urlopen(req, timeout=600) as res:
                result = json.load(res)
            times.append(time.perf_counter() - t0)
        if args.browser:
            page_times = in_browser(m.group(1), draft(args.words), args.date, args.runs)
            print(f"page: Check → results median {statistics.median(page_times):.0f} ms, "
                  f"worst {max(page_times):.0f} ms over {args.runs} runs")
        print(f"{args.words} words, {len(body):,} bytes: {len(result['claims'])} claims, "
              f"{len(result['findings'])} findings; POST /api/check median {statistics.median(times) * 1000:.0f} ms, "
              f"worst {max(times) * 1000:.0f} ms over {args.runs} runs"
              + (f" (archive {args.db})" if args.db else ""))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
