"""OECD step 2, identify and assess adverse impacts: G08, G17-G22, G24, G27."""

from __future__ import annotations

from esrs_s3.check.predicates.cite import cell, cells, first_row, problems, undertaking_cells
from esrs_s3.check.predicates.common import sells_misusable_products
from esrs_s3.check.predicates.context import GapContext, Hit
from esrs_s3.check.predicates.wording import addresses_downstream, blank, named, number
from esrs_s3.disclose.composer import Status
from esrs_s3.disclose.text import listing


def no_insight_into_vulnerable_groups(ctx: GapContext) -> list[Hit]:
    rows = ctx.workbook.engagement
    hits = [
        Hit(
            rows=(e.id,), cells=(cell(e, "vulnerable_groups_insight"),), fields={"engagement": e.id}
        )
        for e in rows
        if blank(e.vulnerable_groups_insight)
    ]
    missing = ctx.missing()
    if missing:
        hits.append(
            Hit(
                rows=tuple(e.id for e in rows),
                cells=cells(rows, "vulnerable_groups_insight") or (first_row("Engagement"),),
                fields={"datapoints": named(ctx, missing)},
                variant="undisclosed",
                datapoints=tuple(missing),
            )
        )
    return hits


def _logged_not_disclosed(ctx: GapContext, incidents: list, dp_id: str, flag: str) -> list[Hit]:
    status = ctx.status(dp_id)
    if not incidents or status in (Status.DISCLOSED, Status.PHASE_IN):
        return []
    return [
        Hit(
            rows=tuple(i.id for i in incidents),
            cells=cells(incidents, flag),
            fields={"incidents": listing([i.id for i in incidents]), "status": repr(status)},
        )
    ]


def severe_incidents(ctx: GapContext, disclosure: str) -> list[Hit]:
    severe = [i for i in ctx.workbook.incidents if i.severe]
    hits = _logged_not_disclosed(ctx, severe, disclosure, "severe")
    hits += [
        Hit(
            rows=(i.id,),
            cells=(cell(i, "remedy_provided"),),
            fields={"incident": i.id, "date": i.date.isoformat(), "country": i.country},
            variant="unremedied",
        )
        for i in severe
        if not i.remedy_provided
    ]
    return hits


def undisclosed_breaches(ctx: GapContext, disclosure: str) -> list[Hit]:
    cases = [i for i in ctx.workbook.incidents if i.breach_of_ungp_oecd_ilo]
    return _logged_not_disclosed(ctx, cases, disclosure, "breach_of_ungp_oecd_ilo")


def misuse_risk_unassessed(ctx: GapContext) -> list[Hit]:
    wb = ctx.workbook
    misuse = sells_misusable_products(ctx)
    hits = []
    if misuse:
        found = []
        if not any(
            i.kind == "negative impact" and i.value_chain == "downstream" for i in wb.impacts
        ):
            found.append(("no downstream negative impact is in the register", ()))
        if not wb.screening:
            found.append(("no downstream sale is screened", (first_row("Screening"),)))
        if found:
            text, where = problems(found)
            hits.append(
                Hit(
                    cells=undertaking_cells(ctx, "products_with_misuse_risk") + where,
                    fields={"problems": text},
                )
            )
    rows = {s.id: s for s in wb.screening}
    for sale in ctx.assessment.screening:
        if sale.uncovered:
            hits.append(
                Hit(
                    rows=(sale.id,),
                    cells=(sale.cell, cell(rows[sale.id], "impacts")),
                    fields={
                        "sale": sale.id,
                        "description": sale.description,
                        "country": sale.country,
                        "reason": sale.reason,
                    },
                    variant="uncovered",
                )
            )
    if misuse and wb.policies:
        flags = ctx.params["commitment_flags"]
        candidates = [p for p in wb.policies if any(getattr(p, f) for f in flags)]
        candidates = candidates or list(wb.policies)
        fields = ctx.params["text_fields"]
        if not any(addresses_downstream(ctx, p, fields) for p in candidates):
            hits += [
                Hit(
                    rows=(p.id,),
                    cells=cells([p], *ctx.params["text_fields"]),
                    fields={
                        "policy": p.id,
                        "name": p.name,
                        "scope": p.value_chain_scope or "not stated",
                    },
                    variant="policy",
                )
                for p in candidates
            ]
    return hits


def cahra_without_enhanced_due_diligence(ctx: GapContext) -> list[Hit]:
    wb = ctx.workbook
    evidence = set(ctx.params["evidence"])
    hits = []
    for country in wb.countries:
        if not country.cahra:
            continue
        code = country.country
        located = [i for i in wb.impacts if code in i.countries]
        sales = [s for s in wb.screening if s.country == code]
        incidents = [i for i in wb.incidents if i.country == code]
        if not (located or sales or incidents):
            continue
        there = {i.id for i in located if i.kind in ctx.params["evidence_kinds"]}
        done = (
            ("action" in evidence and any(there & set(a.impacts) for a in wb.actions))
            or ("engagement" in evidence and any(there & set(e.impacts) for e in wb.engagement))
            or (
                "screening" in evidence
                and any(
                    s.country == code and s.needs_review and s.covered_by
                    for s in ctx.assessment.screening
                )
            )
        )
        if done:
            continue
        presence = [
            f"{what} {listing([r.id for r in rows])}"
            for what, rows in (("impacts", located), ("sales", sales), ("incidents", incidents))
            if rows
        ]
        hits.append(
            Hit(
                rows=(code, *(r.id for r in (*located, *sales, *incidents))),
                cells=(
                    cell(country, "cahra"),
                    *cells(located, "countries"),
                    *cells(sales, "country"),
                    *cells(incidents, "country"),
                ),
                fields={"country": code, "presence": "; ".join(presence)},
            )
        )
    return hits


def human_rights_impacts_dropped_for_likelihood(ctx: GapContext) -> list[Hit]:
    params = ctx.assessment.parameters
    defaults = {p.name: p.default for p in params.used}
    ref_severity = defaults[ctx.params["severity_reference"]]
    ref_irremediability = defaults[ctx.params["irremediability_reference"]]
    threshold = params["impact_threshold"]
    settings = ctx.workbook.settings
    changed = [n for n in ctx.params["settings"] if n in settings.cells]
    hits = []
    for a in ctx.assessment.iros:
        iro, scores = a.iro, a.scores
        if not (iro.kind == "negative impact" and iro.status == "potential" and iro.human_rights):
            continue
        if scores.severity is None:
            continue
        likelihood = scores.likelihood_used or 0
        fields = {
            "iro": iro.id,
            "name": iro.title,
            "severity": number(scores.severity),
            "irremediability": iro.irremediability,
            "likelihood": f"{iro.likelihood}"
            + (f", raised to {likelihood}" if likelihood != iro.likelihood else ""),
            "impact": number(scores.impact_score),
            "threshold": number(threshold),
        }
        where = (cell(iro, "likelihood"),)
        if not a.material:
            severe = (
                scores.severity >= ref_severity or (iro.irremediability or 0) >= ref_irremediability
            )
            if severe:
                fields["settings"] = (
                    listing([f"{n} in {settings.cells[n]}" for n in changed])
                    or "the human-rights override and floor"
                )
                cited = where + tuple(str(settings.cells[n]) for n in changed)
                hits.append(Hit(rows=(iro.id,), cells=cited, fields=fields))
            elif scores.severity >= round(threshold, 6):
                hits.append(Hit(rows=(iro.id,), cells=where, fields=fields, variant="below"))
            continue
        raw = scores.severity * likelihood / 5
        if round(raw, 6) < round(threshold, 6) and not a.decision.financial_material:
            fields["raw"] = number(raw)
            hits.append(Hit(rows=(iro.id,), cells=where, fields=fields, variant="kept"))
    return hits


def dma_method_undocumented(ctx: GapContext, consultation: str) -> list[Hit]:
    missing = ctx.missing()
    if not missing:
        return []
    where = ()
    if consultation in missing and not ctx.workbook.engagement:
        where = (first_row("Engagement"),)
    return [Hit(cells=where, fields={"datapoints": named(ctx, missing)}, datapoints=tuple(missing))]


def community_types_or_incident_class_missing(ctx: GapContext) -> list[Hit]:
    missing = ctx.missing()
    if not missing:
        return []
    iros = ctx.material_negative
    return [
        Hit(
            rows=tuple(i.id for i in iros),
            cells=cells(iros, "community_type"),
            fields={"datapoints": named(ctx, missing), "count": len(iros)},
            datapoints=tuple(missing),
        )
    ]


def not_material_without_explanation(ctx: GapContext, explanation: str) -> list[Hit]:
    if ctx.regime.s3_material:
        return []
    hits = []
    status = ctx.status(explanation)
    if status != Status.DISCLOSED:
        hits.append(Hit(fields={"status": repr(status)}))
    return hits + _empty_register(ctx, variant="empty")


def not_material_on_empty_register(ctx: GapContext) -> list[Hit]:
    """S3 not material while the register holds no negative impact (a rulebook that asks for no
    explanation of a topic not material keeps only this question of G27)."""
    return _empty_register(ctx, variant="")


def _empty_register(ctx: GapContext, variant: str) -> list[Hit]:
    """S3 not material while the register holds no negative impact: a conclusion resting on no
    assessed impact."""
    impacts = ctx.workbook.impacts
    if ctx.regime.s3_material or any(i.kind == "negative impact" for i in impacts):
        return []
    return [
        Hit(
            rows=tuple(i.id for i in impacts),
            cells=cells(impacts, "kind") or (first_row("Impacts"),),
            fields={"count": len(impacts)},
            variant=variant,
        )
    ]
