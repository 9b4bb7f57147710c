"""Files of the assess stage: assessment.xlsx, matrix.svg and matrix.png."""

from __future__ import annotations

from pathlib import Path

from esrs_s3.assess.assessment import Assessment
from esrs_s3.assess.matrix import matrix_png, matrix_svg
from esrs_s3.assess.report import build_report
from esrs_s3.fileio import save_xlsx

OUTPUTS = ("assessment.xlsx", "matrix.svg", "matrix.png")


def assessment_writers(assessment: Assessment, svg: bytes | None = None) -> dict:
    """Writers for `esrs_s3.fileio.write_outputs`, one per file name (`svg`: already drawn)."""
    return {
        "assessment.xlsx": lambda path: save_xlsx(build_report(assessment), path),
        "matrix.svg": lambda path: Path(path).write_bytes(svg or matrix_svg(assessment)),
        "matrix.png": lambda path: Path(path).write_bytes(matrix_png(assessment)),
    }
