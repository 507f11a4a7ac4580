"""What stands right next to a number can make it no claim: "the top 10", "1990s", "5pm",
"COVID-19", "±5", "per 100,000", "<>30", "95% CI".

The rules here look at the characters just before or after a number core while ``widen``
reads its context; each drops the number.  Text before a core is passed reversed
(``before``), so every check is an anchored match at its start.
"""
from __future__ import annotations

import math
from factcheck.extract import lazy_re as re

from factcheck.extract.core import Core
from factcheck.extract.lexicon import lines, pattern, words
from factcheck.extract.policy import Patterns, declare, rule
from factcheck.extract.references import confidence_level as _confidence_level

_SUPERLATIVE_NEXT = re.compile(r"[ \t]+" + pattern("superlatives") + r"(?![A-Za-z-])")
_IDENT = re.compile(r"[A-Za-z]+[-‐]\Z")
_HYPHEN_PREFIXES = words("hyphen_prefixes")
_PER_REVERSED = "per "[::-1]

#: What may not follow the digits of a bare count: each alternative is one rule.
AFTER_DIGITS = Patterns(__name__, (
    ("not-claim.ordinal-suffix", 'Digits before "st", "nd", "rd" or "th" are an ordinal ("the 21st", "3rd place").',
     r"(?:st|nd|rd|th)(?![A-Za-z])"),
    ("not-claim.decade", 'Digits before "s" name a decade or a plural of the figure ("the 1990s", "in the 80s").',
     r"s(?![A-Za-z])"),
    ("not-claim.block-number", 'A figure before "block" is an address ("the 300-block of Main Street").',
     r"-block\b|[ \t]+block\b"),
    ("not-claim.clock-time", 'A figure before a.m., p.m., "o\'clock" or a time zone is a time ("5 p.m.", "10 GMT").',
     r"[ \t]?(?:[ap]\.m\.?(?![A-Za-z])|[ap]m(?![A-Za-z])|o'clock|GMT|BST|[ECMP][SD]?T(?![A-Za-z]))"),
    ("not-claim.joined-digits", 'Digits joined to more digits by ":", "/", "," or "." are a time, a score or a code ("10:30", "1.2.3").',
     r"[:/,]\d|[.]\d"),
    ("not-claim.letter-suffix", 'Digits with a letter right after them are a code or a name ("5G", "A380s", "3D").',
     r"[A-Za-z]"),
), re.IGNORECASE)
#: Marks right before a number that make it no claim, matched on the reversed text before it; the
#: base of a rate needs ``power_of_ten_base`` too.
MARKS_BEFORE = Patterns(__name__, (
    ("not-claim.rate-base", 'A power of ten after "per" is the base of a rate ("cases per 100,000 residents").',
     re.escape(_PER_REVERSED)),
    ("not-claim.margin-of-error", 'A figure after "±" or "+/-" is a margin of error ("±3 points", "+/- 2.5").',
     "±|" + re.escape("+/- "[::-1]) + "|" + re.escape("± "[::-1])),
    ("not-claim.after-slash", 'A figure right after a slash is part of a ratio, a date or a name ("1/5", "w/5").', "/"),
), re.IGNORECASE)
RATE_BASE = "not-claim.rate-base"
GLUED_TO_WORD = declare("not-claim.glued-to-word", 'Digits glued to a word are part of a name or a code ("GPS2", '
                        '"COVID19"); only a currency code may stand there.', __name__)


def power_of_ten_base(core: Core, before: str) -> bool:
    """Whether the figure after "per" is a power of ten from 100 up, the word "per" standing alone."""
    return not before[4:5].isalpha() and core.value >= 100 and math.log10(core.value).is_integer()


def _any_case(word: str) -> str:
    return "".join(f"[{char}{char.upper()}]" if char.isalpha() else re.escape(char) for char in word)


#: A cut-off in a ranking, matched on the reversed text before a number: "the top 10 earners"
#: (the rank word within the eight characters before it) and "the two largest" (a determiner
#: before it; ``superlative_next`` must find the superlative after it).
RANKING = Patterns(__name__, (
    ("not-claim.rank-cutoff", 'A number after "the top" or "the bottom" is a cut-off in a ranking ("the top 10 earners", '
     '"a top-20 team").', r"(?i:(?=" + "|".join(rf"[\s\S]{{0,{8 - len(word)}}}{re.escape(word[::-1])}"
                                               for word in lines("rank_cutoffs") if len(word) <= 8) +
     r")[ \t]*-?[ \t]*" + pattern("rank_cutoffs", reverse=True) + r"[ \t]+(?:" + pattern("determiners", reverse=True) +
     r"|a|s['’][A-Za-z]+)(?![A-Za-z]))"),
    ("not-claim.ranked-superlative", 'A number between a determiner and a superlative is a cut-off in a ranking ("the two '
     'largest economies").', " (?:" + "|".join(_any_case(word[::-1]) + r"(?: |\Z)" for word in sorted(words("determiners"))) +
     "|[sS]['’])"),
))
RANKED_SUPERLATIVE = "not-claim.ranked-superlative"


def superlative_next(text: str, core: Core) -> bool:
    """Whether a superlative follows the number ("the two largest economies")."""
    return _SUPERLATIVE_NEXT.match(text, core.end) is not None


@rule("not-claim.hyphenated-name")
def hyphenated_name(text: str, core: Core) -> bool:
    """A figure after a word and a hyphen is part of a name ("COVID-19", "F-16", "Su-57"; not "sub-20", "over-50s")."""
    start = core.start
    if not (start > 1 and text[start - 1] in "-‐" and text[start - 2].isalpha()):
        return False
    word = _IDENT.search(text, max(0, start - 12), start)
    prefix = word.group()[:-1].lower() if word else ""
    if prefix in _HYPHEN_PREFIXES or prefix == "to" and text[word.start() - 1:word.start()] == " ":  # "200 to-300": a slipped dash
        return False
    return not (word and word.start() and text[word.start() - 1].isdigit())


@rule("not-claim.not-equal")
def not_equal(before: str, qualifier: re.Match) -> bool:
    """A figure after "<>" is a condition, not an interval ("<>30")."""
    return qualifier.group(1) in (">", "<") and before[qualifier.end():qualifier.end() + 1] in ("<", ">")


@rule("not-claim.confidence-level")
def confidence_level(text: str, core: Core) -> bool:
    """A percentage before "CI" or "confidence interval" is a confidence level ("95% CI")."""
    return _confidence_level(text, core.end)


__all__ = ["AFTER_DIGITS", "GLUED_TO_WORD", "MARKS_BEFORE", "RANKED_SUPERLATIVE", "RANKING", "RATE_BASE", "confidence_level",
           "hyphenated_name", "not_equal", "power_of_ten_base", "superlative_next"]
