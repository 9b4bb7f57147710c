"""The ESRS 2 requirements S3 relies on: BP-2 phase-in items, SBM-2, IRO-1, GOV-4, IRO-2."""

from __future__ import annotations

from esrs_s3.disclose.composer import Composer, Status
from esrs_s3.disclose.s3_sections import Inputs
from esrs_s3.disclose.text import cells, listing, sentence
from esrs_s3.render.document import Block, Run
from esrs_s3.resources import load_toml

APPENDIX_B_S3 = ("S3-1_02", "S3-1_03", "S3-1_04", "S3-1_05", "S3-1_06", "S3-1_07", "S3-4_11")


def _para(*runs: Run | str) -> Block:
    return Block(
        kind="paragraph", runs=tuple(Run(text=r) if isinstance(r, str) else r for r in runs)
    )


def phase_in(c: Composer, data: Inputs) -> list[Block]:
    """BP-2 ¶17: what a phased-in undertaking must still say about S3."""
    if not data.regime.phase_in_used:
        for n in range(21, 28):
            c.mark(f"BP-2_{n}", Status.NOT_APPLICABLE, "the phase-in is not used")
        return []
    wb = data.workbook
    matters = data.assessment.rollup
    blocks = [
        Block(
            kind="note",
            runs=(
                Run(
                    text=f"With {wb.undertaking.employees} employees the undertaking uses the phase-in of "
                    "ESRS 1 Appendix C and omits the S3 datapoints in its "
                    f"{'first' if data.regime.year_of_reporting == 1 else 'second'} year of reporting. "
                    "ESRS 2 ¶17 information follows."
                ),
            ),
        ),
        _para(
            "S3 Affected communities has been assessed to be material: ",
            c.flag("BP-2_21", data.regime.s3_material),
            ".",
        ),
    ]
    subs = [
        t.sub_sub_topic or t.sub_topic for t in matters.topics if t.material and t.sub_sub_topic
    ]
    c.mark(
        "BP-2_22",
        Status.MISSING,
        "the material matters are listed as text, not tagged: " + listing(subs),
    )
    blocks.append(
        c.textblock(
            "BP-2_23",
            ["Material sustainability matters (ESRS 1 AR 16): " + (listing(subs) or "none") + "."]
            + [
                f"{a.id} {a.iro.title}: {sentence(a.iro.description)}"
                for a in data.assessment.material_iros
            ],
            cells([a.iro for a in data.assessment.material_iros], "description"),
        )
    )
    policies = [f"{p.id} {p.name}: {sentence(p.description)}" for p in wb.policies]
    actions = [f"{a.id} {a.title} ({a.status}): {sentence(a.description)}" for a in wb.actions]
    targets = [
        f"{t.id} {t.title}: {t.target_value:g} {t.unit} by {t.target_year}." for t in wb.targets
    ]
    for dp, lines, rows, field, none in (
        ("BP-2_24", targets, wb.targets, "title", "No time-bound target has been set."),
        ("BP-2_25", policies, wb.policies, "description", "No policy has been adopted."),
        ("BP-2_26", actions, wb.actions, "description", "No action has been adopted."),
    ):
        blocks.append(c.textblock(dp, lines or [none], cells(rows, field)))
    c.mark("BP-2_27", Status.NOT_APPLICABLE, "S3 defines no metrics")
    return blocks


def sbm2(c: Composer, data: Inputs) -> list[Block]:
    rows = data.workbook.engagement
    if not rows:
        c.mark("SBM-2_01", Status.MISSING, "no engagement with affected communities is recorded")
        return [_para("No engagement with affected communities is recorded.")]
    blocks = [
        c.textblock(
            "SBM-2_01",
            [
                f"{e.id}: {sentence(e.description)} ({e.form}; {e.stage}; {e.frequency}; responsible: "
                f"{e.responsible_role})."
                for e in rows
            ],
            cells(rows, "description"),
        )
    ]
    for n in range(2, 13):
        c.mark(f"SBM-2_{n:02d}", Status.MISSING, "not covered by the workbook")
    return blocks


def iro1(c: Composer, data: Inputs) -> list[Block]:
    """The assessment method, thresholds and inputs, from the parameters actually used."""
    params = data.assessment.parameters
    p = params.as_dict()
    method = [
        "Each impact, risk and opportunity of the register is scored by the reporting team from "
        "1 to 5 and assessed with esrs-s3 against thresholds the undertaking sets (ESRS 1 ¶42).",
        f"Severity of a negative impact is the larger of the mean of scale, scope and "
        f"irremediable character and the highest of the three less {p['severity_peak_discount']:g}, "
        "so one extreme criterion is not averaged away. Positive impacts use scale and scope.",
        f"Potential impacts are weighted by likelihood / 5; for potential human-rights impacts "
        f"the factor is at least {p['human_rights_likelihood_floor']:g}, and severity of at least "
        f"{p['human_rights_severity_override']:g} or irremediability of "
        f"{p['human_rights_irremediability_override']} makes them material whatever their "
        "likelihood (ESRS 1 ¶45).",
        f"An impact is material at an impact score of {p['impact_threshold']:g}; a risk or "
        f"opportunity at a financial score (magnitude × likelihood / 5) of "
        f"{p['financial_threshold']:g}, or with magnitude {p['financial_override_magnitude']} and "
        f"likelihood of at least {p['financial_override_min_likelihood']}.",
    ]
    blocks = [c.textblock("IRO-1_01", method)]
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
        lens.append(f"{len(screened)} sales were screened; {len(review)} need enhanced review.")
    blocks.append(c.textblock("IRO-1_03", lens, cells(data.workbook.countries, "country")))
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
                cells(data.workbook.engagement, "form"),
            )
        )
    else:
        c.mark("IRO-1_05", Status.MISSING, "no consultation with affected communities is recorded")
    counts = {}
    for a in data.assessment.iros:
        counts.setdefault(a.iro.kind, [0, 0])
        counts[a.iro.kind][0] += 1
        counts[a.iro.kind][1] += a.material
    blocks.append(
        c.textblock(
            "IRO-1_14",
            [
                "Inputs: the register of impacts, risks and opportunities ("
                + listing([f"{n} {k}s, {m} material" for k, (n, m) in counts.items()])
                + "), the location-risk data and the downstream screening supplied in the workbook.",
                "Parameters used: "
                + listing([f"{x.name} {x.value} ({x.source})" for x in params.used])
                + ".",
            ],
        )
    )
    for dp in ("IRO-1_02", "IRO-1_06", "IRO-1_07", "IRO-1_09"):
        c.link(dp, c.facts_of("IRO-1_01"), "see the method description")
    for dp in ("IRO-1_04", "IRO-1_08", "IRO-1_10", "IRO-1_11", "IRO-1_12", "IRO-1_13", "IRO-1_15"):
        c.mark(dp, Status.MISSING, "not covered by the workbook")
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


def gov4(c: Composer, data: Inputs, titles: dict[str, str]) -> list[Block]:
    """The due-diligence map: core elements a-e against the sections that disclose them."""
    elements = load_toml(f"{data.assessment.rulebook}/due_diligence.toml")["elements"]
    lines, rows = [], []
    for e in elements:
        where = [titles[s] for s in e["sections"] if s in titles]
        lines.append(f"({e['key']}) {e['name']}: " + (listing(where) or "not disclosed") + ".")
        rows.append(
            (
                (Run(text=f"({e['key']}) {e['name']}"),),
                (Run(text="; ".join(e["oecd_steps"])),),
                (Run(text="; ".join(where) or "not disclosed"),),
            )
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


def iro2(c: Composer, data: Inputs, statuses: dict[str, str]) -> list[Block]:
    """Appendix B datapoints of S3 and where they are, or 'not material'."""
    blocks = []
    if not data.regime.s3_material:
        n = len(data.assessment.iros)
        blocks.append(
            c.textblock(
                "IRO-2_10",
                [
                    f"S3 Affected communities was assessed not to be material: none of the {n} impacts, "
                    "risks and opportunities in the register reached the thresholds described under "
                    "IRO-1."
                ],
            )
        )
    else:
        c.mark("IRO-2_10", Status.NOT_APPLICABLE, "S3 is material")
    lines, rows = [], []
    for dp_id in APPENDIX_B_S3:
        dp = c.datapoints[dp_id]
        status = statuses.get(dp_id, "")
        lines.append(f"{dp_id} (S3 ¶{dp.paragraph}, {dp.appendix_b}): {dp.name}: {status}.")
        rows.append(
            (
                (Run(text=dp_id),),
                (Run(text=f"{dp.requirement} ¶{dp.paragraph}"),),
                (Run(text=dp.appendix_b),),
                (Run(text=dp.name),),
                (Run(text=status),),
            )
        )
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
    c.mark("IRO-2_02", Status.MISSING, "the list of requirements complied with is not tagged")
    c.link("IRO-2_13", c.facts_of("IRO-1_01"), "see IRO-1")
    return blocks
