"""Reports → the formats CI systems read: JSON Lines, GitHub, SARIF, JUnit, GitLab, Markdown.

Every format is a small pure function ``Report -> str`` (SARIF also takes the rules, for
rule descriptions).  ``FORMATS`` maps a ``--format`` name to its function, the table and
JSON reporters included; ``render`` picks one.  Severities map to each format's levels:
error/warning/info → GitHub error/warning/notice, SARIF error/warning/note, GitLab
major/minor/info.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any, Callable

from factcheck import __version__
from factcheck.report.fingerprint import VERSION as FINGERPRINT_VERSION, fingerprints, normalize_path
from factcheck.models import Finding, Report, Severity
from factcheck.report.text import as_json, expected_text, summary_line, table, verdict_text, why_text

INFORMATION_URI = "https://github.com/factcheck/factcheck"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
GITLAB_LEVELS = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
CROSS_ARTICLE = "The same figure is stated differently in another article"
_XML_BAD = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _sorted(report: Report) -> list[tuple[Finding, str]]:
    """Findings with their fingerprints, in reading order."""
    pairs = list(zip(report.findings, fingerprints(report.findings)))
    return sorted(pairs, key=lambda p: p[0].sort_key())


# ---------------------------------------------------------------- JSON Lines

def jsonl(report: Report) -> str:
    """One finding a line (its JSON object plus ``fingerprint``), for archives and ``jq``."""
    return "".join(json.dumps({**f.as_dict(), "fingerprint": fp}, ensure_ascii=False) + "\n"
                   for f, fp in _sorted(report))


# ---------------------------------------------------------------- GitHub

def escape_data(text: str) -> str:
    """A workflow command's message: ``%``, CR and LF percent-encoded."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as ``escape_data``, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github(report: Report) -> str:
    """GitHub Actions workflow commands, one annotation a line (``::error file=…::message``)."""
    lines = []
    for f, _ in _sorted(report):
        props = (("file", normalize_path(f.path)), ("line", str(f.line)), ("col", str(f.column)),
                 ("endColumn", str(f.end_column)), ("title", f.rule))
        lines.append(f"::{GITHUB_LEVELS[f.severity]} "
                     + ",".join(f"{k}={escape_property(v)}" for k, v in props)
                     + f"::{escape_data(f.message)}")
    for err in report.errors:
        lines.append(f"::error title=factcheck input error::{escape_data(err)}")
    lines.append(f"::notice title=factcheck::{escape_data(summary_line(report))}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- SARIF

def _uri(path: str) -> str:
    import urllib.parse
    path = normalize_path(path)
    if path.startswith("/"):
        return "file://" + urllib.parse.quote(path)
    return urllib.parse.quote(path)


def _location(path: str, line: int, column: int, end_column: int | None = None) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": line, "startColumn": column}
    if end_column is not None and end_column > column:
        region["endColumn"] = end_column
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(path)}, "region": region}}


def _describe(rule_id: str, kind: str, rules) -> tuple[str, Severity | None]:
    """A rule's short description and default level, from the rule files when given."""
    if kind == "cross-article" and rule_id == "cross-article":
        return CROSS_ARTICLE, Severity.WARNING
    for fact in getattr(rules, "facts", ()):
        if fact.id == rule_id:
            return fact.label or fact.id, fact.severity
    for rel in getattr(rules, "relations", ()):
        if rel.id == rule_id:
            return rel.message or rel.check, rel.severity
    return rule_id, None


def sarif(report: Report, rules=None) -> str:
    """SARIF 2.1.0 for code scanning: one run, a rule per fact/relation used, one result a finding."""
    pairs = _sorted(report)
    ids: dict[str, int] = {}
    descriptors = []
    for f, _ in pairs:
        if f.rule in ids:
            continue
        ids[f.rule] = len(descriptors)
        text, level = _describe(f.rule, f.kind, rules)
        descriptors.append({
            "id": f.rule, "name": f.rule, "shortDescription": {"text": text},
            "defaultConfiguration": {"level": SARIF_LEVELS[level or f.severity]},
            "properties": {"kind": f.kind}})
    results = []
    for f, fp in pairs:
        result: dict[str, Any] = {
            "ruleId": f.rule, "ruleIndex": ids[f.rule], "level": SARIF_LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [_location(f.path, f.line, f.column, f.end_column)],
            "partialFingerprints": {FINGERPRINT_VERSION: fp}}
        if f.related:
            result["relatedLocations"] = [
                {"id": i, **_location(r.path, r.line, r.column, r.column + len(r.text)),
                 "message": {"text": f"{r.text} ({normalize_path(r.path)}"
                                     f"{', ' + r.date.isoformat() if r.date else ''})"}}
                for i, r in enumerate(f.related, 1)]
        results.append(result)
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "factcheck", "version": __version__,
                            "informationUri": INFORMATION_URI, "rules": descriptors}},
        "columnKind": "unicodeCodePoints",
        "results": results}
    if report.errors:
        run["invocations"] = [{"executionSuccessful": True, "toolExecutionNotifications": [
            {"level": "error", "message": {"text": e}} for e in report.errors]}]
    doc = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------- JUnit

def _xml_text(text: str) -> str:
    return _XML_BAD.sub("\ufffd", text)


def junit(report: Report) -> str:
    """JUnit XML: one testsuite, one testcase per article, a failure per finding shown."""
    import xml.etree.ElementTree as ET
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f, _ in _sorted(report):
        by_path[f.path].append(f)
    paths = list(dict.fromkeys(d.path for d in report.documents))
    paths += sorted(p for p in by_path if p not in paths)
    failures = len(report.findings)
    suite = ET.Element("testsuite", name="factcheck", tests=str(len(paths) + bool(report.errors)),
                       failures=str(failures), errors=str(len(report.errors)), skipped="0")
    for path in paths:
        case = ET.SubElement(suite, "testcase", name=_xml_text(path), classname="factcheck")
        for f in by_path.get(path, ()):
            fail = ET.SubElement(case, "failure", type=str(f.severity),
                                 message=_xml_text(f"{f.rule}: {f.message}"))
            fail.text = _xml_text(f"{f.path}:{f.line}:{f.column}: {f.severity}: {f.rule}: {f.message}")
    if report.errors:
        case = ET.SubElement(suite, "testcase", name="input", classname="factcheck")
        for err in report.errors:
            ET.SubElement(case, "error", type="input", message=_xml_text(err)).text = _xml_text(err)
    root = ET.Element("testsuites", name="factcheck", tests=suite.get("tests"), failures=str(failures),
                      errors=str(len(report.errors)))
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


# ---------------------------------------------------------------- GitLab

def gitlab(report: Report) -> str:
    """GitLab Code Quality: a JSON array of issues with fingerprint, severity and location."""
    issues = [{"description": f.message, "check_name": f.rule, "fingerprint": fp,
               "severity": GITLAB_LEVELS[f.severity],
               "location": {"path": normalize_path(f.path), "lines": {"begin": f.line}}}
              for f, fp in _sorted(report)]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------- Markdown

def _cell(text: str) -> str:
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|") or " "


def markdown(report: Report) -> str:
    """Markdown for a pull-request comment or a step summary: summary line, a table per article."""
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for f, _ in _sorted(report):
        by_path[f.path].append(f)
    n = len(report.findings)
    head = "### factcheck: " + ("no inconsistencies" if not n else
                                f"{n} inconsistenc{'y' if n == 1 else 'ies'}")
    blocks = [head, _cell(summary_line(report))]
    for path in sorted(by_path):
        found = by_path[path]
        rows = ["| line | claim | fact | expected | verdict | why |", "|---:|---|---|---|---|---|"]
        rows += [f"| {f.line}:{f.column} | {_cell(f.text)} | `{f.rule}` | {_cell(expected_text(f))} "
                 f"| {_cell(verdict_text(f))} | {_cell(why_text(f))} |" for f in found]
        label = f"{len(found)} finding{'' if len(found) == 1 else 's'}"
        blocks.append(f"<details><summary><code>{_cell(path)}</code>: {label}</summary>\n\n"
                      + "\n".join(rows) + "\n\n</details>")
    if report.errors:
        blocks.append("<details><summary>input errors</summary>\n\n"
                      + "\n".join(f"- {_cell(e)}" for e in report.errors) + "\n\n</details>")
    return "\n\n".join(blocks) + "\n"


def step_summary(report: Report) -> str:
    """What ``--format github`` appends to ``$GITHUB_STEP_SUMMARY`` (GitHub shows ~10 annotations)."""
    return markdown(report)


# ---------------------------------------------------------------- registry

FORMATS: dict[str, Callable[..., str]] = {
    "table": table, "json": as_json, "jsonl": jsonl, "github": github, "sarif": sarif,
    "junit": junit, "gitlab": gitlab, "markdown": markdown}
NAMES = tuple(FORMATS)
_WITH_RULES = {"sarif"}


def render(name: str, report: Report, rules=None) -> str:
    """The report in format ``name`` (``rules`` describe rule ids where the format can say more)."""
    if name in _WITH_RULES:
        return FORMATS[name](report, rules)
    return FORMATS[name](report)


__all__ = ["FORMATS", "NAMES", "escape_data", "escape_property", "github", "gitlab", "jsonl", "junit",
           "markdown", "render", "sarif", "step_summary"]
