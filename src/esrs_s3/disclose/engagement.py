"""SBM-2, S3-1 ¶17 and S3-2: how the undertaking engages with affected communities, from
the Engagement sheet."""

from __future__ import annotations

from esrs_s3.disclose.catalogue import Datapoint
from esrs_s3.disclose.composer import Composer
from esrs_s3.disclose.inputs import Inputs, enum_fact, own_words, para, per_row
from esrs_s3.disclose.text import cells, listing
from esrs_s3.disclose.wording import line, phrase, say
from esrs_s3.render.document import Block


def processes(data: Inputs) -> str:
    """`ENG-01, ENG-02 and ENG-03`: the engagement processes, which S3-2 describes."""
    return listing([e.id for e in data.workbook.engagement])


def overview(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """SBM-2 ¶45 a: how the interests and views of affected communities are heard; the
    processes themselves are described once, under S3-2."""
    rows = data.workbook.engagement
    lines = say(data, "words", "views_heard", processes=processes(data)) if rows else []
    words, cell = own_words(data, dp.id)
    if not (lines or words):
        return []
    return [c.textblock(dp.id, lines + words, cells(rows, "id") + cell)]


def approach(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """S3 ¶17: the general approach to engaging with affected communities."""
    engagement = data.workbook.engagement
    if not engagement:
        return [
            c.textblock(
                dp.id,
                [f"{phrase(data, 'no_engagement')}."],
                ("Engagement!A2",),
            )
        ]
    lines = say(data, "words", "engagement_approach", processes=processes(data))
    return [c.textblock(dp.id, lines, cells(engagement, "id"))]


def none_adopted(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """S3 ¶24: the statement that no general engagement process is adopted."""
    return [
        para(
            f"{phrase(data, 'no_engagement')}: ",
            c.flag(dp.id, True, ("Engagement!A2",)),
            ".",
        )
    ]


def perspectives(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    return per_row(
        c,
        data,
        dp.id,
        data.workbook.engagement,
        ("engagement", "perspective", "e"),
        ("description", "impacts"),
    )


def forms(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    rows = data.workbook.engagement
    found = sorted({e.form for e in rows})
    return [
        para(
            f"{phrase(data, 'engagement_takes_place')} ",
            enum_fact(
                c,
                data,
                dp.id,
                "engagement_form",
                found,
                listing([data.label("engagement_form", f) for f in found]),
                cells(rows, "form"),
            ),
            ".",
        )
    ]


def stages(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    return per_row(
        c,
        data,
        dp.id,
        data.workbook.engagement,
        ("engagement", "stage", "e"),
        ("stage", "frequency", "form"),
    )


def effectiveness(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    rows = data.workbook.engagement
    assessed = [e for e in rows if e.effectiveness_assessment]
    unassessed = [e.id for e in rows if not e.effectiveness_assessment]
    lines = [line(data, "engagement", "assessed", e=e) for e in assessed]
    if unassessed:
        lines.append(line(data, "engagement", "unassessed", ids=unassessed))
    return [c.textblock(dp.id, lines, cells(rows, "effectiveness_assessment"))]


def consent(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """S3 AR 17: whether the free, prior and informed consent of indigenous peoples is
    sought, per engagement that says so."""
    rows = [e for e in data.workbook.engagement if e.fpic in ("yes", "no")]
    if not rows:
        return []
    return per_row(c, data, dp.id, rows, ("engagement", "consent", "e"), ("fpic",))
