"""gaps.json, gaps.xlsx, gaps.html and gaps.pdf: the internal review report of the findings."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from esrs_s3.check.review import environment
from esrs_s3.template import set_text

COLUMNS = (
    "rule",
    "severity",
    "kind",
    "oecd_steps",
    "core_element",
    "paragraphs",
    "title",
    "message",
    "rows",
    "cells",
    "resolution",
    "datapoints",
)
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def by_step(findings: Sequence) -> list[tuple[str, list]]:
    """Findings grouped by OECD step (a finding with two steps appears under both)."""
    groups: dict[str, list] = {}
    for finding in findings:
        for step in finding.oecd_steps:
            groups.setdefault(step, []).append(finding)
    return sorted(groups.items())


def counts(findings: Sequence) -> dict[str, int]:
    tally = Counter(f.severity for f in findings)
    return {severity: tally.get(severity, 0) for severity in SEVERITY_ORDER}


def gaps_json(findings: Sequence, input_sha256: str) -> bytes:
    document = {
        "input_sha256": input_sha256,
        "counts": counts(findings),
        "findings": [f.model_dump(mode="json") for f in findings],
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _text(value: object) -> str:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return str(value)


def gaps_workbook(findings: Sequence) -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "Findings"
    for index, name in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index)
        set_text(cell, name)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E79")
        sheet.column_dimensions[get_column_letter(index)].width = (
            60 if name in ("message", "resolution") else 18
        )
    for offset, finding in enumerate(findings, start=2):
        data = finding.model_dump()
        for index, name in enumerate(COLUMNS, start=1):
            cell = sheet.cell(row=offset, column=index)
            set_text(cell, _text(data[name]))
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(findings) + 1}"
    return book


def gaps_html(findings: Sequence, undertaking: str, period_end: str) -> bytes:
    tally = counts(findings)
    html = (
        environment()
        .get_template("gaps.html.j2")
        .render(
            groups=by_step(findings),
            undertaking=undertaking,
            period_end=period_end,
            counts=[(f"{k}s", v) for k, v in tally.items()],
        )
    )
    return html.encode("utf-8")
