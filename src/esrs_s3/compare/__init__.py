"""`esrs-s3 compare WORKBOOK -o DIR`: build the workbook under every version of ESRS its period
allows (each in `DIR/<rulebook>/`) and write compare.json, compare.xlsx and compare.html."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from esrs_s3.build import InvalidWorkbook, build_statement
from esrs_s3.compare.outputs import compare_html, compare_json, compare_workbook
from esrs_s3.compare.versions import (
    Comparison,
    changes,
    finding_changes,
    pair_rows,
    version,
)
from esrs_s3.errors import EsrsS3Error
from esrs_s3.fileio import write_files, xlsx_bytes
from esrs_s3.ingest import Limits, read_workbook
from esrs_s3.rulebook import available_rulebooks, load_rulebook

__all__ = ["Comparison", "NothingToCompare", "compare_versions", "versions_for"]


class NothingToCompare(EsrsS3Error):
    """The workbook's financial year allows one version of ESRS only."""


def versions_for(period_start) -> tuple[str, ...]:
    """The installed rulebooks that may be applied to a financial year beginning then, in the
    order of their ids (the 2023 set first)."""
    return tuple(r for r in available_rulebooks() if load_rulebook(r).may_apply(period_start))


def compare_versions(
    workbook: str | Path,
    output: str | Path,
    limits: Limits | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[Comparison, list[Path]]:
    """Build under each version the period allows, then compare. The workbook is read under
    each version first, so an error under any of them writes nothing."""
    result = read_workbook(workbook, limits)
    if not result.ok or result.workbook is None or result.workbook.undertaking is None:
        raise InvalidWorkbook(result, "the workbook has errors; nothing was compared")
    u = result.workbook.undertaking
    names = versions_for(u.period_start)
    if len(names) < 2:
        raise NothingToCompare(
            f"a financial year beginning {u.period_start} ({u.cells.get('period_start', '')}) "
            f"may be reported under {', '.join(names) or 'no installed rulebook'} only: "
            "there is nothing to compare"
        )
    for name in names:
        under = read_workbook(workbook, limits, name)
        if not under.ok:
            raise InvalidWorkbook(
                under, f"the workbook has errors under {name}; nothing was compared"
            )
    out = Path(output)
    builds = {}
    for name in names:
        if progress:
            progress(f"build under {name}")
        builds[name] = build_statement(workbook, out / name, limits=limits, rulebook=name)
    rows = pair_rows({name: b.coverage for name, b in builds.items()})
    comparison = Comparison(
        undertaking=u.name,
        period_start=u.period_start.isoformat(),
        period_end=u.period_end.isoformat(),
        input_sha256=result.sha256,
        versions=tuple(version(name, name, b) for name, b in builds.items()),
        rows=rows,
        changes=changes(rows, names[1:]),
        findings=finding_changes({name: b.findings for name, b in builds.items()}),
    )
    files = {
        "compare.json": compare_json(comparison),
        "compare.xlsx": xlsx_bytes(compare_workbook(comparison)),
        "compare.html": compare_html(comparison),
    }
    written = [p for b in builds.values() for p in b.files] + write_files(out, files)
    return comparison, written
