"""Per-item facts on the taxonomy's typed axes: one table row per IRO, policy, action and
target, linked by the 'identifiers of related ...' concepts so an assurer can walk
IRO -> policy -> action -> target (ESRS 2 SBM-3, MDR-P, MDR-A, MDR-T)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from esrs_s3.assess.assessment import decided_by
from esrs_s3.disclose.composer import Composer, Status
from esrs_s3.disclose.narratives import paragraphs
from esrs_s3.disclose.s3_sections import (
    Inputs,
    answered,
    column_text,
    concerns_indigenous_peoples,
    enum_fact,
    fill_narrative,
    item_enum,
)
from esrs_s3.disclose.text import (
    amount,
    cells,
    count,
    first_listed,
    listing,
    more,
    number_text,
    sentence,
)
from esrs_s3.models import Action, Iro, Record, Target
from esrs_s3.render.document import Block, Run

RELATED_IROS = "esrs:IdentifiersOfRelatedImpactsRisksAndOpportunities"
RELATED_POLICIES = "esrs:IdentifiersOfRelatedPolicies"
NAME_OF_POLICY = "esrs:NameOfPolicy"
NAME_OF_ACTION = "esrs:NameOfActionPlan"
NAME_OF_TARGET = "esrs:NameOfTarget"
TARGET_ABSOLUTE_VALUE = "esrs:MeasurableTargetAbsoluteValue"
TARGET_PERCENTAGE = "esrs:MeasurableTargetPercentage"
NAME_OF_IRO = "esrs:NameOfImpactRiskAndOpportunity"


def _cell(*runs: Run | str) -> tuple[Run, ...]:
    return tuple(Run(text=r) if isinstance(r, str) else r for r in runs)


def _records(
    caption: str, headers: tuple[str, ...], rows: list[tuple[tuple[Run, ...], ...]], css: str
) -> list[Block]:
    """One two-column table per item (field, value): readable in print where a wide table of
    seven or more columns is not, and each item breaks across pages on its own."""
    blocks = [Block(kind="paragraph", runs=(Run(text=caption),), css="records-title")]
    for row in rows:
        pairs = zip(headers[1:], row[1:], strict=True)
        blocks.append(
            Block(
                kind="table",
                headers=(headers[0], ""),
                rows=tuple(((Run(text=h),), cell) for h, cell in pairs),
                caption_runs=row[0],
                css=f"record {css}",
            )
        )
    return blocks


def _name(c: Composer, dp_id: str, record: Record, field: str, concept: str) -> Run:
    """The name of a policy, action, target or IRO, tagged on its typed axis."""
    return c.fact(
        dp_id,
        "text",
        getattr(record, field),
        item=record.id,
        concept=concept,
        sources=cells([record], field),
    )


def _target_level(c: Composer, dp_id: str, target: Target, field: str) -> Run:
    """A target's level or baseline: a percentage when its unit is %, else a plain number."""
    number = getattr(target, field)
    percent = target.unit.strip() == "%"
    return c.fact(
        dp_id,
        "percent" if percent else "decimal",
        number_text(number),
        value=str(Decimal(repr(number)) / 100) if percent else repr(number),
        item=target.id,
        unit="pure",
        decimals="INF",
        concept=TARGET_PERCENTAGE if percent else TARGET_ABSOLUTE_VALUE,
        sources=cells([target], field),
    )


def _with_rest(rest: int, blocks: list[Block], what: str = "items") -> list[Block]:
    if rest:
        blocks.append(Block(kind="note", runs=(Run(text=more(rest, what)),)))
    return blocks


def _link(
    c: Composer,
    dp_id: str,
    concept: str,
    ids: tuple[str, ...],
    names: dict[str, str],
    item: str,
    sources: tuple[str, ...],
) -> tuple[Run, ...]:
    """The related items of a policy, action or target: a hidden identifier list fact (the
    taxonomy's link type forbids spaces) shown as their names. Only items the statement
    describes are named (`names`): a related IRO the assessment found not material has no
    context of its own in the statement, so it is counted, not linked."""
    linked = [i for i in ids if i in names]
    others = len(ids) - len(linked)
    rest = f"{count(others, 'other')} not reported as material" if others else ""
    if not linked:
        return _cell(rest or "-")
    shown = listing([f"{names[i]} ({i})" for i in linked])
    fact = c.fact(
        dp_id,
        "text",
        shown,
        value=",".join(linked),
        item=item,
        concept=concept,
        sources=sources,
        hidden=True,
    )
    return _cell(fact, f"; {rest}" if rest else "")


def iro_table(c: Composer, data: Inputs) -> list[Block]:
    """Material IROs on the IRO typed axis: name, description and decision (SBM-3 ¶48)."""
    rows = []
    results = {a.id: a for a in data.assessment.material_iros}
    described = data.described
    rest = len(results) - len(described)
    for iro_id in described:
        result = results[iro_id]
        iro = result.iro
        dp = "SBM-3_01" if iro.is_impact else "SBM-3_02"
        name = _name(c, dp, iro, "title", NAME_OF_IRO)
        text = c.fact(
            dp,
            "textblock",
            f"{sentence(iro.description)}\n\n{result.reason}",
            item=iro.id,
            sources=cells(
                [iro], "description", *decided_by(result, data.workbook, data.assessment.parameters)
            ),
        )
        term = f"{iro.time_horizon}-term"
        horizon = (
            item_enum(c, data, "SBM-3_06", iro, "time_horizon", term)
            if iro.is_impact
            else Run(text=term)
        )
        rows.append(
            (
                _cell(iro.id),
                _cell(name),
                _cell(f"{iro.kind}, {iro.status}, {iro.value_chain}, ", horizon),
                _cell(iro.sub_sub_topic),
                _cell(text),
                _covered_by(c, data, iro),
            )
        )
    impacts = [a for a in results.values() if a.iro.is_impact]
    for n in SBM3_OF_KIND["impact"] if not impacts else ():
        c.mark(f"SBM-3_{n:02d}", Status.NOT_APPLICABLE, "no material impact")
    for n in SBM3_OF_KIND["risk"] if len(impacts) == len(results) else ():
        c.mark(f"SBM-3_{n:02d}", Status.NOT_APPLICABLE, "no material risk or opportunity")
    if not rows:
        for n in range(1, 13):  # all of SBM-3 ¶48 is about material IROs
            c.mark(f"SBM-3_{n:02d}", Status.NOT_APPLICABLE, "no material IRO")
        return []
    table = Block(
        kind="table",
        caption="Material impacts, risks and opportunities (highest scores first)",
        headers=(
            "id",
            "name",
            "kind and time horizon",
            "matter (ESRS 1 AR 16)",
            "description and decision",
            "reported under",
        ),
        rows=tuple(rows),
        css="iros",
    )
    return _with_rest(rest, [table], "material impacts, risks and opportunities")


# SBM-3 ¶48 datapoints about material impacts (a, c i-iv) and about material risks and
# opportunities (a, d, e): not applicable without a material IRO of that kind.
SBM3_OF_KIND = {"impact": (1, 4, 5, 6, 7), "risk": (2, 8, 9)}


def _covered_by(c: Composer, data: Inputs, iro: Iro) -> tuple[Run, ...]:
    """SBM-3 ¶48 h: the disclosure requirements that report a material IRO. Reported in full,
    S3's SBM-3 part describes every one, and S3-1, S3-4 and S3-5 those a policy, an action
    or a target lists; under the phase-in, BP-2 ¶17 reports them, which the taxonomy's list
    cannot say (it holds topical requirements only), so the datapoint is omitted."""
    wb = data.workbook
    if data.regime.phase_in_used:  # the taxonomy lists only topical requirements here
        c.mark(
            "SBM-3_12",
            Status.PHASE_IN,
            "the S3 requirements that would report these IROs are omitted under the phase-in "
            "of ESRS 1 Appendix C; BP-2 ¶17 reports them",
        )
        return _cell("BP-2 ¶17 (S3 phased in)")
    keys = [("s3-sbm-3", "S3 SBM-3")]
    for key, label, rows in (
        ("s3-1", "S3-1", wb.policies),
        ("s3-4", "S3-4", wb.actions),
        ("s3-5", "S3-5", wb.targets),
    ):
        if any(iro.id in row.impacts for row in rows):
            keys.append((key, label))
    listed = [
        r for rows in (wb.policies, wb.actions, wb.targets) for r in rows if iro.id in r.impacts
    ]
    return _cell(
        enum_fact(
            c,
            data,
            "SBM-3_12",
            "disclosure_requirement",
            [k for k, _ in keys],
            ", ".join(label for _, label in keys),
            cells([iro], "id") + cells(listed, "impacts"),
            item=iro.id,
        )
    )


def _none_adopted(
    c: Composer, data: Inputs, what: tuple[str, str], reasons_dp: str, timeframe_dp: str
) -> list[Block]:
    """The ESRS 2 ¶62 statement that no policies (or actions: `what` is the plural and the
    singular) are adopted, then the reasons from the Narratives sheet as their own fact;
    without them the datapoint stays missing. The timeframe is a datapoint of its own."""
    plural, singular = what
    reasons, timeframe = data.narrative(reasons_dp), data.narrative(timeframe_dp)
    lead = (
        f"The undertaking has not adopted {plural} to manage its material impacts, risks and "
        "opportunities related to affected communities."
    )
    if reasons is None and timeframe is None:
        lead += " Neither reasons nor a timeframe for adopting them are given."
    elif reasons is None:
        lead += " No reasons are given."
    elif timeframe is None:
        lead += " No timeframe for adopting them is given."
    blocks = [
        Block(kind="note", runs=(Run(text=f"No {singular} adopted (ESRS 2 ¶62)."),)),
        Block(kind="paragraph", runs=(Run(text=lead),)),
    ]
    if reasons is None:
        c.mark(
            reasons_dp,
            Status.MISSING,
            f"add a Narratives row for {reasons_dp} with the reasons for having no {plural} "
            "(ESRS 2 ¶62)",
        )
    else:
        blocks.append(c.textblock(reasons_dp, paragraphs(reasons), (str(reasons.cell("text")),)))
    c.mark(  # ESRS 2 ¶62: the timeframe "may" be given
        timeframe_dp,
        Status.VOLUNTARY if c.datapoints[timeframe_dp].voluntary else Status.MISSING,
        f"add a Narratives row for {timeframe_dp} with the timeframe for adopting {plural}",
    )
    return blocks


def policies_table(c: Composer, data: Inputs) -> list[Block]:
    """MDR-P per policy, or the ESRS 2 ¶62 statement when no policy is adopted."""
    policies = data.workbook.policies
    if not policies:
        for n in range(1, 7):
            c.mark(f"S3.MDR-P_0{n}", Status.NOT_APPLICABLE, "no policy adopted")
        return _none_adopted(c, data, ("policies", "policy"), "S3.MDR-P_07", "S3.MDR-P_08")
    c.mark("S3.MDR-P_07", Status.NOT_APPLICABLE, "policies exist")
    c.mark("S3.MDR-P_08", Status.NOT_APPLICABLE, "policies exist")
    rows = []
    listed, rest = first_listed(policies)
    iros = data.described
    provisions: list[str] = []
    for p in listed:
        key = [sentence(p.description)]
        if p.indigenous_peoples_provisions:
            key.append(
                f"Provisions on indigenous peoples: {sentence(p.indigenous_peoples_provisions)}"
            )
        contents = c.fact(
            "S3.MDR-P_01",
            "textblock",
            "\n\n".join(key),
            item=p.id,
            sources=cells([p], "description", "indigenous_peoples_provisions"),
        )
        scope = "; ".join(x for x in (p.value_chain_scope, p.communities_covered) if x)
        scope_run = (
            c.fact(
                "S3.MDR-P_02",
                "textblock",
                scope,
                item=p.id,
                sources=cells([p], "value_chain_scope", "communities_covered"),
            )
            if scope
            else Run(text="not stated")
        )
        owner = p.accountable_role + (f" (approved by {p.approved_by})" if p.approved_by else "")
        owner_run = c.fact(
            "S3.MDR-P_03",
            "textblock",
            owner,
            item=p.id,
            sources=cells([p], "accountable_role", "approved_by"),
        )
        standards = [
            n
            for n, flag in (
                ("UN Guiding Principles", p.references_ungp),
                ("OECD Guidelines", p.references_oecd),
                ("ILO Declaration", p.references_ilo),
            )
            if flag
        ]
        standards_run = (
            c.fact(
                "S3.MDR-P_04",
                "text",
                listing(standards),
                item=p.id,
                sources=cells([p], "references_ungp", "references_oecd", "references_ilo"),
            )
            if standards
            else Run(text="none")
        )
        available = "Public" + (f" at {p.url}" if p.url else "") if p.public else "Not public"
        if p.communication:
            available += f". {sentence(p.communication)}"
        available_run = c.fact(
            "S3.MDR-P_06",
            "textblock",
            available,
            item=p.id,
            sources=cells([p], "public", "communication", *(("url",) if p.public else ())),
        )
        if p.indigenous_peoples_provisions:
            provisions.append(contents.fact)
        name = _name(c, "S3.MDR-P_01", p, "name", NAME_OF_POLICY)
        related = _link(
            c, "S3.MDR-P_01", RELATED_IROS, p.impacts, iros, p.id, cells([p], "impacts")
        )
        rows.append(
            (
                _cell(p.id, " ", name),
                _cell(contents),
                _cell(scope_run),
                _cell(owner_run),
                _cell(standards_run),
                _cell(available_run),
                related,
            )
        )
    c.mark("S3.MDR-P_02", Status.MISSING, "fill the Policies column value_chain_scope")
    c.mark("S3.MDR-P_05", Status.MISSING, fill_narrative("S3.MDR-P_05"))
    # S3 ¶15 shares its concept with MDR-P ¶65 a: the key contents of the policies with
    # provisions on indigenous peoples disclose it
    c.share("S3-1_01", tuple(provisions))
    indigenous = [i.id for i in data.workbook.impacts if concerns_indigenous_peoples(i)]
    c.mark(
        "S3-1_01",
        Status.MISSING if indigenous else Status.NOT_APPLICABLE,
        f"fill the Policies column indigenous_peoples_provisions for {listing(indigenous)}"
        if indigenous
        else "no impact on indigenous peoples in the register",
    )
    return _with_rest(
        rest,
        _records(
            "Policies (MDR-P)",
            (
                "policy",
                "key contents",
                "scope",
                "accountable",
                "standards",
                "availability",
                "related IROs",
            ),
            rows,
            "policies",
        ),
    )


def _money(c: Composer, data: Inputs, a: Action) -> list[Run | str]:
    """An action's current and future CapEx and OpEx as facts (ESRS 2 ¶69 b-c): current
    amounts in the reporting period, future ones on the time-horizon member of the action's
    horizon (ESRS 2 AR 23); its budget over its whole life is shown, not tagged."""
    parts: list[Run | str] = []
    horizon = (("esrs:TimeHorizonAxis", f"esrs:{data.members['time_horizon'][a.time_horizon]}"),)
    for dp, field, label, members in (
        ("S3.MDR-A_09", "capex_current", "CapEx in the period", ()),
        ("S3.MDR-A_10", "opex_current", "OpEx in the period", ()),
        ("S3.MDR-A_11", "capex_future", f"CapEx planned ({a.time_horizon}-term)", horizon),
        ("S3.MDR-A_12", "opex_future", f"OpEx planned ({a.time_horizon}-term)", horizon),
    ):
        value = getattr(a, field)
        if value is None:
            continue
        parts += [
            "; " if parts else "",
            f"{label} {data.currency} ",
            c.fact(
                dp,
                "monetary",
                f"{value:,.0f}",
                value=f"{value:.0f}",
                item=a.id,
                unit=data.currency,
                decimals="0",
                sources=cells([a], field, "time_horizon") if members else cells([a], field),
                members=members,
            ),
        ]
    budget = [
        f"{label} {amount(getattr(a, field), data.currency)}"
        for field, label in (("capex", "CapEx"), ("opex", "OpEx"))
        if getattr(a, field) is not None
    ]
    if budget:
        parts.append(
            ("; " if parts else "") + "budget over the action's life: " + ", ".join(budget)
        )
    return parts


def actions_table(c: Composer, data: Inputs) -> list[Block]:
    """MDR-A per action, or the ESRS 2 ¶62 statement when no action is adopted."""
    actions = data.workbook.actions
    if not actions:
        for n in range(1, 13):
            c.mark(f"S3.MDR-A_{n:02d}", Status.NOT_APPLICABLE, "no action adopted")
        return _none_adopted(c, data, ("actions", "action"), "S3.MDR-A_13", "S3.MDR-A_14")
    c.mark("S3.MDR-A_13", Status.NOT_APPLICABLE, "actions exist")
    c.mark("S3.MDR-A_14", Status.NOT_APPLICABLE, "actions exist")
    rows = []
    listed, rest = first_listed(actions)
    iros = data.described
    policies_named = {p.id: p.name for p in data.workbook.policies}
    earlier = _disclosed_earlier(data, listed)
    for a in listed:
        name = _name(c, "S3.MDR-A_01", a, "title", NAME_OF_ACTION)
        key = c.fact(
            "S3.MDR-A_01",
            "textblock",
            f"{sentence(a.description)} Type: {a.action_type}; status: {a.status}.",
            item=a.id,
            sources=cells([a], "description", "action_type", "status"),
        )
        remedy = (  # a remediate action provides remedy; of the others the workbook says nothing
            (
                " Provides or supports remedy for people harmed: ",
                c.flag("S3.MDR-A_04", True, cells([a], "action_type"), item=a.id),
                ".",
            )
            if a.action_type == "remediate"
            else ()
        )
        scope_run = (
            c.fact(
                "S3.MDR-A_02",
                "textblock",
                a.value_chain_scope,
                item=a.id,
                concept=c.concept(c.datapoints["S3.MDR-A_02"], "textblock"),
                sources=cells([a], "value_chain_scope"),
            )
            if a.value_chain_scope
            else Run(text="not stated")
        )
        period = " to ".join(d.isoformat() for d in (a.start, a.end) if d)
        timing = [f"{a.status.capitalize()}" + (f", {period}" if period else "") + "; "]
        if a.progress and a.id in earlier:
            timing = [
                c.fact(
                    "S3.MDR-A_05",
                    "textblock",
                    a.progress,
                    item=a.id,
                    sources=cells([a], "progress", "start"),
                ),
                " ",
                *timing,
            ]
        horizon = item_enum(c, data, "S3.MDR-A_03", a, "time_horizon", f"{a.time_horizon}-term")
        money = _money(c, data, a)
        related = _link(
            c, "S3.MDR-A_01", RELATED_IROS, a.impacts, iros, a.id, cells([a], "impacts")
        )
        policies = _link(
            c,
            "S3.MDR-A_01",
            RELATED_POLICIES,
            a.policies,
            policies_named,
            a.id,
            cells([a], "policies"),
        )
        rows.append(
            (
                _cell(a.id, " ", name),
                _cell(key, *remedy),
                _cell(scope_run),
                _cell(*timing, "time horizon: ", horizon, "."),
                _cell(*money) if money else _cell("-"),
                related,
                policies,
            )
        )
    _money_statuses(c, data)
    _progress_status(c, data, earlier)
    c.mark("S3.MDR-A_02", Status.MISSING, "fill the Actions column value_chain_scope")
    actual = [i.id for i in data.material("negative impact") if i.status == "actual"]
    c.mark(  # ESRS 2 ¶68 d applies where actual material impacts call for remedy
        "S3.MDR-A_04",
        Status.MISSING if actual else Status.NOT_APPLICABLE,
        f"record the remedy for {listing(actual)} as actions of type remediate"
        if actual
        else "no actual material negative impact",
    )
    for dp in ("S3.MDR-A_06", "S3.MDR-A_07"):
        c.mark(dp, Status.MISSING, fill_narrative(dp))
    return _with_rest(
        rest,
        _records(
            f"Actions (MDR-A), amounts in {data.currency}",
            (
                "action",
                "key action",
                "scope",
                "progress",
                "resources",
                "related IROs",
                "related policies",
            ),
            rows,
            "actions",
        ),
    )


def _money_statuses(c: Composer, data: Inputs) -> None:
    """MDR-A_08 (the AR 23 breakdown) is disclosed by the amounts tagged for ¶69 b-c; a
    missing amount says which column to fill."""
    amounts = [
        f
        for dp in ("S3.MDR-A_09", "S3.MDR-A_10", "S3.MDR-A_11", "S3.MDR-A_12")
        for f in c.facts_of(dp)
    ]
    c.share("S3.MDR-A_08", tuple(amounts))
    c.mark(
        "S3.MDR-A_08",
        Status.MISSING,
        "fill the Actions columns capex_current, opex_current, capex_future and opex_future",
    )
    for dp, field in (
        ("S3.MDR-A_09", "capex_current"),
        ("S3.MDR-A_10", "opex_current"),
        ("S3.MDR-A_11", "capex_future"),
        ("S3.MDR-A_12", "opex_future"),
    ):
        c.mark(dp, Status.MISSING, f"fill the Actions column {field} (0 if none)")


def _disclosed_earlier(data: Inputs, actions: Sequence[Action]) -> set[str]:
    """Actions that an earlier statement under ESRS can have disclosed: not the first year of
    reporting, and started before this period (or with no start date)."""
    if data.regime.year_of_reporting <= 1:
        return set()
    start = data.workbook.undertaking.period_start
    return {a.id for a in actions if a.start is None or a.start < start}


def _progress_status(c: Composer, data: Inputs, earlier: set[str]) -> None:
    if not earlier:
        c.mark(
            "S3.MDR-A_05",
            Status.NOT_APPLICABLE,
            "first year of reporting under ESRS"
            if data.regime.year_of_reporting <= 1
            else "every action started in the reporting period",
        )
    else:
        c.mark(
            "S3.MDR-A_05",
            Status.MISSING,
            f"fill the Actions column progress for {listing(sorted(earlier))}",
        )


def targets_table(c: Composer, data: Inputs) -> list[Block]:
    """MDR-T per target, or the ESRS 2 ¶72 / ¶81 statements when no target is set."""
    targets = data.workbook.targets
    if not targets:
        blocks = [
            Block(kind="note", runs=(Run(text="No measurable target set (ESRS 2 ¶72, ¶81)."),))
        ]
        tracked = [a for a in data.workbook.actions if a.effectiveness_tracking]
        blocks.append(
            Block(
                kind="paragraph",
                runs=(
                    Run(
                        text="The effectiveness of policies and actions is tracked without targets: "
                    ),
                    c.flag(
                        "S3.MDR-T_16",
                        bool(tracked),
                        ("Targets!A2", *cells(data.workbook.actions, "effectiveness_tracking")),
                    ),
                    Run(text="."),
                ),
            )
        )
        if tracked:  # ESRS 2 ¶81 b i-ii: how, with what ambition, from which base year
            blocks += column_text(c, "S3.MDR-T_17", tracked, "effectiveness_tracking")
            c.mark("S3.MDR-T_18", Status.MISSING, fill_narrative("S3.MDR-T_18"))
            blocks += answered(c, data, "S3.MDR-T_19", "Base year from which progress is measured")
        else:
            for dp in ("S3.MDR-T_17", "S3.MDR-T_18", "S3.MDR-T_19"):
                c.mark(dp, Status.NOT_APPLICABLE, "effectiveness is not tracked")
        c.mark("S3.MDR-T_14", Status.VOLUNTARY, "no timeframe for setting targets is given")
        c.mark("S3.MDR-T_15", Status.VOLUNTARY, "no reasons for not setting targets are given")
        for n in range(1, 14):
            c.mark(f"S3.MDR-T_{n:02d}", Status.NOT_APPLICABLE, "no target set")
        return blocks
    for n in range(14, 20):
        c.mark(f"S3.MDR-T_{n}", Status.NOT_APPLICABLE, "targets exist")
    rows = []
    listed, rest = first_listed(targets)
    iros = data.described
    policies_named = {p.id: p.name for p in data.workbook.policies}
    for t in listed:
        name = _name(c, "S3.MDR-T_01", t, "title", NAME_OF_TARGET)
        link = c.fact(
            "S3.MDR-T_01",
            "textblock",
            f"{t.metric} ({t.unit}); related policies: {listing(list(t.policies)) or 'none'}.",
            item=t.id,
            sources=cells([t], "metric", "unit", "policies"),
        )
        value = _target_level(c, "S3.MDR-T_02", t, "target_value")
        kind = (
            (" (", item_enum(c, data, "S3.MDR-T_03", t, "target_type"), ")")
            if t.target_type
            else ()
        )
        year = c.fact(
            "S3.MDR-T_07",
            "year",
            str(t.target_year),
            item=t.id,
            concept="esrs:PeriodToWhichTargetAppliesEndYear",
            sources=cells([t], "target_year"),
        )
        base_value = (
            (
                _target_level(c, "S3.MDR-T_05", t, "baseline_value"),
                f" {t.unit}",
            )
            if t.baseline_value is not None
            else ()
        )
        base_year = (
            c.fact(
                "S3.MDR-T_06",
                "year",
                str(t.baseline_year),
                item=t.id,
                sources=cells([t], "baseline_year"),
            )
            if t.baseline_year
            else None
        )
        if base_value and base_year:
            base = _cell(*base_value, " in ", base_year)
        elif base_value or base_year:
            base = _cell(*base_value) if base_value else _cell(base_year)
        else:
            base = _cell("-")
        method = (
            c.fact(
                "S3.MDR-T_09",
                "textblock",
                t.methodology,
                item=t.id,
                sources=cells([t], "methodology"),
            )
            if t.methodology
            else Run(text="-")
        )
        involved = c.fact(
            "S3.MDR-T_11",
            "textblock",
            "Affected communities were engaged in setting the target."
            if t.communities_involved
            else "Affected communities were not engaged in setting the target.",
            item=t.id,
            concept=c.concept(c.datapoints["S3.MDR-T_11"], "textblock"),
            sources=cells([t], "communities_involved"),
        )
        unit = t.unit.strip()
        performance = (
            c.fact(
                "S3.MDR-T_13",
                "textblock",
                f"Current value {number_text(t.current_value)} {unit} against a target of "
                f"{number_text(t.target_value)} {unit} by {t.target_year}"
                + (
                    f" (baseline {number_text(t.baseline_value)} {unit} in {t.baseline_year})."
                    if t.baseline_value is not None and t.baseline_year
                    else "."
                ),
                item=t.id,
                sources=cells([t], "current_value", "target_value", "unit", "target_year")
                + (
                    cells([t], "baseline_value", "baseline_year")
                    if t.baseline_value is not None and t.baseline_year
                    else ()
                ),
            )
            if t.current_value is not None
            else Run(text="-")
        )
        milestone = (
            (
                "; milestone ",
                _target_level(c, "S3.MDR-T_08", t, "milestone_value"),
                f" {unit}" + (f" by {t.milestone_year}" if t.milestone_year else ""),
            )
            if t.milestone_value is not None
            else ()
        )
        related = _link(
            c, "S3.MDR-T_01", RELATED_IROS, t.impacts, iros, t.id, cells([t], "impacts")
        )
        policies = _link(
            c,
            "S3.MDR-T_01",
            RELATED_POLICIES,
            t.policies,
            policies_named,
            t.id,
            cells([t], "policies"),
        )
        rows.append(
            (
                _cell(t.id, " ", name),
                _cell(link),
                _cell(value, f" {unit} by ", year, *kind, *milestone),
                base,
                _cell(method),
                _cell(involved),
                _cell(performance),
                related,
                policies,
            )
        )
    for dp, note in (
        ("S3.MDR-T_04", fill_narrative("S3.MDR-T_04")),
        ("S3.MDR-T_08", "fill the Targets columns milestone_value and milestone_year"),
        ("S3.MDR-T_12", fill_narrative("S3.MDR-T_12")),
        ("S3.MDR-T_05", "fill the Targets column baseline_value"),
        ("S3.MDR-T_06", "fill the Targets column baseline_year"),
        ("S3.MDR-T_09", "fill the Targets column methodology"),
        ("S3.MDR-T_13", "fill the Targets column current_value"),
        ("S3.MDR-T_03", "fill the Targets column target_type (absolute or relative)"),
    ):
        c.mark(dp, Status.MISSING, note)
    c.mark("S3.MDR-T_10", Status.NOT_APPLICABLE, "applies to environmental targets only")
    return _with_rest(
        rest,
        _records(
            "Targets (MDR-T)",
            (
                "target",
                "metric and policy link",
                "level and year",
                "baseline",
                "methodology",
                "community involvement",
                "performance",
                "related IROs",
                "related policies",
            ),
            rows,
            "targets",
        ),
    )
