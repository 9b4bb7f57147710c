"""`esrs-s3 build`: validate -> assess -> map -> render, then write every output or none."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from esrs_s3.assess import Assessment, assess
from esrs_s3.assess.matrix import matrix_svg
from esrs_s3.assess.outputs import assessment_writers
from esrs_s3.assess.parameters import Value
from esrs_s3.disclose.mapping import Statement, compose_statement
from esrs_s3.errors import EsrsS3Error
from esrs_s3.fileio import write_outputs
from esrs_s3.ingest import Limits, ReadResult, read_workbook
from esrs_s3.render.package import report_package
from esrs_s3.render.pdf import render_pdf
from esrs_s3.render.xhtml import render_xhtml

STAGES = ("read and validate", "assess", "map", "render XHTML", "render PDF", "write")
STATEMENT = "statement.xhtml"
PDF = "statement.pdf"
PACKAGE = "report-package.zip"


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
    timings: dict[str, float] = field(default_factory=dict)


def build_statement(
    workbook: str | Path,
    output: str | Path,
    overrides: Mapping[str, Value] | None = None,
    limits: Limits | None = None,
    progress: Callable[[str], None] | None = None,
) -> BuildResult:
    """Build every output of one workbook into `output` (all files or none)."""
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def stage(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        if timings or name != STAGES[0]:
            timings[_previous(name)] = now - clock
        clock = now
        if progress:
            progress(name)

    stage(STAGES[0])
    result = read_workbook(workbook, limits)
    if not result.ok:
        raise InvalidWorkbook(result, "the workbook has errors; nothing was built")
    book = result.workbook
    if book.undertaking is None:
        raise InvalidWorkbook(result, "the Undertaking sheet is empty; a statement needs it")
    stage("assess")
    assessment = assess(book, overrides)
    svg = matrix_svg(assessment)
    stage("map")
    statement = compose_statement(book, assessment, svg)
    stage("render XHTML")
    xhtml = render_xhtml(statement.document)
    stage("render PDF")
    end = book.undertaking.period_end
    pdf = render_pdf(xhtml, dt.datetime(end.year, end.month, end.day, tzinfo=dt.UTC))
    package = report_package(statement.document, xhtml)
    stage("write")
    writers = {
        STATEMENT: lambda path: path.write_bytes(xhtml),
        PDF: lambda path: path.write_bytes(pdf),
        PACKAGE: lambda path: path.write_bytes(package),
        **assessment_writers(assessment, svg),
    }
    files = write_outputs(output, writers)
    timings["write"] = time.perf_counter() - clock
    return BuildResult(files=files, statement=statement, assessment=assessment, timings=timings)


def _previous(name: str) -> str:
    return STAGES[STAGES.index(name) - 1]
