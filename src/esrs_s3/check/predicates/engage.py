"""Meaningful engagement with affected stakeholders, across the steps: G06, G07."""

from __future__ import annotations

from esrs_s3.check.predicates.cite import cell, row_hits
from esrs_s3.check.predicates.common import nothing_on_sheet
from esrs_s3.check.predicates.context import GapContext, Hit
from esrs_s3.check.predicates.wording import blank


def no_engagement_process(ctx: GapContext, none_in_place: str) -> list[Hit]:
    return nothing_on_sheet(ctx, ctx.workbook.engagement, none_in_place, "Engagement")


def engagement_without_effectiveness_check(ctx: GapContext) -> list[Hit]:
    def check(e) -> list[tuple[str, tuple[str, ...]]]:
        found = []
        if blank(e.effectiveness_assessment):
            found.append(
                (
                    "the effectiveness of the engagement is not assessed",
                    (cell(e, "effectiveness_assessment"),),
                )
            )
        if blank(e.responsible_role):
            found.append(("no responsible role is named", (cell(e, "responsible_role"),)))
        return found

    return row_hits(ctx.workbook.engagement, check, "engagement", "description")
