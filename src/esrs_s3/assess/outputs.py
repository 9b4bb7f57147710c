"""Files of the assess stage: assessment.xlsx, matrix.svg and matrix.png."""

from __future__ import annotations

from esrs_s3.assess.assessment import Assessment
from esrs_s3.assess.matrix import matrix_images
from esrs_s3.assess.report import build_report
from esrs_s3.fileio import xlsx_bytes

OUTPUTS = ("assessment.xlsx", "matrix.svg", "matrix.png")


def assessment_files(
    assessment: Assessment, images: tuple[bytes, bytes] | None = None
) -> dict[str, bytes]:
    """File name -> bytes of the assess stage's outputs (`images`: SVG and PNG if drawn)."""
    svg, png = images or matrix_images(assessment)
    return {
        "assessment.xlsx": xlsx_bytes(build_report(assessment)),
        "matrix.svg": svg,
        "matrix.png": png,
    }
