"""Unit and currency vocabularies, and THE shared pint registry.

``UNIT_WORDS`` maps a surface written after a number (``km``, ``tonnes``, ``sq km``) to its
normalized name: pint long names (``kilometer``, ``tonne``, ``square_kilometer``,
``degree_Celsius``), ``percent``, ``percentage_point`` or an ISO 4217 currency code.  The
names are checked against pint by the tests, so extraction never calls pint at run time.
"""
from __future__ import annotations

import functools

_UNITS = {
    "kilometer": "km|kms|kilometre|kilometres|kilometer|kilometers",
    "meter": "m|metre|metres|meter|meters",
    "centimeter": "cm|centimetre|centimetres|centimeter|centimeters",
    "millimeter": "mm|millimetre|millimetres|millimeter|millimeters",
    "mile": "mile|miles|mi",
    "foot": "ft|foot|feet",
    "inch": "in|inch|inches",
    "yard": "yd|yds|yard|yards",
    "nautical_mile": "nautical mile|nautical miles",
    "square_kilometer": "sq km|square kilometres|square kilometers|square kilometre|square kilometer|km2|km²",
    "square_meter": "sq m|square metres|square meters|square metre|square meter|m2|m²",
    "square_mile": "sq mi|square miles|square mile",
    "square_foot": "sq ft|square feet|square foot",
    "hectare": "ha|hectare|hectares",
    "acre": "acre|acres",
    "tonne": "tonne|tonnes|t|metric ton|metric tons",
    "ton": "ton|tons",
    "kilogram": "kg|kgs|kilogram|kilograms|kilo|kilos",
    "gram": "g|gram|grams",
    "pound": "lb|lbs",
    "ounce": "oz|ounce|ounces",
    "liter": "l|litre|litres|liter|liters",
    "milliliter": "ml|millilitre|millilitres|milliliter|milliliters",
    "gallon": "gallon|gallons",
    "barrel": "barrel|barrels|bbl",
    "cubic_meter": "cubic metres|cubic meters|m3|m³",
    "kilometer_per_hour": "km/h|kph|kmh|kilometres per hour|kilometers per hour",
    "mile_per_hour": "mph|miles per hour|mile per hour",
    "knot": "knot|knots",
    "degree_Celsius": "°C|ºC|° C|C|degrees Celsius|degree Celsius|degrees celsius|Celsius|degrees C",
    "degree_Fahrenheit": "°F|ºF|° F|F|degrees Fahrenheit|degree Fahrenheit|degrees fahrenheit|Fahrenheit|degrees F",
    "degree": "degrees|degree|°",
    "watt": "W|watt|watts",
    "kilowatt": "kW|kilowatt|kilowatts",
    "megawatt": "MW|megawatt|megawatts",
    "gigawatt": "GW|gigawatt|gigawatts",
    "kilowatt_hour": "kWh|kilowatt-hours|kilowatt hours",
    "megawatt_hour": "MWh|megawatt-hours",
    "gigabyte": "GB|gigabyte|gigabytes",
    "megabyte": "MB|megabyte|megabytes",
    "terabyte": "TB|terabyte|terabytes",
    "revolutions_per_minute": "rpm",
    "pound_force_foot": "pound-feet|pound-foot|lb-ft",
    "horsepower": "hp|horsepower",
    "year": "year|years|yr|yrs",
    "month": "month|months",
    "week": "week|weeks",
    "day": "day|days",
    "hour": "hour|hours|hrs|hr",
    "minute": "minute|minutes|mins|min",
    "second": "second|seconds|secs|sec",
}

CURRENCY_SYMBOLS = {
    "US$": "USD", "U.S.$": "USD", "$": "USD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD",
    "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "£": "GBP", "€": "EUR", "¥": "JPY",
    "₹": "INR", "Rs": "INR", "Rs.": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₪": "ILS", "CHF": "CHF",
}
CURRENCY_CODES = frozenset("USD GBP EUR JPY CNY INR CAD AUD NZD HKD SGD CHF SEK NOK DKK RUB TRY ILS "
                           "BRL MXN ZAR KRW EGP NGN KES PKR AED SAR QAR".split())
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD", "bucks": "USD",
    "cents": "USD_cent", "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
    "euro": "EUR", "euros": "EUR", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR",
    "rupees": "INR", "francs": "CHF", "swiss francs": "CHF", "rubles": "RUB", "roubles": "RUB",
    "shekels": "ILS", "shekel": "ILS", "pesos": "MXN", "won": "KRW", "rand": "ZAR",
    "canadian dollars": "CAD", "australian dollars": "AUD", "hong kong dollars": "HKD",
    "singapore dollars": "SGD", "new zealand dollars": "NZD", "finnish markka": "FIM", "markka": "FIM",
    "deutsche marks": "DEM", "marks": "DEM", "lira": "TRY", "riyals": "SAR", "dirhams": "AED",
    "kronor": "SEK", "krona": "SEK", "kroner": "NOK", "naira": "NGN", "shillings": "KES",
}

PERCENT_WORDS = {"%": "percent", "per cent": "percent", "percent": "percent", "pct": "percent",
                 "percentage points": "percentage_point", "percentage point": "percentage_point",
                 "pp": "percentage_point", "points": "point"}


def _surfaces() -> dict[str, str]:
    return {surface: name for name, spec in _UNITS.items() for surface in spec.split("|")}


UNIT_WORDS: dict[str, str] = _surfaces()
CASE_SENSITIVE = frozenset({"C", "F", "W", "MW", "GW", "kW", "kWh", "MWh", "GB", "MB", "TB", "t", "g",
                            "l", "in", "min", "sec", "mi", "ha", "hp", "ft", "yd", "m3", "m2"})


@functools.lru_cache(maxsize=1)
def unit_registry():
    """The one pint registry of factcheck (built on first use: it takes a few hundred ms)."""
    import pint
    ureg = pint.UnitRegistry()
    ureg.define("barrel = 158.987294928 * liter = bbl")
    ureg.define("pound_force_foot = pound_force * foot")
    return ureg
