"""The story an article tells, from the YAML case table tests/cases/topics/topics.yaml."""
from pathlib import Path

import pytest
import yaml

from factcheck.cross.topics import same_story, topic

CASES = yaml.safe_load((Path(__file__).parents[1] / "cases" / "topics" / "topics.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES["topics"], ids=lambda c: c["name"])
def test_topic(case):
    assert topic(case["text"]) == frozenset(case["names"])


@pytest.mark.parametrize("case", CASES["same_story"], ids=lambda c: c["name"])
def test_same_story(case):
    assert same_story(frozenset(case["a"]), frozenset(case["b"])) is case["same"]
    assert same_story(frozenset(case["b"]), frozenset(case["a"])) is case["same"]
