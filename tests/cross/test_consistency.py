"""Cross-article consistency, driven by the case tables in tests/cases/cross/*.yaml.

A case lists short articles (path, optional date, text, optional ``facts:`` mapping a claim's
text to a fact id) and the exact set of ``cross-article`` findings expected; each expected
finding pins only the fields it names.  A file-level ``rules:`` text provides the facts
(timelines, severities) for fact-keyed cases.  Unit tests below cover the keying pieces.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from conftest import CASES, read_table
from factcheck.cross import consistency, similarity
from factcheck.cross.consistency import cross_findings
from factcheck.extract.claims import extract
from factcheck.models import Claim, Document, Located, Severity
from factcheck.documents.dates import parse_when
from factcheck.frames.model import Frame
from factcheck.cross.mentions import Mention, candidate_terms, fold, lemma, mention, mentions
from factcheck.rules.loading import load_rules_text


def _cases():
    params = []
    for path in sorted((CASES / "cross").glob("*.yaml")):
        data = read_table(path)
        rules = load_rules_text(data["rules"], f"{path.stem}-rules.yaml") if "rules" in data else None
        for case in data["cases"]:
            params.append(pytest.param(case, rules, id=f"{path.stem}:{case['name']}"))
    return params


def _date(value):
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def _doc_mentions(article) -> list[Mention]:
    date = article.get("date")
    if isinstance(date, (str, int)) and len(str(date)) < 10:
        doc = Document(article["path"], article["text"], None, meta={"date": str(date)},
                       period=parse_when(str(date)).period)
    else:
        doc = Document(article["path"], article["text"], _date(date))
    facts = article.get("facts", {})
    located = []
    for claim in extract(doc.text):
        line, col = doc.locate(claim.start)
        located.append(Located(doc.path, line, col, claim, doc.date, facts.get(claim.text)))
    for text in facts:
        assert any(loc.claim.text == text for loc in located), (text, [c.claim.text for c in located])
    return mentions(doc, located)


def _run(case, rules):
    ms = [m for a in case["articles"] for m in _doc_mentions(a)]
    facts = {f.id: f for f in rules.facts} if rules else None
    return cross_findings(ms, facts, window_days=case.get("window", 2.0))


def _pins(want: dict, f) -> bool:
    for key, value in want.items():
        if key == "message_has":
            ok = value in f.message
        elif key == "related":
            ok = sorted(r.path for r in f.related) == sorted(value)
        elif key == "severity":
            ok = str(f.severity) == value
        else:
            ok = getattr(f, key) == value
        if not ok:
            return False
    return True


@pytest.mark.parametrize("case, rules", _cases())
def test_case(case, rules):
    findings = _run(case, rules)
    remaining = list(findings)
    for want in case["findings"]:
        hit = next((f for f in remaining if _pins(want, f)), None)
        assert hit is not None, f"missing {want}; got {[f.as_dict() for f in findings]}"
        remaining.remove(hit)
    assert not remaining, f"unexpected {[f.message for f in remaining]}"
    for f in findings:
        assert f.kind == "cross-article"
        assert (f.fact is None) != (f.key is None)


@pytest.mark.parametrize("case, rules", _cases())
def test_order_of_input_does_not_matter(case, rules):
    ms = [m for a in case["articles"] for m in _doc_mentions(a)]
    facts = {f.id: f for f in rules.facts} if rules else None
    window = case.get("window", 2.0)
    expected = cross_findings(ms, facts, window_days=window)
    shuffled = list(ms)
    random.Random(7).shuffle(shuffled)
    assert cross_findings(shuffled, facts, window_days=window) == expected


@pytest.mark.parametrize("word, want", [
    ("hostages", "hostag"), ("Hostage", "hostag"), ("injuries", "injury"), ("stabbed", "stab"),
    ("killing", "kill"), ("cases", "case"), ("indexes", "index"), ("status", "status"), ("crisis", "crisis"),
    ("officials", "official"), ("children", "child"), ("police's", "polic"), ("released", "releas"),
    ("release", "releas"),
])
def test_lemma(word, want):
    assert lemma(word) == want


@pytest.mark.parametrize("words, concept", [
    (["killed", "dead", "died", "deaths", "toll", "fatalities"], "kill"),
    (["hostages", "captives", "captive"], "captive"),
    (["freed", "released", "release"], "release"),
    (["injured", "wounded", "hurt", "injuries"], "injure"),
    (["people", "persons", "victims"], "person"),
])
def test_synonyms_fold_together(words, concept):
    assert {fold(w) for w in words} == {concept}


def _one(text: str, number: str, date: dt.date | None = None, fact: str | None = None) -> Mention:
    doc = Document("x.md", text, date)
    claim = next(c for c in extract(text) if number in c.text)
    line, col = doc.locate(claim.start)
    return mention(text, Located("x.md", line, col, claim, date, fact))


@pytest.mark.parametrize("text, number, noun, predicate, role", [
    ("Officials said 58 hostages remain in the tunnels.", "58", "captive", "remain", ""),
    ("At least 17 people were killed in the strike.", "At least 17", "person", "kill", ""),
    ("The death toll rose to 17 on Monday.", "17", "", "kill", ""),
    ("The driver, Tomas Brenner, 49, was arrested.", "49", "age:brenner", "", "age"),
    ("The 49-year-old Tomas Brenner was arrested.", "49", "age:brenner", "", "age"),
    ("The assembly voted 59 to 41 on Friday.", "59", "vote", "vote", ""),
])
def test_mention_fields(text, number, noun, predicate, role):
    m = _one(text, number)
    assert (m.noun, m.predicate, m.role) == (noun, predicate, role)


def test_a_forecast_is_no_mention():
    assert _one("The toll could reach 200 by the weekend.", "200") is None


@pytest.mark.parametrize("first, second, same", [
    ("The bakery marked its 25-year company history.", "The baker ended his 30-year career.", False),
    ("The baker ended his 30-year career at the bakery.", "The bakery baker retired after a 28-year career.", True),
    ("Police said 15 people were killed in the market collapse.",
     "The market collapse killed 17 people, police said.", True),
    ("Police said 15 people were killed in the market collapse.",
     "Police said 15 people were injured in the market collapse.", False),
    ("Shelling killed 12 people on Monday alone in the town.", "Shelling killed 20 people this week in the town.", False),
    ("Police said 15 people were killed in the market collapse.",
     "Police said 40 people were killed in the market collapse.", False),
])
def test_same_quantity(first, second, same):
    a, b = _one(first, _digits(first)), _one(second, _digits(second))
    a = dataclasses.replace(a, located=dataclasses.replace(a.located, path="a.md"))
    assert (similarity.score(a, b) is not None) == same


def _digits(text: str) -> str:
    import re
    return re.search(r"\d+", text).group()


def test_vote_sides_differ():
    text = "The assembly voted 59 to 41 on Friday."
    assert (_one(text, "59").side, _one(text, "41").side) == ("a", "b")


def test_row_round_trip():
    m = _one("At least 17 people were killed in the strike on the school.", "At least 17",
             dt.date(2030, 1, 2), "strike-dead")
    row = m.as_row()
    assert all(v is None or isinstance(v, (str, int, float)) for v in row.values())
    assert Mention.from_row(row) == m
    assert Mention.from_row(dict(row)).as_row() == row


def test_candidate_terms():
    fact = _one("At least 17 people were killed in the strike.", "At least 17", fact="strike-dead")
    assert candidate_terms(fact) == ["fact:strike-dead"]
    free = _one("At least 17 people were killed in the strike.", "At least 17")
    assert candidate_terms(free) == ["|||p:kill"]
    percent = _one("In the vote 52% of voters backed the dam.", "52")
    count = _one("In the vote 52 voters backed the dam.", "52")
    assert candidate_terms(percent) != candidate_terms(count)
    assert candidate_terms(_one("The driver, Tomas Brenner, 49, was arrested.", "49"))[0].endswith("|age||n:age:brenner")


def _synthetic(n_docs: int, per_doc: int) -> list[Mention]:
    rng = random.Random(3)
    ms = []
    for d in range(n_docs):
        for k in range(per_doc):
            value = float(rng.randint(10, 5000))
            claim = Claim(value, value, value, "exact", None, 0, 2, str(int(value)))
            loc = Located(f"d{d:05}.md", k + 1, 1, claim, dt.date(2030, 1, 1 + d % 28), None)
            ms.append(Mention(loc, "people killed", frozenset({"kill", "person", "bridge", f"w{k}"}),
                              Frame("person", "people", predicate="kill", predicate_words="killed")))
    return ms


def test_work_is_bounded_not_all_pairs(monkeypatch):
    calls = []
    real = similarity.affinity
    monkeypatch.setattr(similarity, "affinity", lambda a, b, r=None: calls.append(1) or real(a, b, r))
    ms = _synthetic(2000, 2)
    cross_findings(ms, None, window_days=400)
    n = len(ms)
    assert n * 2 <= len(calls) <= n * consistency.FREE_CANDIDATES


def test_fact_findings_use_the_fact_severity_only_with_a_majority():
    rules = load_rules_text(
        "facts:\n  - id: f\n    label: F\n    value: 10\n    severity: error\n    match:\n      any: [x]\n", "r.yaml")
    facts = {f.id: f for f in rules.facts}

    def loc(path, value):
        c = Claim(value, value, value, "exact", None, 0, 2, str(int(value)))
        return Mention(Located(path, 1, 1, c, None, "f"), "", frozenset(), Frame())

    out = cross_findings([loc("a", 10), loc("b", 10), loc("c", 12)], facts)
    assert [(f.path, f.severity, f.agree) for f in out] == [("c", Severity.ERROR, 2)]
    out = cross_findings([loc("a", 10), loc("c", 12)], facts)
    assert [(f.path, f.severity) for f in out] == [("a", Severity.WARNING), ("c", Severity.WARNING)]
    assert cross_findings([loc("a", 10), dataclasses.replace(loc("c", 12), forecast=True)], facts) == []
