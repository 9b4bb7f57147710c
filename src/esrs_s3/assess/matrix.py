"""The materiality matrix: financial score (x) against impact score (y), one labelled point per
IRO, threshold lines, colours by sub-topic. Deterministic SVG (text kept as text) and PNG."""

from __future__ import annotations

import io
import math
from collections import defaultdict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Polygon

from esrs_s3.assess.assessment import Assessment

COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")  # Okabe-Ito
MARKERS = {"negative impact": "o", "positive impact": "^", "risk": "s", "opportunity": "D"}
MAX_LABELLED = 150  # above this many IROs only a few get labels (see _labelled)
LARGE_REGISTER_LABELS = 20
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
LOW, HIGH = -0.2, 5.4  # both axes
MATERIAL_AREA = "#e1ecf6"  # light blue: impact score >= its threshold or financial >= its own
STYLE = {
    "svg.hashsalt": "esrs-s3",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "font.size": 9,
}


def point_positions(assessment: Assessment) -> list[tuple[float, float]]:
    """Coordinates with points that coincide spread on a small circle, in register order; no
    point is spread across a threshold line."""
    groups: dict[tuple[float, float], list[int]] = defaultdict(list)
    base = []
    for index, item in enumerate(assessment.iros):
        point = (item.scores.financial_score or 0.0, item.scores.impact_score or 0.0)
        base.append(point)
        groups[(round(point[0], 2), round(point[1], 2))].append(index)
    spread = list(base)
    for members in groups.values():
        if len(members) < 2:
            continue
        # a sunflower (Vogel) spiral: evenly filled disc, same layout for the same input
        radius = min(0.05 + 0.012 * len(members), 0.3)
        for rank, index in enumerate(members):
            angle = rank * GOLDEN_ANGLE
            distance = radius * math.sqrt((rank + 0.5) / len(members))
            x, y = base[index]
            dx, dy = distance * math.cos(angle), distance * math.sin(angle)
            spread[index] = (
                _same_side_of(x, dx, assessment.parameters["financial_threshold"]),
                _same_side_of(y, dy, assessment.parameters["impact_threshold"]),
            )
    return spread


def _same_side_of(value: float, offset: float, threshold: float) -> float:
    """`value` moved by `offset`, mirrored where it would cross the threshold line: a point
    at or above a threshold (material) is never drawn below it, nor one below it above."""
    if value >= threshold:
        return value + abs(offset) if value + offset < threshold else value + offset
    return value - abs(offset) if value + offset >= threshold else value + offset


def draw(assessment: Assessment):
    """The matrix as a matplotlib figure (caller closes it)."""
    with plt.rc_context(STYLE):
        figure, axes = plt.subplots(figsize=(8.0, 6.6))
        topics = list(dict.fromkeys(a.iro.sub_topic for a in assessment.iros))
        colour = {t: COLOURS[i % len(COLOURS)] for i, t in enumerate(sorted(topics))}
        positions = point_positions(assessment)
        t_imp = assessment.parameters["impact_threshold"]
        t_fin = assessment.parameters["financial_threshold"]
        axes.add_patch(  # the material area: I >= impact threshold or F >= financial threshold
            Polygon(
                [
                    (LOW, t_imp),
                    (t_fin, t_imp),
                    (t_fin, LOW),
                    (HIGH, LOW),
                    (HIGH, HIGH),
                    (LOW, HIGH),
                ],
                closed=True,
                facecolor=MATERIAL_AREA,
                edgecolor="none",
                zorder=0,
            )
        )
        axes.axhline(t_imp, color="#444444", linestyle="--", linewidth=1)
        axes.axvline(t_fin, color="#444444", linestyle="--", linewidth=1)
        groups: dict[tuple[str, str, bool], list[tuple[float, float]]] = defaultdict(list)
        for item, point in zip(assessment.iros, positions, strict=True):
            groups[(item.iro.kind, item.iro.sub_topic, item.material)].append(point)
        for (kind, topic, material), points in sorted(groups.items()):
            axes.scatter(  # one call per kind, sub-topic and decision: fast for 10k points
                [p[0] for p in points],
                [p[1] for p in points],
                marker=MARKERS[kind],
                s=46,
                color=colour[topic] if material else "white",
                edgecolors=colour[topic],
                linewidths=1.4,
                zorder=3,
            )
        axes.set_xlim(LOW, HIGH)
        axes.set_ylim(LOW, HIGH)
        labelled = _labelled(assessment)
        pairs = [
            (a, p) for a, p in zip(assessment.iros, positions, strict=True) if a.id in labelled
        ]
        column = [(a.id, p) for a, p in pairs if a.scores.financial_score is None]
        row = [
            (a.id, p)
            for a, p in pairs
            if a.scores.impact_score is None and a.scores.financial_score is not None
        ]
        rest = [
            (a.id, p)
            for a, p in pairs
            if a.scores.financial_score is not None and a.scores.impact_score is not None
        ]
        _label_column(axes, column, t_imp)
        _label_row(axes, row, t_fin)
        _place_labels(axes, rest, (t_fin, t_imp))
        axes.set_xlim(LOW, HIGH)
        axes.set_ylim(LOW, HIGH)
        axes.set_xlabel("Financial materiality (magnitude × likelihood / 5)")
        axes.set_ylabel("Impact materiality (severity × likelihood factor)")
        axes.set_title(
            f"Materiality matrix: {len(assessment.material_iros)} of {len(assessment.iros)} "
            "IROs material"
        )
        axes.text(5.35, t_imp + 0.05, f"impact threshold {t_imp:g}", ha="right", fontsize=7)
        axes.text(
            t_fin + 0.05, 5.3, f"financial threshold {t_fin:g}", rotation=90, va="top", fontsize=7
        )
        handles = [
            Line2D([], [], marker="o", linestyle="", color=colour[t], label=t)
            for t in sorted(topics)
        ]
        handles += [
            Line2D(
                [], [], marker=m, linestyle="", color="#555555", markerfacecolor="white", label=k
            )
            for k, m in MARKERS.items()
        ]
        handles.append(
            Line2D([], [], marker="o", linestyle="", color="#555555", label="filled: material")
        )
        handles.append(Patch(facecolor=MATERIAL_AREA, edgecolor="none", label="material area"))
        axes.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(1.01, 1.0),
            frameon=False,
            fontsize=7.5,
        )
        figure.tight_layout()
    return figure


LABEL_POINTS = 6.5  # label font size
LABEL_BOX = {
    "boxstyle": "square,pad=0.05",
    "facecolor": "white",
    "edgecolor": "none",
    "alpha": 0.85,
}
_OFFSETS = [
    (dx, dy)
    for r in (1, 2, 3, 4, 5, 6, 8, 10)
    for dx, dy in (
        (6 * r, 2),
        (6 * r, -9),
        (-6 * r - 30, 2),
        (-6 * r - 30, -9),
        (4, 8 * r),
        (4, -8 * r - 8),
    )
]


def _place_labels(
    axes, labels: list[tuple[str, tuple[float, float]]], thresholds: tuple[float, float]
) -> None:
    """Greedy placement in display space: each label takes the first nearby position where it
    overlaps no label and no point placed before it and stays on its point's side of both
    threshold lines (so neither the label nor its leader line crosses one); far labels get a
    thin leader line."""
    figure = axes.figure
    figure.canvas.draw()  # fixes the transform
    to_display = axes.transData.transform
    scale = figure.dpi / 72
    line_x, line_y = to_display(thresholds)
    gap = 1.5 * scale
    points = [to_display(point) for _, point in labels]
    taken: list[tuple[float, float, float, float]] = [
        (px - 4 * scale, py - 4 * scale, px + 4 * scale, py + 4 * scale) for px, py in points
    ]
    frame = axes.get_window_extent().extents
    order = sorted(range(len(labels)), key=lambda i: (-labels[i][1][1], labels[i][1][0], i))
    for index in order:
        text, point = labels[index]
        px, py = points[index]
        width = 0.6 * LABEL_POINTS * len(text) * scale
        height = LABEL_POINTS * 1.2 * scale
        chosen, fallback = _OFFSETS[0], None
        for dx, dy in _OFFSETS:
            box = _box(px, py, dx, dy, scale, width, height)
            inside = frame[0] <= box[0] and frame[1] <= box[1] and box[2] <= frame[2]
            if not (inside and box[3] <= frame[3]):
                continue
            if not _same_side(box, (px, py), line_x, line_y, gap):
                continue
            fallback = fallback or (dx, dy)
            if not any(_overlap(box, o) for o in taken):
                chosen = (dx, dy)
                break
        else:
            chosen = fallback or chosen
        dx, dy = chosen
        taken.append(_box(px, py, dx, dy, scale, width, height))
        far = abs(dx) > 12 or abs(dy) > 12
        axes.annotate(
            text,
            point,
            xytext=(dx, dy),
            textcoords="offset points",
            fontsize=LABEL_POINTS,
            color="#222222",
            zorder=4,
            arrowprops={"arrowstyle": "-", "color": "#999999", "linewidth": 0.5} if far else None,
        )


def _label_column(
    axes, labels: list[tuple[str, tuple[float, float]]], impact_threshold: float
) -> None:
    """Impacts without a financial score sit on the left edge: their labels go in two columns
    to the right, in the points' top-to-bottom order, so leader lines never cross; a label stays
    on its point's side of the impact threshold line, so neither it nor its leader crosses it."""
    ordered = sorted(labels, key=lambda item: (-item[1][1], item[0]))
    step = LABEL_POINTS * 1.35
    to_points = axes.transData.transform
    scale = axes.figure.dpi / 72
    line = to_points((0.0, impact_threshold))[1] / scale
    clear = LABEL_POINTS * 0.75  # a label's centre to the line, so the label box clears it
    lanes: tuple[list, list] = ([], [])  # (text, point, point y in points) per column
    for rank, (text, point) in enumerate(ordered):
        lanes[rank % 2].append((text, point, to_points(point)[1] / scale))
    for lane, items in enumerate(lanes):
        above = [i for i in items if i[1][1] >= impact_threshold]
        below = [i for i in items if i[1][1] < impact_threshold]
        placed = _pack_down([py for _, _, py in above], step, floor=line + clear)
        placed += _pack_down([py for _, _, py in below], step, ceiling=line - clear)
        for (text, point, py), y in zip(above + below, placed, strict=True):
            _column_label(axes, text, point, lane, y - py)


def _pack_down(
    wanted: list[float], step: float, floor: float | None = None, ceiling: float | None = None
) -> list[float]:
    """Positions for labels wanted at `wanted` (top to bottom): each at most `ceiling` and at
    least `step` below the one before; then, if that put some below `floor`, pushed back up from
    the bottom, `step` apart (they may then rise above where they were wanted, never below)."""
    placed: list[float] = []
    for y in wanted:
        y = y if ceiling is None else min(y, ceiling)
        placed.append(y if not placed else min(y, placed[-1] - step))
    if floor is not None:
        for index in range(len(placed) - 1, -1, -1):
            lowest = floor if index == len(placed) - 1 else placed[index + 1] + step
            placed[index] = max(placed[index], lowest)
    return placed


def _pack_right(
    wanted: list[float], step: float, floor: float | None = None, ceiling: float | None = None
) -> list[float]:
    """`_pack_down` along the x axis, left to right: positions at least `floor`, `step` apart,
    pushed back left from the right end if that put some beyond `ceiling`."""
    mirrored = _pack_down(
        [-x for x in wanted],
        step,
        floor=None if ceiling is None else -ceiling,
        ceiling=None if floor is None else -floor,
    )
    return [-x for x in mirrored]


def _column_label(axes, text: str, point: tuple[float, float], lane: int, dy: float) -> None:
    axes.annotate(
        text,
        point,
        xytext=(22 + 46 * lane, dy - LABEL_POINTS / 3),
        textcoords="offset points",
        fontsize=LABEL_POINTS,
        color="#222222",
        zorder=4,
        arrowprops={"arrowstyle": "-", "color": "#aaaaaa", "linewidth": 0.5},
        bbox=LABEL_BOX,
    )


def _label_row(
    axes, labels: list[tuple[str, tuple[float, float]]], financial_threshold: float
) -> None:
    """Risks and opportunities without an impact score sit on the bottom edge: their labels
    stand upright above them, left to right, on two levels, each on its point's side of the
    financial threshold line."""
    ordered = sorted(labels, key=lambda item: (item[1][0], item[0]))
    step = LABEL_POINTS * 1.35
    to_points = axes.transData.transform
    scale = axes.figure.dpi / 72
    line = to_points((financial_threshold, 0.0))[0] / scale
    clear = LABEL_POINTS * 0.75
    levels: tuple[list, list] = ([], [])
    for rank, (text, point) in enumerate(ordered):
        levels[rank % 2].append((text, point, to_points(point)[0] / scale))
    for level, items in enumerate(levels):
        left = [i for i in items if i[1][0] < financial_threshold]
        right = [i for i in items if i[1][0] >= financial_threshold]
        placed = _pack_right([px for _, _, px in left], step, ceiling=line - clear)
        placed += _pack_right([px for _, _, px in right], step, floor=line + clear)
        for (text, point, px), x in zip(left + right, placed, strict=True):
            _row_label(axes, text, point, level, x - px)


def _row_label(axes, text: str, point: tuple[float, float], level: int, dx: float) -> None:
    axes.annotate(
        text,
        point,
        xytext=(dx - LABEL_POINTS / 3, 12 + 34 * level),
        textcoords="offset points",
        rotation=90,
        fontsize=LABEL_POINTS,
        color="#222222",
        zorder=4,
        arrowprops={"arrowstyle": "-", "color": "#aaaaaa", "linewidth": 0.5},
        bbox=LABEL_BOX,
    )


def _box(
    px: float, py: float, dx: float, dy: float, scale: float, width: float, height: float
) -> tuple[float, float, float, float]:
    return (px + dx * scale, py + dy * scale, px + dx * scale + width, py + dy * scale + height)


def _same_side(
    box: tuple[float, float, float, float],
    point: tuple[float, float],
    line_x: float,
    line_y: float,
    gap: float,
) -> bool:
    """Whether `box` lies wholly on `point`'s side of both threshold lines (a point on a line
    counts as above it / right of it: it is material)."""
    px, py = point
    beside = box[0] >= line_x + gap if px >= line_x - 0.01 else box[2] <= line_x - gap
    if py >= line_y - 0.01:
        return beside and box[1] >= line_y + gap
    return beside and box[3] <= line_y - gap


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _labelled(assessment: Assessment) -> set[str]:
    """Every IRO when there are few; otherwise the closest to a threshold and the highest."""
    if len(assessment.iros) <= MAX_LABELLED:
        return {a.id for a in assessment.iros}
    ranked = sorted(
        assessment.material_iros,
        key=lambda a: (-max(a.scores.impact_score or 0, a.scores.financial_score or 0), a.id),
    )
    return set(assessment.closest) | {a.id for a in ranked[:LARGE_REGISTER_LABELS]}


def matrix_images(assessment: Assessment, dpi: int = 150) -> tuple[bytes, bytes]:
    """SVG and PNG of the matrix from one drawing (the layout is computed once)."""
    figure = draw(assessment)
    svg, png = io.BytesIO(), io.BytesIO()
    with plt.rc_context(STYLE):
        figure.savefig(svg, format="svg", metadata={"Date": None, "Creator": "esrs-s3"})
        figure.savefig(png, format="png", dpi=dpi, metadata={"Software": "esrs-s3"})
    plt.close(figure)
    return svg.getvalue(), png.getvalue()


def matrix_svg(assessment: Assessment) -> bytes:
    figure = draw(assessment)
    buffer = io.BytesIO()
    with plt.rc_context(STYLE):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "esrs-s3"})
    plt.close(figure)
    return buffer.getvalue()


def matrix_png(assessment: Assessment, dpi: int = 150) -> bytes:
    return matrix_images(assessment, dpi)[1]
