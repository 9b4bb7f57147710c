"""Conditions that rules of different due-diligence steps share."""

from __future__ import annotations

from collections.abc import Sequence

from esrs_s3.check.predicates.cite import cell, first_row
from esrs_s3.check.predicates.context import STATED, GapContext, Hit
from esrs_s3.disclose.composer import Status
from esrs_s3.models import Record


def uncovered(ctx: GapContext, rows: Sequence[Record], reasons: str, sheet: str) -> list[Hit]:
    """Material negative impacts listed by no row of `rows` (policies or actions); `reasons` is
    the datapoint of the ESRS 2 ¶62 reasons for adopting none."""
    covered = {i for row in rows for i in row.impacts}
    level = ctx.params.get("matter_level", "sub_topic")
    matters = {getattr(ctx.iros[i], level) for i in covered if i in ctx.iros}
    # an empty sheet always gets the ESRS 2 ¶62 "none adopted" statement; `reasons` is the
    # datapoint of its reasons (disclosed when the Narratives sheet gives them)
    stated = not rows or ctx.status(reasons) in STATED
    hits = []
    for iro in ctx.material_negative:
        if iro.id in covered:
            continue
        matter = getattr(iro, level)
        fields = {"iro": iro.id, "name": iro.title, "matter": matter, "context": ""}
        where = (cell(iro, "id"),)
        if not stated and matter not in matters:
            hits.append(Hit(rows=(iro.id,), cells=where, fields=fields))
            continue
        if not rows:
            fields["context"] = "; the statement says that none has been adopted" + (
                "" if ctx.status(reasons) in STATED else f", without reasons ({reasons})"
            )
            where += (first_row(sheet),)
        elif matter in matters:
            fields["context"] = f", though others cover impacts on {matter}"
        hits.append(Hit(rows=(iro.id,), cells=where, fields=fields, variant="practice"))
    return hits


def nothing_on_sheet(
    ctx: GapContext, rows: Sequence[Record], none_in_place: str, sheet: str
) -> list[Hit]:
    """An empty sheet: the main hit when the statement does not say that none is in place (the
    datapoint `none_in_place` is missing), the "practice" hit when it does."""
    if rows:
        return []
    negative = [i for i in ctx.workbook.impacts if i.kind == "negative impact"]
    where = (first_row(sheet),)
    if ctx.status(none_in_place) == Status.MISSING:
        return [Hit(cells=where, fields={"count": len(negative)})]
    if negative:
        return [Hit(cells=where, fields={"count": len(negative)}, variant="practice")]
    return []


def sells_misusable_products(ctx: GapContext) -> bool:
    u = ctx.workbook.undertaking
    return u is not None and u.products_with_misuse_risk is True
