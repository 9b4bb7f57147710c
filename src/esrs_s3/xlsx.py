"""Writing cells of xlsx sheets safely: text from the workbook or the statement is always
stored as text (a value starting with '=' never becomes a formula), and the house styles of
header rows and wrapped text cells. Saving whole files reproducibly is `esrs_s3.fileio`'s job."""

from __future__ import annotations

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
WRAP = Alignment(wrap_text=True, vertical="top")


def set_text(cell: Cell, value: object) -> None:
    """Write a value; strings are stored as text even when they start with '='."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


def write_only_cell(
    sheet: object, value: object, *, wrap: bool = False, **style: object
) -> WriteOnlyCell:
    """A cell of a write-only sheet: a string stays text even when it starts with '='; `wrap`
    wraps it; `style` sets attributes such as font and fill."""
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    if wrap:
        cell.alignment = WRAP
    for name, attribute in style.items():
        setattr(cell, name, attribute)
    return cell


def style_header(sheet: Worksheet, count: int) -> None:
    """Header style on the first `count` cells of row 1, and freeze the rows below it."""
    for index in range(1, count + 1):
        cell = sheet.cell(row=1, column=index)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
    sheet.freeze_panes = "A2"
