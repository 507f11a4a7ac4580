"""Shared pytest setup: one loader for every YAML case table, golden files, the repository root.

Tests live in one folder per stage (``tests/documents``, ``tests/extract`` … ``tests/server``);
their case tables and document fixtures live under ``tests/cases/<stage>/``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from current output")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


def read_table(path: Path) -> dict[str, Any]:
    """One YAML case table (a mapping; an empty file is an empty table)."""
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def load_cases(folder: str, key: str = "cases", pattern: str = "*.yaml") -> list:
    """Every case under ``key`` of every table in tests/cases/<folder>, as pytest params.

    Each param's id is ``<table>:<case name>``, so a failing case names its table and case.
    """
    params = []
    for path in sorted((CASES / folder).glob(pattern)):
        for i, case in enumerate(read_table(path).get(key, [])):
            name = case.get("name", str(i)) if isinstance(case, dict) else str(i)
            params.append(pytest.param(case, id=f"{path.stem}:{name}"))
    return params


@pytest.fixture(scope="session")
def spark():
    """One local Spark for the whole run (two cores, two shuffle partitions, no UI); the test is
    skipped, with the reason, when pyspark (``factcheck[spark]``) or a Java runtime is missing."""
    import importlib.util
    import os
    import shutil
    import sys
    missing = [m for m in ("pyspark", "pyarrow", "pandas") if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed: pip install 'factcheck[spark]'")
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        pytest.skip("no Java runtime (Spark needs Java 17 or newer)")
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession
    session = (SparkSession.builder.master("local[2]").appName("factcheck-tests")
               .config("spark.sql.shuffle.partitions", "2").config("spark.default.parallelism", "2")
               .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.adaptive.enabled", "false").config("spark.sql.session.timeZone", "UTC")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
