"""The revised ESRS (rulebook esrs-2026) on EFRAG's draft taxonomy 2026-08-30: every sample
builds under it, and Arelle finds no error against the draft and its two helper packages."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from conftest import (
    MATERIAL,
    NOT_MATERIAL,
    NOTHING_ADOPTED,
    SAMPLES,
    revised_taxonomy_packages,
    write_workbook,
)

from esrs_s3.build import build_statement
from esrs_s3.xbrl.verify import verify_files

NAMES = ("defence_manufacturer", "telecom_equipment", "mining_company")
# scenarios reported in full (the phase-in declined), and the first-year phase-in of ¶127 (a)
FULL = {"rulebook": "esrs-2026", "use_phase_in": "no"}
SCENARIOS = {
    "material": (FULL, MATERIAL),
    "not-material": (FULL, NOT_MATERIAL),
    "nothing-adopted": (FULL, NOTHING_ADOPTED),
    "phase-in": ({"rulebook": "esrs-2026"}, MATERIAL),
}


@pytest.fixture(scope="module")
def revised_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("revised")
    for name in NAMES:
        build_statement(SAMPLES / f"{name}.xlsx", root / name, rulebook="esrs-2026")
    for name, (fields, rows) in SCENARIOS.items():
        book = write_workbook(root / f"{name}.xlsx", fields={"Undertaking": fields}, rows=rows)
        build_statement(book, root / name)
    return {name: root / name for name in (*NAMES, *SCENARIOS)}


def _statuses(folder: Path) -> dict[str, str]:
    with (folder / "coverage.csv").open(encoding="utf-8", newline="") as handle:
        return {row["id"]: row["status"] for row in csv.DictReader(handle)}


def test_the_scenarios_get_the_statuses_of_the_revised_rules(revised_builds) -> None:
    full = _statuses(revised_builds["material"])
    assert full["ESRS26_S3-2_06"] == "disclosed"  # the grievance mechanism, from Channels
    assert full["ESRS26_BP-1_04"] == "disclosed"  # the version applied
    not_material = _statuses(revised_builds["not-material"])
    assert not_material["ESRS26_S3-2_01"] == "not material"
    nothing = _statuses(revised_builds["nothing-adopted"])
    assert nothing["ESRS26_GDR_01"] == "disclosed"  # ¶39: no policies, actions or targets
    phased = _statuses(revised_builds["phase-in"])
    assert phased["ESRS26_S3-2_01"] == "omitted (phase-in)"
    assert phased["ESRS26_BP-2_02"] == "disclosed"  # ¶9 a: the phased-in topic is material


@pytest.mark.parametrize("name", NAMES)
def test_a_revised_statement_names_its_version_and_the_draft(revised_builds, name) -> None:
    xhtml = (revised_builds[name] / "statement.xhtml").read_text(encoding="utf-8")
    assert 'xlink:href="https://xbrl.efrag.org/taxonomy/esrs/2026-08-30/esrs.xsd"' in xhtml
    assert "RevisedEsrsCommissionDelegatedRegulation" in xhtml  # BP-1 ¶5, the version applied
    assert "EFRAG published as a draft" in xhtml
    assert "esrs:LIT" not in xhtml  # the draft's typed domain is esrs:esrs_TYP


def test_revised_statements_are_valid_against_the_draft(revised_builds) -> None:
    files = [folder / "statement.xhtml" for folder in revised_builds.values()]
    reports = verify_files(files, revised_taxonomy_packages(), rulebook="esrs-2026")
    for report in reports:
        assert report.ok, (report.file.name, [str(m) for m in report.errors][:5])
