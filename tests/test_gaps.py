"""The due-diligence gap engine (G01-G28): every rule and variant is triggered by a real .xlsx
workbook and stays silent on a near miss; the three samples give the findings a human-rights
reviewer expects. Pipeline: read_workbook -> assess -> compose_statement -> find_gaps (no PDF).

Most cases start from CLEAN, a small workbook that triggers no rule at all, and change one thing.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import BASE_FIELDS, BASE_ROWS, SAMPLES

from esrs_s3 import read_workbook
from esrs_s3.assess import assess
from esrs_s3.check import Finding, find_gaps, load_rules
from esrs_s3.check.gaps import check_rules
from esrs_s3.check.predicates import PREDICATES
from esrs_s3.disclose.catalogue import by_id
from esrs_s3.disclose.composer import Status
from esrs_s3.disclose.mapping import Statement, compose_statement
from esrs_s3.rulebook import DEFAULT_RULEBOOK, available_rulebooks

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"/>'  # the matrix is not what these tests are about

# ---- the clean workbook ------------------------------------------------------------------------

CLEAN_FIELDS: dict[str, dict[str, object]] = {
    "Undertaking": {**BASE_FIELDS["Undertaking"], "products_with_misuse_risk": "no"}
}
CLEAN_ROWS: dict[str, list[dict[str, object]]] = {
    "Impacts": [
        {  # row 2: material positive impact, so S3 is material without a negative one
            "id": "IRO-01",
            "title": "Jobs for villagers",
            "description": "The quarry employs people from the village.",
            "sub_topic": "economic, social and cultural rights",
            "sub_sub_topic": "other",
            "kind": "positive impact",
            "status": "actual",
            "value_chain": "own operations",
            "involvement": "causes",
            "community_type": "around own sites",
            "countries": "FI",
            "human_rights": "no",
            "scale": 4,
            "scope": 3,
            "time_horizon": "short",
            "rationale": "Payroll 2025.",
        },
        dict(BASE_ROWS["Impacts"][1]),  # row 3: a risk below the threshold (the shared base)
        {  # row 4: a minor negative impact, not material
            "id": "IRO-03",
            "title": "Blasting dust on the village",
            "description": "Dust from blasting settles on houses and gardens in the village.",
            "sub_topic": "economic, social and cultural rights",
            "sub_sub_topic": "adequate housing",
            "kind": "negative impact",
            "status": "actual",
            "value_chain": "own operations",
            "involvement": "causes",
            "community_type": "around own sites",
            "countries": "FI",
            "human_rights": "yes",
            "scale": 2,
            "scope": 2,
            "irremediability": 1,
            "time_horizon": "short",
            "rationale": "Complaints log 2025.",
        },
    ],
    "Policies": [
        {
            "id": "POL-01",
            "name": "Good neighbour policy",
            "description": "Dust, noise and complaint handling towards the village.",
            "impacts": "IRO-01; IRO-02; IRO-03",
            "value_chain_scope": "Own operations at the quarry",
            "communities_covered": "Residents of Testfield village",
            "references_ungp": "yes",
            "references_oecd": "yes",
            "references_ilo": "no",
            "approved_by": "Management Board",
            "accountable_role": "Chief executive",
            "public": "yes",
            "url": "https://testfield.example/neighbours",
            "communication": "Presented at village meetings",
            "compliance_monitoring": "Yearly review of the complaints log by the legal team",
        }
    ],
    "Engagement": [
        {
            "id": "ENG-01",
            "description": "Village forum on quarry operations.",
            "impacts": "IRO-03",
            "form": "direct",
            "stage": "planning and operation",
            "frequency": "quarterly",
            "responsible_role": "Site director",
            "effectiveness_assessment": "Annual survey of villagers",
            "vulnerable_groups_insight": "Separate meetings with women and elderly residents",
            "fpic": "not applicable",
        }
    ],
    "Channels": [
        {
            "id": "CH-01",
            "name": "Village complaints line",
            "type": "own",
            "description": "Telephone and web form, answered by the site office.",
            "available_to": "All residents of the village",
            "tracks_issues": "yes",
            "trust_assessed": "yes",
            "anti_retaliation": "yes",
            "anonymous": "yes",
            "confidential": "yes",
            "remedy_approach": "Repairs or compensation agreed with the complainant",
        }
    ],
    "Actions": [
        {
            "id": "ACT-01",
            "title": "Dust suppression",
            "description": "Water sprays on haul roads.",
            "impacts": "IRO-03",
            "policies": "POL-01",
            "action_type": "mitigate",
            "status": "in progress",
            "start": dt.date(2025, 3, 1),
            "end": dt.date(2026, 3, 1),
            "time_horizon": "medium",
            "value_chain_scope": "Own operations: haul roads",
            "capex": 250000,
            "capex_current": 150000,
            "opex_current": 20000,
            "capex_future": 100000,
            "opex_future": 30000,
            "effectiveness_tracking": "Monthly dust gauges in the village",
        }
    ],
    "Targets": [
        {
            "id": "TGT-01",
            "title": "Fewer dust complaints",
            "impacts": "IRO-03",
            "policies": "POL-01",
            "metric": "Dust complaints received",
            "unit": "complaints per year",
            "baseline_value": 20,
            "baseline_year": 2024,
            "target_value": 5,
            "target_year": 2027,
            "current_value": 12,
            "communities_involved": "yes",
            "methodology": "Complaints logged by the complaints line",
            "target_type": "absolute",
            "milestone_value": 10,
            "milestone_year": 2026,
        }
    ],
    # the undertaking's own words for the datapoints only the Narratives sheet feeds
    "Narratives": [
        {"datapoint": dp, "text": "yes" if dp in ("SBM-2_11", "S3.SBM-3_01") else f"About {dp}."}
        for dp in (
            *(f"SBM-2_{n:02d}" for n in range(2, 13)),
            *(f"SBM-3_{n:02d}" for n in (3, 4, 5, 7, 10, 11)),
            *(f"IRO-1_{n:02d}" for n in (4, 8, 10, 11, 12, 15)),
            "S3.SBM-3_01",
            "S3.MDR-P_05",
            "S3-3_12",
            "S3.MDR-A_06",
            "S3.MDR-A_07",
            "S3-4_03",
            *(f"S3-4_{n:02d}" for n in (5, 6, 7, 10)),
            "S3.MDR-T_04",
            "S3.MDR-T_12",
            "S3-5_02",
            "S3-5_03",
        )
    ],
}

# Row 5 of Impacts when appended: a material actual negative impact (severity 3.67).
NEGATIVE = {
    "id": "IRO-10",
    "title": "Blockade cleared by force",
    "description": "Security staff cleared a peaceful road blockade by villagers.",
    "sub_topic": "civil and political rights",
    "sub_sub_topic": "freedom of assembly",
    "kind": "negative impact",
    "status": "actual",
    "value_chain": "own operations",
    "involvement": "contributes",
    "community_type": "around own sites",
    "countries": "FI",
    "human_rights": "yes",
    "scale": 4,
    "scope": 4,
    "irremediability": 3,
    "time_horizon": "short",
    "rationale": "Video and witness statements.",
}

Book = tuple[dict[str, dict[str, object]], dict[str, list[dict[str, object]]]]
Change = Callable[[dict, dict], None]


def clean() -> Book:
    return copy.deepcopy(CLEAN_FIELDS), copy.deepcopy(CLEAN_ROWS)


def gaps(make_workbook, change: Change | None = None, name: str = "book.xlsx") -> tuple:
    """Write CLEAN changed by `change`, run the pipeline; (findings, workbook, assessment,
    statement)."""
    fields, rows = clean()
    if change is not None:
        change(fields, rows)
    path = make_workbook(name, fields=fields, rows=rows, base=False)
    return pipeline(path)


def pipeline(path: Path) -> tuple:
    result = read_workbook(path)
    assert result.ok, [str(i) for i in result.issues if i.severity.value == "error"]
    book = result.workbook
    assessment = assess(book)
    statement = compose_statement(book, assessment, matrix=SVG)
    return find_gaps(book, assessment, statement), book, assessment, statement


def of(findings: tuple[Finding, ...], rule: str, variant: str = "") -> list[Finding]:
    return [f for f in findings if f.rule == rule and f.variant == variant]


# ---- changes -------------------------------------------------------------------------------


def add_iro(rows: dict, **values) -> None:
    rows["Impacts"].append({**NEGATIVE, **values})


def cover(rows: dict, sheet: str, iro: str = "IRO-10", index: int = 0) -> None:
    row = rows[sheet][index]
    row["impacts"] = f"{row['impacts']}; {iro}"


def cover_row(sheet: str, iro: str, index: int = 0) -> Change:
    return lambda fields, rows: cover(rows, sheet, iro, index)


def set_row(sheet: str, index: int = 0, **values) -> Change:
    def change(fields: dict, rows: dict) -> None:
        rows[sheet][index].update(values)

    return change


def both(*changes: Change) -> Change:
    def change(fields: dict, rows: dict) -> None:
        for c in changes:
            c(fields, rows)

    return change


def negative(**values) -> Change:
    """IRO-10 added, covered by the policy and by ACT-01 unless told otherwise."""

    def change(fields: dict, rows: dict) -> None:
        add_iro(rows, **values)
        cover(rows, "Policies")
        cover(rows, "Actions")

    return change


def empty(*sheets: str) -> Change:
    def change(fields: dict, rows: dict) -> None:
        for sheet in sheets:
            rows[sheet] = []
        if "Policies" in sheets:
            for sheet in ("Actions", "Targets"):
                for row in rows[sheet]:
                    row["policies"] = None

    return change


def undertaking(**values) -> Change:
    def change(fields: dict, rows: dict) -> None:
        fields["Undertaking"].update(values)

    return change


def settings(**values) -> Change:
    def change(fields: dict, rows: dict) -> None:
        fields["Settings"] = values

    return change


def not_material(fields: dict, rows: dict) -> None:
    """Nothing material: S3 is not material and the statement says so."""
    rows["Impacts"][0].update(scale=2, scope=2)


def incident(**values) -> Change:
    def change(fields: dict, rows: dict) -> None:
        rows["Incidents"] = [
            {
                "id": "INC-01",
                "date": dt.date(2025, 5, 1),
                "country": "FI",
                "description": "A resident was injured by a blast fragment.",
                "impacts": "IRO-03",
                "severe": "no",
                "breach_of_ungp_oecd_ilo": "no",
                "remedy_provided": "yes",
                **values,
            }
        ]

    return change


def screening(**values) -> Change:
    def change(fields: dict, rows: dict) -> None:
        rows["Screening"] = [
            {
                "id": "SCR-01",
                "description": "Crushed stone for a road project",
                "country": "FI",
                "product_risk": 5,
                "use_risk": 5,
                "client_risk": 5,
                "country_risk": 5,
                **values,
            }
        ]

    return change


def indigenous(**values) -> Change:
    return negative(
        community_type="indigenous peoples",
        sub_topic="rights of indigenous peoples",
        sub_sub_topic="cultural rights",
        **values,
    )


def drop_narrative(dp_id: str) -> Change:
    def change(fields: dict, rows: dict) -> None:
        rows["Narratives"] = [n for n in rows["Narratives"] if n["datapoint"] != dp_id]

    return change


def only_positive(fields: dict, rows: dict) -> None:
    """No negative impact at all, and nothing material."""
    not_material(fields, rows)
    del rows["Impacts"][2]
    for sheet in ("Policies",):
        rows[sheet][0]["impacts"] = "IRO-01; IRO-02"
    for sheet in ("Engagement", "Actions", "Targets"):
        rows[sheet][0]["impacts"] = "IRO-01"


# ---- the table -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    rule: str
    variant: str
    severity: str
    kind: str
    trigger: Change
    cells: frozenset[str]  # cited by the finding (exactly, or at least with `subset`)
    near_miss: Change | None = None  # None: CLEAN itself
    rows: frozenset[str] = frozenset()
    subset: bool = False

    @property
    def name(self) -> str:
        return f"{self.rule}-{self.variant or 'main'}"


def case(rule, variant, severity, kind, trigger, cells, near_miss=None, rows=(), subset=False):
    return Case(
        rule, variant, severity, kind, trigger, frozenset(cells), near_miss, frozenset(rows), subset
    )


E, W, I_ = "error", "warning", "info"
D, DD = "disclosure", "due diligence"

CASES = [
    # G01: policies exist but none covers civil and political rights; ¶62 statement absent
    case("G01", "", E, D, lambda f, r: (add_iro(r), cover(r, "Actions")), {"Impacts!A5"},
         rows={"IRO-10"}, near_miss=negative()),
    case("G01", "practice", W, DD, both(negative(), empty("Policies")),
         {"Impacts!A5", "Policies!A2"}, rows={"IRO-10"}, near_miss=negative()),
    case("G02", "", W, DD, set_row("Policies", references_ungp="no", references_oecd="no"),
         {"Policies!G2", "Policies!H2", "Policies!I2"}, rows={"POL-01"},
         near_miss=set_row("Policies", references_ungp="no", references_oecd="no",
                           references_ilo="yes")),
    case("G03", "", W, DD,
         set_row("Policies", approved_by=None, accountable_role="Community liaison assistant"),
         {"Policies!K2", "Policies!L2"}, rows={"POL-01"},
         near_miss=set_row("Policies", accountable_role="Head of Community Relations")),
    case("G04", "", W, DD, set_row("Policies", public="no", url=None, communication=None),
         {"Policies!M2", "Policies!O2"}, rows={"POL-01"}),
    case("G05", "", E, D, indigenous(), {"Impacts!J5", "Policies!J2"},
         rows={"IRO-10", "POL-01"},
         near_miss=both(indigenous(), set_row("Policies", indigenous_peoples_provisions="FPIC"),
                        set_row("Engagement", fpic="yes"))),
    case("G05", "fpic", E, D, indigenous(), {"Impacts!J5", "Engagement!J2"},
         rows={"IRO-10", "ENG-01"},
         near_miss=both(indigenous(), set_row("Engagement", fpic="no"))),
    case("G05", "fpic-not-sought", W, DD,
         both(indigenous(), set_row("Engagement", fpic="no", impacts="IRO-03; IRO-10")),
         {"Engagement!J2"}, rows={"ENG-01", "IRO-10"},
         near_miss=both(indigenous(), set_row("Engagement", fpic="yes"))),
    case("G06", "practice", W, DD, empty("Engagement"), {"Engagement!A2"}),
    case("G07", "", W, DD, set_row("Engagement", effectiveness_assessment=None),
         {"Engagement!H2"}, rows={"ENG-01"}),
    case("G08", "", W, DD,
         lambda f, r: r["Engagement"].append(
             {**r["Engagement"][0], "id": "ENG-02", "vulnerable_groups_insight": None}),
         {"Engagement!I3"}, rows={"ENG-02"}),
    case("G08", "undisclosed", E, D, set_row("Engagement", vulnerable_groups_insight=None),
         {"Engagement!I2"}, rows={"ENG-01"}),
    case("G09", "practice", W, DD, empty("Channels"), {"Channels!A2"}),
    case("G09", "downstream", W, DD, undertaking(products_with_misuse_risk="yes"),
         {"Channels!E2", "Channels!K2"}, rows={"CH-01"},
         near_miss=both(undertaking(products_with_misuse_risk="yes"),
                        set_row("Channels", available_to="Residents and our customers"))),
    case("G10", "", W, DD, set_row("Channels", trust_assessed="no", anti_retaliation="no"),
         {"Channels!G2", "Channels!H2"}, rows={"CH-01"},
         near_miss=set_row("Channels", anonymous="no")),
    case("G11", "", E, D, negative(), {"Impacts!G5", "Impacts!I5"}, rows={"IRO-10"},
         near_miss=both(negative(), incident(impacts="IRO-10", remedy_provided="yes"))),
    case("G11", "approach", E, D, set_row("Channels", remedy_approach=None), {"Channels!K2"},
         rows={"CH-01"},
         near_miss=both(set_row("Channels", remedy_approach=None),
                        set_row("Actions", action_type="remediate"))),
    case("G12", "", E, D, lambda f, r: (add_iro(r), cover(r, "Policies")), {"Impacts!A5"},
         rows={"IRO-10"}, near_miss=negative()),
    case("G12", "practice", W, DD,
         lambda f, r: (add_iro(r), cover(r, "Policies"), empty("Actions")(f, r)),
         {"Impacts!A5", "Actions!A2"}, rows={"IRO-10"}, near_miss=negative()),
    case("G13", "", W, DD, set_row("Actions", effectiveness_tracking=None), {"Actions!R2"},
         rows={"ACT-01"}),
    case("G14", "", W, DD,
         set_row("Actions", value_chain_scope=None, capex=None, capex_current=None,
                 opex_current=None, capex_future=None, opex_future=None),
         {"Actions!K2", "Actions!L2", "Actions!M2", "Actions!N2", "Actions!O2", "Actions!P2",
          "Actions!Q2"}, rows={"ACT-01"},
         near_miss=set_row("Actions", capex=None, capex_current=None, opex_current=1000,
                           capex_future=None, opex_future=None)),
    case("G15", "", E, D, empty("Targets"), {"Targets!A2"}),
    case("G15", "untracked", W, DD,
         both(empty("Targets"), set_row("Actions", effectiveness_tracking=None)),
         {"Targets!A2", "Actions!R2"}, rows={"ACT-01"}, near_miss=empty("Targets")),
    case("G16", "", W, DD,
         set_row("Targets", baseline_value=None, baseline_year=None, communities_involved="no"),
         {"Targets!G2", "Targets!H2", "Targets!L2"}, rows={"TGT-01"}),
    # S3 not material although a severe incident is logged: S3-4_11 reported 'not material'
    case("G17", "", E, D, both(not_material, incident(severe="yes")), {"Incidents!F2"},
         rows={"INC-01"}, near_miss=incident(severe="yes")),
    case("G17", "unremedied", E, DD, incident(severe="yes", remedy_provided="no"),
         {"Incidents!H2"}, rows={"INC-01"},
         near_miss=incident(severe="no", remedy_provided="no")),
    case("G18", "", E, D, both(not_material, incident(breach_of_ungp_oecd_ilo="yes")),
         {"Incidents!G2"}, rows={"INC-01"}, near_miss=incident(breach_of_ungp_oecd_ilo="yes")),
    case("G19", "", W, DD, undertaking(products_with_misuse_risk="yes"),
         {"Undertaking!B12", "Screening!A2"},
         near_miss=both(undertaking(products_with_misuse_risk="yes"),
                        negative(value_chain="downstream"), screening(impacts="IRO-10"))),
    case("G19", "uncovered", W, DD, screening(), {"Screening!A2", "Screening!H2"},
         rows={"SCR-01"}, near_miss=screening(impacts="IRO-03")),
    case("G19", "policy", W, DD,
         both(undertaking(products_with_misuse_risk="yes"),
              set_row("Policies", description="It does not cover how customers use our stone.")),
         {"Policies!C2", "Policies!E2", "Policies!F2"}, rows={"POL-01"},
         near_miss=both(undertaking(products_with_misuse_risk="yes"),
                        set_row("Policies", value_chain_scope="Own operations and the use of "
                                "our products by customers"))),
    case("G20", "",  W, DD,
         both(lambda f, r: r.__setitem__("Countries", [{"country": "CD", "cahra": "yes"}]),
              screening(country="CD", product_risk=1, use_risk=1, client_risk=1,
                        country_risk=1)),
         {"Countries!B2", "Screening!C2"}, rows={"CD", "SCR-01"},
         near_miss=both(lambda f, r: r.__setitem__("Countries", [{"country": "CD",
                                                                   "cahra": "yes"}]),
                        set_row("Impacts", 2, countries="FI; CD"))),
    # an action on a positive impact in a CAHRA is no due diligence on adverse impacts there
    case("G20", "", W, DD,
         both(lambda f, r: r.__setitem__("Countries", [{"country": "CD", "cahra": "yes"}]),
              set_row("Impacts", 0, countries="FI; CD"), cover_row("Actions", "IRO-01")),
         {"Countries!B2", "Impacts!K2"}, rows={"CD", "IRO-01"},
         near_miss=both(lambda f, r: r.__setitem__("Countries", [{"country": "CD",
                                                                   "cahra": "yes"}]),
                        set_row("Impacts", 0, countries="FI; CD"),
                        set_row("Impacts", 2, countries="FI; CD"))),
    case("G21", "", E, D,
         both(negative(status="potential", scale=4, scope=4, irremediability=4, likelihood=1),
              settings(human_rights_severity_override=5, human_rights_likelihood_floor=0.2)),
         {"Impacts!P5", "Settings!B5", "Settings!B6"}, rows={"IRO-10"},
         near_miss=negative(status="potential", scale=4, scope=4, irremediability=4,
                            likelihood=1)),
    # only possible once the team lowers the likelihood floor below 1 (ESRS 1 ¶45)
    case("G21", "below", E, DD,
         both(negative(status="potential", scale=4, scope=3, irremediability=3, likelihood=2),
              settings(human_rights_likelihood_floor=0.4)),
         {"Impacts!P5"}, rows={"IRO-10"},
         near_miss=negative(status="potential", scale=4, scope=3, irremediability=3,
                            likelihood=2)),
    case("G21", "kept", I_, DD,
         negative(status="potential", scale=5, scope=3, irremediability=4, likelihood=1),
         {"Impacts!P5"}, rows={"IRO-10"},
         near_miss=negative(status="potential", scale=5, scope=3, irremediability=4,
                            likelihood=5)),
    case("G22", "", E, D, empty("Engagement"), {"Engagement!A2"}),
    case("G23", "unbacked", W, DD,
         both(empty("Targets"), set_row("Actions", effectiveness_tracking=None)),
         {"Targets!A2"}, near_miss=empty("Targets")),
    case("G24", "", E, D, negative(), {"Impacts!J5"}, rows={"IRO-10"}),
    case("G25", "", E, D, undertaking(employees=500),
         {"Undertaking!B7", "Undertaking!B8", "Undertaking!B13"},
         near_miss=undertaking(employees=500, use_phase_in="no")),
    case("G26", "", I_, DD,
         negative(value_chain="upstream", involvement="directly linked",
                  community_type="along the value chain"),
         {"Impacts!I5", "Actions!S2"}, rows={"IRO-10", "ACT-01"},
         near_miss=both(negative(value_chain="upstream", involvement="directly linked",
                                 community_type="along the value chain"),
                        set_row("Actions", leverage_used="Supplier contract clauses"))),
    case("G27", "empty", I_, DD, only_positive, {"Impacts!F2", "Impacts!F3"},
         rows={"IRO-01", "IRO-02"}, near_miss=not_material),
    # a mandatory datapoint left without its input: one finding, saying what to fill
    case("G29", "", E, D, drop_narrative("S3-4_05"), set()),
    case("G28", "", W, DD, set_row("Policies", name="Code of Business Conduct"),
         {"Policies!B2", "Policies!C2", "Policies!N2", "Policies!O2"}, rows={"POL-01"},
         near_miss=set_row("Policies", name="Code of Business Conduct",
                           description="Section 4 covers dust, noise and complaints.")),
]  # fmt: skip


def test_the_clean_workbook_triggers_no_rule(make_workbook) -> None:
    findings, _, assessment, statement = gaps(make_workbook)
    assert assessment.s3_material and not statement.regime.phase_in_used
    assert findings == ()


@pytest.mark.parametrize("c", CASES, ids=lambda c: c.name)
def test_rule_triggers_and_stays_silent_on_a_near_miss(make_workbook, c: Case) -> None:
    findings = gaps(make_workbook, c.trigger, "trigger.xlsx")[0]
    hits = of(findings, c.rule, c.variant)
    assert hits, [(f.rule, f.variant) for f in findings]
    finding = hits[0]
    assert (finding.severity, finding.kind) == (c.severity, c.kind)
    cited = set(finding.cells)
    assert c.cells <= cited if c.subset else cited == c.cells, finding.cells
    assert c.rows <= set(finding.rows), finding.rows
    assert "{" not in finding.message and "{" not in finding.resolution
    silent = gaps(make_workbook, c.near_miss, "near-miss.xlsx")[0]
    assert not of(silent, c.rule, c.variant), of(silent, c.rule, c.variant)


# ---- disclosure variants the composer never produces: a statement with a datapoint taken out ----


def without(statement: Statement, *dp_ids: str, anchors: tuple[str, ...] = ()) -> Statement:
    """The statement with `dp_ids` reported missing and the sections `anchors` removed."""
    results = tuple(
        r.model_copy(update={"status": Status.MISSING, "facts": (), "sources": ()})
        if r.id in dp_ids
        else r
        for r in statement.results
    )
    sections = tuple(s for s in statement.document.sections if s.anchor not in anchors)
    document = statement.document.model_copy(update={"sections": sections})
    return statement.model_copy(update={"results": results, "document": document})


@pytest.mark.parametrize(
    ("rule", "change", "dp_id", "cells"),
    [
        ("G06", empty("Engagement"), "S3-2_08", ("Engagement!A2",)),
        ("G09", empty("Channels"), "S3-3_16", ("Channels!A2",)),
        ("G23", None, "GOV-4_01", ()),
        ("G27", not_material, "IRO-2_10", ()),
    ],
)
def test_disclosure_rule_fires_when_the_statement_lacks_its_datapoint(
    make_workbook, rule, change, dp_id, cells
) -> None:
    findings, book, assessment, statement = gaps(make_workbook, change)
    assert not of(findings, rule)
    severity = "info" if rule == "G27" else "error"
    (finding,) = of(find_gaps(book, assessment, without(statement, dp_id)), rule)
    assert (finding.severity, finding.kind, finding.cells) == (severity, "disclosure", cells)
    assert dp_id in finding.message or dp_id in finding.datapoints
    if rule in ("G06", "G09"):  # the due-diligence variant gives way to the disclosure error
        assert not of(find_gaps(book, assessment, without(statement, dp_id)), rule, "practice")


def gov4_text(statement: Statement) -> str:
    (fact,) = [f for f in statement.document.facts if f.datapoint == "GOV-4_01"]
    return fact.shown


def test_gov4_map_follows_what_the_statement_discloses(make_workbook) -> None:
    """The map names, per core element, the sections that disclose it; an element with
    nothing behind it is 'not disclosed in this statement' (and G23 says why)."""
    findings, _, _, statement = gaps(make_workbook)
    full = gov4_text(statement)
    assert "(e) Tracking the effectiveness of these efforts and communicating: S3-5" in full
    assert "(a) Embedding due diligence in governance, strategy and business model: SBM-3" in full
    assert "ESRS 2 GOV-2 and GOV-3 lie outside this S3 statement" in full
    change = both(empty("Targets"), set_row("Actions", effectiveness_tracking=None))
    findings, _, _, statement = gaps(make_workbook, change, "untracked.xlsx")
    untracked = gov4_text(statement)
    assert untracked != full
    assert (
        "(e) Tracking the effectiveness of these efforts and communicating: not disclosed in "
        "this statement" in untracked
    )
    (finding,) = of(findings, "G23", "unbacked")
    assert "(e)" in finding.message and finding.cells == ("Targets!A2",)
    (missing,) = of(find_gaps(*gaps(make_workbook)[1:3], without(statement, "GOV-4_01")), "G23")
    assert missing.severity == "error" and "GOV-4_01" in missing.message


def test_phase_in_omissions_are_not_disclosure_gaps(make_workbook) -> None:
    """Under the phase-in S3 datapoints are lawfully omitted: the empty sheets give no
    disclosure error for S3 (G06, G09, G15), only the BP-2 ¶17 check (G25)."""
    change = both(undertaking(employees=500), empty("Engagement", "Channels", "Targets"))
    findings, _, _, statement = gaps(make_workbook, change)
    assert statement.regime.phase_in_used
    errors = {f.rule for f in findings if f.severity == "error"}
    assert errors == {"G22", "G25", "G29"}  # IRO-1_05 (consultation) is ESRS 2: never phased in
    missing = {d for f in of(findings, "G29") for d in f.datapoints}
    assert missing == {"IRO-1_05", "SBM-2_01", "BP-2_23", "BP-2_27"}  # ESRS 2 only, no S3
    assert of(findings, "G06", "practice") and of(findings, "G09", "practice")


# ---- the rules file ------------------------------------------------------------------------


# Due-diligence findings that are errors: the practice fails what S3 itself asks
# (gap_rules.toml, header); they do not keep a statement a draft.
DUE_DILIGENCE_ERRORS = {("G17", "unremedied"), ("G21", "below")}


@pytest.mark.parametrize("rulebook", available_rulebooks())
def test_rules_file_has_g01_to_g29_with_valid_fields(rulebook: str) -> None:
    """Every rulebook keeps the rule ids of the 2023 set (so that `compare` can pair them);
    the revised set leaves out G24, which has no counterpart (its gap_rules.toml says why)."""
    rules = load_rules(rulebook)
    left_out = {"G24"} if rulebook == "esrs-2026" else set()
    wanted = [f"G{n:02d}" for n in range(1, 30) if f"G{n:02d}" not in left_out]
    assert [r.id for r in rules.rules] == wanted
    catalogue = by_id(rulebook)
    for rule in rules.rules:
        assert rule.predicate in PREDICATES
        for key in ("", *(v.key for v in rule.variants)):
            out = rule.outcome(key)
            assert set(out["oecd_steps"]) <= set(rules.oecd_steps)
            assert out["core_element"] in rules.core_elements
            assert set(out["datapoints"]) <= set(catalogue)
            assert out["paragraphs"] and out["title"] and out["resolution"]
            # error <=> a disclosure obligation; due-diligence gaps are warnings or info,
            # but for the two failures of what S3 asks
            if out["kind"] == "due diligence" and (rule.id, key) not in DUE_DILIGENCE_ERRORS:
                assert out["severity"] in ("warning", "info"), (rule.id, key)
            elif out["kind"] == "due diligence":
                assert out["severity"] == "error", (rule.id, key)
            else:
                assert out["severity"] in ("error", "info"), (rule.id, key)


def test_every_predicate_is_used_by_some_rulebook() -> None:
    used = {r.predicate for rb in available_rulebooks() for r in load_rules(rb).rules}
    assert used == set(PREDICATES)


# The module of esrs_s3.check.predicates for each OECD step (a rule's first `oecd_steps` entry).
STEP_MODULES = {
    "1 Embed": "embed",
    "2 Identify and assess": "identify",
    "3 Prevent and mitigate": "prevent",
    "4 Track": "track",
    "5 Communicate": "communicate",
    "6 Remediate": "remediate",
    "cross-cutting: engagement": "engage",
}


def test_each_predicate_lives_in_the_module_of_its_rules_first_oecd_step() -> None:
    rules = load_rules(DEFAULT_RULEBOOK)
    assert set(STEP_MODULES) == set(rules.oecd_steps)
    for rule in rules.rules:
        module = PREDICATES[rule.predicate].__module__
        assert module == f"esrs_s3.check.predicates.{STEP_MODULES[rule.oecd_steps[0]]}", rule.id


def test_roles_are_the_predicates_parameters_and_are_checked_on_load() -> None:
    rules = load_rules(DEFAULT_RULEBOOK)
    g01 = next(r for r in rules.rules if r.id == "G01")
    assert g01.roles == {"reasons": "S3.MDR-P_07"}
    for bad in ({}, {"reasons": "S3.MDR-P_07", "other": "S3.MDR-P_01"}):
        changed = tuple(r.model_copy(update={"roles": bad}) if r is g01 else r for r in rules.rules)
        with pytest.raises(ValueError, match="G01: iros_without_policy takes"):
            check_rules(rules.model_copy(update={"rules": changed}), DEFAULT_RULEBOOK)
    with pytest.raises(ValueError, match="does not touch"):
        g01.model_validate(g01.model_dump() | {"roles": {"reasons": "S3-1_01"}})


def test_every_rule_and_variant_is_exercised_by_a_workbook() -> None:
    rules = load_rules(DEFAULT_RULEBOOK).rules
    declared = {(r.id, v) for r in rules for v in ("", *(x.key for x in r.variants))}
    tampered = {("G06", ""), ("G09", ""), ("G23", ""), ("G27", "")}
    assert declared == {(c.rule, c.variant) for c in CASES} | tampered
    assert {r for r, _ in declared} == {c.rule for c in CASES}  # every rule via a workbook


def test_findings_are_sorted_and_deterministic(make_workbook) -> None:
    change = both(
        negative(),
        set_row("Actions", effectiveness_tracking=None),
        set_row("Policies", public="no"),
        screening(),
    )
    findings, book, assessment, statement = gaps(make_workbook, change)
    rank = {"error": 0, "warning": 1, "info": 2}
    keys = [(rank[f.severity], f.rule) for f in findings]
    assert keys == sorted(keys)
    assert find_gaps(book, assessment, statement) == findings
    assert [f.model_dump() for f in findings] == [
        Finding.model_validate(f.model_dump()).model_dump() for f in findings
    ]


def test_cells_sort_by_row_number_not_as_text(make_workbook) -> None:
    def many_actions(fields: dict, rows: dict) -> None:
        first = rows["Actions"][0]
        rows["Actions"] = [
            {**first, "id": f"ACT-{n:02d}", "effectiveness_tracking": None} for n in range(1, 12)
        ]

    findings = gaps(make_workbook, many_actions)[0]
    cited = [f.cells[0] for f in of(findings, "G13")]
    assert cited == [f"Actions!R{n}" for n in range(2, 13)]


# ---- the samples ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_findings() -> dict[str, tuple[Finding, ...]]:
    out = {}
    for name in ("defence_manufacturer", "telecom_equipment", "mining_company"):
        out[name] = pipeline(SAMPLES / f"{name}.xlsx")[0]
    return out


def rows_of(findings, rule: str, variant: str = "") -> set[str]:
    return {row for f in of(findings, rule, variant) for row in f.rows}


def test_defence_sample_findings(sample_findings) -> None:
    """The defence sample is complete (no disclosure gap: it builds with --final) and
    truthfully discloses weak downstream due diligence, which its findings show."""
    f = sample_findings["defence_manufacturer"]
    assert not [x for x in f if x.kind == "disclosure"]
    # the human-rights policy is silent on the downstream use of products
    (policy,) = of(f, "G19", "policy")
    assert policy.rows == ("POL-01",) and "Policies!E2" in policy.cells
    # high-risk sales no impact covers
    assert rows_of(f, "G19", "uncovered") == {"SCR-02", "SCR-03", "SCR-10", "SCR-11"}
    assert [x.cells[0] for x in of(f, "G19", "uncovered")] == [
        "Screening!A3",
        "Screening!A4",
        "Screening!A11",
        "Screening!A12",
    ]
    # the severe incident without remedy: an error of practice, not of disclosure
    (unremedied,) = of(f, "G17", "unremedied")
    assert unremedied.rows == ("INC-01",) and unremedied.cells == ("Incidents!H2",)
    assert (unremedied.severity, unremedied.kind) == ("error", "due diligence")
    # the indigenous representatives are engaged, but their consent is not sought
    assert rows_of(f, "G05", "fpic-not-sought") == {"ENG-04", "IRO-14"}
    assert rows_of(f, "G13") == {"ACT-02", "ACT-03", "ACT-06", "ACT-11"}
    assert rows_of(f, "G12", "practice") == {"IRO-06", "IRO-11", "IRO-12", "IRO-24", "IRO-29"}
    assert rows_of(f, "G09", "downstream") == rows_of(f, "G10") == {"CH-01"}
    # Colombia (a sale no impact covers) and Ukraine (positive impacts only) are CAHRAs
    assert rows_of(f, "G20") == {"CO", "SCR-11", "UA", "IRO-33", "IRO-45"}
    # potential human-rights impacts material by the precedence of severity (ESRS 1 ¶45)
    assert {"IRO-06", "IRO-20", "IRO-24", "IRO-29"} <= rows_of(f, "G21", "kept")
    assert not of(f, "G21", "below") and not of(f, "G06") and not of(f, "G09")


def test_defence_sample_planted_gaps_are_all_found(sample_findings, monkeypatch) -> None:
    """Every gap the sample's module plants (samples.defence.GAPS, keyed "G02 and G04: what")
    is found by the rules it names, for the rows it names."""
    monkeypatch.syspath_prepend(str(SAMPLES))
    from samples.defence import GAPS

    findings = sample_findings["defence_manufacturer"]
    for gap, rows in GAPS.items():
        named = gap.split(":")[0].split(" and ")
        assert named and all(re.fullmatch(r"G\d\d( [a-z-]+)?", n) for n in named), gap
        for rule in named:
            rule_id, _, variant = rule.partition(" ")
            assert set(rows.split()) <= rows_of(findings, rule_id, variant), (gap, rule)


def test_telecom_sample_findings(sample_findings) -> None:
    f = sample_findings["telecom_equipment"]
    # Sami herding communities: engagement without free, prior and informed consent
    assert rows_of(f, "G05", "fpic-not-sought") == {"ENG-02", "IRO-13"}
    assert not of(f, "G05") and not of(f, "G05", "fpic")  # IRO-13 is not material
    # sales with LI/DPI/managed services into KZ, TR, TZ: screened, covered by no impact
    assert rows_of(f, "G19", "uncovered") == {"SCR-08", "SCR-09", "SCR-13"}
    # shutdown and surveillance incidents: severe, no remedy
    assert rows_of(f, "G17", "unremedied") == {"INC-01", "INC-02"}
    # its policies and its Speak Up channel do address the use of its products
    assert not of(f, "G19", "policy") and not of(f, "G09", "downstream")
    assert rows_of(f, "G10") == {"CH-01", "CH-02"}
    assert rows_of(f, "G28") == {"POL-03"}  # the supplier code, with no precise reference
    assert rows_of(f, "G13") == {"ACT-04", "ACT-06", "ACT-08"}
    # potential human-rights impacts of severity 3 or more are material by default (¶45)
    assert rows_of(f, "G21", "kept") >= {"IRO-06", "IRO-09"} and not of(f, "G21", "below")


def test_mining_sample_findings(sample_findings) -> None:
    f = sample_findings["mining_company"]
    # consent not sought for the Kallpa expansion and the resettlement on indigenous land
    assert rows_of(f, "G05", "fpic-not-sought") == {"ENG-01", "ENG-04", "IRO-01", "IRO-03",
                                                    "IRO-08"}  # fmt: skip
    assert not of(f, "G05") and not of(f, "G05", "fpic")  # provisions and FPIC are disclosed
    # police at road blockades (INC-01, a death): contributed to, no remedy
    assert {"IRO-15", "IRO-18"} <= rows_of(f, "G11")
    assert rows_of(f, "G17", "unremedied") == {"INC-01"}
    # resettlement and water policies without human-rights references
    assert rows_of(f, "G02") == {"POL-04", "POL-05"}
    assert rows_of(f, "G04") == {"POL-04"}
    # nothing downstream to screen, no conflict-affected country
    assert not [x for x in f if x.rule in ("G19", "G20", "G09")]


def test_sample_messages_are_filled_in(sample_findings) -> None:
    for findings in sample_findings.values():
        for finding in findings:
            assert not re.search(r"\{\w+\}", finding.message + finding.resolution), finding
            # G29 names the datapoint and what to fill, not a cell (the input is not there)
            assert finding.cells or finding.rule in ("G22", "G23", "G27", "G29"), finding
