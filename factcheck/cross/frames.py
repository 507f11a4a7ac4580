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

import re
from dataclasses import dataclass
from typing import Sequence

from factcheck.cross import grammar as G
from factcheck.cross.vocabulary import CONCEPTS, PREDICATES, fold, is_word, is_year, lemma

#: Verb phrases that name one predicate concept ("handed back" is a release).
PHRASES = {("handed", "back"): "release", ("handed", "over"): "release", ("hand", "over"): "release",
           ("brought", "home"): "release", ("came", "home"): "release", ("come", "home"): "release",
           ("let", "go"): "release", ("walked", "free"): "release", ("set", "free"): "release",
           ("sent", "home"): "release", ("knocked", "out"): "intercept", ("shot", "down"): "intercept",
           ("taken", "hostage"): "take", ("took", "hostage"): "take", ("taken", "captive"): "take"}
#: Predicates that name a state holding at the article's date, not an event.
STATES = frozenset({"remain", "alive", "kill-state", "miss", "arrest", "in", "injure-state"})
#: Words that modify a counted noun without changing what it counts.
PLAIN_MODIFIERS = frozenset("""more other others additional further some about nearly almost around roughly
least most over under than at just only a an the of those these them whom which its their his her our
another total estimated reported""".split())
#: Nouns that stand for people in some role, each comparable with a generic "people".
ROLES = frozenset({"captive", "prisoner", "victim", "evacuee", "refugee", "casualty", "passenger", "patient"})
GENERIC = frozenset({"person"})
STATE_WORDS = {"dead": "kill-state", "deceased": "kill-state", "alive": "alive", "living": "alive",
               "missing": "miss", "unaccounted": "miss", "injured": "injure", "wounded": "injure",
               "hurt": "injure", "killed": "kill", "held": "remain", "captive": "remain",
               "hospitalized": "injure", "hospitalised": "injure", "custody": "arrest", "captivity": "remain"}
EXTRA_CONCEPTS = {"prisoner": "prisoner prisoners detainee detainees inmate inmates",
                  "body": "body bodies corpse corpses remains",
                  "soldier": "soldier soldiers troops servicemen servicewomen",
                  "take": "take took taken seize seized seizing abduct abducted abducting kidnap kidnapped "
                          "kidnapping capture captured snatch snatched",
                  "return": "return returned returning",
                  "remain": "remain remains remained remaining stay stayed"}
_FOLD_EXTRA = {w: c for c, words in EXTRA_CONCEPTS.items() for w in words.split()}
_PRONOUNS = frozenset("them those these whom which they it".split())
_DEICTIC = re.compile(r"\b(?:that|the same|this) (?:period|time|phase|stage|round|span)\b|"
                      r"\bover (?:those|these|the) (?:weeks|days|months)\b|\bduring (?:it|that)\b", re.I)
_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
dozen dozens thousand thousands million millions""".split())
_CLAUSE_PUNCT = frozenset(",;:()—–.!?\"“”")
_QUALIFIERS = frozenset("""about some nearly almost around roughly approximately least at more than up to
over under fewer less an estimated a further another the its their his her all only just another
exactly precisely close barely""".split())


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
    needs_antecedent: bool = False

    def label(self) -> str:
        """A readable name of the quantity: "hostages remain", "people killed"."""
        return " ".join(w for w in (self.subject_words, self.predicate_words) if w) or self.subject


def concept(word: str) -> str:
    """A word's concept for frames: the shared synonym table, then the frame's own."""
    w = word.lower()
    return _FOLD_EXTRA.get(w) or _FOLD_EXTRA.get(lemma(w)) or fold(word)


def is_number(token: str) -> bool:
    """A token that states a number (digits or a number word)."""
    return any(ch.isdigit() for ch in token) or token.lower() in _NUMBER_WORDS


def _clause_end(words: Sequence[str], k: int) -> int:
    while k < len(words) and words[k] not in _CLAUSE_PUNCT:
        k += 1
    return k


def _clause_start(words: Sequence[str], k: int) -> int:
    while k > 0 and words[k - 1] not in _CLAUSE_PUNCT:
        k -= 1
    return k


def _noun_phrase(words: Sequence[str], k: int, end: int) -> tuple[int, list[str]]:
    """The noun phrase opening at ``k`` (determiners and numbers skipped): its end and its words;
    a pronoun ("them", "those") is a phrase of its own."""
    if k < end and words[k].lower() in _PRONOUNS:
        return k + 1, [words[k]]
    while k < end and (words[k].lower() in ("the", "a", "an", "its", "their", "his", "her", "these")
                       or is_number(words[k])):
        k += 1
    out: list[str] = []
    while k < end and len(out) < 4 and is_word(words[k]) and not G.is_finite(words[k]) \
            and words[k].lower() not in G.CONJUNCTIONS and words[k].lower() not in ("in", "on", "at", "of",
                                                                                    "from", "who", "that"):
        out.append(words[k])
        k += 1
        low = out[-1].lower()
        if low.endswith("s") and not low.endswith("ss") and len(low) > 3 or low in ("people", "children"):
            break
    return k, out


def _subject_of(noun_words: Sequence[str]) -> tuple[str, str, frozenset[str]]:
    """(concept, words as written, restrictive modifiers) of a counted noun phrase."""
    words = [w for w in noun_words if w.lower() not in PLAIN_MODIFIERS]
    if not words or words[-1].lower() in STATE_WORDS:
        return "", "", frozenset()
    head = words[-1]
    c = concept(head)
    if head[:1].isupper() and c not in CONCEPTS and c not in EXTRA_CONCEPTS:
        c = "^" + c
    mods = frozenset(STATE_WORDS.get(w.lower(), concept(w)) for w in words[:-1] if not w[:1].isupper())
    return c, " ".join(words), mods


def _predicate_after(words: Sequence[str], k: int, end: int) -> tuple[str, str, int, bool]:
    """(predicate, words, index after it, still) of the verb phrase opening at ``k``."""
    still = negated = False
    start = k
    while k < end and (words[k].lower() in G.AUX or words[k].lower() in G.ADVERBS):
        still |= words[k].lower() in G.STILL
        negated |= words[k].lower() in ("not", "no", "never", "n't")
        k += 1
    if k >= end:
        return ("remain", " ".join(words[start:end]), end, still) if still else ("", "", end, still)
    w = words[k]
    low = w.lower()
    nxt = words[k + 1].lower() if k + 1 < end else ""
    if (low, nxt) in PHRASES:
        return PHRASES[(low, nxt)], f"{w} {words[k + 1]}", k + 2, still
    if low in G.STILL or concept(w) == "remain":
        return "remain", w, k + 1, True
    if low in STATE_WORDS and (k > start or low in ("dead", "alive", "missing")):
        state = STATE_WORDS[low]
        if negated and state in ("alive", "kill-state"):
            state = "alive" if state == "kill-state" else "kill-state"
        return ("remain" if state == "remain" and still else state), " ".join(words[start:k + 1]), k + 1, still
    if low in ("in", "inside", "at", "under") and k > start:
        place = words[k + 1] if k + 1 < end else ""
        state = STATE_WORDS.get(place.lower())
        if state:
            return state, f"{w} {place}", k + 2, still
        return ("remain" if still else "in"), " ".join(words[start:k + 2]), k + 2, still
    if G.is_verb(w):
        passive = any(x.lower() in G.BE for x in words[start:k])
        c = "release" if passive and concept(w) == "return" else concept(w)
        return c, " ".join(words[start:k + 1]) if passive else w, k + 1, still
    if still:
        return "remain", " ".join(words[start:k]), k, still
    return "", "", k, still


def _predicate_before(words: Sequence[str], i: int, lo: int, reach: int = 0) -> tuple[str, str]:
    """The verb a number in object position follows ("freed about 1,800", "killing at least 17"),
    or "in exchange for" (a swap releases).  With ``reach`` the search goes on that many tokens
    past commas and noun phrases, for a number standing in apposition ("…, 30 captives in all")."""
    k = i - 1
    stop = max(0, lo - reach)
    while k >= stop:
        low = words[k].lower()
        if low in ("for",) and k >= 2 and words[k - 1].lower() in ("exchange", "return") \
                and words[k - 2].lower() == "in":
            return "release", " ".join(words[k - 2:k + 1])
        if G.is_verb(words[k]) and low not in G.AUX:
            pair = (low, words[k + 1].lower() if k + 1 < len(words) else "")
            if pair in PHRASES:
                return PHRASES[pair], f"{words[k]} {words[k + 1]}"
            if concept(words[k]) == "return" and k > 0 and words[k - 1].lower() in G.BE:
                return "release", f"{words[k - 1]} {words[k]}"
            return concept(words[k]), words[k]
        if k < lo and (words[k] in (";", ":", ".") or low in ("while", "whereas", "but")):
            break
        if k >= lo and low not in _QUALIFIERS and low not in ("back", "over", "out", "home") and not reach:
            break
        k -= 1
    return "", ""


def _anchors(words: Sequence[str], lo: int, hi: int) -> frozenset[str]:
    """The past events named in ``words[lo:hi]``: dates, years, numbered phases, event nouns."""
    out = set()
    for k in range(lo, hi):
        w = words[k]
        low = w.lower()
        m = G.month(w)
        if m:
            for d in (words[k + 1] if k + 1 < hi else "", words[k - 1] if k > lo else ""):
                day = d.lower().rstrip("stndrh") if d[:1].isdigit() else ""
                if day.isdigit() and 1 <= int(day) <= 31:
                    out.add(f"d{m:02d}-{int(day):02d}")
                    break
        elif is_year(w):
            out.add(f"y{w}")
        elif low in G.PHASE_NOUNS:
            for o in (words[k - 1] if k > lo else "", words[k + 1] if k + 1 < hi else ""):
                n = G.ORDINALS.get(o.lower())
                if n:
                    out.add(f"phase{n}")
        elif low in G.EVENTS and k > lo and words[k - 1].lower() in ("the", "in", "during", "of"):
            out.add("e:" + lemma(low))
    return frozenset(out)


def _part(words: Sequence[str], i0: int, j: int, end: int, lo: int) -> bool:
    """Whether the number is one of coordinated counts that share one verb ("four soldiers and
    six gunmen died", "killing two soldiers and three civilians"): both numbers stand on the
    same side of that verb, with no verb of their own between them."""
    def verb_between(a: int, b: int) -> bool:
        return any(G.is_verb(w) for w in words[a:b])

    def position(k_start: int, k_end: int) -> str:
        after = next((x for x in range(k_end, _clause_end(words, k_end)) if G.is_verb(words[x])), None)
        before = next((x for x in range(k_start - 1, _clause_start(words, k_start) - 1, -1)
                       if G.is_verb(words[x])), None)
        return "subject" if after is not None and (before is None or after - k_end < k_start - before) \
            else "object" if before is not None else ""

    mine = position(i0, j)
    if j < end and words[j].lower() in G.CONJUNCTIONS:
        other = next((k for k in range(j + 1, min(end, j + 6)) if is_number(words[k])), None)
        if other is not None and not verb_between(j, other) and position(other, other + 1) == mine:
            return bool(mine)
    for k in range(i0 - 1, max(lo, i0 - 6) - 1, -1):
        if words[k].lower() in G.CONJUNCTIONS:
            other = next((x for x in range(k - 1, max(lo, k - 6) - 1, -1) if is_number(words[x])), None)
            if other is not None and not verb_between(other + 1, i0) and position(other, other + 1) == mine:
                return bool(mine)
            break
        if G.is_verb(words[k]):
            break
    return False


def _voice(words: Sequence[str], text_after: str, i0: int, lo: int, text_before: str) -> str:
    if any(w.lower() in G.DISPUTE_BEFORE for w in words[max(lo, i0 - 6):i0]):
        return "disputed"
    m = G.CORRECTION.search(text_after)
    if m and any(ch.isdigit() for ch in text_after[m.end():]) or re.search(r"\bnot\s*\Z", text_before):
        return "disputed"
    if G.EARLIER.search(text_before[-40:]):
        return "earlier"
    return ""


def read_frame(words: Sequence[str], starts: Sequence[int], text: str, claim_start: int, claim_end: int,
               noun: str, previous: frozenset[str] = frozenset()) -> Frame:
    """The frame of the claim at ``claim_start:claim_end`` in its sentence's ``words`` (and
    their ``starts`` in ``text``); ``noun`` is the claim's counted noun; ``previous`` the anchors
    of the sentence before (taken over when this one says "over that period")."""
    i0 = next((k for k, s in enumerate(starts) if s >= claim_start), len(words))
    i1 = next((k for k in range(i0, len(words)) if starts[k] >= claim_end), len(words))
    lo, end = _clause_start(words, i0), _clause_end(words, i1)
    noun_words = noun.split()
    j = i1 + len(noun_words)
    subject, subject_words, mods = _subject_of(noun_words)
    needs = False
    if not subject and j < len(words) and words[j].lower() == "of":
        j, inner = _noun_phrase(words, j + 1, end)
        if inner and inner[0].lower() in _PRONOUNS or not inner:
            needs = True
        else:
            subject, subject_words, mods = _subject_of(inner)
    if not subject and i0 >= 2 and words[i0 - 1].lower() == "of" and words[i0 - 2][:1].islower():
        c = concept(words[i0 - 2])
        if c in PREDICATES and c != "captive":
            pass
        elif len(words[i0 - 2]) > 3 and words[i0 - 2].lower().endswith("s"):
            subject, subject_words = c, words[i0 - 2]
    if not subject and lo > 0 and words[0].lower() == "of":
        _, inner = _noun_phrase(words, 1, lo)
        inner = [w for w in inner if not is_number(w)]
        subject, subject_words, mods = _subject_of(inner)
    if j < len(words) and words[j].lower() in ("others", "more"):
        j += 1
    if noun_words and j + 1 < end and words[j].lower() in ("and", "or") and is_word(words[j + 1]) \
            and not is_number(words[j + 1]) and not G.is_verb(words[j + 1]) \
            and words[j + 1].lower() not in ("the", "a", "an", "its", "their"):
        j2, more = _noun_phrase(words, j + 1, end)
        if more:
            j = j2
            other, _, _ = _subject_of(more)
            if other != subject:
                subject, subject_words, mods = "person", f"{subject_words} and {' '.join(more)}", frozenset()
    k = j
    modifier = ""
    p = k
    while p < end and words[p].lower() in ("still", "now", "also", "all", "currently"):
        p += 1
    if p < end and (G.is_participle(words[p]) or words[p].lower() in ("in", "under", "inside") and p > k):
        m = None
        for x in range(p + 1, end):
            if words[x].lower() in G.CONJUNCTIONS:
                break
            if G.is_finite(words[x]) and not G.is_participle(words[x]):
                m = x
                break
        if m is not None:
            modifier = STATE_WORDS.get(words[p].lower()) if p > k else None
            modifier = modifier or concept(words[p])
            k = m
    predicate, predicate_words, after, still = _predicate_after(words, k, end)
    if not predicate and noun_words and noun_words[-1].lower() in STATE_WORDS:
        predicate, predicate_words = STATE_WORDS[noun_words[-1].lower()], noun_words[-1]
    if not predicate:
        predicate, predicate_words = _predicate_before(words, i0, lo)
    if not predicate:
        predicate, predicate_words = _predicate_before(words, i0, lo, reach=15)
    if not predicate:
        for w in [*reversed(words[max(lo, i0 - 6):i0]), *words[i1:min(end, i1 + 6)]]:
            if concept(w) in PREDICATES and concept(w) != "captive":
                predicate, predicate_words = concept(w), w
                break
    if not subject and predicate == "" and concept(noun_words[-1] if noun_words else "") in PREDICATES:
        predicate = concept(noun_words[-1])
    needs = needs or (not subject and (not noun_words or noun_words[-1].lower() in STATE_WORDS))
    sentence = text[starts[0]:starts[-1] + len(words[-1])] if words else ""
    anchor = _anchors(words, 0, len(words))
    if previous and _DEICTIC.search(sentence):
        anchor |= previous
    state = predicate in STATES or predicate == "remain" or still
    trend = -1 if (predicate == "remain" or still) else 0
    lowered = sentence.lower()
    if not state and (subject in ("toll", "tally") or any(p in lowered for p in G.RUNNING_PHRASES[:6])):
        trend = 1
    past = bool(predicate) and not state
    fixed = past and trend == 0 and any(a[:1] in "dyp" or a.startswith("e:") for a in anchor)
    voice = _voice(words, text[claim_end:starts[end - 1] + 40 if end else claim_end], i0, lo,
                   text[max(0, claim_start - 60):claim_start])
    return Frame(subject, subject_words, mods, predicate, predicate_words, modifier, anchor, trend, fixed,
                 voice, _part(words, i0, j, end, lo), needs)


def compatible(a: Frame, b: Frame) -> bool:
    """Whether two frames may count the same thing (subjects, modifiers, predicates, anchors, parts)."""
    if a.voice or b.voice or a.part != b.part:
        return False
    if a.subject and b.subject and a.subject != b.subject:
        pair = {a.subject, b.subject}
        if not (pair & GENERIC and (pair - GENERIC) <= ROLES | {s for s in pair if s.startswith("^")}):
            return False
    if a.part and a.subject != b.subject:
        return False
    if a.modifiers != b.modifiers and a.subject and b.subject:
        return False
    if a.predicate and b.predicate and a.predicate != b.predicate:
        if not ((a.also == b.predicate and a.predicate not in STATES and not b.also)
                or (b.also == a.predicate and b.predicate not in STATES and not a.also)):
            return False
    return not (a.fixed and b.fixed and _clash(a.anchor, b.anchor))


def _clash(x: frozenset[str], y: frozenset[str]) -> bool:
    """Whether two sets of anchors name different events: another date, year or phase."""
    for prefix in ("d", "y", "phase"):
        xs = {a for a in x if a.startswith(prefix) and a[len(prefix):len(prefix) + 1].isdigit()}
        ys = {a for a in y if a.startswith(prefix) and a[len(prefix):len(prefix) + 1].isdigit()}
        if xs and ys and not xs & ys:
            return True
    return False


__all__ = ["Frame", "compatible", "concept", "is_number", "read_frame"]
