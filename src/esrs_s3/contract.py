"""The input workbook contract (sheets, columns, types) from `datapoints/workbook-v1.toml`."""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from esrs_s3.resources import load_toml
from esrs_s3.rulebook import DEFAULT_RULEBOOK

CONTRACT_FILE = "workbook-v1.toml"
FIELD_HEADERS = ("field", "value")
FIELD_NOTE_HEADER = "explanation"

LIST_KINDS = ("refs", "countries")


class ColumnSpec(BaseModel):
    """One column of a rows sheet, or one field of a field/value sheet."""

    model_config = ConfigDict(frozen=True)

    name: str
    type: str
    help: str
    required: bool = False
    required_if: tuple[dict[str, tuple[str, ...]], ...] = ()
    blank_if: tuple[dict[str, tuple[str, ...]], ...] = ()
    key: bool = False
    after: str | None = None
    not_before: str | None = None
    within_period: bool = False
    width: int = 16
    minimum: float | None = None
    maximum: float | None = None
    default: object | None = None

    @property
    def kind(self) -> str:
        """The type without its argument: `enum:kind` -> `enum`."""
        return self.type.split(":", 1)[0]

    @property
    def argument(self) -> str | None:
        """The type's argument: `enum:kind` -> `kind`, `refs:Impacts` -> `Impacts`."""
        parts = self.type.split(":", 1)
        return parts[1] if len(parts) == 2 else None

    @property
    def is_list(self) -> bool:
        """Whether a cell holds a list (`DE; FR`): a blank one reads as the empty tuple."""
        return self.kind in LIST_KINDS

    @property
    def is_key(self) -> bool:
        """Whether the column identifies the row (unique within the sheet)."""
        return self.type == "id" or self.key


class SheetSpec(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    layout: Literal["rows", "fields"]
    purpose: str
    optional: bool = False
    fields_from: str | None = None
    columns: tuple[ColumnSpec, ...] = ()

    def column(self, name: str) -> ColumnSpec:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(f"{self.name} has no column {name!r}")


class Contract(BaseModel):
    model_config = ConfigDict(frozen=True)

    version: int
    enums: dict[str, tuple[str, ...]]
    sheets: tuple[SheetSpec, ...]

    def sheet(self, name: str) -> SheetSpec:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise KeyError(f"the contract has no sheet {name!r}")

    @property
    def sheet_names(self) -> list[str]:
        return [sheet.name for sheet in self.sheets]


def parameter_columns(parameters: list[dict]) -> tuple[ColumnSpec, ...]:
    """Settings fields are the assessment parameters of the rulebook."""
    return tuple(
        ColumnSpec(
            name=p["name"],
            type=p["type"],
            help=p["help"],
            minimum=p.get("min"),
            maximum=p.get("max"),
            default=p["default"],
        )
        for p in parameters
    )


@cache
def load_contract(rulebook: str = DEFAULT_RULEBOOK) -> Contract:
    """The workbook contract; Settings fields come from the rulebook's assessment parameters."""
    raw = load_toml(CONTRACT_FILE)
    sheets = []
    for sheet in raw["sheets"]:
        sheet = dict(sheet)
        if sheet.get("fields_from") == "assessment":
            sheet["columns"] = parameter_columns(
                load_toml(f"{rulebook}/assessment.toml")["parameters"]
            )
        sheets.append(SheetSpec.model_validate(sheet))
    return Contract(version=raw["version"], enums=raw["enums"], sheets=tuple(sheets))
