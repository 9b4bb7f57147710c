"""Turn the cell grid of one sheet into parsed rows plus issues, following the contract."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from esrs_s3.contract import FIELD_HEADERS, FIELD_NOTE_HEADER, ColumnSpec, SheetSpec
from esrs_s3.ingest.cells import PARSERS, BadCell, CellContext, describe, is_blank, normalise
from esrs_s3.issues import Issue, Severity, cell_issue

Grid = list[list[object]]


def column_letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass
class ParsedRow:
    """One data row: parsed values (None when blank or bad) and the fields that were bad."""

    row: int
    values: dict[str, object]
    bad: set[str] = field(default_factory=set)


@dataclass
class ParsedSheet:
    name: str  # the contract's sheet name
    columns: dict[str, str]  # field -> column letters, for the columns present
    rows: list[ParsedRow]
    issues: list[Issue]

    @property
    def has_errors(self) -> bool:
        return any(issue.severity is Severity.ERROR for issue in self.issues)


def suggest(name: str, known) -> str:
    """' (did you mean "x"?)' for a near miss, else ''."""
    close = difflib.get_close_matches(name, list(known), n=1, cutoff=0.75)
    return f' (did you mean "{close[0]}"?)' if close else ""


def _matches(row_values: dict[str, object], conditions) -> bool:
    return any(
        all(row_values.get(key) in allowed for key, allowed in condition.items())
        for condition in conditions
    )


def _describe_condition(conditions) -> str:
    parts = []
    for condition in conditions:
        parts.append(" and ".join(f"{key} is {' or '.join(v)}" for key, v in condition.items()))
    return "; or ".join(parts)


def _read_header(grid: Grid, spec: SheetSpec, issues: list[Issue]) -> dict[str, int]:
    known = {column.name: column for column in spec.columns}
    positions: dict[str, int] = {}
    header = grid[0] if grid else []
    for index, raw in enumerate(header):
        if is_blank(raw):
            continue
        name = normalise(str(raw)).replace(" ", "_")
        cell = f"{column_letters(index)}1"
        if name in positions:
            issues.append(
                cell_issue(
                    "duplicate-column",
                    spec.name,
                    cell,
                    None,
                    f'column "{name}" once',
                    f"it again (first in column {column_letters(positions[name])})",
                )
            )
        elif name in known:
            positions[name] = index
        else:
            issues.append(
                cell_issue(
                    "unknown-column",
                    spec.name,
                    cell,
                    None,
                    "a column of the contract",
                    f"{describe(raw)}{suggest(name, known)} (ignored)",
                    Severity.WARNING,
                )
            )
    for column in spec.columns:
        if column.required and column.name not in positions:
            issues.append(
                cell_issue(
                    "missing-column",
                    spec.name,
                    "1:1",
                    None,
                    f'a column headed "{column.name}"',
                    "no such header in row 1",
                )
            )
    return positions


def _parse_cell(
    raw: object,
    column: ColumnSpec,
    ctx: CellContext,
    spec: SheetSpec,
    address: str,
    issues: list[Issue],
) -> tuple[object, bool]:
    """Parsed value (None if blank) and whether the cell was bad."""
    if is_blank(raw):
        return None, False
    try:
        return PARSERS[column.kind](raw, column, ctx), False
    except BadCell as bad:
        issues.append(
            cell_issue(bad.code, spec.name, address, column.name, bad.expected, bad.found)
        )
        return None, True


def _check_required(
    parsed: ParsedRow, spec: SheetSpec, positions: dict[str, int], issues: list[Issue]
) -> None:
    values = parsed.values
    for column in spec.columns:
        if column.name not in positions or column.name in parsed.bad:
            continue
        address = f"{column_letters(positions[column.name])}{parsed.row}"
        if values.get(column.name) is None:
            if column.required:
                reason = ""
            elif column.required_if and _matches(values, column.required_if):
                reason = f" (required when {_describe_condition(column.required_if)})"
            else:
                continue
            issues.append(
                cell_issue(
                    "required-value-missing",
                    spec.name,
                    address,
                    column.name,
                    f"a value{reason}",
                    "an empty cell",
                )
            )
            parsed.bad.add(column.name)
        elif column.blank_if and _matches(values, column.blank_if):
            issues.append(
                cell_issue(
                    "value-ignored",
                    spec.name,
                    address,
                    column.name,
                    f"an empty cell when {_describe_condition(column.blank_if)}",
                    f"{describe(values[column.name])} (ignored)",
                    Severity.WARNING,
                )
            )
            values[column.name] = None


def read_rows_sheet(
    grid: Grid, spec: SheetSpec, ctx: CellContext, formula_cells: set[str]
) -> ParsedSheet:
    """Parse a sheet with a header row and one record per row."""
    issues: list[Issue] = []
    positions = _read_header(grid, spec, issues)
    columns = {name: column_letters(index) for name, index in positions.items()}
    plan = [(spec.column(name), index, columns[name]) for name, index in positions.items()]
    header_width = len(grid[0]) if grid else 0
    parsers = PARSERS
    rows: list[ParsedRow] = []
    stray_columns: set[int] = set()
    for offset, cells in enumerate(grid[1:], start=2):
        if all(is_blank(raw) for raw in cells):
            continue
        values: dict[str, object] = {}
        bad: set[str] = set()
        width = len(cells)
        for column, index, letters in plan:
            raw = cells[index] if index < width else None
            if raw is None or (raw.__class__ is str and not raw.strip()):
                values[column.name] = None
                if formula_cells and f"{letters}{offset}" in formula_cells:
                    bad.add(column.name)
                    issues.append(_formula_issue(spec.name, f"{letters}{offset}", column.name))
                continue
            try:
                values[column.name] = parsers[column.kind](raw, column, ctx)
            except BadCell as problem:
                values[column.name] = None
                bad.add(column.name)
                issues.append(
                    cell_issue(
                        problem.code,
                        spec.name,
                        f"{letters}{offset}",
                        column.name,
                        problem.expected,
                        problem.found,
                    )
                )
        for index in range(header_width, width):
            if not is_blank(cells[index]):
                stray_columns.add(index)
        parsed = ParsedRow(row=offset, values=values, bad=bad)
        _check_required(parsed, spec, positions, issues)
        rows.append(parsed)
    header = grid[0] if grid else []
    for index, raw in enumerate(header):
        if is_blank(raw) and any(index < len(r) and not is_blank(r[index]) for r in grid[1:]):
            stray_columns.add(index)
    for index in sorted(stray_columns):
        issues.append(
            cell_issue(
                "column-without-header",
                spec.name,
                f"{column_letters(index)}1",
                None,
                "a header for a column that holds data",
                "an empty header (the column is ignored)",
                Severity.WARNING,
            )
        )
    return ParsedSheet(name=spec.name, columns=columns, rows=rows, issues=issues)


def _formula_issue(sheet: str, address: str, field_name: str | None) -> Issue:
    return cell_issue(
        "formula-without-value",
        sheet,
        address,
        field_name,
        "a value (a formula's result is saved only when Excel or LibreOffice saves the file)",
        "a formula with no cached result",
    )


def read_fields_sheet(
    grid: Grid, spec: SheetSpec, ctx: CellContext, formula_cells: set[str], strict: bool
) -> tuple[dict[str, object], dict[str, str], list[Issue]]:
    """Parse a two-column field/value sheet. Unknown fields are errors when `strict`."""
    issues: list[Issue] = []
    header = [normalise(str(raw)) if not is_blank(raw) else "" for raw in (grid[0] if grid else [])]
    for index, name in enumerate(FIELD_HEADERS):
        if index >= len(header) or header[index] != name:
            found = describe(grid[0][index]) if grid and index < len(grid[0]) else "an empty cell"
            issues.append(
                cell_issue(
                    "missing-column",
                    spec.name,
                    f"{column_letters(index)}1",
                    None,
                    f'the header "{name}"',
                    found,
                )
            )
    for index, name in enumerate(header[2:], start=2):
        if name and not (index == 2 and name == FIELD_NOTE_HEADER):
            issues.append(
                cell_issue(
                    "unknown-column",
                    spec.name,
                    f"{column_letters(index)}1",
                    None,
                    f'only "field", "value" and "{FIELD_NOTE_HEADER}"',
                    f'"{name}" (ignored)',
                    Severity.WARNING,
                )
            )
    if issues and any(i.code == "missing-column" for i in issues):
        return {}, {}, issues
    known = {column.name: column for column in spec.columns}
    values: dict[str, object] = {}
    cells: dict[str, str] = {}
    for offset, row in enumerate(grid[1:], start=2):
        raw_field = row[0] if row else None
        raw_value = row[1] if len(row) > 1 else None
        if is_blank(raw_field):
            if not is_blank(raw_value):
                issues.append(
                    cell_issue(
                        "missing-field-name",
                        spec.name,
                        f"A{offset}",
                        None,
                        "the name of the field this value is for",
                        "an empty cell",
                    )
                )
            continue
        name = normalise(str(raw_field)).replace(" ", "_")
        column = known.get(name)
        if column is None:
            issues.append(
                cell_issue(
                    "unknown-field",
                    spec.name,
                    f"A{offset}",
                    None,
                    "a field of the contract" if not strict else "a parameter name",
                    describe(raw_field) + suggest(name, known) + ("" if strict else " (ignored)"),
                    Severity.ERROR if strict else Severity.WARNING,
                )
            )
            continue
        if name in cells:
            issues.append(
                cell_issue(
                    "duplicate-field",
                    spec.name,
                    f"A{offset}",
                    None,
                    f'field "{name}" once',
                    f"it again (first at A{cells[name][1:]})",
                )
            )
            continue
        cells[name] = f"B{offset}"
        if f"B{offset}" in formula_cells:
            issues.append(_formula_issue(spec.name, f"B{offset}", name))
            continue
        value, _ = _parse_cell(raw_value, column, ctx, spec, f"B{offset}", issues)
        if value is not None:
            values[name] = value
    return values, cells, issues
