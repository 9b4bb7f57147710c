"""Coverage matrix, reconciliation, manifest and assurer pack of real builds."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile

import pytest
from conftest import BASE_ROWS, SAMPLES
from openpyxl import load_workbook

import esrs_s3.build as build_module
from esrs_s3.build import build_statement
from esrs_s3.check.coverage import ReconciliationError, reconcile
from esrs_s3.disclose.catalogue import load_catalogue


@pytest.fixture(scope="module")
def defence(tmp_path_factory):
    out = tmp_path_factory.mktemp("defence")
    return build_statement(SAMPLES / "defence_manufacturer.xlsx", out, pack=True), out


def test_one_coverage_row_per_catalogue_datapoint(defence) -> None:
    result, out = defence
    ids = [dp.id for dp in load_catalogue()]
    assert [row.id for row in result.coverage] == ids
    assert len(ids) == 155 and sum(dp.standard == "S3" for dp in load_catalogue()) == 63
    with (out / "coverage.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == ids
    sheet = load_workbook(out / "coverage.xlsx")["Coverage"]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:K")
    assert [c.value for c in sheet["A"][1:]] == ids
    disclosed = [r for r in rows if r["status"] == "disclosed"]
    assert disclosed and all(r["fact_ids"] for r in disclosed)
    assert any("Impacts!" in r["source_cells"] for r in disclosed)
    html = (out / "coverage.html").read_text(encoding="utf-8")
    assert all(f"<td>{i}</td>" in html for i in ids)


def test_reconciliation_catches_a_stray_fact_and_a_missing_one(defence) -> None:
    result, out = defence
    xhtml = (out / "statement.xhtml").read_bytes()
    catalogue = load_catalogue()
    reconcile(result.coverage, xhtml, catalogue)  # the real build reconciles
    stray = xhtml.replace(
        b"</body>",
        b'<p><ix:nonNumeric id="f-stray" name="esrs:NameOfPolicy" contextRef="c">x'
        b"</ix:nonNumeric></p></body>",
    )
    with pytest.raises(ReconciliationError, match="f-stray"):
        reconcile(result.coverage, stray, catalogue)
    disclosed = next(r for r in result.coverage if r.status == "disclosed")
    first = disclosed.fact_ids[0].encode()
    renamed = xhtml.replace(b'id="' + first + b'"', b'id="renamed-fact"')
    with pytest.raises(ReconciliationError, match=disclosed.id):
        reconcile(result.coverage, renamed, catalogue)
    # 'disclosed' needs a fact of the datapoint's own concept: a name alone does not do
    row = next(r for r in result.coverage if r.id == "S3.MDR-P_01")
    contents = 'name="esrs:DescriptionOfKeyContentsOfPolicyExplanatory"'
    scope = 'name="esrs:DescriptionOfScopeOfPolicyOrOfItsExclusionsExplanatory"'
    own = [f for f in row.fact_ids if f'id="{f}" {contents}' in xhtml.decode()]
    assert own
    for fact in own:
        xhtml = xhtml.replace(f'id="{fact}" {contents}'.encode(), f'id="{fact}" {scope}'.encode())
    with pytest.raises(ReconciliationError, match=r"S3\.MDR-P_01 is 'disclosed' but no fact"):
        reconcile(result.coverage, xhtml, catalogue)


def test_a_broken_reconciliation_fails_the_build_and_writes_nothing(tmp_path, monkeypatch) -> None:
    real = build_module.render_xhtml

    def with_stray_fact(document):
        return real(document).replace(
            b"</body>",
            b'<p><ix:nonNumeric id="f-stray" name="esrs:NameOfPolicy" contextRef="c">x'
            b"</ix:nonNumeric></p></body>",
        )

    monkeypatch.setattr(build_module, "render_xhtml", with_stray_fact)
    out = tmp_path / "out"
    with pytest.raises(ReconciliationError):
        build_statement(SAMPLES / "mining_company.xlsx", out)
    assert not out.exists() or not any(out.iterdir())


def test_manifest_hashes_every_output(defence) -> None:
    result, out = defence
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["input"]["sha256"] == result.assessment.input_sha256
    assert manifest["tool"]["name"] == "esrs-s3" and manifest["rulebook"]["id"] == "esrs-2023"
    names = {p["name"] for p in manifest["parameters"]}
    assert {"impact_threshold", "financial_threshold"} <= names
    for name, entry in manifest["outputs"].items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == entry["sha256"], name
    assert set(manifest["outputs"]) == {p.name for p in result.files} - {
        "manifest.json",
        "assurer-pack.zip",
    }
    assert "manifest.json" in (out / "statement.xhtml").read_text(encoding="utf-8")


def test_same_workbook_same_coverage_gaps_and_manifest(defence, tmp_path) -> None:
    _, out = defence
    build_statement(SAMPLES / "defence_manufacturer.xlsx", tmp_path, pack=True)
    for name in (
        "coverage.xlsx",
        "coverage.csv",
        "coverage.html",
        "manifest.json",
        "assurer-pack.zip",
        "gaps.json",
        "gaps.xlsx",
        "gaps.html",
        "gaps.pdf",
    ):
        assert (out / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_assurer_pack_contents(defence) -> None:
    _, out = defence
    with zipfile.ZipFile(out / "assurer-pack.zip") as pack:
        names = pack.namelist()
        assert names == [
            "report-package.zip",
            "statement.pdf",
            "coverage.xlsx",
            "coverage.csv",
            "coverage.html",
            "gaps.xlsx",
            "gaps.json",
            "gaps.html",
            "gaps.pdf",
            "manifest.json",
        ]
        assert pack.read("statement.pdf") == (out / "statement.pdf").read_bytes()


def test_coverage_csv_is_safe_from_formulas(make_workbook, tmp_path) -> None:
    impact = {**BASE_ROWS["Impacts"][0], "scale": 5, "description": "=cmd|' /C calc'!A0"}
    path = make_workbook(rows={"Impacts": [impact, BASE_ROWS["Impacts"][1]]})
    build_statement(path, tmp_path / "out")
    text = (tmp_path / "out" / "coverage.csv").read_text(encoding="utf-8")
    values = [v for row in csv.reader(io.StringIO(text)) for v in row]
    assert not any(v.startswith("=") for v in values)
    assert any(v.startswith("'=cmd") for v in values)


def test_gap_reports_are_written_and_kept_out_of_the_statement(defence) -> None:
    result, out = defence
    assert result.findings
    document = json.loads((out / "gaps.json").read_text(encoding="utf-8"))
    assert [f["rule"] for f in document["findings"]] == [f.rule for f in result.findings]
    statement = (out / "statement.xhtml").read_text(encoding="utf-8")
    pdf_names = zipfile.ZipFile(out / "assurer-pack.zip").namelist()
    assert {"gaps.xlsx", "gaps.json", "gaps.html", "gaps.pdf"} <= set(pdf_names)
    for finding in result.findings:
        assert finding.message not in statement
    assert "G19" not in statement and "due diligence gap" not in statement.lower()
    html = (out / "gaps.html").read_text(encoding="utf-8")
    assert "not part of the published" in html and "SCR-02" in html
    touched = {row.id: row.gap_findings for row in result.coverage}
    assert any(touched.values())
    sheet = load_workbook(out / "gaps.xlsx")["Findings"]
    assert sheet.freeze_panes == "A2" and sheet.max_row == len(result.findings) + 1


def test_gaps_cli_groups_by_step_and_fails_on_request() -> None:
    from conftest import run_cli

    completed = run_cli("gaps", str(SAMPLES / "defence_manufacturer.xlsx"))
    assert completed.returncode == 1  # the defence sample has error findings
    assert "== 1 Embed" in completed.stdout and "SCR-02" in completed.stdout
    never = run_cli("gaps", str(SAMPLES / "defence_manufacturer.xlsx"), "--fail-on", "never")
    assert never.returncode == 0
    as_json = run_cli(
        "gaps", str(SAMPLES / "mining_company.xlsx"), "--format", "json", "--fail-on", "never"
    )
    document = json.loads(as_json.stdout)
    assert document["counts"]["warning"] > 0
    assert all(f["cells"] for f in document["findings"] if f["kind"] == "due diligence")
    invalid = run_cli("gaps", str(SAMPLES / "invalid_workbook.xlsx"))
    assert invalid.returncode == 1 and "Traceback" not in invalid.stderr
