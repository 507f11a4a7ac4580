"""The counted noun: the words right after a claim that name what it counts."""
from __future__ import annotations

from factcheck.extract import lazy_re as re
from factcheck.extract.core import Core
from factcheck.extract.lexicon import STOP, words

_OF_THE = re.compile(r"[ \t]+of(?:[ \t]+the)?(?=[ \t])")
_NOUN = re.compile(r"(?:[ \t\u00a0]+|-)([A-Za-z][\w'’-]*(?:\.[A-Za-z][\w'’-]*)*\.?)")


_PLURAL_LIKE = words("plural_like_nouns")


def noun(text: str, n: Core) -> str:
    """The words right after a claim that name what it counts: up to four, ending at the first
    plural-looking word, a function word, a verb form or punctuation.  After a unit, a currency
    or a percentage the counted thing follows "of" ("3.5 million tonnes of wheat"); ages take
    no capitalized words (names); a possessor is passed over ("of the school's students")."""
    pos = n.end
    words: list[str] = []
    if n.kind != "count" or n.vague is not None or n.scale > 1:
        of = _OF_THE.match(text, pos, pos + 9)
        if of:
            pos = of.end()
        elif n.kind in ("quantity", "percent", "currency") and not (n.adjective and n.kind == "quantity"):
            return ""
    while len(words) < 4:
        m = _NOUN.match(text, pos)
        if not m:
            break
        w = m.group(1)
        end_dot = w.endswith(".") and "." not in w[:-1]
        if end_dot:
            w = w[:-1]
        lw = w.lower()
        if lw in STOP or w.isdigit() or n.kind == "age" and w[:1].isupper():
            break
        if lw.endswith(("ed", "ing")) and (words or not _modifies(text, m.end())):
            break
        if lw.endswith(("'s", "’s")) and _NOUN.match(text, m.end()):
            pos = m.end()  # a possessor: "78% of the school's students" counts students
            continue
        words.append(w)
        pos = m.end()
        if end_dot or lw in _PLURAL_LIKE or len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "us", "is")):
            break
        if text[pos:pos + 1] in (",", ".", ";", ":", "!", "?", ")", '"', "”"):
            break
    return " ".join(words)


def _modifies(text: str, pos: int) -> bool:
    """Is the word at ``pos`` a noun that a participle before it modifies ("detained Palestinians")?"""
    m = _NOUN.match(text, pos)
    if not m:
        return False
    w = m.group(1).rstrip(".")
    return w[:1].isupper() or w.lower() in _PLURAL_LIKE or len(w) > 3 and w.endswith("s") and not w.endswith("ss")
