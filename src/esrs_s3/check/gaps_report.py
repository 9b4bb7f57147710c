"""gaps.json, gaps.xlsx, gaps.html and gaps.pdf: the internal review report of the findings."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from esrs_s3.check.review import environment
from esrs_s3.xlsx import HEADER_FILL, HEADER_FONT, write_only_cell

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
PER_RULE = 25  # findings of one rule shown in gaps.html / gaps.pdf


def by_step(findings: Sequence) -> list[tuple[str, list]]:
    """Findings grouped by OECD step, each once: under its first step (a reader met the same
    finding twice when it was listed under every step; the finding names its other steps)."""
    groups: dict[str, list] = {}
    for finding in findings:
        groups.setdefault(finding.oecd_steps[0], []).append(finding)
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
    """All findings, one row each (write-only: thousands of findings stay fast)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Findings")
    for index, name in enumerate(COLUMNS, start=1):
        wide = name in ("message", "resolution")
        sheet.column_dimensions[get_column_letter(index)].width = 60 if wide else 18
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(findings) + 1}"
    sheet.append([write_only_cell(sheet, n, font=HEADER_FONT, fill=HEADER_FILL) for n in COLUMNS])
    for finding in findings:
        data = finding.model_dump()
        sheet.append([write_only_cell(sheet, _text(data[n]), wrap=True) for n in COLUMNS])
    return book


def _shown(findings: Sequence) -> tuple[list, dict[str, int]]:
    """At most PER_RULE findings of each rule (variant) for the readable report; the rest are
    counted (gaps.json and gaps.xlsx keep every finding)."""
    kept, hidden, seen = [], {}, {}
    for finding in findings:
        key = finding.rule + (f"/{finding.variant}" if finding.variant else "")
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= PER_RULE:
            kept.append(finding)
        else:
            hidden[key] = hidden.get(key, 0) + 1
    return kept, hidden


def gaps_html(findings: Sequence, undertaking: str, period_end: str) -> bytes:
    tally = counts(findings)
    kept, hidden = _shown(findings)
    template = environment().get_template("gaps.html.j2")
    html = template.render(
        groups=by_step(kept),
        hidden=sorted(hidden.items()),
        per_rule=PER_RULE,
        undertaking=undertaking,
        period_end=period_end,
        counts=[(f"{k}s", v) for k, v in tally.items()],
    )
    return html.encode("utf-8")
