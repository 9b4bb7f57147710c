"""The datapoint catalogue: `datapoints/<rulebook>/catalogue.csv`, one row per datapoint.

Rows: the ESRS 2 datapoints S3 relies on (BP-2 phase-in items, GOV-4, SBM-2, SBM-3, IRO-1,
IRO-2), then the S3 datapoints in EFRAG IG 3 order, with IG 3's MDR range rows
(an MDR-P range 01-06...) expanded to one row per ESRS 2 MDR datapoint.

Columns:
- `id`: the EFRAG IG 3 datapoint id; `standard` (`S3` / `ESRS 2`), `requirement` (`SBM-3`,
  `S3-1`, `MDR-P`...), `paragraph` (`9 a`, `AR 9`, `62`): facts copied from IG 3 / taxonomy.
- `name`: a short name in our own words (never EFRAG's label text).
- `data_type`: from the XBRL type of the main (first) concept: narrative, boolean,
  enumeration, monetary, percent, decimal, integer, gYear, date or string.
- `voluntary` / `conditional` (`yes` or blank), `phase_in` (`2 years`: the <=750-employee
  phase-in of ESRS 1 Appendix C), `appendix_b` (`SFDR`, `SFDR + Benchmark`...).
- `concepts` / `concept_types`: the non-abstract `esrs:` concepts carrying the datapoint and
  their XBRL item types, ` | `-separated, same order; `period_type` of the first concept.
- `dimensions`: explicit `axis=member` pairs a fact of this datapoint carries, ` | `-separated.
- `typed_axis`: the typed axis the fact is reported on (policy, action plan, target, IRO).
- `feed`: where the workbook gives the datapoint. Blank: the statement composes it from the
  other sheets. `narrative`: only the Narratives sheet feeds it (a text, or `yes` / `no` for a
  boolean datapoint). `either`: composed from the other sheets when they hold it (actions of
  the matching type), or else from the Narratives row, the undertaking's own statement.
- `section`: the anchor of the statement section that reports it (`sections.toml`).
- `source`: how the statement tags it. `derive:<name>[:<argument>]`: a named derivation
  (disclose/derivations.py); `column:<sheet>.<column>[/name]`: one sentence per row that fills
  the column (`/name`: rows are named "Name (ID)", else by id); `table:<name>`: a part of a
  table of `tables.toml`; blank: only the Narratives sheet gives it (`feed`), or nothing does.
- `applies_when`: conditions (disclose/conditions.py), `&`-joined, that must all hold for the
  datapoint to apply; `otherwise`: for each condition, ` | `-separated, the note of the
  "not applicable" status when it does not hold (the first failing one is given). A
  condition marked `?` holds the datapoint back only when its source tags nothing (the
  undertaking's own words on actions for a kind of IRO it has none of are still reported).
- `fill`: when the datapoint applies and nothing tags it, what the user must fill (the note of
  its "missing" status, or of "voluntary" for a voluntary one); `{ids}` lists the rows that
  the last condition found (the material IROs that call for an action...).

How `dimensions` and `typed_axis` were determined (Arelle 2.47, taxonomy 2023-12-22): for each
concept, its has-hypercube (`all`) relationships were collected per ELR, including those
inherited through domain-member parents (`ValidateXbrlDimensions.findPriItemElrHcRels`). The
S3 table is the ELR of an S3 definition role (4030xx) or, if the concept has none, an ESRS 2
role (2xxxxx); the generic open tables of roles 9000xx are ignored. From that table's
hypercube: a typed dimension gives `typed_axis`; an explicit dimension without a default would
be required (none occurs); `TopicalESRSAxis` (default "topic unspecified") gets
`ESRSS3AffectedCommunitiesMember` when that member is usable there and the concept is shared
with another topical standard's table, or is an ESRS 2 concept, so the fact is attributed to
S3. The MDR-T baseline value and milestones (¶80 d, f) add the member of
`CurrentlyStatedBaselineMilestonesOrTargetYearsAxis` that the MDR-T table uses for them.
"""

from __future__ import annotations

import csv
import tomllib
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from esrs_s3.errors import BrokenRulebook
from esrs_s3.resources import data_path
from esrs_s3.rulebook import DEFAULT_RULEBOOK

DataType = Literal[
    "narrative",
    "semi-narrative",
    "boolean",
    "enumeration",
    "monetary",
    "percent",
    "decimal",
    "integer",
    "gYear",
    "date",
    "string",
]
SEPARATOR = " | "


class Datapoint(BaseModel):
    """One catalogue row."""

    model_config = ConfigDict(frozen=True)

    id: str
    standard: Literal["S3", "ESRS 2"]
    requirement: str
    paragraph: str
    name: str
    data_type: DataType
    voluntary: bool
    conditional: bool
    phase_in: str
    appendix_b: str
    concepts: tuple[str, ...]
    concept_types: tuple[str, ...]
    period_type: Literal["duration", "instant", ""]
    dimensions: tuple[tuple[str, str], ...]
    typed_axis: str
    feed: Literal["", "narrative", "either"]
    section: str
    source: str
    applies_when: tuple[str, ...]
    otherwise: tuple[str, ...]
    fill: str

    @property
    def answered(self) -> bool:
        """A yes/no or a year the Narratives sheet answers (not a text)."""
        return self.feed == "narrative" and self.data_type in ("boolean", "gYear")

    @model_validator(mode="after")
    def _aligned(self) -> Datapoint:
        if len(self.concepts) != len(self.concept_types):
            raise ValueError(
                f"{self.id}: {len(self.concepts)} concepts, {len(self.concept_types)} concept types"
            )
        if len(self.otherwise) != len(self.applies_when):
            raise ValueError(
                f"{self.id}: {len(self.applies_when)} conditions in applies_when, "
                f"{len(self.otherwise)} notes in otherwise"
            )
        return self


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(SEPARATOR) if part.strip())


def _datapoint(row: dict[str, str]) -> Datapoint:
    dims = tuple(tuple(pair.split("=", 1)) for pair in _split(row["dimensions"]))
    return Datapoint.model_validate(
        {
            **row,
            "voluntary": row["voluntary"] == "yes",
            "conditional": row["conditional"] == "yes",
            "concepts": _split(row["concepts"]),
            "concept_types": _split(row["concept_types"]),
            "dimensions": dims,
            "applies_when": tuple(c.strip() for c in row["applies_when"].split("&") if c.strip()),
            "otherwise": _split(row["otherwise"]),
        }
    )


@cache
def load_catalogue(rulebook_id: str = DEFAULT_RULEBOOK) -> tuple[Datapoint, ...]:
    """All datapoints of a rulebook, in catalogue order (cached: the data is read-only)."""
    path = data_path(f"{rulebook_id}/catalogue.csv")
    found: list[Datapoint] = []
    broken: list[tuple[int, str]] = []  # (line, what is wrong)
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            try:
                found.append(_datapoint(row))
            except ValidationError as exc:  # a broken row names its line, not a traceback
                broken += [(line, e["msg"]) for e in exc.errors()]
    ids = [dp.id for dp in found]
    twice = sorted({i for i in ids if ids.count(i) > 1})
    if broken or twice:
        raise BrokenRulebook(
            rulebook_id,
            [f"catalogue.csv line {line}: {msg}" for line, msg in broken]
            + [f"catalogue.csv: {i} is listed twice" for i in twice],
        )
    return tuple(found)


def by_id(rulebook_id: str = DEFAULT_RULEBOOK) -> dict[str, Datapoint]:
    """The catalogue keyed by datapoint id."""
    return {dp.id: dp for dp in load_catalogue(rulebook_id)}


def for_requirement(requirement: str, rulebook_id: str = DEFAULT_RULEBOOK) -> tuple[Datapoint, ...]:
    """The datapoints of one disclosure requirement (`S3-1`, `MDR-P`, `SBM-3`...), in order."""
    return tuple(dp for dp in load_catalogue(rulebook_id) if dp.requirement == requirement)


def narrative_datapoints(rulebook_id: str) -> tuple[Datapoint, ...]:
    """The datapoints the workbook's Narratives sheet may give text for, in catalogue order."""
    return tuple(dp for dp in load_catalogue(rulebook_id) if dp.feed in ("narrative", "either"))


class SectionSpec(BaseModel):
    """One section of `sections.toml`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    anchor: str
    title: str
    level: int = 2
    when: str = ""
    otherwise: str = ""
    part_of: str = ""
    topical: bool = False
    index: bool = False
    contents: tuple[str, ...] = ("datapoints", "narratives")
    requirements: tuple[tuple[str, str], ...] = ()


class Layout(BaseModel):
    """`sections.toml` and `tables.toml` of a rulebook: how its statement is laid out."""

    model_config = ConfigDict(frozen=True)

    sections: tuple[SectionSpec, ...]
    # requirements complied with when a condition holds (S3's own parts of SBM-2 and SBM-3)
    requirements_when: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    tables: dict[str, dict]


@cache
def load_layout(rulebook_id: str) -> Layout:
    """The sections and tables of a rulebook (cached: the data is read-only)."""
    with data_path(f"{rulebook_id}/sections.toml").open("rb") as handle:
        sections = tomllib.load(handle)
    with data_path(f"{rulebook_id}/tables.toml").open("rb") as handle:
        tables = tomllib.load(handle)
    return Layout(
        sections=tuple(SectionSpec.model_validate(s) for s in sections["sections"]),
        requirements_when=tuple(
            (r["when"], tuple(tuple(p) for p in r["requirements"]))
            for r in sections.get("requirements_when", ())
        ),
        tables=tables,
    )
