"""OECD step 4, track implementation and results: G13, G15, G16."""

from __future__ import annotations

from esrs_s3.check.predicates.cite import cell, cells, first_row, row_hits
from esrs_s3.check.predicates.context import GapContext, Hit
from esrs_s3.check.predicates.wording import blank, named


def actions_without_effectiveness_tracking(ctx: GapContext) -> list[Hit]:
    return [
        Hit(
            rows=(a.id,),
            cells=(cell(a, "effectiveness_tracking"),),
            fields={"action": a.id, "name": a.title},
        )
        for a in ctx.workbook.actions
        if blank(a.effectiveness_tracking)
    ]


def no_targets_statement(ctx: GapContext) -> list[Hit]:
    wb = ctx.workbook
    if wb.targets:
        return []
    hits = []
    missing = ctx.missing()
    if missing:
        hits.append(
            Hit(
                cells=(first_row("Targets"),),
                fields={"datapoints": named(ctx, missing)},
                datapoints=tuple(missing),
            )
        )
    if ctx.assessment.s3_material and not any(a.effectiveness_tracking for a in wb.actions):
        hits.append(
            Hit(
                rows=tuple(a.id for a in wb.actions),
                cells=(first_row("Targets"), *cells(wb.actions, "effectiveness_tracking")),
                variant="untracked",
            )
        )
    return hits


def targets_without_baseline_or_involvement(ctx: GapContext) -> list[Hit]:
    def check(t) -> list[tuple[str, tuple[str, ...]]]:
        found = []
        gaps = [n for n in ("baseline_value", "baseline_year") if getattr(t, n) is None]
        if gaps:
            what = "baseline value and base year" if len(gaps) == 2 else gaps[0].replace("_", " ")
            found.append((f"no {what}", cells([t], *gaps)))
        if not t.communities_involved:
            found.append(
                ("it was set without affected communities", (cell(t, "communities_involved"),))
            )
        return found

    return row_hits(ctx.workbook.targets, check, "target", "title")
