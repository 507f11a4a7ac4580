"""Random bytes to every reader, random YAML to the rule loader, all through the command line in
process: a user error is exit 2 with one line, never exit 3 (a bug), a traceback or a hang
(issue 18; random HTTP bodies to the API are in tests/server/test_hostile_requests.py)."""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.cli.main import main

EXTENSIONS = [".md", ".txt", ".html", ".jsonl", ".json", ".xml", ".docx", ".markdown", ".htm"]
#: Pieces that make random bytes look like the formats (so the readers get past their first check).
PIECES = [b"---\n", b"date: 2025-03-12\n", b"<?xml version='1.0'?>", b"<nitf>", b"<html><body><p>", b"</p>",
          b'{"text": "', b'"}\n', b"\xef\xbb\xbf", b"\xff\xfe", b"59 hostages remain", b"`", b"![", b"<!--",
          b"\n\n", b"\x00", b"\xc3", b"&#1114112;", b"&nbsp;", b'{"type": "story", "content_elements": [',
          b"<?xml version='1.0' encoding='utf-16'?>", b"1e999", b"9" * 50]
_BYTES = st.lists(st.sampled_from(PIECES) | st.binary(max_size=20), max_size=12).map(b"".join)


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    return tmp_path


def _run(argv, capsys) -> tuple[int, str]:
    code = main(argv)
    err = capsys.readouterr().err
    assert code in (0, 1, 2), err
    assert "internal error" not in err and "Traceback" not in err, err
    return code, err


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_BYTES, ext=st.sampled_from(EXTENSIONS))
def test_random_bytes_to_the_readers(here, capsys, data, ext):
    path = here / f"doc{ext}"
    path.write_bytes(data)
    for argv in (["claims", str(path)], ["check", str(path), "--no-cache"], ["text", str(path)]):
        code, err = _run(argv, capsys)
        if code == 2:
            assert all(line.startswith("factcheck: ") for line in err.splitlines()), err


_SCALAR = st.one_of(st.integers(), st.floats(allow_nan=True), st.text(max_size=12),
                    st.sampled_from([10 ** 400, -10 ** 400, 1.7e308]),
                    st.sampled_from(["1e308", "1e999", "1e999%", "5%", "-3", "9" * 400, "2025-13-40", "9999-12-31",
                                     "0001-01-01", "hostage*|captive*", "*a*a*a*b", "(x", "a + b == c",
                                     "(" * 80 + "a" + ")" * 80 + " == b", " + ".join("a" * 150) + " == b"]))
_FACT = st.fixed_dictionaries(
    {"id": st.sampled_from(["a", "b", "c", "Bad Id"]), "label": st.just("L")},
    optional={"value": _SCALAR, "tolerance": _SCALAR, "unit": _SCALAR, "severity": _SCALAR, "tracked": _SCALAR,
              "timeline": st.lists(st.fixed_dictionaries({"value": _SCALAR}, optional={"from": _SCALAR,
                                                                                       "tolerance": _SCALAR}),
                                   max_size=3),
              "match": st.fixed_dictionaries({}, optional={"all": st.lists(_SCALAR, max_size=2) | _SCALAR,
                                                           "any": st.lists(_SCALAR, max_size=2),
                                                           "none": _SCALAR, "window": _SCALAR})})
_RELATION = st.fixed_dictionaries({"id": st.sampled_from(["r", "s"]), "check": _SCALAR},
                                  optional={"severity": _SCALAR})
_RULES = st.fixed_dictionaries({}, optional={"facts": st.lists(_FACT, max_size=3),
                                             "relations": st.lists(_RELATION, max_size=2), "include": _SCALAR})
_RAW = st.lists(st.sampled_from(["facts:", "\n  - ", "id: a", "{", "}", "[", "]", ": ", "&a ", "*a", "!!python/object",
                                 "\t", "'", '"', "value: 1e308", "\n"]), max_size=30).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rules=_RULES.map(lambda r: __import__("yaml").safe_dump(r, allow_unicode=True)) | _RAW)
def test_random_yaml_to_the_rule_loader(here, capsys, rules):
    (here / "rules.yaml").write_text(rules, encoding="utf-8")
    (here / "draft.md").write_text("Officials said 59 hostages remain, and 2 + 2 are 4.\n", encoding="utf-8")
    code, err = _run(["rules", "--check", "rules.yaml"], capsys)
    if code == 2:
        assert err.count("\n") == 1 and err.startswith("factcheck: error: rules.yaml"), err
        return
    _run(["check", "draft.md", "--rules", "rules.yaml", "--no-cache"], capsys)
    _run(["explain", "a", "--rules", "rules.yaml", "--in", "draft.md"], capsys)


def test_the_property_tests_run_with_exit_3_unmasked():
    assert not os.environ.get("FACTCHECK_DEBUG")
