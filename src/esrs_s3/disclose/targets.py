"""S3-5 and MDR-T: the targets on affected communities, from the Targets sheet (or, without
targets, how the effectiveness of actions is tracked: ESRS 2 ¶81)."""

from __future__ import annotations

from esrs_s3.disclose.catalogue import Datapoint
from esrs_s3.disclose.composer import Composer
from esrs_s3.disclose.inputs import Inputs, Part, answered, column_text, item_enum
from esrs_s3.disclose.records import cell, link, name, records, target_level, with_rest
from esrs_s3.disclose.text import cells, first_listed
from esrs_s3.disclose.wording import line, phrase, say
from esrs_s3.render.document import Block, Run


def involvement(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """S3 ¶42 a: whether affected communities were engaged in setting each target."""
    targets = data.workbook.targets
    lines = [line(data, "targets", "involvement", t=t) for t in targets]
    concept = c.concept(dp, "textblock")
    return [c.textblock(dp.id, lines, cells(targets, "communities_involved"), concept=concept)]


def _without_targets(c: Composer, data: Inputs) -> list[Block]:
    """ESRS 2 ¶72 and ¶81: no measurable target, and whether effectiveness is tracked
    without one."""
    tracked = [a for a in data.workbook.actions if a.effectiveness_tracking]
    blocks = [
        Block(kind="note", runs=(Run(text=phrase(data, "no_target")),)),
        Block(
            kind="paragraph",
            runs=(
                Run(text=f"{phrase(data, 'tracked_without_targets')}: "),
                c.flag(
                    data.part("targets", "tracked_without").datapoint,
                    bool(tracked),
                    ("Targets!A2", *cells(data.workbook.actions, "effectiveness_tracking")),
                ),
                Run(text="."),
            ),
        ),
    ]
    if tracked:  # ESRS 2 ¶81 b i-ii: how, with what ambition, from which base year
        how = data.part("targets", "tracked_how").datapoint
        if how:
            blocks += column_text(c, c.datapoints[how], tracked, "effectiveness_tracking")
        base_year = data.part("targets", "base_year_without").datapoint
        if base_year:
            blocks += answered(c, data, c.datapoints[base_year], phrase(data, "base_year"))
    return blocks


def table(c: Composer, data: Inputs, _: str) -> list[Block]:
    """MDR-T per target, or the ESRS 2 ¶72 / ¶81 statements when no target is set."""
    targets = data.workbook.targets

    def part(key: str) -> Part:
        return data.part("targets", key)

    if not targets:
        return _without_targets(c, data)
    rows = []
    listed, rest = first_listed(targets)
    iros = data.described
    policies_named = {p.id: p.name for p in data.workbook.policies}
    by, in_year = line(data, "targets", "by"), line(data, "targets", "in_year")
    for t in listed:
        named = name(c, part("name"), t, "title")
        linked = c.fact(
            part("link").datapoint,
            "textblock",
            line(data, "targets", "metric", t=t),
            item=t.id,
            sources=cells([t], "metric", "unit", "policies"),
        )
        value = target_level(c, part("level"), t, "target_value")
        kind = (
            (" (", item_enum(c, data, part("kind").datapoint, t, "target_type"), ")")
            if t.target_type
            else ()
        )
        year = c.fact(
            part("year").datapoint,
            "year",
            str(t.target_year),
            item=t.id,
            concept=part("year").concept,
            sources=cells([t], "target_year"),
        )
        base_value = (
            (target_level(c, part("baseline"), t, "baseline_value"), f" {t.unit}")
            if t.baseline_value is not None
            else ()
        )
        base_year = (
            c.fact(
                part("baseline_year").datapoint,
                "year",
                str(t.baseline_year),
                item=t.id,
                sources=cells([t], "baseline_year"),
            )
            if t.baseline_year
            else None
        )
        if base_value and base_year:
            base = cell(*base_value, f" {in_year} ", base_year)
        elif base_value or base_year:
            base = cell(*base_value) if base_value else cell(base_year)
        else:
            base = cell("-")
        method = (
            c.fact(
                part("methodology").datapoint,
                "textblock",
                t.methodology,
                item=t.id,
                sources=cells([t], "methodology"),
            )
            if t.methodology
            else Run(text="-")
        )
        involved = c.fact(
            part("involvement").datapoint,
            "textblock",
            line(data, "targets", "involved", t=t),
            item=t.id,
            sources=cells([t], "communities_involved"),
        )
        unit = t.unit.strip()
        with_baseline = t.baseline_value is not None and t.baseline_year
        performance = (
            c.fact(
                part("performance").datapoint,
                "textblock",
                line(
                    data,
                    "targets",
                    "performance",
                    t=t,
                    unit=unit,
                    with_baseline=bool(with_baseline),
                ),
                item=t.id,
                sources=cells([t], "current_value", "target_value", "unit", "target_year")
                + (cells([t], "baseline_value", "baseline_year") if with_baseline else ()),
            )
            if t.current_value is not None
            else Run(text="-")
        )
        milestone = (
            (
                f"; {line(data, 'targets', 'milestone')} ",
                target_level(c, part("milestone"), t, "milestone_value"),
                f" {unit}" + (f" {by} {t.milestone_year}" if t.milestone_year else ""),
            )
            if t.milestone_value is not None
            else ()
        )
        related = link(c, part("related_iros"), t.impacts, iros, t.id, cells([t], "impacts"))
        policies = link(
            c, part("related_policies"), t.policies, policies_named, t.id, cells([t], "policies")
        )
        rows.append(
            (
                cell(t.id, " ", named),
                cell(linked),
                cell(value, f" {unit} {by} ", year, *kind, *milestone),
                base,
                cell(method),
                cell(involved),
                cell(performance),
                related,
                policies,
            )
        )
    return with_rest(
        c,
        rest,
        records(
            line(data, "targets", "caption"),
            tuple(say(data, "targets", "headers")),
            rows,
            "targets",
        ),
        "targets",
    )
