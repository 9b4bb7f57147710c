"""What the pages show, taken from `build_statement`'s result as it is (no logic of its own).

The one thing computed here is presentation: where each IRO's point sits in matrix.svg, so
that a transparent layer over the image can show the IRO's scores and reason on hover and
click. The points' places come from the matrix's own layout (`assess.matrix.point_positions`) and
the SVG's axis ticks; when the SVG cannot be read that way the page keeps the table only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from defusedxml.ElementTree import fromstring

from esrs_s3.assess.matrix import point_positions
from esrs_s3.build import BuildResult
from esrs_s3.check.gaps_report import by_step, counts
from esrs_s3.web.store import OUTPUT_NAMES

SVG = "{http://www.w3.org/2000/svg}"
DESCRIPTIONS = {
    "statement.pdf": "the statement, PDF/A-3b",
    "statement.xhtml": "the statement, Inline XBRL",
    "report-package.zip": "ESEF-style report package",
    "coverage.xlsx": "coverage matrix, Excel",
    "coverage.csv": "coverage matrix, CSV",
    "coverage.html": "coverage matrix, web page",
    "gaps.xlsx": "gap findings, Excel",
    "gaps.json": "gap findings, JSON",
    "gaps.html": "gap report, web page",
    "gaps.pdf": "gap report, PDF",
    "manifest.json": "SHA-256 of input and outputs, parameters",
    "assessment.xlsx": "materiality assessment",
    "matrix.svg": "materiality matrix, SVG",
    "matrix.png": "materiality matrix, PNG",
    "assurer-pack.zip": "assurer pack",
}


@dataclass(frozen=True)
class Axes:
    """The SVG's view box and the linear maps from scores to SVG coordinates (from its ticks)."""

    width: float
    height: float
    x: tuple[float, float]  # svg x = a + b * financial score
    y: tuple[float, float]  # svg y = a + b * impact score

    def place(self, point: tuple[float, float]) -> tuple[float, float]:
        return (
            round(self.x[0] + self.x[1] * point[0], 2),
            round(self.y[0] + self.y[1] * point[1], 2),
        )


def _ticks(root, prefix: str, coordinate: str) -> list[tuple[float, float]]:
    ticks = []
    for group in root.iter(f"{SVG}g"):
        if not group.get("id", "").startswith(prefix):
            continue
        use = next(group.iter(f"{SVG}use"), None)
        text = next(group.iter(f"{SVG}text"), None)
        if use is None or text is None or not (text.text or "").strip():
            continue
        value = float(text.text.strip().replace("\u2212", "-"))
        ticks.append((value, float(use.get(coordinate))))
    return ticks


def _line(ticks: list[tuple[float, float]]) -> tuple[float, float]:
    (v0, c0), (v1, c1) = ticks[0], ticks[-1]
    slope = (c1 - c0) / (v1 - v0)
    return c0 - slope * v0, slope


def matrix_axes(svg: bytes) -> Axes | None:
    """Read the view box and the axes of matrix.svg; None when they cannot be found."""
    try:
        root = fromstring(svg)
        _, _, width, height = (float(v) for v in root.get("viewBox").split())
        x_ticks = _ticks(root, "xtick_", "x")
        y_ticks = _ticks(root, "ytick_", "y")
        if len(x_ticks) < 2 or len(y_ticks) < 2:
            return None
        return Axes(width, height, _line(x_ticks), _line(y_ticks))
    except (AttributeError, TypeError, ValueError, ZeroDivisionError, SyntaxError):
        return None


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}".rstrip("0").rstrip(".")


def iro_rows(result: BuildResult, axes: Axes | None) -> list[dict]:
    assessment = result.assessment
    places = point_positions(assessment) if axes else [None] * len(assessment.iros)
    rows = []
    for index, (item, place) in enumerate(zip(assessment.iros, places, strict=True)):
        iro, scores = item.iro, item.scores
        rows.append(
            {
                "index": index,
                "id": iro.id,
                "title": iro.title,
                "kind": iro.kind,
                "status": iro.status,
                "sub_topic": iro.sub_topic,
                "sub_sub_topic": iro.sub_sub_topic,
                "human_rights": iro.human_rights,
                "cell": str(iro.cell("id")),
                "severity": _number(scores.severity),
                "likelihood": "–" if scores.likelihood_used is None else scores.likelihood_used,
                "factor": _number(scores.likelihood_factor),
                "impact": _number(scores.impact_score),
                "financial": _number(scores.financial_score),
                "material": item.material,
                "impact_material": item.decision.impact_material,
                "financial_material": item.decision.financial_material,
                "margin": _number(item.margin),
                "reason": item.reason,
                "lens_notes": item.lens_notes,
                "place": axes.place(place) if axes and place else None,
            }
        )
    return rows


def result_view(result: BuildResult, filename: str, output_dir: Path) -> dict:
    """Everything the result page shows, as plain values."""
    document = result.statement.document
    assessment = result.assessment
    svg = output_dir / "matrix.svg"
    axes = matrix_axes(svg.read_bytes()) if svg.is_file() else None
    statuses = Counter(row.status for row in result.coverage)
    parameters = {p.name: p for p in assessment.parameters.used}
    return {
        "filename": filename,
        "undertaking": document.undertaking,
        "lei": document.lei,
        "period_start": document.period_start,
        "period_end": document.period_end,
        "rulebook": assessment.rulebook,
        "thresholds": [parameters[n] for n in ("impact_threshold", "financial_threshold")],
        "iros": iro_rows(result, axes),
        "material_count": len(assessment.material_iros),
        "s3_material": assessment.s3_material,
        "axes": axes,
        "rollup": assessment.rollup.topics,
        "gap_groups": by_step(result.findings),
        "gap_counts": counts(result.findings),
        "gap_total": len(result.findings),
        "coverage": result.coverage,
        "statuses": sorted(statuses.items()),
        "draft": result.completeness.draft,
        "downloads": [
            (name, DESCRIPTIONS[name], (output_dir / name).stat().st_size)
            for name in OUTPUT_NAMES
            if (output_dir / name).is_file()
        ],
    }
