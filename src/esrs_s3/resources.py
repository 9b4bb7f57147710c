"""Locate the shipped data (`datapoints/`, `templates/`) in a checkout or an installed wheel."""

from __future__ import annotations

import csv
import tomllib
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE_DIR.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"esrs-s3 data folder {name!r} not found (broken installation)")


@cache
def datapoints_dir() -> Path:
    return _find("datapoints")


@cache
def templates_dir() -> Path:
    return _find("templates")


@cache
def load_toml(relative: str) -> dict:
    """Parse a TOML file under `datapoints/` (cached: the data is read-only)."""
    with (datapoints_dir() / relative).open("rb") as handle:
        return tomllib.load(handle)


@cache
def load_code_list(relative: str) -> frozenset[str]:
    """The first column of a CSV code list under `datapoints/` (ISO countries, currencies...)."""
    with (datapoints_dir() / relative).open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        return frozenset(row[0] for row in reader if row)
