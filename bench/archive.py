"""Archive benchmark: a synthetic JSON Lines archive, then `factcheck index`, `report`, `check --against`.

    python bench/archive.py --articles 20000 [--jobs 2] [--workdir /tmp/fc-archive] [--wrong 0.02]

Articles are about 4 KB of prose from a small template grammar: every article is about one
town and reports a few events (a figure about a flood, strike, fire, ... there or in a
neighbouring town) dated on a timeline, with local colour full of the town's steady figures
(its mayor's age, its bridge, its council's budget).  One event figure in fifty (``--wrong``) is a
planted wrong figure (×1.3, ×1.5 or ×0.7).  Prints index throughput (articles/s, MB/s), database
size (and per 100k articles), `report` time, `check --against` time for one draft, the re-index
time after one record changed, and each command's peak memory (its workers included).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TOWNS = ["Ashford", "Brinmoor", "Calder Bay", "Dunmere", "Eastwick", "Farrow", "Glenholt", "Harlow Cross",
         "Ivybridge", "Kestrel Point", "Larchmont", "Millbrook", "Northgate", "Oakridge", "Pellham", "Quarry Hill"]
EVENTS = [  # (event, sentence with {n} and {town}, unit of the figure)
    ("flood", "The flood in {town} has forced {n} families from their homes, the council said."),
    ("strike", "The strike at the {town} cannery has idled {n} workers, according to the union."),
    ("fire", "The warehouse fire in {town} destroyed {n} vehicles overnight, firefighters said."),
    ("outbreak", "The outbreak in {town} has sickened {n} children so far, health officials said."),
    ("landslide", "The landslide near {town} buried {n} houses on the hillside, rescuers said."),
]
FILLER = [  # local colour: every figure here is about the article's town, and steady over the year
    "The mayor of {town}, who is {age}, said the budget for {year} would rise by {pct} percent.",
    "Shops on the {town} high street opened {hours} hours late, and the bus service ran every {mins} minutes.",
    "A spokesperson noted that the {town} bridge, built in {built}, carries about {cars} cars a day.",
    "Schools in {town} reported attendance of {pct2} percent this week.",
    "Volunteers handed out {meals} meals at the {town} community hall between {h1} and {h2} o'clock.",
    "The {town} regional office has {staff} employees and an annual budget of ${budget} million.",
    "Weather forecasters expect {rain} millimetres of rain over {town} in the next {days} days.",
    "Residents interviewed on Tuesday described the mood as tense but calm, and most said they would stay.",
    "Officials promised a fuller account at a briefing later in the week, without giving a time.",
]
PROSE = [
    "Residents gathered outside the town hall in the afternoon, waiting for news from the council.",
    "Several roads remained closed while engineers inspected the damage along the river bank.",
    "A neighbour described hearing a loud noise shortly before dawn and seeing smoke over the rooftops.",
    "The regional government said it was monitoring the situation closely and would send support.",
    "Opposition councillors criticised the response, saying warnings had been ignored for years.",
    "Church groups and sports clubs opened their halls to people who had nowhere else to go.",
    "The local newspaper set up a page where readers could share photographs and updates.",
    "Insurers said it was too early to estimate the cost, but claims were already arriving.",
    "Teachers said pupils were anxious, and counsellors were sent to the worst-affected schools.",
    "A statement from the police asked people to avoid the area and to follow official advice.",
]


def article(rng: random.Random, i: int, truth: dict, local: dict, start: dt.date, days: int,
            planted: list | None = None, wrong: float = 0.02) -> dict:
    """One synthetic article about one town: two or three events (figures sometimes wrong), filler.

    Each wrong figure is appended to ``planted`` as (record number, value).
    """
    day = rng.randrange(days)
    date = start + dt.timedelta(days=day)
    home = rng.choice(TOWNS)
    facts = []
    for _ in range(rng.randint(2, 3)):
        town = home if rng.random() < 0.6 else rng.choice(TOWNS)
        event, sentence = rng.choice(EVENTS)
        n = truth[(town, event)] + day // 30 * 3  # figures grow slowly on the timeline
        if rng.random() < wrong:
            n = round(n * rng.choice((1.3, 1.5, 0.7)))  # planted inconsistency
            if planted is not None:
                planted.append((i + 1, n))
        facts.append(sentence.format(n=n, town=town))
    parts = []
    while sum(len(p) + 1 for p in parts) < 4000:
        if rng.random() < 0.7:
            parts.append(rng.choice(PROSE))
            continue
        parts.append(rng.choice(FILLER).format(town=home, year=2030 + rng.randint(0, 1), **local[home]))
    for k, sentence in enumerate(facts):
        parts.insert(k * len(parts) // len(facts), sentence)
    text = "\n\n".join(" ".join(parts[k:k + 4]) for k in range(0, len(parts), 4))
    return {"id": f"a{i}", "date": date.isoformat(), "title": f"Report {i}", "text": text}


def _local(rng: random.Random) -> dict:
    """A town's steady figures: its mayor's age, its bridge, its office, its weather."""
    return dict(age=rng.randint(35, 70), built=rng.randint(1950, 2020), pct=rng.randint(2, 15),
                pct2=rng.randint(80, 99), hours=rng.randint(1, 4), mins=rng.choice((10, 15, 20, 30)),
                cars=rng.randrange(2000, 40000, 100), meals=rng.randrange(100, 900, 10),
                h1=rng.randint(8, 11), h2=rng.randint(12, 18), staff=rng.randint(20, 400),
                budget=rng.randint(2, 90), rain=rng.randint(10, 120), days=rng.randint(2, 6))


def generate(path: str, n: int, seed: int = 7, wrong: float = 0.02) -> float:
    """Write ``n`` articles to ``path`` and the planted figures to ``path + ".planted.json"``;
    returns the archive's size in MB."""
    rng = random.Random(seed)
    truth = {(t, e): rng.randrange(40, 900) for t in TOWNS for e, _ in EVENTS}
    local = {t: _local(rng) for t in TOWNS}
    start = dt.date(2030, 1, 1)
    planted: list = []
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps(article(rng, i, truth, local, start, 365, planted, wrong)) + "\n")
    with open(path + ".planted.json", "w", encoding="utf-8") as fh:
        json.dump(planted, fh)
    return os.path.getsize(path) / 1e6


def score_report(keys: list, planted_path: str) -> str:
    """How the report's warnings match the planted figures: precision and recall.

    A warning on the other side of a one-against-one disagreement with a planted figure is
    counted apart: by design both sides of such a pair are warned.
    """
    if not os.path.exists(planted_path):
        return "no planted figures recorded (regenerate the archive)"
    planted = {tuple(p) for p in json.load(open(planted_path, encoding="utf-8"))}
    warned = [o for k in keys for o in k["outliers"] if o["severity"] != "info"]
    hits = {(o["line"], o["value"]) for o in warned} & planted
    partner = [o for o in warned if (o["line"], o["value"]) not in planted
               and any((r["line"], r["value"]) in planted for r in o["related"])]
    right = sum(1 for o in warned if (o["line"], o["value"]) in planted)
    return (f"{len(warned)} warnings: {right} on planted figures (precision {right / max(1, len(warned)):.2f}), "
            f"{len(partner)} on the other side of a one-against-one with one; planted found "
            f"{len(hits)} of {len(planted)} (recall {len(hits) / max(1, len(planted)):.2f})")


def run(args: list[str], stdout: str | None = None) -> tuple[float, str]:
    """Run ``factcheck ARGS`` (its standard output to the file ``stdout``); returns (seconds,
    last stderr line with the command's own peak RSS, workers included, appended)."""
    with tempfile.TemporaryFile() as err, open(stdout or os.devnull, "wb") as out:
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "factcheck", *args], stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        took = time.perf_counter() - t
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"factcheck {' '.join(args)} failed ({code}): {text[-2000:]}")
    last = text.strip().splitlines()[-1] if text.strip() else ""
    return took, f"{last} [peak RSS {usage.ru_maxrss / 1024:.0f} MB]"


def change_one_record(path: str) -> None:
    """Rewrite the archive with record 2's text changed (same length of file otherwise)."""
    tmp = path + ".tmp"
    with open(path, encoding="utf-8") as src, open(tmp, "w", encoding="utf-8") as dst:
        for number, line in enumerate(src, 1):
            if number == 2:
                rec = json.loads(line)
                rec["text"] += " A late update added that 3 more roads were closed."
                line = json.dumps(rec) + "\n"
            dst.write(line)
    os.replace(tmp, path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--workdir", default="/tmp/factcheck-archive-bench")
    parser.add_argument("--keep", action="store_true", help="reuse an existing archive.jsonl of the right size")
    parser.add_argument("--wrong", type=float, default=0.02,
                        help="share of event figures planted wrong (0.3: a report of many outliers)")
    args = parser.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    src = os.path.join(args.workdir, f"archive-{args.articles}.jsonl")
    db = os.path.join(args.workdir, f"archive-{args.articles}.sqlite")
    for p in (db, db + "-wal", db + "-shm"):
        if os.path.exists(p):
            os.remove(p)
    t = time.perf_counter()
    mb = os.path.getsize(src) / 1e6 if args.keep and os.path.exists(src) else generate(src, args.articles,
                                                                                       wrong=args.wrong)
    print(f"archive: {args.articles} articles, {mb:.1f} MB ({mb * 1e3 / args.articles:.1f} KB/article), "
          f"generated in {time.perf_counter() - t:.1f} s")

    took, summary = run(["index", src, "--db", db, "--jobs", str(args.jobs)])
    size = os.path.getsize(db) / 1e6
    print(f"index: {took:.1f} s, {args.articles / took:.0f} articles/s, {mb / took:.2f} MB/s ({summary})")
    print(f"db: {size:.1f} MB, {size * 100000 / args.articles:.0f} MB per 100k articles")

    took, summary = run(["index", src, "--db", db, "--jobs", str(args.jobs)])
    print(f"re-index, nothing changed: {took:.2f} s ({summary})")
    change_one_record(src)
    took, summary = run(["index", src, "--db", db, "--jobs", str(args.jobs)])
    print(f"re-index, one record changed: {took:.2f} s ({summary})")

    report = os.path.join(args.workdir, f"report-{args.articles}.json")
    took, summary = run(["report", "--db", db, "--format", "json"], stdout=report)
    with open(report, encoding="utf-8") as fh:
        stories = json.load(fh)["stories"]
    keys = [q for s in stories for q in s["quantities"]]
    print(f"report: {took:.1f} s, {len(stories)} stories, {len(keys)} quantities, "
          f"{sum(len(k['outliers']) for k in keys)} outliers ({summary})")
    print(f"report against the planted figures: {score_report(keys, src + '.planted.json')}")

    draft = os.path.join(args.workdir, "draft.md")
    with open(draft, "w", encoding="utf-8") as fh:
        fh.write("---\ndate: 2030-06-15\n---\n\n" + EVENTS[0][1].format(n=9999, town=TOWNS[0]).replace(
            "9999", "75") + "\n")
    took, _ = run(["check", draft, "--against", db, "--no-cache"])
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != HERE]  # bench/html.py is no stdlib html
    from factcheck.archive.index import open_index
    from factcheck.documents import read_text
    with open_index(db) as ix:
        docs = read_text(open(draft, encoding="utf-8").read(), draft)
        ix.mentions_for(docs)
        t = time.perf_counter()
        found = ix.mentions_for(docs)
        lookup = time.perf_counter() - t
    print(f"check --against: {took:.2f} s for the command (process start included), "
          f"{lookup * 1e3:.0f} ms for the archive lookup ({len(found)} mentions fetched)")
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"peak RSS: this process {me.ru_maxrss / 1024:.0f} MB, largest child {kids.ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
