"""Distances: whether a length is a distance between places, and from which place.

"40 km north-east of Oskemir", "30km from the park" and "12 miles away" are distances of
the place or thing their sentence locates; "a 12-metre tunnel" is a length of the tunnel.
A distance is compared only with a distance from the same place.
"""
from __future__ import annotations

import re
from typing import Sequence

from factcheck.frames import grammar as G
from factcheck.frames.vocabulary import MONTH_NAMES, STOP as _STOP, WEEKDAYS as _WEEKDAYS, fold
from factcheck.models import Claim

_DISTANCE = re.compile(r"(?:\s*(?:miles?|km|kilomet(?:er|re)s?|met(?:er|re)s?)\)?)?\)?\s+(?:\(|[\w.,()]+\s+){0,4}?"
                       r"(?:(?:north|south)(?:-?(?:east|west))?|east|west|from|away)\b", re.I)
_COMPASS_OF = re.compile(r"\W*(?:[\w.,()]+\s+){0,4}?(?:north|south|east|west)[\w-]*\s+of\s+"
                         r"(?:(?:the\s+)?(?:[a-z]+[\s,]+){0,3}?(?!" + MONTH_NAMES + r"\b|[A-Z][a-z]+day\b)([A-Z][\w'’-]+)"
                         r"|the\s+([a-z]+(?:\s+[a-z]+)?)\b)")
#: A place named by its kind after the compass point: "north of the small mountain town of Larch Creek".
_PLACE_OF = re.compile(r"\s*(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:town|city|village|port|island|capital|region|province|"
                       r"state|district|county|suburb|resort)\s+of\s+([A-Z][\w'’-]+)")
#: A distance offshore: "off" a named place, or off the coast, town or island of one.
_OFF = re.compile(r"\s*(?:\([^)]*\)\s*)?off\s+(?:the\s+(?:[\w-]+\s+){0,4}?(?:coast|town|city|island|port|village|"
                  r"shore)\s+of\s+)?([A-Z][\w'’-]+)")
_NAME = re.compile(r"\b[A-Z][\w'’-]+")
_DISTANCE_UNIT = re.compile(r"(?:mile|meter|metre|kilometer|kilometre|km|\bmi\b)", re.I)
_FROM = re.compile(r"\bfrom\s+(?:the\s+|a\s+)?((?:[A-Za-z][\w'’-]*\s+){0,3}?[A-Za-z][\w'’-]*)"
                   r"(?=\s*[,.;:)]|\s+(?:on|in|at|and|to|where|after|before|with|by|for)\b|\s*\Z)", re.I)


def is_distance(c: Claim, right: str) -> bool:
    """Whether the length claim ``c``, followed by the text ``right``, is a distance from a
    place ("30 km north of", "12 miles from", "20 miles away", "7 nautical miles off
    Calatagan"); a compound before a noun ("a 12-metre tunnel") is that noun's length."""
    unit_text = f"{c.unit or ''} {c.text}{right[:12]}".lower()
    return bool(("mi" in unit_text or "met" in unit_text or "km" in unit_text) and "-" not in c.text
                and _DISTANCE_UNIT.search(unit_text) and (_DISTANCE.match(right) or _OFF.match(right)))


def distance_from(text: str, c: Claim, left_clause: Sequence[str]) -> str:
    """What a distance is measured from: the place after a compass point ("40 km north-east of
    Oskemir", "north of the mountain town of Larch Creek"), with the place it locates when the
    sentence names one before it ("Ashkelon, 10 miles north of Gaza"); the place after "from" ("30km from the park"); for "12 miles
    away" the last place its sentence names after "from"; else the place its clause names;
    ``dist`` when none."""
    after = text[c.end:min(c.sentence_end or c.end + 100, c.end + 100)]
    compass = _COMPASS_OF.match(after)
    named = compass and _PLACE_OF.match(after, compass.start(1) if compass.group(1) else compass.end())
    there = named and named.group(1) or compass and (compass.group(1) or next(  # "north of Oskemir", "north of the prison"
        (w for w in reversed(compass.group(2).split()) if w not in _STOP), ""))
    if there:
        here = [w.group() for w in _NAME.finditer(text, c.sentence_start, c.start)
                if w.start() > c.sentence_start and w.group().lower() not in _WEEKDAYS and not G.month(w.group())]
        return "dist:" + (fold(here[-1]) + "-" if here else "") + fold(there)
    off = _OFF.match(after)  # "7 nautical miles off the coastal town of Calatagan"
    if off:
        return "dist:" + fold(off.group(1))
    m = _FROM.search(after[:40])
    if m is None and re.match(r"\W*away\b", after):
        found = list(_FROM.finditer(text, c.sentence_start, c.start))
        m = found[-1] if found else None
    if m is not None:
        return "dist:" + fold(m.group(1).split()[-1])
    place = [w for w in left_clause[:6] if w[:1].isupper() and w.lower() not in _WEEKDAYS and w.lower() not in _STOP
             and not G.month(w)]
    return f"dist:{fold(place[0])}" if place else "dist"


__all__ = ["distance_from", "is_distance"]
