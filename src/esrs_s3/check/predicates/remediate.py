"""OECD step 6, provide for or cooperate in remediation: G09-G11."""

from __future__ import annotations

from esrs_s3.check.predicates.cite import cell, cells, first_row, row_hits
from esrs_s3.check.predicates.common import nothing_on_sheet, sells_misusable_products
from esrs_s3.check.predicates.context import GapContext, Hit
from esrs_s3.check.predicates.wording import addresses_downstream
from esrs_s3.disclose.composer import Status
from esrs_s3.disclose.text import listing


def no_grievance_channel(ctx: GapContext, none_in_place: str) -> list[Hit]:
    channels = ctx.workbook.channels
    hits = nothing_on_sheet(ctx, channels, none_in_place, "Channels")
    fields = ctx.params["text_fields"]
    if (
        channels
        and sells_misusable_products(ctx)
        and not any(addresses_downstream(ctx, ch, fields) for ch in channels)
    ):
        hits.append(
            Hit(
                rows=tuple(ch.id for ch in channels),
                cells=cells(channels, "available_to", "remedy_approach"),
                fields={"channels": listing([f"{ch.id} {ch.name}" for ch in channels])},
                variant="downstream",
            )
        )
    return hits


def channel_without_tracking_trust_or_protection(ctx: GapContext) -> list[Hit]:
    def check(ch) -> list[tuple[str, tuple[str, ...]]]:
        found = []
        if not ch.tracks_issues:
            found.append(("the issues raised are not tracked", (cell(ch, "tracks_issues"),)))
        if not ch.trust_assessed:
            found.append(
                (
                    "whether communities know and trust it is not assessed",
                    (cell(ch, "trust_assessed"),),
                )
            )
        if not ch.anti_retaliation:
            found.append(
                ("its users are not protected against retaliation", (cell(ch, "anti_retaliation"),))
            )
        return found

    return row_hits(ctx.workbook.channels, check, "channel", "name")


def actual_impact_without_remedy(ctx: GapContext, remedy_approach: str) -> list[Hit]:
    wb = ctx.workbook
    kinds = ctx.params["remedy_action_types"]
    remedied = {i for a in wb.actions if a.action_type in kinds for i in a.impacts}
    remedied |= {i for inc in wb.incidents if inc.remedy_provided for i in inc.impacts}
    words = ctx.params["involvement_words"]
    hits = [
        Hit(
            rows=(iro.id,),
            cells=(cell(iro, "status"), cell(iro, "involvement")),
            fields={
                "iro": iro.id,
                "name": iro.title,
                "involvement": words.get(iro.involvement, iro.involvement),
            },
        )
        for iro in ctx.material_negative
        if iro.status == "actual"
        and iro.involvement in ctx.params["involvements"]
        and iro.id not in remedied
    ]
    if ctx.status(remedy_approach) == Status.MISSING:
        hits.append(
            Hit(
                rows=tuple(ch.id for ch in wb.channels),
                cells=cells(wb.channels, "remedy_approach") or (first_row("Channels"),),
                variant="approach",
            )
        )
    return hits
