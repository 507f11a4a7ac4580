"""Word lists that decide whether a number is a claim: identifiers, dates, years, names, nouns.

Kept apart from the scanner so that reading the policy does not mean reading regexes.
Every set holds lower-case words unless it says otherwise.
"""
from __future__ import annotations

#: A number right after one of these is a name or reference, not a quantity
#: ("Section 230", "Resolution 2334", "Room 101", "phase one", "Game 7", "No. 10").
IDENTIFIER_WORDS = frozenset("""
phase round section sections article articles resolution no no. nos nos. number num flight flights room
rooms page pages p p. pp pp. chapter chapters ch ch. route interstate highway hwy i channel apollo windows
iphone ipad model boeing airbus ftse s&p sp nasdaq stoxx cac dax russell dow nikkei game games stage level grade gate terminal platform
season episode episodes volume vol vol. title proposition prop prop. amendment psalm psalms verse verses
class type version v v. rule rules mark mk exit unit district ward precinct lot pier suite apt apt. box
ext ext. line tier division figure fig fig. table tables item items part parts step steps paragraph para
clause schedule annex appendix act code covid series id zip station squadron brigade battalion regiment
corps fleet lane road street avenue day week year day-by-day week-by-week apollo mission formula marker
galaxy pixel playstation ps xbox covid-19 sars windows10 bill bills hr h.r. s. uss hms ss model-s
category cat. op. opus no.1 bwv k. track tracks disc act scene acts scenes lines figures heat lap
laps match matchday gameweek week-old draft pick picks jersey shirt spot seed seeded ranked rank
ranking number-one top-seeded bus tram train platform terminal studio hall block blocks gen gen.
generation series-a stage-4 grade-a world war ww wwi wwii sec sec. art art. reg reg. u.s.c cfr priority
northbound southbound eastbound westbound
""".split())

#: Capitalized words after a number that make it a product or model name, case as written
#: ("the 737 Max", "the 787 Dreamliner", "11 Pro Max", "the 3 Series", "the 11 News I-Team").
MODEL_AFTER = frozenset("Max MAX Pro Mini Plus Ultra Dreamliner Series Lite Neo XL News".split())

#: Singular nouns after a number that make it a model name ("the 8088 chip", "a 486 processor").
MODEL_NOUNS = frozenset("chip processor microprocessor cpu chipset".split())

#: A number right after one of these (any case) is the day of a date or a year.
MONTHS = frozenset("""january february march april may june july august september october november
december jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct.
nov nov. dec dec.""".split())
#: Month names that are also common words count only when capitalized.
MONTHS_CAPITAL_ONLY = frozenset("march may june mar may".split())

#: A four-digit number after these is a year ("in 2024", "since 1990", "fiscal 2023").
YEAR_BEFORE = frozenset("""in since by until till til from of during before after through throughout
circa c. early late mid mid- year years fiscal fy spring summer autumn fall winter season class
around between and to or the this that last next its their his her our whose for—in as-of
""".split())

#: Plural nouns that follow a year used as a modifier ("1988 sales", "2020 elections").
YEAR_NOUNS = frozenset("""sales results elections earnings revenues figures levels prices profits games olympics
championships finals playoffs accounts estimates forecasts budgets accounts losses rankings standings exams
""".split())

#: Capitalized words that may stand right before a count without making it a name
#: ("About 300", "With 275", "Only 5", "Friday 15 people ...").
CAPITAL_OK = frozenset("""the a an about around approximately roughly some nearly almost over under only
just with in on at by for from of to and but or if when while after before since until all each every
another those these that this its their his her our my your we they he she it i you there here then now
still up down last first next total between among including plus minus more less fewer than both
either neither many most few several additional extra latest also yet so as like per via once
estimated exactly perhaps maybe where why how what which who whose what's there's it's nearly
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
mon tue tues wed thu thurs fri sat sun overall combined altogether another some roughly nearly
kills kill killed injures injured wounds wounded leaves dies die died rescues rescued saves saved arrests
arrested charges charged sentenced gets got hits reaches reached tops topped nears exceeds rises rose
falls fell drops dropped loses lost cuts adds raises raised pays paid wins won sells sold buys bought fines
fined frees freed releases released evacuates evacuated sues jails jailed faces hires lays takes took gives
gave has have had are is was were says said claims claimed hurts slays shoots shot stabs stabbed finds found
reports reported confirms confirmed sees
""".split())
#: ↑ the last lines: verbs of a Title Case headline ("Woman Kills 3, Injures 3"), after which a number counts.

#: Words that end a counted noun phrase (function words and common verbs).
STOP = frozenset("""a an the of and or but nor to in on at by for from with without as is are was were
be been being am has have had having do does did doing will would could should may might must can
shall that this these those which who whom whose what when where while than then so if it its their
his her our your my they them he she we you i me him us remain remained remains said says say told
including include includes included according since after before during into onto over under about
around also still more less most least only just all each every per other others another such not no
yet ago later earlier there here now up down out off again already across against along among amid
between through throughout toward towards upon within via versus vs like unlike despite although
though because until unless whether either neither both own same than too very much many few several
some any one two three four five six seven eight nine ten got get gets make makes made take takes
took give gives gave go goes went come comes came see sees saw became become becomes left per cent
percent year-on-year respectively alone combined altogether total overall caught found held kept
left lost met paid ran sent shot sold spent stood fell rose won grew led brought bought thought knew
began wore drove flew threw broke spoke chose hit cost put set twice once thrice apiece
""".split())

#: After "m" (metre or million?): these words mean metres ("5m tall", "100m sprint").
METRE_CONTEXT = frozenset("""tall high long wide deep away below above from sprint race hurdles freestyle
relay dash backstroke breaststroke butterfly medley swim run wall drop yacht boat wave waves waves
into under over across in of to up down off short apart thick radius diameter square squared
cubed beneath behind ahead along higher lower deeper longer taller""".split())
