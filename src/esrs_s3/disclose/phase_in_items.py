"""BP-2 ¶17: what an undertaking that uses the phase-in of S3 must still say about it."""

from __future__ import annotations

from esrs_s3.disclose.catalogue import Datapoint
from esrs_s3.disclose.composer import Composer
from esrs_s3.disclose.inputs import Inputs, enum_fact, own_words, para
from esrs_s3.disclose.text import cells, listing, number_text
from esrs_s3.disclose.wording import Macros, line, phrase, split
from esrs_s3.models import Iro
from esrs_s3.render.document import Block, Run


def _text(rendered: object) -> str:
    """A macro of phase_in.j2 called directly (once per row, its module fetched once per
    section) as one line of text."""
    return " ".join(split(str(rendered)))


def matters(data: Inputs) -> list[tuple[str, Iro]]:
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


def note(c: Composer, data: Inputs, _: str) -> list[Block]:
    words = line(
        data,
        "phase_in",
        "note",
        employees=f"{data.workbook.undertaking.employees:,}",
        year_of_reporting=data.regime.year_of_reporting,
        reference=data.regime.s3_row.reference if data.regime.s3_row else "",
    )
    return [Block(kind="note", runs=(Run(text=words),))]


def material(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    wb = data.workbook
    return [
        para(
            f"{line(data, 'phase_in', 's3_material')}: ",
            c.flag(
                dp.id,
                data.regime.s3_material,
                cells(data.material(), "id") or cells(wb.impacts, "id"),
            ),
            ".",
        )
    ]


def material_iros(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """Revised BP-2 ¶8: the material IROs of the phased-in topic, or that none is."""
    found = data.material()
    names = [f"{iro.title} ({iro.id})" for iro in found]
    where = cells(found, "id") or cells(data.workbook.impacts, "id") or ("Impacts!A2",)
    return [c.textblock(dp.id, [line(data, "phase_in", "iros", names=names)], where)]


def material_matters(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    found = matters(data)
    return [
        para(
            f"{phrase(data, 'material_matters')}: ",
            enum_fact(
                c,
                data,
                dp.id,
                "sustainability_matter",
                [m for m, _ in found],
                listing([m for m, _ in found]),
                cells([i for _, i in found], "sub_topic", "sub_sub_topic"),
            ),
            ".",
        )
    ]


def own_text(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """A datapoint only the undertaking's own words (Narratives) give, tagged in its place."""
    words, cell = own_words(data, dp.id)
    return [c.textblock(dp.id, words, cell)] if words else []


def targets(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    rows = data.workbook.targets
    macros = Macros(data.assessment.rulebook, "phase_in")
    lines = [
        _text(
            macros.target(
                title=t.title,
                id=t.id,
                value=number_text(t.target_value),
                unit=t.unit.strip(),
                year=t.target_year,
                current=None if t.current_value is None else number_text(t.current_value),
            )
        )
        for t in rows
    ]
    where = cells(rows, "title", "target_value", "current_value") or ("Targets!A2",)
    return [c.textblock(dp.id, lines or [_text(macros.no_target())], where)]


def policies(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    rows = data.workbook.policies
    macros = Macros(data.assessment.rulebook, "phase_in")
    lines = [_text(macros.policy(name=p.name, id=p.id, description=p.description)) for p in rows]
    where = cells(rows, "name", "description") or ("Policies!A2",)
    return [c.textblock(dp.id, lines or [_text(macros.no_policy())], where)]


def actions(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    rows = data.workbook.actions
    macros = Macros(data.assessment.rulebook, "phase_in")
    lines = [
        _text(
            macros.action(
                title=a.title,
                id=a.id,
                status=a.status,
                description=a.description,
                progress=a.progress,
            )
        )
        for a in rows
    ]
    where = cells(rows, "title", "description", "progress") or ("Actions!A2",)
    return [c.textblock(dp.id, lines or [_text(macros.no_action())], where)]


def metrics(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    measured = [t for t in data.workbook.targets if t.current_value is not None]
    words, cell = own_words(data, dp.id)
    macros = Macros(data.assessment.rulebook, "phase_in")
    lines = [
        _text(
            macros.metric(metric=t.metric, value=number_text(t.current_value), unit=t.unit.strip())
        )
        for t in measured
    ]
    if not (lines or words):
        return []
    return [c.textblock(dp.id, lines + words, cells(measured, "metric", "current_value") + cell)]
