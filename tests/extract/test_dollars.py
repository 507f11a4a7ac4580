"""What a bare "$" means: metadata, the project default, the command line, the index and the cache."""
from __future__ import annotations

import json

import pytest

from conftest import load_cases
from factcheck.cli.main import main
from factcheck.documents import read_text
from factcheck.extract.dollars import document_dollar, region_dollar
from factcheck.check.engine import Options, check_document

WHARF = "---\ndate: 2031-02-03\n---\n\nThe new wharf cost $12m to build, the harbour board said.\n"


@pytest.mark.parametrize("case", load_cases("dollars"))
def test_case(case):
    options = Options(dollar=case.get("default", "USD"), cross=False)
    got = [[loc.claim.text, loc.claim.unit]
           for doc in read_text(case["text"], case["file"])
           for loc in check_document(doc, None, options).claims]
    assert got == case["units"]


@pytest.mark.parametrize("locale, code", [("en-CA", "CAD"), ("fr_CA", "CAD"), ("en-au", "AUD"),
                                          ("en_NZ.UTF-8", "NZD"), ("en-US", "USD"), ("en-GB", "USD"),
                                          ("en", None), ("", None), (None, None), (42, None)])
def test_region_dollar(locale, code):
    assert region_dollar(locale) == code


def test_metadata_dollar_wins_over_locale_and_default():
    assert document_dollar({"dollar": "aud", "lang": "en-CA"}, "NZD") == "AUD"
    assert document_dollar({"Lang": "en-CA"}, "NZD") == "CAD"
    assert document_dollar({}, "NZD") == "NZD"


def _units(capsys, *argv) -> list:
    assert main(["claims", "--format", "json", *argv]) == 0
    return [c["unit"] for c in json.loads(capsys.readouterr().out)["claims"]]


def test_command_line_and_configuration(tmp_path, monkeypatch, capsys):
    (tmp_path / ".git").mkdir()
    (tmp_path / "wharf.md").write_text(WHARF, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert _units(capsys, "wharf.md") == ["USD"]
    assert _units(capsys, "--dollar", "cad", "wharf.md") == ["CAD"]
    (tmp_path / "factcheck.yaml").write_text("dollar: AUD\n", encoding="utf-8")
    assert _units(capsys, "wharf.md") == ["AUD"]
    assert _units(capsys, "--dollar", "NZD", "wharf.md") == ["NZD"]


def test_bad_dollar_is_a_usage_error(tmp_path, monkeypatch, capsys):
    (tmp_path / ".git").mkdir()
    (tmp_path / "wharf.md").write_text(WHARF, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["claims", "--dollar", "loonie", "wharf.md"]) == 2
    assert "invalid currency 'loonie'" in capsys.readouterr().err
    (tmp_path / "factcheck.yaml").write_text("window: 3\ndollar: 12\n", encoding="utf-8")
    assert main(["claims", "wharf.md"]) == 2
    assert "factcheck.yaml:2: 'dollar' must be an ISO 4217 currency code" in capsys.readouterr().err


def test_cached_results_follow_the_dollar(tmp_path, monkeypatch, capsys):
    (tmp_path / ".git").mkdir()
    (tmp_path / "wharf.md").write_text(WHARF, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for dollar in ("USD", "CAD", "USD"):
        main(["check", "--format", "json", "--dollar", dollar, "wharf.md"])
        claims = json.loads(capsys.readouterr().out)["claims"]
        assert [c["unit"] for c in claims] == [dollar]


def stored_units(db: str) -> list:
    """The units of the claims an archive index holds."""
    from factcheck.archive.index import open_index
    with open_index(db) as ix:
        return [c[6] for (d,) in ix.db.execute("SELECT id FROM documents ORDER BY id") for c in ix.claims(d)]


def test_index_rebuilds_when_the_dollar_changes(tmp_path, capsys):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "wharf.md").write_text(WHARF, encoding="utf-8")
    db = str(tmp_path / "index.db")

    def units() -> list:
        return stored_units(db)

    assert main(["index", str(folder), "--db", db, "-j", "1"]) == 0
    assert units() == ["USD"]
    assert main(["index", str(folder), "--db", db, "-j", "1", "--dollar", "CAD"]) == 0
    assert "1 indexed" in capsys.readouterr().err
    assert units() == ["CAD"]
    assert main(["index", str(folder), "--db", db, "-j", "1", "--dollar", "CAD"]) == 0
    assert "0 indexed, 1 unchanged" in capsys.readouterr().err


def test_check_against_an_index_of_another_dollar_says_so(tmp_path, capsys):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "wharf.md").write_text(WHARF, encoding="utf-8")
    db = str(tmp_path / "index.db")
    assert main(["index", str(folder), "--db", db, "-j", "1", "--dollar", "CAD"]) == 0
    capsys.readouterr()
    draft = tmp_path / "draft.md"
    draft.write_text(WHARF.replace("$12m", "$14m"), encoding="utf-8")
    main(["check", "--no-cache", "--against", db, str(draft)])
    assert "indexed with a bare $ meaning CAD, this check reads it as USD" in capsys.readouterr().err


def test_index_takes_the_configuration_dollar(tmp_path, monkeypatch, capsys):
    (tmp_path / ".git").mkdir()
    (tmp_path / "factcheck.yaml").write_text("dollar: AUD\n", encoding="utf-8")
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "wharf.md").write_text(WHARF, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["index", "archive", "--db", "index.db", "-j", "1"]) == 0
    assert stored_units("index.db") == ["AUD"]
    assert main(["index", "archive", "--db", "index.db", "-j", "1", "--dollar", "NZD"]) == 0
    assert stored_units("index.db") == ["NZD"]


def test_the_editor_page_reads_drafts_with_the_archive_dollar(tmp_path):
    from factcheck.server.checker import Checker, open_archive
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "wharf.md").write_text(WHARF, encoding="utf-8")
    db = str(tmp_path / "index.db")
    assert main(["index", str(folder), "--db", db, "-j", "1", "--dollar", "NZD"]) == 0
    archive = open_archive(db)
    assert archive.dollar == "NZD"
    for dollar in ("NZD", "USD"):
        out = Checker(None, archive, dollar=dollar).check("The pier cost $3m.", "draft.md", None)
        assert [c["unit"] for c in out["claims"]] == [dollar]
