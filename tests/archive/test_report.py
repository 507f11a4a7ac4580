"""``factcheck report``: the archive's inconsistent figures, story by story (table, Markdown,
JSON, CSV, charts, ``--all``); the story and quantity names from tests/cases/archive/labels.yaml."""
from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import CASES, read_table
from factcheck.archive.labels import key_label, story_label
from factcheck.cli.main import main
import test_index
from test_index import update, write

LABELS = read_table(CASES / "archive" / "labels.yaml")
archive, disagreeing = test_index.archive, test_index.disagreeing  # the index tests' fixtures
FIRE = "Firefighters said the warehouse blaze on Dock Road destroyed {n} lorries overnight."


@pytest.fixture
def two_stories(tmp_path, archive):
    """The quarry bridge story (one outlier) and, in its own folder, a warehouse fire (one)."""
    write(archive, "e.md", "2031-05-05", "The sheriff said 27 workers were killed when the old quarry bridge collapsed.")
    fire = tmp_path / "warehouse-fire"
    fire.mkdir()
    for name, n in (("f1.md", 12), ("f2.md", 12), ("f3.md", 19)):
        write(fire, name, "2031-06-02", FIRE.format(n=n))
    db = tmp_path / "a.sqlite"
    update(db, [archive, fire])
    return db


def _json(capsys, *args) -> dict:
    assert main(["report", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_report_table_names_the_story_the_quantity_and_the_outlier(disagreeing, capsys):
    assert main(["report", "--db", str(disagreeing)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "archive" and lines[1] == "=" * len("archive")
    assert lines[2] == "5 articles, 2031-05-04 to 2031-05-05 · in " + str(disagreeing.parent / "archive")
    row = next(line for line in lines if line.strip().startswith("e.md:"))
    assert "27" in row and "inconsistent (warning)" in row and "23 (a.md:5)" in row
    assert "USD" not in out and "|||" not in out, "no raw index keys"
    assert lines[-1] == "1 outlier in 1 quantity of 1 story"


def test_report_json_version_2(disagreeing, capsys):
    report = _json(capsys, "--db", str(disagreeing))
    assert report["version"] == 2 and report["quantities"] == []
    [story] = report["stories"]
    assert (story["story"], story["articles"], story["first"], story["last"]) == ("archive", 5, "2031-05-04",
                                                                                 "2031-05-05")
    [q] = story["quantities"]
    assert "|" not in q["label"] and q["key"]
    timeline = {(p["date"], p["value"]): p["articles"] for p in q["timeline"]}
    assert timeline == {("2031-05-04", 23.0): 2, ("2031-05-05", 23.0): 2, ("2031-05-05", 27.0): 1}
    assert [o["path"].rsplit("/", 1)[-1] for o in q["outliers"]] == ["e.md"]


def test_report_csv(disagreeing, capsys):
    assert main(["report", "--db", str(disagreeing), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["section"] for r in rows] == ["timeline"] * 3 + ["outlier"]
    assert {r["story"] for r in rows} == {"archive"}
    assert rows[-1]["path"].endswith("e.md") and rows[-1]["value"] == "27" and rows[-1]["severity"] == "warning"


def test_report_markdown_with_charts(disagreeing, tmp_path, capsys):
    charts = tmp_path / "charts"
    assert main(["report", "--db", str(disagreeing), "--format", "markdown", "--charts", str(charts)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Inconsistent figures in the archive\n\n## archive\n")
    assert "| where " in out and "| e.md:5:" in out
    [svg] = sorted(charts.iterdir())
    assert f"]({svg})" in out
    text = svg.read_text(encoding="utf-8")
    assert text.startswith("<svg") and text.count("<circle") >= 3 and "<script" not in text


def test_stories_are_the_articles_disagreements_tie_together(two_stories, capsys):
    stories = _json(capsys, "--db", str(two_stories))["stories"]
    assert [s["story"] for s in stories] == ["warehouse-fire", "archive"], "newest first, named by folder"
    assert [s["articles"] for s in stories] == [3, 5]
    fire = stories[0]["quantities"][0]
    assert [o["text"] for o in fire["outliers"]] == ["19"]
    assert all("warehouse-fire" in r["path"] for o in fire["outliers"] for r in o["related"])


def test_an_archive_that_agrees_reports_so_and_all_lists_its_quantities(tmp_path, archive, capsys):
    db = tmp_path / "a.sqlite"
    update(db, [archive])
    assert main(["report", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out == "no inconsistent figures: the archive's articles agree wherever they were compared\n"
    report = _json(capsys, "--db", str(db), "--all")
    assert report["stories"] == [] and report["quantities"]
    assert all(p["value"] == 23.0 for q in report["quantities"] for p in q["timeline"])


def test_all_adds_evolving_figures(tmp_path, capsys):
    folder = tmp_path / "wire"
    folder.mkdir()
    for day, n in ((1, 9), (2, 13)):
        write(folder, f"d{day}.md", f"2031-07-{day:02d}", f"The mine collapse killed {n} miners, rescuers at the pit said.")
    db = tmp_path / "a.sqlite"
    update(db, [folder])
    plain = _json(capsys, "--db", str(db))
    everything = _json(capsys, "--db", str(db), "--all")
    severities = {o["severity"] for s in everything["stories"] for q in s["quantities"] for o in q["outliers"]}
    assert plain["stories"] == [] and severities == {"info"}


def test_report_needs_an_index(capsys):
    assert main(["report"]) == 2
    assert "report needs --db FILE" in capsys.readouterr().err


@pytest.mark.parametrize("case", LABELS["stories"], ids=lambda c: c["name"])
def test_story_label(case):
    assert story_label(case["titles"], case.get("paths", ()), case.get("root")) == case["label"]


@pytest.mark.parametrize("case", LABELS["keys"], ids=lambda c: c["key"])
def test_key_label(case):
    assert key_label(case["key"]) == case["label"]



def test_articles_dated_to_a_month_show_their_month(tmp_path, capsys):
    folder = tmp_path / "rash"
    folder.mkdir()
    for name, n in (("a.md", 40), ("b.md", 40), ("c.md", 52)):
        write(folder, name, "2030-08", f"Health officials have confirmed {n} cases of the rash in the county this year.")
    db = tmp_path / "a.sqlite"
    update(db, [folder])
    [story] = _json(capsys, "--db", str(db))["stories"]
    assert (story["first"], story["last"]) == ("2030-08", "2030-08")
    assert {p["date"] for q in story["quantities"] for p in q["timeline"]} == {"2030-08"}
