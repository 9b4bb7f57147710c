"""SBM-3: the material impacts, risks and opportunities (ESRS 2 ¶48 as a table on the IRO
typed axis; S3 ¶9-11 on the communities they concern)."""

from __future__ import annotations

from esrs_s3.assess.assessment import IroAssessment, decided_by
from esrs_s3.disclose.catalogue import Datapoint
from esrs_s3.disclose.composer import Composer, Status
from esrs_s3.disclose.inputs import Inputs, answered, enum_fact, item_enum, para
from esrs_s3.disclose.records import cell, name, with_rest
from esrs_s3.disclose.text import cells, first_listed, listing, number_text, sentence
from esrs_s3.disclose.wording import Macros, line, phrase, say, split
from esrs_s3.models import Iro
from esrs_s3.render.document import Block, Run
from esrs_s3.resources import load_toml


def _text(rendered: object) -> str:
    """A macro of impacts.j2 called directly (once per IRO, its module fetched once per
    section) as one line of text."""
    return " ".join(split(str(rendered)))


def named(iro: Iro) -> str:
    """`Misuse of armoured vehicles (IRO-01)`: the SBM-3 table above describes it."""
    return f"{iro.title} ({iro.id})"


def _joined(runs: list[Run]) -> list[Run | str]:
    """Runs separated as a list is: `a, b and c`."""
    out: list[Run | str] = []
    for n, run in enumerate(runs):
        if n:
            out.append(" and " if n == len(runs) - 1 else ", ")
        out.append(run)
    return out


def answer(c: Composer, data: Inputs, dp: Datapoint, question: str) -> list[Block]:
    """A yes/no or a year the Narratives sheet answers, asked as the phrase `question` of the
    rulebook's words (`in_scope`, `specific_groups`)."""
    return answered(c, data, dp, phrase(data, question))


def by_community(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """S3 ¶9 a: the material impacts, by type of community."""
    impacts = data.material("negative impact", "positive impact")
    groups: dict[str, list[Iro]] = {}
    for iro in impacts:
        groups.setdefault(iro.community_type, []).append(iro)
    lines = []
    for kind, iros in groups.items():  # one line per type of community, not per impact
        listed, rest = first_listed(iros)
        said = line(
            data,
            "impacts",
            "community_impacts",
            community=data.label("community_type", kind),
            impacts=len(iros),
            names=[named(i) for i in listed],
            rest=rest,
        )
        lines.append(said)
    lines.append(phrase(data, "described_above"))
    return [c.textblock(dp.id, lines, cells(impacts, "community_type"))]


def community_types(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    impacts = data.material("negative impact", "positive impact")
    kinds = list(dict.fromkeys(i.community_type for i in impacts))
    return [
        para(
            f"{phrase(data, 'community_types')}: ",
            enum_fact(
                c,
                data,
                dp.id,
                "community_type",
                kinds,
                listing([data.label("community_type", k).lower() for k in kinds]),
                cells(impacts, "community_type"),
            ),
            ".",
        )
    ]


def occurrence(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """S3 ¶9 b: whether each material negative impact is widespread or individual."""
    negative = data.material("negative impact")
    classified = first_listed([i for i in negative if i.occurrence])[0]
    groups: dict[str, list[Iro]] = {}
    for iro in classified:
        groups.setdefault(iro.occurrence, []).append(iro)
    blocks = [  # each name shows the IRO's own (hidden) enumeration fact
        para(
            line(
                data, "impacts", "occurrence_lead", occurrence=data.label("occurrence", occurrence)
            )
            + ": ",
            *_joined([item_enum(c, data, dp.id, iro, "occurrence", named(iro)) for iro in iros]),
            ".",
        )
        for occurrence, iros in groups.items()
    ]
    unclassified = [i.id for i in negative if not i.occurrence]
    if unclassified:  # ¶9 b asks it of every material negative impact
        c.incomplete(dp.id, f"fill the Impacts column occurrence for {listing(unclassified)}")
    return blocks


def positive(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    found = data.material("positive impact")
    macros = Macros(data.assessment.rulebook, "impacts")
    return [
        c.textblock(
            dp.id,
            [
                _text(macros.benefits(named(i), data.label("community_type", i.community_type)))
                for i in found
            ],
            cells(found, "community_type"),
        )
    ]


def risks(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    found = data.material("risk", "opportunity")
    macros = Macros(data.assessment.rulebook, "impacts")
    return [
        c.textblock(
            dp.id,
            [_text(macros.risk_or_opportunity(i.kind, named(i))) for i in found]
            + [phrase(data, "described_above")],
            cells(found, "kind"),
        )
    ]


def why_material(data: Inputs, result: IroAssessment) -> str:
    """One sentence on why an IRO is material, from the rules that decided and the score that
    decided (assessment.toml `why_material`); the arithmetic stays in assessment.xlsx."""
    words = load_toml(f"{data.assessment.rulebook}/assessment.toml")["why_material"]
    decided = list(result.decision.rules)
    if "human_rights_severity" in decided and "human_rights_irremediability" in decided:
        decided.remove("human_rights_irremediability")
    if {"human_rights_severity", "human_rights_irremediability"} & set(decided):
        decided = [r for r in decided if r != "impact_threshold"]
    if "financial_threshold" in decided and "financial_override" in decided:
        decided.remove("financial_override")
    scores, iro = result.scores, result.iro
    values = {
        "impact": number_text(round(scores.impact_score or 0, 2)),
        "severity": number_text(round(scores.severity or 0, 2)),
        "financial": number_text(round(scores.financial_score or 0, 2)),
        "irremediability": iro.irremediability,
        "magnitude": iro.financial_magnitude,
    }
    clauses = [words[r].format(**values) for r in decided if r in words]
    return words["lead"].format(reasons=listing(clauses))


def table(c: Composer, data: Inputs, _: str) -> list[Block]:
    """Material IROs on the IRO typed axis (SBM-3 ¶48): name, kind, where in the value chain
    and over which horizon, what it is and why it is material, and where it is reported."""
    macros = Macros(data.assessment.rulebook, "impacts")
    rows = []
    results = {a.id: a for a in data.assessment.material_iros}
    described = data.described
    rest = len(results) - len(described)
    for iro_id in described:
        result = results[iro_id]
        iro = result.iro
        kind = "impact" if iro.is_impact else "risk"
        named = name(c, data.part("iros", kind), iro, "title")
        text = c.fact(
            data.part("iros", f"{kind}_text").datapoint,
            "textblock",
            f"{sentence(iro.description)}\n\n{why_material(data, result)}",
            item=iro.id,
            sources=cells(
                [iro],
                "description",
                *decided_by(
                    result,
                    data.workbook,
                    data.assessment.parameters,
                    lambda other: why_material(data, other),
                ),
            ),
        )
        term = _text(macros.horizon(iro.time_horizon))
        horizon = (
            item_enum(c, data, data.part("iros", "horizon").datapoint, iro, "time_horizon", term)
            if iro.is_impact
            else Run(text=term)
        )
        rows.append(
            (
                cell(named, f" ({iro.id})"),
                cell(
                    _text(
                        macros.kind_and_chain(iro.status, iro.kind, iro.value_chain, iro.countries)
                    )
                    + "; ",
                    horizon,
                    *_topic(c, data, iro),
                ),
                cell(text),
                covered_by(c, data, iro),
            )
        )
    if not rows:
        return []
    block = Block(
        kind="table",
        caption=phrase(data, "iro_table"),
        headers=tuple(say(data, "impacts", "table_headers")),
        rows=tuple(rows),
        css="iros",
    )
    return with_rest(c, rest, [block], line(data, "impacts", "table_rest"))


def _topic(c: Composer, data: Inputs, iro: Iro) -> tuple[Run | str, ...]:
    """The IRO's sub-topic as the fact of its topic, where the rulebook's table has a `topic`
    part (the revised IRO-2 ¶37 a tags the topic of each IRO); nothing otherwise."""
    dp_id = data.part("iros", "topic").datapoint
    if dp_id is None:
        return ()
    keys = (iro.sub_topic,)
    where = cells([iro], "sub_topic")
    fact = enum_fact(c, data, dp_id, "sustainability_matter", keys, iro.sub_topic, where, iro.id)
    return ("; ", fact)


# SBM-3 ¶48 h: the sections whose rows can list a material IRO, and the disclosure
# requirement (members.toml key, name) each reports it under.
REPORTED_UNDER = (
    ("s3-1", "S3-1", "policies"),
    ("s3-4", "S3-4", "actions"),
    ("s3-5", "S3-5", "targets"),
)


def covered_by(c: Composer, data: Inputs, iro: Iro) -> tuple[Run, ...]:
    """SBM-3 ¶48 h: the disclosure requirements that report a material IRO. Reported in full,
    S3's SBM-3 part describes every one, and S3-1, S3-4 and S3-5 those a policy, an action
    or a target lists; under the phase-in, BP-2 ¶17 reports them, which the taxonomy's list
    cannot say (it holds topical requirements only), so the datapoint is omitted."""
    dp_id = data.part("iros", "covered_by").datapoint
    wb = data.workbook
    if data.regime.phase_in_used:  # the taxonomy lists only topical requirements here
        c.mark(
            dp_id,
            Status.PHASE_IN,
            line(data, "notes", "covered_by_phase_in"),
        )
        return cell(line(data, "impacts", "phased_in"))
    keys = [("s3-sbm-3", "S3 SBM-3")]
    listed = []
    for key, label, sheet in REPORTED_UNDER:
        rows = [r for r in getattr(wb, sheet) if iro.id in r.impacts]
        if rows:
            keys.append((key, label))
        listed += rows
    return cell(
        enum_fact(
            c,
            data,
            dp_id,
            "disclosure_requirement",
            [k for k, _ in keys],
            ", ".join(label for _, label in keys),
            cells([iro], "id") + cells(listed, "impacts"),
            item=iro.id,
        )
    )


def greater_risk(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """S3 ¶10: how we understand which communities are at greater risk of harm: from the
    engagement whose insight S3-2 gives (said once, there)."""
    rows = [e for e in data.workbook.engagement if e.vulnerable_groups_insight]
    if not rows:
        return []
    lines = say(data, "words", "greater_risk", processes=listing([e.id for e in rows]))
    return [c.textblock(dp.id, lines, cells(rows, "id"))]
