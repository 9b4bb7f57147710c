"""The files of `esrs-s3 compare`: compare.json, compare.xlsx and compare.html."""

from __future__ import annotations

import json

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from esrs_s3 import __version__
from esrs_s3.check.review import environment
from esrs_s3.compare.versions import Comparison, Row
from esrs_s3.xlsx import HEADER_FILL, HEADER_FONT, WRAP, set_text


def compare_json(comparison: Comparison) -> bytes:
    """Deterministic JSON: the comparison with the tool version (sorted keys, no clock)."""
    data = {"tool": {"name": "esrs-s3", "version": __version__}, **comparison.model_dump()}
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def _others(row: Row, rulebook: str) -> tuple[str, str, str]:
    sides = row.others.get(rulebook, ())
    return (
        "; ".join(s.id for s in sides),
        "; ".join(s.status for s in sides),
        "; ".join(s.value for s in sides if s.value),
    )


def _sheet(book: Workbook, title: str, headers: list[str], rows: list[list[object]]) -> None:
    sheet = book.create_sheet(title)
    for col, header in enumerate(headers, 1):
        cell = sheet.cell(row=1, column=col)
        set_text(cell, header)
        cell.fill, cell.font = HEADER_FILL, HEADER_FONT
        sheet.column_dimensions[get_column_letter(col)].width = 18 if col > 1 else 22
    for number, values in enumerate(rows, 2):
        for col, value in enumerate(values, 1):
            cell = sheet.cell(row=number, column=col)
            set_text(cell, value)
            cell.alignment = WRAP
    sheet.freeze_panes = "B2"


def compare_workbook(comparison: Comparison) -> Workbook:
    book = Workbook()
    book.remove(book.active)
    names = [v.rulebook for v in comparison.versions]
    first, later = names[0], names[1:]
    _sheet(
        book,
        "Versions",
        ["rulebook", "title", "legal act", "facts", "pages", "draft", "mandatory missing",
         "findings", "statuses", "folder"],
        [
            [v.rulebook, v.title, v.legal_act, v.facts, v.pages, "yes" if v.draft else "no",
             v.mandatory_missing, _counts(v.findings), _counts(v.statuses), v.folder]
            for v in comparison.versions
        ],
    )  # fmt: skip
    headers = [f"{first} id", "name", "requirement", "paragraph", f"{first} status", "value"]
    for rb in later:
        headers += [f"{rb} relation", f"{rb} ids", f"{rb} status", f"{rb} value", f"{rb} note"]
    rows = []
    for row in comparison.rows:
        f = row.first
        values: list[object] = (
            [f.id, f.name, f.requirement, f.paragraph, f.status, f.value] if f else
            ["", row.others[next(iter(row.others))][0].name, "", "", "", ""]
        )  # fmt: skip
        for rb in later:
            values += [row.relation.get(rb, ""), *_others(row, rb), row.note.get(rb, "")]
        rows.append(values)
    _sheet(book, "Datapoints", headers, rows)
    _sheet(
        book,
        "Changes",
        ["rulebook", "change", "datapoint", "name", "what to fill"],
        [
            [c.rulebook, change, dp, name, fill]
            for c in comparison.changes
            for change, items in (
                ("stops disclosing", [(d, n, "") for d, n in c.stop]),
                ("starts disclosing", [(d, n, "") for d, n in c.start]),
                ("to fill", list(c.to_fill)),
            )
            for dp, name, fill in items
        ],
    )
    _sheet(
        book,
        "Gap findings",
        ["rule", "variant", "title", "rows", *names],
        [
            [
                f.rule,
                f.variant,
                f.title,
                "; ".join(f.rows),
                *(f.severity.get(n, "-") for n in names),
            ]
            for f in comparison.findings
        ],
    )
    return book


def _counts(counts: dict[str, int]) -> str:
    return "; ".join(f"{n} {k}" for k, n in sorted(counts.items()))


def compare_html(comparison: Comparison) -> bytes:
    template = environment().get_template("compare.html.j2")
    names = [v.rulebook for v in comparison.versions]
    return template.render(c=comparison, first=names[0], later=names[1:], counts=_counts).encode()
