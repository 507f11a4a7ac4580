"""A claim's frame: what it counts and when, read from its sentence.

Word keys around a number cannot tell who did what, when; a frame can.  ``read_frame`` reads
a claim's sentence shallowly, with the word facts of ``grammar``:

* **subject**: the counted noun; after "of" ("61 of the hostages", "34 of them"); from a
  fronted partitive ("Of the 251 people abducted, 58 are …"); or, for a bare number that
  opens a clause ("Fifty-eight are still in Gaza"), the antecedent the caller passes in;
* **predicate**: the main verb or state of the clause ("59 hostages taken on October 7
  *remain*"): a participle right after the noun opens a reduced relative and is only a
  modifier when a finite verb follows; a number in object position takes the verb before it;
* **anchor**: the past event the figure belongs to ("on 7 October", "in 2014", "in phase
  one", "the crackdown"); a count of an anchored past event is **fixed** and never evolves;
* **trend**: what remains can only shrink (-1), a running total only grow (+1);
* **voice**: the article's own figure, or one it quotes to correct ("disputed") or an
  earlier figure ("up from 12": "earlier");
* **part**: one of coordinated counts ("four soldiers and six gunmen") that add up to a whole.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from typing import Sequence

from factcheck.frames import grammar as G
from factcheck.frames.clauses import (aboard, capacity_of, inclusion_end, is_part, is_turnout, past_after_phrase,
                                     settled_predicate, verb_past_relative)
from factcheck.frames.levels import (COLLECTIVES, LEVEL_VERBS, came_in_at, change_of, copula_subject, counted_verb,
                                    is_period, level_after_to, owner_of, rate_named, subject_before)
from factcheck.frames.measures import MEASURE_LEVEL_VERBS, measured_noun
from factcheck.frames.model import TIMED, Frame, new_frame
from factcheck.frames.phrases import (NAMED_MONEY, PARTITIONS, PLAIN_MODIFIERS, PREPOSITIONS, PRONOUNS, QUALIFIERS,
                                     STATE_WORDS, STATES, clause_end, clause_start, concept, in_hospital,
                                     is_number, money_named, noun_phrase, predicate_after, predicate_before,
                                     stoppage_end, subject_of)
from factcheck.frames.vocabulary import PREDICATES, holds_any, is_word, is_year, lemma

NOW = re.compile(r"\b(?:today|yesterday|tonight|now|currently|this (?:week|month|year|morning|evening)|"
                  r"last (?:week|night|month|year)|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.I)
#: A piece of every ``NOW`` match: without one, a text cannot match.
_NOW_PIECES = ("day", "now", "tonight", "currently", "this ", "last ")


def says_now(text: str, pos: int = 0, endpos: int | None = None) -> bool:
    """Whether ``text[pos:endpos]`` names the present ("today", "this week", "on Monday")."""
    low = text[pos:endpos].casefold()
    return holds_any(low, _NOW_PIECES) and NOW.search(text, pos, len(text) if endpos is None else endpos) is not None


#: Where a death or an injury happened, which splits a toll ("two died at the scene, a third
#: in hospital").
#: Where a toll happened: a lower-case "hospital" (a capitalized one names a place: "the Hospital de Santo Ovidio").
_WHERE_HURT = re.compile(r"(?i:\b(?:at|on) the (?:scene|spot)\b|\bon arrival\b)|(?i:\b(?:in|at|to) (?:the )?)hospital\b")
#: Verbs after which "by N" is a margin ("won by 3,112 votes", "defeating Whitaker by 3,112 votes").
_WINNING = frozenset("win won winning defeat defeated defeating beat beating lead leads led leading trail trailed "
                     "trailing".split())
_SUBORDINATORS = frozenset("when after before because as while since if where who which that whose whom until".split())
#: Words that open an adverbial clause: where a place named after them is, the figure is not
#: ("rose to 21 after three passengers died in hospital").
_ADVERBIAL = _SUBORDINATORS - frozenset("where who which that whose whom".split())
#: Verbs of buying: the amount after "for" is what the deal is worth (a sale's price may differ from it).
_TRADING = frozenset("acquire acquired acquires acquiring buy buys bought buying purchase purchased purchases "
                     "purchasing".split())
#: Concepts whose nouns count events, not people ("31 deaths", "54 injuries", "12 arrests").
_DEED_NOUNS = frozenset({"kill", "injure", "arrest", "infect", "shoot", "stab"})
#: Concepts of deeds done with money: the noun of one before "of" names the deed, not a level.
_MONEY_DEEDS = frozenset({"take", "pay", "spend", "lose", "owe"})
#: Verbs that bring people out of danger: "pulled 41 people alive from the water" is a rescue.
_PULLED = frozenset("pulled plucked hauled dragged lifted brought carried".split())
_COMPOUND_HEADS = frozenset("police security fire rescue health aid border riot".split())
_SCENE_OPENERS = frozenset("in on during since between after before by until throughout".split())
_DEICTIC = re.compile(r"\b(?:that|the same|this) (?:period|time|phase|stage|round|span)\b|"
                      r"\bover (?:those|these|the) (?:weeks|days|months)\b|\bduring (?:it|that)\b", re.I)


def scene_of(words: Sequence[str], lo: int, hi: int) -> frozenset[str]:
    """The time a sentence sets for the ones after it: the anchors of a fronted time phrase
    ("In 1982, …", "During the siege, …") or of its subject ("The first phase of the truce
    ended …"); empty when it opens with neither."""
    if lo >= hi:
        return frozenset()
    if words[lo].lower() in _SCENE_OPENERS:
        stop = next((k for k in range(lo, min(hi, lo + 8)) if words[k] in (",", ";", ":")), min(hi, lo + 6))
        return anchors_of(words, lo, stop)
    verb = next((k for k in range(lo, min(hi, lo + 10)) if G.is_finite(words[k])), None)
    if verb is None:
        return frozenset()
    return frozenset(a for a in anchors_of(words, lo, verb) if a[:1] in TIMED and a[1:2] != "")


_YEAR_SPAN = re.compile(r"(?:19|20)\d\d[-–](?:19|20)?\d\d")


@functools.lru_cache(maxsize=1 << 16)
def _anchor_word(w: str) -> bool:
    """Whether a word may name a past event's time or kind (a month, a year, a phase, an event)."""
    low = w.lower()
    return bool(G.month(w)) or is_year(w) or low in G.PHASE_NOUNS or low in G.EVENTS or _YEAR_SPAN.fullmatch(w) is not None


def anchors_of(words: Sequence[str], lo: int, hi: int) -> frozenset[str]:
    """The past events named in ``words[lo:hi]``: dates, years, numbered phases, event nouns."""
    out = set()
    for k in itertools.compress(range(lo, hi), map(_anchor_word, words[lo:hi])):
        w = words[k]
        low = w.lower()
        m = G.month(w)
        if m:
            nxt = k + 2 if k + 2 < hi and words[k + 1] == "." else k + 1
            for d in (words[nxt] if nxt < hi else "", words[k - 1] if k > lo else ""):
                day = d.lower().rstrip("stndrh") if d[:1].isdigit() else ""
                if day.isdigit() and 1 <= int(day) <= 31:
                    out.add(f"d{m:02d}-{int(day):02d}")
                    break
            else:  # "in February, robbers took £85,000": the month of a past event
                if k > lo and words[k - 1].lower() in ("in", "during") and not (nxt < hi and words[nxt][:1].isdigit()):
                    out.add(f"m{m:02d}")
        elif is_year(w) and not G.since_record(words, k):
            out.add(f"y{w}")
        elif _YEAR_SPAN.fullmatch(w):  # "the winter of 2008-2009", "2008-09"
            out.update((f"y{w[:4]}", f"y{w[:2]}{w[-2:]}"))
        elif low in G.PHASE_NOUNS:
            for o in (words[k - 1] if k > lo else "", words[k + 1] if k + 1 < hi else ""):
                n = G.ORDINALS.get(o.lower())
                if n:
                    out.add(f"phase{n}")
        elif low in G.EVENTS and k > lo and (words[k - 1].lower() in ("the", "in", "during", "of")
                                             or is_year(words[k - 1])):
            out.add("e:" + lemma(low))
    return frozenset(out)


def _voice(words: Sequence[str], text_after: str, i0: int, lo: int, text_before: str, rest: str) -> str:
    if not G.DISPUTE_BEFORE.isdisjoint(map(str.lower, words[max(lo, i0 - 6):i0])) or G.countered(rest):
        return "disputed"
    m = G.CORRECTION.search(text_after) if _has_any(text_after, _CORRECTION_WORDS) else None
    if m and any(ch.isdigit() for ch in text_after[m.end():]) or _not_before(text_before):
        return "disputed"
    if _has_any(text_before[-40:], _EARLIER_WORDS) and G.EARLIER.search(text_before[-40:]):
        return "earlier"
    return ""


#: A word every match of ``G.CORRECTION`` (of ``G.EARLIER``) holds: without one, it cannot match.
_CORRECTION_WORDS = ("fact", "actually", "reality", "really", "rather", "not", "instead")
_EARLIER_WORDS = ("from", "initially", "originally", "previously", "earlier", "first")


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    return holds_any(text.casefold(), words)


def _not_before(text: str) -> bool:
    """``text`` ends in the word "not" (blanks after it allowed)."""
    t = text.rstrip()
    return t.endswith("not") and not (len(t) > 3 and (t[-4].isalnum() or t[-4] == "_"))


def read_frame(words: Sequence[str], starts: Sequence[int], text: str, claim_start: int, claim_end: int,
               noun: str, previous: frozenset[str] = frozenset(), kind: str = "count",
               scene: frozenset[str] = frozenset(), own_anchors: frozenset[str] | None = None) -> Frame:
    """The frame of the claim at ``claim_start:claim_end`` in its sentence's ``words`` (and
    their ``starts`` in ``text``); ``noun`` is the claim's counted noun and ``kind`` its kind
    (an amount of money names what it is after "in": "$25 million in punitive damages");
    ``previous`` the anchors of the sentence before (taken over when this one says "over that
    period"); ``own_anchors`` the sentence's own anchors, when already read."""
    i0 = bisect.bisect_left(starts, claim_start)
    i1 = bisect.bisect_left(starts, claim_end, i0)
    lo, end = clause_start(words, i0), clause_end(words, i1)
    noun_words = noun.split()
    j = i1 + len(noun_words)
    if noun_words and i1 < end and words[i1].lower() == "of":  # "78% of the school's students were vaccinated"
        j = next((k + 1 for k in range(i1 + 1, min(end, i1 + 8)) if words[k] == noun_words[-1]), j)
    if noun_words and noun_words[-1].lower() in _COMPOUND_HEADS and j < end and is_word(words[j]) \
            and (words[j].lower().endswith("s") or words[j].lower() in ("personnel", "staff")) and not G.is_verb(words[j]):
        noun_words, j = [*noun_words, words[j]], j + 1
    subject, subject_words, mods = subject_of(noun_words)
    deeds = subject in _DEED_NOUNS  # "31 deaths", "12 arrests": the event is the predicate, no subject
    if deeds:
        subject, subject_words, mods = "", "", frozenset()
    held = capacity_of(text, claim_end, noun_words)
    if held:  # "the 25,000-seat stadium": what the stadium holds
        subject, subject_words, mods = held, noun_words[-1].lower(), frozenset()
    needs = False
    partitive_state = ""
    if not subject and j < len(words) and words[j].lower() == "of":
        nominal = j + 2 if j + 2 < end and words[j + 1].lower() == "the" else j + 1
        if nominal < end and words[nominal].lower() in STATE_WORDS:
            j, inner = nominal + 1, [words[nominal]]
        else:
            j, inner = noun_phrase(words, j + 1, end)
        if inner and inner[0].lower() in ("whom", "which") and i0 >= 2 and words[i0 - 1] == ",":
            subject, subject_words, mods = subject_of(words[max(0, i0 - 4):i0 - 1])
        elif inner and inner[0].lower() in PRONOUNS or not inner:
            needs = True
        elif inner[-1].lower() in STATE_WORDS and j + 1 < end and words[j].lower() in G.BE:
            j2, role = noun_phrase(words, j + 1, end)
            if role:
                subject, subject_words, mods = subject_of(role)
                j = j2
                partitive_state = STATE_WORDS[inner[-1].lower()]
        else:
            subject, subject_words, mods = subject_of(inner)
    if not subject and i0 >= 2 and words[i0 - 1].lower() == "of" and words[i0 - 2][:1].islower():
        c = concept(words[i0 - 2])
        if c in PREDICATES and c != "captive":
            pass
        elif len(words[i0 - 2]) > 3 and words[i0 - 2].lower().endswith("s") or words[i0 - 2].lower() in COLLECTIVES:
            subject, subject_words = c, words[i0 - 2]
    if not subject and lo > 0 and words[0].lower() == "of":
        _, inner = noun_phrase(words, 1, lo)
        inner = [w for w in inner if not is_number(w)]
        subject, subject_words, mods = subject_of(inner)
    if not subject and kind == "measure":
        subject, subject_words, j = measured_noun(words, lo, i0, j, end)
        if not subject:
            subject, subject_words, mods = copula_subject(words, lo, i0, measure=True) or (subject, subject_words, mods)
    if not subject and kind == "currency" and j + 1 < end and words[j].lower() in ("in", "of", "for"):
        j2, inner = noun_phrase(words, j + 1, end)
        if inner and inner[0].lower() not in PRONOUNS and not inner[0][:1].isupper() and not is_number(words[j + 1]) \
                and not is_period(inner[-1]):  # "$4.82 billion in the three months to September", "in 2031"
            j = j2
            subject, subject_words, mods = subject_of(inner)
    before = words[i0 - 1].lower() if i0 > lo else ""
    if subject and before in PARTITIONS and before not in PLAIN_MODIFIERS:  # "the last two cavers"
        mods = mods | {STATE_WORDS.get(before, before)}
    if j < len(words) and words[j].lower() in ("others", "more"):
        j += 1
    if noun_words and kind in ("count", "measure") and j + 1 < end and words[j].lower() in ("and", "or") \
            and is_word(words[j + 1]) and not is_number(words[j + 1]) and not G.is_verb(words[j + 1]) \
            and words[j + 1].lower() not in ("the", "a", "an", "its", "their") \
            and not (words[j + 1].lower() in QUALIFIERS and j + 2 < end and is_number(words[j + 2])):
        j2, more = noun_phrase(words, j + 1, end)
        if more and kind == "measure" and len(more) > 1:  # "the 312-metre steel and concrete bridge"
            j, (subject, subject_words, mods) = j2, subject_of(more)
        elif more and kind == "count":
            j = j2
            other, _, _ = subject_of(more)
            if len(noun_words) == 1 and len(more) > 1 and not noun_words[0].lower().endswith("s"):
                subject, subject_words, mods = subject_of(more)  # "4.2 million current and former customers"
            elif other != subject:
                subject, subject_words, mods = "person", f"{subject_words} and {' '.join(more)}", frozenset()
    k = j
    modifier, span = "", (0, 0)
    p = k
    while p < end and words[p].lower() in ("still", "now", "also", "all", "currently"):
        p += 1
    if p < end and (G.is_participle(words[p]) or (words[p].lower() in PREPOSITIONS or words[p].lower() == "of") and noun_words):
        m = past = None
        for x in range(p + 1, end):
            if words[x].lower() in G.CONJUNCTIONS and words[x - 1][:1].isupper() and x + 1 < end \
                    and words[x + 1][:1].isupper():
                continue  # "in Louisiana and Mississippi": one place
            if words[x].lower() in G.CONJUNCTIONS or words[x].lower() in _SUBORDINATORS:
                break
            if G.is_finite(words[x]) and not G.is_participle(words[x]) or stoppage_end(words, x, end):
                m = x
                break
            if past is None and past_after_phrase(words, x, end):
                past = x
        if m is None and not G.is_participle(words[p]) and not any(G.is_finite(w) for w in words[lo:i0]):
            m = past  # the subject's verb: "22 cars of the freight train derailed near the village"
        if m is not None:
            if G.is_participle(words[p]):
                modifier = STATE_WORDS.get(words[p].lower()) if p > k else None
                modifier = modifier or concept(words[p])
            span, k = (starts[p], starts[m]), m
    if k == j and (m := verb_past_relative(words, i0, i1, k, end, bool(noun_words))):
        span, k = (starts[k], starts[m]), m  # "46 people who attended it | fell ill"
    elif k == j and k < end and G.is_participle(words[k]) and words[k].lower() not in G.AUX:
        before, before_words = predicate_before(words, i0, lo)
        if before:
            span = (starts[k], starts[end - 1] + len(words[end - 1]))
            modifier, k = concept(words[k]), end
    resumed = inclusion_end(words, end) if k == end else 0
    if resumed:  # "120 personnel, including two officers, had been deployed"
        k, end = resumed, clause_end(words, resumed)
    predicate, predicate_words, after, still = predicate_after(words, k, end)
    pulled = predicate_before(words, i0, lo)[1] if predicate == "alive" else ""
    if pulled and pulled.split()[-1].lower() in _PULLED:  # "pulled 41 people alive"
        predicate, predicate_words = "rescue", f"{pulled} alive"
    follow = after + (after < end and words[after].lower() in ("out", "back", "home", "up", "down", "off"))
    depictive = words[follow].lower() if follow < end else ""
    if predicate and depictive in STATE_WORDS and predicate not in STATES:
        mods = mods | {STATE_WORDS[depictive]}
    if partitive_state:
        predicate, predicate_words = partitive_state, next(w for w in words[i1:] if w.lower() in STATE_WORDS)
    if not predicate and noun_words and noun_words[-1].lower() in STATE_WORDS:
        predicate, predicate_words = STATE_WORDS[noun_words[-1].lower()], noun_words[-1]
    own = bool(predicate)
    winner = next((w for w in reversed(words[max(lo, i0 - 6):i0 - 1]) if w.lower() in _WINNING), None) \
        if i0 >= 2 and words[i0 - 1].lower() == "by" else None
    if not predicate and winner:
        predicate, predicate_words = "margin", f"{winner} by"
    if not predicate:
        predicate, predicate_words = predicate_before(words, i0, lo, reach=15)
    predicate, predicate_words, modifier = settled_predicate(words, i0, lo, j, end, subject, predicate,
                                                             predicate_words, modifier)
    if held:
        predicate, predicate_words = "capacity", noun_words[0]
    elif deeds:  # "recorded 31 deaths", "made 12 arrests": the verb is light, the noun says the event
        predicate, predicate_words = concept(noun_words[-1]), noun_words[-1]
    if needs and not own and j > i1 and words[i1].lower() == "of":
        mods = mods | {"subset"}
    verb = predicate_words.split()[-1:]
    if verb and (verb[0].lower() in G.REPORTING or predicate == "show" and not any(
            w.lower() in G.BE for w in predicate_words.split())):
        predicate, predicate_words = "", ""
        if needs and own and j > i1 and words[i1].lower() == "of":  # "48 of them confirmed by tests": a part
            mods = mods | {"subset"}
    shift = change_of(words, lo, i0, j, end, noun_words) if kind == "percent" and not subject else None
    if shift:  # "profit jumped 37%", "a 37% rise in profit": a change of that noun, by direction
        subject, subject_words, mods, predicate = shift
        predicate_words = predicate
    rising = predicate == "rise" and not shift
    level = not shift and bool(verb) and (verb[0].lower() in LEVEL_VERBS
                                          or kind == "measure" and verb[0].lower() in MEASURE_LEVEL_VERBS)
    changed = None if subject or noun_words else level_after_to(words, lo, i0) or came_in_at(words, lo, i0)
    if changed is not None:  # "revenue fell 6% to $4.82 billion", "revenue came in at $4.28 billion"
        level = True
        subject, subject_words, mods = subject_before(words, lo, changed) or (subject, subject_words, mods)
    if rising or level or not predicate:
        if rising or level:
            predicate, predicate_words = "", ""
        after = itertools.takewhile(lambda w: w.lower() not in _ADVERBIAL, words[j:min(end, j + 6)])
        after = [w for w, x in zip(after, words[j - 1:]) if not is_number(x)]  # "… and 31 deaths": its own noun
        for w in [*reversed(words[max(lo, i0 - 6):i0]), *after]:
            if concept(w) in PREDICATES and concept(w) != "captive":
                predicate, predicate_words = concept(w), w
                needs = False
                break
        counted = counted_verb(words, lo, changed) if changed is not None else ("", "")
        if counted[0]:  # "the number of people killed in the crash rose to 21"
            (predicate, predicate_words), needs = counted, False
    if in_hospital(words, lo, end, predicate, predicate_words):
        predicate, predicate_words = "hospital", "in hospital"
    if predicate in ("", "in") and kind == "count" and aboard(words, i0, j, end, subject):
        predicate, predicate_words = "carry", "aboard"  # "with 168 passengers on board": what it carried
    named = money_named(words, i0, i1, end, lo) if kind == "currency" else ""
    last_verb = predicate_words.rpartition(" ")[2]
    if kind == "currency" and i0 > lo and words[i0 - 1].lower() == "for" and last_verb.lower() in _TRADING:
        predicate, predicate_words, needs = "valu", last_verb + " for", False  # "agreed to buy the chain for $2.1 billion"
    elif named:  # "a fine of £340,000", "a £340,000 fine": what "fined £340,000" says
        predicate, predicate_words, needs = NAMED_MONEY[named.lower()], named, False
    elif not subject and not shift and kind in ("currency", "percent"):
        owned = owner_of(words, lo, i0)
        if owned and owned[0] in _MONEY_DEEDS:  # "the theft of KSh 588 million": what "stole" says
            predicate, predicate_words = owned[0], owned[1]
        elif owned:  # "a turnout of 64%", "profit of €421m": the level of that noun, whatever the verb
            (subject, subject_words, mods), predicate, predicate_words = owned, "", ""
    if not subject and predicate == "" and concept(noun_words[-1] if noun_words else "") in PREDICATES:
        predicate = concept(noun_words[-1])
    if not subject and not predicate and not noun_words and kind != "measure":  # a measure asked above
        subject, subject_words, mods = copula_subject(words, lo, i0, kind == "count") or (subject, subject_words, mods)
    level_of = copula_subject(words, lo, i0) if kind == "percent" and not subject and not own and predicate else None
    if level_of:  # "turnout in the charter vote was 36%": the copula's subject, not a noun near it
        (subject, subject_words, mods), predicate, predicate_words = level_of, "", ""
    if kind == "percent" and subject == "rate" and not predicate:  # "the jobless rate" is no inflation rate
        subject = rate_named(subject_words)
    if kind == "percent" and (subject == "turnout" or is_turnout(words, j, end, subject)):  # a level, not a vote
        subject, subject_words, mods, predicate, predicate_words = "turnout", "turnout", frozenset(), "", ""
    opens_clause = j < end and (G.is_finite(words[j]) or words[j].lower() in ("in", "still", "all"))
    needs = kind == "count" and (needs or (not subject and not rising and (opens_clause or bool(noun_words))
                                           and (not noun_words or noun_words[-1].lower() in STATE_WORDS)))
    sentence = text[starts[0]:starts[-1] + len(words[-1])] if words else ""
    anchor = own_anchors if own_anchors is not None else anchors_of(words, 0, len(words))
    if previous and _DEICTIC.search(sentence):
        anchor |= previous
    elif scene and not anchor and not says_now(sentence):
        anchor |= scene
    elif previous and not any(a[:1] in "dy" for a in anchor) and anchor & previous:
        anchor |= {a for a in previous if a[:1] in "dy"}
    elif previous and not anchor and G.is_past_simple(predicate_words) and not says_now(sentence):
        anchor |= {a for a in previous if a[:1] == "y"}  # "The 2009 war killed 1,400. Thirteen Israelis died."
    state = predicate in STATES or predicate == "remain" or still
    trend = -1 if (predicate in ("remain", "hospital") or still) else 1 if rising else 0
    if not state and (subject in ("toll", "tally") or holds_any(sentence.lower(), G.RUNNING_PHRASES[:6])):
        trend = 1
    if predicate in ("kill", "injure"):
        last = next((x for x in range(i1, end) if words[x].lower() in _ADVERBIAL), end) - 1
        place = _WHERE_HURT.search(text, starts[lo] if lo < len(starts) else claim_start,
                                   starts[last] + len(words[last]) if last >= 0 else claim_end)
        if place:
            mods = mods | {"at-" + ("scene" if "scene" in place.group().lower() or "spot" in place.group().lower()
                                    else "hospital")}
    verb_words = predicate_words.lower().split()
    perfect = "to" in verb_words and any(a == "to" and b in ("have", "be") for a, b in zip(verb_words, verb_words[1:]))
    past = bool(predicate) and not state and (perfect or G.PRESENT_AUX.isdisjoint(verb_words))
    fixed = past and trend == 0 and any(a[:1] in TIMED and a[1:2] in "0123456789h" for a in anchor)
    voice = _voice(words, text[claim_end:starts[end - 1] + 40 if end else claim_end], i0, lo,
                   text[max(0, claim_start - 60):claim_start],
                   text[claim_end:starts[-1] + len(words[-1])] if words else "")
    return new_frame(subject, subject_words, mods, predicate, predicate_words, modifier, anchor, trend, fixed,
                     voice, not deeds and is_part(words, i0, j, end, lo), needs, False, span)


__all__ = ["anchors_of", "read_frame", "says_now", "scene_of", "NOW"]
