"""Units and currencies as written after (or before) a number, and THE shared pint registry.

``unit_name(surface)`` turns a surface (``km``, ``sq km``, ``degrees Celsius``, ``euros``)
into factcheck's normalized unit: ``percent``, ``percentage_point``, an ISO 4217 code, or
a pint name as ``canonical`` spells it (``kilometer``, ``tonne``, ``square_kilometer``,
``kilometer/hour``).  The units the extractor and rule files usually name are read from
``known_units.tsv`` (pint's readings, kept equal to pint's by a test), so pint's registry
(a fifth of a second to build) is loaded only for a unit that table does not hold.
"""
from __future__ import annotations

import functools
from pathlib import Path

from factcheck.extract import lazy_re as re

#: pint expression → surfaces (``|``-separated).  Words are matched in lower case, Capitalized
#: and UPPER case; symbols listed in ``SYMBOLS`` only exactly as written.
_UNITS = {
    "kilometer": "km|kms|kilometre|kilometres|kilometer|kilometers",
    "meter": "m|metre|metres|meter|meters|mtr",
    "centimeter": "cm|centimetre|centimetres|centimeter|centimeters",
    "millimeter": "mm|millimetre|millimetres|millimeter|millimeters",
    "micrometer": "μm|µm|micron|microns|micrometre|micrometres|micrometer|micrometers",
    "decimeter": "dm",
    "nanometer": "nanometre|nanometres|nanometer|nanometers",
    "picometer": "picometre|picometres|picometer|picometers",
    "mile": "mile|miles|mi",
    "foot": "ft|foot|feet",
    "inch": "inch|inches|in.|″",
    "yard": "yd|yds|yard|yards",
    "nautical_mile": "nautical mile|nautical miles|nmi",
    "light_year": "light year|light years|light-year|light-years",
    "kilometer**2": "sq km|sq. km|sq kilometres|sq kilometers|square kilometres|square kilometers|square kilometre|square kilometer|km2|km²",
    "meter**2": "sq m|sq. m|sqm|sq metres|sq meters|sq metre|sq meter|square metres|square meters|square metre|square meter|m2|m²",
    "mile**2": "sq mi|sq miles|sq mile|square miles|square mile",
    "foot**2": "sq ft|sq. ft|sq feet|square feet|square foot",
    "meter**3": "cubic metres|cubic meters|cubic metre|cubic meter|m3|m³",
    "cubic_foot": "cubic feet|cubic foot|cu ft",
    "hectare": "ha|hectare|hectares",
    "acre": "acre|acres",
    "tonne": "tonne|tonnes|metric ton|metric tons|metric tonnes|t",
    "ton": "ton|tons",
    "kilogram": "kg|kgs|kilogram|kilograms|kilogramme|kilogrammes|kilo|kilos",
    "gram": "g|gram|grams|gramme|grammes",
    "milligram": "mg|milligram|milligrams",
    "microgram": "μg|µg|mcg|microgram|micrograms|microgramme|microgrammes",
    "pound": "lb|lbs",
    "ounce": "oz|ounce|ounces",
    "liter": "l|L|litre|litres|liter|liters",
    "milliliter": "ml|mL|millilitre|millilitres|milliliter|milliliters",
    "gallon": "gallon|gallons|gal",
    "barrel": "barrel|barrels|bbl|bbls",
    "cup": "cup|cups",
    "tablespoon": "tablespoon|tablespoons|tbsp",
    "teaspoon": "teaspoon|teaspoons|tsp",
    "kilometer/hour": "km/h|km/hr|kph|kmh|kmph|kilometres per hour|kilometers per hour|kilometres an hour|kilometers an hour|km per hour|km an hour",
    "mile_per_hour": "mph|miles per hour|mile per hour|miles an hour",
    "mile/gallon": "mpg|miles per gallon",
    "meter/second": "m/s|metres per second|meters per second",
    "knot": "knot|knots",
    "degree_Celsius": "°C|ºC|° C|°Celsius|° Celsius|C|degrees Celsius|degree Celsius|degrees centigrade|Celsius|centigrade|degrees C|deg C|deg celsius|degrees c",
    "degree_Fahrenheit": "°F|ºF|° F|°Fahrenheit|° Fahrenheit|F|degrees Fahrenheit|degree Fahrenheit|Fahrenheit|degrees F|deg F|deg fahrenheit|degrees f",
    "degree": "degrees|degree|°",
    "radian": "rad|radian|radians",
    "kelvin": "kelvin|kelvins",
    "watt": "W|watt|watts",
    "kilowatt": "kW|kilowatt|kilowatts",
    "megawatt": "MW|megawatt|megawatts",
    "gigawatt": "GW|gigawatt|gigawatts",
    "kilowatt_hour": "kWh|kilowatt-hour|kilowatt-hours|kilowatt hour|kilowatt hours",
    "megawatt_hour": "MWh|megawatt-hour|megawatt-hours|megawatt hours",
    "gigawatt_hour": "GWh|gigawatt-hour|gigawatt-hours|gigawatt hours",
    "terawatt_hour": "TWh|terawatt-hour|terawatt-hours|terawatt hours",
    "milliampere_hour": "mAh",
    "volt": "V|volt|volts",
    "hertz": "Hz|hertz",
    "kilohertz": "kHz|kilohertz",
    "megahertz": "MHz|megahertz",
    "gigahertz": "GHz|gigahertz",
    "decibel": "dB|decibel|decibels",
    "bit": "bit|bits",
    "kilobyte": "KB|kB|kilobyte|kilobytes",
    "megabyte": "MB|megabyte|megabytes",
    "gigabyte": "GB|gigabyte|gigabytes",
    "terabyte": "TB|terabyte|terabytes",
    "megabit": "Mb|mb|megabit|megabits",
    "revolutions_per_minute": "rpm|RPM|revolutions per minute",
    "foot*force_pound": "pound-feet|pound-foot|lb-ft|lb ft|foot-pounds",
    "newton*meter": "Nm|newton metres|newton meters|newton-metres|newton-meters",
    "horsepower": "hp|horsepower|bhp",
    "metric_horsepower": "PS",
    "calorie": "calorie|calories",
    "kilocalorie": "kcal|kilocalories",
    "millibar": "mbar|millibar|millibars",
    "hectopascal": "hPa|hectopascal|hectopascals",
    "kilopascal": "kPa|kilopascal|kilopascals",
    "pound_force_per_square_inch": "psi",
    "megapixel": "MP|megapixel|megapixels",
    "ppm": "ppm",
    "parts_per_billion": "ppb",
    "year": "year|years|yr|yrs",
    "month": "month|months",
    "week": "week|weeks",
    "day": "day|days|business days|business day|working days|working day|calendar days|trading days|school days",
    "hour": "hour|hours|hrs|hr|h",
    "minute": "minute|minutes|mins|min",
    "second": "second|seconds|secs|sec",
    "millisecond": "millisecond|milliseconds|ms",
    "century": "century|centuries",
    "decade": "decade|decades",
}
#: Surfaces matched only exactly as written (case matters or they are common words).
SYMBOLS = frozenset("L m C F W V h t g l ms ha in. PS Nm Mb mb MB GB TB KB kB mAh dB Hz MHz GHz kW MW GW kHz TWh hPa kPa mbar psi MP ″ "
                    "kWh MWh GWh ft mi yd dm mm cm km kg mg rad bit gal cup".split())
#: Units that read as a duration; "five-year" before a noun is a quantity of years.
DURATIONS = frozenset("year month week day hour minute second millisecond century decade".split())

CURRENCY_SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "US $": "USD", "$": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD",
    "AU$": "AUD", "NZ$": "NZD", "HK$": "HKD", "HK $": "HKD", "S$": "SGD", "R$": "BRL", "NT$": "TWD", "MX$": "MXN", "£": "GBP",
    "€": "EUR", "¥": "JPY", "₹": "INR", "Rs": "INR", "Rs.": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY",
    "₪": "ILS", "RM": "MYR", "KSh": "KES", "Ksh": "KES", "Sh": "KES", "TSh": "TZS", "USh": "UGX", "c $": "CAD", "C $": "CAD", "A $": "AUD", "us $": "USD", "hk $": "HKD",
}
CURRENCY_CODES = frozenset("USD GBP EUR JPY CNY INR CAD AUD NZD HKD SGD CHF SEK NOK DKK RUB TRY ILS "
                           "BRL MXN ZAR KRW EGP NGN KES PKR AED SAR QAR MYR PLN HUF CZK IDR THB UAH GHS TZS UGX "
                           "BDT LKR RON".split())
#: Currency words after a number; ``cents``/``pence`` are hundredths (see ``SUBUNITS``).
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD",
    "pounds sterling": "GBP", "sterling": "GBP", "euro": "EUR", "euros": "EUR", "yen": "JPY",
    "japanese yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR",
    "indian rupees": "INR", "swiss francs": "CHF", "francs": "CHF", "roubles": "RUB", "rubles": "RUB",
    "shekel": "ILS", "shekels": "ILS", "new shekels": "ILS", "pesos": "MXN", "mexican pesos": "MXN", "won": "KRW",
    "rand": "ZAR", "canadian dollars": "CAD", "australian dollars": "AUD", "hong kong dollars": "HKD",
    "singapore dollars": "SGD", "new zealand dollars": "NZD", "finnish markka": "FIM", "markka": "FIM",
    "deutsche marks": "DEM", "marks": "DEM", "lira": "TRY", "riyals": "SAR", "dirhams": "AED",
    "kronor": "SEK", "swedish kronor": "SEK", "krona": "SEK", "kroner": "NOK", "danish kroner": "DKK",
    "danish crowns": "DKK", "norwegian crowns": "NOK", "swedish crowns": "SEK", "norwegian kroner": "NOK", "naira": "NGN", "shillings": "KES", "ringgit": "MYR",
    "zloty": "PLN", "zlotys": "PLN", "zlotych": "PLN", "forint": "HUF", "forints": "HUF", "koruna": "CZK",
    "korunas": "CZK", "czech crowns": "CZK", "rupiah": "IDR", "baht": "THB", "hryvnia": "UAH", "hryvnias": "UAH",
    "cedis": "GHS", "shilling": "KES", "kenyan shillings": "KES", "tanzanian shillings": "TZS",
    "ugandan shillings": "UGX", "pakistani rupees": "PKR", "sri lankan rupees": "LKR", "taka": "BDT",
    "cents": "USD", "cent": "USD", "pence": "GBP", "p": "GBP", "sen": "MYR", "bucks": "USD",
}
#: Finance shorthand for an amount in thousands or millions of a currency: ``120 MEUR``, ``40 kUSD``.
SCALED_CODES = {p + c: (c, m) for c in CURRENCY_CODES for p, m in (("M", 1e6), ("MM", 1e6), ("k", 1e3), ("K", 1e3))}
SUBUNITS = frozenset(("cents", "cent", "pence", "p", "sen"))
PERCENT_WORDS = {"%": "percent", "per cent": "percent", "percent": "percent", "pct": "percent",
                 "pc": "percent", "percentage": "percent", "percentage points": "percentage_point",
                 "percentage point": "percentage_point", "pp": "percentage_point",
                 "basis points": "basis_point", "basis point": "basis_point", "bps": "basis_point",
                 "per-cent": "percent", "percentage-point": "percentage_point", "basis-point": "basis_point"}


def _variants(surface: str) -> set[str]:
    if surface in SYMBOLS or not surface[:1].isalpha():
        return {surface}
    out = {surface, surface.lower(), surface.capitalize(), surface.upper(), surface.title()}
    if " " in surface:  # "square foot" is also written "square-foot" ("a 6,200-square-foot house")
        out |= {v.replace(" ", "-") for v in out}
    return out


def _table() -> dict[str, str]:
    out: dict[str, str] = {}
    for expr, spec in _UNITS.items():
        for surface in spec.split("|"):
            for v in _variants(surface):
                out.setdefault(v, expr)
    return out


UNIT_SURFACES: dict[str, str] = _table()


def alternation(surfaces) -> str:
    """One regex for a set of literal surfaces, as a trie (one pass whatever their number).

    Longer surfaces win over their prefixes (``miles`` over ``mi``); a space in a surface
    matches any run of blanks.
    """
    tree: dict = {}
    for surface in surfaces:
        node = tree
        for ch in surface:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [(r"\s+" if k == " " else re.escape(k)) + emit(v) for k, v in sorted(node.items()) if k]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body
    return "(?:" + emit(tree) + ")"


@functools.lru_cache(maxsize=1)
def unit_registry():
    """The one pint registry of factcheck, with the units news needs that pint lacks."""
    import pint
    ureg = pint.UnitRegistry()
    for line in ("parts_per_billion = 1e-9 = ppb", "parts_per_million = 1e-6 = ppm", "basis_point = 0.0001 = bp",
                 "percentage_point = 0.01 = pp", "brake_horsepower = horsepower = bhp"):
        ureg.define(line)
    return ureg


def canonical(expr: str) -> str:
    """A pint expression as factcheck names it (``kilometer / hour`` → ``kilometer/hour``)."""
    return canonical_unit(expr)


def unit_name(surface: str) -> str | None:
    """The normalized unit of a surface written after a number, or None when it is not one."""
    expr = UNIT_SURFACES.get(surface) or UNIT_SURFACES.get(" ".join(surface.split()))
    return canonical(expr) if expr else None


#: Every ISO 4217 code a rule file may name as a unit.
CURRENCIES = frozenset("""
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN
BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL
GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW
KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN
NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK
SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU
UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG ZWL""".split())
_UNIT_ALIASES = {"%": "percent", "percent": "percent", "per cent": "percent", "percentage": "percent",
                 "percentage_point": "percentage_point", "percentage point": "percentage_point",
                 "percentage points": "percentage_point", "pp": "percentage_point",
                 "count": None, "$": "USD", "£": "GBP", "€": "EUR"}
_POWERS = {2: "square_", 3: "cubic_"}


KNOWN_UNITS = Path(__file__).with_name("known_units.tsv")


@functools.lru_cache(maxsize=1)
def known_units() -> dict[str, str]:
    """``known_units.tsv``: unit texts → pint's reading of them (``pint_reading``), without pint."""
    lines = KNOWN_UNITS.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t") for line in lines if line and not line.startswith("#"))


@functools.lru_cache(maxsize=512)
def canonical_unit(text: str) -> str | None:
    """A unit as the extractor names it: ``km`` → ``kilometer``, ``km²`` → ``square_kilometer``.

    ``percent``, ``percentage_point``, ISO 4217 codes (``USD``) and pint long names; raises
    ``ValueError`` for anything else.
    """
    key = " ".join(text.strip().split())
    if key.lower() in _UNIT_ALIASES:
        return _UNIT_ALIASES[key.lower()]
    if key in CURRENCIES:
        return key
    return known_units().get(key) or pint_reading(key)


def pint_reading(key: str) -> str:
    """What pint's registry makes of a unit (loading the registry on first use); ``ValueError``
    when it reads none.  ``canonical_unit`` asks only for units ``known_units`` lacks."""
    power, base = 1, key.replace("²", "^2").replace("³", "^3")
    for n, prefix in _POWERS.items():
        if base.startswith(prefix):
            power, base = n, base[len(prefix):]
    ureg = unit_registry()  # outside the try: a missing pint must fail loudly, not drop every unit
    try:
        units = ureg.parse_units(base)
    except Exception:
        if key.upper() in CURRENCIES:
            return key.upper()
        raise ValueError(key) from None
    parts = dict(units._units)
    if not parts:
        raise ValueError(key)
    if len(parts) == 1:
        (name, exp), = parts.items()
        name = re.sub(r"metric_ton\Z", "tonne", name)
        exp *= power
        if exp == 1:
            return name
        if exp in _POWERS:
            return _POWERS[exp] + name
    if power != 1:
        raise ValueError(key)
    return str(units).replace(" ", "").replace("metric_ton", "tonne")


#: Spellings of rule files beyond the extractor's surfaces that ``known_units.tsv`` also holds.
_RULE_SPELLINGS = ("degC", "degF", "celsius", "fahrenheit", "km^2", "m^2", "mi^2", "ft^2", "m^3", "Mt", "kt")


def pint_readings() -> dict[str, str]:
    """Every unit text ``known_units.tsv`` holds, read by pint: the extractor's surfaces and
    pint expressions, the names they normalize to, common rule-file spellings (only those
    pint reads, and none that ``canonical_unit`` answers before the table)."""
    texts = {*UNIT_SURFACES, *UNIT_SURFACES.values(), *_RULE_SPELLINGS}
    texts |= {pint_reading(expr) for expr in UNIT_SURFACES.values()}
    out = {}
    for text in sorted(texts):
        key = " ".join(text.split())
        if key.lower() in _UNIT_ALIASES or key in CURRENCIES:
            continue
        try:
            out[key] = pint_reading(key)
        except ValueError:
            continue
    return out


_PERCENT_SURFACES = [s for s in PERCENT_WORDS if s not in ("pc", "pp", "%")]


def _proper(words: str) -> str:
    """"hong kong dollars" → "Hong Kong dollars", "u.s. dollars" → "U.S. dollars": a proper-noun prefix."""
    *head, last = words.split(" ")
    return " ".join([w.upper() if w in ("us", "u.s.") else w.title() for w in head] + [last])


_CURRENCY_SURFACES = sorted({v for w in CURRENCY_WORDS if w not in ("p", "sen")
                             for v in (w, w.capitalize(), w.title(), _proper(w))})
_AGE = ("years old", "year old", "years-old", "year-old", "yrs old", "years of age", "year of age", "-year-old",
        "-years-old", "years young", "year-olds", "-year-olds",
        "year - old", "years - old", "year - olds",  # these three tokenized ("28 - year - old")
        "-Year-Old", "-Years-Old", "Years Old", "Year-Old")  # in a headline's title case
#: What may follow a number: an age, a percentage, a unit or a currency (anchored at the number's end).
AFTER_NUMBER = re.compile(
    r"(?P<sep>[ \u00a0]?-[ \u00a0]?|[ \u00a0]{0,2}(?P<ob>[(\[{<])?)"
    r"(?:(?P<age>" + alternation(_AGE) + r")|(?P<pct>%|" + alternation(_PERCENT_SURFACES) + r")"
    r"|(?P<unit>" + alternation(UNIT_SURFACES) + r")"
    r"|(?P<cur>" + alternation([*_CURRENCY_SURFACES, "pounds", "pound", *CURRENCY_CODES,
                                *SCALED_CODES]) + r"))"
    r"(?![A-Za-z0-9²³])(?:(?<=[A-Za-z])(?!-\d)|(?<![A-Za-z]))(?(ob)[)\]}>])"
    r"|(?P<tight>pc|pp|p|sen|bps|[€$£¥])(?![A-Za-z0-9])|[ ](?P<tight_spaced>p)(?=[,;)]|\.(?![ \t]*\d|\w)|\Z)"
    r"|['′’][ \t]?(?P<inches>\d|1[01])(?:\"|″|''|”)")  # "4'10\"", "6′ 2″": feet and inches
