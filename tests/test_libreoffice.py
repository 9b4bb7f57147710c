"""A workbook filled in and saved again by LibreOffice still validates, with the same content."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SAMPLES

from esrs_s3 import read_workbook

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) is not installed: scripts/install-system-deps installs it",
)
VALID_SAMPLES = ["defence_manufacturer.xlsx", "telecom_equipment.xlsx", "mining_company.xlsx"]


def resave_with_libreoffice(source: Path, folder: Path) -> Path:
    """Open and save `source` with headless LibreOffice Calc, as a user's office suite would."""
    assert SOFFICE, "soffice must be installed in CI"
    out = folder / "resaved"
    subprocess.run(
        [
            SOFFICE,
            "--headless",
            "--norestore",
            f"-env:UserInstallation=file://{folder}/profile",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    resaved = out / source.name
    assert resaved.is_file()
    return resaved


def content(path: Path) -> dict:
    result = read_workbook(path)
    assert result.ok, [str(issue) for issue in result.issues]
    return result.workbook.model_dump(exclude={"path", "sha256"})


def test_filled_template_survives_libreoffice(make_workbook, tmp_path: Path) -> None:
    original = make_workbook("filled.xlsx")
    resaved = resave_with_libreoffice(original, tmp_path)
    assert read_workbook(resaved).issues == []
    assert content(resaved) == content(original)


@pytest.mark.parametrize("name", VALID_SAMPLES)
def test_samples_survive_libreoffice(name: str, tmp_path: Path) -> None:
    source = tmp_path / name
    shutil.copy(SAMPLES / name, source)
    resaved = resave_with_libreoffice(source, tmp_path)
    assert [i for i in read_workbook(resaved).issues if i.severity == "error"] == []
    assert content(resaved) == content(SAMPLES / name)


def test_formula_results_saved_by_libreoffice_are_read(make_workbook, tmp_path: Path) -> None:
    def formula(book):
        book["Actions"]["L2"] = "=200000+50000"

    original = make_workbook("formula.xlsx", edit=formula)
    assert [(i.location, i.code) for i in read_workbook(original).issues] == [
        ("Actions!L2", "formula-without-value")
    ]
    resaved = resave_with_libreoffice(original, tmp_path)
    result = read_workbook(resaved)
    assert result.issues == []
    assert result.workbook.actions[0].capex == 250000.0
