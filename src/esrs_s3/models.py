"""Typed records of the input workbook. Every value keeps its source cell.

Row records carry a `RowSource` (sheet, row number and the sheet's column letters), so
`iro.cell("scale")` gives `Impacts!N7`. Field/value sheets keep a cell per field.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, NamedTuple, TypeVar

from pydantic import BaseModel, ConfigDict, SkipValidation

from esrs_s3.rulebook import DEFAULT_RULEBOOK

Kind = Literal["negative impact", "positive impact", "risk", "opportunity"]
Status = Literal["actual", "potential"]
ValueChain = Literal["own operations", "upstream", "downstream"]
Involvement = Literal["causes", "contributes", "directly linked"]
CommunityType = Literal[
    "around own sites", "along the value chain", "at value-chain endpoints", "indigenous peoples"
]
TimeHorizon = Literal["short", "medium", "long"]
EngagementForm = Literal["direct", "legitimate representatives", "credible proxies"]
Fpic = Literal["yes", "no", "not applicable"]
ChannelType = Literal["own", "third-party"]
ActionType = Literal[
    "prevent", "mitigate", "remediate", "positive impact", "manage risk", "pursue opportunity"
]
ActionStatus = Literal["planned", "in progress", "completed"]
TargetType = Literal["absolute", "relative"]
Occurrence = Literal[
    "widespread", "systemic", "individual incidents", "specific business relationships"
]

# Contract enum name -> Literal type above (a test keeps them equal to workbook-v1.toml).
ENUM_TYPES = {
    "kind": Kind,
    "status": Status,
    "value_chain": ValueChain,
    "involvement": Involvement,
    "community_type": CommunityType,
    "time_horizon": TimeHorizon,
    "engagement_form": EngagementForm,
    "fpic": Fpic,
    "channel_type": ChannelType,
    "action_type": ActionType,
    "action_status": ActionStatus,
    "occurrence": Occurrence,
    "target_type": TargetType,
}


class CellRef(BaseModel):
    """A cell of the input workbook, printed as `Sheet!A1`."""

    model_config = ConfigDict(frozen=True)

    sheet: str
    cell: str

    def __str__(self) -> str:
        return f"{self.sheet}!{self.cell}"


class RowSource(NamedTuple):
    """Where a row record came from. `columns` (field -> column letters) is shared by the sheet.

    A named tuple, not validated: one is made per row, and it only points back at the cells.
    """

    sheet: str
    row: int
    columns: dict[str, str]

    def cell(self, field: str) -> CellRef:
        return CellRef(sheet=self.sheet, cell=f"{self.columns[field]}{self.row}")


class Record(BaseModel):
    """A row of a rows sheet."""

    model_config = ConfigDict(frozen=True)

    source: SkipValidation[RowSource]

    def cell(self, field: str) -> CellRef:
        """The cell a field was read from."""
        return self.source.cell(field)


class Iro(Record):
    """An impact, risk or opportunity (Impacts sheet)."""

    id: str
    title: str
    description: str
    sub_topic: str
    sub_sub_topic: str
    kind: Kind
    status: Status
    value_chain: ValueChain
    involvement: Involvement | None = None
    community_type: CommunityType | None = None
    countries: tuple[str, ...] = ()
    human_rights: bool
    scale: int | None = None
    scope: int | None = None
    irremediability: int | None = None
    likelihood: int | None = None
    financial_magnitude: int | None = None
    time_horizon: TimeHorizon
    rationale: str
    occurrence: Occurrence | None = None
    likelihood_after_mitigation: int | None = None

    @property
    def is_impact(self) -> bool:
        return self.kind in ("negative impact", "positive impact")


class Policy(Record):
    id: str
    name: str
    description: str
    impacts: tuple[str, ...]
    value_chain_scope: str | None = None
    communities_covered: str | None = None
    references_ungp: bool
    references_oecd: bool
    references_ilo: bool
    indigenous_peoples_provisions: str | None = None
    approved_by: str | None = None
    accountable_role: str
    public: bool
    url: str | None = None
    communication: str | None = None
    compliance_monitoring: str | None = None


class Engagement(Record):
    id: str
    description: str
    impacts: tuple[str, ...] = ()
    form: EngagementForm
    stage: str
    frequency: str
    responsible_role: str
    effectiveness_assessment: str | None = None
    vulnerable_groups_insight: str | None = None
    fpic: Fpic | None = None


class Channel(Record):
    id: str
    name: str
    type: ChannelType
    description: str
    available_to: str | None = None
    tracks_issues: bool
    trust_assessed: bool
    anti_retaliation: bool
    anonymous: bool
    confidential: bool
    remedy_approach: str | None = None


class Action(Record):
    id: str
    title: str
    description: str
    impacts: tuple[str, ...]
    policies: tuple[str, ...] = ()
    action_type: ActionType
    status: ActionStatus
    start: dt.date | None = None
    end: dt.date | None = None
    time_horizon: TimeHorizon
    value_chain_scope: str | None = None
    capex: float | None = None  # over the action's life, not split by period
    opex: float | None = None
    capex_current: float | None = None  # in the reporting period (ESRS 2 ¶69 b)
    opex_current: float | None = None
    capex_future: float | None = None  # planned after it (ESRS 2 ¶69 c)
    opex_future: float | None = None
    effectiveness_tracking: str | None = None
    leverage_used: str | None = None
    progress: str | None = None
    expected_outcome: str | None = None


class Target(Record):
    id: str
    title: str
    impacts: tuple[str, ...]
    policies: tuple[str, ...] = ()
    metric: str
    unit: str
    baseline_value: float | None = None
    baseline_year: int | None = None
    target_value: float
    target_year: int
    current_value: float | None = None
    communities_involved: bool
    methodology: str | None = None
    target_type: TargetType | None = None
    milestone_value: float | None = None
    milestone_year: int | None = None


class Incident(Record):
    id: str
    date: dt.date
    country: str
    description: str
    impacts: tuple[str, ...] = ()
    severe: bool
    breach_of_ungp_oecd_ilo: bool
    remedy_provided: bool
    status: str | None = None


class CountryRisk(Record):
    """Location risk supplied by the user (optional Countries sheet)."""

    country: str
    cahra: bool | None = None
    ituc_rating: str | None = None
    wgi_percentile: float | None = None


class ScreeningRow(Record):
    """A screened downstream sale (optional Screening sheet)."""

    id: str
    description: str
    country: str
    product_risk: int
    use_risk: int
    client_risk: int
    country_risk: int
    impacts: tuple[str, ...] = ()


class Narrative(Record):
    """Text for a datapoint no structured column feeds (Narratives sheet)."""

    datapoint: str
    text: str


class Undertaking(BaseModel):
    """The reporting undertaking (Undertaking sheet, field/value layout)."""

    model_config = ConfigDict(frozen=True)

    name: str
    lei: str
    period_start: dt.date
    period_end: dt.date
    currency: str
    employees: int
    first_reporting_year: int
    language: str = "en"
    rulebook: str = DEFAULT_RULEBOOK
    rulebook_for_period: bool = False  # chosen for the period: the workbook names none
    sector: str | None = None
    products_with_misuse_risk: bool | None = None
    use_phase_in: bool | None = None
    assessment_date: dt.date | None = None
    net_turnover: float | None = None
    wave_one: bool | None = None
    reliefs_used: tuple[str, ...] = ()
    cells: dict[str, CellRef] = {}


class Settings(BaseModel):
    """Assessment parameters set in the workbook (only those filled in), with their cells."""

    model_config = ConfigDict(frozen=True)

    values: dict[str, float | int | bool] = {}
    cells: dict[str, CellRef] = {}


class Workbook(BaseModel):
    """Everything read from one input workbook."""

    model_config = ConfigDict(frozen=True)

    path: str
    sha256: str
    undertaking: Undertaking | None
    impacts: tuple[Iro, ...] = ()
    policies: tuple[Policy, ...] = ()
    engagement: tuple[Engagement, ...] = ()
    channels: tuple[Channel, ...] = ()
    actions: tuple[Action, ...] = ()
    targets: tuple[Target, ...] = ()
    incidents: tuple[Incident, ...] = ()
    countries: tuple[CountryRisk, ...] = ()
    screening: tuple[ScreeningRow, ...] = ()
    narratives: tuple[Narrative, ...] = ()
    settings: Settings = Settings()


R = TypeVar("R", bound=Record)


def trusted_records(model: type[R], rows: list[dict[str, object]]) -> tuple[R, ...]:
    """Records of rows the reader has parsed and checked cell by cell already, without a
    second validation: what pydantic's `model_construct` does, less its per-field loop (10k
    impacts: 4.5 ms instead of 37 ms to validate them again). Each dict must hold every field
    of `model`, in field order, with values of the field's type (tests compare every record
    of the samples with `model_validate`); it becomes the record's `__dict__`."""
    fields = set(model.model_fields)
    new, put = model.__new__, object.__setattr__
    records = []
    for values in rows:
        record = new(model)
        put(record, "__dict__", values)
        put(record, "__pydantic_fields_set__", fields)
        put(record, "__pydantic_extra__", None)
        put(record, "__pydantic_private__", None)
        records.append(record)
    return tuple(records)


# Rows sheet name -> (record model, Workbook attribute).
ROW_MODELS: dict[str, tuple[type[Record], str]] = {
    "Impacts": (Iro, "impacts"),
    "Policies": (Policy, "policies"),
    "Engagement": (Engagement, "engagement"),
    "Channels": (Channel, "channels"),
    "Actions": (Action, "actions"),
    "Targets": (Target, "targets"),
    "Incidents": (Incident, "incidents"),
    "Countries": (CountryRisk, "countries"),
    "Screening": (ScreeningRow, "screening"),
    "Narratives": (Narrative, "narratives"),
}
