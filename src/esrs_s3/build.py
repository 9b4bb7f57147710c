"""`esrs-s3 build`: validate -> assess -> map -> render -> check, then write every output or
none. All files are made in memory first, reconciled and hashed into the manifest."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from esrs_s3.assess import Assessment, assess
from esrs_s3.assess.matrix import matrix_images
from esrs_s3.assess.outputs import assessment_files
from esrs_s3.assess.parameters import Value, parse_overrides
from esrs_s3.check.completeness import Completeness, completeness
from esrs_s3.check.coverage import (
    CoverageRow,
    coverage_csv,
    coverage_rows,
    coverage_workbook,
    reconcile,
)
from esrs_s3.check.gaps import Finding, find_gaps
from esrs_s3.check.gaps_report import gaps_html, gaps_json, gaps_workbook
from esrs_s3.check.manifest import manifest_json
from esrs_s3.check.review import coverage_html
from esrs_s3.disclose.catalogue import load_catalogue
from esrs_s3.disclose.mapping import Statement, compose_statement
from esrs_s3.errors import EsrsS3Error
from esrs_s3.fileio import write_files, xlsx_bytes, zip_bytes
from esrs_s3.ingest import Limits, ReadResult, read_workbook
from esrs_s3.render.package import report_package
from esrs_s3.render.pdf import printed_pdf, render_pdf
from esrs_s3.render.xhtml import render_xhtml
from esrs_s3.rulebook import check_rulebook, chosen_by, with_rulebook

STAGES = ("read and validate", "assess", "map", "render XHTML", "render PDF", "check", "write")
STATEMENT = "statement.xhtml"
PDF = "statement.pdf"
PACKAGE = "report-package.zip"
MANIFEST = "manifest.json"
PACK = "assurer-pack.zip"
PACK_CONTENTS = (
    PACKAGE,
    PDF,
    "coverage.xlsx",
    "coverage.csv",
    "coverage.html",
    "gaps.xlsx",
    "gaps.json",
    "gaps.html",
    "gaps.pdf",
    MANIFEST,
)


class NotFinal(EsrsS3Error):
    """`--final` was asked for, but the statement is still a draft; nothing was written."""

    def __init__(self, completeness: Completeness) -> None:
        super().__init__(f"the statement is a draft: {completeness.draft}; nothing was built")
        self.completeness = completeness


class InvalidWorkbook(EsrsS3Error):
    """The workbook has errors (or lacks what a statement needs); nothing was built."""

    def __init__(self, result: ReadResult, reason: str) -> None:
        super().__init__(reason)
        self.result = result


@dataclass
class BuildResult:
    files: list[Path]
    statement: Statement
    assessment: Assessment
    coverage: tuple[CoverageRow, ...]
    findings: tuple[Finding, ...]
    completeness: Completeness
    timings: dict[str, float] = field(default_factory=dict)
    rulebook_chosen_by: str = ""
    pages: int = 0  # of statement.pdf  # --rulebook, the Undertaking cell, or the period's default


class _Clock:
    """Seconds per stage, and the progress callback."""

    def __init__(self, progress: Callable[[str], None] | None) -> None:
        self.progress = progress
        self.timings: dict[str, float] = {}
        self.current: str | None = None
        self.start = time.perf_counter()

    def stage(self, name: str | None) -> None:
        now = time.perf_counter()
        if self.current is not None:
            self.timings[self.current] = now - self.start
        self.current, self.start = name, now
        if name and self.progress:
            self.progress(name)


def build_statement(
    workbook: str | Path,
    output: str | Path,
    overrides: Mapping[str, Value] | None = None,
    limits: Limits | None = None,
    progress: Callable[[str], None] | None = None,
    pack: bool = False,
    extra_files: Callable[[dict[str, bytes]], dict[str, bytes]] | None = None,
    final: bool = False,
    *,
    settings: Sequence[str] = (),
    rulebook: str | None = None,
) -> BuildResult:
    """Build every output of one workbook into `output` (all files or none).

    `extra_files` may add files computed from the others before the pack is made (the Arelle
    log of `--taxonomy`). With `final`, a statement that is still a draft (a mandatory
    datapoint missing, an error-level disclosure gap open) raises NotFinal.

    `rulebook` (`--rulebook`) replaces the workbook's `Undertaking!rulebook`; an unknown id
    raises UnknownRulebook before the workbook is read. `settings` are `--set NAME=VALUE`
    texts, parsed against the rulebook used (BadOverride) and applied over `overrides`."""
    if rulebook:
        check_rulebook(rulebook)
    clock = _Clock(progress)
    clock.stage(STAGES[0])
    result = read_workbook(workbook, limits, rulebook)
    if not result.ok:
        raise InvalidWorkbook(result, "the workbook has errors; nothing was built")
    book = result.workbook
    if book.undertaking is None:
        raise InvalidWorkbook(result, "the Undertaking sheet is empty; a statement needs it")
    book = with_rulebook(book, rulebook)
    if settings:
        parsed = parse_overrides(list(settings), book.undertaking.rulebook)
        overrides = {**(overrides or {}), **parsed}
    clock.stage("assess")
    assessment = assess(book, overrides)
    images = matrix_images(assessment)
    clock.stage("map")
    statement = compose_statement(book, assessment, images[0])
    findings = find_gaps(book, assessment, statement)
    catalogue = load_catalogue(assessment.rulebook)
    state = completeness(catalogue, statement.results, findings)
    if final and not state.complete:
        raise NotFinal(state)
    document = statement.document.model_copy(update={"draft": state.draft})
    statement = statement.model_copy(update={"document": document})
    clock.stage("render XHTML")
    xhtml = render_xhtml(statement.document)
    clock.stage("render PDF")
    end = book.undertaking.period_end
    stamp = dt.datetime(end.year, end.month, end.day, tzinfo=dt.UTC)
    pdf, pages = printed_pdf(xhtml, stamp)
    files: dict[str, bytes] = {
        STATEMENT: xhtml,
        PDF: pdf,
        PACKAGE: report_package(statement.document, xhtml),
    }
    clock.stage("check")
    touched: dict[str, list[str]] = {}
    for finding in findings:
        for dp in finding.datapoints:
            touched.setdefault(dp, []).append(finding.rule)
    rows = coverage_rows(catalogue, statement.results, touched)
    reconcile(rows, xhtml, catalogue)
    u = book.undertaking
    review = gaps_html(findings, u.name, u.period_end.isoformat())
    files |= {
        "gaps.json": gaps_json(findings, book.sha256),
        "gaps.xlsx": xlsx_bytes(gaps_workbook(findings)),
        "gaps.html": review,
        "gaps.pdf": render_pdf(review, stamp, attachment_name=None),
        "coverage.xlsx": xlsx_bytes(coverage_workbook(rows)),
        "coverage.csv": coverage_csv(rows),
        "coverage.html": coverage_html(
            rows,
            u.name,
            u.period_end.isoformat(),
            assessment.rulebook,
            book.sha256,
            {f.id: f.anchor for f in statement.document.facts},
        ),
        **assessment_files(assessment, images),
    }
    if extra_files:
        files |= extra_files(files)
    files[MANIFEST] = manifest_json(Path(workbook).name, assessment, files)
    if pack:
        files[PACK] = zip_bytes({name: files[name] for name in _pack_names(files)})
    clock.stage("write")
    written = write_files(output, files)
    clock.stage(None)
    return BuildResult(
        files=written,
        statement=statement,
        assessment=assessment,
        coverage=rows,
        findings=findings,
        completeness=state,
        timings=clock.timings,
        rulebook_chosen_by=chosen_by(book, rulebook),
        pages=pages,
    )


def _pack_names(files: dict[str, bytes]) -> list[str]:
    names = [n for n in PACK_CONTENTS if n in files]
    names += sorted(n for n in files if n.startswith(("gaps.", "arelle")) and n not in names)
    return names
