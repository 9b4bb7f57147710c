"""The committed samples are valid, plausible in size, and what their scripts generate."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import SAMPLES, run_cli

from esrs_s3 import read_workbook
from esrs_s3.models import ROW_MODELS

VALID = {
    "defence_manufacturer.xlsx": (40, 60),
    "telecom_equipment.xlsx": (20, 40),
    "mining_company.xlsx": (25, 40),
}


@pytest.mark.parametrize("name", sorted(VALID))
def test_sample_is_valid_without_warnings(name: str) -> None:
    completed = run_cli("validate", str(SAMPLES / name))
    assert completed.returncode == 0, completed.stdout
    assert completed.stdout.strip().endswith("valid (0 errors, 0 warnings)")
    low, high = VALID[name]
    book = read_workbook(SAMPLES / name).workbook
    assert low <= len(book.impacts) <= high
    assert book.policies and book.actions and book.targets and book.incidents
    assert {iro.kind for iro in book.impacts} == {
        "negative impact",
        "positive impact",
        "risk",
        "opportunity",
    }


@pytest.mark.parametrize("name", sorted(VALID))
def test_records_are_what_pydantic_validation_gives(name: str) -> None:
    """The reader builds records without validating them a second time (`trusted_records`):
    every record of every sample must equal `model_validate` of its values, field by field,
    with the same types (1 == 1.0 == True would hide a wrong type) and the same field order."""
    book = read_workbook(SAMPLES / name).workbook
    checked = 0
    for model, attribute in ROW_MODELS.values():
        for record in getattr(book, attribute):
            validated = model.model_validate(dict(record.__dict__))
            assert list(record.__dict__) == list(validated.__dict__) == list(model.model_fields)
            for field, value in validated.__dict__.items():
                mine = record.__dict__[field]
                assert (type(mine), mine) == (type(value), value), (str(record.cell("id")), field)
            assert record.model_fields_set == validated.model_fields_set
            assert record == validated
            checked += 1
    assert checked > 50


def test_defence_sample_has_the_situations_it_is_meant_to_show() -> None:
    book = read_workbook(SAMPLES / "defence_manufacturer.xlsx").workbook
    assert book.undertaking.products_with_misuse_risk is True
    subs = {iro.sub_sub_topic for iro in book.impacts}
    assert {
        "security-related impacts",
        "impacts on human rights defenders",
        "freedom of assembly",
    } <= subs
    assert any(iro.value_chain == "downstream" for iro in book.impacts)
    assert len(book.channels) == 1
    assert [i.id for i in book.incidents if i.severe and not i.remedy_provided]
    covered = {ref for row in book.screening for ref in row.impacts}
    assert covered and any(not row.impacts for row in book.screening)
    assert {"CD", "RW"} & {c.country for c in book.countries if c.cahra}


def test_scripts_regenerate_the_committed_samples(tmp_path) -> None:
    copy = tmp_path / "sample_inputs"
    shutil.copytree(SAMPLES, copy, ignore=shutil.ignore_patterns("*.xlsx", "__pycache__"))
    for script in ("make_samples.py", "make_invalid.py"):
        subprocess.run([sys.executable, str(copy / script)], check=True, capture_output=True)
    for name in [*VALID, "invalid_workbook.xlsx"]:
        fresh, committed = read_workbook(copy / name), read_workbook(SAMPLES / name)
        assert [str(i) for i in fresh.issues] == [str(i) for i in committed.issues]
        if committed.workbook is not None:
            exclude = {"path", "sha256"}
            assert fresh.workbook.model_dump(exclude=exclude) == committed.workbook.model_dump(
                exclude=exclude
            )
