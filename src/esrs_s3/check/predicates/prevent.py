"""OECD step 3, cease, prevent and mitigate adverse impacts: G12, G14, G26."""

from __future__ import annotations

from esrs_s3.check.predicates.cite import cell, cells, row_hits
from esrs_s3.check.predicates.common import uncovered
from esrs_s3.check.predicates.context import GapContext, Hit
from esrs_s3.check.predicates.wording import blank, mentions


def iros_without_action(ctx: GapContext, reasons: str) -> list[Hit]:
    return uncovered(ctx, ctx.workbook.actions, reasons, "Actions")


def actions_without_scope_or_resources(ctx: GapContext) -> list[Hit]:
    def check(a) -> list[tuple[str, tuple[str, ...]]]:
        found = []
        if blank(a.value_chain_scope):
            found.append(("its scope is not stated", (cell(a, "value_chain_scope"),)))
        money = ctx.params["money_fields"]
        if all(getattr(a, f) is None for f in money):
            found.append(("no resources (CapEx or OpEx) are stated", cells([a], *money)))
        return found

    return row_hits(ctx.workbook.actions, check, "action", "title")


def linked_impacts_without_leverage(ctx: GapContext) -> list[Hit]:
    wb = ctx.workbook
    exits = ctx.params["exit_words"]
    hits = []
    for iro in ctx.material_negative:
        if iro.involvement not in ctx.params["involvements"]:
            continue
        actions = [a for a in wb.actions if iro.id in a.impacts]
        leverage = any(not blank(a.leverage_used) for a in actions)
        exit_ = any(mentions(f"{a.description} {a.leverage_used or ''}", exits) for a in actions)
        screened = any(iro.id in s.impacts for s in wb.screening)
        if not (leverage or exit_ or screened):
            hits.append(
                Hit(
                    rows=(iro.id, *(a.id for a in actions)),
                    cells=(cell(iro, "involvement"), *cells(actions, "leverage_used")),
                    fields={"iro": iro.id, "name": iro.title},
                )
            )
    return hits
