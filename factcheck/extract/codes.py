"""Digits that are codes, not figures: telephone numbers and ISO dates, lens apertures, chains
of figures joined by " / " or " . ", URLs and e-mail addresses, references.

The digit scanner (``claims``) asks these rules before it reads a core; a code is skipped as a
whole, so none of its digit groups is read as a number.  A telephone number is the scanner's
own ``PHONE`` pattern, matched where every digit run starts, so it is declared here and
matched there.
"""
from __future__ import annotations

from factcheck.extract import lazy_re as re

from factcheck.extract.core import Core
from factcheck.extract.number_cores import DOT_CHAIN, SLASH_CHAIN
from factcheck.extract.policy import declare, rule
from factcheck.extract.references import Spans, inside

#: A lens aperture ("f/2.8", "f / 4 - 5 . 6"): a specification, no claim.
_APERTURE_BEFORE = re.compile(r"(?<![A-Za-z])[fF] ?/ ?(?:\d+(?: ?\. ?\d+)? ?[-–] ?)?\Z")
_APERTURE = re.compile(r"\d+(?: ?\. ?\d+)?(?: ?[-–] ?\d+(?: ?\. ?\d+)?)?")


PHONE_NUMBER = declare("not-claim.phone-number", 'A telephone number, an ISO date or another code of digit groups '
                       '("555-123-4567", "+44 20 7946 0958", "2019-03-04").', __name__)


@rule("not-claim.dash-after-dropped")
def dash_after_dropped(text: str, start: int, taken: list[Core]) -> bool:
    """A figure after "digits-" whose first figure was no claim is none either ("2019-20": a season)."""
    return start > 1 and text[start - 1] in "-–" and text[start - 2].isdigit() and not (taken and taken[-1].end == start - 1)


@rule("not-claim.aperture")
def aperture(text: str, start: int) -> int:
    """A lens aperture is a specification, not a figure ("f / 4", "f / 4 - 5 . 6")."""
    if start > 2 and text[start - 1] == " " and text[start - 2] in "/-–" and \
            _APERTURE_BEFORE.search(text, max(0, start - 14), start):
        return _APERTURE.match(text, start).end()
    return 0


@rule("not-claim.slash-chain")
def slash_chain(text: str, end: int) -> int:
    """What follows " / " after a figure is no figure of its own ("24 / 7", "12 / 25 / 2019")."""
    found = SLASH_CHAIN.match(text, end) if text[end + 1:end + 2] == "/" else None
    return found.end() if found else 0


@rule("not-claim.dotted-chain")
def dotted_chain(text: str, end: int) -> int:
    """Figures joined by " . " are a version, an address or a date, tokenized ("4 . 2 . 1")."""
    found = DOT_CHAIN.match(text, end) if text[end + 1:end + 2] == "." else None
    return found.end() if found else 0


def url_spans(text: str) -> Spans | None:
    """Starts and ends of the blank-delimited tokens holding "://", "www." or "@" (URLs, e-mails), or None."""
    if "://" not in text and "www." not in text and "@" not in text:
        return None
    starts: list[int] = []
    ends: list[int] = []
    marks = []
    for mark in ("://", "www.", "@"):
        found = text.find(mark)
        while found >= 0:
            marks.append(found)
            found = text.find(mark, found + 1)
    for found in sorted(marks):
        if ends and found < ends[-1]:
            continue
        low = ends[-1] if ends else 0
        starts.append(max(text.rfind(" ", low, found), text.rfind("\n", low, found), low - 1) + 1)
        blank = text.find(" ", found)
        ends.append(blank if blank >= 0 else len(text))
    return starts, ends


@rule("not-claim.url")
def in_url(urls: Spans | None, start: int) -> bool:
    """Digits inside a URL or an e-mail address are part of it ("www.example.com/2019/05", "jo99@example.com")."""
    return urls is not None and inside(urls, start)


@rule("not-claim.reference")
def in_reference(references: Spans | None, start: int) -> bool:
    """Digits inside a DOI, a citation, a reference mark or a record id are no claims ("doi: 10.1016/…", "[12]")."""
    return references is not None and inside(references, start)


__all__ = ["PHONE_NUMBER", "aperture", "dash_after_dropped", "dotted_chain", "in_reference", "in_url", "slash_chain",
           "url_spans"]
