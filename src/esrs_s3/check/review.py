"""HTML pages for the reporting team and the assurer (kept apart from the published statement)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from esrs_s3.check.coverage import CoverageRow
from esrs_s3.resources import templates_dir


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(templates_dir() / "review")),
        autoescape=True,
        undefined=StrictUndefined,
    )


def coverage_html(
    rows: tuple[CoverageRow, ...],
    undertaking: str,
    period_end: str,
    rulebook: str,
    sha256: str,
    anchors: Mapping[str, str],
) -> bytes:
    """The coverage matrix as a page; `anchors` says where each fact id is read in the
    statement (see `Fact.anchor`)."""
    counts = sorted(Counter(row.status for row in rows).items())
    html = (
        environment()
        .get_template("coverage.html.j2")
        .render(
            rows=rows,
            anchors=anchors,
            counts=counts,
            undertaking=undertaking,
            period_end=period_end,
            rulebook=rulebook,
            sha256=sha256,
            columns=(
                "id",
                "paragraph",
                "datapoint",
                "status",
                "value",
                "source cells",
                "fact ids",
                "gaps",
                "note",
            ),
        )
    )
    return html.encode("utf-8")
