"""Validation of whole workbooks: each rule on a small real .xlsx written by the template."""

from __future__ import annotations

import datetime as dt
import json

from conftest import BASE_ROWS, flatten, run_cli

from esrs_s3 import read_workbook
from esrs_s3.contract import ColumnSpec, SheetSpec, load_contract
from esrs_s3.ingest.reader import cell_context
from esrs_s3.ingest.sheets import read_rows_sheet
from esrs_s3.models import ROW_MODELS
from esrs_s3.template import write_template


def issues_of(path):
    return flatten(read_workbook(path).issues)


def errors_of(path):
    return [(i.location, i.code) for i in read_workbook(path).issues if i.severity == "error"]


def test_base_workbook_is_valid_and_keeps_cells(make_workbook) -> None:
    result = read_workbook(make_workbook())
    assert result.issues == []
    book = result.workbook
    assert book is not None and len(book.sha256) == 64
    first, risk = book.impacts
    assert (first.id, first.scale, first.human_rights, first.countries) == (
        "IRO-01",
        3,
        True,
        ("FI",),
    )
    assert str(first.cell("scale")) == "Impacts!M2"
    assert str(risk.cell("financial_magnitude")) == "Impacts!Q3"
    assert book.actions[0].capex == 250000.0
    assert book.policies[0].impacts == ("IRO-01", "IRO-02")
    assert str(book.undertaking.cells["lei"]) == "Undertaking!B3"
    assert book.undertaking.employees == 1200


def test_blank_template_validates_with_exit_0(tmp_path) -> None:
    path = tmp_path / "t.xlsx"
    assert run_cli("template", str(path)).returncode == 0
    completed = run_cli("validate", str(path))
    assert completed.returncode == 0, completed.stdout
    assert "valid (0 errors" in completed.stdout
    assert issues_of(path) == [("Undertaking", "undertaking-empty")]


def test_template_refuses_to_overwrite(tmp_path) -> None:
    path = write_template(tmp_path / "t.xlsx")
    completed = run_cli("template", str(path))
    assert completed.returncode == 2
    assert "--force" in completed.stderr
    assert run_cli("template", str(path), "--force").returncode == 0


def test_headers_match_case_and_space_insensitively(make_workbook) -> None:
    def shout(book):
        for cell in book["Impacts"][1]:
            if cell.value:
                cell.value = f"  {cell.value.upper()} "

    assert issues_of(make_workbook(edit=shout)) == []


def test_unknown_column_is_a_warning_only(make_workbook) -> None:
    rows = {"Impacts": [{**BASE_ROWS["Impacts"][0], "owner": "J. Smith"}, BASE_ROWS["Impacts"][1]]}
    result = read_workbook(make_workbook(rows=rows))
    assert flatten(result.issues) == [("Impacts!V1", "unknown-column")]
    assert result.ok and result.workbook is not None


def test_conditional_requirements(make_workbook) -> None:
    impact = BASE_ROWS["Impacts"][0]
    rows = {
        "Impacts": [
            {**impact, "id": "A", "status": "potential"},  # likelihood missing
            {**impact, "id": "B", "irremediability": None},  # irremediability missing
            {**impact, "id": "C", "kind": "positive impact"},  # irremediability ignored
            {**impact, "id": "D", "kind": "positive impact", "irremediability": None},
            {**impact, "id": "E", "kind": "opportunity", "likelihood": 3},  # magnitude missing
            {**impact, "id": "F", "involvement": None, "community_type": None},
            {
                **impact,
                "id": "G",
                "kind": "risk",
                "involvement": None,
                "scale": None,
                "scope": None,
                "irremediability": None,
                "likelihood": 2,
                "financial_magnitude": 2,
            },
        ]
    }
    path = make_workbook(rows=rows, fields={}, edit=None)
    assert issues_of(path) == [
        ("Impacts!P2", "required-value-missing"),
        ("Impacts!O3", "required-value-missing"),
        ("Impacts!O4", "value-ignored"),
        ("Impacts!Q6", "required-value-missing"),
        ("Impacts!I7", "required-value-missing"),
        ("Impacts!J7", "required-value-missing"),
        ("Policies!D2", "unknown-reference"),  # the base policy names IRO-01 and IRO-02
        ("Actions!D2", "unknown-reference"),
    ]


def test_empty_rows_are_skipped_and_cells_stay_exact(make_workbook) -> None:
    def gap(book):
        book["Impacts"].insert_rows(3, amount=2)

    result = read_workbook(make_workbook(edit=gap))
    assert result.ok
    assert str(result.workbook.impacts[1].cell("likelihood")) == "Impacts!P5"


def test_rows_of_spaces_are_empty_rows(make_workbook) -> None:
    def spaces(book):
        book["Impacts"].insert_rows(3)
        for column in range(1, 8):  # more cells than a quick count of filled ones would allow
            book["Impacts"].cell(row=3, column=column, value="  ")

    result = read_workbook(make_workbook(edit=spaces))
    assert result.ok, flatten(result.issues)
    assert [iro.source.row for iro in result.workbook.impacts] == [2, 4]


def test_empty_sheets_mean_none_adopted(make_workbook) -> None:
    rows = {name: [] for name in ("Policies", "Actions")}
    result = read_workbook(make_workbook(rows=rows))
    assert result.issues == []
    assert result.workbook.policies == () and result.workbook.actions == ()


def test_missing_undertaking_value_names_its_cell(make_workbook) -> None:
    path = make_workbook(fields={"Undertaking": {"currency": None}})
    assert errors_of(path) == [("Undertaking!B6", "required-value-missing")]


def test_missing_undertaking_row(make_workbook) -> None:
    def drop(book):
        book["Undertaking"].delete_rows(3)  # the lei row

    assert errors_of(make_workbook(edit=drop)) == [("Undertaking", "required-value-missing")]


def test_unknown_rulebook(make_workbook) -> None:
    path = make_workbook(fields={"Undertaking": {"rulebook": "esrs-1999"}})
    assert errors_of(path) == [("Undertaking!B10", "unknown-rulebook")]


def test_optional_sheets_may_be_absent(make_workbook) -> None:
    def drop(book):
        for name in ("Countries", "Screening", "Settings", "README", "Lists"):
            del book[name]

    assert issues_of(make_workbook(edit=drop)) == []


def test_unknown_sheet_is_information(make_workbook) -> None:
    result = read_workbook(make_workbook(edit=lambda book: book.create_sheet("Notes")))
    assert flatten(result.issues) == [("Notes", "unknown-sheet")]
    assert result.ok


def test_settings_are_read_with_their_cells(make_workbook) -> None:
    result = read_workbook(
        make_workbook(fields={"Settings": {"impact_threshold": 3.5, "location_modifiers": "no"}})
    )
    assert result.issues == []
    settings = result.workbook.settings
    assert settings.values == {"impact_threshold": 3.5, "location_modifiers": False}
    assert str(settings.cells["impact_threshold"]) == "Settings!B2"


def test_incident_outside_the_period_is_a_warning(make_workbook) -> None:
    incident = {
        "id": "INC-01",
        "date": "2024-06-01",
        "country": "FI",
        "description": "Flyrock.",
        "severe": "no",
        "breach_of_ungp_oecd_ilo": "no",
        "remedy_provided": "yes",
    }
    result = read_workbook(make_workbook(rows={"Incidents": [incident]}))
    assert flatten(result.issues) == [("Incidents!B2", "outside-period")]
    assert result.ok


def test_data_without_header_and_duplicate_header(make_workbook) -> None:
    def edit(book):
        sheet = book["Policies"]
        sheet["Q2"] = "stray note"
        sheet["P1"] = "Name"

    assert issues_of(make_workbook(edit=edit)) == [
        ("Policies!P1", "duplicate-column"),
        ("Policies!Q1", "column-without-header"),
    ]


def test_text_starting_with_equals_stays_text(make_workbook) -> None:
    impact = {**BASE_ROWS["Impacts"][0], "title": '=HYPERLINK("http://x")'}
    result = read_workbook(make_workbook(rows={"Impacts": [impact, BASE_ROWS["Impacts"][1]]}))
    assert result.issues == []
    assert result.workbook.impacts[0].title == '=HYPERLINK("http://x")'


def test_every_problem_is_reported_at_once(make_workbook) -> None:
    impact = {**BASE_ROWS["Impacts"][0], "scale": 9, "scope": "wide", "countries": "ZZ"}
    path = make_workbook(
        rows={"Impacts": [impact, BASE_ROWS["Impacts"][1]]},
        fields={"Undertaking": {"currency": "XYZ"}},
    )
    assert errors_of(path) == [
        ("Undertaking!B6", "unknown-currency"),
        ("Impacts!K2", "unknown-country"),
        ("Impacts!M2", "score-out-of-range"),
        ("Impacts!N2", "wrong-type"),
    ]


def test_cli_json_for_a_valid_workbook(make_workbook) -> None:
    path = make_workbook()
    completed = run_cli("validate", str(path), "--format", "json")
    assert completed.returncode == 0
    document = json.loads(completed.stdout)
    assert document["ok"] is True and document["readable"] is True
    assert document["counts"] == {"error": 0, "warning": 0, "info": 0}
    assert document["sha256"] == read_workbook(path).sha256


def test_a_condition_sees_values_after_blank_if_cleared_them() -> None:
    """`b` is required when `a` is "x"; `a` is cleared (blank_if) on this row, so `b` is not
    required, even though column `z` was checked against the same `a` before it was cleared."""
    spec = SheetSpec(
        name="T",
        layout="rows",
        purpose="test",
        columns=(
            ColumnSpec(name="kind", type="text", help="-"),
            ColumnSpec(name="z", type="text", help="-", required_if=({"a": ("x",)},)),
            ColumnSpec(name="a", type="text", help="-", blank_if=({"kind": ("p",)},)),
            ColumnSpec(name="b", type="text", help="-", required_if=({"a": ("x",)},)),
        ),
    )
    grid = [["kind", "z", "a", "b"], ["p", "filled", "x", ""]]
    sheet = read_rows_sheet(grid, spec, cell_context(load_contract(), "esrs-2023"), set())
    assert [(i.code, i.cell) for i in sheet.issues] == [("value-ignored", "C2")]
    assert sheet.values == [{"source": None, "kind": "p", "z": "filled", "a": None, "b": None}]


def test_narratives_name_known_datapoints_once(make_workbook) -> None:
    text = {"text": "Our own words."}
    rows = {
        "Narratives": [
            {"datapoint": "sbm-2_02", **text},  # case-insensitive
            {"datapoint": "SBM-2_99", **text},
            {"datapoint": "S3-1_07", **text},  # fed by the Policies sheet, not by text
            {"datapoint": "SBM-2_02", **text},
            {"datapoint": "IRO-1_11", "text": None},
        ]
    }
    result = read_workbook(make_workbook(rows=rows))
    assert [(i.location, i.code) for i in result.issues if i.severity == "error"] == [
        ("Narratives!A3", "unknown-datapoint"),
        ("Narratives!A4", "unknown-datapoint"),
        ("Narratives!A5", "duplicate-id"),
        ("Narratives!B6", "required-value-missing"),
    ]
    ok = read_workbook(make_workbook(rows={"Narratives": rows["Narratives"][:1]}))
    assert ok.ok and [(n.datapoint, str(n.cell("text"))) for n in ok.workbook.narratives] == [
        ("SBM-2_02", "Narratives!B2")
    ]


def test_records_from_text_cells_have_the_types_validation_gives(make_workbook) -> None:
    """Numbers, dates and yes/no typed as text read into the same typed records that pydantic
    validation makes (the reader does not validate its records a second time)."""

    def as_text(value: object) -> object:
        if isinstance(value, bool):
            return "Yes" if value else "no"
        if isinstance(value, int | float):
            return f" {value} "
        if isinstance(value, dt.date):
            return value.isoformat()
        return value

    rows = {
        sheet: [{k: as_text(v) for k, v in row.items()} for row in sheet_rows]
        for sheet, sheet_rows in BASE_ROWS.items()
    }
    result = read_workbook(make_workbook(rows=rows))
    assert result.ok, flatten(result.issues)
    for model, attribute in ROW_MODELS.values():
        for record in getattr(result.workbook, attribute):
            validated = model.model_validate(dict(record.__dict__))
            assert [(type(v), v) for v in record.__dict__.values()] == [
                (type(v), v) for v in validated.__dict__.values()
            ]


def test_a_phase_in_that_appendix_c_refuses_is_a_warning_naming_the_cell(make_workbook) -> None:
    big = make_workbook(
        "big.xlsx", fields={"Undertaking": {"employees": 2400, "use_phase_in": "yes"}}
    )
    result = read_workbook(big)
    assert result.ok
    (issue,) = [i for i in result.issues if i.code == "phase-in-not-allowed"]
    assert issue.severity.value == "warning" and issue.location.startswith("Undertaking!B")
    assert "2400 employees, more than 750" in issue.message
    late = make_workbook(
        "late.xlsx",
        fields={
            "Undertaking": {
                "employees": 400,
                "use_phase_in": "yes",
                "first_reporting_year": 2022,
                "wave_one": "no",  # else the quick fix's wave-one row allows FY2025
            }
        },
    )
    (issue,) = [i for i in read_workbook(late).issues if i.code == "phase-in-not-allowed"]
    assert "year 4 of reporting under ESRS" in issue.message
    fine = make_workbook(
        "fine.xlsx", fields={"Undertaking": {"employees": 400, "use_phase_in": "yes"}}
    )
    assert not [i for i in read_workbook(fine).issues if i.code == "phase-in-not-allowed"]


def test_a_yes_no_datapoint_on_the_narratives_sheet_takes_yes_or_no(make_workbook) -> None:
    rows = {"Narratives": [{"datapoint": "S3.SBM-3_01", "text": "mostly"}]}
    assert errors_of(make_workbook(rows=rows)) == [("Narratives!B2", "not-yes-no")]
