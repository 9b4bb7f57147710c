"""BP-2 ¶17: what an undertaking that uses the phase-in of S3 must still say about it."""

from __future__ import annotations

from esrs_s3.disclose.catalogue import Datapoint
from esrs_s3.disclose.composer import Composer
from esrs_s3.disclose.inputs import Inputs, enum_fact, own_words, para
from esrs_s3.disclose.text import cells, listing, number_text, sentence
from esrs_s3.disclose.wording import phrase
from esrs_s3.models import Iro
from esrs_s3.render.document import Block, Run


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
    u = data.workbook.undertaking
    year = "first" if data.regime.year_of_reporting == 1 else "second"
    return [
        Block(
            kind="note",
            runs=(
                Run(
                    text=f"With {u.employees:,} employees we use the phase-in of ESRS 1 "
                    f"Appendix C and omit the S3 datapoints in our {year} year of reporting "
                    "under ESRS. We report instead what ESRS 2 ¶17 asks."
                ),
            ),
        )
    ]


def material(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    wb = data.workbook
    return [
        para(
            "S3 Affected communities has been assessed to be material: ",
            c.flag(
                dp.id,
                data.regime.s3_material,
                cells(data.material(), "id") or cells(wb.impacts, "id"),
            ),
            ".",
        )
    ]


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
    lines = [
        f"{t.title} ({t.id}): {number_text(t.target_value)} {t.unit.strip()} by {t.target_year}"
        + (
            f"; {number_text(t.current_value)} {t.unit.strip()} in the reporting period."
            if t.current_value is not None
            else "; no value for the reporting period is given."
        )
        for t in rows
    ]
    where = cells(rows, "title", "target_value", "current_value") or ("Targets!A2",)
    return [c.textblock(dp.id, lines or ["No time-bound target has been set."], where)]


def policies(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    rows = data.workbook.policies
    lines = [f"{p.name} ({p.id}): {sentence(p.description)}" for p in rows]
    where = cells(rows, "name", "description") or ("Policies!A2",)
    return [c.textblock(dp.id, lines or ["No policy has been adopted."], where)]


def actions(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    rows = data.workbook.actions
    lines = [
        f"{a.title} ({a.id}, {a.status}): {sentence(a.description)}"
        + (f" Result: {sentence(a.progress)}" if a.progress else "")
        for a in rows
    ]
    where = cells(rows, "title", "description", "progress") or ("Actions!A2",)
    return [c.textblock(dp.id, lines or ["No action has been taken."], where)]


def metrics(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    measured = [t for t in data.workbook.targets if t.current_value is not None]
    words, cell = own_words(data, dp.id)
    lines = [
        f"{t.metric}: {number_text(t.current_value)} {t.unit.strip()} in the reporting period."
        for t in measured
    ]
    if not (lines or words):
        return []
    return [c.textblock(dp.id, lines + words, cells(measured, "metric", "current_value") + cell)]
