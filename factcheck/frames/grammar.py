"""The few facts about English a frame needs: verb forms, auxiliaries, dates and events.

A shallow reading, not a parser: a word is a verb when it is an auxiliary, one of the
predicate verbs news counts with (``remain``, ``kill``, ``free``), a known irregular form, or
a regular past form ("-ed").  Each answer is cached per distinct word.
"""
from __future__ import annotations

import functools
import re

from factcheck.frames.vocabulary import fold, holds_any, lemma

BE = frozenset("is are was were be been being am 's 're".split())
HAVE = frozenset("has have had having 've".split())
PRESENT_AUX = frozenset("is are am has have 's 're 've".split())
MODAL = frozenset("will would could can may might should must shall".split())
AUX = BE | HAVE | MODAL | frozenset("do does did".split())
#: Words between an auxiliary and its predicate that do not change what is counted.
ADVERBS = frozenset("""still now also reportedly believed thought known said feared presumed confirmed
already yet not no longer only just all both each currently apparently allegedly officially then
since later earlier so far there being been to be at least widely understood""".split())
#: Present forms of the verbs news counts with (other verbs are found by their past forms).
PRESENT = frozenset("""remain remains stay stays live lives die dies hold holds include includes total totals
number numbers reach reaches face faces work works wait waits lack lacks need needs own owns come comes
return returns rise rises fall falls climb climbs stand stands top tops exceed exceeds account accounts
make makes attend attends go goes sit sits lie lies belong belongs represent represents""".split())
#: Irregular past forms and participles.
IRREGULAR = frozenset("""taken took held seen saw shot hit left fled found given gave brought caught bought sold lost
won built hurt put set cut struck stolen stole thrown driven flown known shown grown drawn sent spent kept
told said made paid run ran begun began born led fed met fought sought taught thought dug hung swept slain
sworn torn worn beaten bitten broken chosen fallen fell forgotten frozen hidden ridden risen rose spoken sunk
sank woken written gone went done did come came become became got gotten stood sat lay laid""".split())
#: Irregular past forms that are never participles ("came home" is no reduced relative).
PAST_ONLY = frozenset("took saw gave stole came went fell rose ran began sank became did got sat lay stood".split())
#: Words ending in "-ed" that are not verb forms.
NOT_VERBS = frozenset("hundred red bed seed need speed shed sacred naked wicked kindred bred deed feed weed reed breed".split())
#: Verbs of reporting and counting: they say who counted, not what was counted ("121 cases
#: were confirmed" counts cases, as "120 cases reported" does).
REPORTING = frozenset("""confirm confirmed confirms report reported reports record recorded records register
registered identify identified count counted counts tally tallied log logged document documented diagnose
diagnosed detect detected list listed put estimate estimated say said says tell told
announce announced believe believed think thought know known note noted notes""".split())
#: Adverbs that mark a figure as a state still holding ("still held", "remain").
STILL = frozenset("still remain remains remained remaining left yet".split())
#: Words that mark a running total, which may only grow.
RUNNING = frozenset("toll tolls tally tallies so-far total totals cumulative overall".split())
RUNNING_PHRASES = ("so far", "to date", "in total", "risen to", "rose to", "climbed to", "has reached",
                   "have reached", "jumped to", "at least")
#: Words that quote a figure in order to correct or deny it.
DISPUTE_BEFORE = frozenset("falsely wrongly incorrectly erroneously mistakenly claimed boasted alleged".split())
CORRECTION = re.compile(r"\b(?:in fact|actually|in reality|when really|rather than|not \S+ but|instead)\b", re.I)
#: Another source's figure set against this one in the same sentence ("…, but the authority put
#: the figure at 1,400"): the first figure is contested.
COUNTER = re.compile(r"^[^.;]{0,120}?(?:,\s*|\s)(?:but|while|whereas|however)\b[^.;]{0,80}?\b(?:put|puts|putting|placed|"
                     r"said|says|estimated|estimates|counted|reported|gave|gives)\b[^.;]{0,40}?\d", re.I)
#: The conjunctions every ``COUNTER`` match holds.
_COUNTER_WORDS = ("but", "while", "whereas", "however")


def countered(rest: str) -> bool:
    """Whether ``COUNTER`` matches ``rest`` (an ASCII text holding none of its conjunctions is not scanned)."""
    low = rest.lower()
    return (not rest.isascii() or holds_any(low, _COUNTER_WORDS)) and COUNTER.match(rest) is not None


#: Words that mark an earlier figure ("up from 12", "initially reported 40"); not after "was" or
#: "were": "the fire was first reported 30 km north of …" tells when an event was reported.
EARLIER = re.compile(r"\b(?:up|down) from\b|(?<!\bwas )(?<!\bwere )\b(?:initially|originally|previously|earlier|first) "
                     r"(?:reported|said|put|estimated|announced|given)\b|\brevised (?:down|up)?\s*from\b"
                     r"|\bearlier (?:reports?|estimates?|figures?)\b", re.I)
#: Named past events a figure may be anchored to.
EVENTS = frozenset("""attack attacks assault raid raids onslaught incursion massacre crackdown war uprising
revolution coup bombing bombings shooting shootings storm hurricane earthquake quake flood floods fire
blast explosion crash collapse outbreak epidemic pandemic election elections referendum strike riot riots
protest protests invasion siege battle""".split())
PHASE_NOUNS = frozenset("phase stage round leg tranche wave part".split())
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "one": 1, "two": 2,
            "three": 3, "four": 4, "five": 5, "six": 6, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6,
            "i": 1, "ii": 2, "iii": 3}
MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
CONJUNCTIONS = frozenset("and or plus".split())


@functools.lru_cache(maxsize=1 << 15)
def is_verb(word: str) -> bool:
    """Whether a word is a verb form worth reading as a clause's predicate."""
    if not word or word[:1].isupper() and word not in ("I",):
        return False
    w = word.lower()
    if w in AUX or w in PRESENT or w in IRREGULAR:
        return True
    if w.endswith("ed") and len(w) >= 4 and w not in NOT_VERBS:
        return True
    return w.endswith("ing") and len(w) > 5 and fold(w) != lemma(w)


def is_past_simple(verb_words: str) -> bool:
    """Whether a predicate's words are one verb in the simple past ("died", "fled"), no
    auxiliary before it: a narrative's next event."""
    parts = verb_words.split()
    w = parts[0] if len(parts) == 1 and not parts[0][:1].isupper() else ""
    return w in PAST_ONLY or w.endswith("ed") and w not in NOT_VERBS


@functools.lru_cache(maxsize=1 << 15)
def is_participle(word: str) -> bool:
    """A past participle ("taken", "abducted") that may open a reduced relative clause."""
    w = word.lower()
    if word[:1].isupper() or w in AUX or w in PRESENT:
        return False
    return (w.endswith("ed") and len(w) >= 4 and w not in NOT_VERBS) or (w in IRREGULAR and w not in PAST_ONLY)


@functools.lru_cache(maxsize=1 << 15)
def is_finite(word: str) -> bool:
    """A verb that can head a clause after its subject: an auxiliary or a present or past form."""
    w = word.lower()
    return w in AUX or w in PRESENT or (is_verb(word) and not w.endswith("ing"))


@functools.lru_cache(maxsize=1 << 12)
def month(word: str) -> int:
    """The month a word names (``Oct.``, ``October``), or 0."""
    w = word.lower().rstrip(".")
    if len(w) < 3:
        return 0
    m = MONTHS.get(w[:3], 0)
    full = ("january february march april may june july august september october november december "
            "sept").split()
    return m if m and (len(w) == 3 or w in full or w == "sept") else 0


#: Words that make a figure a record: a year after "since" then dates the record it is
#: measured against ("the strongest gust since 2014"), not the figure.
SUPERLATIVES = frozenset("""strongest highest lowest largest biggest smallest worst best most least deadliest
heaviest hottest coldest warmest wettest driest fastest slowest longest shortest first record""".split())


def since_record(words, k: int) -> bool:
    """Whether the year at ``words[k]`` follows "since" after a superlative ("the highest level
    since 2008"), so names the record it is compared with, not the figure's own time."""
    return k >= 2 and words[k - 1].lower() == "since" and any(
        w.lower() in SUPERLATIVES for w in words[max(0, k - 8):k - 1])


__all__ = ["ADVERBS", "AUX", "BE", "PRESENT_AUX", "CONJUNCTIONS", "CORRECTION", "DISPUTE_BEFORE", "EARLIER", "EVENTS",
           "COUNTER", "countered", "HAVE", "MODAL", "ORDINALS", "PHASE_NOUNS", "REPORTING", "RUNNING", "RUNNING_PHRASES", "STILL",
           "SUPERLATIVES", "is_finite", "is_past_simple",
           "is_participle", "is_verb", "month", "since_record"]
