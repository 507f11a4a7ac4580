"""Units without pint: ``known_units.tsv`` holds pint's own readings, and the extractor and the
rule loader read the common units from it without building pint's registry."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT
from factcheck.extract.units import KNOWN_UNITS, canonical_unit, known_units, pint_readings, unit_name

_HEADER = ("# Unit text → pint's reading of it (factcheck.extract.units.pint_readings), so that the common\n"
           "# units need no pint registry.  Written by `pytest tests/extract/test_units.py --update-golden`.\n")


def test_known_units_are_pints_readings(update_golden):
    readings = pint_readings()
    if update_golden:
        KNOWN_UNITS.write_text(_HEADER + "".join(f"{k}\t{v}\n" for k, v in readings.items()), encoding="utf-8")
        known_units.cache_clear()
        canonical_unit.cache_clear()
    assert known_units() == readings, "known_units.tsv is stale: rerun with --update-golden"


def test_the_table_answers_as_pint_does():
    from factcheck.extract.units import pint_reading
    for text in ("km", "sq km", "kilometer/hour", "C", "degrees Celsius", "kgs", "Mt", "km²", "square_kilometer"):
        try:
            expected = pint_reading(" ".join(text.split()))
        except ValueError:
            expected = ValueError
        got = canonical_unit(text) if expected is not ValueError else known_units().get(text, ValueError)
        assert got == expected, text


def test_extracting_and_loading_rules_need_no_pint():
    code = ("import sys\n"
            "from factcheck.extract.claims import extract\n"
            "from factcheck.rules.loading import load_rules\n"
            "claims = extract('It fell 4 km, 30 mph, 12 sq km, 5°C, 3 tonnes, 10 kWh and 2 gallons in 3 days.')\n"
            "assert len({c.unit for c in claims}) >= 7, claims\n"
            "load_rules(['rules'])\n"
            "assert 'pint' not in sys.modules\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_an_unusual_unit_still_goes_through_pint():
    assert "furlong" not in known_units()
    assert canonical_unit("furlong") == "furlong"
    assert unit_name("km") == "kilometer"
