"""Assessment parameters: rulebook defaults, overridden by the workbook's Settings sheet and then
by the command line. Every value used is kept with where it came from (for IRO-1)."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict

from esrs_s3.contract import load_contract
from esrs_s3.errors import EsrsS3Error
from esrs_s3.ingest.cells import BadCell, bind_parser
from esrs_s3.ingest.reader import cell_context
from esrs_s3.models import Settings
from esrs_s3.resources import load_toml
from esrs_s3.rulebook import check_rulebook

Value = float | int | bool


class ParameterValue(BaseModel):
    """One parameter as used: its value and source (`default`, `Settings!B3`, `command line`)."""

    model_config = ConfigDict(frozen=True)

    name: str
    value: Value
    default: Value
    source: str
    help: str


class Parameters(BaseModel):
    """All parameters of one assessment, in the rulebook's order."""

    model_config = ConfigDict(frozen=True)

    rulebook: str
    used: tuple[ParameterValue, ...]
    reasons: dict[str, str]
    lens_kinds: tuple[str, ...]

    def __getitem__(self, name: str) -> Value:
        for parameter in self.used:
            if parameter.name == name:
                return parameter.value
        raise KeyError(name)

    def as_dict(self) -> dict[str, Value]:
        return {p.name: p.value for p in self.used}


class BadOverride(EsrsS3Error):
    """A command-line `--set NAME=VALUE` that names no parameter or has a bad value."""


def parse_overrides(texts: list[str], rulebook_id: str) -> dict[str, Value]:
    """`["impact_threshold=3.5"]` -> `{"impact_threshold": 3.5}`, checked like a Settings cell
    of `rulebook_id` (the rulebook the workbook is assessed under: its parameters)."""
    check_rulebook(rulebook_id)
    spec = load_contract(rulebook_id).sheet("Settings")
    ctx = cell_context(load_contract(rulebook_id), rulebook_id)
    known = {column.name: column for column in spec.columns}
    values: dict[str, Value] = {}
    for text in texts:
        name, sep, raw = text.partition("=")
        name = name.strip()
        if not sep or name not in known:
            raise BadOverride(
                f"--set {text!r}: expected NAME=VALUE with NAME one of {', '.join(known)}"
            )
        try:
            values[name] = bind_parser(known[name], ctx)(raw.strip())
        except BadCell as bad:
            raise BadOverride(
                f"--set {text!r}: expected {bad.expected}, found {bad.found}"
            ) from None
    return values


def resolve_parameters(
    rulebook_id: str, settings: Settings, overrides: Mapping[str, Value] | None = None
) -> Parameters:
    """Defaults from `datapoints/<rulebook>/assessment.toml`, then Settings, then overrides."""
    data = load_toml(f"{rulebook_id}/assessment.toml")
    overrides = overrides or {}
    used = []
    for parameter in data["parameters"]:
        name = parameter["name"]
        default = parameter["default"]
        value, source = default, "default"
        if name in settings.values:
            cell = settings.cells.get(name)
            value, source = settings.values[name], str(cell) if cell else "Settings"
        if name in overrides:
            value, source = overrides[name], "command line"
        if parameter["type"] == "integer" and not isinstance(value, bool):
            value = int(value)
        elif parameter["type"] == "number":
            value = float(value)
        used.append(
            ParameterValue(
                name=name, value=value, default=default, source=source, help=parameter["help"]
            )
        )
    return Parameters(
        rulebook=rulebook_id,
        used=tuple(used),
        reasons=data["reasons"],
        lens_kinds=tuple(data["lenses"]["kinds"]),
    )
