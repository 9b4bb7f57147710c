"""Checks across rows and sheets: unique ids, references, topic fit, value order, period."""

from __future__ import annotations

import datetime as dt

from esrs_s3.contract import Contract, SheetSpec
from esrs_s3.ingest.sheets import ParsedSheet
from esrs_s3.issues import Issue, Severity, cell_issue
from esrs_s3.rulebook import Rulebook


def _show(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def check_unique_keys(sheet: ParsedSheet, spec: SheetSpec) -> list[Issue]:
    issues = []
    for column in spec.columns:
        if not column.is_key or column.name not in sheet.columns:
            continue
        letters = sheet.columns[column.name]
        first_seen: dict[object, int] = {}
        for number, values in sheet.rows():
            key = values[column.name]
            if key is None:
                continue
            if key in first_seen:
                issues.append(
                    cell_issue(
                        "duplicate-id",
                        sheet.name,
                        f"{letters}{number}",
                        column.name,
                        f"{column.name} values unique on the sheet",
                        f'"{key}", already used at {sheet.name}!{letters}{first_seen[key]}',
                    )
                )
            else:
                first_seen[key] = number
    return issues


def sheet_keys(sheet: ParsedSheet, spec: SheetSpec) -> set[object]:
    key = next((c.name for c in spec.columns if c.is_key), None)
    return {values.get(key) for values in sheet.values} - {None}


def check_references(sheets: dict[str, ParsedSheet], contract: Contract) -> list[Issue]:
    """Every id in a `refs:SHEET` column must be an id on SHEET (skipped if SHEET is missing)."""
    issues = []
    keys = {name: sheet_keys(sheet, contract.sheet(name)) for name, sheet in sheets.items()}
    for name, sheet in sheets.items():
        for column in contract.sheet(name).columns:
            target = column.argument
            if column.kind != "refs" or column.name not in sheet.columns or target not in keys:
                continue
            letters = sheet.columns[column.name]
            for number, values in sheet.rows():
                unknown = [ref for ref in values[column.name] if ref not in keys[target]]
                if unknown:
                    shown = ", ".join(f'"{ref}"' for ref in unknown)
                    issues.append(
                        cell_issue(
                            "unknown-reference",
                            name,
                            f"{letters}{number}",
                            column.name,
                            f"ids from sheet {target}",
                            f"{shown}, not an id on sheet {target}",
                        )
                    )
    return issues


def check_topic_fit(impacts: ParsedSheet, rulebook: Rulebook) -> list[Issue]:
    issues = []
    letters = impacts.columns.get("sub_sub_topic")
    if letters is None:
        return issues
    for number, values in impacts.rows():
        topic, sub = values["sub_topic"], values["sub_sub_topic"]
        if topic is None or sub is None or rulebook.fits(topic, sub):
            continue
        allowed = [*rulebook.sub_topics.get(topic, ()), rulebook.other_sub_sub_topic]
        issues.append(
            cell_issue(
                "sub-topic-mismatch",
                impacts.name,
                f"{letters}{number}",
                "sub_sub_topic",
                f'a sub-sub-topic of "{topic}": ' + ", ".join(f'"{a}"' for a in allowed),
                f'"{sub}"',
            )
        )
    return issues


def check_order(
    values: dict[str, object], cells: dict[str, str], spec: SheetSpec, sheet: str
) -> list[Issue]:
    """`after` (strictly later) and `not_before` (later or equal) between two values."""
    issues = []
    for column in spec.columns:
        earlier_name = column.after or column.not_before
        if earlier_name is None:
            continue
        later, earlier = values.get(column.name), values.get(earlier_name)
        if later is None or earlier is None:
            continue
        if later < earlier or (column.after and later == earlier):
            word = "after" if column.after else "on or after"
            issues.append(
                cell_issue(
                    "out-of-order",
                    sheet,
                    cells[column.name],
                    column.name,
                    f"a value {word} {earlier_name} "
                    f"({_show(earlier)} at {sheet}!{cells[earlier_name]})",
                    _show(later),
                )
            )
    return issues


def check_rows_order(sheet: ParsedSheet, spec: SheetSpec) -> list[Issue]:
    if not any(c.after or c.not_before for c in spec.columns):
        return []
    issues = []
    for number, values in sheet.rows():
        cells = {name: f"{letters}{number}" for name, letters in sheet.columns.items()}
        issues += check_order(values, cells, spec, sheet.name)
    return issues


def check_within_period(
    sheet: ParsedSheet, spec: SheetSpec, start: dt.date | None, end: dt.date | None
) -> list[Issue]:
    if start is None or end is None:
        return []
    issues = []
    for column in spec.columns:
        if not column.within_period or column.name not in sheet.columns:
            continue
        letters = sheet.columns[column.name]
        for number, values in sheet.rows():
            value = values[column.name]
            if value is not None and not start <= value <= end:
                issues.append(
                    cell_issue(
                        "outside-period",
                        sheet.name,
                        f"{letters}{number}",
                        column.name,
                        f"a date in the reporting period {start.isoformat()} to {end.isoformat()}",
                        value.isoformat(),
                        Severity.WARNING,
                    )
                )
    return issues
