"""Citing the workbook: the source cells and rows a hit names."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from esrs_s3.check.predicates.context import GapContext, Hit
from esrs_s3.models import ROW_MODELS, Record, Workbook


def cell(record: Record, name: str) -> str:
    """The source cell of a field; the row's id (or first) cell when the sheet lacks the
    column (optional columns may be absent from a user's workbook)."""
    columns = record.source.columns
    if name not in columns:
        name = "id" if "id" in columns else next(iter(columns))
    return str(record.cell(name))


def cells(records: Iterable[Record], *names: str) -> tuple[str, ...]:
    return tuple(cell(r, n) for r in records for n in names)


def sheet_rows(workbook: Workbook, sheet: str) -> tuple[Record, ...]:
    return getattr(workbook, ROW_MODELS[sheet][1])


def first_row(sheet: str) -> str:
    """An empty sheet is cited by its first data row."""
    return f"{sheet}!A2"


def undertaking_cells(ctx: GapContext, *names: str) -> tuple[str, ...]:
    u = ctx.workbook.undertaking
    found = (u.cells.get(n) for n in names) if u is not None else ()
    return tuple(str(c) for c in found if c is not None)


def problems(parts: list[tuple[str, tuple[str, ...]]]) -> tuple[str, tuple[str, ...]]:
    """(description, cells) pairs -> one sentence and all cells."""
    return "; ".join(p for p, _ in parts), tuple(c for _, cs in parts for c in cs)


def row_hits(
    rows: Iterable[Record],
    check: Callable[[Record], list[tuple[str, tuple[str, ...]]]],
    key: str,
    name_field: str,
) -> list[Hit]:
    """One hit per row with at least one problem; fields `<key>`, `name`, `problems`."""
    hits = []
    for row in rows:
        found = check(row)
        if found:
            text, where = problems(found)
            hits.append(
                Hit(
                    rows=(row.id,),
                    cells=where,
                    fields={key: row.id, "name": getattr(row, name_field), "problems": text},
                )
            )
    return hits
