"""The S3 disclosure requirements (SBM-3 S3 part, S3-1 to S3-5) composed from the workbook.

Text comes from the workbook's cells; the connecting sentences only say what the rows are.
Each narrative datapoint is tagged as a text block; per-policy, per-action and per-target
facts sit on the taxonomy's typed axes (see mdr_sections.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from esrs_s3.assess import Assessment
from esrs_s3.disclose.composer import Composer, Status
from esrs_s3.disclose.narratives import answer, paragraphs
from esrs_s3.disclose.regime import Regime
from esrs_s3.disclose.text import amount, cells, count, first_listed, listing, more, sentence
from esrs_s3.models import Action, Channel, Iro, Narrative, Policy, Record, Workbook
from esrs_s3.render.document import Block, Run, Section


@dataclass(frozen=True)
class Inputs:
    workbook: Workbook
    assessment: Assessment
    regime: Regime
    members: dict[str, dict]
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

    def label(self, enum: str, value: str) -> str:
        """How the statement names a workbook value (members.toml `labels`), else the value."""
        return self.members.get("labels", {}).get(enum, {}).get(value, value)

    def material(self, *kinds: str) -> list[Iro]:
        return [i for i in self._material if not kinds or i.kind in kinds]

    @cached_property
    def _material(self) -> tuple[Iro, ...]:
        return tuple(a.iro for a in self.assessment.material_iros)

    @cached_property
    def described(self) -> dict[str, str]:
        """The material IROs the statement describes in the SBM-3 table, id -> name, ranked by
        score (highest first); a large register lists the first LISTED of them."""
        ranked = sorted(
            self.assessment.material_iros,
            key=lambda a: (-max(a.scores.impact_score or 0, a.scores.financial_score or 0), a.id),
        )
        return {a.id: a.iro.title for a in first_listed(ranked)[0]}

    @cached_property
    def material_ids(self) -> frozenset[str]:
        return frozenset(i.id for i in self._material)


def _para(*runs: Run | str) -> Block:
    return Block(
        kind="paragraph", runs=tuple(Run(text=r) if isinstance(r, str) else r for r in runs)
    )


def _iro_line(iro: Iro) -> str:
    where = f" ({', '.join(iro.countries)})" if iro.countries else ""
    return f"{iro.id} {iro.title}{where}: {sentence(iro.description)}"


def fill_narrative(dp_id: str) -> str:
    """What to fill for a datapoint only the Narratives sheet feeds."""
    return f"add a Narratives row for {dp_id}"


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


def answered(c: Composer, data: Inputs, dp_id: str, question: str) -> list[Block]:
    """A yes/no (or year) datapoint the undertaking answers on the Narratives sheet; without
    the row the datapoint is missing and its note says what to fill."""
    dp, narrative = c.datapoints[dp_id], data.narrative(dp_id)
    if narrative is None:
        what = "yes or no" if dp.data_type == "boolean" else "a year"
        c.mark(dp_id, Status.MISSING, f"{fill_narrative(dp_id)} giving {what}: {question}")
        return []
    return [_para(f"{question}: ", answer(c, dp, narrative), ".")]


def own_words(data: Inputs, dp_id: str) -> tuple[list[str], tuple[str, ...]]:
    """The paragraphs and cell of the Narratives row for a datapoint, if any."""
    narrative = data.narrative(dp_id)
    if narrative is None:
        return [], ()
    return paragraphs(narrative), (str(narrative.cell("text")),)


def item_enum(
    c: Composer, data: Inputs, dp_id: str, record: Record, field: str, shown: str | None = None
) -> Run:
    """A record's enumerated column as an enumeration fact on the record's typed axis (the
    member from members.toml under the column's name)."""
    value = getattr(record, field)
    return enum_fact(
        c, data, dp_id, field, (value,), shown or value, cells([record], field), item=record.id
    )


def enum_fact(
    c: Composer,
    data: Inputs,
    dp_id: str,
    enum: str,
    keys: Iterable[str],
    shown: str,
    sources: tuple[str, ...] = (),
    item: str | None = None,
) -> Run:
    """An enumeration fact: the taxonomy members (members.toml `enum`) of workbook values
    `keys`, shown as `shown`."""
    value = data.enum_value(enum, *keys)
    return c.fact(dp_id, "enumeration", shown, value=value, item=item, sources=sources)


def _enum_value(namespace: str, members: list[str]) -> str:
    return " ".join(f"{namespace}#{m}" for m in sorted(set(members)))


def sbm3_s3(c: Composer, data: Inputs) -> Section:
    """Material impacts, risks and opportunities and the communities they concern (S3 ¶9-11)."""
    blocks: list[Block] = answered(
        c,
        data,
        "S3.SBM-3_01",
        "All affected communities who can be materially impacted by the undertaking are included "
        "in the scope of this disclosure",
    )
    impacts = data.material("negative impact", "positive impact")
    negative = [i for i in impacts if i.kind == "negative impact"]
    positive = [i for i in impacts if i.kind == "positive impact"]
    risks = data.material("risk", "opportunity")
    by_type: dict[str, list[Iro]] = {}
    for iro in impacts:
        by_type.setdefault(iro.community_type, []).append(iro)
    if impacts:
        paragraphs_ = []
        for kind, iros in by_type.items():
            listed, rest = first_listed(iros)
            paragraphs_.append(
                f"{data.label('community_type', kind)} ({count(len(iros), 'material impact')}): "
                + " ".join(_iro_line(i) for i in listed)
                + (f" {more(rest, 'impacts')}" if rest else "")
            )
        blocks.append(c.textblock("S3.SBM-3_02", paragraphs_, cells(impacts, "community_type")))
        blocks.append(
            _para(
                "Types of communities subject to material impacts: ",
                enum_fact(
                    c,
                    data,
                    "S3.SBM-3_03",
                    "community_type",
                    by_type,
                    listing([data.label("community_type", k).lower() for k in by_type]),
                    cells(impacts, "community_type"),
                ),
                ".",
            )
        )
    else:
        c.mark("S3.SBM-3_02", Status.NOT_APPLICABLE, "no material impact")
        c.mark("S3.SBM-3_03", Status.NOT_APPLICABLE, "no material impact")
    classified = [i for i in negative if i.occurrence]
    for iro in first_listed(classified)[0]:
        blocks.append(
            _para(
                f"{iro.title} ({iro.id}): the impact is ",
                item_enum(
                    c,
                    data,
                    "S3.SBM-3_04",
                    iro,
                    "occurrence",
                    data.label("occurrence", iro.occurrence),
                ),
                ".",
            )
        )
    unclassified = [i.id for i in negative if not i.occurrence]
    if unclassified:  # ¶9 b asks it of every material negative impact
        c.incomplete(
            "S3.SBM-3_04",
            f"fill the Impacts column occurrence for {listing(unclassified)}",
        )
    elif not negative:
        c.mark("S3.SBM-3_04", Status.NOT_APPLICABLE, "no material negative impact")
    if positive:
        blocks.append(
            c.textblock(
                "S3.SBM-3_05",
                [
                    f"{_iro_line(i)} It benefits "
                    f"{data.label('community_type', i.community_type).lower()}."
                    for i in positive
                ],
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
        blocks += answered(
            c,
            data,
            "S3.SBM-3_08",
            "Material risks or opportunities arise from impacts on, or dependencies on, specific "
            "groups of affected communities rather than all of them",
        )
    else:
        c.mark("S3.SBM-3_06", Status.NOT_APPLICABLE, "no material risk or opportunity")
        c.mark("S3.SBM-3_08", Status.NOT_APPLICABLE, "no material risk or opportunity")
    blocks += column_text(
        c,
        "S3.SBM-3_07",
        data.workbook.engagement,
        "vulnerable_groups_insight",
        (Status.MISSING, "fill the Engagement column vulnerable_groups_insight"),
    )
    return Section(
        anchor="sbm-3-s3",
        title="SBM-3 Material impacts, risks and opportunities for affected communities",
        blocks=tuple(blocks),
    )


INSTRUMENTS = (
    ("the UN Guiding Principles", "references_ungp"),
    ("the OECD Guidelines", "references_oecd"),
    ("the ILO Declaration", "references_ilo"),
)


def _instruments(policy: Policy) -> list[str]:
    return [name for name, field in INSTRUMENTS if getattr(policy, field)]


def s3_1(c: Composer, data: Inputs) -> list[Block]:
    """S3-1 narrative parts (the per-policy MDR-P table is added by mdr_sections)."""
    policies = data.workbook.policies
    if not policies:  # the ESRS 2 ¶62 statement covers them; the cases of ¶17 are still told
        for dp in ("S3-1_01", "S3-1_02", "S3-1_03", "S3-1_04", "S3-1_05", "S3-1_06"):
            c.mark(dp, Status.NOT_APPLICABLE, "no policy adopted (ESRS 2 ¶62 statement)")
        return _cases(c, data)
    blocks: list[Block] = []
    none = "the UN Guiding Principles, the OECD Guidelines or the ILO Declaration"
    blocks += column_text(
        c,
        "S3-1_02",
        policies,
        "compliance_monitoring",
        (Status.MISSING, "fill the Policies column compliance_monitoring"),
        label=lambda p: f"{p.name} ({p.id})",
    )
    frameworks = []
    for p in policies:
        named = _instruments(p)
        frameworks.append(
            f"{p.name} ({p.id}) "
            + (f"refers to {listing(named)}." if named else f"does not refer to {none}.")
            + f" {sentence(p.description)}"
        )
    blocks.append(
        c.textblock(
            "S3-1_03",
            frameworks,
            cells(policies, "description", "references_ungp", "references_oecd", "references_ilo"),
        )
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
                cells(engagement, "description", "form", "stage", "frequency"),
            )
        )
    else:
        blocks.append(
            c.textblock(
                "S3-1_04",
                ["No general process to engage with affected communities has been adopted."],
                ("Engagement!A2",),
            )
        )
    blocks += column_text(
        c,
        "S3-1_05",
        data.workbook.channels,
        "remedy_approach",
        (Status.MISSING, "fill the Channels column remedy_approach"),
        label=lambda ch: f"{ch.name} ({ch.id})",
    )
    blocks += _alignment(c, data, policies, none)
    blocks += _cases(c, data)
    blocks += column_text(
        c, "S3-1_09", policies, "communication", label=lambda p: f"{p.name} ({p.id})"
    )
    return blocks


def _alignment(c: Composer, data: Inputs, policies: Sequence[Policy], none: str) -> list[Block]:
    """S3 ¶17: whether the policies that cover material impacts are aligned with the
    internationally recognised instruments: yes only if each of them refers to one."""
    scope = [p for p in policies if data.material_ids & set(p.impacts)]
    if not scope:
        c.mark(
            "S3-1_06",
            Status.MISSING,
            "no policy covers a material impact: list the material IROs in the Policies column "
            "impacts",
        )
        return []
    silent = [p for p in scope if not _instruments(p)]
    where = cells(scope, "impacts", "references_ungp", "references_oecd", "references_ilo")
    lines = [
        f"{count(len(scope), 'policy', 'policies')} cover material impacts, risks or "
        f"opportunities; {len(scope) - len(silent)} of them refer to {none}."
    ]
    lines += [
        f"{p.name} ({p.id}) refers to {listing(_instruments(p))}." for p in scope if p not in silent
    ]
    if silent:
        lines.append(
            f"{listing([f'{p.name} ({p.id})' for p in silent])} "
            f"{'does' if len(silent) == 1 else 'do'} not refer to any of them."
        )
    return [
        _para(
            "The policies that cover material impacts are aligned with internationally "
            "recognised instruments: ",
            c.flag("S3-1_06", not silent, where),
            ".",
        ),
        c.textblock("S3-1_06", lines, where),
    ]


def _cases(c: Composer, data: Inputs) -> list[Block]:
    """S3 ¶17: the extent and nature of reported cases of non-respect of the instruments."""
    incidents = data.workbook.incidents
    cases = [i for i in incidents if i.breach_of_ungp_oecd_ilo]
    dp = c.datapoints["S3-1_07"]
    extent, nature = dp.concepts[0], dp.concepts[-1]
    where = cells(incidents, "breach_of_ungp_oecd_ilo") or ("Incidents!A2",)
    if not cases:  # the extent is none, and so there is no nature to describe
        return [
            c.textblock(
                "S3-1_07",
                [
                    "No case of non-respect of the UN Guiding Principles, the ILO Declaration or "
                    "the OECD Guidelines involving affected communities was reported in the "
                    "period."
                ],
                where,
                concept=extent,
            ),
            c.textblock(
                "S3-1_07",
                ["With no case reported, there is no nature of cases to describe."],
                where,
                concept=nature,
            ),
        ]
    return [
        c.textblock(
            "S3-1_07",
            [
                f"{count(len(cases), 'case')} of non-respect of the UN Guiding Principles, the ILO "
                "Declaration or the OECD Guidelines involving affected communities "
                f"{'was' if len(cases) == 1 else 'were'} reported in the period."
            ],
            where,
            concept=extent,
        ),
        c.textblock(
            "S3-1_07",
            [
                f"{i.id} ({i.date.isoformat()}, {i.country}): {sentence(i.description)}"
                + (f" Status: {i.status}." if i.status else "")
                for i in cases
            ],
            cells(cases, "description", "date", "country", "status"),
            concept=nature,
        ),
    ]


def s3_2(c: Composer, data: Inputs) -> list[Block]:
    """S3-2 processes for engaging with affected communities."""
    rows = data.workbook.engagement
    if not rows:
        blocks = [
            _para(
                "No general process to engage with affected communities has been adopted: ",
                c.flag("S3-2_08", True, ("Engagement!A2",)),
                ".",
            )
        ]
        for dp in ("S3-2_01", "S3-2_02", "S3-2_03", "S3-2_04", "S3-2_05", "S3-2_06", "S3-2_07"):
            c.mark(dp, Status.NOT_APPLICABLE, "no engagement process adopted")
        return blocks
    c.mark("S3-2_08", Status.NOT_APPLICABLE, "engagement processes exist")
    c.mark("S3-2_09", Status.NOT_APPLICABLE, "engagement processes exist")
    forms = sorted({e.form for e in rows})
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
            "Engagement takes place ",
            enum_fact(
                c,
                data,
                "S3-2_02",
                "engagement_form",
                forms,
                listing([data.label("engagement_form", f) for f in forms]),
                cells(rows, "form"),
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
    unassessed = [e.id for e in rows if not e.effectiveness_assessment]
    blocks.append(
        c.textblock(
            "S3-2_05",
            [f"{e.id}: {sentence(e.effectiveness_assessment)}" for e in assessed]
            + (
                [
                    f"The effectiveness of {listing(unassessed)} is not assessed."
                    if len(unassessed) > 1
                    else f"The effectiveness of {unassessed[0]} is not assessed."
                ]
                if unassessed
                else []
            ),
            cells(rows, "effectiveness_assessment"),
        )
    )
    blocks += column_text(
        c,
        "S3-2_06",
        rows,
        "vulnerable_groups_insight",
        (Status.MISSING, "fill the Engagement column vulnerable_groups_insight"),
    )
    indigenous = [i for i in data.material() if concerns_indigenous_peoples(i)]
    fpic_rows = [e for e in rows if e.fpic in ("yes", "no")]
    if fpic_rows:
        blocks.append(
            c.textblock(
                "S3-2_07",
                [
                    f"{e.id}: the free, prior and informed consent of the indigenous peoples "
                    f"concerned {'is' if e.fpic == 'yes' else 'is not'} sought."
                    for e in fpic_rows
                ],
                cells(fpic_rows, "fpic"),
            )
        )
    elif indigenous:
        c.mark(
            "S3-2_07",
            Status.MISSING,
            "fill the Engagement column fpic for the engagement with the indigenous peoples "
            f"concerned by {listing([i.id for i in indigenous])}",
        )
    else:
        c.mark("S3-2_07", Status.NOT_APPLICABLE, "no material impact on indigenous peoples")
    return blocks


def concerns_indigenous_peoples(iro: Iro) -> bool:
    return (
        iro.community_type == "indigenous peoples"
        or iro.sub_topic == "rights of indigenous peoples"
    )


def s3_3(c: Composer, data: Inputs) -> list[Block]:
    """S3-3 processes to remediate negative impacts and channels to raise concerns."""
    channels = data.workbook.channels
    remedy_actions = [a for a in data.workbook.actions if a.action_type == "remediate"]
    if not channels:
        blocks = [
            _para(
                "No channel through which affected communities can raise concerns has "
                "been adopted: ",
                c.flag("S3-3_16", True, ("Channels!A2",)),
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
        blocks += [
            _every_channel(
                c,
                channels,
                "S3-3_15",
                "anti_retaliation",
                "Policies protect the people who use each channel against retaliation",
                "without that protection",
            ),
            _every_channel(
                c,
                channels,
                "S3-3_20",
                "confidential",
                "Grievances are treated confidentially in each channel",
                "without confidential treatment",
            ),
        ]
        anonymous = [ch for ch in channels if ch.anonymous]
        blocks.append(
            _para(
                "Concerns can be raised anonymously: ",
                c.flag("S3-3_21", bool(anonymous), cells(channels, "anonymous")),
                f" (through {listing([ch.name for ch in anonymous])})." if anonymous else ".",
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
            "S3-3_10",
            Status.MISSING,
            "fill the Channels column remedy_approach, or record actions of type remediate",
        )
    c.mark("S3-3_12", Status.MISSING, fill_narrative("S3-3_12"))
    return blocks


def _every_channel(
    c: Composer, channels: Sequence[Channel], dp_id: str, field: str, claim: str, lacking: str
) -> Block:
    """A yes/no that holds only if it holds for every channel; the exceptions are named."""
    without = [ch for ch in channels if not getattr(ch, field)]
    return _para(
        f"{claim}: ",
        c.flag(dp_id, not without, cells(channels, field)),
        f" ({listing([ch.name for ch in without])} {lacking})." if without else ".",
    )


# S3 ¶32 b-c, ¶34: what the actions of each type disclose, what makes the datapoint apply (its
# trigger: the kinds and status of material IROs it is about), and whether an action counts
# only when it addresses one of those IROs (remedy for an actual material impact, mitigation
# of a material risk, pursuit of a material opportunity) or whatever it addresses (¶32 c:
# initiatives whose primary purpose is a positive impact).
ACTION_GROUPS = (
    ("S3-4_02", ("remediate",), ("negative impact",), "actual", True, "remedy"),
    ("S3-4_03", ("positive impact",), ("positive impact",), None, False, "initiatives"),
    ("S3-4_08", ("manage risk",), ("risk",), None, True, "risk actions"),
    ("S3-4_09", ("pursue opportunity",), ("opportunity",), None, True, "opportunity actions"),
)


def _action_line(a: Action) -> str:
    return f"{a.title} ({a.id}, {a.status}): {sentence(a.description)}"


def _by_type(c: Composer, data: Inputs) -> list[Block]:
    """S3-4_02/03/08/09 from the actions of the matching type, else from the undertaking's own
    words (Narratives); missing when material IROs call for them, not applicable otherwise."""
    blocks: list[Block] = []
    actions = data.workbook.actions
    for dp, types, kinds, status, addressed, what in ACTION_GROUPS:
        trigger = [i for i in data.material(*kinds) if status is None or i.status == status]
        about = {i.id for i in trigger}
        rows = [
            a
            for a in actions
            if a.action_type in types and (about & set(a.impacts) or not addressed)
        ]
        lines = [_action_line(a) for a in rows]
        where = cells(rows, "title", "description", "status", "action_type")
        if dp == "S3-4_02":
            remedied = [
                i
                for i in data.workbook.incidents
                if i.remedy_provided and set(i.impacts) & {t.id for t in trigger}
            ]
            lines += [
                f"{i.id} ({i.date.isoformat()}): remedy has been provided for the incident."
                for i in remedied
            ]
            where += cells(remedied, "remedy_provided")
            if rows:
                blocks.append(
                    _para(
                        "Action has been taken to provide or enable remedy for actual material "
                        "impacts: ",
                        c.flag(dp, True, cells(rows, "action_type")),
                        ".",
                    )
                )
        words, cell = own_words(data, dp)
        if lines or words:
            concept = c.concept(c.datapoints[dp], "textblock")
            blocks.append(c.textblock(dp, lines + words, where + cell, concept=concept))
        elif trigger:
            c.mark(
                dp,
                Status.MISSING,
                f"record the {what} for {listing([i.id for i in trigger])} as actions of type "
                f"{' or '.join(types)}, or {fill_narrative(dp)}",
            )
        else:
            c.mark(
                dp,
                Status.NOT_APPLICABLE,
                f"no material {' or '.join(kinds)}" + (f" that is {status}" if status else ""),
            )
    return blocks


def _prevention(c: Composer, data: Inputs) -> list[Block]:
    """S3-4_01 (¶32 a): the actions that prevent or mitigate material negative impacts."""
    negative = data.material("negative impact")
    titles = {i.id: i.title for i in negative}
    rows = [
        a
        for a in data.workbook.actions
        if a.action_type in ("prevent", "mitigate") and titles.keys() & set(a.impacts)
    ]
    if rows:
        lines = [
            _action_line(a)
            + f" It addresses {listing([f'{titles[i]} ({i})' for i in a.impacts if i in titles])}."
            for a in rows
        ]
        return [c.textblock("S3-4_01", lines, cells(rows, "title", "description", "impacts"))]
    if negative:
        c.mark(
            "S3-4_01",
            Status.MISSING,
            "record the actions that prevent or mitigate "
            f"{listing([i.id for i in negative])} (Actions, action_type prevent or mitigate, "
            "listing them in impacts)",
        )
    else:
        c.mark("S3-4_01", Status.NOT_APPLICABLE, "no material negative impact")
    return []


def _resources(c: Composer, data: Inputs) -> list[Block]:
    """S3-4_12 (¶38): the resources allocated, from the amounts stated per action."""
    actions = data.workbook.actions
    parts = []
    for field, label in MONEY:
        stated = [a for a in actions if getattr(a, field) is not None]
        spent = [a for a in stated if getattr(a, field)]
        if stated:
            total = amount(sum(getattr(a, field) for a in stated), data.currency)
            parts.append(
                f"{label} {total}" + (f" ({count(len(spent), 'action')})" if spent else "")
            )
    if not parts:
        c.mark(
            "S3-4_12",
            Status.MISSING,
            "fill the Actions columns capex_current, opex_current, capex_future and opex_future",
        )
        return []
    return [
        c.textblock(
            "S3-4_12",
            [
                "Resources allocated to the actions on affected communities: "
                + "; ".join(parts)
                + "."
            ],
            cells(actions, *(field for field, _ in MONEY)),
        )
    ]


# The money columns of an action, as the statement names them.
MONEY = (
    ("capex_current", "capital expenditure in the reporting period"),
    ("opex_current", "operating expenditure in the reporting period"),
    ("capex_future", "capital expenditure planned for later periods"),
    ("opex_future", "operating expenditure planned for later periods"),
)


def s3_4(c: Composer, data: Inputs) -> list[Block]:
    """S3-4 narrative parts (per-action MDR-A facts are added by mdr_sections)."""
    actions = data.workbook.actions
    blocks: list[Block] = []
    if actions:
        blocks += _prevention(c, data)
        blocks += _by_type(c, data)
        tracked = [a for a in actions if a.effectiveness_tracking]
        untracked = [a for a in actions if not a.effectiveness_tracking]
        blocks.append(
            c.textblock(
                "S3-4_04",
                [f"{a.title} ({a.id}): {sentence(a.effectiveness_tracking)}" for a in tracked]
                + (
                    [
                        f"The effectiveness of {listing([f'{a.title} ({a.id})' for a in untracked])} "
                        "is not tracked."
                    ]
                    if untracked
                    else []
                ),
                cells(actions, "effectiveness_tracking"),
            )
        )
        blocks += _resources(c, data)
        blocks += column_text(c, "S3-4_13", actions, "leverage_used")
    else:  # the ESRS 2 ¶62 statement that no action is adopted covers S3-4 ¶32-34
        for dp in ("S3-4_01", "S3-4_02", "S3-4_03", "S3-4_04", "S3-4_08", "S3-4_09", "S3-4_12"):
            c.mark(dp, Status.NOT_APPLICABLE, "no action adopted (ESRS 2 ¶62 statement)")
    blocks += _severe_incidents(c, data)
    for dp in ("S3-4_05", "S3-4_06", "S3-4_07", "S3-4_10"):
        c.mark(dp, Status.MISSING, fill_narrative(dp))
    return blocks


def _severe_incidents(c: Composer, data: Inputs) -> list[Block]:
    """S3 ¶36: whether severe human-rights issues and incidents were reported, and which."""
    incidents = data.workbook.incidents
    severe = [i for i in incidents if i.severe]
    where = cells(incidents, "severe") or ("Incidents!A2",)
    blocks = [
        _para(
            "Severe human-rights issues or incidents connected to affected communities were "
            "reported in the period: ",
            c.flag("S3-4_11", bool(severe), where),
            ".",
        )
    ]
    if not severe:  # ¶36: whether any was reported; with none, there are none to disclose
        blocks.append(
            c.textblock(
                "S3-4_11", ["There is therefore no severe issue or incident to describe."], where
            )
        )
    if severe:
        blocks.append(
            c.textblock(
                "S3-4_11",
                [
                    f"{i.id} ({i.date.isoformat()}, {i.country}): {sentence(i.description)} "
                    f"Remedy {'has' if i.remedy_provided else 'has not'} been provided."
                    + (f" Status: {i.status}." if i.status else "")
                    for i in severe
                ],
                cells(severe, "description", "date", "country", "remedy_provided", "status"),
            )
        )
    return blocks


def s3_5(c: Composer, data: Inputs) -> list[Block]:
    """S3-5 narrative parts (per-target MDR-T facts are added by mdr_sections)."""
    targets = data.workbook.targets
    if not targets:
        for dp in ("S3-5_01", "S3-5_02", "S3-5_03"):
            c.mark(dp, Status.NOT_APPLICABLE, "no target set")
        return []
    lines = [
        f"{t.title} ({t.id}): affected communities "
        f"{'were' if t.communities_involved else 'were not'} engaged in setting it."
        for t in targets
    ]
    block = c.textblock(
        "S3-5_01",
        lines,
        cells(targets, "communities_involved"),
        concept=c.concept(c.datapoints["S3-5_01"], "textblock"),
    )
    for dp in ("S3-5_02", "S3-5_03"):
        c.mark(dp, Status.MISSING, fill_narrative(dp))
    return [block]
