"""The revised ESRS (rulebook esrs-2026) on EFRAG's draft taxonomy 2026-08-30: every sample
builds under it, and Arelle finds no error against the draft and its two helper packages."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLES, revised_taxonomy_packages

from esrs_s3.build import build_statement
from esrs_s3.xbrl.verify import verify_files

NAMES = ("defence_manufacturer", "telecom_equipment", "mining_company")


@pytest.fixture(scope="module")
def revised_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("revised")
    for name in NAMES:
        build_statement(SAMPLES / f"{name}.xlsx", root / name, rulebook="esrs-2026")
    return {name: root / name for name in NAMES}


@pytest.mark.parametrize("name", NAMES)
def test_a_revised_statement_names_its_version_and_the_draft(revised_builds, name) -> None:
    xhtml = (revised_builds[name] / "statement.xhtml").read_text(encoding="utf-8")
    assert 'xlink:href="https://xbrl.efrag.org/taxonomy/esrs/2026-08-30/esrs.xsd"' in xhtml
    assert "RevisedEsrsCommissionDelegatedRegulation" in xhtml  # BP-1 ¶5, the version applied
    assert "EFRAG published as a draft" in xhtml
    assert "esrs:LIT" not in xhtml  # the draft's typed domain is esrs:esrs_TYP


def test_revised_statements_are_valid_against_the_draft(revised_builds) -> None:
    files = [revised_builds[name] / "statement.xhtml" for name in NAMES]
    reports = verify_files(files, revised_taxonomy_packages(), rulebook="esrs-2026")
    for report in reports:
        assert report.ok, (report.file.name, [str(m) for m in report.errors][:5])
