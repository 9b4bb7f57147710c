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


def read_rows_sheet(
    grid: Grid, spec: SheetSpec, ctx: CellContext, formula_cells: set[str]
) -> ParsedSheet:
    """Parse a sheet with a header row and one record per row."""
    issues: list[Issue] = []
    positions = _read_header(grid, spec, issues)
    columns = {name: column_letters(index) for name, index in positions.items()}
    # Text columns (most cells) are handled inline: no parser call for them.
    plan = [
        (
            name,
            index,
            columns[name],
            None
            if spec.column(name).kind in ("text", "id")
            else bind_parser(spec.column(name), ctx),
            spec.column(name),
        )
        for name, index in positions.items()
    ]
    rules = _RowRules(spec, columns)
    absent = dict.fromkeys(c.name for c in spec.columns if c.name not in positions)
    sheet = spec.name
    rows: list[ParsedRow] = []
    for offset, cells in enumerate(grid[1:], start=2):
        width = len(cells)
        values: dict[str, object] = dict(absent)
        bad: set[str] = set()
        blanks: list[tuple[str, str, ColumnSpec]] = []
        for name, index, letters, parse, column in plan:
            raw = cells[index] if index < width else None
            if raw.__class__ is str:
                raw = raw.strip()
                if not raw:
                    values[name] = None
                    blanks.append((name, letters, column))
                    continue
                if parse is None:
                    values[name] = raw
                    continue
            elif raw is None:
                values[name] = None
                blanks.append((name, letters, column))
                continue
            elif parse is None:
                values[name] = as_text(raw)
                continue
            try:
                values[name] = parse(raw)
            except BadCell as problem:
                values[name] = None
                bad.add(name)
                issues.append(
                    cell_issue(
                        problem.code,
                        sheet,
                        f"{letters}{offset}",
                        name,
                        problem.expected,
                        problem.found,
                    )
                )
        formulas = (
            [b for b in blanks if f"{b[1]}{offset}" in formula_cells] if formula_cells else []
        )
        if len(blanks) == len(plan) and not formulas and all(is_blank(raw) for raw in cells):
            continue  # a fully empty row
        for name, letters, column in blanks:
            address = f"{letters}{offset}"
            if formulas and address in formula_cells:
                issues.append(_formula_issue(sheet, address, name))
                bad.add(name)
            elif column.required:
                issues.append(_missing(sheet, address, column))
                bad.add(name)
        parsed = ParsedRow(row=offset, values=values, bad=bad)
        if rules.rules:
            rules.check(parsed, sheet, issues)
        rows.append(parsed)
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
