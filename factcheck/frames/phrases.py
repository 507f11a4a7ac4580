"""Phrases around a number: its noun phrase and subject, the verb phrase and its predicate.

The shallow readings ``frames.read_frame`` is built from; each works on a sentence's tokens
(``words``) and indexes into them.  A predicate is a concept (``release`` for "freed",
"handed back", "were returned"; ``remain`` for "still held"; ``kill`` for "dead").
"""
from __future__ import annotations

import functools
from typing import Sequence

from factcheck.frames import grammar as G
from factcheck.frames.lexicon import EXTRA_CONCEPTS, PHRASES
from factcheck.frames.vocabulary import CONCEPTS, STOP, fold, is_word, lemma

#: Words before a participle that make it describe the noun after it ("the estimated losses").
_BEFORE_ATTRIBUTE = frozenset("the a an its their his her this these with of for maximum minimum peak top average".split())
#: Where people are moved when they are evacuated ("moved to safety", "taken to shelters").
_SAFETY = frozenset("safety shelters shelter".split())
#: Verbs that, followed by "with", take what they leave with ("escaped with £1.2 million",
#: "made off with", "got away with").
_GETAWAY = frozenset("escape escaped escapes escaping flee fled flees fleeing".split())
_GOT = frozenset("make made makes making get got gets getting".split())
#: Verbs that tell someone to do what their infinitive says: "were ordered to evacuate" is an
#: evacuation, and so is being ordered to leave or flee.
_MADE_TO = frozenset("ordered told urged forced advised".split())
_LEAVE = frozenset("leave flee quit abandon".split())
#: Nouns after "under" that order what their verb says ("under evacuation orders").
_ORDERS = frozenset("evacuation".split())
#: Predicates that name a state holding at the article's date, not an event.
STATES = frozenset({"remain", "alive", "miss", "arrest", "in", "hospital"})
#: Verbs that take their meaning from their object ("suffered injuries" is an injury).
LIGHT_VERBS = frozenset("suffer suffered suffers sustain sustained sustains receive received receives".split())
STATE_CONCEPTS = frozenset({"injure", "kill", "burn"})
#: Adjectives that split what a noun counts into parts ("living hostages" are some of the
#: hostages; "mutinous soldiers" are just the soldiers the story is about).
PARTITIONS = frozenset("""new confirmed suspected probable presumed total remaining additional last first final
female male young old elderly adult teenage underage minor foreign domestic local civilian military seriously critically
severely slightly minor major fatal nonfatal stranded trapped displaced registered unemployed vaccinated
unvaccinated""".split())
#: Words that modify a counted noun without changing what it counts.
PLAIN_MODIFIERS = frozenset("""more other others additional further some about nearly almost around roughly
least most over under than at just only a an the of those these them whom which its their his her our
another total estimated reported""".split())
STATE_WORDS = {"dead": "kill", "deceased": "kill", "alive": "alive", "living": "alive",
               "missing": "miss", "unaccounted": "miss", "injured": "injure", "wounded": "injure",
               "hurt": "injure", "killed": "kill", "held": "remain", "captive": "remain",
               "hospitalized": "injure", "hospitalised": "injure", "custody": "arrest", "captivity": "remain"}
_FOLD_EXTRA = {w: c for c, words in EXTRA_CONCEPTS.items() for w in words.split()}
PRONOUNS = frozenset("them those these whom which they it".split())
#: Determiners and possessive pronouns that open a noun phrase.
DETERMINERS = frozenset("the a an its their his her this that these those".split())
PREPOSITIONS = frozenset("in at on from under inside outside near across with without aboard".split())
_NUMBER_WORDS = frozenset("""one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
dozen dozens thousand thousands million millions""".split())
_CLAUSE_PUNCT = frozenset(",;:()—–.!?\"“”")
QUALIFIERS = frozenset("""about some nearly almost around roughly approximately least at more than up to
over under fewer less an estimated a further another the its their his her all only just another
exactly precisely close barely""".split())


@functools.lru_cache(maxsize=1 << 16)
def concept(word: str) -> str:
    """A word's concept for frames: the shared synonym table, then the frame's own."""
    w = word.lower()
    found = _FOLD_EXTRA.get(w) or _FOLD_EXTRA.get(lemma(w)) or fold(word)
    if found != "employee" and w.endswith(("workers", "worker")) and len(w) > 8 and w.isalpha():
        return "employee"  # "dockworkers", "steelworkers" are the workers "dock workers" names
    return found


@functools.lru_cache(maxsize=1 << 16)
def is_number(token: str) -> bool:
    """A token that states a number (digits or a number word)."""
    return any(ch.isdigit() for ch in token) or token.lower() in _NUMBER_WORDS


def clause_end(words: Sequence[str], k: int) -> int:
    """The index of the punctuation that ends the clause holding ``words[k]`` (or the length)."""
    while k < len(words) and words[k] not in _CLAUSE_PUNCT:
        k += 1
    return k


def clause_start(words: Sequence[str], k: int) -> int:
    """The index of the first word of the clause holding ``words[k]``."""
    while k > 0 and words[k - 1] not in _CLAUSE_PUNCT:
        k -= 1
    return k


#: Words that end a noun phrase: prepositions ("profit before tax to €412m": the profit) and
#: relative pronouns.
_PHRASE_STOPS = frozenset("in on at of from to before after for by with who that".split())


def noun_phrase(words: Sequence[str], k: int, end: int) -> tuple[int, list[str]]:
    """The noun phrase opening at ``k`` (determiners and numbers skipped): its end and its words;
    a pronoun ("them", "those") is a phrase of its own."""
    if k < end and words[k].lower() in PRONOUNS:
        return k + 1, [words[k]]
    while k < end and (words[k].lower() in ("the", "a", "an", "its", "their", "his", "her", "these")
                       or is_number(words[k])):
        k += 1
    out: list[str] = []
    while k < end and len(out) < 4 and is_word(words[k]) and not G.is_finite(words[k]) \
            and words[k].lower() not in G.CONJUNCTIONS and words[k].lower() not in _PHRASE_STOPS:
        out.append(words[k])
        k += 1
        low = out[-1].lower()
        if low.endswith(("'s", "’s")) and k < end and is_word(words[k]) \
                and not G.is_finite(words[k]):
            out.pop()  # a possessor: "78% of the school's students" counts students
            continue
        if low.endswith("s") and not low.endswith("ss") and len(low) > 3 or low in ("people", "children"):
            break
    return k, out


def subject_of(noun_words: Sequence[str]) -> tuple[str, str, frozenset[str]]:
    """(concept, words as written, restrictive modifiers) of a counted noun phrase.  A proper
    plural ("Palestinians") is ``^palestinian``, comparable with "people"; a proper singular
    ("the Kremlin") is ``=kremlin`` and is not."""
    words = [w for w in noun_words if w.lower() not in PLAIN_MODIFIERS]
    if not words or words[-1].lower() in STATE_WORDS:
        return "", "", frozenset()
    head = words[-1]
    c = concept(head)
    if head[:1].isupper() and c not in CONCEPTS and c not in EXTRA_CONCEPTS:
        plural = head.lower().endswith("s") and not head.lower().endswith(("'s", "’s", "ss"))
        c = ("^" if plural else "=") + c
    mods = frozenset(STATE_WORDS.get(w.lower(), w.lower()) for w in words[:-1]
                     if w.lower() in STATE_WORDS or w.lower() in PARTITIONS)
    return c, " ".join(words), mods


def predicate_after(words: Sequence[str], k: int, end: int) -> tuple[str, str, int, bool]:
    """(predicate, words, index after it, still) of the verb phrase opening at ``k``."""
    still = negated = False
    start = k
    while k < end and (words[k].lower() in G.AUX or words[k].lower() in G.ADVERBS):
        still |= words[k].lower() in G.STILL
        negated |= words[k].lower() in ("not", "no", "never", "n't")
        k += 1
    pair = (words[k].lower(), words[k + 1].lower()) if k + 1 < end else ("", "")
    if pair in PHRASES:
        return PHRASES[pair], " ".join(words[start:k + 2]), k + 2, still
    strike = stoppage_end(words, k, end)
    if strike:
        return "strike", " ".join(words[start:strike]), strike, still
    if k >= end or not (G.is_verb(words[k]) or words[k].lower() in STATE_WORDS or words[k].lower() in
                        ("in", "inside", "at", "under") or words[k].lower() in G.STILL):
        if still:
            return "remain", " ".join(words[start:k]), k, still
        done = [x for x in words[start:k] if G.is_participle(x)]
        return (concept(done[-1]), " ".join(words[start:k]), k, still) if done else ("", "", k, still)
    w = words[k]
    low = w.lower()
    nxt = words[k + 1].lower() if k + 1 < end else ""
    if (low, nxt) in PHRASES:
        return PHRASES[(low, nxt)], f"{w} {words[k + 1]}", k + 2, still
    if nxt == "to" and k + 2 < end and words[k + 2].lower() in _SAFETY and G.is_participle(w):
        return "evacuate", " ".join(words[k:k + 3]), k + 3, still  # "had been moved to safety"
    if low in G.STILL or concept(w) == "remain":
        return "remain", w, k + 1, True
    if low in STATE_WORDS and (k > start or low in ("dead", "alive", "missing")):
        state = STATE_WORDS[low]
        if negated and state in ("alive", "kill"):
            state = "alive" if state == "kill" else "kill"
        return ("remain" if state == "remain" and still else state), " ".join(words[start:k + 1]), k + 1, still
    if low == "under" and nxt in _ORDERS:  # "under evacuation orders": ordered to evacuate
        return concept(nxt), f"{w} {words[k + 1]}", k + 2, still
    if low in ("in", "inside", "at", "under") and k > start:
        place = words[k + 1] if k + 1 < end else ""
        state = STATE_WORDS.get(place.lower())
        if state:
            return state, f"{w} {place}", k + 2, still
        return ("remain" if still else "in"), " ".join(words[start:k + 2]), k + 2, still
    if low in LIGHT_VERBS and k + 1 < end:
        obj = noun_phrase(words, k + 1, end)[1]
        if obj and concept(obj[-1]) in STATE_CONCEPTS:
            return concept(obj[-1]), " ".join([w, *obj]), k + 1 + len(obj), still
    if low in _MADE_TO and nxt == "to" and k + 2 < end and is_word(words[k + 2]):  # "ordered to evacuate"
        told = "evacuate" if words[k + 2].lower() in _LEAVE else concept(words[k + 2])
        return told, " ".join(words[start:k + 3]), k + 3, still
    if G.is_verb(w):
        passive = k > start and any(x.lower() in G.BE for x in words[start:k])
        c = "release" if passive and concept(w) == "return" else concept(w)
        return c, " ".join(words[start:k + 1]) if passive else w, k + 1, still
    if still:
        return "remain", " ".join(words[start:k]), k, still
    return "", "", k, still


def predicate_before(words: Sequence[str], i: int, lo: int, reach: int = 0) -> tuple[str, str]:
    """The verb a number in object position follows ("freed about 1,800", "killing at least 17"),
    or "in exchange for" (a swap releases).  With ``reach`` the search goes on that many tokens
    past commas and noun phrases, for a number standing in apposition ("…, 30 captives in all")."""
    k = i - 1
    stop = max(0, lo - reach)
    if k - 1 >= stop and words[k - 1].lower() in ("a", "an") and is_word(words[k]) and words[k][:1].islower():
        k -= 2  # "snatched a staggering £2.1 million": the adjective is no verb
    while k >= stop:
        low = words[k].lower()
        if reach and low == ",":
            k = _before_aside(words, k, stop)
            low = words[k].lower() if k >= stop else ""
        if low.endswith("ing") and len(low) > 5 and not words[k][:1].isupper() \
                and (k == i - 1 or k == i - 2 and words[i - 1].lower() == "for"):  # "deliberating for two days"
            return concept(words[k]), words[k]
        if low == "with" and k >= 1 and (words[k - 1].lower() in _GETAWAY or k >= 2 and words[k - 1].lower()
                                         in ("off", "away") and words[k - 2].lower() in _GOT):
            return "take", " ".join(words[k - 2 if words[k - 1].lower() in ("off", "away") else k - 1:k + 1])
        if low in ("for",) and k >= 2 and words[k - 1].lower() in ("exchange", "return") \
                and words[k - 2].lower() == "in":
            return "release", " ".join(words[k - 2:k + 1])
        if k + 2 == i - 1 and words[i - 1].lower() == "of" and low.endswith("ed") and words[k + 1].islower() \
                and words[k + 1] not in STOP and k > 0 and words[k - 1].lower() in _BEFORE_ATTRIBUTE:
            return "", ""  # "with maximum sustained winds of 110 mph": the participle describes the noun
        if (G.is_verb(words[k]) or _after_modal(words, k) and words[i - 1].lower() != "the") and low not in G.AUX \
                and not (k > 0 and words[k - 1].lower() in ("in", "the", "a", "an")):
            aux = words[k - 1] + " " if k > 0 and words[k - 1].lower() in G.AUX else ""
            pair = (low, words[k + 1].lower() if k + 1 < len(words) else "")
            if pair in PHRASES:
                return PHRASES[pair], f"{aux}{words[k]} {words[k + 1]}"
            if concept(words[k]) == "return" and aux and aux.strip().lower() in G.BE:
                return "release", f"{aux}{words[k]}"
            return concept(words[k]), aux + words[k]
        if k < lo and (words[k] in (";", ":", ".") or low in ("while", "whereas", "but")):
            break
        if k >= lo and low not in QUALIFIERS and low not in ("back", "over", "out", "home") and not reach:
            break
        k -= 1
    return "", ""


_MODALS = frozenset("will would must can could should may might shall to".split())


#: Words before "to" that make what follows a capacity or a permission, not an event: "licensed
#: to carry no more than 80 passengers", "big enough to hold 2,000".
_CAPACITY = frozenset("able allowed permitted licensed licenced designed built certified rated equipped enough "
                      "capacity room space".split())


def _after_modal(words: Sequence[str], k: int) -> bool:
    """Whether ``words[k]`` is a verb's plain form after a modal or "to" ("will pay £51.4m",
    "the decision to delay kick-off by 75 minutes"), not after a capacity ("licensed to carry")."""
    return k > 0 and words[k - 1].lower() in _MODALS and words[k].isalpha() and words[k].islower() \
        and words[k] not in STOP and words[k] not in DETERMINERS \
        and not (words[k - 1].lower() == "to" and k > 1 and words[k - 2].lower() in _CAPACITY)


#: Nouns that say what an amount of money is, with the predicate of the verb that says it
#: ("a fine of £340,000" is what "fined £340,000" says; "a street value of €180 million" what
#: "valued at €180 million" says).
NAMED_MONEY = {"fine": "fine", "fines": "fine", "value": "valu", "valuation": "valu", "price": "pric",
               "cost": "cost", "award": "award", "settlement": "settl", "fee": "fee", "fees": "fee",
               "reward": "reward", "ransom": "ransom", "bail": "bail", "damages": "damag", "payout": "payout",
               "bonus": "bonus", "salary": "salary", "worth": "valu",
               **dict.fromkeys(("deal", "takeover", "acquisition", "merger", "purchase"), "valu")}
#: Words between "worth" and its figure ("worth an estimated €3.1 million").
_WORTH_GAP = frozenset("a an estimated some about around roughly nearly almost more than up to over".split())


def money_named(words: Sequence[str], i0: int, i1: int, end: int, lo: int = 0) -> str:
    """The noun that names an amount of money: before "of" ("a fine of £340,000", "a street
    value of €180 million"), right after it ("a £340,000 fine"), or the noun a verb puts "at"
    it ("bail was set at $500,000", "put the street value of the drugs at €180m"), or "worth"
    before it ("a painting worth $2 million"); "" for none."""
    if i0 >= 2 and words[i0 - 1].lower() == "of" and words[i0 - 2].lower() in NAMED_MONEY:
        return words[i0 - 2]
    if i0 >= 2 and words[i0 - 1].lower() == "at":
        return next((w for w in reversed(words[max(lo, i0 - 7):i0 - 1]) if w.lower() in NAMED_MONEY), "")
    k = i0 - 1
    while k > lo and words[k].lower() in _WORTH_GAP:
        k -= 1
    if k >= lo and words[k].lower() == "worth":  # "a reliquary worth an estimated €3.1 million"
        return words[k]
    for named in (i1, i1 + 1):  # "a £340,000 fine", "the 12.4 billion kroner share deal"
        if named < end and words[named].lower() in NAMED_MONEY and (named + 1 >= end or words[named + 1].lower() != "of"):
            return words[named]
        if named >= end or not (is_word(words[named]) and words[named].islower() and words[named] not in STOP):
            break
    return ""


_HOSPITALIZED = frozenset("hospitalized hospitalised".split())
_NOW_HOSPITAL = frozenset("remain remains remained remaining still being is are".split())


def in_hospital(words: Sequence[str], lo: int, end: int, predicate: str, predicate_words: str) -> bool:
    """Whether a count of people says how many are in hospital at the time ("nine remained in
    hospital on Wednesday", "16 patients are being treated in hospital", "12 are still
    hospitalized"): one state, whichever verb says it.  "Were taken to hospital" and "were
    hospitalized" count the injured of the event instead."""
    if predicate not in ("remain", "treat", "injure", "in"):
        return False
    clause = [w.lower() for w in words[lo:end]]
    there = any(w in _HOSPITALIZED or w in ("hospital", "hospitals") and k and clause[k - 1] in ("in", "the")
                and (clause[k - 1] == "in" or k > 1 and clause[k - 2] == "in") for k, w in enumerate(clause))
    return there and (predicate in ("remain", "in") or any(w.lower() in _NOW_HOSPITAL for w in predicate_words.split())
                      or "still" in clause)


def stoppage_end(words: Sequence[str], k: int, end: int) -> int:
    """The end of a phrase at ``k`` saying that workers stopped work ("walked off the job",
    "walked out on strike", "went on strike", "began a three-day strike", "are on strike",
    "took to picket lines", "took part in the strike"), or 0 ("walked out" alone may leave a
    mine)."""
    if k >= end:
        return 0
    low = words[k].lower()
    if low not in _STOPPAGE_STARTS:
        return 0
    nxt = words[k + 1].lower() if k + 1 < end else ""
    if low in _WALK and nxt in ("out", "off"):
        rest = " ".join(words[k + 2:min(end, k + 4)]).lower()
        return k + 4 if rest in ("the job", "on strike") else k + 3 if rest.startswith(("work", "strike")) else 0
    if low == "on" and nxt == "strike":
        return k + 2
    if low in _GO and nxt == "on" and k + 2 < end and words[k + 2].lower() == "strike":
        return k + 3
    if low in _TAKE and nxt in ("to", "part"):
        at = next((x for x in range(k + 2, min(end, k + 6)) if words[x].lower() in ("picket", "strike", "walkout")), 0)
        return at + 1 if at else 0
    if low in _OPEN and k + 1 < end:
        after, obj = noun_phrase(words, k + 1, end)
        if obj and obj[-1].lower() in _STOPPAGES:
            return after
    return 0


_WALK = frozenset("walk walks walked walking".split())
_GO = frozenset("go goes went gone going".split())
_TAKE = frozenset("take takes took taken taking".split())
_OPEN = frozenset("begin begins began begun start starts started launch launches launched stage stages staged "
                  "join joins joined".split())
_STOPPAGES = frozenset("strike strikes walkout walkouts stoppage stoppages".split())
_STOPPAGE_STARTS = _WALK | _GO | _TAKE | _OPEN | {"on"}


def _before_aside(words: Sequence[str], k: int, stop: int) -> int:
    """Where the search for a verb goes on from the comma at ``k``: before a participle clause
    set off by commas (", built in 1987,"), which describes the noun before it and is not the
    verb of the figure's clause; else at the comma."""
    for p in range(k - 1, max(stop, k - 9) - 1, -1):
        if words[p] == ",":
            return p - 1 if p + 1 < k and G.is_participle(words[p + 1]) else k
    return k


__all__ = ["DETERMINERS", "LIGHT_VERBS", "PARTITIONS", "PLAIN_MODIFIERS", "PREPOSITIONS", "PRONOUNS", "QUALIFIERS", "STATES", "STATE_WORDS", "clause_end", "clause_start", "concept", "is_number", "noun_phrase", "predicate_after", "predicate_before", "stoppage_end", "subject_of"]
