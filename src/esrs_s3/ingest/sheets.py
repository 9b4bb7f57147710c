"""Turn the cell grid of one sheet into parsed rows plus issues, following the contract."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from esrs_s3.contract import FIELD_HEADERS, FIELD_NOTE_HEADER, ColumnSpec, SheetSpec
from esrs_s3.ingest.cells import (
    PARSERS,
    BadCell,
    CellContext,
    as_text,
    bind_parser,
    describe,
    fast_path,
    is_blank,
    normalise,
)
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


def _missing(sheet: str, address: str, column: ColumnSpec, reason: str = "") -> Issue:
    return cell_issue(
        "required-value-missing", sheet, address, column.name, f"a value{reason}", "an empty cell"
    )


class _RowRules:
    """The `required_if` / `blank_if` rules of a sheet, decided once per combination of the
    values they look at (in practice kind and status), not once per row."""

    def __init__(self, spec: SheetSpec, columns: dict[str, str]) -> None:
        self.rules = [
            (column, columns[column.name])
            for column in spec.columns
            if column.name in columns and (column.required_if or column.blank_if)
        ]
        self.keys = tuple(
            sorted(
                {k for c, _ in self.rules for cond in (*c.required_if, *c.blank_if) for k in cond}
            )
        )
        self._memo: dict[tuple, tuple[list, list]] = {}

    def decide(self, values: dict[str, object]) -> tuple[list, list]:
        """Columns required, and columns that must be blank, for a row's values."""
        state = tuple(values.get(key) for key in self.keys)
        decision = self._memo.get(state)
        if decision is None:
            required = [
                (c, letters) for c, letters in self.rules if _matches(values, c.required_if)
            ]
            blank = [(c, letters) for c, letters in self.rules if _matches(values, c.blank_if)]
            decision = self._memo[state] = (required, blank)
        return decision

    def check(self, parsed: ParsedRow, sheet: str, issues: list[Issue]) -> None:
        values = parsed.values
        required, blank = self.decide(values)
        for column, letters in required:
            if values[column.name] is None and column.name not in parsed.bad:
                reason = f" (required when {_describe_condition(column.required_if)})"
                issues.append(_missing(sheet, f"{letters}{parsed.row}", column, reason))
                parsed.bad.add(column.name)
        for column, letters in blank:
            value = values[column.name]
            if value is not None:
                issues.append(
                    cell_issue(
                        "value-ignored",
                        sheet,
                        f"{letters}{parsed.row}",
                        column.name,
                        f"an empty cell when {_describe_condition(column.blank_if)}",
                        f"{describe(value)} (ignored)",
                        Severity.WARNING,
                    )
                )
                values[column.name] = None


def _stray_columns(grid: Grid, header_width: int) -> set[int]:
    """Columns holding data without a header: beyond the header row, or under a blank header."""
    header = grid[0] if grid else []
    blank_headers = [index for index, raw in enumerate(header) if is_blank(raw)]
    stray: set[int] = set()
    for cells in grid[1:]:
        for index in range(header_width, len(cells)):
            if not is_blank(cells[index]):
                stray.add(index)
        for index in blank_headers:
            if index < len(cells) and not is_blank(cells[index]):
                stray.add(index)
    return stray


_SLOW = object()  # a cell the fast path could not take


def _data_rows(grid: Grid) -> list[tuple[int, list[object]]]:
    """(row number, cells) of the rows that are not fully empty, padded to the header width."""
    width = max((len(cells) for cells in grid), default=0)
    rows = []
    for offset, cells in enumerate(grid[1:], start=2):
        filled = len(cells) - cells.count("")
        if filled == 0 or (filled <= 3 and all(is_blank(raw) for raw in cells)):
            continue
        if len(cells) < width:
            cells = [*cells, *([""] * (width - len(cells)))]
        rows.append((offset, cells))
    return rows


def _parse_column(
    raw: list[object], column: ColumnSpec, ctx: CellContext
) -> tuple[list[object], list[int], list[tuple[int, BadCell]]]:
    """Parse one column of every data row: values (None when blank or bad), the positions of
    blank cells, and the problems. Common values take a list comprehension, not a call."""
    if column.kind in ("text", "id"):
        values = [v.strip() if v.__class__ is str else _SLOW for v in raw]
        values = [v if v else (None if v == "" else _SLOW) for v in values]
    else:
        fast = fast_path(column, ctx)
        if fast is None:
            values = [_SLOW] * len(raw)
        else:
            klass, table = fast
            if table is None:
                values = [v if v.__class__ is klass else _SLOW for v in raw]
            else:
                values = [table.get(v, _SLOW) if v.__class__ is klass else _SLOW for v in raw]
    blanks: list[int] = []
    problems: list[tuple[int, BadCell]] = []
    if _SLOW in values or None in values:
        parse = None if column.kind in ("text", "id") else bind_parser(column, ctx)
        for position, value in enumerate(values):
            if value is None:
                blanks.append(position)
            elif value is _SLOW:
                cell = raw[position]
                if is_blank(cell):
                    values[position] = None
                    blanks.append(position)
                    continue
                try:
                    values[position] = as_text(cell) if parse is None else parse(cell)
                except BadCell as problem:
                    values[position] = None
                    problems.append((position, problem))
    return values, blanks, problems


def read_rows_sheet(
    grid: Grid, spec: SheetSpec, ctx: CellContext, formula_cells: set[str]
) -> ParsedSheet:
    """Parse a sheet with a header row and one record per row, column by column."""
    issues: list[Issue] = []
    positions = _read_header(grid, spec, issues)
    columns = {name: column_letters(index) for name, index in positions.items()}
    sheet = spec.name
    data = _data_rows(grid)
    numbers = [offset for offset, _ in data]
    bad_by_row: dict[int, set[str]] = {}
    parsed_columns: list[list[object]] = []
    names: list[str] = []
    for name, index in positions.items():
        column = spec.column(name)
        letters = columns[name]
        values, blanks, problems = _parse_column([cells[index] for _, cells in data], column, ctx)
        for position, problem in problems:
            bad_by_row.setdefault(position, set()).add(name)
            issues.append(
                cell_issue(
                    problem.code,
                    sheet,
                    f"{letters}{numbers[position]}",
                    name,
                    problem.expected,
                    problem.found,
                )
            )
        for position in blanks:
            address = f"{letters}{numbers[position]}"
            if formula_cells and address in formula_cells:
                issues.append(_formula_issue(sheet, address, name))
            elif column.required:
                issues.append(_missing(sheet, address, column))
            else:
                continue
            bad_by_row.setdefault(position, set()).add(name)
        names.append(name)
        parsed_columns.append(values)
    absent = {c.name: None for c in spec.columns if c.name not in positions}
    rules = _RowRules(spec, columns)
    rows: list[ParsedRow] = []
    for position, row_values in enumerate(zip(*parsed_columns, strict=True)):
        values = dict(zip(names, row_values, strict=True))
        if absent:
            values.update(absent)
        parsed = ParsedRow(
            row=numbers[position], values=values, bad=bad_by_row.get(position, set())
        )
        if rules.rules:
            rules.check(parsed, sheet, issues)
        rows.append(parsed)
    if not names:
        rows = [ParsedRow(row=offset, values=dict(absent)) for offset in numbers]
    for index in sorted(_stray_columns(grid, len(grid[0]) if grid else 0)):
        issues.append(
            cell_issue(
                "column-without-header",
                sheet,
                f"{column_letters(index)}1",
                None,
                "a header for a column that holds data",
                "an empty header (the column is ignored)",
                Severity.WARNING,
            )
        )
    return ParsedSheet(name=sheet, columns=columns, rows=rows, issues=issues)


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
