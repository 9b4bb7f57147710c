"""Checks across rows and sheets: unique ids, references, topic fit, value order, period."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from esrs_s3.contract import ColumnSpec, Contract, SheetSpec
from esrs_s3.disclose.catalogue import by_id, narrative_datapoints
from esrs_s3.ingest.cells import yes_no_text
from esrs_s3.ingest.sheets import ParsedSheet
from esrs_s3.issues import Issue, Severity, cell_issue
from esrs_s3.phase_in import load_phase_ins, s3_phase_in_for, s3_phase_ins, scope_of
from esrs_s3.rulebook import (
    DEFAULT_RULEBOOK,
    Rulebook,
    available_rulebooks,
    load_reliefs,
    load_rulebook,
    rulebook_for_period,
)
from esrs_s3.scope import csrd_scope, outside_scope


def _show(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def check_unique_keys(sheet: ParsedSheet, spec: SheetSpec) -> list[Issue]:
    issues = []
    for column in spec.columns:
        if not column.is_key or column.name not in sheet.columns:
            continue
        letters = sheet.columns[column.name]
        keys = [v[column.name] for v in sheet.values if v[column.name] is not None]
        if len(set(keys)) == len(keys):
            continue  # all different: the usual case
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
            known = keys[target]
            for number, values in [
                (n, v) for n, v in sheet.rows() if not known.issuperset(v[column.name])
            ]:
                unknown = [ref for ref in values[column.name] if ref not in known]
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
    fits = {
        pair: rulebook.fits(*pair)
        for pair in {(v["sub_topic"], v["sub_sub_topic"]) for v in impacts.values}
        if None not in pair
    }
    if all(fits.values()):
        return issues
    for number, values in impacts.rows():
        topic, sub = values["sub_topic"], values["sub_sub_topic"]
        if topic is None or sub is None or fits[topic, sub]:
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
    return _order_issues(values, cells.__getitem__, _ordered_columns(spec), sheet)


def check_rows_order(sheet: ParsedSheet, spec: SheetSpec) -> list[Issue]:
    columns = _ordered_columns(spec)
    issues = []
    for number, values in sheet.rows() if columns else ():
        issues += _order_issues(
            values, lambda name, n=number: f"{sheet.columns[name]}{n}", columns, sheet.name
        )
    return issues


def _ordered_columns(spec: SheetSpec) -> list[ColumnSpec]:
    return [column for column in spec.columns if column.after or column.not_before]


def _order_issues(
    values: dict[str, object],
    cell_of: Callable[[str], str],
    columns: list[ColumnSpec],
    sheet: str,
) -> list[Issue]:
    issues = []
    for column in columns:
        earlier_name = column.after or column.not_before
        later, earlier = values.get(column.name), values.get(earlier_name)
        if later is None or earlier is None:
            continue
        if later < earlier or (column.after and later == earlier):
            word = "after" if column.after else "on or after"
            issues.append(
                cell_issue(
                    "out-of-order",
                    sheet,
                    cell_of(column.name),
                    column.name,
                    f"a value {word} {earlier_name} "
                    f"({_show(earlier)} at {sheet}!{cell_of(earlier_name)})",
                    _show(later),
                )
            )
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


def check_narrative_answers(narratives: ParsedSheet, answered: dict[str, str]) -> list[Issue]:
    """A Narratives row for a yes/no or year datapoint (`answered`: id -> data type) holds
    yes or no, or a four-digit year."""
    issues = []
    letters = narratives.columns.get("text")
    for number, values in narratives.rows():
        text, dp_id = values.get("text"), values.get("datapoint")
        if dp_id not in answered or text is None:
            continue
        if answered[dp_id] == "boolean" and yes_no_text(text) is None:
            code, expected = "not-yes-no", f"yes or no: {dp_id} is a yes/no datapoint"
        elif answered[dp_id] == "gYear" and not re.fullmatch(r"\d{4}", text.strip()):
            code, expected = "not-a-year", f"a four-digit year: {dp_id} is a year"
        else:
            continue
        issues.append(
            cell_issue(code, narratives.name, f"{letters}{number}", "text", expected, f'"{text}"')
        )
    return issues


def check_narrative_rulebook(narratives: ParsedSheet, rulebook_id: str) -> list[Issue]:
    """A note (information, not a warning) for each Narratives row that names a datapoint of
    another installed rulebook: one workbook may carry the texts of several versions (for
    `compare`); the text is not used in a statement under `rulebook_id`."""
    own = {dp.id for dp in narrative_datapoints(rulebook_id)}
    letters = narratives.columns.get("datapoint")
    issues = []
    for number, values in narratives.rows():
        dp_id = values.get("datapoint")
        if dp_id is None or dp_id in own:
            continue
        used_by = [r for r in available_rulebooks() if dp_id in by_id(r)]
        issues.append(
            cell_issue(
                "other-rulebook-datapoint",
                narratives.name,
                f"{letters}{number}",
                "datapoint",
                f"a datapoint of {rulebook_id}",
                f"{dp_id}, a datapoint of {' and '.join(used_by)}: its text is not used "
                f"under {rulebook_id}",
                Severity.INFO,
            )
        )
    return issues


def check_reliefs(
    values: dict[str, object], cells: dict[str, str], rulebook_id: str
) -> list[Issue]:
    """An error when `reliefs_used` names a relief the chosen rulebook does not have."""
    named = values.get("reliefs_used") or ()
    own = [r.key for r in load_reliefs(rulebook_id)]
    stray = [key for key in named if key not in own]
    if not stray:
        return []
    others = [r for r in available_rulebooks() if load_reliefs(r)]
    expected = (
        "one of " + ", ".join(f'"{k}"' for k in own)
        if own
        else f"nothing: {rulebook_id} has no reliefs ({' and '.join(others)} have)"
    )
    return [
        cell_issue(
            "unknown-relief",
            "Undertaking",
            cells.get("reliefs_used"),
            "reliefs_used",
            expected,
            f"{', '.join(stray)} under {rulebook_id}",
        )
    ]


def check_csrd_scope(values: dict[str, object], cells: dict[str, str]) -> list[Issue]:
    """An information note when the undertaking is outside the CSRD scope of Omnibus I: its
    statement is then a voluntary report (never an error)."""
    employees, currency = values.get("employees"), values.get("currency")
    if employees is None or currency is None:
        return []
    why = outside_scope(employees, values.get("net_turnover"), currency)
    if not why:
        return []
    scope = csrd_scope()
    field = "employees" if employees <= scope.employees_over else "net_turnover"
    return [
        cell_issue(
            "outside-csrd-scope",
            "Undertaking",
            cells.get(field),
            field,
            f"more than {scope.employees_over:,} employees and more than {scope.currency} "
            f"{scope.net_turnover_over:,.0f} net turnover for a mandatory report ({scope.basis})",
            f"{why}: the statement is labelled a voluntary report",
            severity=Severity.INFO,
        )
    ]


def check_phase_in_request(
    values: dict[str, object], cells: dict[str, str], rulebook_id: str
) -> list[Issue]:
    """A warning when the Undertaking sheet asks for the S3 phase-in (use_phase_in = yes) that
    no phase-in row of the rulebook allows: too many employees, past its years, not of its
    wave or size. The message gives the reasons against the first S3 row."""
    rows = s3_phase_ins(rulebook_id)
    employees, start, end, first = (
        values.get("employees"),
        values.get("period_start"),
        values.get("period_end"),
        values.get("first_reporting_year"),
    )
    if not rows or None in (employees, start, end, first):
        return []
    rule = rows[0]
    if values.get(rule.choice) is not True:
        return []
    scope = scope_of(
        rulebook_id,
        employees,
        first,
        start.year,
        end.year,
        values.get("net_turnover"),
        values.get("wave_one"),
    )
    if s3_phase_in_for(rulebook_id, scope) is not None:
        return []
    why = rule.why_not(scope, load_phase_ins(rulebook_id).large)
    return [
        cell_issue(
            "phase-in-not-allowed",
            "Undertaking",
            cells.get(rule.choice),
            rule.choice,
            f"a phase-in the undertaking may use ({rule.reference})",
            f"yes, with {' and '.join(why)}: S3 is reported in full",
            severity=Severity.WARNING,
        )
    ]


def rulebook_for(
    values: dict[str, object], cells: dict[str, str], requested: str | None = None
) -> tuple[str, list[Issue]]:
    """The rulebook the workbook is read and assessed under, and an error when its period does
    not allow it: `requested` (`--rulebook`) or the Undertaking's `rulebook` cell, else the
    rulebook whose default years hold the period's first day (each rulebook.toml says which
    financial years it may be applied to and is the default for)."""
    start, named = values.get("period_start"), requested or values.get("rulebook")
    if not isinstance(start, dt.date):
        return str(named or DEFAULT_RULEBOOK), []
    if named:
        rulebook = load_rulebook(str(named))
        if rulebook.may_apply(start):
            return rulebook.id, []
        field = "period_start" if requested else "rulebook"
        given = " (--rulebook)" if requested else ""
        found = f"{rulebook.id}{given}, for {rulebook.years()}" + (
            f": {rulebook.period_basis}" if rulebook.period_basis else ""
        )
        expected = f"a rulebook that may be applied to a financial year beginning {start}"
        return rulebook.id, [
            cell_issue(
                "rulebook-not-for-period", "Undertaking", cells.get(field), field, expected, found
            )
        ]
    chosen = rulebook_for_period(start)
    if chosen:
        return chosen, []
    installed = [load_rulebook(r) for r in available_rulebooks()]
    covered = "; ".join(f"{r.id}: {r.years()}" for r in installed)
    why = "; ".join(r.period_basis for r in installed if r.period_basis)
    return DEFAULT_RULEBOOK, [
        cell_issue(
            "no-rulebook-for-period",
            "Undertaking",
            cells.get("period_start"),
            "period_start",
            f"a financial year an installed rulebook applies to ({covered})",
            f"a financial year beginning {start}" + (f" ({why})" if why else ""),
        )
    ]
