"""``Frame``: what a claim counts and when; and whether two frames may count the same thing.

A frame holds a claim's **subject** (the counted noun's concept, its words and restrictive
modifiers: "living hostages"), its **predicate** (the concept of its clause's main verb or
state; ``also`` the participle that describes the subject: "prisoners *released* in phase
one have returned"), its **anchor** (the past event it belongs to: ``d10-07``, ``y1982``,
``phase1``, ``e:crackdown``), whether it is **fixed** (a count of a past event), its
**trend** (-1 what remains, +1 a running total), its **voice** (``disputed`` for a figure
quoted to be corrected, ``earlier`` for an earlier figure) and whether it is a **part** of
coordinated counts.  ``modifier`` is the character span of the words that describe the
subject without being its predicate ("taken on October 7" in "59 hostages taken on October
7 remain"): a rule's ``none`` terms do not look there.  ``borrowed`` marks a subject taken
from an antecedent ("34 of them").
"""
from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.builders import builder
from factcheck.frames.phrases import STATES

#: Nouns that stand for people in some role, each comparable with a generic "people".
ROLES = frozenset({"captive", "prisoner", "victim", "evacuee", "refugee", "casualty", "passenger", "patient",
                   "resident", "participant"})
GENERIC = frozenset({"person"})
#: The first letters of the anchors that name a past event's time: a day (``d02-06``), a
#: month (``m2031-03``), a year (``y1998``) or a numbered phase (``phase1``); an event noun
#: (``e:crackdown``) names none.
TIMED = frozenset("dymp")
#: A modifier that splits nothing off: a count news gives plainly is its confirmed count
#: ("146 homes destroyed" and "have confirmed 146 homes destroyed"; "19 confirmed cases").
CONFIRMED = frozenset({"confirmed"})

@dataclass(frozen=True)
class Frame:
    """What a claim counts and when (see the module docstring)."""

    subject: str = ""
    subject_words: str = ""
    modifiers: frozenset[str] = frozenset()
    predicate: str = ""
    predicate_words: str = ""
    also: str = ""
    anchor: frozenset[str] = frozenset()
    trend: int = 0
    fixed: bool = False
    voice: str = ""
    part: bool = False
    needs_antecedent: bool = field(default=False, compare=False)
    borrowed: bool = field(default=False, compare=False)
    modifier: tuple[int, int] = field(default=(0, 0), compare=False)

    def label(self) -> str:
        """A readable name of the quantity: "hostages remain", "people killed" ("has sickened 12
        children" is "children sickened": a perfect's auxiliary reads wrong after its object)."""
        predicate = self.predicate_words
        head, _, rest = predicate.partition(" ")
        if head in _PERFECT and rest and rest.split()[0] not in ("been", "be"):
            predicate = rest
        return " ".join(w for w in (self.subject_words, predicate) if w) or self.subject


_PERFECT = frozenset(("has", "have", "had"))
#: A ``Frame`` made from all its fields, in order, without its ``__init__`` (``builders.builder``).
new_frame = builder(Frame)


def compatible(a: Frame, b: Frame) -> bool:
    """Whether two frames may count the same thing (subjects, modifiers, predicates, anchors, parts)."""
    if a.voice or b.voice:
        return False
    if a.part != b.part and not (a.subject and a.subject == b.subject and a.subject not in GENERIC):
        return False
    if a.subject and b.subject and a.subject != b.subject:
        pair = {a.subject, b.subject}
        if not (pair & GENERIC and (pair - GENERIC) <= ROLES | {s for s in pair if s.startswith("^")}):
            return False
        if "passenger" in pair and a.predicate == b.predicate == "carry":
            return False  # the people aboard are the passengers and the crew
    if a.part and a.subject != b.subject:
        return False
    ma, mb = a.modifiers - CONFIRMED, b.modifiers - CONFIRMED
    if ma != mb and (a.subject and b.subject or a.subject and ma or b.subject and mb):
        return False
    if a.predicate and b.predicate and a.predicate != b.predicate:
        if not ((a.also == b.predicate and a.predicate not in STATES and not b.also)
                or (b.also == a.predicate and b.predicate not in STATES and not a.also)):
            return False
    return not (a.fixed and b.fixed and _clash(a.anchor, b.anchor))


def _clash(x: frozenset[str], y: frozenset[str]) -> bool:
    """Whether two sets of anchors name different events: another date, year or phase."""
    for prefix in ("d", "m", "y", "phase"):
        xs = {a for a in x if a.startswith(prefix) and a[len(prefix):len(prefix) + 1].isdigit()}
        ys = {a for a in y if a.startswith(prefix) and a[len(prefix):len(prefix) + 1].isdigit()}
        if xs and ys and not xs & ys:
            return True
    return False


__all__ = ["Frame", "GENERIC", "ROLES", "STATES", "TIMED", "compatible"]
