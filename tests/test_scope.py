"""Who must report what, when (issue 12 point 4): the phase-ins of each rulebook by wave, size
and year, and the Omnibus I scope check that labels a statement a voluntary report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import MATERIAL, write_workbook

from esrs_s3 import read_workbook
from esrs_s3.assess import assess
from esrs_s3.disclose.regime import decide_regime


def _year(year: int, **fields: object) -> dict[str, object]:
    return {
        "period_start": dt.date(year, 1, 1),
        "period_end": dt.date(year, 12, 31),
        **fields,
    }


def _regime(tmp_path: Path, fields: dict[str, object]):
    book = write_workbook(tmp_path / "b.xlsx", fields={"Undertaking": fields}, rows=MATERIAL)
    result = read_workbook(book)
    assert result.ok, [str(i) for i in result.issues]
    workbook = result.workbook
    return decide_regime(workbook, assess(workbook)), result.issues


WAVE_ONE = {"first_reporting_year": 2024}
LARGE = {"employees": 1200, "net_turnover": 500_000_000}


@pytest.mark.parametrize(
    ("fields", "reference"),
    [
        # revised ESRS 1 ¶125 (a): wave one above both thresholds, FY2026
        ({**_year(2026, rulebook="esrs-2026"), **WAVE_ONE, **LARGE}, "ESRS 1 ¶125 (a)"),
        # ¶126 (a): wave one below them (every topical standard, S3 included)
        (
            {**_year(2026, rulebook="esrs-2026"), **WAVE_ONE, "net_turnover": 90_000_000},
            "ESRS 1 ¶126 (a)",
        ),
        # ¶127 (a): first required from 2027, its first two years
        ({**_year(2028, first_reporting_year=2027), **LARGE}, "ESRS 1 ¶127 (a)"),
        # the 2023 set, as the 2025 quick fix extends it: wave one, 750 employees, FY2026
        (
            {**_year(2026, rulebook="esrs-2023"), **WAVE_ONE, "employees": 480},
            "Delegated Regulation (EU) 2025/1416",
        ),
    ],
)
def test_the_s3_phase_in_follows_wave_size_and_year(tmp_path, fields, reference) -> None:
    regime, _ = _regime(tmp_path, fields)
    assert regime.phase_in_used and reference in regime.s3_row.reference


@pytest.mark.parametrize(
    "fields",
    [
        # from FY2027 a wave-one undertaking gets no S3 phase-in under the revised ESRS
        {**_year(2027), **WAVE_ONE, **LARGE},
        # the third year of a later undertaking
        {**_year(2029, first_reporting_year=2027), **LARGE},
        # the 2023 set without the quick fix's wave: year 3 of a 480-employee undertaking
        {**_year(2026, rulebook="esrs-2023", first_reporting_year=2024, wave_one="no"),
         "employees": 480},
    ],
)  # fmt: skip
def test_no_s3_phase_in_outside_its_rows(tmp_path, fields) -> None:
    regime, _ = _regime(tmp_path, fields)
    assert not regime.phase_in_eligible and not regime.phase_in_used


def test_an_unknown_size_is_named_when_the_phase_in_is_asked_for(tmp_path) -> None:
    fields = {**_year(2026, rulebook="esrs-2026"), **WAVE_ONE, "use_phase_in": "yes"}
    regime, issues = _regime(tmp_path, fields)  # 1,200 employees, net turnover blank
    assert not regime.phase_in_used
    (issue,) = [i for i in issues if i.code == "phase-in-not-allowed"]
    assert "net_turnover blank" in issue.message


def test_outside_the_omnibus_scope_is_a_voluntary_report(tmp_path) -> None:
    from esrs_s3.build import build_statement

    small = write_workbook(
        tmp_path / "s.xlsx", fields={"Undertaking": {"employees": 480}}, rows=MATERIAL
    )
    (note,) = [i for i in read_workbook(small).issues if i.code == "outside-csrd-scope"]
    assert note.severity == "info" and note.field == "employees"
    assert "480 employees, not more than 1,000" in note.message
    build_statement(small, tmp_path / "out")
    xhtml = (tmp_path / "out" / "statement.xhtml").read_text(encoding="utf-8")
    assert "— voluntary report</title>" in xhtml
    assert "This is a voluntary report: with 480 employees, not more than 1,000" in xhtml
    turnover = write_workbook(
        tmp_path / "t.xlsx", fields={"Undertaking": {"net_turnover": 300_000_000}}, rows=MATERIAL
    )
    (note,) = [i for i in read_workbook(turnover).issues if i.code == "outside-csrd-scope"]
    assert note.field == "net_turnover"
    inside = write_workbook(
        tmp_path / "i.xlsx", fields={"Undertaking": {"net_turnover": 600_000_000}}, rows=MATERIAL
    )
    assert not [i for i in read_workbook(inside).issues if i.code == "outside-csrd-scope"]
