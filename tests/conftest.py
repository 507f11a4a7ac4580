"""Shared pytest setup: YAML case tables and golden files."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from current output")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


def load_cases(folder: str) -> list:
    """Every case of every YAML file under tests/cases/<folder>, as pytest params with readable ids."""
    params = []
    for path in sorted((CASES / folder).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for i, case in enumerate(data.get("cases", [])):
            name = case.get("name", str(i))
            params.append(pytest.param(case, id=f"{path.stem}:{name}"))
    return params
