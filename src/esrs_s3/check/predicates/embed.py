"""OECD step 1, embed responsible business conduct into policies: G01-G05, G28."""

from __future__ import annotations

from esrs_s3.check.predicates.cite import cell, cells, first_row, row_hits
from esrs_s3.check.predicates.common import uncovered
from esrs_s3.check.predicates.context import GapContext, Hit
from esrs_s3.check.predicates.wording import blank, mentions
from esrs_s3.disclose.composer import Status
from esrs_s3.disclose.text import listing


def iros_without_policy(ctx: GapContext, reasons: str) -> list[Hit]:
    return uncovered(ctx, ctx.workbook.policies, reasons, "Policies")


def policies_without_human_rights_reference(ctx: GapContext) -> list[Hit]:
    hits = []
    for p in ctx.workbook.policies:
        if p.references_ungp or p.references_oecd or p.references_ilo:
            continue
        rights = [i for i in p.impacts if i in ctx.iros and ctx.iros[i].human_rights]
        if rights:
            hits.append(
                Hit(
                    rows=(p.id,),
                    cells=cells([p], "references_ungp", "references_oecd", "references_ilo"),
                    fields={"policy": p.id, "name": p.name, "iros": listing(rights)},
                )
            )
    return hits


def policies_without_senior_owner(ctx: GapContext) -> list[Hit]:
    senior = ctx.params["senior_roles"]

    def check(p) -> list[tuple[str, tuple[str, ...]]]:
        found = []
        if blank(p.approved_by):
            found.append(("no approval by management is recorded", (cell(p, "approved_by"),)))
        if blank(p.accountable_role) or not mentions(p.accountable_role, senior):
            found.append(
                (
                    f"the accountable role ({p.accountable_role or 'none'}) is not a senior one",
                    (cell(p, "accountable_role"),),
                )
            )
        return found

    return row_hits(ctx.workbook.policies, check, "policy", "name")


def policies_not_public(ctx: GapContext) -> list[Hit]:
    def check(p) -> list[tuple[str, tuple[str, ...]]]:
        found = []
        if not p.public:
            found.append(("it is not public", (cell(p, "public"),)))
        if blank(p.communication):
            found.append(
                (
                    "how it is communicated to the people concerned is not recorded",
                    (cell(p, "communication"),),
                )
            )
        return found

    return row_hits(ctx.workbook.policies, check, "policy", "name")


def indigenous_peoples_without_provisions(ctx: GapContext, provisions: str) -> list[Hit]:
    wb = ctx.workbook
    types, topics = ctx.params["community_types"], ctx.params["sub_topics"]
    affected = [
        i
        for i in wb.impacts
        if i.kind == "negative impact" and (i.community_type in types or i.sub_topic in topics)
    ]
    if not affected:
        return []
    material = [i for i in affected if i.id in ctx.material_ids]
    ids = listing([i.id for i in material])
    why = tuple(
        cell(i, "community_type" if i.community_type in types else "sub_topic") for i in material
    )
    hits = []
    if material and ctx.status(provisions) == Status.MISSING:
        hits.append(
            Hit(
                rows=tuple(i.id for i in material) + tuple(p.id for p in wb.policies),
                cells=why
                + (cells(wb.policies, "indigenous_peoples_provisions") or (first_row("Policies"),)),
                fields={"iros": ids},
            )
        )
    answered = [e for e in wb.engagement if e.fpic in ("yes", "no")]
    if material and ctx.full and not answered:
        hits.append(
            Hit(
                rows=tuple(i.id for i in material) + tuple(e.id for e in wb.engagement),
                cells=why + (cells(wb.engagement, "fpic") or (first_row("Engagement"),)),
                fields={"iros": ids},
                variant="fpic",
            )
        )
    affected_ids = {i.id for i in affected}
    for e in wb.engagement:
        concerned = [i for i in e.impacts if i in affected_ids]
        if e.fpic == "no" and (concerned or not e.impacts):
            hits.append(
                Hit(
                    rows=(e.id, *concerned),
                    cells=(cell(e, "fpic"),),
                    fields={
                        "engagement": e.id,
                        "iros": listing(concerned or sorted(affected_ids)),
                    },
                    variant="fpic-not-sought",
                )
            )
    return hits


def policy_inside_broader_code(ctx: GapContext) -> list[Hit]:
    code, refs = ctx.params["code_words"], ctx.params["reference_words"]
    return [
        Hit(
            rows=(p.id,),
            cells=cells([p], "name", *ctx.params["fields"]),
            fields={"policy": p.id, "name": p.name},
        )
        for p in ctx.workbook.policies
        if mentions(p.name, code)
        and not any(mentions(getattr(p, f), refs) for f in ctx.params["fields"])
    ]
