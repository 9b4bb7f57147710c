"""Map a workbook and its assessment to the statement: every catalogue datapoint gets its
facts or its status (ESRS 1 ¶29-35; ESRS 2 ¶62, ¶72, ¶81; BP-2 ¶17 phase-in)."""

from __future__ import annotations

import base64

from pydantic import BaseModel, ConfigDict

from esrs_s3 import __version__
from esrs_s3.assess import Assessment
from esrs_s3.assess.matrix import matrix_svg
from esrs_s3.disclose import esrs2_sections as esrs2
from esrs_s3.disclose import mdr_sections as mdr
from esrs_s3.disclose import s3_sections as s3
from esrs_s3.disclose.catalogue import load_catalogue
from esrs_s3.disclose.composer import Composer, DatapointResult, Status
from esrs_s3.disclose.narratives import add_narratives
from esrs_s3.disclose.regime import Regime, decide_regime
from esrs_s3.models import Workbook
from esrs_s3.render.document import Block, Document, Run, Section
from esrs_s3.resources import load_toml
from esrs_s3.rulebook import load_rulebook

SECTION_TITLES = {
    "general": "General information",
    "sbm-2": "SBM-2 Interests and views of affected communities",
    "sbm-3": "SBM-3 Material impacts, risks and opportunities",
    "iro-1": "IRO-1 How impacts, risks and opportunities were identified and assessed",
    "s3-1": "S3-1 Policies related to affected communities",
    "s3-2": "S3-2 Processes for engaging with affected communities about impacts",
    "s3-3": "S3-3 Processes to remediate negative impacts and channels to raise concerns",
    "s3-4": "S3-4 Taking action on material impacts and approaches to risks and opportunities",
    "s3-5": "S3-5 Targets related to affected communities",
    "gov-4": "GOV-4 Statement on due diligence",
    "iro-2": "IRO-2 Disclosure requirements and Appendix B datapoints",
}


class Statement(BaseModel):
    """The composed statement and the status of every catalogue datapoint."""

    model_config = ConfigDict(frozen=True)

    document: Document
    results: tuple[DatapointResult, ...]
    regime: Regime


def _default_statuses(composer: Composer, regime: Regime) -> dict[str, tuple[Status, str]]:
    """The status of a datapoint no section gave one: what ESRS lets the statement leave out,
    else missing, with what to fill."""
    out = {}
    for dp_id, dp in composer.datapoints.items():
        s3_part = dp.standard == "S3" or dp.id.startswith("S3.")
        relief = regime.omitted_under(dp_id, dp.standard)
        if s3_part and not regime.s3_material:
            out[dp_id] = (Status.NOT_MATERIAL, "S3 assessed not material (ESRS 1 ¶32)")
        elif s3_part and regime.phase_in_used:
            out[dp_id] = (Status.PHASE_IN, "omitted under the phase-in of ESRS 1 Appendix C")
        elif relief is not None:
            out[dp_id] = (Status.PHASE_IN, f"omitted under {relief.reference}")
        elif dp.voluntary:
            out[dp_id] = (Status.VOLUNTARY, "")
        elif dp.feed in ("narrative", "either"):
            qualitative = regime.qualitative_under(dp_id)
            answer = {"boolean": " giving yes or no", "gYear": " giving a year"}
            out[dp_id] = (
                Status.MISSING,
                s3.fill_narrative(dp_id)
                + (answer.get(dp.data_type, "") if dp.answered else "")
                + (
                    f" (qualitative information suffices: {qualitative.reference})"
                    if qualitative
                    else ""
                ),
            )
        else:
            out[dp_id] = (Status.MISSING, "no information in the workbook")
    return out


def _general(data: s3.Inputs, regime: Regime) -> Section:
    u = data.workbook.undertaking
    rulebook = load_rulebook(data.assessment.rulebook)
    lines = [
        f"This statement covers ESRS S3 Affected communities for {u.name} (LEI {u.lei}) for the "
        f"period {u.period_start.isoformat()} to {u.period_end.isoformat()}, prepared under "
        f"{rulebook.title} ({rulebook.legal_act}). Amounts are in {u.currency}.",
        f"Double materiality assessment: {len(data.assessment.material_iros)} of "
        f"{len(data.assessment.iros)} impacts, risks and opportunities are material; S3 is "
        f"{'material' if regime.s3_material else 'not material'}.",
    ]
    if regime.phase_in_eligible and not regime.phase_in_used:
        lines.append(
            "The undertaking could use the phase-in of ESRS 1 Appendix C but reports S3 in full."
        )
    return Section(
        anchor="general",
        title=SECTION_TITLES["general"],
        blocks=tuple(Block(kind="paragraph", runs=(Run(text=t),)) for t in lines),
    )


def compose_statement(
    workbook: Workbook, assessment: Assessment, matrix: bytes | None = None
) -> Statement:
    """Compose the statement of a valid workbook (the Undertaking sheet must be filled).
    `matrix` is the matrix SVG when the caller has drawn it already."""
    regime = decide_regime(workbook, assessment)
    rulebook = load_rulebook(assessment.rulebook)
    members = load_toml(f"{assessment.rulebook}/members.toml")
    composer = Composer(load_catalogue(assessment.rulebook), members["dimensions"]["topical_s3"])
    data = s3.Inputs(
        workbook=workbook,
        assessment=assessment,
        regime=regime,
        members=members,
        namespace=rulebook.taxonomy_namespace,
    )
    sections: list[Section] = [_general(data, regime)]
    phase_in = esrs2.phase_in(c=composer, data=data)
    if phase_in:
        sections.append(
            Section(anchor="bp-2", title="BP-2 Phase-in of S3", level=3, blocks=tuple(phase_in))
        )
    full = regime.s3_material and not regime.phase_in_used
    sections.append(
        Section(
            anchor="sbm-2", title=SECTION_TITLES["sbm-2"], blocks=tuple(esrs2.sbm2(composer, data))
        )
    )
    figure = Block(
        kind="figure",
        image="data:image/svg+xml;base64,"
        + base64.b64encode(matrix or matrix_svg(assessment)).decode("ascii"),
        caption="Materiality matrix: financial score against impact score for every "
        "impact, risk and opportunity of the register; filled points are material.",
    )
    sbm3_blocks = [figure, *mdr.iro_table(composer, data)]
    if full:
        sbm3_blocks += list(s3.sbm3_s3(composer, data).blocks)
    sections.append(
        Section(anchor="sbm-3", title=SECTION_TITLES["sbm-3"], blocks=tuple(sbm3_blocks))
    )
    sections.append(
        Section(
            anchor="iro-1", title=SECTION_TITLES["iro-1"], blocks=tuple(esrs2.iro1(composer, data))
        )
    )
    if full:
        for anchor, build in (
            ("s3-1", lambda: s3.s3_1(composer, data) + mdr.policies_table(composer, data)),
            ("s3-2", lambda: s3.s3_2(composer, data)),
            ("s3-3", lambda: s3.s3_3(composer, data)),
            ("s3-4", lambda: s3.s3_4(composer, data) + mdr.actions_table(composer, data)),
            ("s3-5", lambda: s3.s3_5(composer, data) + mdr.targets_table(composer, data)),
        ):
            sections.append(
                Section(anchor=anchor, title=SECTION_TITLES[anchor], blocks=tuple(build()))
            )
    sections = add_narratives(composer, workbook.narratives, sections)
    titles = {s.anchor: s.title for s in sections}
    sections.append(
        Section(
            anchor="gov-4",
            title=SECTION_TITLES["gov-4"],
            blocks=tuple(esrs2.gov4(composer, data, titles)),
        )
    )
    defaults = _default_statuses(composer, regime)
    preliminary = {r.id: r.status.value for r in composer.results(defaults)}
    sections.append(
        Section(
            anchor="iro-2",
            title=SECTION_TITLES["iro-2"],
            blocks=tuple(
                esrs2.iro2(composer, data, preliminary, tuple(s.anchor for s in sections))
            ),
        )
    )
    results = composer.results(defaults)
    document = _document(workbook, assessment, composer, sections, rulebook)
    return Statement(document=document, results=results, regime=regime)


def _document(workbook, assessment, composer, sections, rulebook) -> Document:
    u = workbook.undertaking
    units = sorted(
        {
            (f.unit, f"iso4217:{f.unit}" if f.unit != "pure" else "xbrli:pure")
            for f in composer.facts.facts
            if f.unit
        }
    )
    return Document(
        title=f"ESRS S3 Affected communities — {u.name} — {u.period_end.year}",
        undertaking=u.name,
        lei=u.lei,
        period_start=u.period_start.isoformat(),
        period_end=u.period_end.isoformat(),
        currency=u.currency,
        language=u.language,
        entry_point=rulebook.taxonomy_entry_point,
        namespace=rulebook.taxonomy_namespace,
        sections=tuple(sections),
        contexts=tuple(composer.facts.contexts.values()),
        facts=tuple(composer.facts.facts),
        units=tuple(units),
        provenance=(
            ("input SHA-256", workbook.sha256),
            ("tool", f"esrs-s3 {__version__}"),
            ("rulebook", f"{rulebook.id} ({rulebook.legal_act})"),
            ("taxonomy", rulebook.taxonomy_entry_point),
            (
                "manifest",
                "manifest.json, published with this statement, gives the SHA-256 of the input "
                "and of every output",
            ),
            (
                "assessment",
                f"{len(assessment.iros)} IROs, thresholds impact "
                f"{assessment.parameters['impact_threshold']:g} / financial "
                f"{assessment.parameters['financial_threshold']:g}",
            ),
        ),
    )
