"""Where a number stands in its clause: one of coordinated parts, a count of what a vehicle
carried, or the subject of a past verb after a phrase.

"Four soldiers and six gunmen died" gives two parts of one toll; "47 passengers and a
driver" gives the passengers as some of those aboard; "168 passengers and six crew on
board" counts what the plane carried; "22 cars of the freight train derailed" has
"derailed" as its verb, while in "the 40 people in the village evacuated by the army"
"evacuated" only describes them.  A share of voters who voted, with no side named, is the
turnout.
"""
from __future__ import annotations

from typing import Sequence

from factcheck.frames import grammar as G
from factcheck.frames.phrases import (DETERMINERS, PREPOSITIONS, STATE_CONCEPTS, STATES, clause_end, clause_start,
                                     concept, is_number)
from factcheck.frames.vocabulary import PREDICATES, is_word

#: Who works aboard a vehicle: the passengers named beside them are some of those aboard.
CREW = frozenset("driver drivers crew crewmen pilot pilots captain".split())


def is_part(words: Sequence[str], i0: int, j: int, end: int, lo: int) -> bool:
    """Whether the number is one of coordinated counts that share one verb ("four soldiers and
    six gunmen died", "killing two soldiers and three civilians"): both numbers stand on the
    same side of that verb, with no verb of their own between them."""
    if not (j < end and words[j].lower() in G.CONJUNCTIONS) \
            and G.CONJUNCTIONS.isdisjoint(map(str.lower, words[max(lo, i0 - 6):i0])):
        return False  # no conjunction after the noun nor before the number: nothing to be a part of

    def verb_between(a: int, b: int) -> bool:  # "killing seven, injuring 54 and damaging 1,200 homes": own verbs
        return any(G.is_verb(w) or w.endswith("ing") and len(w) > 5 and w.islower() for w in words[a:b])

    def position(k_start: int, k_end: int) -> str:
        after = next((x for x in range(k_end, clause_end(words, k_end)) if G.is_verb(words[x])), None)
        before = next((x for x in range(k_start - 1, clause_start(words, k_start) - 1, -1)
                       if G.is_verb(words[x])), None)
        return "subject" if after is not None and (before is None or after - k_end < k_start - before) \
            else "object" if before is not None else ""

    if j < end and words[j].lower() in G.CONJUNCTIONS:
        if any(w.lower() in CREW for w in words[j + 1:min(end, j + 4)]):
            return True  # "47 passengers and a driver": the passengers are some of those aboard
        other = next((k for k in range(j + 1, min(end, j + 6)) if is_number(words[k])), None)
        if other is not None and not verb_between(j, other) and position(other, other + 1) == (mine := position(i0, j)):
            return bool(mine)
    for k in range(i0 - 1, max(lo, i0 - 6) - 1, -1):
        if words[k].lower() in G.CONJUNCTIONS:
            other = next((x for x in range(k - 1, max(lo, k - 6) - 1, -1) if is_number(words[x])), None)
            if other is not None and not verb_between(other + 1, i0) and position(other, other + 1) == (mine := position(i0, j)):
                return bool(mine)
            break
        if G.is_verb(words[k]):
            break
    return False


def aboard(words: Sequence[str], i0: int, j: int, end: int, subject: str) -> bool:
    """Whether a count of people is of those a vehicle carried: "on board" or "aboard" in its
    clause after it ("168 passengers and six crew on board"), or passengers a vehicle is "with"."""
    after = [w.lower() for w in words[j:end]]
    return "aboard" in after or "board" in after and any(a == "on" and b == "board" for a, b in zip(after, after[1:])) \
        or subject == "passenger" and i0 > 0 and words[i0 - 1].lower() == "with"


def past_after_phrase(words: Sequence[str], x: int, end: int) -> bool:
    """Whether an "-ed" form right after the noun of a phrase that follows the counted noun is
    the clause's main verb in the past ("cars of the train derailed"), not a participle
    ("people in the village evacuated by the army")."""
    prev = words[x - 1].lower()
    return G.is_participle(words[x]) and G.is_finite(words[x]) and is_word(prev) and prev not in G.AUX \
        and prev not in PREPOSITIONS and prev not in DETERMINERS and (x + 1 >= end or words[x + 1].lower() != "by")


_RELATIVE_ENDS = frozenset("when after before because as while since if where who which that whose whom until and or "
                           "but".split())


def verb_past_relative(words: Sequence[str], i0: int, i1: int, k: int, end: int, counted: bool) -> int | None:
    """The index of the main verb past a relative clause ("who", "that") at ``words[k]``,
    right after the figure ``words[i0:i1]`` and its counted noun (``counted``) or its "of"
    phrase ("three of the nine climbers who …"); None when there is none or the figure
    counts a ``known_group``."""
    if k >= end or words[k].lower() not in ("who", "that") or not (counted or words[i1:i1 + 1] == ["of"]) \
            or known_group(words, i0):
        return None
    return after_relative(words, k + 1, end)


def after_relative(words: Sequence[str], x: int, end: int) -> int | None:
    """The index of the main verb after a relative clause that opens at ``words[x]`` (right
    after "who" or "that"): "46 people who attended the festival | fell ill", "12 workers who
    were at the site | were hurt"; None when the clause has no verb of its own first (the
    object relative "that the storm destroyed") or runs to the end of the counted clause."""
    k = x
    while k < end and (words[k].lower() in G.AUX or words[k].lower() in G.ADVERBS):
        k += 1
    if k < end and G.is_verb(words[k]) and words[k].lower() not in G.AUX:
        k += 1
    elif k == x:
        return None
    for y in range(k, end):
        low, prev = words[y].lower(), words[y - 1].lower()
        if low in _RELATIVE_ENDS:
            return None
        if G.is_finite(words[y]) and prev not in PREPOSITIONS and prev not in DETERMINERS and not is_number(prev):
            return y
    return None


def known_group(words: Sequence[str], i0: int) -> bool:
    """Whether the figure at ``words[i0]`` counts a group the reader already knows: the whole
    after "of" ("two of the four inmates who escaped") or a definite one ("the 120,000 people
    who had been ordered to evacuate have been told to return"). A relative clause then says
    what it counts, and the main verb what became of the group (or of the part)."""
    before = words[i0 - 1].lower() if i0 >= 1 else ""
    return before in ("of", "the") or i0 >= 2 and words[i0 - 2].lower() == "of" \
        and before in ("these", "those", "its", "their")


def asides(words: Sequence[str]) -> list[tuple[int, int]]:
    """The spans of the comma-delimited asides that add a fact about a noun: a relative clause
    (", which opened in 1974,") or a participle phrase (", founded in 1998,"); a year there
    dates that fact, not the figures of the clause around it."""
    commas = [k for k, w in enumerate(words) if w == "," and not (
        0 < k < len(words) - 1 and words[k - 1][-1:].isdigit() and words[k + 1][:1].isdigit())]
    out = []
    for a, b in zip(commas, commas[1:]):
        first = words[a + 1] if a + 1 < b else ""
        if first.lower() in ("which", "who", "whose") or G.is_participle(first) and first[:1].islower():
            out.append((a + 1, b))
    return out


#: Voters, and the verb phrases that say they voted: a head word and the words that follow it.
_VOTERS = frozenset("voter elector electorate".split())
_VOTED = frozenset(("voted", "vote", "participated", "cast a ballot", "cast ballots", "cast their ballots",
                    "cast votes", "turned out", "went to the polls", "took part"))
_VOTED_HEADS = frozenset(p.split()[0] for p in _VOTED)
#: Words that name a side after a vote ("voted for", "voted to strike", "in favour"): a vote share.
_SIDES = frozenset("for against favour favor to yes no remain leave".split())


def is_turnout(words: Sequence[str], j: int, end: int, subject: str) -> bool:
    """Whether a share of ``subject`` (voters) followed by its verb at ``words[j:]`` is a
    turnout: "38% of eligible voters cast a ballot", "31% of voters went to the polls",
    "45 percent turned out"; not a vote share ("52% of voters voted for the plan")."""
    if subject not in _VOTERS:
        return False
    v = next((k for k in range(j, min(end, j + 4)) if words[k].lower() in _VOTED_HEADS), None)
    if v is None:
        return False
    for n in (4, 3, 2, 1):
        if " ".join(words[v:v + n]).lower() in _VOTED and v + n <= end:
            return not any(x.lower() in _SIDES for x in words[v + n:min(end, v + n + 4)])
    return False



#: Words that open an aside listing part of a group ("120 personnel, including two officers, …").
_INCLUDING = frozenset("including among".split())


def inclusion_end(words: Sequence[str], k: int) -> int:
    """Where the clause goes on after a comma aside at ``words[k]`` that lists part of the group
    before it (", including two officers,"), when a verb follows the aside; 0 otherwise."""
    if k + 2 >= len(words) or words[k] != "," or words[k + 1].lower() not in _INCLUDING:
        return 0
    close = next((x for x in range(k + 2, min(len(words), k + 14)) if words[x] in ",;.:"), 0)
    return close + 1 if close and words[close] == "," and close + 1 < len(words) \
        and G.is_finite(words[close + 1]) else 0


#: Verbs that make someone leave: "forcing residents of 1,510 properties to flee" evacuates them.
_MAKING = frozenset("forcing forced prompting prompted ordering ordered telling told".split())
_FLEE = frozenset("flee leave evacuate".split())
#: Verbs after which a state of the counted people is what happened to them ("left 16 hurt").
_RESULT = frozenset({"leave"})
#: What a predicate of jobs means: "240 jobs will go", "300 jobs will be lost" are jobs cut.
_JOBS_GONE = frozenset({"go", "lose"})


def settled_predicate(words: Sequence[str], i0: int, lo: int, j: int, end: int, subject: str,
                      predicate: str, predicate_words: str, also: str) -> tuple[str, str, str]:
    """The predicate (concept, words) and the describing participle of the claim at ``words[i0]``
    (its noun ending before ``j``), once the clause's verb is read: the event a noun before
    "of" names ("ordered the evacuation of 300 homes"), "forced residents of 1,510 properties to
    flee", the state after "left" ("left 16 employees hurt"), jobs that go, are lost or are at
    risk."""
    noun = words[i0 - 1].lower() == "of" and i0 >= 2 and words[i0 - 2][:1].islower() and not G.is_verb(words[i0 - 2])
    event = concept(words[i0 - 2]) if noun else ""
    if event in PREDICATES and event != "captive" and predicate not in STATES:
        return event, words[i0 - 2], also
    if j + 1 < end and words[j].lower() == "to" and words[j + 1].lower() in _FLEE \
            and any(w.lower() in _MAKING for w in words[lo:i0]):
        return "evacuate", f"to {words[j + 1]}", also
    if predicate in _RESULT and also in STATE_CONCEPTS | {"miss"}:
        return also, f"{predicate_words} {words[j] if j < end else ''}".strip(), ""
    if subject == "job" and (predicate in _JOBS_GONE or not predicate and "risk" in (w.lower() for w in words[j:j + 4])):
        return "cut", predicate_words or "at risk", also  # "240 jobs will go", "362 posts are at risk"
    return predicate, predicate_words, also


#: Nouns joined to a count by a hyphen that make it what the next noun holds ("a 500-bed hospital").
_HOLDS = frozenset("capacity seat seater bed room berth".split())


def capacity_of(text: str, claim_end: int, noun_words: Sequence[str]) -> str:
    """The concept of what a count joined by a hyphen to a word of capacity measures ("the
    35,000-capacity Lake Victoria Stadium", "the 25,000-seat stadium"): the last noun; "" for none."""
    if len(noun_words) < 2 or text[claim_end:claim_end + 1] != "-" or noun_words[0].lower() not in _HOLDS:
        return ""
    return concept(noun_words[-1].lower())

__all__ = ["CREW", "aboard", "after_relative", "asides", "capacity_of", "inclusion_end", "is_part", "is_turnout", "known_group",
           "past_after_phrase", "settled_predicate", "verb_past_relative"]
