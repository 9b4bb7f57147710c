"""Turn the cell grid of one sheet into parsed rows plus issues, following the contract."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

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


SOURCE = "source"  # the first key of every row dict: where the row came from (see reader)


@dataclass
class ParsedSheet:
    """The data rows of a sheet: their numbers and parsed values, one dict per row with
    `SOURCE` and then every column of the contract in contract order (None when blank or
    bad; the empty tuple for a blank list): the fields of the sheet's record, in order."""

    name: str  # the contract's sheet name
    columns: dict[str, str]  # field -> column letters, for the columns present
    numbers: list[int]  # the row number of each data row
    values: list[dict[str, object]]  # the parsed values of each data row, in the same order
    issues: list[Issue]

    @property
    def has_errors(self) -> bool:
        return any(issue.severity is Severity.ERROR for issue in self.issues)

    def rows(self) -> zip:
        """(row number, values) of each data row."""
        return zip(self.numbers, self.values, strict=True)


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


def _check_conditions(
    spec: SheetSpec,
    columns: dict[str, str],
    parsed: dict[str, list[object]],
    numbers: list[int],
    bad_by_row: dict[int, set[str]],
    issues: list[Issue],
) -> None:
    """`required_if` on blank cells and `blank_if` on filled ones, column by column; each rule
    is decided once per combination of the values it looks at (in practice kind and status)."""
    count = len(numbers)
    states_by_keys: dict[tuple[str, ...], list[tuple]] = {}
    where: dict[tuple, list[int]] = {}  # (keys, states) -> positions of rows in those states

    def rows_in(keys: tuple[str, ...], chosen: frozenset) -> list[int]:
        if (keys, chosen) not in where:
            states = states_by_keys[keys]
            where[keys, chosen] = [i for i, state in enumerate(states) if state in chosen]
        return where[keys, chosen]

    for column in spec.columns:
        name = column.name
        if name not in parsed or not (column.required_if or column.blank_if):
            continue
        keys = tuple(sorted({k for cond in (*column.required_if, *column.blank_if) for k in cond}))
        if keys not in states_by_keys:
            states_by_keys[keys] = list(
                zip(*(parsed.get(k, [None] * count) for k in keys), strict=True)
            )
        required, blanked = set(), set()
        for state in set(states_by_keys[keys]):
            values = dict(zip(keys, state, strict=True))
            if _matches(values, column.required_if):
                required.add(state)
            if _matches(values, column.blank_if):
                blanked.add(state)
        cells = parsed[name]
        letters = columns[name]
        if required and cells.count(None):
            reason = f" (required when {_describe_condition(column.required_if)})"
            for position in [i for i in rows_in(keys, frozenset(required)) if cells[i] is None]:
                if name in bad_by_row.get(position, ()):
                    continue
                issues.append(_missing(spec.name, f"{letters}{numbers[position]}", column, reason))
                bad_by_row.setdefault(position, set()).add(name)
        if not blanked or cells.count(None) == count:
            continue
        for position in [i for i in rows_in(keys, frozenset(blanked)) if cells[i] is not None]:
            issues.append(
                cell_issue(
                    "value-ignored",
                    spec.name,
                    f"{letters}{numbers[position]}",
                    name,
                    f"an empty cell when {_describe_condition(column.blank_if)}",
                    f"{describe(cells[position])} (ignored)",
                    Severity.WARNING,
                )
            )
            cells[position] = None
        for cached in [k for k in states_by_keys if name in k]:  # states made before blanking
            del states_by_keys[cached]
            for key in [k for k in where if k[0] == cached]:
                del where[key]


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
_BAD = object()  # a cell its parser refused


def _data_rows(grid: Grid) -> list[tuple[int, list[object]]]:
    """(row number, cells) of the rows that are not fully empty, padded to the widest row."""
    # the test stops at a row's first value (0 and FALSE are values, spaces are blank)
    rows = [
        (offset, cells)
        for offset, cells in enumerate(grid[1:], start=2)
        if not all(is_blank(raw) for raw in cells)
    ]
    width = max((len(cells) for cells in grid), default=0)
    if any(len(cells) < width for _, cells in rows):
        rows = [(offset, [*cells, *([""] * (width - len(cells)))]) for offset, cells in rows]
    return rows


def _parse_column(
    raw: Sequence[object], column: ColumnSpec, ctx: CellContext, want_blanks: bool
) -> tuple[list[object], list[int], list[tuple[int, BadCell]]]:
    """Parse one column of every data row: values (None when blank or bad), the positions of
    blank cells (only when `want_blanks`), and the problems. Common values take a list
    comprehension, not a call; the sentinel counts run in C."""
    if column.kind in ("text", "id"):
        values = [(v.strip() or None) if v.__class__ is str else _SLOW for v in raw]
    else:
        fast = fast_path(column, ctx)
        if fast is None:
            values = [None if v == "" else _SLOW for v in raw]
        else:
            klass, table = fast
            if table is None:
                values = [v if v.__class__ is klass else (None if v == "" else _SLOW) for v in raw]
            else:
                values = [
                    table.get(v, _SLOW) if v.__class__ is klass else (None if v == "" else _SLOW)
                    for v in raw
                ]
    problems: list[tuple[int, BadCell]] = []
    slow = [i for i, v in enumerate(values) if v is _SLOW] if values.count(_SLOW) else []
    if slow:
        parse = as_text if column.kind in ("text", "id") else bind_parser(column, ctx)
        memo: dict[object, object] = {}  # lists such as "DE; FR" repeat down a column
        if all(raw[p].__class__ is str for p in slow):  # the usual case: parse each text once
            for text in set(raw[p] for p in slow):
                try:
                    memo[text] = None if not text.strip() else parse(text)
                except BadCell as problem:
                    memo[text] = problem
            for position in slow:
                result = memo[raw[position]]
                if isinstance(result, BadCell):
                    values[position] = _BAD
                    problems.append((position, result))
                else:
                    values[position] = result
            slow = []
        for position in slow:
            cell = raw[position]
            if is_blank(cell):
                values[position] = None
                continue
            key = (cell.__class__, cell)  # keeps 1.0 apart from True
            result = memo.get(key, _SLOW)
            if result is _SLOW:
                try:
                    result = parse(cell)
                except BadCell as problem:
                    result = problem
                memo[key] = result
            if isinstance(result, BadCell):
                values[position] = _BAD
                problems.append((position, result))
            else:
                values[position] = result
    blanks = (
        [i for i, v in enumerate(values) if v is None] if want_blanks and values.count(None) else []
    )
    if problems:
        values = [None if v is _BAD else v for v in values]
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
    by_column = list(zip(*(cells for _, cells in data), strict=True)) if data else []
    bad_by_row: dict[int, set[str]] = {}
    parsed_columns: list[list[object]] = []
    names: list[str] = []
    for name, index in positions.items():
        column = spec.column(name)
        letters = columns[name]
        values, blanks, problems = _parse_column(
            by_column[index] if data else (), column, ctx, column.required or bool(formula_cells)
        )
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
    _check_conditions(
        spec, columns, dict(zip(names, parsed_columns, strict=True)), numbers, bad_by_row, issues
    )
    by_name = dict(zip(names, parsed_columns, strict=True))
    ordered = [[None] * len(numbers)]  # SOURCE, set by the reader
    for column in spec.columns:
        values = by_name.get(column.name)
        if values is None:  # a column the sheet does not have
            values = [() if column.is_list else None] * len(numbers)
        elif column.is_list and values.count(None):
            values = [() if v is None else v for v in values]
        ordered.append(values)
    keys = (SOURCE, *(column.name for column in spec.columns))
    rows = [dict(zip(keys, row, strict=True)) for row in zip(*ordered, strict=True)]
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
    return ParsedSheet(name=sheet, columns=columns, numbers=numbers, values=rows, issues=issues)


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
