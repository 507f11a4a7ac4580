"""Ranges: "30-40", "30 to 40", "between 30 and 40" and "two or three" become one claim; units spread leftwards."""
from __future__ import annotations

from factcheck.extract import lazy_re as re
from factcheck.extract.core import Core
from factcheck.extract.lexicon import pattern, words
from factcheck.extract.policy import Decision, record, rule
from factcheck.extract.counted_nouns import noun
from factcheck.extract.number_words import prev_word

_CHANGE = words("change_verbs")


def _spread(a: Core, b: Core, b_low: float) -> None:
    """A unit or scale written only after the second figure applies to the first ("3 to 5
    million", "from 2.4 to 3.1 million", "5 to 7 per cent")."""
    if b.kind == "fraction" or not (a.kind == b.kind or a.unit is None and a.kind == "count"):
        return
    if a.scale == 1.0 and b.scale > 1.0 and (a.value * b.scale <= b_low and a.step >= 1 or
                                             a.step < 1 and 0 < a.value < 1000):
        a.value *= b.scale
        a.step *= b.scale
        a.scale = b.scale
    if a.unit is None and b.unit is not None:
        a.unit, a.kind = b.unit, b.kind


_BETWEEN = re.compile(r"between(?:[ \t]+the[ \t]+ages?[ \t]+of)?[ \t]*", re.IGNORECASE)
#: Durations in days, to join a range whose ends differ in unit.
_IN_DAYS = {"day": 1.0, "week": 7.0, "month": 365.25 / 12, "year": 365.25, "decade": 3652.5}

#: "is from 200 to 300", "ages range from 18 to 65": after a copula or a verb of extent, "from … to" is a range.
_RANGE_FROM = re.compile(r"(?<![A-Za-z])" + pattern("range_verbs") + r"(?:[ \t]+in[ \t]+(?:age|size|length|price))?[ \t]+from[ \t]+\Z",
                         re.IGNORECASE)
_OVER = re.compile(r"[ \t]+over[ \t]+\Z", re.IGNORECASE)


def quotients(text: str, nums: list[Core]) -> list[Core]:
    """``one over three``, ``2000 over 3``: a bare number "over" a bare number is their quotient.

    The second number has read "over" as its qualifier ("over 3" = more than 3); when a bare
    number stands right before it and neither counts anything, "over" is a division.  A
    quotient below one is a fraction in percent, as "one in three" is.
    """
    out: list[Core] = []
    for b in nums:
        a = out[-1] if out else None
        if a is None or b.q != "more-than" or a.q != "exact" or a.kind != "count" or b.kind != "count" \
                or a.vague is not None or b.vague is not None or b.value <= 0 or a.scale != 1.0 \
                or not _OVER.match(text, a.end, b.start + 5) or noun(text, b) or text[b.start:b.start + 4].lower() != "over":
            out.append(b)
            continue
        q = Core(a.start, b.end, a.value / b.value, words=a.words or b.words)
        q.rule = a.rule or b.rule
        if abs(a.value) < b.value:
            q.value, q.unit, q.kind = q.value * 100, "percent", "fraction"
        out[-1] = q
    return out


def _range_to_range(text: str, out: list[Core]) -> None:
    """``from 5 to 7 per cent to 3 to 5 per cent``: the unit written after each second figure
    pairs the figures, so a bare figure "to" a figure with its unit, "to" a range, is a range too."""
    if len(out) < 3:
        return
    a, b, r = out[-3:]
    if a.q == b.q == "exact" and a.vague is None and a.end == a.cend and b.end > b.cend and a.kind == b.kind \
            and a.unit == b.unit == r.unit and a.value < b.value and text[a.end:b.start].strip().lower() == "to":
        pair = Core(a.start, b.end, (a.value + b.value) / 2)
        pair.rule = a.rule or b.rule
        pair.unit, pair.kind, pair.q, pair.vague, pair.cend, pair.scale = b.unit, b.kind, "range", (a.value, b.value), b.end, b.scale
        out[-3:-1] = [pair]


_VOTE_BEFORE = re.compile(r"(?<![A-Za-z])" + pattern("vote_verbs") + r"(?![A-Za-z])(?:(?!(?<![A-Za-z])(?:from|to)[ \t])[^.;:!?\n\d]){0,50}\Z",
                          re.IGNORECASE)
_VOTE_AFTER = re.compile(r"[ \t]+" + pattern("vote_nouns") + r"(?![A-Za-z])", re.IGNORECASE)


@rule("not-claim.score")
def score(first: Core, second: Core, gap: str) -> bool:
    """Two small whole numbers joined by a bare dash, the second no larger, are a score ("won 2-1", "a 3-3 draw"), not a vote's tally ("passed 68-31", "a 5-4 ruling")."""
    return gap in ("-", "–") and first.kind == second.kind == "count" and first.step == second.step == 1 and \
        second.value <= first.value <= 200


def tally(text: str, start: int, end: int) -> bool:
    """Whether the two figures between ``start`` and ``end`` ("68-31", "59 to 41") are a vote
    tally, two counts of votes: after a verb of voting in their clause ("the House passed the
    plan 68-31", "voted 52-48", "by a vote of 59 to 41"; not "voted to raise it from 30 to 40")
    or before a noun of one ("on a 27-12 vote", "a 5-4 decision")."""
    return bool(_VOTE_AFTER.match(text, end) or _VOTE_BEFORE.search(text[max(0, start - 60):start]))


def ranges(text: str, nums: list[Core], trace: list[Decision] | None = None) -> list[Core]:
    """``30-40``, ``30 to 40``, ``between 30 and 40`` → one range; units and scales spread leftwards.

    ``from 30 to 40`` and ``rose 5% to 10%`` are two claims (a change), and ``2-1`` is a score
    (recorded in ``trace`` when one is given).
    """
    out: list[Core] = []
    drop: set[int] = set()
    for b in nums:
        a = out[-1] if out else None
        if a is None or b.start < a.end or b.start - a.end > 9 or a.vague is not None or b.vague is not None \
                or b.q != "exact":
            out.append(b)
            continue
        gap = text[a.end:b.start]
        g = gap.strip().lower()
        suspended = g[:1] in "-–" and g[1:].strip() in ("to", "or", "and") and b.unit is not None and b.end > b.cend
        if g == "to-" or suspended:
            g = g.strip("-– ")  # "200,000 to-260,000": a dash slipped; "a nine- to 33-year term": a suspended hyphen
            if g == "and":
                _spread(a, b, b.value)  # "two- and three-hour shifts": two figures, one unit
        if g not in ("-", "–", "—", "to", "and", "or", "through"):
            out.append(b)
            continue
        if a.kind == "age" and b.kind == "count" and b.unit is None and b.scale == 1.0 and b.vague is None:
            b.unit, b.kind = a.unit, a.kind  # "aged 5 to 11", "ages 12-15": the second figure is an age too
        elif a.kind == "currency" and a.scale in (1.0, b.scale) and b.kind == "count" and b.unit is None and b.vague is None \
                and not b.words and (g != "and" or a.q == "between") and (b.scale > 1.0 or b.value > a.value and
                                                                          not noun(text, b)):
            b.unit, b.kind = a.unit, a.kind  # "$5-10m", "€2 to 3bn", "£25k or 40k": the currency spreads rightwards
        spread = g in ("-", "–", "—", "to", "through", "or") or g == "and" and a.q == "between"
        if spread:
            _spread(a, b, b.value)
        between = a.q == "between"
        prev = prev_word(text, a.start)
        change = prev is not None and prev[0].lower() in _CHANGE and prev[1] == "" and \
            not _RANGE_FROM.search(text, max(0, a.start - 24), a.start)
        if score(a, b, gap):
            if not tally(text, a.start, b.end):
                drop.update((id(a), id(b)))
            out.append(b)
            continue
        alternative = g == "or" and not between and 0 < a.value < b.value <= 2 * a.value + 1  # "two or three"
        lo = a.value
        if a.unit != b.unit and a.unit in _IN_DAYS and b.unit in _IN_DAYS and not alternative:
            lo = a.value * _IN_DAYS[a.unit] / _IN_DAYS[b.unit]  # "between 6 weeks and 6 years", in years
        is_range = (g in ("-", "–", "—") or g == "to" and not change or g in ("and", "through") and between
                    or alternative) and (a.unit == b.unit or lo != a.value) and a.kind == b.kind and lo < b.value
        if g == "-" and gap != "-" and not between and a.unit is None:
            is_range = False
        if is_range:
            r = Core(a.start, b.end, (lo + b.value) / 2)
            r.rule = a.rule or b.rule  # the rule that took a part took the range (for the explain trace)
            r.unit, r.kind, r.q, r.vague, r.cend = b.unit, b.kind, "range", (lo, b.value), b.end
            r.scale = b.scale
            out[-1] = r
            p = out[-2] if len(out) > 1 else None
            if p is not None and p.q == "exact" and p.vague is None and text[p.end:r.start].strip().lower() == "to":
                _spread(p, r, a.value)  # "from 24.2 to 33-35 billion euros"
                _range_to_range(text, out)
            continue
        out.append(b)
    if drop:
        if trace is not None:
            for n in out:
                if id(n) in drop:
                    record(trace, text, n.start, n.end, score.rule_id)
        out = [n for n in out if id(n) not in drop]
    for n in out:
        if n.q == "between":
            n.q = "exact"
            n.start = _BETWEEN.match(text, n.start).end()
    return out


def conversions(text: str, nums: list[Core]) -> list[Core]:
    """``about 56 miles (90 kilometers)``, ``up to 12 meters (39 feet)``: a figure in brackets
    right after a qualified figure of the same kind converts it and asserts what it asserts.

    A qualifier that keeps its figure inside its interval (about, at least, up to) also
    governs a bare figure coordinated with it: "at least 101 children and 96 women",
    "within seven days or five business days".  Reading the second one as exact would be a
    narrower claim than the writer made.
    """
    for a, b in zip(nums, nums[1:]):
        if a.q in ("exact", "range") or b.q != "exact" or a.vague is not None or b.vague is not None:
            continue
        if a.kind == b.kind and a.kind in ("quantity", "currency") and a.unit and b.unit \
                and text[a.end:b.start].strip() == "(":
            b.q = a.q
        elif a.q in _WIDENING and _COORDINATED.fullmatch(text, a.end, b.start):
            b.q = a.q
    return nums


_WIDENING = frozenset(("approx", "at-least", "at-most"))
_COORDINATED = re.compile(r"(?:[ \t]+[a-z]+)?[ \t]+(?:and|or)[ \t]+")
