"""Files of the assess stage: assessment.xlsx, matrix.svg and matrix.png."""

from __future__ import annotations

from esrs_s3.assess.assessment import Assessment
from esrs_s3.assess.matrix import matrix_png, matrix_svg
from esrs_s3.assess.report import build_report
from esrs_s3.fileio import xlsx_bytes

OUTPUTS = ("assessment.xlsx", "matrix.svg", "matrix.png")


def assessment_files(assessment: Assessment, svg: bytes | None = None) -> dict[str, bytes]:
    """File name -> bytes of the assess stage's outputs (`svg`: the matrix if already drawn)."""
    return {
        "assessment.xlsx": xlsx_bytes(build_report(assessment)),
        "matrix.svg": svg or matrix_svg(assessment),
        "matrix.png": matrix_png(assessment),
    }
