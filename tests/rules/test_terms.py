"""Match terms: any term matches in time linear in the text, and as the plain translation
(``*`` → ``\\w*``) of the first version did, span for span (tests/cases/rules/terms.yaml has
the cases of what each term hits and misses)."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from factcheck.rules.loading import load_rules
from factcheck.rules.model import compile_term


def _plain(text: str) -> re.Pattern:
    """The first version's translation: backtracking, exponential in the stars of a word."""
    def word(w: str) -> str:
        return "".join(r"\w*" if ch == "*" else "['’]" if ch in "'’" else re.escape(ch) for ch in w)
    alts = [r"\s+".join(word(w) for w in alt.split()) for alt in text.split("|")]
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)


def _spans(pattern: re.Pattern, text: str, pos: int = 0, end: int | None = None) -> list:
    return [m.span() for m in pattern.finditer(text, pos, len(text) if end is None else end)]


def test_terms_with_at_most_one_star_a_word_compile_as_before():
    terms = [t.text for path in sorted((ROOT / "rules").glob("*.yaml")) for f in load_rules([str(path)]).facts
             for kind in ("all", "any", "none") for t in getattr(f.match, kind)]
    terms += ["hostage", "abduct*", "captive|hostage|seized", "Prime Minister's Office", "U.S.", "per cent|%",
              "*hostage", "a*-*b"]
    assert terms and all(compile_term(t).pattern == _plain(t).pattern for t in terms)


_WORD = st.text(alphabet="ab*'.-2é", min_size=1, max_size=6).filter(lambda w: set(w) != {"*"})
_TERM = st.lists(st.lists(_WORD, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=3).map("|".join)
_TEXT = st.text(alphabet="abAB*'’.-2²é\u0301 \n_x", max_size=40)


@settings(max_examples=400, deadline=None)
@given(term=_TERM, text=_TEXT, pos=st.integers(0, 5), cut=st.integers(0, 5))
def test_every_term_matches_the_same_spans_as_the_plain_translation(term, text, pos, cut):
    assert _spans(compile_term(term), text) == _spans(_plain(term), text)
    end = max(pos, len(text) - cut)
    assert _spans(compile_term(term), text, pos, end) == _spans(_plain(term), text, pos, end)


@pytest.mark.parametrize("term", ["*a*a*a*a*a*a*a*a*a*a*a*a*b", "*a*b*a*b*a*b*a*b*a*b*a*b*c|*e*e*e*e*e*e*e*f",
                                  "x *a*a*a*a*a*a*a*a*b *a*a*a*a*a*a*a*a*b"])
def test_pathological_terms_return(term):
    """Matching in a child process, so that a regression fails the test instead of hanging the suite."""
    code = (f"from factcheck.rules.model import compile_term\n"
            f"p = compile_term({term!r})\n"
            f"text = ' '.join(['a' * 32, 'e' * 200, 'x', 'a' * 5000, 'ab' * 2000 + 'a'] * 20)\n"
            f"print(len(p.findall(text)))\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == "0", proc.stderr[-2000:]
