"""The words of rule-less keying: a tiny lemmatizer, a synonym table, stop words, tokens.

``fold`` maps a word to its concept (``died`` → ``kill``) or its crude lemma; ``Tokens``
reads a text's word and punctuation tokens once so every claim's surroundings are a slice;
``clause`` and ``sentence_names`` read those slices, through per-token answers cached once
per distinct token (``token_term``, ``is_predicate``, ``scope_of``, ``name_key``).
Pure and dependency-free; ``quantity`` builds mentions from these.
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from typing import Sequence

CONCEPTS = {
    "kill": "kill killed kills killing dead die died dies dying death deaths toll tolls fatality "
            "fatalities slain perished lives drowned drowning",
    "injure": "injure injured injuring injury injuries wounded wounding hurt hospitalized",
    "captive": "hostage hostages captive captives abductee abductees",
    "release": "release released releasing freed free frees freeing",
    "miss": "missing unaccounted",
    "arrest": "arrest arrested arrests detained detain detention custody",
    "intercept": "intercept intercepted intercepts interception interceptions",
    "evacuate": "evacuate evacuated evacuation evacuees displaced relocate relocated relocation",
    "shoot": "shot shoot shooting shootings gunshot",
    "stab": "stab stabbed stabbing stabbings",
    "rescue": "rescue rescued saved",
    "infect": "infect infected infection infections",
    "vote": "vote votes voted ballot ballots",
    "margin": "margin margins",
    "case": "case cases",
    "person": "people person persons individual individuals victim victims",
    "child": "child children kid kids",
    "employee": "employee employees worker workers staff staffer staffers labourer labourers laborer laborers",
    "shop": "shop shops store stores",
    "visitor": "visitor visitors guest guests",
    "year": "year years yr yrs",
    "month": "month months",
    "week": "week weeks",
    "day": "day days",
    "hour": "hour hours",
    "minute": "minute minutes",
}
PREDICATES = frozenset({"margin", "kill", "injure", "captive", "release", "miss", "arrest", "evacuate", "shoot",
                        "stab", "rescue", "infect", "vote", "intercept"})
TIME_NOUNS = frozenset({"year", "month", "week", "day", "hour", "minute", "decade"})
#: Nouns of a time that name what a verb says: "a two-year ban" is "banned for two years".
EVENT_NOUNS = {"sentence": "sentence", "ban": "ban", "suspension": "suspend", "closur": "clos", "delay": "delay",
               "prison term": "sentence", "jail term": "sentence"}
SCOPES = {
    "day": "day daily single overnight today yesterday tonight",
    "week": "week weekly weekend",
    "month": "month monthly",
    "year": "year annual annually yearly",
    "total": "total overall cumulative altogether",
}
FORECAST = frozenset("could may might would will expect expected expects projected projection "
                      "forecast forecasts predict predicted predicts likely potentially possibly "
                      "aim aims target goal plan plans planned hope hopes if "
                      "require requires must need needs".split())
#: Verbs after "will" that say what someone has decided to do with the figure, not what may
#: happen to it: "said it will cut 9% of its workforce", "will pay the singer $2.4 million".
DECIDED = frozenset("cut pay eliminate shed axe lay hire invest spend donate refund fund sell buy acquire close shut open".split())
MODIFIERS = frozenset("more other additional new confirmed suspected total of the those these "
                       "them whom some about nearly almost around roughly least most over under "
                       "than at just only a an".split())
STOP = frozenset("""a an the of in on at to from by with for and or but nor so as than then that this
these those there here it its it's he she they them their his her him we us our you your i me my is are
was were be been being am has have had having do does did not no yes if into onto upon out up down off
over under about after before during since until while when where which who whom whose what why how all
any each every some such own same other more most very just also only even still yet again ever never
said says say saying told tells according reported report reports per cent percent mr mrs ms dr
one two three four five six seven eight nine ten eleven twelve hundred hundreds thousand thousands
million millions billion billions can could may might will would shall should must near nearly
almost around roughly least many much few several""".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
SCALES = ("thousand", "million", "billion", "trillion")
IRREGULAR = {"people": "person", "children": "child", "men": "man", "women": "woman", "lives": "life",
              "died": "die", "dying": "die", "held": "hold", "freed": "free", "fled": "flee",
              "shot": "shoot", "taken": "take", "left": "leave", "wives": "wife", "feet": "foot"}

WORD = re.compile(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*")
#: A token: a punctuation mark, or a word (with its apostrophes, inner dots and hyphens).
TOKEN = re.compile(r"[,;:()\[\]—–!?.]|[^\W_][\w'’]*+(?:\.(?=\w)[\w'’]*+)*+(?:-[^\W_][\w'’]*+)*+")
TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})")
#: ``TOKEN_SPLIT`` for ASCII text, where its classes are these plain ones (the regex engine runs
#: them faster than the Unicode categories).
_ASCII_SPLIT = re.compile("(" + TOKEN.pattern.replace(r"[^\W_]", "[A-Za-z0-9]").replace(r"[\w'’]", "[A-Za-z0-9_']")
                          .replace(r"(?=\w)", "(?=[A-Za-z0-9_])") + ")")
YEAR = re.compile(r"(?:19|20)\d\d")
MONTH_NAMES = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
                r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
CLAUSE_WORDS = frozenset("and but while whereas which who whom after before including".split())
SENTENCE_START = frozenset('. ! ? : ; " “ ( — –'.split())
MONTH_WORD = re.compile(MONTH_NAMES + r"\.?")

def _fold_table() -> dict[str, str]:
    table = {}
    for concept, words in CONCEPTS.items():
        for w in words.split():
            table[w] = concept
            table[lemma(w)] = concept
    return table


@functools.lru_cache(maxsize=1 << 16)
def lemma(word: str) -> str:
    """A crude lemma: lower case, possessive, plural and ``-ed``/``-ing`` endings stripped."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'-.")
    if w in IRREGULAR:
        return IRREGULAR[w]
    if len(w) <= 3:
        return w
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"),
                         ("shes", "sh"), ("ing", ""), ("ed", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                break
            w = w[: -len(suffix)] + repl
            if suffix in ("ing", "ed") and len(w) >= 4 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            break
    if len(w) >= 5 and w.endswith("e"):
        w = w[:-1]
    return w


_FOLD: dict[str, str] = {}


@functools.lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """A word's concept: the synonym table's name for it (``died`` → ``kill``), else its lemma."""
    if not _FOLD:
        _FOLD.update(_fold_table())
    w = word.lower().replace("’", "'")
    return _FOLD.get(w) or _FOLD.get(lemma(w)) or lemma(w)


@functools.lru_cache(maxsize=1 << 16)
def is_word(token: str) -> bool:
    """Whether a token is a word (starts with a letter), not a number or punctuation."""
    return WORD.fullmatch(token) is not None


@functools.lru_cache(maxsize=1 << 16)
def is_year(token: str) -> bool:
    """Whether a token looks like a year of the 20th or 21st century (``YEAR``)."""
    return len(token) == 4 and token[:2] in ("19", "20") and token[2:].isdecimal()


SCOPE_OF = {w: s for s, words in SCOPES.items() for w in words.split()}


class Tokens:
    """A text's word and punctuation tokens, read once and sliced around each claim; with ``lo``
    and ``hi``, those of ``text[lo:hi]`` only (at their offsets in ``text``), which are the
    whole text's tokens there when blanks bound the part (no token holds a blank)."""

    def __init__(self, text: str, lo: int = 0, hi: int | None = None):
        self.text = text
        part = text if lo == 0 and hi is None else text[lo:hi]
        parts = (_ASCII_SPLIT if part.isascii() else TOKEN_SPLIT).split(part)
        offsets = list(itertools.accumulate(map(len, parts), initial=lo))
        self.words = parts[1::2]
        self.starts = offsets[1:-1:2]
        self.ends = offsets[2::2]

    def before(self, lo: int, hi: int, n: int) -> tuple[list[str], list[int]]:
        """The last ``n`` tokens of ``text[lo:hi]`` and their offsets (as if tokenized alone)."""
        i = bisect.bisect_left(self.starts, hi)
        j = max(bisect.bisect_left(self.starts, lo), i - n)
        words, starts = self.words[j:i], self.starts[j:i]
        if i > j and self.ends[i - 1] > hi:
            tail = [(m.group(), m.start()) for m in TOKEN.finditer(self.text, self.starts[i - 1], hi)]
            words[-1:] = [w for w, _ in tail]
            starts[-1:] = [s for _, s in tail]
            return words[-n:], starts[-n:]
        return words, starts

    def after(self, lo: int, hi: int, n: int) -> tuple[list[str], list[int]]:
        """The first ``n`` tokens of ``text[lo:hi]`` and their offsets (as if tokenized alone)."""
        k = bisect.bisect_left(self.starts, lo)
        stop = bisect.bisect_left(self.starts, hi, k, min(len(self.starts), k + n))
        words, starts = self.words[k:stop], self.starts[k:stop]
        if k > 0 and self.ends[k - 1] > lo:
            head = [(m.group(), m.start()) for m in TOKEN.finditer(self.text, lo, min(hi, self.ends[k - 1]))]
            words = ([w for w, _ in head] + words)[:n]
            starts = ([s for _, s in head] + starts)[:n]
        return words, starts


@functools.lru_cache(maxsize=1 << 16)
def token_term(token: str) -> str:
    """The term a token gives: a content word folded, ``y<year>`` for a year, else ""."""
    if is_word(token):
        return fold(token) if len(token) > 1 and token.lower() not in STOP else ""
    return f"y{token}" if is_year(token) else ""


@functools.lru_cache(maxsize=1 << 16)
def is_predicate(word: str) -> bool:
    """Whether a word folds to an event concept (``killed`` → ``kill``)."""
    return fold(word) in PREDICATES


@functools.lru_cache(maxsize=1 << 16)
def scope_of(word: str) -> str:
    """The time scope a word names ("daily" → ``day``), or ""."""
    return SCOPE_OF.get(fold(word)) or SCOPE_OF.get(word.lower(), "")


@functools.lru_cache(maxsize=1 << 16)
def breaks_clause(token: str) -> bool:
    """Whether a token ends a clause: punctuation, a number, or a joining word."""
    return not is_word(token) or token.lower() in CLAUSE_WORDS


def sentence_names(before: Sequence[str], claim_text: str, after: Sequence[str], skip: Sequence[str]) -> frozenset[str]:
    """Capitalized words of the number's sentence that do not start it (places, people), as
    their name keys (``name_key``); not the speakers an attribution names ("Dunleavy said",
    "according to the Wire"): who reports a figure does not say what it is about."""
    words = [*before, claim_text, *after]
    named = [(k, name) for k in range(1, len(words)) if (name := name_key(words[k]))
             and words[k - 1] not in SENTENCE_START and words[k] not in skip]
    if not named:
        return frozenset()
    quiet = attribution_spans(words)
    return frozenset([name for k, name in named if k not in quiet])


ATTRIBUTION = frozenset("said says told tells according spokesman spokeswoman spokesperson".split())


def attribution_spans(words: Sequence[str]) -> set[int]:
    """Indexes of the capitalized words that name a speaker: up to four before "said"/"told"
    (and the title words between), or after "according to" and "said"."""
    out: set[int] = set()
    lowered = [w.lower() for w in words]
    if ATTRIBUTION.isdisjoint(lowered):
        return out
    for k, low in enumerate(lowered):
        if low not in ATTRIBUTION:
            continue
        j = k - 1
        while j >= 0 and k - j <= 5 and (words[j][:1].isupper() or words[j].lower() in ("the", "of", "chief")):
            out.add(j)
            j -= 1
        j = k + 1 + (low == "according")
        while j < len(words) and j - k <= 5 and (words[j][:1].isupper() or words[j].lower() in ("the", "to", "of")):
            out.add(j)
            j += 1
    return out


@functools.lru_cache(maxsize=1 << 16)
def name_key(w: str) -> str:
    """A capitalized word's name key, or "" for any other token: its first letter and the next
    consonants, four letters in all, so a place and its people meet ("Israel", "Israelis") and
    so do spellings of one transliterated name ("Jabalia", "Jebaliya")."""
    if w[:1].isupper() and is_word(w) and not names_nothing(w):
        return skeleton(fold(w))[:4]
    return ""


def names_nothing(word: str) -> bool:
    """Whether a word is no name even when capitalized: a stop word, a weekday or a month."""
    low = word.lower()
    return low in STOP or low in WEEKDAYS or MONTH_WORD.fullmatch(word) is not None


def skeleton(word: str) -> str:
    """A lowercase word's first letter and its consonants: spellings of one transliterated name
    meet ("jabalia", "jebaliya"), and different names seldom do ("granada", "grandview")."""
    return word[:1] + "".join(ch for ch in word[1:] if ch not in _SOFT)


_SOFT = frozenset("aeiouyhw'’.-")


def holds_any(text: str, pieces: Sequence[str]) -> bool:
    """Whether ``text`` holds one of ``pieces`` (``any(p in text for p in pieces)``, without a generator)."""
    for piece in pieces:
        if piece in text:
            return True
    return False


def clause(tokens) -> list[str]:
    """The words of ``tokens`` (strings) up to the first clause break (punctuation or a joining word)."""
    out = []
    for w in tokens:
        if breaks_clause(w):
            if w in ("-",) or (out == [] and w.lower() in ("and",)):
                continue
            break
        out.append(w)
    return out


__all__ = ["CONCEPTS", "EVENT_NOUNS", "PREDICATES", "TIME_NOUNS", "STOP", "MONTH_NAMES", "Tokens", "fold", "lemma", "is_word",
           "is_year", "clause", "holds_any", "sentence_names", "attribution_spans", "ATTRIBUTION", "token_term", "is_predicate", "scope_of", "breaks_clause", "name_key", "names_nothing", "skeleton"]
