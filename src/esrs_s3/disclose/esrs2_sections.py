"""The ESRS 2 requirements S3 relies on: BP-2 phase-in items, SBM-2, IRO-1, GOV-4, IRO-2."""

from __future__ import annotations

from esrs_s3.disclose.composer import Composer, Status
from esrs_s3.disclose.narratives import section_anchor
from esrs_s3.disclose.s3_sections import Inputs, enum_fact, fill_narrative, own_words
from esrs_s3.disclose.text import cells, count, listing, number_text, sentence
from esrs_s3.models import Iro
from esrs_s3.render.document import Block, Run
from esrs_s3.resources import load_toml

APPENDIX_B_S3 = ("S3-1_02", "S3-1_03", "S3-1_04", "S3-1_05", "S3-1_06", "S3-1_07", "S3-4_11")


def _para(*runs: Run | str) -> Block:
    return Block(
        kind="paragraph", runs=tuple(Run(text=r) if isinstance(r, str) else r for r in runs)
    )


def _matters(data: Inputs) -> list[tuple[str, Iro]]:
    """The material ESRS 1 AR 16 matters, each with its first material IRO: the sub-sub-topic,
    or the sub-topic where the IRO's sub-sub-topic is `other`."""
    out: dict[str, Iro] = {}
    for iro in data.material():
        matter = (
            iro.sub_sub_topic
            if iro.sub_sub_topic in data.members["sustainability_matter"]
            else iro.sub_topic
        )
        out.setdefault(matter, iro)
    return list(out.items())


def phase_in(c: Composer, data: Inputs) -> list[Block]:
    """BP-2 ¶17: what a phased-in undertaking must still say about S3."""
    if not data.regime.phase_in_used:
        for n in range(21, 28):
            c.mark(f"BP-2_{n}", Status.NOT_APPLICABLE, "the phase-in is not used")
        return []
    wb = data.workbook
    u = wb.undertaking
    material = data.material()
    year = "first" if data.regime.year_of_reporting == 1 else "second"
    blocks = [
        Block(
            kind="note",
            runs=(
                Run(
                    text=f"With {u.employees:,} employees the undertaking uses the phase-in of "
                    f"ESRS 1 Appendix C and omits the S3 datapoints in its {year} year of "
                    "reporting under ESRS. It reports instead what ESRS 2 ¶17 asks."
                ),
            ),
        ),
        _para(
            "S3 Affected communities has been assessed to be material: ",
            c.flag(
                "BP-2_21",
                data.regime.s3_material,
                cells(material, "id") or cells(wb.impacts, "id"),
            ),
            ".",
        ),
    ]
    if not data.regime.s3_material:
        for n in range(22, 28):
            c.mark(f"BP-2_{n}", Status.NOT_APPLICABLE, "S3 is not material")
        return blocks
    matters = _matters(data)
    blocks.append(
        _para(
            "Material matters (ESRS 1 AR 16): ",
            enum_fact(
                c,
                data,
                "BP-2_22",
                "sustainability_matter",
                [m for m, _ in matters],
                listing([m for m, _ in matters]),
                cells([i for _, i in matters], "sub_topic", "sub_sub_topic"),
            ),
            ".",
        )
    )
    blocks += _own_text(c, data, "BP-2_23")
    targets = [
        f"{t.title} ({t.id}): {number_text(t.target_value)} {t.unit.strip()} by {t.target_year}"
        + (
            f"; {number_text(t.current_value)} {t.unit.strip()} in the reporting period."
            if t.current_value is not None
            else "; no value for the reporting period is given."
        )
        for t in wb.targets
    ]
    policies = [f"{p.name} ({p.id}): {sentence(p.description)}" for p in wb.policies]
    actions = [
        f"{a.title} ({a.id}, {a.status}): {sentence(a.description)}"
        + (f" Result: {sentence(a.progress)}" if a.progress else "")
        for a in wb.actions
    ]
    for dp, lines, rows, fields, sheet, none in (
        (
            "BP-2_24",
            targets,
            wb.targets,
            ("title", "target_value", "current_value"),
            "Targets",
            "No time-bound target has been set.",
        ),
        (
            "BP-2_25",
            policies,
            wb.policies,
            ("name", "description"),
            "Policies",
            "No policy has been adopted.",
        ),
        (
            "BP-2_26",
            actions,
            wb.actions,
            ("title", "description", "progress"),
            "Actions",
            "No action has been taken.",
        ),
    ):
        where = cells(rows, *fields) or (f"{sheet}!A2",)
        blocks.append(c.textblock(dp, lines or [none], where))
    measured = [t for t in wb.targets if t.current_value is not None]
    words, cell = own_words(data, "BP-2_27")
    metrics = [
        f"{t.metric}: {number_text(t.current_value)} {t.unit.strip()} in the reporting period."
        for t in measured
    ]
    if metrics or words:
        blocks.append(
            c.textblock(
                "BP-2_27", metrics + words, cells(measured, "metric", "current_value") + cell
            )
        )
    else:
        c.mark(
            "BP-2_27",
            Status.MISSING,
            "fill the Targets column current_value, or add a Narratives row for BP-2_27",
        )
    return blocks


def _own_text(c: Composer, data: Inputs, dp_id: str) -> list[Block]:
    """A datapoint only the undertaking's own words (Narratives) can give, tagged here."""
    words, cell = own_words(data, dp_id)
    if not words:
        c.mark(dp_id, Status.MISSING, fill_narrative(dp_id))
        return []
    return [c.textblock(dp_id, words, cell)]


def sbm2(c: Composer, data: Inputs) -> list[Block]:
    rows = data.workbook.engagement
    lines = [
        f"{e.id}: {sentence(e.description)} ({e.form}; {e.stage}; {e.frequency}; responsible: "
        f"{e.responsible_role})."
        for e in rows
    ]
    words, cell = own_words(data, "SBM-2_01")
    blocks = []
    if lines or words:
        where = cells(rows, "description", "form", "stage", "frequency", "responsible_role")
        blocks.append(c.textblock("SBM-2_01", lines + words, where + cell))
    else:
        c.mark(
            "SBM-2_01",
            Status.MISSING,
            "record the engagement on the Engagement sheet, or add a Narratives row for SBM-2_01",
        )
    return blocks


def _hr_floor_text(data: Inputs) -> list[str]:
    """ESRS 1 ¶45 as applied: said only when the team changed the likelihood floor for
    potential human-rights impacts, naming the impacts it kept out."""
    params = data.assessment.parameters
    used = next(x for x in params.used if x.name == "human_rights_likelihood_floor")
    if used.value >= 1:
        return []
    threshold = params["impact_threshold"]
    excluded = [
        a.iro
        for a in data.assessment.iros
        if a.iro.kind == "negative impact"
        and a.iro.status == "potential"
        and a.iro.human_rights
        and not a.material
        and (a.scores.severity or 0) >= round(threshold, 6)
    ]
    text = (
        f"For potential human-rights impacts the likelihood factor is at least {used.value:g} "
        f"({used.source}), so likelihood still lowers their score, where ESRS 1 ¶45 gives "
        "severity precedence over likelihood."
    )
    if excluded:
        text += (
            " Judged on severity alone these impacts would be material and are not: "
            + listing([f"{i.title} ({i.id})" for i in excluded])
            + "."
        )
    return [text]


def iro1(c: Composer, data: Inputs) -> list[Block]:
    """The assessment method, thresholds and inputs, from the parameters actually used and the
    register: each IRO-1 ¶53 datapoint gets its own part of the description."""
    params = data.assessment.parameters
    p = params.as_dict()
    settings = tuple(x.source for x in params.used if x.source.startswith("Settings!"))
    impacts = data.workbook.impacts
    kinds = {
        k: [i for i in impacts if i.kind == k]
        for k in ("negative impact", "positive impact", "risk", "opportunity")
    }
    on_people = kinds["negative impact"] + kinds["positive impact"]
    blocks = [
        c.textblock(
            "IRO-1_01",
            [
                "The reporting team keeps a register of the impacts, risks and opportunities "
                "related to affected communities and scores each one from 1 to 5, with the "
                "rationale and the evidence for its scores. The undertaking sets the thresholds "
                f"(ESRS 1 ¶42): an impact score of {p['impact_threshold']:g} and a financial "
                f"score of {p['financial_threshold']:g} make an entry material. Every parameter "
                "used is listed below and in the assessment workbook.",
            ],
            settings,
        ),
        c.textblock(
            "IRO-1_02",
            [
                f"The register covers {count(len(kinds['negative impact']), 'negative impact')} "
                f"and {count(len(kinds['positive impact']), 'positive impact')}, each with "
                "whether the undertaking causes it, contributes to it or is directly linked to "
                "it through a business relationship, the communities affected, the countries and "
                "whether it is actual or potential.",
                "Of these impacts, "
                + _tally(on_people, "value_chain", {"own operations": "in own operations"})
                + "; "
                + _tally(on_people, "involvement", INVOLVEMENT)
                + "; "
                + _tally(on_people, "status")
                + ".",
            ],
            cells(on_people, "kind", "value_chain", "involvement", "status"),
        ),
    ]
    lens = [
        "Location risk raises the likelihood of potential negative impacts and risks located in "
        "countries listed as conflict-affected or high-risk, rated "
        f"{p['ituc_min_rating']} or worse by the ITUC Global Rights Index, or below the "
        f"{p['wgi_max_percentile']:g}th governance percentile"
        + ("." if p["location_modifiers"] else " (switched off for this assessment)."),
        "Downstream sales are screened on product, intended use, client and country; a sale with "
        f"a combined risk of {p['screening_sum_threshold']} or any single risk of "
        f"{p['screening_single_score']} receives enhanced review.",
    ]
    screened = data.assessment.screening
    if screened:
        review = [s for s in screened if s.needs_review]
        lens.append(
            f"{count(len(screened), 'sale was', 'sales were')} screened; "
            f"{len(review)} of them need enhanced review."
        )
    blocks.append(
        c.textblock(
            "IRO-1_03",
            lens,
            cells(impacts, "countries", "value_chain")
            + cells(data.workbook.countries, "country")
            + cells(
                data.workbook.screening, "product_risk", "use_risk", "client_risk", "country_risk"
            )
            + settings,
        )
    )
    if data.workbook.engagement:
        blocks.append(
            c.textblock(
                "IRO-1_05",
                [
                    "Affected communities are consulted through: "
                    + listing(
                        [f"{e.id} ({e.form}, {e.frequency})" for e in data.workbook.engagement]
                    )
                    + "."
                ],
                cells(data.workbook.engagement, "form", "frequency"),
            )
        )
    else:
        c.mark("IRO-1_05", Status.MISSING, "record the consultation on the Engagement sheet")
    blocks.append(
        c.textblock(
            "IRO-1_06",
            [
                "Negative impacts are prioritised by severity: the larger of the mean of scale, "
                "scope and irremediable character and the highest of the three less "
                f"{p['severity_peak_discount']:g}, so that one extreme criterion is not averaged "
                "away (ESRS 1 AR 11). Positive impacts are weighed on scale and scope.",
                "A potential impact is weighted by its likelihood (likelihood / 5). For a potential "
                "negative human-rights impact severity takes precedence over likelihood (ESRS 1 "
                f"¶45): its likelihood factor is at least {p['human_rights_likelihood_floor']:g}, "
                f"and a severity of {p['human_rights_severity_override']:g} or more or an "
                f"irremediability of {p['human_rights_irremediability_override']} makes it "
                "material whatever its likelihood.",
                f"An impact is material from an impact score of {p['impact_threshold']:g} "
                "(on the 1 to 5 scale).",
                *_hr_floor_text(data),
            ],
            settings,
        )
    )
    risks = kinds["risk"] + kinds["opportunity"]
    blocks.append(
        c.textblock(
            "IRO-1_07",
            [
                f"The register covers {count(len(kinds['risk']), 'risk')} and "
                f"{count(len(kinds['opportunity']), 'opportunity', 'opportunities')} related to "
                "affected communities, identified from the undertaking's impacts on them and its "
                "dependencies on them (permits, access to land, reputation, demand), each with "
                "the time horizon over which it may affect the undertaking"
                + (f": {_tally(risks, 'time_horizon', HORIZONS)}." if risks else "."),
            ],
            cells(risks, "kind", "time_horizon"),
        )
    )
    if not kinds["opportunity"]:  # ¶53 f: where opportunities are assessed
        c.mark("IRO-1_13", Status.NOT_APPLICABLE, "no opportunity in the register")
    blocks.append(
        c.textblock(
            "IRO-1_09",
            [
                "Each risk and opportunity is scored on the magnitude of its financial effect and "
                "its likelihood, from 1 to 5; its financial score is magnitude × likelihood / 5, "
                f"and it is material from a score of {p['financial_threshold']:g}. A magnitude of "
                f"{p['financial_override_magnitude']} with a likelihood of at least "
                f"{p['financial_override_min_likelihood']} is material whatever the score, so "
                "that unlikely events with a large effect are not dropped (S3 AR 8).",
            ],
            settings,
        )
    )
    counts = [_kind_count(kind, rows, data.material_ids) for kind, rows in kinds.items() if rows]
    changed = [x for x in params.used if x.source != "default"]
    inputs = [
        "Inputs: the register of impacts, risks and opportunities ("
        + (listing(counts) or "no entries")
        + ")"
        + (
            f", location-risk data for {count(len(data.workbook.countries), 'country', 'countries')}"
            if data.workbook.countries
            else ""
        )
        + (
            f", the screening of {count(len(data.workbook.screening), 'downstream sale')}"
            if data.workbook.screening
            else ""
        )
        + ", and the assessment parameters in the table below"
        + (
            f", {len(changed)} of them set by the undertaking"
            if changed
            else ", all at their defaults"
        )
        + "."
    ]
    blocks.append(
        c.textblock(
            "IRO-1_14",
            inputs,
            cells(impacts, "kind")
            + cells(data.workbook.countries, "country")
            + cells(data.workbook.screening, "id")
            + settings,
        )
    )
    table = Block(
        kind="table",
        caption="Assessment parameters used",
        headers=("parameter", "value", "source"),
        rows=tuple(
            ((Run(text=x.name),), (Run(text=str(x.value)),), (Run(text=x.source),))
            for x in params.used
        ),
        css="parameters",
    )
    return [*blocks, table]


HORIZONS = {h: f"{h}-term" for h in ("short", "medium", "long")}
INVOLVEMENT = {
    "causes": "caused by the undertaking",
    "contributes": "contributed to",
    "directly linked": "directly linked to it",
}


def _tally(rows: list[Iro], field: str, words: dict[str, str] | None = None) -> str:
    """`12 downstream, 3 upstream and 2 in own operations`: how many rows hold each value."""
    counts: dict[str, int] = {}
    for row in rows:
        value = getattr(row, field)
        if value:
            counts[value] = counts.get(value, 0) + 1
    return listing([f"{n} {(words or {}).get(v, v)}" for v, n in counts.items()]) or "none"


def _kind_count(kind: str, rows: list[Iro], material: frozenset[str]) -> str:
    plural = "opportunities" if kind == "opportunity" else f"{kind}s"
    n = sum(i.id in material for i in rows)
    return f"{count(len(rows), kind, plural)}, {n} material"


def gov4(c: Composer, data: Inputs, titles: dict[str, str]) -> list[Block]:
    """The due-diligence map: for each core element (ESRS 1 ¶61 a-e), the sections of this
    statement that disclose it, found from the datapoints disclosed so far, and the ESRS 2
    requirements that lie outside this S3 statement."""
    elements = load_toml(f"{data.assessment.rulebook}/due_diligence.toml")["elements"]
    lines, rows = [], []
    for e in elements:
        anchors = []
        for dp_id in e["evidence"]:
            anchor = section_anchor(c.datapoints[dp_id])
            if c.discloses(dp_id) and anchor in titles and anchor not in anchors:
                anchors.append(anchor)
        where = [titles[a] for a in anchors]
        outside = (
            f"ESRS 2 {listing(e['outside'])} {'lies' if len(e['outside']) == 1 else 'lie'} "
            "outside this S3 statement"
            if e["outside"]
            else ""
        )
        shown = listing(where) or "not disclosed in this statement"
        lines.append(
            f"({e['key']}) {e['name']}: {shown}" + (f"; {outside}" if outside else "") + "."
        )
        rows.append(
            (
                (Run(text=f"({e['key']}) {e['name']}"),),
                (Run(text="; ".join(e["oecd_steps"])),),
                (Run(text="; ".join(where) or "not disclosed in this statement"),),
            )
        )
    c.derived(
        "GOV-4_01",
        "derived from the datapoints this statement discloses (datapoints/"
        f"{data.assessment.rulebook}/due_diligence.toml names those of each core element)",
    )
    return [
        c.textblock("GOV-4_01", lines),
        Block(
            kind="table",
            headers=("core element (ESRS 1 ¶61)", "OECD step", "where in this statement"),
            rows=tuple(rows),
            css="gov4",
        ),
    ]


def iro2(
    c: Composer, data: Inputs, statuses: dict[str, str], anchors: tuple[str, ...]
) -> list[Block]:
    """The disclosure requirements the statement complies with, how the information was
    selected, and the Appendix B datapoints of S3 with their status (or 'not material')."""
    blocks = []
    impacts = data.workbook.impacts
    if not data.regime.s3_material:
        blocks.append(
            c.textblock(
                "IRO-2_10",
                [
                    "S3 Affected communities was assessed not to be material: none of the "
                    f"{count(len(impacts), 'impact, risk or opportunity', 'impacts, risks and opportunities')} "
                    "in the register reached the thresholds described under IRO-1."
                ],
                cells(impacts, "id"),
            )
        )
    else:
        c.mark("IRO-2_10", Status.NOT_APPLICABLE, "S3 is material")
    complied = _requirements_complied_with(data, anchors)
    c.derived(
        "IRO-2_02", "derived from the disclosure requirements this statement's sections report"
    )
    blocks.append(
        _para(
            "Disclosure requirements complied with in this statement: ",
            enum_fact(
                c,
                data,
                "IRO-2_02",
                "disclosure_requirement",
                [key for key, _ in complied],
                listing([label for _, label in complied]),
            ),
            ".",
        )
    )
    matters = [m for m, _ in _matters(data)]
    blocks.append(
        c.textblock(
            "IRO-2_13",
            [
                (
                    "The statement reports every datapoint of the requirements above for the "
                    f"material matters ({listing(matters)}), "
                    if matters
                    else "No matter of S3 is material, so the statement reports the ESRS 2 "
                    "requirements that apply whatever the assessment, "
                )
                + "as ESRS 1 ¶31-35 ask: a datapoint about a situation the undertaking is not in "
                "(no policy, no channel, no material risk) is marked not applicable, voluntary "
                "datapoints are reported where the workbook gives them, and the datapoints other "
                "EU legislation relies on (ESRS 2 Appendix B) are always listed with their status."
            ],
            cells(data.material(), "sub_topic", "sub_sub_topic") or cells(impacts, "id"),
        )
    )
    lines, rows = [], []
    for dp_id in APPENDIX_B_S3:
        dp = c.datapoints[dp_id]
        status = statuses.get(dp_id, "")
        lines.append(f"{dp.name} ({dp_id}, S3 ¶{dp.paragraph}, {dp.appendix_b}): {status}.")
        rows.append(
            (
                (Run(text=dp_id),),
                (Run(text=f"{dp.requirement} ¶{dp.paragraph}"),),
                (Run(text=dp.appendix_b),),
                (Run(text=dp.name),),
                (Run(text=status),),
            )
        )
    c.derived("IRO-2_01", "derived from the status of each Appendix B datapoint in this statement")
    blocks.append(c.textblock("IRO-2_01", lines))
    blocks.append(
        Block(
            kind="table",
            caption="ESRS 2 Appendix B datapoints of S3",
            headers=("datapoint", "paragraph", "legislation", "content", "status"),
            rows=tuple(rows),
            css="appendix-b",
        )
    )
    return blocks


# Statement sections -> the disclosure requirements they comply with (members.toml keys).
REQUIREMENTS_OF_SECTION = {
    "bp-2": (("bp-2", "BP-2"),),
    "sbm-2": (("sbm-2", "SBM-2"),),
    "sbm-3": (("sbm-3", "SBM-3"),),
    "iro-1": (("iro-1", "IRO-1"),),
    "s3-1": (("s3-1", "S3-1"), ("mdr-p", "MDR-P")),
    "s3-2": (("s3-2", "S3-2"),),
    "s3-3": (("s3-3", "S3-3"),),
    "s3-4": (("s3-4", "S3-4"), ("mdr-a", "MDR-A")),
    "s3-5": (("s3-5", "S3-5"), ("mdr-t", "MDR-T")),
}


def _requirements_complied_with(data: Inputs, anchors: tuple[str, ...]) -> list[tuple[str, str]]:
    """(members.toml key, name) of each requirement the statement's sections report, with
    GOV-4 and IRO-2, which every statement has; S3's own SBM-2 and SBM-3 parts when S3 is
    reported in full."""
    out = [pair for a in anchors for pair in REQUIREMENTS_OF_SECTION.get(a, ())]
    if data.regime.s3_material and not data.regime.phase_in_used:
        out += [("s3-sbm-2", "S3 SBM-2"), ("s3-sbm-3", "S3 SBM-3")]
    return [*out, ("gov-4", "GOV-4"), ("iro-2", "IRO-2")]
