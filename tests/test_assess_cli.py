"""`esrs-s3 assess`: real workbooks in, assessment.xlsx and the matrix out."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from conftest import BASE_ROWS, SAMPLES, run_cli
from openpyxl import load_workbook

from esrs_s3 import read_workbook
from esrs_s3.assess import assess


def test_assess_writes_three_identical_files_twice(tmp_path) -> None:
    sample = SAMPLES / "defence_manufacturer.xlsx"
    for folder in ("a", "b"):
        completed = run_cli("assess", str(sample), "-o", str(tmp_path / folder))
        assert completed.returncode == 0, completed.stderr
    for name in ("assessment.xlsx", "matrix.svg", "matrix.png"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert "27 of 47 IROs material; S3 material: yes" in completed.stdout
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == [
        "assessment.xlsx",
        "matrix.png",
        "matrix.svg",
    ]


def test_assessment_workbook_content(tmp_path) -> None:
    sample = SAMPLES / "defence_manufacturer.xlsx"
    run_cli("assess", str(sample), "-o", str(tmp_path), "--set", "impact_threshold=3.5")
    book = load_workbook(tmp_path / "assessment.xlsx")
    assert book.sheetnames == ["IROs", "Parameters", "Roll-up", "Closest to threshold", "Screening"]
    iros = book["IROs"]
    header = [c.value for c in iros[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in iros.iter_rows(2)]
    expected = assess(read_workbook(sample).workbook, {"impact_threshold": 3.5})
    assert [r["id"] for r in rows] == [a.id for a in expected.iros]
    assert [r["material"] for r in rows] == ["yes" if a.material else "no" for a in expected.iros]
    assert rows[0]["source"] == "Impacts!A2"
    parameters = {r[0].value: (r[1].value, r[3].value) for r in book["Parameters"].iter_rows(2)}
    assert parameters["impact_threshold"] == (3.5, "command line")
    assert parameters["financial_threshold"] == (3.0, "default")
    assert parameters["input_sha256"][0] == read_workbook(sample).sha256
    rollup = [[c.value for c in row] for row in book["Roll-up"].iter_rows(2)]
    assert rollup[-1][:3] == ["ESRS S3 Affected communities", "(standard)", "yes"]


def test_text_starting_with_equals_stays_text(make_workbook, tmp_path) -> None:
    impact = {**BASE_ROWS["Impacts"][0], "title": '=HYPERLINK("http://evil","x")'}
    path = make_workbook(rows={"Impacts": [impact, BASE_ROWS["Impacts"][1]]})
    completed = run_cli("assess", str(path), "-o", str(tmp_path / "out"))
    assert completed.returncode == 0, completed.stderr
    cell = load_workbook(tmp_path / "out" / "assessment.xlsx")["IROs"]["B2"]
    assert cell.value == '=HYPERLINK("http://evil","x")'
    assert cell.data_type == "s"


def test_matrix_svg_has_points_labels_and_thresholds(tmp_path) -> None:
    run_cli("assess", str(SAMPLES / "mining_company.xlsx"), "-o", str(tmp_path))
    svg = (tmp_path / "matrix.svg").read_text(encoding="utf-8")
    root = ET.fromstring(svg)  # well-formed
    assert root.tag.endswith("svg")
    book = read_workbook(SAMPLES / "mining_company.xlsx").workbook
    for iro in book.impacts:
        assert f">{iro.id}<" in svg
    assert "impact threshold 3" in svg and "financial threshold 3" in svg
    assert "rights of indigenous peoples" in svg
    assert (tmp_path / "matrix.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_invalid_workbook_writes_nothing(tmp_path) -> None:
    out = tmp_path / "out"
    completed = run_cli("assess", str(SAMPLES / "invalid_workbook.xlsx"), "-o", str(out))
    assert completed.returncode == 1
    assert "nothing was assessed" in completed.stderr
    assert not out.exists() or not any(out.iterdir())


def test_bad_override_is_a_usage_error(tmp_path) -> None:
    completed = run_cli(
        "assess",
        str(SAMPLES / "mining_company.xlsx"),
        "-o",
        str(tmp_path),
        "--set",
        "impact_threshold=9",
    )
    assert completed.returncode == 2
    assert "impact_threshold" in completed.stderr and "Traceback" not in completed.stderr
    completed = run_cli(
        "assess",
        str(SAMPLES / "mining_company.xlsx"),
        "-o",
        str(tmp_path),
        "--set",
        "impact_treshold=2",
    )
    assert completed.returncode == 2
    assert not any(tmp_path.iterdir())
