"""The standard library's ``re`` against the third-party ``regex`` on factcheck's own scanners.

Every compiled pattern of factcheck (and the match terms of the rule files in ``rules/``) is
wrapped to record the calls a ``factcheck check`` makes on realistic text: the Multi-News
articles and ``samples/``, read, extracted, matched to the rules and compared.  The calls are
then replayed on the pattern compiled by ``re`` and by ``regex`` (VERSION0, its
``re``-compatible behaviour), taking turns, and every result (span and groups of every
match) is compared.  The table shows where each pattern runs today, both times, ``regex``'s
speed-up, whether the results were the same, and both compile times; then a plain digit scan
in MB/s.  Times and speed-ups vary by a few per cent from run to run on a busy machine.

    python bench/regex_vs_re.py [--corpus DIR] [--top 25] [--repeat 5]
"""
from __future__ import annotations

import argparse
import importlib.util
import re
import sys
import time
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
if importlib.util.find_spec("factcheck") is None:
    sys.path.insert(0, str(ROOT))

CORPUS = Path("/work/shared/corpus/multinews")
_FLAGS = ((re.I, regex.I), (re.M, regex.M), (re.S, regex.S), (re.X, regex.X), (re.A, regex.A))


class Recorder:
    """A compiled pattern that records every call made on it (for replaying later)."""

    def __init__(self, pattern, name: str):
        self.real, self.name, self.calls = pattern, name, []

    def __getattr__(self, attr):
        value = getattr(self.real, attr)
        if attr not in ("match", "search", "fullmatch", "finditer", "findall", "sub", "split"):
            return value

        def call(*args, **kwargs):
            self.calls.append((attr, args, kwargs))
            return value(*args, **kwargs)
        return call

    @property
    def engine(self) -> str:
        """The module the pattern runs under today: ``re`` or ``regex``."""
        return "regex" if isinstance(self.real, regex.Pattern) else "re"

    def twins(self) -> tuple[re.Pattern, "regex.Pattern"]:
        """The pattern compiled by ``re`` and by ``regex`` (VERSION0), one of them itself."""
        flags = self.real.flags
        if self.engine == "regex":
            return re.compile(self.real.pattern, sum(ours for ours, theirs in _FLAGS if flags & theirs)), self.real
        return self.real, regex.compile(self.real.pattern, regex.V0 | sum(t for o, t in _FLAGS if flags & o))


def _outcome(value):
    if value is None or isinstance(value, (str, list)) and not value or isinstance(value, str):
        return value
    if hasattr(value, "span"):
        return value.span(), value.groups()
    return [_outcome(v) for v in value]


def _run(pattern, calls) -> tuple[float, list]:
    out = []
    start = time.perf_counter()
    for method, args, kwargs in calls:
        value = getattr(pattern, method)(*args, **kwargs)
        out.append(list(value) if method == "finditer" else value)
    return time.perf_counter() - start, out


def replay(ours, theirs, calls, repeat: int) -> tuple[float, float, bool]:
    """Best times of ``calls`` replayed on ``ours`` and on ``theirs`` (taking turns, so that a
    busy machine slows both alike), and whether every result was the same."""
    best = [float("inf"), float("inf")]
    results: list = [None, None]
    for _ in range(repeat):
        for i, pattern in enumerate((ours, theirs)):
            elapsed, results[i] = _run(pattern, calls)
            best[i] = min(best[i], elapsed)
    return best[0], best[1], [_outcome(v) for v in results[0]] == [_outcome(v) for v in results[1]]


def record(files: list[Path]) -> list[Recorder]:
    """Wrap every pattern of factcheck, then check ``files`` against the rules in ``rules/``."""
    from factcheck.check.engine import check_documents
    from factcheck.documents import read_file
    from factcheck.extract.lazy_re import LazyPattern
    from factcheck.rules.loading import load_rules
    rules = load_rules([str(ROOT / "rules")])
    recorders: dict[int, Recorder] = {}
    for name, module in sorted(sys.modules.items()):
        if not name.startswith("factcheck.") or module is None:
            continue
        for attr, value in list(vars(module).items()):
            if isinstance(value, (re.Pattern, LazyPattern)):
                real = value.compiled() if isinstance(value, LazyPattern) else value
                rec = recorders.setdefault(id(value), Recorder(real, f"{name.split('.')[-1]}.{attr}"))
                setattr(module, attr, rec)
    for fact in rules.facts:
        for kind in ("all", "any", "none"):
            for term in getattr(fact.match, kind):
                rec = recorders.setdefault(id(term.pattern), Recorder(term.pattern, f"term {term.text[:28]!r}"))
                object.__setattr__(term, "pattern", rec)
    check_documents([doc for p in files for doc in read_file(p)], rules)
    return [r for r in recorders.values() if r.calls]


def _compile_ms(rec: Recorder, repeat: int) -> tuple[float, float]:
    best = []
    for twin in rec.twins():
        module = re if isinstance(twin, re.Pattern) else regex
        times = []
        for _ in range(repeat):
            module.purge()
            start = time.perf_counter()
            module.compile(twin.pattern, twin.flags)
            times.append(time.perf_counter() - start)
        best.append(min(times) * 1e3)
    return best[0], best[1]


def digit_scan(text: str, repeat: int) -> tuple[float, float]:
    """MB/s of ``\\d+`` found through the whole text by ``re`` and by ``regex``."""
    patterns = (re.compile(r"\d+"), regex.compile(r"\d+"))
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for i, pattern in enumerate(patterns):
            start = time.perf_counter()
            sum(1 for _ in pattern.finditer(text))
            best[i] = min(best[i], time.perf_counter() - start)
    size = len(text.encode("utf-8")) / 1e6
    return size / best[0], size / best[1]


def main(argv: list[str] | None = None) -> int:
    """Record, replay and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--top", type=int, default=25, help="patterns shown, by time under re")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    files = sorted(args.corpus.glob("*/*.md")) + sorted((ROOT / "samples").glob("*.md"))
    texts = [p.read_text(encoding="utf-8") for p in files]
    chars = sum(map(len, texts))
    rows = []
    for rec in record(files):
        t_re, t_rx, same = replay(*rec.twins(), rec.calls, args.repeat)
        rows.append((t_re, t_rx, rec, same))
    rows.sort(key=lambda r: -r[0])
    total_re, total_rx = sum(r[0] for r in rows), sum(r[1] for r in rows)
    print(f"{len(files)} documents, {chars:,} characters; {len(rows)} patterns called; best of {args.repeat}")
    print(f"{'pattern':<36} {'runs on':>7} {'calls':>7} {'re ms':>8} {'regex ms':>9} {'speed-up':>8}  same  "
          f"{'compile re':>10} {'regex':>6}")
    for t_re, t_rx, rec, same in rows[:args.top]:
        c_re, c_rx = _compile_ms(rec, args.repeat)
        print(f"{rec.name[:36]:<36} {rec.engine:>7} {len(rec.calls):>7} {t_re * 1e3:>8.2f} {t_rx * 1e3:>9.2f} "
              f"{t_re / t_rx:>7.2f}x  {'yes' if same else 'NO':>4}  {c_re:>8.1f}ms {c_rx:>4.1f}ms")
    rest = rows[args.top:]
    if rest:
        print(f"{'(' + str(len(rest)) + ' more)':<36} {'':>7} {sum(len(r[2].calls) for r in rest):>7} "
              f"{sum(r[0] for r in rest) * 1e3:>8.2f} {sum(r[1] for r in rest) * 1e3:>9.2f}")
    terms = [r for r in rows if r[2].name.startswith("term ")]
    print(f"{'(the ' + str(len(terms)) + ' match terms)':<36} {'':>7} {sum(len(r[2].calls) for r in terms):>7} "
          f"{sum(r[0] for r in terms) * 1e3:>8.2f} {sum(r[1] for r in terms) * 1e3:>9.2f} "
          f"{sum(r[0] for r in terms) / sum(r[1] for r in terms):>7.2f}x")
    print(f"{'all patterns':<36} {'':>7} {sum(len(r[2].calls) for r in rows):>7} {total_re * 1e3:>8.2f} "
          f"{total_rx * 1e3:>9.2f} {total_re / total_rx:>7.2f}x  "
          f"{'yes' if all(r[3] for r in rows) else 'NO'}")
    mb_re, mb_rx = digit_scan("".join(texts) * 8, args.repeat)
    print(f"\nplain digit scan (\\d+ through the text): re {mb_re:.0f} MB/s, regex {mb_rx:.0f} MB/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
