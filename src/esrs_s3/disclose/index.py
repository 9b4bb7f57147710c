"""The statement about itself: its general information, GOV-4's map of the due-diligence
process and IRO-2's lists (the requirements complied with, the Appendix B datapoints). GOV-4
and IRO-2 are composed last, from what the other sections disclosed (`Composer.composed`)."""

from __future__ import annotations

from esrs_s3.disclose.catalogue import Datapoint
from esrs_s3.disclose.composer import Composer
from esrs_s3.disclose.inputs import Inputs, enum_fact, para
from esrs_s3.disclose.phase_in_items import matters
from esrs_s3.disclose.text import cells, count, listing
from esrs_s3.disclose.wording import phrase
from esrs_s3.render.document import Block, Run
from esrs_s3.resources import load_toml


def due_diligence_map(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """The due-diligence map: for each core element (ESRS 1 ¶61 a-e), the sections of this
    statement that disclose it, found from the datapoints disclosed so far, and the ESRS 2
    requirements that lie outside this S3 statement."""
    elements = load_toml(f"{data.assessment.rulebook}/due_diligence.toml")["elements"]
    titles = c.composed
    lines = []
    for e in elements:
        anchors = []
        for dp_id in e["evidence"]:
            anchor = c.home(dp_id)
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
    c.derived(
        dp.id,
        "derived from the datapoints this statement discloses (datapoints/"
        f"{data.assessment.rulebook}/due_diligence.toml names those of each core element)",
    )
    links = tuple((title, anchor) for anchor, title in titles.items())
    return [c.textblock(dp.id, lines, links=links)]


def not_material_reason(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    impacts = data.workbook.impacts
    register = count(
        len(impacts), "impact, risk or opportunity", "impacts, risks and opportunities"
    )
    return [
        c.textblock(
            dp.id,
            [
                "S3 Affected communities was assessed not to be material: none of the "
                f"{register} in the register reached the thresholds described under IRO-1."
            ],
            cells(impacts, "id"),
        )
    ]


def requirements_complied_with(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    complied = c.requirements
    c.derived(dp.id, "derived from the disclosure requirements this statement's sections report")
    return [
        para(
            f"{phrase(data, 'requirements_complied')}: ",
            enum_fact(
                c,
                data,
                dp.id,
                "disclosure_requirement",
                [key for key, _ in complied],
                listing([label for _, label in complied]),
            ),
            ".",
        )
    ]


def selection_of_information(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    found = [m for m, _ in matters(data)]
    return [
        c.textblock(
            dp.id,
            [
                (
                    "We report every datapoint of the requirements above for the "
                    f"material matters ({listing(found)}), "
                    if found
                    else "No matter of S3 is material, so we report the ESRS 2 "
                    "requirements that apply whatever the assessment, "
                )
                + "as ESRS 1 ¶31-35 ask: a datapoint about a situation we are not in "
                "(no policy, no channel, no material risk) is marked not applicable, voluntary "
                "datapoints are reported where the workbook gives them, and the datapoints other "
                "EU legislation relies on (ESRS 2 Appendix B) are always listed with their status."
            ],
            cells(data.material(), "sub_topic", "sub_sub_topic")
            or cells(data.workbook.impacts, "id"),
        )
    ]


def _appendix_b(c: Composer) -> list[Datapoint]:
    """The datapoints of the topical standard that other EU legislation relies on (ESRS 2
    Appendix B), in catalogue order."""
    return [dp for dp in c.datapoints.values() if dp.appendix_b and c.topical(dp.id)]


def appendix_b_status(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """IRO-2 ¶56: each Appendix B datapoint of S3 with its status and, where it is
    reported, the section that reports it (a link; its page in the PDF)."""
    titles = c.composed
    lines = []
    for b in _appendix_b(c):
        status = c.statuses.get(b.id, "")
        where = titles.get(c.home(b.id)) if status == "disclosed" else None
        lines.append(
            f"{b.name} ({b.id}, S3 ¶{b.paragraph}, {b.appendix_b}): {status}"
            + (f", under {where}." if where else ".")
        )
    c.derived(dp.id, "derived from the status of each Appendix B datapoint in this statement")
    links = tuple((title, anchor) for anchor, title in titles.items())
    return [c.textblock(dp.id, lines, links=links)]


def content_index(c: Composer, data: Inputs, _: str) -> list[Block]:
    """IRO-2 ¶56 as the statement's index: every disclosure requirement of the rulebook, where
    it is reported (a link; its page in the PDF) or why it is not."""
    rows = []
    for spec in c.sections.values():
        if not spec.requirements or spec.part_of:
            continue
        also = [name for _, name in spec.requirements[1:]]
        with_also = f" (with {listing(also)})" if also else ""
        if spec.anchor in c.composed or spec.index:
            where: tuple[Run, ...] = (Run(text=spec.title, href=spec.anchor), Run(text=with_also))
            status = "reported"
        else:
            where = (Run(text=spec.title + with_also),)
            status = _not_reported(data, spec.otherwise)
        rows.append((where, (Run(text=status),)))
    return [
        Block(
            kind="table",
            caption=phrase(data, "content_index"),
            headers=("disclosure requirement and where this statement reports it", "reported"),
            rows=tuple(rows),
            css="content-index",
        )
    ]


def _not_reported(data: Inputs, otherwise: str) -> str:
    if otherwise:
        return f"not applicable: {otherwise}"
    if not data.regime.s3_material:
        return "not material (ESRS 1 ¶32)"
    return "omitted under the phase-in of ESRS 1 Appendix C"
