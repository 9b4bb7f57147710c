"""Write the blank input workbook (`esrs-s3 template`) and fill it with rows (sample workbooks).

Drop-downs read their values from a hidden `Lists` sheet, because Excel limits a literal list
to 255 characters. Text is always stored as text (`esrs_s3.xlsx.set_text`), so a value
starting with `=` stays text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from esrs_s3.contract import FIELD_HEADERS, FIELD_NOTE_HEADER, ColumnSpec, Contract, load_contract
from esrs_s3.disclose.catalogue import narrative_datapoints
from esrs_s3.fileio import write_atomically
from esrs_s3.rulebook import DEFAULT_RULEBOOK, available_rulebooks, load_reliefs, load_rulebook
from esrs_s3.xlsx import HEADER_FILL, HEADER_FONT, WRAP, set_text, style_header

TEMPLATE_ROWS = 1000  # rows that carry drop-downs and input messages
LISTS_SHEET = "Lists"
README_SHEET = "README"
TYPE_NOTES = {
    "text": "text",
    "id": "unique id (text)",
    "yes_no": "yes / no",
    "score": "whole number 1-5",
    "integer": "whole number",
    "year": "year, e.g. 2025",
    "number": "number",
    "amount": "amount (number, reporting currency)",
    "percentile": "number 0-100",
    "ituc": "1-5 or 5+",
    "date": "date or YYYY-MM-DD",
    "country": "ISO 3166-1 alpha-2 code",
    "countries": "ISO 3166-1 alpha-2 codes, ';'-separated",
    "currency": "ISO 4217 code",
    "lei": "20-character LEI",
    "url": "http(s) address",
    "language": "ISO 639-1 code",
    "reliefs": "relief keys from the list at the end of this sheet, ';'-separated",
}

Rows = Sequence[Mapping[str, object]]
Fields = Mapping[str, object]


def _list_sources(contract: Contract, rulebook_id: str) -> dict[str, list[str]]:
    rulebook = load_rulebook(rulebook_id)
    lists = {f"enum:{name}": list(values) for name, values in contract.enums.items()}
    lists["yes_no"] = ["yes", "no"]
    lists["topic"] = list(rulebook.sub_topics)
    lists["subtopic"] = list(rulebook.sub_sub_topics)
    lists["ituc"] = ["1", "2", "3", "4", "5", "5+"]
    lists["rulebook"] = list(available_rulebooks())
    lists["narrative"] = [dp.id for dp in narrative_datapoints(rulebook_id)]
    return lists


def _write_lists(book: Workbook, lists: dict[str, list[str]]) -> dict[str, str]:
    sheet = book.create_sheet(LISTS_SHEET)
    ranges = {}
    for index, (name, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(index)
        set_text(sheet.cell(row=1, column=index), name)
        for offset, value in enumerate(values, start=2):
            set_text(sheet.cell(row=offset, column=index), value)
        ranges[name] = f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(values) + 1}"
    sheet.sheet_state = "hidden"
    return ranges


def _validation(column: ColumnSpec, ranges: dict[str, str]) -> DataValidation | None:
    """A drop-down or a typed-entry rule for the column, with its help as the input message."""
    kind = column.type if column.type in ranges else column.kind
    if column.type in ranges:
        rule = DataValidation(type="list", formula1=f"={ranges[column.type]}", allow_blank=True)
    elif kind in ranges:
        rule = DataValidation(type="list", formula1=f"={ranges[kind]}", allow_blank=True)
    elif kind == "score":
        rule = DataValidation(type="whole", operator="between", formula1="1", formula2="5")
    elif kind == "date":
        rule = DataValidation(type="date", operator="greaterThan", formula1="1")
    elif kind in ("year",):
        rule = DataValidation(type="whole", operator="between", formula1="1900", formula2="2100")
    elif kind in ("amount", "integer"):
        rule = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
    else:
        rule = DataValidation(type=None)
    rule.allow_blank = True
    rule.showErrorMessage = rule.type is not None
    rule.errorTitle = "Not allowed"
    rule.error = f"{column.name}: {TYPE_NOTES.get(kind, 'a value from the list')}"
    rule.showInputMessage = True
    rule.promptTitle = column.name[:32]
    rule.prompt = column.help[:255]
    return rule


def _write_rows_sheet(book: Workbook, spec, ranges: dict[str, str]) -> None:
    sheet = book.create_sheet(spec.name)
    for index, column in enumerate(spec.columns, start=1):
        set_text(sheet.cell(row=1, column=index), column.name)
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = max(column.width, len(column.name) + 2)
        rule = _validation(column, ranges)
        if rule is not None:
            sheet.add_data_validation(rule)
            rule.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
    style_header(sheet, len(spec.columns))
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(spec.columns))}1"


def _write_fields_sheet(book: Workbook, spec, ranges: dict[str, str]) -> None:
    sheet = book.create_sheet(spec.name)
    for index, name in enumerate((*FIELD_HEADERS, FIELD_NOTE_HEADER), start=1):
        set_text(sheet.cell(row=1, column=index), name)
    for offset, column in enumerate(spec.columns, start=2):
        set_text(sheet.cell(row=offset, column=1), column.name)
        note = column.help
        if column.default is not None:
            default = column.default
            if isinstance(default, bool):
                default = "yes" if default else "no"
            note += f" Default: {default}."
        elif column.required:
            note += " Required."
        set_text(sheet.cell(row=offset, column=3), note)
        sheet.cell(row=offset, column=3).alignment = WRAP
        rule = _validation(column, ranges)
        if rule is not None:
            sheet.add_data_validation(rule)
            rule.add(f"B{offset}")
    sheet.column_dimensions["A"].width = 36
    sheet.column_dimensions["B"].width = 34
    sheet.column_dimensions["C"].width = 90
    style_header(sheet, 3)


def _write_readme(
    book: Workbook, contract: Contract, lists: dict[str, list[str]], rulebook_id: str
) -> None:
    sheet = book.active
    sheet.title = README_SHEET
    lines: list[tuple[str, ...]] = [
        ("esrs-s3 input workbook",),
        (
            f"Contract version {contract.version}. Fill in the sheets; row 1 holds the headers. "
            "Check the workbook with: esrs-s3 validate FILE.xlsx",
        ),
        (
            "Lists are separated by ';'. Dates are Excel dates or YYYY-MM-DD. Scores are whole "
            "numbers 1-5. Empty sheets mean 'none adopted'.",
        ),
        (),
        ("sheet", "column", "required", "values", "meaning"),
    ]
    for spec in contract.sheets:
        lines.append((spec.name, "", "optional sheet" if spec.optional else "", "", spec.purpose))
        for column in spec.columns:
            if column.required:
                required = "yes"
            elif column.required_if:
                required = "when " + "; or ".join(
                    " and ".join(f"{k} is {' or '.join(v)}" for k, v in c.items())
                    for c in column.required_if
                )
            else:
                required = ""
            values = lists.get(column.type) or lists.get(column.kind)
            shown = " · ".join(values) if values else TYPE_NOTES.get(column.kind, column.kind)
            if column.kind == "refs":
                shown = f"ids from sheet {column.argument}, ';'-separated"
            if column.kind == "narrative":
                shown = "a datapoint id from the list at the end of this sheet"
            lines.append(("", column.name, required, shown, column.help))
    lines += [
        (),
        ("Narratives: the datapoints that take your text",),
        ("datapoint", "requirement", "paragraph", "", "what to describe"),
    ]
    for dp in narrative_datapoints(rulebook_id):
        lines.append((dp.id, f"{dp.standard} {dp.requirement}", f"¶{dp.paragraph}", "", dp.name))
    reliefs = [(r, load_reliefs(r)) for r in available_rulebooks() if load_reliefs(r)]
    if reliefs:
        lines += [
            (),
            ("Undertaking reliefs_used: the reliefs each version allows",),
            ("key", "rulebook", "paragraph", "", "relief"),
        ]
        lines += [(x.key, r, x.paragraph, "", x.name) for r, found in reliefs for x in found]
    for offset, line in enumerate(lines, start=1):
        for index, value in enumerate(line, start=1):
            set_text(sheet.cell(row=offset, column=index), value)
            sheet.cell(row=offset, column=index).alignment = WRAP
    sheet["A1"].font = Font(bold=True, size=14)
    for cell in sheet[5]:
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    for letter, width in zip("ABCDE", (14, 28, 22, 50, 80), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A6"


def build_template(rulebook_id: str = DEFAULT_RULEBOOK) -> Workbook:
    """The blank input workbook as an openpyxl object."""
    contract = load_contract(rulebook_id)
    book = Workbook()
    lists = _list_sources(contract, rulebook_id)
    _write_readme(book, contract, lists, rulebook_id)
    ranges = {}
    sheets_created = []
    for spec in contract.sheets:
        sheets_created.append(spec.name)
    # the Lists sheet must exist before validations can refer to it, but it goes last
    ranges = _write_lists(book, lists)
    for spec in contract.sheets:
        if spec.layout == "rows":
            _write_rows_sheet(book, spec, ranges)
        else:
            _write_fields_sheet(book, spec, ranges)
    book.move_sheet(
        LISTS_SHEET, offset=len(book.sheetnames) - 1 - book.sheetnames.index(LISTS_SHEET)
    )
    book.active = 0
    return book


def write_template(path: str | Path, rulebook_id: str = DEFAULT_RULEBOOK) -> Path:
    """Write the blank input workbook to `path` (atomically)."""
    book = build_template(rulebook_id)
    return write_atomically(path, book.save)


def fill_template(
    book: Workbook,
    fields: Mapping[str, Fields],
    rows: Mapping[str, Rows],
) -> Workbook:
    """Put values into a template: `fields` for field/value sheets, `rows` for the others.

    Row dicts are keyed by column name; unknown keys are written as extra columns.
    """
    for sheet_name, values in fields.items():
        sheet = book[sheet_name]
        position = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
        for name, value in values.items():
            row = position.get(name)
            if row is None:
                row = sheet.max_row + 1
                set_text(sheet.cell(row=row, column=1), name)
            cell = sheet.cell(row=row, column=2)
            set_text(cell, _cell_value(value))
            if isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    for sheet_name, records in rows.items():
        sheet = book[sheet_name]
        header = [c.value for c in sheet[1]]
        for offset, record in enumerate(records, start=2):
            for name, value in record.items():
                if name not in header:
                    header.append(name)
                    set_text(sheet.cell(row=1, column=len(header)), name)
                cell = sheet.cell(row=offset, column=header.index(name) + 1)
                set_text(cell, _cell_value(value))
                if isinstance(value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
    return book


def _cell_value(value: object) -> object:
    if isinstance(value, list | tuple):
        return "; ".join(str(v) for v in value)
    return value
