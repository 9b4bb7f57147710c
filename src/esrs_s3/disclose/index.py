"""The statement about itself: its general information, GOV-4's map of the due-diligence
process and IRO-2's lists (the requirements complied with, the Appendix B datapoints). GOV-4
and IRO-2 are composed last, from what the other sections disclosed (`Composer.composed`)."""

from __future__ import annotations

from esrs_s3.disclose.catalogue import Datapoint
from esrs_s3.disclose.composer import Composer
from esrs_s3.disclose.inputs import Inputs, enum_fact, para
from esrs_s3.disclose.phase_in_items import matters
from esrs_s3.disclose.text import cells, listing
from esrs_s3.disclose.wording import line, phrase, say
from esrs_s3.render.document import Block, Run
from esrs_s3.resources import load_toml


def due_diligence_map(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """The due-diligence map: for each core element (ESRS 1 ¶61 a-e), the sections of this
    statement that disclose it, found from the datapoints disclosed so far, and the ESRS 2
    requirements that lie outside this S3 statement."""
    rulebook_id = data.assessment.rulebook
    elements = load_toml(f"{rulebook_id}/due_diligence.toml")["elements"]
    titles = c.composed
    found = []
    for e in elements:
        anchors = []
        for dp_id in e["evidence"]:
            anchor = c.home(dp_id)
            if c.discloses(dp_id) and anchor in titles and anchor not in anchors:
                anchors.append(anchor)
        where = [titles[a] for a in anchors]
        found.append({"key": e["key"], "name": e["name"], "where": where, "outside": e["outside"]})
    lines = say(data, "index", "due_diligence_map", elements=found)
    c.derived(dp.id, line(data, "index", "due_diligence_derived", rulebook_id=rulebook_id))
    links = tuple((title, anchor) for anchor, title in titles.items())
    return [c.textblock(dp.id, lines, links=links)]


def not_material_reason(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    impacts = data.workbook.impacts
    lines = say(data, "index", "not_material", register=len(impacts))
    return [c.textblock(dp.id, lines, cells(impacts, "id"))]


def requirements_complied_with(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    complied = c.requirements
    c.derived(dp.id, line(data, "index", "requirements_derived"))
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
            say(data, "index", "selection", material=found),
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
    rows = []
    for b in _appendix_b(c):
        status = c.statuses.get(b.id, "")
        where = titles.get(c.home(b.id)) if status == "disclosed" else None
        rows.append((b, status, where))
    lines = say(data, "index", "appendix_b", rows=rows)
    c.derived(dp.id, line(data, "index", "appendix_b_derived"))
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
        with_also = f" {line(data, 'index', 'also_reported', names=also)}" if also else ""
        reported = spec.anchor in c.composed or spec.index
        status = line(
            data,
            "index",
            "requirement_status",
            reported=reported,
            otherwise=spec.otherwise,
            material=data.regime.s3_material,
        )
        if reported:
            where: tuple[Run, ...] = (Run(text=spec.title, href=spec.anchor), Run(text=with_also))
        else:
            where = (Run(text=spec.title + with_also),)
        rows.append((where, (Run(text=status),)))
    return [
        Block(
            kind="table",
            caption=phrase(data, "content_index"),
            headers=tuple(say(data, "index", "content_index_headers")),
            rows=tuple(rows),
            css="content-index",
        )
    ]
