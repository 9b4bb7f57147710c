"""Read and validate a whole input workbook: `read_workbook(path) -> ReadResult`."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import python_calamine

from esrs_s3.contract import Contract, SheetSpec, load_contract
from esrs_s3.disclose.catalogue import narrative_datapoints
from esrs_s3.errors import UnreadableWorkbook
from esrs_s3.ingest import checks
from esrs_s3.ingest.cells import CellContext, normalise
from esrs_s3.ingest.package import MB, Limits, Package, open_package
from esrs_s3.ingest.sheets import SOURCE, Grid, ParsedSheet, read_fields_sheet, read_rows_sheet
from esrs_s3.issues import Issue, Severity, cell_issue, count_issues, sort_issues
from esrs_s3.models import (
    ROW_MODELS,
    CellRef,
    RowSource,
    Settings,
    Undertaking,
    Workbook,
    trusted_records,
)
from esrs_s3.resources import load_code_list
from esrs_s3.rulebook import DEFAULT_RULEBOOK, available_rulebooks, load_reliefs, load_rulebook

README_SHEETS = ("readme", "lists")  # written by `esrs-s3 template`, ignored when reading


@dataclass
class ReadResult:
    """Issues in reading order, and the workbook when there is no error."""

    path: str
    sha256: str
    issues: list[Issue]
    workbook: Workbook | None

    @property
    def ok(self) -> bool:
        return not _has_error(self.issues)

    def to_dict(self) -> dict:
        return {
            "ok": self.ok,
            "file": self.path,
            "sha256": self.sha256,
            "counts": count_issues(self.issues),
            "issues": [issue.to_dict() for issue in self.issues],
        }


def cell_context(contract: Contract, rulebook_id: str) -> CellContext:
    rulebook = load_rulebook(rulebook_id)
    return CellContext(
        enums={name: {normalise(v): v for v in values} for name, values in contract.enums.items()},
        sub_topics={normalise(name): name for name in rulebook.sub_topics},
        sub_sub_topics={normalise(name): name for name in rulebook.sub_sub_topics},
        countries=load_code_list("iso/countries.csv"),
        currencies=load_code_list("iso/currencies.csv"),
        languages=load_code_list("iso/languages.csv"),
        rulebooks=available_rulebooks(),
        narratives=_narrative_ids(rulebook_id),
        reliefs={normalise(r.key): r.key for r in load_reliefs(rulebook_id)},
        rulebook=rulebook_id,
    )


def _narrative_ids(rulebook_id: str) -> dict[str, str]:
    """The datapoint ids a Narratives row may name: the chosen rulebook's first (the examples an
    error shows), then those of the other installed rulebooks, so that one workbook can carry
    the texts of several versions (a row for another version is a note, see
    `checks.check_narrative_rulebook`)."""
    ids = {normalise(dp.id): dp.id for dp in narrative_datapoints(rulebook_id)}
    for other in available_rulebooks():
        for dp in narrative_datapoints(other):
            ids.setdefault(normalise(dp.id), dp.id)
    return ids


# A sheet whose XML the zip directory declares this small may be loaded by the Rust reader
# while our own scan of it runs (the reader refuses entity declarations itself); a larger
# one is loaded only after its scan has passed, so a refused sheet costs little.
EARLY_LOAD_BYTES = 64 * MB


class _Sheets:
    """The workbook's sheets by contract name (case- and space-insensitive).

    python-calamine releases the GIL while it reads, so sheets load on worker threads while
    this thread scans and validates. The largest sheet (in practice Impacts) has a reader of
    its own; the others share a second reader, opened on its own thread, so they are loaded
    and parsed while the largest one is still being read.
    """

    def __init__(self, path: Path, package: Package, wanted: list[str]) -> None:
        self.package = package
        self.path = path
        try:
            self.book = python_calamine.CalamineWorkbook.from_path(str(path))
        except Exception as exc:  # the Rust reader's own errors: damaged or unsupported content
            raise UnreadableWorkbook(str(path), f"the workbook cannot be read ({exc})") from None
        self.sheet_names: list[str] = list(self.book.sheet_names)  # the book is the worker's now
        self.by_name = {normalise(name): name for name in self.sheet_names}
        self.present = [  # contract order: the order of the safety scans
            self.by_name[normalise(n)]
            for n in wanted
            if normalise(n) in self.by_name and self.by_name[normalise(n)] in package.sheet_parts
        ]
        # smallest first: the order in which the sheets are loaded and best parsed
        self.order = sorted(self.present, key=lambda name: package.part_sizes[name])
        self.largest = self.order[-1] if self.order else None
        self._pools = [
            ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"esrs-s3-reader-{i}")
            for i in (1, 2)
        ]
        self._other_book: python_calamine.CalamineWorkbook | None = None  # worker 2's own
        self._loads: dict[str, Future] = {}

    def __enter__(self) -> _Sheets:
        for actual in self.order:
            if self.package.part_sizes[actual] <= EARLY_LOAD_BYTES:
                self._load(actual)
        try:
            for actual in self.present:  # raises UnreadableWorkbook on a refused sheet
                self.package.scan(actual)
                self._load(actual)
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        for pool in self._pools:
            pool.shutdown(wait=True, cancel_futures=True)

    def _load(self, actual: str) -> None:
        if actual not in self._loads:
            pool = self._pools[0] if actual == self.largest else self._pools[1]
            self._loads[actual] = pool.submit(self._read, actual)

    def _read(self, actual: str) -> Grid:
        if actual == self.largest:
            book = self.book
        else:  # runs on worker 2 only
            if self._other_book is None:
                self._other_book = python_calamine.CalamineWorkbook.from_path(str(self.path))
            book = self._other_book
        return book.get_sheet_by_name(actual).to_python(skip_empty_area=False)

    def actual_name(self, name: str) -> str | None:
        return self.by_name.get(normalise(name))

    def grid(self, actual: str) -> Grid:
        """The cells of a sheet, handed over: no reference stays here, so a large sheet's cells
        are freed as soon as they are parsed (a second call reads the sheet again)."""
        self._load(actual)
        try:
            return self._loads.pop(actual).result()
        except Exception as exc:
            raise UnreadableWorkbook(
                str(self.path), f"sheet {actual} cannot be read ({exc})"
            ) from None

    def formula_cells(self, actual: str) -> set[str]:
        scan = self.package.scans.get(actual)
        return set(scan.formulas_without_value) if scan else set()


def _missing_sheet(spec: SheetSpec, found: list[str]) -> Issue:
    return cell_issue(
        "missing-sheet",
        spec.name,
        None,
        None,
        f'a sheet named "{spec.name}"',
        "sheets " + ", ".join(found) if found else "no sheets",
    )


def _read_undertaking(
    sheets: _Sheets, contract: Contract, issues: list[Issue]
) -> tuple[dict[str, object], dict[str, str]]:
    spec = contract.sheet("Undertaking")
    actual = sheets.actual_name(spec.name)
    if actual is None:
        issues.append(_missing_sheet(spec, sheets.sheet_names))
        return {}, {}
    # the rulebook is not chosen yet: any installed rulebook's relief is read here, and
    # `checks.check_reliefs` refuses those the chosen one lacks
    every = {normalise(r.key): r.key for rb in available_rulebooks() for r in load_reliefs(rb)}
    ctx = replace(cell_context(contract, DEFAULT_RULEBOOK), reliefs=every)
    values, cells, found = read_fields_sheet(
        sheets.grid(actual), spec, ctx, sheets.formula_cells(actual), strict=False
    )
    issues += found
    if any(i.severity is Severity.ERROR and i.code == "missing-column" for i in found):
        return values, cells
    if not values and not _has_error(found):
        issues.append(
            Issue(
                code="undertaking-empty",
                severity=Severity.WARNING,
                message="no values yet: name, LEI, period, currency, employees and first reporting"
                " year are needed to assess and build",
                sheet=spec.name,
            )
        )
        return values, cells
    for column in spec.columns:
        if column.required and column.name not in values and not _has_issue(found, column.name):
            issues.append(
                cell_issue(
                    "required-value-missing",
                    spec.name,
                    cells.get(column.name),
                    column.name,
                    f"a value ({column.help})",
                    "an empty cell" if column.name in cells else "no row for this field",
                )
            )
    issues += checks.check_order(values, cells, spec, spec.name)
    return values, cells


def _has_error(issues: list[Issue]) -> bool:
    return any(issue.severity is Severity.ERROR for issue in issues)


def _has_issue(issues: list[Issue], field: str) -> bool:
    return any(issue.field == field and issue.severity is Severity.ERROR for issue in issues)


def _read_settings(
    sheets: _Sheets, contract: Contract, ctx: CellContext, issues: list[Issue]
) -> Settings:
    spec = contract.sheet("Settings")
    actual = sheets.actual_name(spec.name)
    if actual is None:
        return Settings()
    values, cells, found = read_fields_sheet(
        sheets.grid(actual), spec, ctx, sheets.formula_cells(actual), strict=True
    )
    issues += found
    return Settings(
        values=values,
        cells={name: CellRef(sheet=spec.name, cell=cells[name]) for name in values},
    )


def _build_records(sheet: ParsedSheet) -> tuple:
    """Typed records of a sheet without errors."""
    model, _ = ROW_MODELS[sheet.name]
    name, columns = sheet.name, sheet.columns
    for number, values in sheet.rows():
        values[SOURCE] = RowSource(name, number, columns)
    return trusted_records(model, sheet.values)


def read_workbook(
    path: str | Path, limits: Limits | None = None, rulebook: str | None = None
) -> ReadResult:
    """Read and validate every sheet; raise `UnreadableWorkbook` if the file cannot be read.
    `rulebook` (`--rulebook`) replaces the Undertaking's `rulebook` cell: the sheets are read
    and checked under it."""
    path = Path(path)
    limits = limits or Limits()
    base_contract = load_contract()
    package = open_package(path, limits)
    with _gc_paused(), _Sheets(path, package, base_contract.sheet_names) as sheets:
        return _read_sheets(path, package, sheets, base_contract, rulebook)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while records are made: reading creates hundreds of
    thousands of objects and no reference cycles, and repeated collections of the growing heap
    cost as much as building the records themselves (10k IROs: 0.13 s -> 0.06 s).

    On the way out, freeze + unfreeze moves the new objects to the oldest generation in
    constant time, so the next young collection does not walk all of them at once.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()


def _read_sheets(
    path: Path,
    package: Package,
    sheets: _Sheets,
    base_contract: Contract,
    requested: str | None = None,
) -> ReadResult:
    issues: list[Issue] = []

    undertaking_values, undertaking_cells = _read_undertaking(sheets, base_contract, issues)
    rulebook_id, period_issues = checks.rulebook_for(
        undertaking_values, undertaking_cells, requested
    )
    issues += period_issues
    if undertaking_values:  # the rulebook chosen, and whether the period chose it
        named = requested or "rulebook" in undertaking_values
        undertaking_values.update(rulebook=rulebook_id, rulebook_for_period=not named)
    issues += checks.check_phase_in_request(undertaking_values, undertaking_cells, rulebook_id)
    issues += checks.check_reliefs(undertaking_values, undertaking_cells, rulebook_id)
    issues += checks.check_csrd_scope(undertaking_values, undertaking_cells)
    contract = load_contract(rulebook_id)
    ctx = cell_context(contract, rulebook_id)
    rulebook = load_rulebook(rulebook_id)

    # parse in loading order (smallest sheet first), then keep contract order for the rest
    specs = {spec.name: spec for spec in contract.sheets if spec.layout == "rows"}
    actual_names = {name: sheets.actual_name(name) for name in specs}
    loading = {actual: i for i, actual in enumerate(sheets.order)}
    found: dict[str, tuple[ParsedSheet, list[Issue]]] = {}
    records: dict[str, tuple] = {}  # of each sheet without errors of its own
    for name in sorted(
        (name for name, actual in actual_names.items() if actual is not None),
        key=lambda name: loading.get(actual_names[name], len(loading)),
    ):
        spec, actual = specs[name], actual_names[name]
        sheet = read_rows_sheet(sheets.grid(actual), spec, ctx, sheets.formula_cells(actual))
        found[name] = (
            sheet,
            [
                *sheet.issues,
                *checks.check_unique_keys(sheet, spec),
                *checks.check_rows_order(sheet, spec),
                *checks.check_within_period(
                    sheet,
                    spec,
                    undertaking_values.get("period_start"),
                    undertaking_values.get("period_end"),
                ),
            ],
        )
        if not _has_error(found[name][1]):  # made now, while the largest sheet is being read
            records[name] = _build_records(sheet)
    parsed: dict[str, ParsedSheet] = {}
    for name, spec in specs.items():
        if name in found:
            parsed[name], sheet_issues = found[name]
            issues += sheet_issues
        elif not spec.optional:
            issues.append(_missing_sheet(spec, sheets.sheet_names))
    issues += checks.check_references(parsed, contract)
    if "Impacts" in parsed:
        issues += checks.check_topic_fit(parsed["Impacts"], rulebook)
    if "Narratives" in parsed:
        answered = {dp.id: dp.data_type for dp in narrative_datapoints(rulebook_id) if dp.answered}
        issues += checks.check_narrative_answers(parsed["Narratives"], answered)
        issues += checks.check_narrative_rulebook(parsed["Narratives"], rulebook_id)
    settings = _read_settings(sheets, contract, ctx, issues)
    issues += _unknown_sheets(sheets, contract)

    issues = sort_issues(issues, contract.sheet_names)
    workbook = None
    if not _has_error(issues):
        workbook = _build_workbook(
            path, package.sha256, undertaking_values, undertaking_cells, records, settings
        )
    return ReadResult(path=str(path), sha256=package.sha256, issues=issues, workbook=workbook)


def _unknown_sheets(sheets: _Sheets, contract: Contract) -> list[Issue]:
    known = {normalise(name) for name in contract.sheet_names} | set(README_SHEETS)
    return [
        Issue(
            code="unknown-sheet",
            severity=Severity.INFO,
            message="not a sheet of the contract (ignored)",
            sheet=name,
        )
        for name in sheets.sheet_names
        if normalise(name) not in known
    ]


def _build_workbook(
    path: Path,
    sha256: str,
    undertaking_values: dict[str, object],
    undertaking_cells: dict[str, str],
    records: dict[str, tuple],
    settings: Settings,
) -> Workbook:
    undertaking = None
    if undertaking_values:
        undertaking = Undertaking.model_validate(
            {
                **undertaking_values,
                "cells": {
                    name: CellRef(sheet="Undertaking", cell=cell)
                    for name, cell in undertaking_cells.items()
                },
            }
        )
    return Workbook(
        path=str(path),
        sha256=sha256,
        undertaking=undertaking,
        settings=settings,
        **{ROW_MODELS[name][1]: rows for name, rows in records.items()},
    )
