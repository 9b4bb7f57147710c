"""Files that are not readable workbooks: `esrs-s3 validate` prints one clear line and exits 2.

Every test builds a real file in tmp_path and runs the real CLI in a subprocess; nothing is
mocked. The bombs are built by streaming, so they take little time and little disk.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import msoffcrypto.format.ooxml
import pytest
from openpyxl import Workbook

from esrs_s3.ingest.package import MB, Limits

EXIT_UNREADABLE = 2
LAUGHS = ['<!ENTITY lol0 "lol">']
LAUGHS += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
BILLION_LAUGHS = "<!DOCTYPE lolz [" + "".join(LAUGHS) + "]>"  # &lol9; would be 10**9 "lol"s


def run_validate(path: Path, *options: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "ESRS_S3_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "esrs_s3.cli", "validate", str(path), *options],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def assert_refused(result: subprocess.CompletedProcess, *phrases: str) -> str:
    """Exit code 2, no traceback, exactly one non-empty stderr line containing every phrase."""
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode == EXIT_UNREADABLE, output
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert line.strip(), result.stderr
    for phrase in phrases:
        assert phrase in line, line
    return line


def write_workbook(path: Path, sheet: str = "Sheet", rows: int = 1, width: int = 2) -> Path:
    """A real openpyxl workbook: a header row and `rows` data rows on one sheet."""
    book = Workbook()
    ws = book.active
    ws.title = sheet
    ws.append([f"column{c}" for c in range(width)])
    for r in range(rows):
        ws.append([f"value {r}-{c}" for c in range(width)])
    book.save(path)
    return path


def rewrite_part(source: Path, target: Path, part: str, data: bytes) -> Path:
    """Copy a workbook's zip, replacing one part's bytes."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        assert part in src.namelist()
        for info in src.infolist():
            out.writestr(info.filename, data if info.filename == part else src.read(info))
    return target


def with_dtd(xml: bytes, prolog: bytes = b"") -> bytes:
    """`xml` (without its declaration) preceded by a billion-laughs DTD."""
    if xml.startswith(b"<?xml"):
        xml = xml[xml.index(b"?>") + 2 :].lstrip()
    declaration = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    return declaration + prolog + BILLION_LAUGHS.encode() + b"\n" + xml


# --- not a workbook at all ------------------------------------------------------------------


def test_missing_path(tmp_path):
    assert_refused(run_validate(tmp_path / "nowhere.xlsx"), "no such file")


def test_directory(tmp_path):
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    assert_refused(run_validate(folder), "folder", "not an .xlsx workbook")


def test_empty_file(tmp_path):
    path = tmp_path / "x.xlsx"
    path.touch()
    assert_refused(run_validate(path), "empty (0 bytes)")


def test_csv_renamed_to_xlsx(tmp_path):
    path = tmp_path / "impacts.xlsx"
    path.write_text("id,description,status\nI-1,Water use,actual\nI-2,Noise,potential\n")
    assert_refused(run_validate(path), "CSV", "save it from Excel as .xlsx")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not on PATH")
def test_legacy_xls_renamed_to_xlsx(tmp_path):
    source = write_workbook(tmp_path / "legacy.xlsx")
    outdir = tmp_path / "converted"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "xls",
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    path = tmp_path / "renamed.xlsx"
    (outdir / "legacy.xls").rename(path)
    assert path.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    assert_refused(run_validate(path), "legacy Excel 97-2003 (.xls)", "save it as .xlsx")


def test_password_protected(tmp_path):
    source = write_workbook(tmp_path / "plain.xlsx")
    path = tmp_path / "secret.xlsx"
    with source.open("rb") as plain, path.open("wb") as encrypted:
        msoffcrypto.format.ooxml.OOXMLFile(plain).encrypt("s3cret", encrypted)
    assert_refused(run_validate(path), "password-protected")


def test_truncated_zip(tmp_path):
    data = write_workbook(tmp_path / "whole.xlsx").read_bytes()
    path = tmp_path / "half.xlsx"
    path.write_bytes(data[: len(data) // 2])
    assert_refused(run_validate(path), "damaged or truncated")


def test_random_bytes(tmp_path):
    path = tmp_path / "noise.xlsx"
    path.write_bytes(b"\x00\xff" + random.Random(3).randbytes(64 * 1024))
    assert_refused(run_validate(path), "not an .xlsx workbook", "not a zip archive")


@pytest.mark.parametrize(
    "parts",
    [
        {"notes.txt": "just a text file in a zip"},
        {  # the structure of a Word document
            "[Content_Types].xml": '<?xml version="1.0"?><Types/>',
            "_rels/.rels": '<?xml version="1.0"?><Relationships/>',
            "word/document.xml": '<?xml version="1.0"?><document/>',
        },
    ],
    ids=["text-in-zip", "docx-like"],
)
def test_zip_that_is_not_a_workbook(tmp_path, parts):
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    assert_refused(run_validate(path), "not an Excel workbook", "no xl/workbook.xml")


# --- limits --------------------------------------------------------------------------------


def test_default_limits():
    limits = Limits()
    assert limits.max_file_bytes == 50 * MB
    assert limits.max_rows == 200_000
    assert limits.max_uncompressed_bytes == 1024 * MB
    assert limits.max_compression_ratio == 200


def test_file_over_size_limit(tmp_path):
    path = write_workbook(tmp_path / "big.xlsx", rows=300, width=6)
    assert path.stat().st_size > 0.01 * MB
    line = assert_refused(run_validate(path, "--max-file-mb", "0.01"), "--max-file-mb")
    assert "0.01 MB limit" in line
    assert "0.0 MB" not in line  # the size must not be rounded down to look under the limit


def test_more_rows_than_limit(tmp_path):
    path = write_workbook(tmp_path / "rows.xlsx", sheet="Impacts", rows=30)
    assert_refused(
        run_validate(path, "--max-rows", "20"), "Impacts", "more than 20 data rows", "--max-rows"
    )


# --- bombs ---------------------------------------------------------------------------------


def write_zip_bomb(path: Path, part_bytes: int, level: int) -> Path:
    """A workbook-shaped zip whose sheet1.xml expands to `part_bytes` bytes of spaces."""
    source = write_workbook(path.with_name("seed.xlsx"))
    chunk = b" " * (16 * MB)
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                out.writestr(info.filename, src.read(info))
        out.compresslevel = level
        with out.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as handle:
            written = 0
            while written < part_bytes:
                piece = chunk[: part_bytes - written]
                handle.write(piece)
                written += len(piece)
    return path


def test_zip_bomb_over_uncompressed_limit(tmp_path):
    path = write_zip_bomb(tmp_path / "bomb.xlsx", part_bytes=1536 * MB, level=1)
    assert path.stat().st_size < 10 * MB
    started = time.monotonic()
    assert_refused(run_validate(path), "zip bomb", "over the 1024 MB limit")
    assert time.monotonic() - started < 15


def test_zip_bomb_over_compression_ratio(tmp_path):
    path = write_zip_bomb(tmp_path / "ratio.xlsx", part_bytes=50 * MB, level=9)
    assert path.stat().st_size < MB
    assert_refused(run_validate(path), "zip bomb", "above the 200:1 limit", "sheet1.xml")


def test_xml_bomb_in_workbook_part(tmp_path):
    source = write_workbook(tmp_path / "seed.xlsx")
    with zipfile.ZipFile(source) as src:
        xml = src.read("xl/workbook.xml")
    path = rewrite_part(source, tmp_path / "lol.xlsx", "xl/workbook.xml", with_dtd(xml))
    started = time.monotonic()
    assert_refused(run_validate(path, timeout=30), "xl/workbook.xml", "DTD or XML entities")
    assert time.monotonic() - started < 15


@pytest.mark.parametrize(
    "prolog",
    [b"", b"<!--" + b" padding " * 2000 + b"-->\n"],
    ids=["dtd-first", "dtd-after-long-comment"],
)
def test_xml_bomb_in_worksheet_part(tmp_path, prolog):
    source = write_workbook(tmp_path / "seed.xlsx", sheet="Impacts")
    part = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(source) as src:
        xml = src.read(part)
    assert b"<v>" in xml or b"<t>" in xml
    xml = xml.replace(b"<t>value 0-0</t>", b"<t>&lol9;</t>")
    path = rewrite_part(source, tmp_path / "lol.xlsx", part, with_dtd(xml, prolog))
    started = time.monotonic()
    assert_refused(run_validate(path, timeout=30), part, "DTD or XML entities")
    assert time.monotonic() - started < 15


# --- JSON output ---------------------------------------------------------------------------


def test_json_output_for_unreadable_file(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"")
    result = run_validate(path, "--format", "json")
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == EXIT_UNREADABLE, result.stdout + result.stderr
    document = json.loads(result.stdout)
    assert document["readable"] is False
    assert document["ok"] is False
    assert document["file"] == str(path)
    assert "empty" in document["error"]


def test_huge_sheet_without_row_ends_is_scanned_in_linear_time(tmp_path):
    """400 MB (ratio ~50:1, under every limit) with no </row>: the scan must not go quadratic."""
    rng = random.Random(5)
    unit = bytearray(b" " * MB)
    for i in range(0, MB, 96):
        unit[i] = rng.choice(b"abcdefghijklmnop")
    source = write_workbook(tmp_path / "seed.xlsx", sheet="Impacts")
    path = tmp_path / "endless.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                out.writestr(info.filename, src.read(info))
        out.compresslevel = 1
        with out.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as handle:
            handle.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/')
            handle.write(b'2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>')
            for _ in range(400):
                handle.write(unit)
    assert path.stat().st_size < 20 * MB
    started = time.monotonic()
    assert_refused(run_validate(path, timeout=60), "Impacts", "cannot be read")
    assert time.monotonic() - started < 20
