"""The assurer's coverage matrix: one row per catalogue datapoint with its status, value, source
cells, fact ids and the gap findings that touch it; and the reconciliation of the matrix with
the facts actually tagged in statement.xhtml (any mismatch stops the build)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from defusedxml import ElementTree as SafeET
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from pydantic import BaseModel, ConfigDict

from esrs_s3.disclose.catalogue import Datapoint
from esrs_s3.disclose.composer import DatapointResult
from esrs_s3.errors import EsrsS3Error
from esrs_s3.fileio import csv_safe
from esrs_s3.xlsx import HEADER_FILL, HEADER_FONT, WRAP, set_text

IX = "{http://www.xbrl.org/2013/inlineXBRL}"
COLUMNS = (
    "id",
    "standard",
    "requirement",
    "paragraph",
    "name",
    "status",
    "value",
    "source_cells",
    "fact_ids",
    "gap_findings",
    "note",
)


class CoverageRow(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    standard: str
    requirement: str
    paragraph: str
    name: str
    status: str
    value: str
    source_cells: tuple[str, ...]
    fact_ids: tuple[str, ...]
    gap_findings: tuple[str, ...]
    note: str

    def cells(self) -> list[str]:
        return [
            self.id,
            self.standard,
            self.requirement,
            self.paragraph,
            self.name,
            self.status,
            self.value,
            "; ".join(self.source_cells),
            " ".join(self.fact_ids),
            " ".join(self.gap_findings),
            self.note,
        ]


class ReconciliationError(EsrsS3Error):
    """The coverage matrix and the tagged facts of the statement disagree."""


def coverage_rows(
    catalogue: Iterable[Datapoint],
    results: Iterable[DatapointResult],
    findings_by_datapoint: dict[str, list[str]] | None = None,
) -> tuple[CoverageRow, ...]:
    by_id = {r.id: r for r in results}
    findings_by_datapoint = findings_by_datapoint or {}
    return tuple(
        CoverageRow(
            id=dp.id,
            standard=dp.standard,
            requirement=dp.requirement,
            paragraph=dp.paragraph,
            name=dp.name,
            status=by_id[dp.id].status.value,
            value=by_id[dp.id].preview,
            source_cells=by_id[dp.id].sources,
            fact_ids=by_id[dp.id].facts,
            gap_findings=tuple(sorted(set(findings_by_datapoint.get(dp.id, ())))),
            note=by_id[dp.id].note,
        )
        for dp in catalogue
    )


def tagged_facts(xhtml: bytes) -> dict[str, str]:
    """The id and concept of every fact tagged in an Inline XBRL document."""
    root = SafeET.fromstring(xhtml)
    return {
        e.get("id"): e.get("name")
        for e in root.iter()
        if e.tag in (f"{IX}nonNumeric", f"{IX}nonFraction")
    }


def reconcile(rows: Iterable[CoverageRow], xhtml: bytes, catalogue: Iterable[Datapoint]) -> None:
    """Every tagged fact is in the matrix; every row points at facts that exist; a
    'disclosed' row points at a fact of one of its datapoint's own concepts."""
    rows = list(rows)
    concepts = {dp.id: set(dp.concepts) for dp in catalogue}
    tagged = tagged_facts(xhtml)
    covered = {fact for row in rows for fact in row.fact_ids}
    problems = []
    untracked = sorted(set(tagged) - covered)
    if untracked:
        problems.append(
            f"facts in the statement but in no coverage row: {', '.join(untracked[:10])}"
        )
    for row in rows:
        missing = [f for f in row.fact_ids if f not in tagged]
        if missing:
            problems.append(f"{row.id} points at facts not in the statement: {', '.join(missing)}")
        own = [f for f in row.fact_ids if tagged.get(f) in concepts[row.id]]
        if row.status == "disclosed" and not own:
            problems.append(f"{row.id} is 'disclosed' but no fact of its own concepts is tagged")
    if problems:
        raise ReconciliationError("coverage reconciliation failed: " + "; ".join(problems[:10]))


def coverage_csv(rows: Iterable[CoverageRow]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([csv_safe(value) for value in row.cells()])
    return buffer.getvalue().encode("utf-8")


def coverage_workbook(rows: Iterable[CoverageRow]) -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "Coverage"
    widths = (16, 8, 11, 10, 48, 22, 50, 40, 30, 18, 40)
    for index, (name, width) in enumerate(zip(COLUMNS, widths, strict=True), start=1):
        cell = sheet.cell(row=1, column=index)
        set_text(cell, name)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        sheet.column_dimensions[get_column_letter(index)].width = width
    count = 0
    for offset, row in enumerate(rows, start=2):
        count += 1
        for index, value in enumerate(row.cells(), start=1):
            cell = sheet.cell(row=offset, column=index)
            set_text(cell, value)
            cell.alignment = WRAP
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{count + 1}"
    return book
