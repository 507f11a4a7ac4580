"""What a figure that gives a new level belongs to: the noun whose level changed.

Business and statistics news writes a level after a change ("revenue fell 6% from a year
earlier to $4.82 billion", "its shares rose to $31", "the jobless rate dropped to 4.1
percent") or with a verb that only states it ("revenue came in at $4.28 billion"). Such a
figure has no event of its own: it is the level of the noun before the verb, and two
outlets that give that noun's level in different words give the same quantity.  A copula or a
level verb states one too ("turnout was 47 per cent", "the protesters numbered 4,000").
"""
from __future__ import annotations

from typing import Sequence

from factcheck.frames import grammar as G
from factcheck.frames.measures import MEASURE_LEVEL_VERBS
from factcheck.frames.phrases import (DETERMINERS, PLAIN_MODIFIERS, PREPOSITIONS, PRONOUNS, QUALIFIERS, concept,
                                     is_number, noun_phrase, subject_of)
from factcheck.frames.vocabulary import TIME_NOUNS
from factcheck.frames.vocabulary import STOP, is_word

#: Concepts of the verbs after which a figure following "to" is a level.
CHANGES = frozenset({"rise", "fall"})
#: Determiners and possessives that may open the noun phrase before the verb.
_OPENERS = DETERMINERS | {"our"}
_RECORD = frozenset("a record new fresh".split())
_STAND = frozenset("stand stands stood standing".split())
_BREAKS = frozenset("said says that and but".split())
#: Nouns whose phrase names what is counted after "of" ("the number of patients").
_AMOUNT_OF = frozenset("number total count tally".split())
_PREPOSITIONS = frozenset("at in on for of from with by over under".split())


#: Singular nouns naming a group, whose size a number after "of" gives ("a crowd of 84,112").
COLLECTIVES = frozenset("crowd group fleet workforce staff population field army squad convoy delegation "
                        "contingent flotilla".split())
#: Verbs that give the level of a quantity their subject names ("the toll stands at 12", "the
#: protesters numbered about 4,000"): like "rose to", no predicate of their own.
LEVEL_VERBS = frozenset("stand stands stood total totals totalled totaled number numbers numbered amount amounts "
                        "amounted".split())
_PHRASE_ENDS = PREPOSITIONS | frozenset("of for to with among by about over".split())


def is_period(word: str) -> bool:
    """A noun of time or of a trading period ("months", "quarter", "trading"): what follows an
    amount "in" then dates it; it names no purpose."""
    low = word.lower()
    return concept(low) in TIME_NOUNS or low.rstrip("s") in ("quarter", "period", "session", "half") \
        or low == "trading"


def copula_subject(words: Sequence[str], lo: int, i0: int, count: bool = False,
                   measure: bool = False) -> tuple[str, str, frozenset[str]] | None:
    """What a figure after a copula or a level verb counts, from its clause's subject
    ("Turnout was 47 per cent", "the vaccination rate at the school is 87 percent"): the noun
    phrase before the verb, up to a preposition; None when the clause has no plain one (a
    pronoun, a name, a verb, a running total such as "the toll", which names no quantity).  A
    plain ``count`` takes only a plural subject of a level verb ("the protesters numbered
    4,000"; "the driver was 45" is an age); a ``measure`` also takes the subject of a verb that
    gives its level ("gusts hit a record 112 mph").  One adjective after "a" may stand before
    the figure ("a staggering 47 per cent")."""
    k = i0 - 1
    while k >= lo and words[k].lower() in QUALIFIERS:
        k -= 1
    if k > lo and words[k - 1].lower() in ("a", "an") and is_word(words[k]) and words[k][:1].islower():
        k -= 2
    levels = LEVEL_VERBS | MEASURE_LEVEL_VERBS if measure else LEVEL_VERBS
    if k < lo or not (words[k].lower() in G.BE or words[k].lower() in levels):
        return None
    phrase = []
    for x in range(lo, k):
        w, low = words[x], words[x].lower()
        if low in _PHRASE_ENDS:
            break
        if low in G.REPORTING or low == "that":  # "the clerk said (that) turnout was 36%"
            phrase = []
            continue
        attributive = x > lo and words[x - 1].lower() in DETERMINERS and x + 1 < k  # "the recovered engine"
        if not is_word(w) or is_number(w) or G.is_finite(w) and not attributive:
            return None
        if low not in DETERMINERS and not low.endswith(("'s", "’s")):
            phrase.append(low if x == 0 else w)
    if not phrase or len(phrase) > 3 or phrase[-1][:1].isupper() or phrase[-1].lower() in G.RUNNING \
            or phrase[-1].lower() in PRONOUNS:
        return None
    if count and not (words[k].lower() in LEVEL_VERBS and phrase[-1].lower().endswith("s")):
        return None
    return subject_of(phrase)


def level_after_to(words: Sequence[str], lo: int, i0: int) -> int | None:
    """The index of the change verb when the figure at ``words[i0]`` follows "to" after it in
    its clause ("fell 6% from a year earlier to $4.82 billion"); None otherwise."""
    k = i0 - 1
    while k > lo and (words[k].lower() in QUALIFIERS or words[k].lower() in _RECORD) and words[k].lower() != "to":
        k -= 1  # "rose to a record 612,400"
    if k <= lo or words[k].lower() != "to":
        return None
    for v in range(k - 1, max(lo, k - 10) - 1, -1):
        if concept(words[v]) in CHANGES and G.is_verb(words[v]):
            return v
    return None


def _finite(words: Sequence[str], k: int, lo: int) -> bool:
    """Whether ``words[k]`` is a finite verb, not a participle used as an adjective ("for planned treatment")."""
    return G.is_finite(words[k]) and not (G.is_participle(words[k]) and k > lo
                                          and words[k - 1].lower() in _PREPOSITIONS | _OPENERS)


def _counted(phrase: Sequence[str]) -> list[str]:
    """What "the number of …" counts: the noun phrase after "of", up to a verb or a preposition."""
    out: list[str] = []
    for w in phrase:
        low = w.lower()
        if out and (G.is_verb(w) or low.endswith("ing")) or low in STOP and low not in PLAIN_MODIFIERS \
                or low in _PREPOSITIONS:
            break
        out.append(w)
    return out


def _amount_of(words: Sequence[str], lo: int, v: int) -> int | None:
    """The index of "number" when the clause before ``v`` opens with "the number (total,
    count, tally) of …", whatever words describe the noun after it."""
    k = lo + (lo < v and words[lo].lower() in _OPENERS)
    if k + 2 < v and words[k].lower() in _AMOUNT_OF and words[k + 1].lower() == "of":
        return k
    return None


def counted_verb(words: Sequence[str], lo: int, v: int) -> tuple[str, str]:
    """The participle that says what happened to what "the number of …" counts, before the
    verb at ``v`` ("the number of people killed in the crash rose to 21": kill); ("", "")."""
    k = _amount_of(words, lo, v)
    if k is None:
        return "", ""
    p = k + 2 + len(_counted(words[k + 2:v]))
    if p < v and G.is_participle(words[p]):
        return concept(words[p]), words[p]
    return "", ""


def came_in_at(words: Sequence[str], lo: int, i0: int) -> int | None:
    """The index of "came" when the figure follows "came in at" ("revenue came in at $4.28
    billion"); None otherwise."""
    k = i0 - 1
    while k > lo and words[k].lower() in QUALIFIERS and words[k].lower() != "at":
        k -= 1
    if k - 2 >= lo and words[k].lower() == "at" and words[k - 1].lower() == "in" \
            and words[k - 2].lower() in ("came", "come", "comes", "coming"):
        return k - 2
    if k - 1 >= lo and words[k].lower() == "at" and words[k - 1].lower() in _STAND:
        return k - 1  # "the number of confirmed cases stands at 140"
    return None


def subject_before(words: Sequence[str], lo: int, v: int) -> tuple[str, str, frozenset[str]] | None:
    """The noun phrase right before the verb at ``v`` (after its opener), up to a preposition:
    "revenue", "its shares", "the jobless rate"; "Revenue for the third quarter" gives revenue.
    None when the words before the verb are no plain noun phrase (a name, a pronoun, a verb)."""
    while v > lo and words[v - 1].lower() in G.AUX:
        v -= 1  # "has risen", "had fallen"
    amount = _amount_of(words, lo, v)
    start = v if amount is None else amount
    while amount is None and start > lo and v - start < 12 and is_word(words[start - 1]) and (
            words[start - 1].lower() in _AMOUNT_OF or not _finite(words, start - 1, lo) and not is_number(words[start - 1])
    ) and words[start - 1].lower() not in _BREAKS:
        start -= 1
    head = next((k for k in range(start, v) if words[k].lower() in _PREPOSITIONS), v)
    owner = next((k for k in range(head - 1, start - 1, -1) if words[k].lower().endswith(("'s", "’s"))), None)
    start = start if owner is None else owner + 1  # "Tarvo Air's annual profit", not "the toll in Orvel's …"
    while start < v and words[start].lower() in _OPENERS:
        start += 1
    phrase = list(words[start:v])
    if len(phrase) > 2 and phrase[0].lower() in _AMOUNT_OF and phrase[1].lower() == "of":
        phrase = _counted(phrase[2:])  # "the number of patients waiting for treatment"
    elif v - start > 8:
        return None
    cut = next((n for n, w in enumerate(phrase) if n and w.lower() in STOP
                and (w.lower() not in PLAIN_MODIFIERS or w.lower() in _PREPOSITIONS)), len(phrase))
    phrase = phrase[:cut]
    if not phrase or len(phrase) > 3 or phrase[-1][:1].isupper() and start > lo or phrase[-1].lower() in PRONOUNS \
            or phrase[-1].lower() in G.RUNNING:
        return None
    found = subject_of([phrase[0].lower(), *phrase[1:]] if start == lo else phrase)
    return found if found[0] and not found[0].startswith(("=", "^")) else None


#: Nouns that name a change by a share ("a 37% rise in profit", "a pay rise of 4%"), by direction.
_CHANGE_NOUNS = {**dict.fromkeys("rise increase jump gain growth hike climb surge".split(), "rise"),
                 **dict.fromkeys("fall drop decline decrease reduction slump dip".split(), "fall")}
#: Words between a change verb and its share ("rose by about 6%"); "to" would make it a level.
_BEFORE_CHANGE = (QUALIFIERS - {"to", "up"}) | {"by"}
#: Nouns before "of" that name no quantity of their own ("a total of", "to the tune of").
_NO_OWNER = frozenset("total sum amount average figure estimate maximum minimum tune upwards excess level "
                      "out part portion range one".split())


def change_of(words: Sequence[str], lo: int, i0: int, j: int, end: int,
              noun_words: Sequence[str]) -> tuple[str, str, frozenset[str], str] | None:
    """(subject, its words, modifiers, "rise" or "fall") of a share that changed something:
    after a change verb ("profit jumped 37%", "grew by 6.8%"), before a change noun and what
    it changed ("a 37% rise in profit", "a 4% pay rise"), or after one ("a pay rise of 4%");
    ``j`` is the index after the claim's noun.  None for another figure or an unnamed change."""
    k = i0 - 1
    while k > lo and words[k].lower() in _BEFORE_CHANGE:
        k -= 1
    verb = words[k].lower() if k >= lo else ""
    if concept(verb) in CHANGES and verb[:1] == words[k][:1] and not verb.startswith("reach") \
            and not (k > lo and words[k - 1].lower() in _OPENERS):
        found = subject_before(words, lo, k)
        return (*found, concept(verb)) if found else None
    if not noun_words and j < end and words[j].lower() in _CHANGE_NOUNS:  # "a 37% rise in profit"
        head, modifiers, j = words[j].lower(), [], j + 1
    elif not noun_words and j + 1 < end and words[j + 1].lower() in _CHANGE_NOUNS and _plain(words[j]):
        head, modifiers, j = words[j + 1].lower(), [words[j]], j + 2  # "a 4% pay rise"
    elif noun_words and noun_words[-1].lower() in _CHANGE_NOUNS:
        head, modifiers = noun_words[-1].lower(), list(noun_words[:-1])
    elif i0 - 2 >= lo and words[i0 - 1].lower() == "of" and words[i0 - 2].lower() in _CHANGE_NOUNS:
        head, modifiers = words[i0 - 2].lower(), _modifiers(words, lo, i0 - 2)
    else:
        return None
    if j + 1 < end and words[j].lower() == "in":
        _, inner = noun_phrase(words, j + 1, end)
        found = subject_of(inner) if inner and inner[0].lower() not in PRONOUNS and not inner[-1][:1].isupper() else None
        if found and found[0] and not found[0].startswith(("=", "^")):
            return (*found, _CHANGE_NOUNS[head])
    if modifiers:
        found = subject_of(modifiers)
        if found[0] and not found[0].startswith(("=", "^")):
            return (*found, _CHANGE_NOUNS[head])
    return None


#: Words before "<noun> at <figure>" that make the figure that noun's level ("with turnout at
#: 62 per cent", "leaving inflation at 3.1%"); after a verb, "at" places an event instead.
_LEVEL_OPENERS = frozenset("with and leaving left keeping putting".split())


def owner_of(words: Sequence[str], lo: int, i0: int) -> tuple[str, str, frozenset[str]] | None:
    """The noun an amount or a share is the level of when it follows "of" ("a turnout of 64%",
    "pre-tax profit of €421m", "profits before tax of £146.8m", "compensation of €2.50 per
    hen") or "at" ("with turnout at 62%"); None for a noun that names no quantity of its own
    ("a total of", "an average of")."""
    if i0 - 2 < lo or words[i0 - 1].lower() not in ("of", "at"):
        return None
    if words[i0 - 1].lower() == "at":
        k = i0 - 3 - (i0 - 3 >= lo and words[i0 - 3].lower() in DETERMINERS)
        if k >= lo and words[k].lower() not in _LEVEL_OPENERS:
            return None
    k = i0 - 2
    if k - 2 >= lo and words[k].lower() in ("tax", "interest") and words[k - 1].lower() in ("before", "after"):
        k -= 2  # "profits before tax of £146.8m" is pre-tax profit
    noun = words[k].lower()
    if not _plain(words[k]) or noun in _NO_OWNER or noun in _CHANGE_NOUNS:
        return None
    found = subject_of([*_modifiers(words, lo, k), noun])
    return found if found[0] else None


def rate_named(subject_words: str) -> str:
    """The subject of a share named "<noun> rate": ``rate:<noun>`` ("the jobless rate",
    "the vaccination rate"), so that rates of different things are not compared; ``rate``
    for a rate that names nothing."""
    words = subject_words.lower().split()
    return f"rate:{concept(words[-2])}" if len(words) > 1 else "rate"


def _modifiers(words: Sequence[str], lo: int, k: int) -> list[str]:
    """The plain words right before the noun at ``words[k]`` that modify it ("pre-tax" profit, "pay" rise)."""
    start = k
    while start > lo and k - start < 2 and _plain(words[start - 1]):
        start -= 1
    return list(words[start:k])


def _plain(word: str) -> bool:
    """A lower-case content word that is no verb: one that may modify a noun."""
    return is_word(word) and word[:1].islower() and word.lower() not in STOP and not G.is_verb(word)


__all__ = ["CHANGES", "COLLECTIVES", "LEVEL_VERBS", "came_in_at", "change_of", "copula_subject", "counted_verb", "is_period",
           "level_after_to", "owner_of", "rate_named", "subject_before"]
