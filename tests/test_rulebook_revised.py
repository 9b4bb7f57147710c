"""The revised ESRS (rulebook esrs-2026) on EFRAG's draft taxonomy 2026-08-30: every sample
builds under it, and Arelle finds no error against the draft and its two helper packages."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from conftest import (
    FY2026,
    MATERIAL,
    NOT_MATERIAL,
    NOTHING_ADOPTED,
    SAMPLES,
    in_2026,
    revised_taxonomy_packages,
    write_workbook,
)

from esrs_s3.build import build_statement
from esrs_s3.xbrl.verify import verify_files

NAMES = ("defence_manufacturer", "telecom_equipment", "mining_company")
# scenarios reported in full (the phase-in declined), and the first-year phase-in of ¶127 (a)
# the revised ESRS may be applied from financial years beginning in 2026 (Art. 2(1))
FULL = {"rulebook": "esrs-2026", "use_phase_in": "no", **FY2026}
SCENARIOS = {
    "material": (FULL, MATERIAL),
    "not-material": (FULL, NOT_MATERIAL),
    "nothing-adopted": (FULL, NOTHING_ADOPTED),
    "phase-in": ({"rulebook": "esrs-2026", **FY2026}, MATERIAL),
    # BP-1 ¶6: one relief the draft lists (tagged) and one it does not (named only)
    "reliefs": ({**FULL, "reliefs_used": "acquisitions-disposals; top-down"}, MATERIAL),
}


@pytest.fixture(scope="module")
def revised_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("revised")
    for name in NAMES:
        book = in_2026(SAMPLES / f"{name}.xlsx", root / f"{name}.xlsx")
        build_statement(book, root / name, rulebook="esrs-2026")
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


def _findings(folder: Path) -> dict[tuple[str, str], dict]:
    import json

    found = json.loads((folder / "gaps.json").read_text(encoding="utf-8"))["findings"]
    return {(f["rule"], f["variant"]): f for f in found}


def test_the_gap_rules_cite_the_revised_paragraphs(revised_builds) -> None:
    """The same questions as under esrs-2023, re-based: the severe-incident rule reads S3 ¶17
    (ESRS26_S3-3_03), trust in channels is good-practice information, and no rule points at a
    Set 1 datapoint."""
    findings = _findings(revised_builds["defence_manufacturer"])
    incident = findings[("G17", "unremedied")]
    assert incident["datapoints"] == ["ESRS26_S3-3_03", "ESRS26_S3-3_01"]
    assert "S3 ¶14" in incident["paragraphs"]
    assert findings[("G10", "")]["severity"] == "info"  # S3 AR 4: trust is no datapoint now
    for finding in findings.values():
        assert all(d.startswith("ESRS26_") for d in finding["datapoints"]), finding
    nothing = _findings(revised_builds["nothing-adopted"])
    assert ("G01", "practice") in nothing  # ¶39 says none is adopted: practice, not disclosure
    assert ("G01", "") not in nothing


def test_incidents_and_the_assessment_date_come_from_their_cells(tmp_path: Path) -> None:
    """S3 ¶17 lists the Incidents rows; IRO-1 ¶35 e tags the Undertaking's assessment_date as
    an instant date, and without it the datapoint is missing with the field to fill."""
    fields = {**FULL, "assessment_date": dt.date(2026, 11, 20)}
    book = write_workbook(tmp_path / "dated.xlsx", fields={"Undertaking": fields}, rows=MATERIAL)
    build_statement(book, tmp_path / "dated")
    statuses = _statuses(tmp_path / "dated")
    assert statuses["ESRS26_IRO-1_06"] == "disclosed"
    assert statuses["ESRS26_S3-3_03"] == "disclosed"
    xhtml = (tmp_path / "dated" / "statement.xhtml").read_text(encoding="utf-8")
    assert ">2026-11-20</ix:nonNumeric>" in xhtml
    undated = _statuses(write_and_build(tmp_path, "undated", {"Undertaking": FULL}))
    assert undated["ESRS26_IRO-1_06"] == "missing"


def write_and_build(tmp_path: Path, name: str, fields: dict) -> Path:
    book = write_workbook(tmp_path / f"{name}.xlsx", fields=fields, rows=MATERIAL)
    build_statement(book, tmp_path / name)
    return tmp_path / name


def test_a_narrative_for_another_version_is_kept_and_noted(tmp_path: Path) -> None:
    """One workbook may carry texts for esrs-2023 and esrs-2026: under each, a row naming the
    other's datapoint is an information note naming its cell, and the build goes on."""
    from esrs_s3.ingest import read_workbook

    rows = {
        **MATERIAL,
        "Narratives": [
            {"datapoint": "SBM-3_10", "text": "Our strategy withstands the impacts."},
            {"datapoint": "ESRS26_SBM-3_08", "text": "Our strategy withstands the impacts."},
        ],
    }
    book = write_workbook(tmp_path / "both.xlsx", fields={"Undertaking": FULL}, rows=rows)
    result = read_workbook(book)
    notes = [i for i in result.issues if i.code == "other-rulebook-datapoint"]
    assert result.ok and [(i.severity, i.cell) for i in notes] == [("info", "A2")]
    assert "SBM-3_10, a datapoint of esrs-2023" in notes[0].found
    build_statement(book, tmp_path / "both")
    assert _statuses(tmp_path / "both")["ESRS26_SBM-3_08"] == "disclosed"


def test_the_reliefs_used_are_named_and_tagged_where_the_draft_lists_them(revised_builds) -> None:
    folder = revised_builds["reliefs"]
    assert _statuses(folder)["ESRS26_BP-1_05"] == "disclosed"
    assert _statuses(revised_builds["material"])["ESRS26_BP-1_05"] == "not applicable"
    xhtml = (folder / "statement.xhtml").read_text(encoding="utf-8")
    assert "#ReliefForAcquisitionsAndDisposalsMember" in xhtml
    assert "a top-down approach to the double materiality assessment (ESRS 1 ¶27)" in xhtml


def test_set1_with_reliefs_names_them_and_set1_refuses_them(tmp_path: Path) -> None:
    """esrs-2023-reliefs (Art. 2(1)(b)): the 2023 set, its statement naming the reliefs used;
    plain esrs-2023 has none, so naming one is an error on its cell."""
    from esrs_s3.ingest import read_workbook

    fields = {
        **FY2026,
        "rulebook": "esrs-2023-reliefs",
        "reliefs_used": "top-down; executive-summary",
    }
    book = write_workbook(tmp_path / "r.xlsx", fields={"Undertaking": fields}, rows=MATERIAL)
    build_statement(book, tmp_path / "r")
    xhtml = (tmp_path / "r" / "statement.xhtml").read_text(encoding="utf-8")
    assert "As Article 2(1)(b) of Delegated Regulation (EU) 2026/1563 allows" in xhtml
    assert "an executive summary (revised ESRS 1 ¶110)." in xhtml
    assert "https://xbrl.efrag.org/taxonomy/esrs/2023-12-22/esrs_all.xsd" in xhtml
    plain = write_workbook(
        tmp_path / "p.xlsx",
        fields={"Undertaking": {**fields, "rulebook": "esrs-2023"}},
        rows=MATERIAL,
    )
    (issue,) = [i for i in read_workbook(plain).issues if i.code == "unknown-relief"]
    assert issue.field == "reliefs_used" and "esrs-2023 has no reliefs" in issue.message


def test_a_potential_impact_is_scored_after_implemented_mitigation(tmp_path: Path) -> None:
    """Revised ESRS 1 ¶43 b: under esrs-2026 a potential impact's likelihood after implemented,
    effective mitigation decides its score; the gross score stays in assessment.xlsx. Under
    esrs-2023 (gross by default) the same row stays material."""
    from conftest import BASE_ROWS

    from esrs_s3.assess import assess
    from esrs_s3.ingest import read_workbook

    row = {
        **BASE_ROWS["Impacts"][0],
        "status": "potential",
        "human_rights": "no",
        "scale": 4,
        "scope": 4,
        "irremediability": 3,
        "likelihood": 5,
        "likelihood_after_mitigation": 1,
        "occurrence": "Widespread",
    }
    rows = {**MATERIAL, "Impacts": [row, BASE_ROWS["Impacts"][1]]}
    decided = {}
    for rulebook in ("esrs-2023", "esrs-2026"):
        fields = {**FY2026, "rulebook": rulebook}
        book = write_workbook(
            tmp_path / f"{rulebook}.xlsx", fields={"Undertaking": fields}, rows=rows
        )
        result = read_workbook(book)
        assert result.ok, [str(i) for i in result.issues]
        (iro,) = [a for a in assess(result.workbook).iros if a.id == row["id"]]
        decided[rulebook] = iro
    net, gross = decided["esrs-2026"], decided["esrs-2023"]
    assert gross.material and gross.scores.gross_impact_score is None
    assert not net.material and net.scores.mitigated
    assert (
        net.scores.impact_score < 1 and net.scores.gross_impact_score == gross.scores.impact_score
    )
    assert "after implemented mitigation used" in net.reason
