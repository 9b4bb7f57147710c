"""`esrs-s3 compare`: a FY2026 workbook built under ESRS Set 1 and the revised ESRS, set side by
side (issue 12 point 6); real builds, real files, asserted on their content."""

from __future__ import annotations

import csv
import json
from html import escape
from pathlib import Path

import openpyxl
import pytest
from conftest import SAMPLES, in_2026, run_cli

from esrs_s3.compare.counterparts import counterparts, origins
from esrs_s3.disclose.catalogue import load_catalogue


@pytest.fixture(scope="module")
def compared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    root = tmp_path_factory.mktemp("compare")
    book = in_2026(SAMPLES / "telecom_equipment.xlsx", root / "telecom-fy2026.xlsx")
    done = run_cli("compare", str(book), "-o", str(root / "out"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    return root / "out", json.loads((root / "out" / "compare.json").read_text("utf-8"))


def test_every_set1_datapoint_has_its_counterpart_or_dropped(compared) -> None:
    """Acceptance: every Set 1 datapoint with its revised counterpart or "dropped" (or
    "outside"), and every revised datapoint with its Set 1 origin or "new"."""
    _, data = compared
    first = [r for r in data["rows"] if r["first"]]
    assert [r["first"]["id"] for r in first] == [dp.id for dp in load_catalogue("esrs-2023")]
    for row in first:
        relation = row["relation"]["esrs-2026"]
        assert (relation in ("dropped", "outside")) == (not row["others"]["esrs-2026"]), row
    revised = {s["id"] for r in data["rows"] for s in r["others"].get("esrs-2026", ())}
    assert revised == {dp.id for dp in load_catalogue("esrs-2026")}
    new = {r["others"]["esrs-2026"][0]["id"] for r in data["rows"] if not r["first"]}
    known = origins(counterparts("esrs-2023", "esrs-2026"))
    assert new == {dp.id for dp in load_catalogue("esrs-2026")} - set(known)
    assert "ESRS26_BP-1_04" in new  # the version applied has no Set 1 origin
    by_id = {r["first"]["id"]: r for r in first}
    assert by_id["S3-3_15"]["relation"]["esrs-2026"] == "dropped"  # anti-retaliation
    assert [s["id"] for s in by_id["GOV-4_01"]["others"]["esrs-2026"]] == ["ESRS26_GOV-3_01"]


def test_the_versions_are_built_and_counted(compared) -> None:
    out, data = compared
    versions = {v["rulebook"]: v for v in data["versions"]}
    assert list(versions) == ["esrs-2023", "esrs-2023-reliefs", "esrs-2026"]
    for v in versions.values():
        folder = out / v["folder"]
        assert (folder / "statement.xhtml").is_file() and (folder / "manifest.json").is_file()
        with (folder / "coverage.csv").open(encoding="utf-8", newline="") as handle:
            statuses = [row["status"] for row in csv.DictReader(handle)]
        assert sum(v["statuses"].values()) == len(statuses)
        xhtml = (folder / "statement.xhtml").read_text("utf-8")
        assert v["facts"] == xhtml.count("<ix:nonNumeric") + xhtml.count("<ix:nonFraction")
        assert v["pages"] > 0
    assert versions["esrs-2026"]["facts"] < versions["esrs-2023"]["facts"]


def test_stop_start_and_findings_follow_the_builds(compared) -> None:
    out, data = compared
    same, change = data["changes"]
    assert same["rulebook"] == "esrs-2023-reliefs" and not same["stop"] and not same["start"]
    rows = {r["first"]["id"]: r for r in data["rows"] if r["first"]}
    for dp_id, _ in change["stop"]:
        assert rows[dp_id]["relation"]["esrs-2023-reliefs"] == "same"
        assert rows[dp_id]["first"]["status"] == "disclosed"
        assert rows[dp_id]["relation"]["esrs-2026"] == "dropped"
    with (out / "esrs-2026" / "coverage.csv").open(encoding="utf-8", newline="") as handle:
        missing = {r["id"]: r["note"] for r in csv.DictReader(handle) if r["status"] == "missing"}
    assert {d: fill for d, _, fill in change["to_fill"]} == missing
    for finding in data["findings"]:
        severities = finding["severity"]
        assert len(severities) < 3 or len(set(severities.values())) > 1, finding
    # G10 asks about trust in channels: a warning under Set 1, information under the revised set
    g10 = [f for f in data["findings"] if f["rule"] == "G10"]
    wanted = {"esrs-2023": "warning", "esrs-2023-reliefs": "warning", "esrs-2026": "info"}
    assert g10 and all(f["severity"] == wanted for f in g10)


def test_the_page_and_the_spreadsheet_say_the_same(compared) -> None:
    out, data = compared
    html = (out / "compare.html").read_text("utf-8")
    assert "Versions of ESRS compared" in html and data["undertaking"] in html
    for dp_id, name in data["changes"][1]["stop"][:3]:
        assert f"{escape(name)} ({dp_id})" in html
    book = openpyxl.load_workbook(out / "compare.xlsx")
    assert book.sheetnames == ["Versions", "Datapoints", "Changes", "Gap findings"]
    assert book["Datapoints"].max_row == len(data["rows"]) + 1


def test_a_year_with_one_version_has_nothing_to_compare(tmp_path: Path) -> None:
    done = run_cli("compare", str(SAMPLES / "mining_company.xlsx"), "-o", str(tmp_path / "o"))
    assert done.returncode == 1
    assert "may be reported under esrs-2023 only" in done.stderr
    assert "Undertaking!B4" in done.stderr
    assert not (tmp_path / "o").exists()
