"""The printed statement and gap report keep their text on the page: every word box that
poppler's `pdftotext -bbox-layout` finds lies in the page's content area (the page less the
@page margins of the stylesheet), except the running header and footer, which WeasyPrint draws
in the top and bottom margin bands, inside the content area's width."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from conftest import ROOT, SAMPLES
from defusedxml import ElementTree as SafeET

from esrs_s3.build import build_statement

XHTML = "{http://www.w3.org/1999/xhtml}"
MM = 72 / 25.4  # PDF points per millimetre
SLACK = 0.5  # points: glyph boxes may touch the content edge
SAMPLE_NAMES = ["defence_manufacturer", "telecom_equipment", "mining_company"]
# A URL with no break opportunity in its long part: printed in the POL-01 record it must wrap
# inside its cell, not widen the table past the right margin (as an unbreakable related-IRO
# value once did on page 10 of the mining statement).
LONG_URL = (
    "https://www.kestrelridge.example/documents/"
    "HumanRightsPolicyApprovedByTheBoardOfDirectorsInMarch2025InEnglishSpanishAndQuechua"
    "WithTheSummaryReadOnLocalRadioAndTheContractorInduction.pdf"
)

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")


@dataclass(frozen=True)
class Margins:
    top: float
    right: float
    bottom: float
    left: float


def page_margins(css: str) -> Margins:
    """The `@page { margin: ... }` of a stylesheet, in points (1 to 4 lengths in mm)."""
    found = re.search(r"@page\s*\{[^@}]*?\bmargin:\s*([\d.\smm]+?)\s*;", css)
    assert found, "no @page margin in the stylesheet"
    values = [float(v) * MM for v in re.findall(r"([\d.]+)mm", found.group(1))]
    top, right, bottom, left = {
        1: lambda v: (v[0], v[0], v[0], v[0]),
        2: lambda v: (v[0], v[1], v[0], v[1]),
        3: lambda v: (v[0], v[1], v[2], v[1]),
        4: lambda v: tuple(v),
    }[len(values)](values)
    return Margins(top, right, bottom, left)


STATEMENT_MARGINS = page_margins(
    (ROOT / "templates" / "statement" / "statement.css").read_text(encoding="utf-8")
)
GAPS_MARGINS = page_margins((ROOT / "templates" / "review" / "gaps.html.j2").read_text("utf-8"))


def word_boxes(pdf: Path):
    """(page number, page width, page height, word, (x0, y0, x1, y1)) for every word."""
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout
    root = SafeET.fromstring(out)
    for number, page in enumerate(root.iter(f"{XHTML}page"), start=1):
        width, height = float(page.get("width")), float(page.get("height"))
        for word in page.iter(f"{XHTML}word"):
            box = tuple(float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
            yield number, width, height, word.text or "", box


def misplaced(pdf: Path, margins: Margins) -> list[str]:
    """Every word outside the content area, other than those wholly in the top or bottom
    margin band (the page-margin boxes: header and footer), as 'page N: word (why)'."""
    found = []
    for number, width, height, text, (x0, y0, x1, y1) in word_boxes(pdf):
        left, right = margins.left - SLACK, width - margins.right + SLACK
        top, bottom = margins.top - SLACK, height - margins.bottom + SLACK
        if x0 < left or x1 > right:
            side = "left" if x0 < left else "right"
            found.append(f"page {number}: {text!r} in the {side} margin (x {x0:.1f} to {x1:.1f})")
        elif not (top <= y0 and y1 <= bottom) and not (y1 <= top or y0 >= bottom):
            found.append(f"page {number}: {text!r} across the content edge (y {y0:.1f}-{y1:.1f})")
        elif y0 < 0 or y1 > height:
            found.append(f"page {number}: {text!r} off the page (y {y0:.1f} to {y1:.1f})")
    return found


def long_url_workbook(folder: Path) -> Path:
    """The mining sample with a long, unbreakable URL for its human-rights policy."""
    book = openpyxl.load_workbook(SAMPLES / "mining_company.xlsx")
    sheet = book["Policies"]
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[header.index("id")].value == "POL-01":
            row[header.index("url")].value = LONG_URL
    path = folder / "mining_long_url.xlsx"
    book.save(path)
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """Each sample, and the mining sample with a long URL, built once for this module."""
    root = tmp_path_factory.mktemp("layout")
    books = {name: SAMPLES / f"{name}.xlsx" for name in SAMPLE_NAMES}
    books["mining_long_url"] = long_url_workbook(root)
    for name, book in books.items():
        build_statement(book, root / name)
    return {name: root / name for name in books}


CASES = [*SAMPLE_NAMES, "mining_long_url"]


@pytest.mark.parametrize("name", CASES)
def test_statement_text_stays_in_the_content_area(built, name: str) -> None:
    pdf = built[name] / "statement.pdf"
    problems = misplaced(pdf, STATEMENT_MARGINS)
    assert not problems, f"{name} statement.pdf:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("name", CASES)
def test_gap_report_text_stays_in_the_content_area(built, name: str) -> None:
    pdf = built[name] / "gaps.pdf"
    problems = misplaced(pdf, GAPS_MARGINS)
    assert not problems, f"{name} gaps.pdf:\n" + "\n".join(problems[:40])


def test_the_long_url_is_printed_whole(built) -> None:
    """The URL wraps inside its cell: all of it is on the page, none of it clipped."""
    text = subprocess.run(
        ["pdftotext", str(built["mining_long_url"] / "statement.pdf"), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    assert LONG_URL.split("/")[-1][:40] in "".join(text.split())


def test_margin_bands_hold_only_the_running_header_and_footer(built) -> None:
    """What the check lets through in the top and bottom bands is the draft banner at the top
    and the footer (document title, 'Page N of M') at the bottom, nothing of the body."""
    for name in SAMPLE_NAMES:
        pdf = built[name] / "statement.pdf"
        bands: dict[tuple[int, str], list[str]] = {}
        for number, _, height, text, (_, y0, _, y1) in word_boxes(pdf):
            if y1 <= STATEMENT_MARGINS.top:
                bands.setdefault((number, "top"), []).append(text)
            elif y0 >= height - STATEMENT_MARGINS.bottom:
                bands.setdefault((number, "bottom"), []).append(text)
        pages = max(number for number, _ in bands)
        for (number, band), words in bands.items():
            line = " ".join(words)
            if band == "top":
                assert line.startswith("DRAFT:"), (name, number, line)
            else:
                assert line.endswith(f"Page {number} of {pages}"), (name, number, line)


@pytest.mark.parametrize("pdf_name", ["statement.pdf", "gaps.pdf"])
def test_every_page_is_set_in_one_sans_family(built, pdf_name: str) -> None:
    """Body and running footer alike: the footer of the gap report fell back to a serif face
    because its font was set on <body>, which the page's margin boxes do not inherit from."""
    fonts = subprocess.run(
        ["pdffonts", str(built["telecom_equipment"] / pdf_name)],
        capture_output=True,
        check=True,
        text=True,
    ).stdout.splitlines()[2:]
    names = {line.split()[0].split("+")[-1] for line in fonts if line.strip()}
    assert names and all(n.startswith("DejaVu-Sans") for n in names), names
