"""Locate the shipped data (`datapoints/`, `templates/`) in a checkout or an installed wheel."""

from __future__ import annotations

import csv
import os
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


# A folder (or several, separated like PATH) of rulebook folders of one's own, beside those
# shipped in `datapoints/` (README: "Adding a rulebook").
RULEBOOKS_ENV = "ESRS_S3_RULEBOOKS"


def rulebook_folders() -> tuple[Path, ...]:
    """Every folder holding a `rulebook.toml`: the shipped ones, then those of
    ESRS_S3_RULEBOOKS (a shipped rulebook's id cannot be taken over)."""
    parents = [datapoints_dir()]
    parents += [Path(p) for p in os.environ.get(RULEBOOKS_ENV, "").split(os.pathsep) if p]
    found: dict[str, Path] = {}
    for parent in parents:
        if parent.is_dir():
            for folder in sorted(parent.iterdir()):
                if (folder / "rulebook.toml").is_file():
                    found.setdefault(folder.name, folder)
    return tuple(found.values())


def rulebook_dir(rulebook_id: str) -> Path:
    """The folder of a rulebook."""
    for folder in rulebook_folders():
        if folder.name == rulebook_id:
            return folder
    raise FileNotFoundError(f"no rulebook {rulebook_id!r} (datapoints/ or ${RULEBOOKS_ENV})")


def data_path(relative: str) -> Path:
    """A file under `datapoints/`; `<rulebook>/<file>` is looked up in that rulebook's folder,
    then in the folder of the rulebook it `extends` (its rulebook.toml), and so on."""
    head, _, rest = relative.partition("/")
    folder = _rulebook_folder(head) if rest else None
    if folder is None:
        return datapoints_dir() / relative
    path = folder / rest
    parent = extended(head)
    if path.exists() or rest == "rulebook.toml" or not parent:
        return path
    return data_path(f"{parent}/{rest}")


def _rulebook_folder(name: str) -> Path | None:
    return next((f for f in rulebook_folders() if f.name == name), None)


@cache
def extended(rulebook_id: str) -> str:
    """The id of the rulebook `rulebook_id` extends (its rulebook.toml `extends`), or ""."""
    folder = _rulebook_folder(rulebook_id)
    if folder is None:
        return ""
    with (folder / "rulebook.toml").open("rb") as handle:
        return tomllib.load(handle).get("extends", "")


def rulebook_templates(rulebook_id: str) -> tuple[Path, ...]:
    """Where a rulebook's statement wording is looked up: `templates/statement/<rulebook>/`,
    then the rulebook folder's own `templates/`, then those of the rulebook it extends."""
    folders = (templates_dir() / "statement" / rulebook_id, rulebook_dir(rulebook_id) / "templates")
    own = tuple(f for f in folders if f.is_dir())
    parent = extended(rulebook_id)
    return own + rulebook_templates(parent) if parent else own


@cache
def load_toml(relative: str) -> dict:
    """Parse a TOML file under `datapoints/` (cached: the data is read-only)."""
    with data_path(relative).open("rb") as handle:
        return tomllib.load(handle)


@cache
def load_code_list(relative: str) -> frozenset[str]:
    """The first column of a CSV code list under `datapoints/` (ISO countries, currencies...)."""
    with (datapoints_dir() / relative).open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        return frozenset(row[0] for row in reader if row)
