"""Readable names for the report: a quantity's from its index key, a story's from its titles.

Pure functions.  ``key_label("USD|||p:remain")`` is "remain (USD)"; ``story_label`` names a
story by the words most of its articles' titles share ("Valmora flood" for "Valmora flood:
death toll rises" and "Rescuers search Valmora after flood"), else by its first title, else
by the folder its articles share, else by its first path.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from typing import Iterable, Sequence

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
#: Words a title shares with others without naming the story.
_PLAIN = frozenset("""a an the and or but of in on at to for from by with as is are was were be been has have had
    not no after before over under into out up down off says said say new news more than its it his her their
    this that these those who what when where why how will would can could may might about amid against
    report reports update live latest video photos watch by
    monday tuesday wednesday thursday friday saturday sunday today yesterday week year
    january february march april june july august september october november december""".split())
MAX_WORDS = 5
MAX_TITLE_WORDS = 8


def key_label(key: str) -> str:
    """A readable name for an index key: the fact id, or what is counted (or the clause's verb),
    its role and side, with the unit in brackets."""
    if key.startswith("fact:"):
        return key[5:]
    unit, role, side, head = (key.split("|") + ["", "", "", ""])[:4]
    what = head.partition(":")[2]
    if what.startswith("dist"):
        what, role = "distance" + (f" from {what[5:]}" if what[5:] else ""), ""
    what = what.replace(":", " ").replace("_", " ")
    words = " ".join(w for w in (role, what, side) if w) or "figure"
    return f"{words} ({unit})" if unit else words


def story_label(titles: Sequence[str], paths: Sequence[str] = (), root: str | None = None) -> str:
    """A story's name: the words most of its articles' titles (oldest first) share when they
    are two or more; else the folder its articles share below the archive's ``root`` (a
    story's slug); else one shared word, the first title, the folder the articles share, or
    the first path's name."""
    titles = [t.strip() for t in titles if t and t.strip()]
    shared = _shared_words(titles) if len(titles) >= 2 else ""
    if len(shared.split()) >= 2:
        return shared
    folder = _story_folder(paths, root)
    if folder:
        return folder
    if shared:
        return shared
    if titles:
        words = titles[0].split()
        return " ".join(words[:MAX_TITLE_WORDS]) + (" …" if len(words) > MAX_TITLE_WORDS else "")
    return _story_folder(paths, None) or (os.path.basename(paths[0]) if paths else "untitled")


def common_folder(paths: Iterable[str]) -> str | None:
    """The folder all ``paths`` lie in ("." for bare names; None when there are none or they
    share none, as relative and absolute paths or paths on two drives do); read one at a
    time, so a stream of a million paths is never held."""
    common = None
    for p in paths:
        folder = os.path.dirname(p) or "."
        try:
            common = folder if common is None else os.path.commonpath([common, folder])
        except ValueError:
            return None
    return common


def _story_folder(paths: Sequence[str], root: str | None) -> str:
    """The name of the folder all ``paths`` share when it lies below ``root`` and names
    something (not a year, a month or a number)."""
    common = common_folder(paths)
    if common is None:
        return ""
    if root is not None and os.path.normpath(common) == os.path.normpath(root):
        return ""
    name = os.path.basename(common)
    return name if _WORD.search(name) and name not in (".", "..") else ""


def _shared_words(titles: Sequence[str]) -> str:
    """The content words at least two titles and half of them share, in the order and spelling
    of the title holding most of them ("" when none)."""
    seen = [_WORD.findall(t) for t in titles]
    counts = Counter(w for words in seen for w in {_fold(w) for w in words if _fold(w) not in _PLAIN
                                                   and len(w) > 2})
    need = max(2, (len(titles) + 1) // 2)
    common = {w for w, n in counts.items() if n >= need}
    if not common:
        return ""
    best = max(enumerate(seen), key=lambda iw: (len({_fold(w) for w in iw[1]} & common), -iw[0]))[1]
    out: list[str] = []
    for w in best:
        if _fold(w) in common and _fold(w) not in {_fold(o) for o in out}:
            out.append(w)
    return " ".join(out[:MAX_WORDS])


def _fold(word: str) -> str:
    w = word.lower().replace("’", "'")
    w = w[:-2] if w.endswith("'s") else w
    return w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w


__all__ = ["common_folder", "key_label", "story_label"]
