"""The context of a number core: what stands next to it makes it a claim, or not.

``widen`` attaches a currency sign, a minus, a scale word, a unit, a qualifier and an age
to a ``Core``, and rejects cores that are years, dates, times, identifiers, names, list
numbers or parts of codes.  Context before a core is matched on the reversed few dozen
characters before it, so every check is anchored and short.
"""
from __future__ import annotations

import math
import re

from factcheck.extract import numbers as N
from factcheck.extract import qualifiers as Q
from factcheck.extract.core import Core
from factcheck.extract.number_cores import out_of
from factcheck.extract.lexicon import IDENTIFIER_WORDS, METRE_CONTEXT, STOP, pattern, words
from factcheck.extract.bare_numbers import age_bound, plain_ok
from factcheck.extract.references import confidence_level
from factcheck.extract.units import (AFTER_NUMBER, CURRENCY_CODES, CURRENCY_SYMBOLS, CURRENCY_WORDS, DURATIONS, PERCENT_WORDS,
                             SCALED_CODES, SUBUNITS, UNIT_SURFACES, canonical)
from factcheck.extract.number_words import clock_minutes, prev_word

_NEXT_WORD_AFTER_OF = re.compile(r"[ \t]+(?:of[ \t]+)?([A-Za-z]+)")
_LETTER_NEXT = re.compile(r"[ \t]*[A-Za-z]")
_LOWER_WORD_NEXT = re.compile(r"[ \t]+[a-z]")
_INCHES_NEXT = re.compile(r"[ \t]*(?:and[ \t]+)?(\d{1,2})(?:[ \t]?(?:in\b|inch(?:es)?\b|\")|(?P<bare>)(?=[ \t]*(?:[,;:)!?]|\.(?!\d)|"
                          r"\Z|(?:tall|and|in)\b)))")  # "6ft 2in", "6 foot 4 and"
_SCALE = re.compile(r"([ \u00a0]?-?[ \u00a0]?)(million|billion|trillion|thousand|hundred|lakh|crore|dozens?|dozs|dzs?|"
                    r"Million|Billion|Trillion|Thousand|MILLION|BILLION)(?![A-Za-z])|"
                    r"([ \u00a0]?)(bn|mn|mln|bln|tn|tln|mil|MM)(?![A-Za-z])|(m|M|k|K|b|B|T)(?![A-Za-z0-9])|"
                    r" (k)(?=[.,;:!?)]|\Z)")  # "2.33 k" closing a sentence: thousands
_SIGNS = "$£€¥₹₩₽₺₪"
#: Written before a sign: "US$", "U.S. $", "HK$" (any case).
_SIGN_PREFIXES = ("US", "U.S.", "CA", "AU", "NZ", "HK", "NT", "MX")
#: Codes written before the number: "USD 5", "Rs. 500", "MEUR 60" (a scale letter may lead).
_CODES_BEFORE = ("USD", "GBP", "EUR", "JPY", "CNY", "INR", "CAD", "AUD", "CHF", "HKD", "SGD", "NZD", "MYR", "SEK", "NOK",
                 "DKK", "RM", "Rs", "Rs.")
#: Written after a dollar sign: "$US 5", "$A 20".
_DOLLAR_SUFFIXES = {"US": "USD", "A": "AUD", "NZ": "NZD", "C": "CAD", "HK": "HKD"}


def _reversed(spellings) -> str:
    return "|".join(re.escape(word[::-1]) for word in sorted(spellings, key=lambda word: (-len(word), word)))


_CURRENCY_BEFORE = re.compile(  # matched on the reversed text: "$" or "US$" or "USD " just before the number
    r"[ \u00a0]?(?:([" + _SIGNS + r"])(?:(?:[ \u00a0]?((?i:" + _reversed(_SIGN_PREFIXES) + r"))|(C|A|S|R))"
    r"(?![A-Za-z’'.]))?|(" + _reversed(_CODES_BEFORE) + r")(M{1,2}|[kK])?(?![A-Za-z])|(" +
    _reversed(_DOLLAR_SUFFIXES) + r")\$)")
#: What the reversed text may begin with (after one blank) for either pattern to match.
_CURRENCY_FIRST = frozenset(_SIGNS) | {code[-1] for code in _CODES_BEFORE} | {code[-1] for code in _DOLLAR_SUFFIXES}
#: "£" as ASCII transliteration writes it ("PS2.7m", "PS21,700"), matched reversed.
_TRANSLITERATED_POUND = re.compile(_reversed(["PS"]) + r"(?![A-Za-z0-9])")
_MINUS_BEFORE = re.compile(r"(?:[-−](?=\s*(?:\s|$|[(\[<>=≤≥])|[ \t]*$)|[-−]?[ \t]*" + pattern("minus_words", reverse=True) +
                           r"(?![a-z]))", re.I)
#: The last letters of the minus words, which the reversed text after a blank starts with.
_MINUS_LAST = frozenset(letter for word in words("minus_words") for letter in (word[-1], word[-1].upper()))
_AFTER_BAD = re.compile(r"(?:st|nd|rd|th|s)(?![A-Za-z])|-block\b|[ \t]?(?:[ap]\.m\.?(?![A-Za-z])|[ap]m(?![A-Za-z])|o'clock|GMT|BST|"
                        r"[ECMP][SD]?T(?![A-Za-z]))|[:/,]\d|[.]\d|[ \t]+block\b|[A-Za-z]", re.I)
_OLD = re.compile(r"(?:[- ]| - )old\b")
_AND_A_FRACTION = re.compile(r"[ \t]+and[ \t]+an?[ \t]+(half|quarter)\b(?![ \t]+of\b)", re.IGNORECASE)
_TEMPERATURES = frozenset(("degree", "degree_Celsius", "degree_Fahrenheit", "kelvin"))
_LOWER_WORD_BEFORE = re.compile(r"[a-z]+(?![A-Za-z])")  # reversed: a lower-case word just before
#: Words after which "over" before a duration means "more than" ("for over 30 years").
_OVER_MEANS_MORE = words("over_means_more")
#: "millions of dollars", "thousands of pounds sterling": a vague amount of money.
_VAGUE_MONEY = re.compile(r"[ \t]+of[ \t]+((?:" + pattern("vague_money_origins", space=r"[ \t]") + r"[ \t]+)?" +
                          pattern("vague_money_currencies") + r")\b", re.IGNORECASE)
#: After "pounds of", these nouns are money ("millions of pounds of damage"); others are weighed.
_MONEY_NOUNS = words("money_nouns")
_OF_NOUN = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+|their[ \t]+|its[ \t]+)?([A-Za-z]+)")


def pounds_weigh(text: str, end: int) -> bool:
    """Do the "pounds" ending at ``end`` weigh something ("5 million pounds of debris")?"""
    m = _OF_NOUN.match(text, end)
    return bool(m) and m.group(1).lower() not in _MONEY_NOUNS


_GIVE = words("effort_verbs")
_K_NOUNS = words("k_nouns")
_HYPHEN_PREFIXES = words("hyphen_prefixes")
_PER_REVERSED = "per "[::-1]
_PLUS_MINUS_REVERSED = "+/- "[::-1]
_IDENT = re.compile(r"[A-Za-z]+[-‐]\Z")
_SYMBOL_GLUED = re.compile(r"[-.][A-Za-z]|/")
#: Matched reversed: "the top", "a top-", "Britain's bottom": the number after is a rank cut-off ("the top 10 earners").
_RANK_CUTOFF = re.compile(r"[ \t]*-?[ \t]*" + pattern("rank_cutoffs", reverse=True) + r"[ \t]+(?:" +
                          pattern("determiners", reverse=True) + r"|a|s['’][A-Za-z]+)(?![A-Za-z])", re.IGNORECASE)
_RANK_REVERSED = tuple(word[::-1] for word in words("rank_cutoffs"))
#: Reversed, after one blank: a determiner or a possessive ("the", "its", "Britain's").
_DETERMINERS_REVERSED = (*(word[::-1] + " " for word in sorted(words("determiners"))), "s'", "s’")
_SUPERLATIVE_NEXT = re.compile(r"[ \t]+" + pattern("superlatives") + r"(?![A-Za-z-])")


def widen(text: str, n: Core) -> bool:
    """Attach scale, unit, currency and qualifiers; False when the core is not a claim."""
    e = n.end
    rev = text[max(0, n.start - 40):n.start][::-1]
    head = rev[:8].lower()
    if any(word in head for word in _RANK_REVERSED) and _RANK_CUTOFF.match(rev) or \
            head[:1] == " " and (head[1:] + " ").startswith(_DETERMINERS_REVERSED) and _SUPERLATIVE_NEXT.match(text, n.end):
        return False  # "the top 10 earners", "the two largest economies": a cut-off in a ranking, not a count
    cur = None
    if not n.words and n.kind == "count":
        if rev[:1] in ("-", "−") and rev[1:2] in ("$", "£", "€", "¥"):
            n.value, n.start, rev = -n.value, n.start - 1, rev[1:]
        c0 = rev[1:2] if rev[:1] in (" ", "\u00a0") else rev[:1]
        cb = _CURRENCY_BEFORE.match(rev) if c0 in _CURRENCY_FIRST else None
        if c0 == "S" and _TRANSLITERATED_POUND.match(rev):
            cur, n.start, rev = "GBP", n.start - 2, rev[2:]
            plain = text[n.start + 2:n.cend]
            if "," not in plain and "." not in plain and not _SCALE.match(text, e):
                return False  # "PS5" is a games console; "PS2.7m" and "PS21,700" are pounds
        elif cb:
            cur = _currency_code(cb)
            if cur:
                n.start -= cb.end()
                rev = rev[cb.end():]
                if cb.group(5):  # "MEUR 60", "kUSD 250": a scaled code before the number
                    mult = 1e6 if cb.group(5)[0] == "M" else 1e3
                    n.value, n.step, n.scale = n.value * mult, n.step * mult, mult
        if cur is None and n.start and text[n.start - 1].isalpha():
            return False  # glued to a word ("GPS2"), which only a currency code may be
        m = _SCALE.match(text, e) if n.scale == 1.0 else None
        if m and m.lastindex == 6 and n.step >= 1:
            m = None  # a spaced "k" scales only a decimal: "the 10 k." is a race
        if m:
            word = m.group(m.lastindex)
            if len(word) > 1 or _single_letter_scale(text, n, word, m.end(), cur):
                mult = 12.0 if word.lower().startswith(("doz", "dz")) else N.SCALE_SUFFIX.get(word) or \
                    N.SCALE_SUFFIX[word.lower()]
                if word.lower() in ("hundred", "thousand", "lakh") and (m2 := _SCALE.match(text, m.end())) and m2.group(2) \
                        and N.SCALE_SUFFIX.get(m2.group(2).lower(), 0) > mult:
                    mult *= N.SCALE_SUFFIX[m2.group(2).lower()]  # "a hundred million", "₹2 lakh crore"
                    m = m2
                n.value *= mult
                n.step *= mult
                n.scale = mult
                n.end = e = m.end()
                if mult >= 1e6 and (h := _AND_A_FRACTION.match(text, e)):
                    n.value += mult * (0.5 if h.group(1).lower() == "half" else 0.25)
                    n.end = e = h.end()
                elif mult in (100.0, 1000.0) and n.step == mult:
                    n.end = e = _mixed_tail(text, n, mult, e)
        if cur:
            n.unit, n.kind = cur, "currency"
            if n.scale == 1.0 and n.step == 1.0 and text[e:e + 1] == " " and \
                    (text.find("cent", e, e + 26) >= 0 or cur == "GBP" and text.find("p", e + 2, e + 26) >= 0):
                _cents(text, n, cur)
    um = AFTER_NUMBER.match(text, e) if n.kind == "count" and n.vague is None else None
    if n.vague is not None and (vm := _VAGUE_MONEY.match(text, e)) and not cur:
        if vm.group(1).lower() != "pounds":
            n.unit, n.kind, n.end = CURRENCY_WORDS[" ".join(vm.group(1).lower().split())], "currency", vm.end()
        elif n.vague[0] >= 1000:
            n.unit, n.kind, n.end = ("pound", "quantity", vm.end()) if pounds_weigh(text, vm.end()) else \
                ("GBP", "currency", vm.end())
    if not n.words and n.kind == "count" and not cur and n.scale == 1.0 and not um and _AFTER_BAD.match(text, e):
        return False
    if um and not _attach_unit(text, n, cur, um):
        return False
    if rev[:4].lower() == _PER_REVERSED and not rev[4:5].isalpha() and n.value >= 100 and math.log10(n.value).is_integer():
        return False  # "cases per 100,000 residents", "6 litres per 100 km": the base of a rate
    c = rev[:1]
    if c in ("±", "/") or rev[:4] == _PLUS_MINUS_REVERSED or rev[:2] == " ±":
        return False
    m = _MINUS_BEFORE.match(rev) if c in ("-", "−") or c == " " and rev[1:2] in _MINUS_LAST else None
    if m and n.vague is None and (n.kind != "fraction" or m.group().strip("-− \t")):  # "minus two-thirds"
        if m.group().strip("-− \t"):
            n.value, n.start = -n.value, n.start - m.end()
            rev = rev[m.end():]
        elif n.start - m.end() == 0 or not text[n.start - m.end() - 1].isalnum() and \
                not text[max(0, n.start - m.end() - 4):n.start - m.end()].rstrip()[-1:].isdigit():
            n.value, n.start = -n.value, n.start - m.end()
            rev = rev[m.end():]
    elif n.unit in _TEMPERATURES and rev[:3] in (" - ", " − ") and (w := _LOWER_WORD_BEFORE.match(rev, 3)) and \
            w.group()[::-1] not in UNIT_SURFACES:
        n.value, n.start = -n.value, n.start - 2  # "fell to - 20 degrees": a spaced minus after a word
        rev = rev[2:]
    elif n.start > 1 and text[n.start - 1] in "-‐" and text[n.start - 2].isalpha():
        pm = _IDENT.search(text, max(0, n.start - 12), n.start)
        w = pm.group()[:-1].lower() if pm else ""
        if w not in _HYPHEN_PREFIXES and \
                not (w == "to" and text[pm.start() - 1:pm.start()] == " "):  # "200 to-300": a slipped dash
            if not (pm and pm.start() and text[pm.start() - 1].isdigit()):
                return False
    if n.kind == "count" and not n.words and n.q == "exact" and not plain_ok(text, n):
        return False
    if n.kind == "count" and n.vague is None:
        out_of(text, n)
    qm = Q.before(rev)
    if qm and n.words and n.value == 1 and n.unit is None and qm.group(1)[::-1].lower() in ("under", "over"):
        qm = None  # "march under one flag", "over one weekend": a preposition, not a bound
    if qm:
        if qm.group(1) in (">", "<") and rev[qm.end():qm.end() + 1] in ("<", ">"):
            return False  # "<>30": not equal to, no interval
        n.q = Q.name(qm.group(1)[::-1])
        n.start -= qm.end()
        if qm.group(1)[::-1].lower() == "over" and n.unit in DURATIONS and \
                (prev_word(text, n.start) or ("",))[0].lower() not in _OVER_MEANS_MORE:
            n.q = "at-least"  # "paid over 30 years" spans 30 years; "for over 30 years" is more than 30
    if n.kind == "count" and n.unit is None and n.vague is None:
        age_bound(text, n)
    elif n.unit == "minute" and clock_minutes(text, n.start, n.end) or n.unit == "percent" and \
            confidence_level(text, n.end):
        return False  # "five minutes past midnight": a time; "95% CI": a confidence level
    if n.q == "exact" and n.vague is None and Q.estimated(text, n.start):
        n.q = "approx"
    am = Q.AFTER_PATTERN.match(text, n.end)
    if am and n.q == "exact" and n.vague is None:
        n.q = Q.name(am.group(1) or am.group(2))
        n.end = am.end()
        if n.kind == "count" and n.unit is None and am.group().endswith(("older", "younger")):
            n.unit, n.kind = "year", "age"  # "patients 21 and younger"
    return True


_HUNDREDS_TAIL = re.compile(r"[ \t]+([1-9])[ \t]+hundred(?![A-Za-z])")
_AND_TAIL = re.compile(r"[ \t]+and[ \t]+(\d{1,2}|[a-z]+(?:-[a-z]+)?)(?![\d.,]|[ \t]*(?:-|hundred|thousand|million|billion|"
                       r"per|%))", re.IGNORECASE)


def _mixed_tail(text: str, n: Core, mult: float, e: int) -> int:
    """``3 hundred and 21``, ``4 thousand 3 hundred``: digits with scale words, read on to the end."""
    if mult == 1000.0 and (h := _HUNDREDS_TAIL.match(text, e)):
        n.value += int(h.group(1)) * 100
        n.step = 100.0
        e = h.end()
    if n.step == 100.0 and (a := _AND_TAIL.match(text, e)):
        t = a.group(1)
        v = float(t) if t.isdigit() else (N.words_value(t) or (None, True))[0]
        if v is not None and 0 < v < 100 and v == int(v):
            n.value += v
            n.step, n.scale = 1.0, 1.0  # every digit is written: an exact whole number
            e = a.end()
    return e


def _currency_code(m: re.Match) -> str | None:
    sym, prefix, code, dollar = m.group(1), m.group(2) or m.group(3), m.group(4), m.group(6)
    if dollar:
        return _DOLLAR_SUFFIXES[dollar[::-1]]
    if code:
        code = code[::-1]
        return CURRENCY_SYMBOLS.get(code) or code.upper()
    if prefix:
        p = prefix[::-1].upper()
        return CURRENCY_SYMBOLS.get(p + sym) or CURRENCY_SYMBOLS.get(sym)
    return CURRENCY_SYMBOLS.get(sym)


_CURRENCY_RANGE_BEFORE = re.compile(r"(?P<between>between[ \t]+)?[$£€¥₹][ \u00a0]?\d[\d,.]*[ \t]*(?:[-–]|to|(?(between)and|(?!)))"
                                    r"[ \t]*\Z", re.IGNORECASE)


def _single_letter_scale(text: str, n: Core, word: str, end: int, cur: str | None) -> bool:
    """Is the ``m``/``k``/``b`` right after digits a scale (``£5m``, ``2.3m passengers``, ``40k``)?"""
    if cur or _CURRENCY_RANGE_BEFORE.search(text, max(0, n.start - 32), n.start):
        return True  # "£5m"; "$5-10m": the range's currency makes the m millions
    if word == "T":
        return False
    if word == "M":
        return not _COMPANY_NEXT.match(text, end)  # "3M Co.", "3M said": a company
    if word == "K" and n.step < 1:
        return False
    nxt = _NEXT_WORD_AFTER_OF.match(text[end:end + 24])
    if word in "kK":  # not "a 10k race", "a 4K display", "a 401k plan"
        return not (nxt and nxt.group(1).lower() in _K_NOUNS)
    if word in "bB":
        return n.step < 1
    if nxt:
        w = nxt.group(1).lower()
        if w in METRE_CONTEXT or w in STOP or not w.isalpha():
            return False
        return w.endswith("s") or w in ("people", "children", "men", "women") or n.step < 1
    return n.step < 1


def _attach_unit(text: str, n: Core, cur: str | None, m: re.Match) -> bool:
    sep = m.group("sep") or ""
    g = m.lastgroup
    if g == "age":
        n.unit, n.kind, n.end = "year", "age", m.end()
        return True
    if g == "inches":
        if n.step == 1 and not cur:
            n.value += int(m.group("inches")) / 12
            n.unit, n.kind, n.end = "foot", "quantity", m.end()
        return True
    if g == "pct":
        surface = " ".join(m.group("pct").lower().split())
        if "-" in sep and text[m.end():m.end() + 1] == "-":
            return True  # "a 2-percentage-points-a-year": a compound it cannot read
        if n.value in (100.0, 110.0, 200.0, 1000.0) and (prev_word(text, n.start) or ("",))[0].lower() in _GIVE:
            return False  # "give 100%", "gave 110 percent": an idiom of effort
        n.unit, n.kind, n.end = PERCENT_WORDS.get(surface, "percent"), "percent", m.end()
        return True
    if g in ("tight", "tight_spaced"):
        t = m.group(g)  # "68p"; "down 68 p at 1112 p," as some wires space it
        if sep:
            return True
        if t in "€$£¥":
            n.unit, n.kind, n.end = CURRENCY_SYMBOLS[t], "currency", m.end()
        elif t in ("pc", "pp", "bps"):
            n.unit, n.kind, n.end = PERCENT_WORDS[t if t != "bps" else "bps"], "percent", m.end()
        else:
            n.unit, n.kind, n.end = CURRENCY_WORDS[t], "currency", m.end()
            n.value /= 100
        return True
    if g == "cur":  # "a 10-dollar bill" is ten dollars; "a two-pound bag" may weigh it
        if cur or sep.strip(" \u00a0-") or "-" in sep and m.group("cur").lower().startswith("pound"):
            return True
        surface = " ".join(m.group("cur").split())
        low = surface.lower()
        if 1900 <= n.value <= 2100 and n.step == 1.0 and n.scale == 1.0 and not n.words \
                and text[n.start:n.cend].isdigit() and _YEAR_MONEY_BEFORE.search(text, max(0, n.start - 16), n.start):
            return False  # "in 2017 dollars", "in May 2017 dollars": constant money of a year, no amount
        if low in ("pound", "pounds"):
            if (n.scale >= 1e6 or n.value >= 1000) and not pounds_weigh(text, m.end()):
                n.unit = "GBP"
            else:
                n.unit, n.kind, n.end = "pound", "quantity", m.end()
                return True
        elif surface in CURRENCY_CODES:
            n.unit = surface
            sm = _SCALE.match(text, m.end()) if n.scale == 1.0 else None
            if sm and sm.group(2) and sm.group(2).lower() in N.SCALE_SUFFIX:  # not "dozens"
                n.scale = N.SCALE_SUFFIX[sm.group(2).lower()]
                n.value *= n.scale
                n.end = sm.end()
                n.kind = "currency"
                return True
        elif surface in SCALED_CODES:
            n.unit, mult = SCALED_CODES[surface]
            if n.scale != 1.0:
                return False
            n.value, n.step, n.scale = n.value * mult, n.step * mult, mult
        elif low in CURRENCY_WORDS:
            n.unit = CURRENCY_WORDS[low]
            if low in SUBUNITS:
                n.value /= 100
        else:
            return True
        n.kind, n.end = "currency", m.end()
        if low not in SUBUNITS and n.step <= 1.0:
            _cents(text, n)
        return True
    surface = m.group("unit")
    expr = UNIT_SURFACES.get(surface) or UNIT_SURFACES.get(" ".join(surface.split()))
    if expr is None or surface.lower() == "second" and text[m.end():m.end() + 1] == "-":
        return True  # "two second-round ties": an ordinal, not a duration
    bracket = sep.strip(" \u00a0")
    if surface in ("C", "F", "m", "h", "t", "g", "l", "in.", "ms", "V", "W", "PS", "mb") and sep and not bracket:
        if surface not in ("C", "F", "m") or _LETTER_NEXT.match(text[m.end():m.end() + 2]) and \
                not _LOWER_WORD_NEXT.match(text[m.end():m.end() + 3]):
            return True
    if surface in ("C", "F", "m") and _SYMBOL_GLUED.match(text, m.end()):
        # "5m-long" is metres; "5m-strong", "14.7C/" cannot be read safely: no claim
        if surface == "m" and (mc := _METRE_COMPOUND.match(text, m.end())):
            n.unit, n.kind, n.end, n.adjective = "meter", "quantity", mc.end(), True
            return True
        return bool(sep)  # spaced ("800,000 F-Series"): the number stands alone
    if surface in ("C", "F") and not sep:
        prev = prev_word(text, n.start)
        if prev and prev[1] == "" and (prev[0].lower() in IDENTIFIER_WORDS or prev[0] == "Form"):
            return False  # "Boeing 777F", "Form 13F": a model or form name
        if _FILING_NEXT.match(text, m.end()):
            return False  # "the 13F filing", "must 13F be filed": a form, not a temperature
    if expr in DURATIONS and expr != "year" and (om := _OLD.match(text, m.end())):
        n.unit, n.kind, n.end = canonical(expr), "age", om.end()
        return True
    name = canonical(expr)
    n.unit, n.kind, n.end, n.adjective = name, "quantity", m.end(), "-" in sep
    if name == "foot":
        inch = _INCHES_NEXT.match(text, n.end)
        if inch and (inch.group("bare") is None or int(inch.group(1)) < 12):
            n.value += int(inch.group(1)) / 12
            n.end = inch.end()
    return True


_COMPANY_NEXT = re.compile(r"[ \t]+(?:Co\b|Company|Corp|Corporation|Inc|said|says)")
_YEAR_MONEY_BEFORE = re.compile(r"\b(?:in|constant|real)[ \t]+(?:[A-Z][a-z]+\.?[ \t]+)?\Z")
_FILING_NEXT = re.compile(r"[ \t]+(?:(?:be|been|is|are|was|were)[ \t]+)?" + pattern("filing_words") + r"(?![A-Za-z])",
                          re.IGNORECASE)
_METRE_COMPOUND = re.compile(r"-(" + "|".join(sorted(METRE_CONTEXT)) + r")\b")


_CENTS = re.compile(r"[ \t]+(?:and[ \t]+)?(\d{1,2}|[a-z]+(?:[ -][a-z]+)??)(?:[ \t]?(cents?|pence|p)\b|(?=[ \t]*(?:[.,;!?]|\Z)))"
                    r"|[ \t]+(\d\d)(?=[ \t]+(?:more|less|extra|each|apiece)\b)",  # "15 USD 50 more"
                    re.IGNORECASE)


def _cents(text: str, n: Core, symbol: str | None = None) -> None:
    """``15 dollars 50``, ``thirteen dollars and forty-five cents`` and ``$2 and 75 cents`` →
    15.50, 13.45, 2.75.  After a sign (``symbol`` is its currency) only a named subunit of that
    currency counts: "$5 and 50 cents", not "$5 and 50" nor "$5 and 50p"."""
    m = _CENTS.match(text, n.end)
    if not m:
        return
    if symbol and (not m.group(2) or (m.group(2).lower() in ("pence", "p")) != (symbol == "GBP")):
        return
    c = m.group(1) or m.group(3)
    v = float(c) if c.isdigit() else (N.words_value(c) or (None, True))[0]
    if v is not None and 0 < v < 100 and v == int(v):
        n.value += v / 100
        n.end = n.cend = m.end()
