"""S3-4 and MDR-A: the actions on material impacts, risks and opportunities, from the Actions
sheet (and the incidents it remedies)."""

from __future__ import annotations

from esrs_s3.disclose.catalogue import Datapoint
from esrs_s3.disclose.composer import Composer
from esrs_s3.disclose.conditions import material_group, started_earlier
from esrs_s3.disclose.inputs import Inputs, Part, item_enum, name_and_id, own_words, para
from esrs_s3.disclose.records import cell, link, name, none_adopted, records, with_rest
from esrs_s3.disclose.text import amount, cells, first_listed
from esrs_s3.disclose.wording import line, phrase, say
from esrs_s3.models import Action
from esrs_s3.render.document import Block, Run

# An action's money columns: amounts in the period, then planned for later periods.
MONEY = ("capex_current", "opex_current", "capex_future", "opex_future")
# A rulebook whose taxonomy has one amount for the period and one for later (revised ESRS 2
# ¶46 b-c) tags the sum of an action's CapEx and OpEx under these table parts.
TOTALS = {
    "resources_current": ("capex_current", "opex_current"),
    "resources_future": ("capex_future", "opex_future"),
}


def action_line(data: Inputs, a: Action) -> str:
    """`Remedy for people harmed (ACT-13, in progress).`: the actions table below describes
    each action; its text is not repeated here."""
    return line(data, "actions", "action", a=a)


def _trigger(data: Inputs, dp: Datapoint) -> list:
    """The material IROs that make an action datapoint apply: its last `material:` condition."""
    conditions = [c.removeprefix("?") for c in dp.applies_when]
    group = next(c for c in reversed(conditions) if c.startswith("material:"))
    return material_group(data, group.partition(":")[2])


def prevention(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """S3 ¶32 a: the actions that prevent or mitigate material negative impacts."""
    titles = {i.id: i.title for i in _trigger(data, dp)}
    rows = [
        a
        for a in data.workbook.actions
        if a.action_type in ("prevent", "mitigate") and titles.keys() & set(a.impacts)
    ]
    if not rows:
        return []
    lines = [
        line(
            data,
            "actions",
            "addresses",
            a=a,
            iros=[f"{titles[i]} ({i})" for i in a.impacts if i in titles],
        )
        for a in rows
    ]
    return [c.textblock(dp.id, lines, cells(rows, "title", "status", "impacts"))]


def of_type(c: Composer, data: Inputs, dp: Datapoint, argument: str) -> list[Block]:
    """S3 ¶32 c, ¶34: the actions of one type (`<type>/addressed`: only those that address
    one of the material IROs the datapoint is about; `/any`: whatever they address), else
    the undertaking's own words (Narratives)."""
    action_type, _, scope = argument.partition("/")
    about = {i.id for i in _trigger(data, dp)}
    rows = [
        a
        for a in data.workbook.actions
        if a.action_type == action_type and (scope == "any" or about & set(a.impacts))
    ]
    return _actions_text(c, data, dp, [action_line(data, a) for a in rows], _where(rows))


def _where(rows: list[Action]) -> tuple[str, ...]:
    return cells(rows, "title", "status", "action_type")


def _actions_text(
    c: Composer, data: Inputs, dp: Datapoint, lines: list[str], where: tuple[str, ...]
) -> list[Block]:
    words, cell_ = own_words(data, dp.id)
    if not (lines or words):
        return []
    concept = c.concept(dp, "textblock")
    return [c.textblock(dp.id, lines + words, where + cell_, concept=concept)]


def remedy(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """S3 ¶32 b: whether and how remedy is provided for actual material impacts: the actions
    of type remediate that address them, the incidents remedied, else own words."""
    trigger = {i.id for i in _trigger(data, dp)}
    rows = [
        a
        for a in data.workbook.actions
        if a.action_type == "remediate" and trigger & set(a.impacts)
    ]
    remedied = [
        i for i in data.workbook.incidents if i.remedy_provided and set(i.impacts) & trigger
    ]
    lines = [action_line(data, a) for a in rows]
    lines += [line(data, "actions", "remedied", incident=i) for i in remedied]
    blocks = []
    if rows:
        blocks.append(
            para(
                f"{phrase(data, 'remedy_taken')}: ",
                c.flag(dp.id, True, cells(rows, "action_type")),
                ".",
            )
        )
    return blocks + _actions_text(
        c, data, dp, lines, _where(rows) + cells(remedied, "remedy_provided")
    )


def tracking(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    actions = data.workbook.actions
    tracked = [a for a in actions if a.effectiveness_tracking]
    untracked = [a for a in actions if not a.effectiveness_tracking]
    lines = [line(data, "actions", "tracked", a=a) for a in tracked]
    if untracked:
        named = [name_and_id(a) for a in untracked]
        lines.append(line(data, "actions", "untracked", actions=named))
    return [c.textblock(dp.id, lines, cells(actions, "effectiveness_tracking"))]


def resources(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """S3 ¶38: the resources allocated, from the amounts stated per action."""
    actions = data.workbook.actions
    parts = []
    for field in MONEY:
        stated = [a for a in actions if getattr(a, field) is not None]
        spent = [a for a in stated if getattr(a, field)]
        if stated:
            total = amount(sum(getattr(a, field) for a in stated), data.currency)
            parts.append(
                line(data, "actions", "spent", field=field, total=total, actions=len(spent))
            )
    if not parts:
        return []
    return [
        c.textblock(
            dp.id,
            [f"{phrase(data, 'resources')}: " + "; ".join(parts) + "."],
            cells(actions, *MONEY),
        )
    ]


def severe_incidents(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """S3 ¶36: whether severe human-rights issues and incidents were reported, and which."""
    incidents = data.workbook.incidents
    severe = [i for i in incidents if i.severe]
    where = cells(incidents, "severe") or ("Incidents!A2",)
    blocks = [
        para(
            f"{phrase(data, 'severe_reported')}: ",
            c.flag(dp.id, bool(severe), where),
            ".",
        )
    ]
    if not severe:  # ¶36: whether any was reported; with none, there are none to disclose
        blocks.append(c.textblock(dp.id, [line(data, "actions", "no_severe")], where))
        return blocks
    blocks.append(
        c.textblock(
            dp.id,
            [line(data, "actions", "severe", i=i) for i in severe],
            cells(severe, "date", "country", "remedy_provided", "breach_of_ungp_oecd_ilo")
            + cells([i for i in severe if not i.breach_of_ungp_oecd_ilo], "description", "status"),
        )
    )
    return blocks


def incidents_in_period(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """Revised S3 ¶17: the human-rights incidents connected to affected communities logged on
    the Incidents sheet, each once (AR 10 allows aggregation; the register is short)."""
    incidents = data.workbook.incidents
    if not incidents:
        return [c.textblock(dp.id, [line(data, "actions", "no_incidents")], ("Incidents!A2",))]
    return [
        c.textblock(
            dp.id,
            [line(data, "actions", "incident", i=i) for i in incidents],
            cells(incidents, "date", "country", "description", "severe", "remedy_provided"),
        )
    ]


def _amount(
    c: Composer,
    data: Inputs,
    a: Action,
    part: str,
    value: float,
    sources: tuple[str, ...],
    members: tuple[tuple[str, str], ...],
    first: bool,
) -> list[Run | str]:
    """One labelled amount of an action, tagged as the datapoint of its table part."""
    label = line(data, "actions", "money_short", field=part, action=a)
    fact = c.fact(
        data.part("actions", part).datapoint,
        "monetary",
        f"{value:,.0f}",
        value=f"{value:.0f}",
        item=a.id,
        unit=data.currency,
        decimals="0",
        sources=sources,
        members=members,
    )
    return ["" if first else "; ", f"{label} {data.currency} ", fact]


def _money(c: Composer, data: Inputs, a: Action) -> list[Run | str]:
    """An action's current and future CapEx and OpEx as facts (ESRS 2 ¶69 b-c): current
    amounts in the reporting period, future ones on the time-horizon member of the action's
    horizon; the whole-life budget (capex, opex) is shown, not tagged."""
    parts: list[Run | str] = []
    spec = data.tables["actions"]
    horizon: tuple[tuple[str, str], ...] = ()
    if "horizon_axis" in spec:  # a rulebook that tags future amounts by time horizon
        member = f"{spec['horizon_prefix']}:{data.members['time_horizon'][a.time_horizon]}"
        horizon = ((spec["horizon_axis"], member),)
    for field in MONEY:
        value = getattr(a, field)
        if value is None:
            continue
        members = horizon if field.endswith("_future") else ()
        sources = cells([a], field, "time_horizon") if members else cells([a], field)
        parts += _amount(c, data, a, field, value, sources, members, first=not parts)
    for key, fields in TOTALS.items():
        dp_id = data.part("actions", key).datapoint
        stated = [getattr(a, f) for f in fields if getattr(a, f) is not None]
        if dp_id is not None and stated:
            total = sum(stated)
            parts += _amount(c, data, a, key, total, cells([a], *fields), (), first=not parts)
    budget = [
        line(data, "actions", "money_short", field=field, action=a)
        + " "
        + amount(getattr(a, field), data.currency)
        for field in ("capex", "opex")
        if getattr(a, field) is not None
    ]
    if budget:
        parts.append(("; " if parts else "") + line(data, "actions", "budget", amounts=budget))
    return parts


def table(c: Composer, data: Inputs, _: str) -> list[Block]:
    """MDR-A per action, or the ESRS 2 ¶62 statement when no action is adopted."""
    actions = data.workbook.actions

    def part(key: str) -> Part:
        return data.part("actions", key)

    if not actions:
        return none_adopted(
            c, data, ("actions", "action"), part("reasons_none"), part("timeframe_none")
        )
    rows = []
    listed, rest = first_listed(actions)
    iros = data.described
    policies_named = {p.id: p.name for p in data.workbook.policies}
    earlier = set(started_earlier(data))
    for a in listed:
        named = name(c, part("name"), a, "title")
        key = c.fact(
            part("key").datapoint,
            "textblock",
            line(data, "actions", "key_action", a=a),
            item=a.id,
            sources=cells([a], "description", "action_type", "status"),
        )
        remedy_runs = (  # a remediate action provides remedy; of the others nothing is said
            (
                f" {line(data, 'actions', 'provides_remedy')} ",
                c.flag(part("remedy").datapoint, True, cells([a], "action_type"), item=a.id),
                ".",
            )
            if a.action_type == "remediate"
            else ()
        )
        if a.expected_outcome and part("outcome").datapoint is not None:
            outcome = c.fact(
                part("outcome").datapoint,
                "textblock",
                a.expected_outcome,
                item=a.id,
                sources=cells([a], "expected_outcome"),
            )
            remedy_runs = (*remedy_runs, " ", outcome)
        scope_run = (
            c.fact(
                part("scope").datapoint,
                "textblock",
                a.value_chain_scope,
                item=a.id,
                sources=cells([a], "value_chain_scope"),
            )
            if a.value_chain_scope
            else Run(text=line(data, "actions", "not_stated"))
        )
        period = " to ".join(d.isoformat() for d in (a.start, a.end) if d)
        timing: list[Run | str] = [line(data, "actions", "timing", a=a, period=period) + " "]
        if a.progress and a.id in earlier:
            timing = [
                c.fact(
                    part("progress").datapoint,
                    "textblock",
                    a.progress,
                    item=a.id,
                    sources=cells([a], "progress", "start"),
                ),
                " ",
                *timing,
            ]
        horizon = item_enum(
            c,
            data,
            part("horizon").datapoint,
            a,
            "time_horizon",
            line(data, "actions", "horizon", a=a),
        )
        money = _money(c, data, a)
        related = link(c, part("related_iros"), a.impacts, iros, a.id, cells([a], "impacts"))
        policies = link(
            c, part("related_policies"), a.policies, policies_named, a.id, cells([a], "policies")
        )
        rows.append(
            (
                cell(a.id, " ", named),
                cell(key, *remedy_runs),
                cell(scope_run),
                cell(*timing, line(data, "actions", "time_horizon") + " ", horizon, "."),
                cell(*money) if money else cell("-"),
                related,
                policies,
            )
        )
    # MDR-A_08 (the AR 23 breakdown) is disclosed by the amounts tagged for ¶69 b-c
    amounts = [
        f
        for field in ("capex_current", "opex_current", "capex_future", "opex_future")
        for f in c.facts_of(part(field).datapoint)
    ]
    c.share(part("breakdown").datapoint, tuple(amounts))
    return with_rest(
        c,
        rest,
        records(
            line(data, "actions", "caption", currency=data.currency),
            tuple(say(data, "actions", "headers")),
            rows,
            "actions",
        ),
        "actions",
    )
