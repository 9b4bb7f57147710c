"""Write sample_inputs/invalid_workbook.xlsx: a small workbook with known, planted errors.

Every planted problem is listed in PLANTED (cell, issue code); tests/test_invalid_sample.py
checks that `esrs-s3 validate` reports exactly these, each once, at these cells.
Run from the repository root:  python sample_inputs/make_invalid.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from esrs_s3.fileio import save_xlsx
from esrs_s3.template import build_template, fill_template

OUT = Path(__file__).resolve().parent / "invalid_workbook.xlsx"
FIXED_TIME = dt.datetime(2026, 1, 1)

# (location, code, severity) in the order `esrs-s3 validate` prints them.
PLANTED: list[tuple[str, str, str]] = [
    ("Undertaking!B3", "invalid-lei", "error"),
    ("Undertaking!B5", "out-of-order", "error"),
    ("Undertaking!B6", "unknown-currency", "error"),
    ("Undertaking!B7", "wrong-type", "error"),
    ("Impacts!V1", "unknown-column", "warning"),
    ("Impacts!M2", "score-out-of-range", "error"),
    ("Impacts!N3", "wrong-type", "error"),
    ("Impacts!P4", "required-value-missing", "error"),
    ("Impacts!Q5", "required-value-missing", "error"),
    ("Impacts!F6", "not-in-list", "error"),
    ("Impacts!E7", "sub-topic-mismatch", "error"),
    ("Impacts!A8", "duplicate-id", "error"),
    ("Impacts!K9", "unknown-country", "error"),
    ("Impacts!L10", "not-yes-no", "error"),
    ("Impacts!O11", "required-value-missing", "error"),
    ("Policies!D2", "unknown-reference", "error"),
    ("Policies!N3", "invalid-url", "error"),
    ("Engagement!1:1", "missing-column", "error"),
    ("Channels", "missing-sheet", "error"),
    ("Actions!H2", "ambiguous-date", "error"),
    ("Actions!M2", "formula-without-value", "error"),
    ("Actions!L3", "wrong-type", "error"),
    ("Actions!I4", "out-of-order", "error"),
    ("Targets!J2", "wrong-type", "error"),
    ("Incidents!B2", "invalid-date", "error"),
    ("Settings!B2", "out-of-range", "error"),
    ("Settings!A3", "unknown-field", "error"),
]

UNDERTAKING = {
    "name": "Fenwick Castings GmbH",
    "lei": "529900T8BM49AURSDO56",  # planted: check digits wrong (valid would end ...55)
    "period_start": dt.date(2025, 1, 1),
    "period_end": dt.date(2024, 12, 31),  # planted: before period_start
    "currency": "EUROS",  # planted: not ISO 4217
    "employees": "about 500",  # planted: not a number
    "first_reporting_year": 2025,
    "language": "en",
    "rulebook": "esrs-2023",
    "sector": "C24.5 Casting of metals",
    "products_with_misuse_risk": "no",
}


def impact(number: int, **overrides: object) -> dict[str, object]:
    """A valid potential negative human-rights impact; overrides plant the errors."""
    row: dict[str, object] = {
        "id": f"IRO-{number:02d}",
        "title": f"Foundry emissions affecting neighbours ({number})",
        "description": "Dust and noise from the foundry reach the houses next to the site.",
        "sub_topic": "economic, social and cultural rights",
        "sub_sub_topic": "adequate housing",
        "kind": "negative impact",
        "status": "potential",
        "value_chain": "own operations",
        "involvement": "causes",
        "community_type": "around own sites",
        "countries": "DE",
        "human_rights": "yes",
        "scale": 3,
        "scope": 2,
        "irremediability": 2,
        "likelihood": 3,
        "time_horizon": "short",
        "rationale": "Complaints logged by the site manager; air-quality readings 2025.",
    }
    row.update(overrides)
    return row


IMPACTS = [
    impact(1, scale=7, owner="site manager"),  # M2 score out of range; V1 unknown column
    impact(2, scope="high"),  # N3 not a number
    impact(3, likelihood=None),  # P4 likelihood missing for a potential impact
    impact(
        4,
        kind="risk",
        involvement=None,
        community_type=None,
        scale=None,
        scope=None,
        irremediability=None,
        financial_magnitude=None,
    ),  # Q5 financial magnitude missing for a risk
    impact(5, kind="negative"),  # F6 not a kind
    impact(
        6, sub_topic="rights of indigenous peoples", sub_sub_topic="freedom of expression"
    ),  # E7 sub-sub-topic of another sub-topic
    impact(6),  # A8 duplicate id
    impact(8, countries="DE; XX"),  # K9 not a country code
    impact(9, human_rights="maybe"),  # L10 not yes/no
    impact(10, status="actual", likelihood=None, irremediability=None),  # O11 missing
]

POLICIES = [
    {
        "id": "POL-01",
        "name": "Neighbourhood policy",
        "description": "Commitments towards the people living around the foundry.",
        "impacts": "IRO-01; IRO-99",  # D2: IRO-99 does not exist
        "references_ungp": "yes",
        "references_oecd": "yes",
        "references_ilo": "no",
        "accountable_role": "Managing director",
        "public": "yes",
        "url": "https://example.com/policy",
    },
    {
        "id": "POL-02",
        "name": "Complaints policy",
        "description": "How complaints from neighbours are received and answered.",
        "impacts": "IRO-02",
        "references_ungp": "no",
        "references_oecd": "no",
        "references_ilo": "no",
        "accountable_role": "Site manager",
        "public": "yes",
        "url": "javascript:alert(1)",  # N3: not a web address
    },
]

ENGAGEMENT = [
    {
        "id": "ENG-01",
        "description": "Annual open day and neighbours' meeting.",
        "form": "direct",
        "stage": "operation",
        "responsible_role": "Site manager",
    },
]

ACTIONS = [
    {
        "id": "ACT-01",
        "title": "Dust filters",
        "description": "New filters on the furnaces.",
        "impacts": "IRO-01",
        "action_type": "mitigate",
        "status": "in progress",
        "start": "03/04/2025",  # H2: ambiguous day/month
        "time_horizon": "short",
    },
    {
        "id": "ACT-02",
        "title": "Noise wall",
        "description": "A wall along the north fence.",
        "impacts": "IRO-02",
        "action_type": "prevent",
        "status": "planned",
        "time_horizon": "medium",
        "capex": "€1,200,000",  # L3: not a plain number
    },
    {
        "id": "ACT-03",
        "title": "Health check",
        "description": "Free health checks.",
        "impacts": "IRO-03",
        "action_type": "remediate",
        "status": "completed",
        "start": dt.date(2025, 6, 1),
        "end": dt.date(2025, 3, 1),  # I4: end before start
        "time_horizon": "short",
    },
]

TARGETS = [
    {
        "id": "TGT-01",
        "title": "Fewer complaints",
        "impacts": "IRO-01",
        "metric": "complaints per year",
        "unit": "count",
        "target_value": 5,
        "target_year": "next year",  # J2: not a year
        "communities_involved": "yes",
    },
]

INCIDENTS = [
    {
        "id": "INC-01",
        "date": "2025-02-30",  # B2: no such day
        "country": "DE",
        "description": "Dust release after a filter failure.",
        "severe": "no",
        "breach_of_ungp_oecd_ilo": "no",
        "remedy_provided": "yes",
    },
]

SETTINGS = {
    "impact_threshold": 9,  # B2: outside 1-5
    "impact_treshold": 2.5,  # A3: misspelt parameter
}


def build() -> None:
    book = build_template()
    fill_template(
        book,
        fields={"Undertaking": UNDERTAKING},
        rows={
            "Impacts": IMPACTS,
            "Policies": POLICIES,
            "Engagement": ENGAGEMENT,
            "Actions": ACTIONS,
            "Targets": TARGETS,
            "Incidents": INCIDENTS,
        },
    )
    settings = book["Settings"]
    for offset, (name, value) in enumerate(SETTINGS.items(), start=2):
        settings.cell(row=offset, column=1).value = name
        settings.cell(row=offset, column=2).value = value
    settings.delete_rows(len(SETTINGS) + 2, settings.max_row)
    engagement = book["Engagement"]
    headers = [cell.value for cell in engagement[1]]
    engagement.delete_cols(headers.index("frequency") + 1)  # Engagement!1:1 missing column
    book["Actions"]["M2"] = "=SUM(1000,2000)"  # a formula openpyxl saves without a result
    del book["Channels"]  # missing sheet
    save_xlsx(book, OUT, FIXED_TIME)


if __name__ == "__main__":
    build()
    print(f"wrote {OUT}")
