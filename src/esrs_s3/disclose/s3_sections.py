"""The S3 disclosure requirements (SBM-3 S3 part, S3-1 to S3-5) composed from the workbook.

Text comes from the workbook's cells; the connecting sentences only say what the rows are.
Each narrative datapoint is tagged as a text block; per-policy, per-action and per-target
facts sit on the taxonomy's typed axes (see mdr_sections.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from esrs_s3.assess import Assessment
from esrs_s3.disclose.composer import Composer, Status
from esrs_s3.disclose.regime import Regime
from esrs_s3.disclose.text import cells, first_listed, listing, more, sentence
from esrs_s3.models import Iro, Narrative, Record, Workbook
from esrs_s3.render.document import Block, Run, Section

ESRS_NS = "https://xbrl.efrag.org/taxonomy/esrs/2023-12-22"


@dataclass(frozen=True)
class Inputs:
    workbook: Workbook
    assessment: Assessment
    regime: Regime
    members: dict[str, dict[str, str]]
    namespace: str

    @property
    def currency(self) -> str:
        return self.workbook.undertaking.currency

    def narrative(self, dp_id: str) -> Narrative | None:
        """The Narratives sheet's text for a datapoint, if the workbook gives one."""
        return next((n for n in self.workbook.narratives if n.datapoint == dp_id), None)

    def enum_value(self, enum: str, *values: str) -> str:
        """The value of an enumeration fact for workbook values of `enum` (members.toml)."""
        return _enum_value(self.namespace, [self.members[enum][v] for v in values])

    def material(self, *kinds: str) -> list[Iro]:
        return [a.iro for a in self.assessment.material_iros if not kinds or a.iro.kind in kinds]


def _para(*runs: Run | str) -> Block:
    return Block(
        kind="paragraph", runs=tuple(Run(text=r) if isinstance(r, str) else r for r in runs)
    )


def _iro_line(iro: Iro) -> str:
    where = f" ({', '.join(iro.countries)})" if iro.countries else ""
    return f"{iro.id} {iro.title}{where}: {sentence(iro.description)}"


def column_text(
    c: Composer,
    dp_id: str,
    rows: Sequence[Record],
    field: str,
    otherwise: tuple[Status, str] | None = None,
    label: Callable[[Record], str] = lambda row: row.id,
) -> list[Block]:
    """A text block with one sentence per row that fills `field` ("ID: text."); when no row
    does, the datapoint gets the status `otherwise` (or keeps its default) and no block."""
    filled = [row for row in rows if getattr(row, field)]
    if filled:
        lines = [f"{label(row)}: {sentence(getattr(row, field))}" for row in filled]
        return [c.textblock(dp_id, lines, cells(filled, field))]
    if otherwise:
        c.mark(dp_id, *otherwise)
    return []


def item_enum(
    c: Composer, data: Inputs, dp_id: str, record: Record, field: str, shown: str | None = None
) -> Run:
    """A record's enumerated column as an enumeration fact on the record's typed axis (the
    member from members.toml under the column's name)."""
    value = getattr(record, field)
    return c.fact(
        dp_id,
        "enumeration",
        shown or value,
        value=data.enum_value(field, value),
        item=record.id,
        sources=cells([record], field),
    )


def _enum_value(namespace: str, members: list[str]) -> str:
    return " ".join(f"{namespace}#{m}" for m in sorted(set(members)))


def sbm3_s3(c: Composer, data: Inputs) -> Section:
    """Material impacts, risks and opportunities and the communities they concern (S3 ¶9-11)."""
    blocks: list[Block] = []
    negative = data.material("negative impact")
    positive = data.material("positive impact")
    risks = data.material("risk", "opportunity")
    everything = data.workbook.impacts
    blocks.append(
        _para(
            "All affected communities who can be materially impacted are in the scope of this "
            "disclosure: ",
            c.flag("S3.SBM-3_01", True, cells(everything[:1], "id")),
            f". The register assessed {len(everything)} impacts, risks and opportunities.",
        )
    )
    by_type: dict[str, list[Iro]] = {}
    for iro in negative:
        by_type.setdefault(iro.community_type or "not stated", []).append(iro)
    if negative:
        paragraphs = []
        for kind, iros in by_type.items():
            listed, rest = first_listed(iros)
            paragraphs.append(
                f"Communities {kind} ({len(iros)} material negative impacts): "
                + " ".join(_iro_line(i) for i in listed)
                + (f" {more(rest, 'impacts')}" if rest else "")
            )
        blocks.append(c.textblock("S3.SBM-3_02", paragraphs, cells(negative, "community_type")))
        members = [
            data.members["community_type"][k]
            for k in by_type
            if k in data.members["community_type"]
        ]
        if members:
            blocks.append(
                _para(
                    "Types of communities subject to material negative impacts: ",
                    c.fact(
                        "S3.SBM-3_03",
                        "enumeration",
                        listing(list(by_type)),
                        value=_enum_value(data.namespace, members),
                        sources=cells(negative, "community_type"),
                    ),
                    ".",
                )
            )
    else:
        c.mark("S3.SBM-3_02", Status.NOT_APPLICABLE, "no material negative impact")
        c.mark("S3.SBM-3_03", Status.NOT_APPLICABLE, "no material negative impact")
    classified = [i for i in negative if i.occurrence]
    for iro in first_listed(classified)[0]:
        blocks.append(
            _para(
                f"{iro.id}: the impact is ",
                item_enum(c, data, "S3.SBM-3_04", iro, "occurrence"),
                ".",
            )
        )
    if not classified:
        c.mark(
            "S3.SBM-3_04",
            Status.MISSING if negative else Status.NOT_APPLICABLE,
            "no material negative impact says whether it is widespread, systemic or isolated "
            "(Impacts column occurrence)"
            if negative
            else "no material negative impact",
        )
    if positive:
        blocks.append(
            c.textblock(
                "S3.SBM-3_05",
                [f"{_iro_line(i)} Communities: {i.community_type}." for i in positive],
                cells(positive, "description", "community_type"),
            )
        )
    else:
        c.mark("S3.SBM-3_05", Status.NOT_APPLICABLE, "no material positive impact")
    if risks:
        blocks.append(
            c.textblock(
                "S3.SBM-3_06",
                [f"{i.kind.capitalize()} {_iro_line(i)}" for i in risks],
                cells(risks, "description"),
            )
        )
    else:
        c.mark("S3.SBM-3_06", Status.NOT_APPLICABLE, "no material risk or opportunity")
    blocks += column_text(
        c,
        "S3.SBM-3_07",
        data.workbook.engagement,
        "vulnerable_groups_insight",
        (Status.MISSING, "no engagement row records insight into groups at greater risk"),
    )
    c.mark(
        "S3.SBM-3_08",
        Status.MISSING,
        "the workbook does not link risks and opportunities to specific groups",
    )
    return Section(
        anchor="sbm-3-s3",
        title="SBM-3 Material impacts, risks and opportunities for affected communities",
        blocks=tuple(blocks),
    )


def s3_1(c: Composer, data: Inputs) -> list[Block]:
    """S3-1 narrative parts (the per-policy MDR-P table is added by mdr_sections)."""
    policies = data.workbook.policies
    blocks: list[Block] = []
    if not policies:
        return blocks
    referencing = [
        p for p in policies if p.references_ungp or p.references_oecd or p.references_ilo
    ]
    frameworks = []
    for p in policies:
        named = [
            n
            for n, flag in (
                ("the UN Guiding Principles", p.references_ungp),
                ("the OECD Guidelines", p.references_oecd),
                ("the ILO Declaration", p.references_ilo),
            )
            if flag
        ]
        frameworks.append(
            f"{p.id} {p.name}: "
            + (
                f"refers to {listing(named)}."
                if named
                else "refers to none of the UN Guiding Principles, the OECD "
                "Guidelines and the ILO Declaration."
            )
            + f" {sentence(p.description)}"
        )
    blocks.append(
        c.textblock("S3-1_03", frameworks, cells(policies, "description", "references_ungp"))
    )
    engagement = data.workbook.engagement
    if engagement:
        blocks.append(
            c.textblock(
                "S3-1_04",
                [
                    f"{e.id}: {sentence(e.description)} Form: {e.form}; stage: {e.stage}; "
                    f"frequency: {e.frequency}."
                    for e in engagement
                ],
                cells(engagement, "description"),
            )
        )
    else:
        blocks.append(
            c.textblock(
                "S3-1_04",
                [
                    "No general process to engage with affected "
                    "communities has been adopted (see S3-2)."
                ],
            )
        )
    blocks += column_text(
        c,
        "S3-1_05",
        data.workbook.channels,
        "remedy_approach",
        (Status.MISSING, "no channel row describes an approach to remedy"),
        label=lambda ch: f"{ch.id} {ch.name}",
    )
    blocks.append(
        _para(
            "Policies are aligned with internationally recognised instruments: ",
            c.flag(
                "S3-1_06",
                referencing,
                cells(policies, "references_ungp", "references_oecd", "references_ilo"),
            ),
            f". {len(referencing)} of {len(policies)} policies refer to the UN Guiding Principles, "
            "the OECD Guidelines or the ILO Declaration.",
        )
    )
    cases = [i for i in data.workbook.incidents if i.breach_of_ungp_oecd_ilo]
    if cases:
        dp = c.datapoints["S3-1_07"]
        extent, nature = dp.concepts[0], dp.concepts[-1]
        blocks.append(
            c.textblock(
                "S3-1_07",
                [
                    f"{len(cases)} case(s) of non-respect of the UN Guiding Principles, the ILO "
                    "Declaration or the OECD Guidelines involving affected communities were reported "
                    "in the period."
                ],
                cells(cases, "breach_of_ungp_oecd_ilo"),
                concept=extent,
            )
        )
        blocks.append(
            c.textblock(
                "S3-1_07",
                [
                    f"{i.id} ({i.date.isoformat()}, {i.country}): {sentence(i.description)}"
                    + (f" Status: {i.status}." if i.status else "")
                    for i in cases
                ],
                cells(cases, "description"),
                concept=nature,
            )
        )
    else:
        blocks.append(
            c.textblock(
                "S3-1_07",
                [
                    "No case of non-respect of the UN Guiding "
                    "Principles, the ILO Declaration or the OECD "
                    "Guidelines involving affected communities was "
                    "recorded in the period."
                ],
                cells(data.workbook.incidents, "breach_of_ungp_oecd_ilo"),
            )
        )
    blocks += column_text(
        c, "S3-1_09", policies, "communication", label=lambda p: f"{p.id} {p.name}"
    )
    parts = [f for dp in ("S3-1_03", "S3-1_04", "S3-1_05") for f in c.facts_of(dp)]
    c.link("S3-1_02", tuple(parts), "human-rights commitments: see S3-1 ¶16 a-c")
    return blocks


def s3_2(c: Composer, data: Inputs) -> list[Block]:
    """S3-2 processes for engaging with affected communities."""
    rows = data.workbook.engagement
    if not rows:
        blocks = [
            _para(
                "No general process to engage with affected communities has been adopted: ",
                c.flag("S3-2_08", True),
                ".",
            )
        ]
        for dp in ("S3-2_01", "S3-2_02", "S3-2_03", "S3-2_04", "S3-2_05", "S3-2_06", "S3-2_07"):
            c.mark(dp, Status.NOT_APPLICABLE, "no engagement process adopted")
        return blocks
    c.mark("S3-2_08", Status.NOT_APPLICABLE, "engagement processes exist")
    c.mark("S3-2_09", Status.NOT_APPLICABLE, "engagement processes exist")
    blocks = [
        c.textblock(
            "S3-2_01",
            [
                f"{e.id}: {sentence(e.description)}"
                + (
                    f" It informs the management of {listing(list(e.impacts))}."
                    if e.impacts
                    else ""
                )
                for e in rows
            ],
            cells(rows, "description", "impacts"),
        ),
        _para(
            "Engagement takes place with: ",
            c.fact(
                "S3-2_02",
                "enumeration",
                listing(sorted({e.form for e in rows})),
                value=data.enum_value("engagement_form", *(e.form for e in rows)),
                sources=cells(rows, "form"),
            ),
            ".",
        ),
        c.textblock(
            "S3-2_03",
            [f"{e.id}: stage {e.stage}; frequency {e.frequency}; form {e.form}." for e in rows],
            cells(rows, "stage", "frequency", "form"),
        ),
        c.textblock(
            "S3-2_04",
            [f"{e.id}: {sentence(e.responsible_role)}" for e in rows],
            cells(rows, "responsible_role"),
        ),
    ]
    assessed = [e for e in rows if e.effectiveness_assessment]
    blocks.append(
        c.textblock(
            "S3-2_05",
            [f"{e.id}: {sentence(e.effectiveness_assessment)}" for e in assessed]
            + [
                f"{listing([e.id for e in rows if not e.effectiveness_assessment])}: the effectiveness "
                "of this engagement is not assessed."
            ]
            * (len(assessed) < len(rows)),
            cells(rows, "effectiveness_assessment"),
        )
    )
    blocks += column_text(
        c,
        "S3-2_06",
        rows,
        "vulnerable_groups_insight",
        (Status.MISSING, "no engagement row records steps to hear vulnerable groups"),
    )
    indigenous = any(i.community_type == "indigenous peoples" for i in data.workbook.impacts)
    fpic_rows = [e for e in rows if e.fpic in ("yes", "no")]
    if indigenous or fpic_rows:
        lines = [f"{e.id}: free, prior and informed consent sought: {e.fpic}." for e in fpic_rows]
        blocks.append(
            c.textblock(
                "S3-2_07",
                lines
                or [
                    "No engagement process records whether free, prior and informed consent "
                    "of indigenous peoples is sought."
                ],
                cells(rows, "fpic"),
                concept=c.concept(c.datapoints["S3-2_07"], "textblock"),
            )
        )
    else:
        c.mark("S3-2_07", Status.NOT_APPLICABLE, "no impact on indigenous peoples in the register")
    return blocks


def s3_3(c: Composer, data: Inputs) -> list[Block]:
    """S3-3 processes to remediate negative impacts and channels to raise concerns."""
    channels = data.workbook.channels
    remedy_actions = [a for a in data.workbook.actions if a.action_type == "remediate"]
    if not channels:
        blocks = [
            _para(
                "No channel through which affected communities can raise concerns has "
                "been adopted: ",
                c.flag("S3-3_16", True),
                ".",
            )
        ]
        for dp in ("S3-3_11", "S3-3_13", "S3-3_14", "S3-3_15", "S3-3_20", "S3-3_21"):
            c.mark(dp, Status.NOT_APPLICABLE, "no channel adopted")
    else:
        c.mark("S3-3_16", Status.NOT_APPLICABLE, "channels exist")
        c.mark("S3-3_17", Status.NOT_APPLICABLE, "channels exist")
        blocks = [
            c.textblock(
                "S3-3_11",
                [
                    f"{ch.id} {ch.name} ({ch.type}): {sentence(ch.description)}"
                    + (f" Available to: {ch.available_to}." if ch.available_to else "")
                    for ch in channels
                ],
                cells(channels, "name", "type", "description"),
            ),
            c.textblock(
                "S3-3_13",
                [
                    f"{ch.id}: issues raised are {'tracked and monitored' if ch.tracks_issues else 'not tracked'}."
                    for ch in channels
                ],
                cells(channels, "tracks_issues"),
            ),
            c.textblock(
                "S3-3_14",
                [
                    f"{ch.id}: whether communities know and trust the channel is "
                    f"{'assessed' if ch.trust_assessed else 'not assessed'}."
                    for ch in channels
                ],
                cells(channels, "trust_assessed"),
            ),
        ]
        every = all(ch.anti_retaliation for ch in channels)
        blocks.append(
            _para(
                "Policies protect people who use the channels against retaliation: ",
                c.flag(
                    "S3-3_15",
                    every,
                    cells(channels, "anti_retaliation"),
                ),
                ".",
            )
        )
        confidential = all(ch.confidential for ch in channels)
        anonymous = all(ch.anonymous for ch in channels)
        blocks.append(
            _para(
                "Grievances are treated confidentially: ",
                c.flag(
                    "S3-3_20",
                    confidential,
                    cells(channels, "confidential"),
                ),
                ". Concerns can be raised anonymously: ",
                c.flag(
                    "S3-3_21",
                    anonymous,
                    cells(channels, "anonymous"),
                ),
                ".",
            )
        )
    approaches = [ch for ch in channels if ch.remedy_approach]
    remedy_lines = [f"{ch.id}: {sentence(ch.remedy_approach)}" for ch in approaches]
    remedy_lines += [f"{a.id} {a.title}: {sentence(a.description)}" for a in remedy_actions]
    if remedy_lines:
        blocks.insert(
            0,
            c.textblock(
                "S3-3_10",
                remedy_lines,
                cells(approaches, "remedy_approach") + cells(remedy_actions, "description"),
            ),
        )
    else:
        c.mark(
            "S3-3_10", Status.MISSING, "no remedy approach or remediation action in the workbook"
        )
    c.mark(
        "S3-3_12",
        Status.MISSING,
        "the workbook does not describe channels at business relationships",
    )
    return blocks


def s3_4(c: Composer, data: Inputs) -> list[Block]:
    """S3-4 narrative parts (per-action MDR-A facts are added by mdr_sections)."""
    actions = data.workbook.actions
    blocks: list[Block] = []
    groups = {
        "S3-4_02": [a for a in actions if a.action_type == "remediate"],
        "S3-4_03": [a for a in actions if a.action_type == "positive impact"],
        "S3-4_08": [a for a in actions if a.action_type == "manage risk"],
        "S3-4_09": [a for a in actions if a.action_type == "pursue opportunity"],
    }
    for dp, rows in groups.items():
        if rows:
            concept = c.concept(c.datapoints[dp], "textblock")
            blocks.append(
                c.textblock(
                    dp,
                    [f"{a.id} {a.title} ({a.status}): {sentence(a.description)}" for a in rows],
                    cells(rows, "description"),
                    concept=concept,
                )
            )
        else:
            c.mark(dp, Status.NOT_APPLICABLE, "no action of this type")
    tracked = [a for a in actions if a.effectiveness_tracking]
    if actions:
        blocks.append(
            c.textblock(
                "S3-4_04",
                [f"{a.id}: {sentence(a.effectiveness_tracking)}" for a in tracked]
                + [
                    f"{listing([a.id for a in actions if not a.effectiveness_tracking])}: effectiveness "
                    "is not tracked."
                ]
                * (len(tracked) < len(actions)),
                cells(actions, "effectiveness_tracking"),
            )
        )
        capex = sum(a.capex or 0 for a in actions)
        opex = sum(a.opex or 0 for a in actions)
        blocks.append(
            c.textblock(
                "S3-4_12",
                [
                    f"Resources allocated to the {len(actions)} actions: capital expenditure "
                    f"{data.currency} {capex:,.0f} and operating expenditure {data.currency} {opex:,.0f} "
                    "(totals of the amounts stated per action)."
                ],
                cells(actions, "capex", "opex"),
            )
        )
    blocks += column_text(c, "S3-4_13", actions, "leverage_used")
    severe = [i for i in data.workbook.incidents if i.severe]
    if severe:
        blocks.append(
            c.textblock(
                "S3-4_11",
                [
                    f"{i.id} ({i.date.isoformat()}, {i.country}): {sentence(i.description)} Remedy "
                    f"provided: {'yes' if i.remedy_provided else 'no'}."
                    + (f" Status: {i.status}." if i.status else "")
                    for i in severe
                ],
                cells(severe, "description", "remedy_provided"),
            )
        )
    else:
        blocks.append(
            c.textblock(
                "S3-4_11",
                [
                    "No severe human-rights issue or incident connected "
                    "to affected communities was reported in the period."
                ],
                cells(data.workbook.incidents, "severe"),
            )
        )
    for dp, note in (
        ("S3-4_05", "no process for identifying needed action is described"),
        ("S3-4_06", "no approach to specific impacts is described"),
        ("S3-4_07", "no approach to making remedy effective is described"),
        ("S3-4_10", "the workbook does not describe how own practices avoid harm"),
    ):
        c.mark(dp, Status.MISSING, note)
    return blocks


def s3_5(c: Composer, data: Inputs) -> list[Block]:
    """S3-5 narrative parts (per-target MDR-T facts are added by mdr_sections)."""
    targets = data.workbook.targets
    if not targets:
        for dp in ("S3-5_01", "S3-5_02", "S3-5_03"):
            c.mark(dp, Status.NOT_APPLICABLE, "no target set")
        return []
    involved = [t for t in targets if t.communities_involved]
    lines = [
        f"{t.id} {t.title}: affected communities were "
        f"{'engaged' if t.communities_involved else 'not engaged'} in setting it."
        for t in targets
    ]
    block = c.textblock(
        "S3-5_01",
        lines,
        cells(targets, "communities_involved"),
        concept=c.concept(c.datapoints["S3-5_01"], "textblock"),
    )
    c.mark(
        "S3-5_02", Status.MISSING, "the workbook does not say whether communities track performance"
    )
    c.mark(
        "S3-5_03", Status.MISSING, "the workbook does not say whether communities help draw lessons"
    )
    del involved
    return [block]
