"""The contract data, the typed models, the template and the shared spec agree."""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from openpyxl import load_workbook

from esrs_s3.contract import FIELD_HEADERS, load_contract
from esrs_s3.disclose.catalogue import narrative_datapoints
from esrs_s3.ingest.cells import PARSERS
from esrs_s3.models import ENUM_TYPES, ROW_MODELS, Undertaking
from esrs_s3.rulebook import available_rulebooks, load_rulebook
from esrs_s3.template import LISTS_SHEET, README_SHEET, write_template

CONTRACT = load_contract()
SPEC = Path(__file__).resolve().parents[2] / "shared" / "spec" / "workbook.md"


def test_every_column_type_has_a_parser_and_its_argument_exists() -> None:
    for sheet in CONTRACT.sheets:
        for column in sheet.columns:
            assert column.kind in PARSERS, (sheet.name, column.name)
            if column.kind == "enum":
                assert column.argument in CONTRACT.enums
            if column.kind == "refs":
                assert column.argument in CONTRACT.sheet_names


def test_enum_literals_equal_the_contract() -> None:
    assert set(ENUM_TYPES) == set(CONTRACT.enums)
    for name, values in CONTRACT.enums.items():
        assert typing.get_args(ENUM_TYPES[name]) == tuple(values), name


@pytest.mark.parametrize("sheet_name", list(ROW_MODELS))
def test_row_models_have_exactly_the_contract_columns(sheet_name: str) -> None:
    model, _ = ROW_MODELS[sheet_name]
    columns = [c.name for c in CONTRACT.sheet(sheet_name).columns]
    assert [f for f in model.model_fields if f != "source"] == columns


@pytest.mark.parametrize("sheet_name", list(ROW_MODELS))
def test_list_columns_are_the_tuple_fields_of_the_models(sheet_name: str) -> None:
    """The reader turns blank list cells into () because the models type them as tuples."""
    model, _ = ROW_MODELS[sheet_name]
    tuples = {n for n, f in model.model_fields.items() if typing.get_origin(f.annotation) is tuple}
    assert {c.name for c in CONTRACT.sheet(sheet_name).columns if c.is_list} == tuples


def test_undertaking_model_has_the_contract_fields() -> None:
    fields = [c.name for c in CONTRACT.sheet("Undertaking").columns]
    # not read from a cell: where each value came from, and whether the rulebook was chosen
    # for the period because the workbook names none
    derived = {"cells", "rulebook_for_period"}
    assert [f for f in Undertaking.model_fields if f not in derived] == fields


@pytest.mark.skipif(not SPEC.is_file(), reason="../shared/spec/workbook.md is not beside the repo")
def test_required_headers_of_the_shared_spec_are_in_the_contract() -> None:
    text = SPEC.read_text(encoding="utf-8")
    for sheet in CONTRACT.sheets:
        if sheet.layout != "rows":
            continue
        if f"## {sheet.name}" not in text:  # a sheet of our own: it must be optional
            assert sheet.optional, sheet.name
            continue
        section = text.split(f"## {sheet.name}", 1)[1].split("\n## ", 1)[0]
        named = set(re.findall(r"`([a-z_0-9]+)`", section)) | set(
            re.findall(r"^\| ([a-z_0-9, ]+) \|", section, re.M)
        )
        names = {n.strip() for item in named for n in item.split(",")}
        contract_columns = {c.name for c in sheet.columns}
        enum_words = {v for values in CONTRACT.enums.values() for v in values}
        table_words = {"column", "yes", "no", "other"}
        missing = {n for n in names if n not in contract_columns | enum_words | table_words}
        assert not missing, (sheet.name, missing)


def test_rulebook_topics() -> None:
    assert "esrs-2023" in available_rulebooks()
    rulebook = load_rulebook("esrs-2023")
    assert rulebook.fits("civil and political rights", "freedom of assembly")
    assert rulebook.fits("entity-specific", "other")
    assert not rulebook.fits("entity-specific", "adequate food")
    assert not rulebook.fits("rights of indigenous peoples", "freedom of expression")
    assert len(rulebook.sub_sub_topics) == 12


def test_template_sheets_headers_validation_and_layout(tmp_path: Path) -> None:
    path = write_template(tmp_path / "t.xlsx")
    book = load_workbook(path)
    assert book.sheetnames[0] == README_SHEET
    assert book.sheetnames[-1] == LISTS_SHEET
    assert book[LISTS_SHEET].sheet_state == "hidden"
    for sheet in CONTRACT.sheets:
        ws = book[sheet.name]
        assert ws.freeze_panes == "A2"
        headers = [c.value for c in ws[1] if c.value is not None]
        if sheet.layout == "rows":
            assert headers == [c.name for c in sheet.columns]
            validated = {
                str(ref).split(":")[0].rstrip("0123456789")
                for dv in ws.data_validations.dataValidation
                for ref in dv.sqref.ranges
            }
            for index, column in enumerate(sheet.columns):
                letter = ws.cell(row=1, column=index + 1).column_letter
                if column.kind in ("enum", "yes_no", "topic", "subtopic", "score", "date"):
                    assert letter in validated, (sheet.name, column.name)
            prompts = {dv.promptTitle for dv in ws.data_validations.dataValidation}
            assert {c.name[:32] for c in sheet.columns} <= prompts
            assert ws.column_dimensions["A"].width >= 8
        else:
            assert headers[:2] == list(FIELD_HEADERS)
            names = [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)]
            assert names == [c.name for c in sheet.columns]
    readme = book[README_SHEET]
    documented = {readme.cell(row=r, column=2).value for r in range(1, readme.max_row + 1)}
    for sheet in CONTRACT.sheets:
        assert {c.name for c in sheet.columns} <= documented


def test_dropdowns_point_at_the_lists_sheet(tmp_path: Path) -> None:
    book = load_workbook(write_template(tmp_path / "t.xlsx"))
    lists = book[LISTS_SHEET]
    kinds = {}
    for col in range(1, lists.max_column + 1):
        values = [lists.cell(row=r, column=col).value for r in range(2, lists.max_row + 1)]
        kinds[lists.cell(row=1, column=col).value] = [v for v in values if v is not None]
    assert kinds["enum:kind"] == list(CONTRACT.enums["kind"])
    assert kinds["yes_no"] == ["yes", "no"]
    formulas = {
        dv.formula1 for dv in book["Impacts"].data_validations.dataValidation if dv.type == "list"
    }
    assert formulas
    assert all(f.startswith((f"={LISTS_SHEET}!$", f"='{LISTS_SHEET}'!$")) for f in formulas)


def test_narratives_sheet_offers_the_narrative_datapoints(tmp_path: Path) -> None:
    """The datapoint column of the Narratives sheet drops down the catalogue's narrative
    datapoints, and the README sheet says what each one asks for."""
    wanted = narrative_datapoints("esrs-2023")
    assert len(wanted) > 30 and all(
        "dtr-types:textBlockItemType" in d.concept_types or d.answered for d in wanted
    )
    book = load_workbook(write_template(tmp_path / "t.xlsx"))
    lists = book[LISTS_SHEET]
    column = next(c for c in lists[1] if c.value == "narrative").column
    values = [lists.cell(row=r, column=column).value for r in range(2, lists.max_row + 1)]
    assert [v for v in values if v is not None] == [d.id for d in wanted]
    (rule,) = [dv for dv in book["Narratives"].data_validations.dataValidation if dv.type == "list"]
    assert str(rule.sqref).startswith("A2:A")
    readme = book[README_SHEET]
    rows = {readme.cell(row=r, column=1).value: r for r in range(1, readme.max_row + 1)}
    for dp in wanted:
        assert readme.cell(row=rows[dp.id], column=5).value == dp.name
