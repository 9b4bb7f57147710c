"""S3-3: remedy and the channels through which affected communities raise concerns, from the
Channels sheet (and the actions of type remediate)."""

from __future__ import annotations

from esrs_s3.disclose.catalogue import Datapoint
from esrs_s3.disclose.composer import Composer
from esrs_s3.disclose.inputs import Inputs, name_and_id, para, per_row
from esrs_s3.disclose.text import cells, listing
from esrs_s3.disclose.wording import line, phrase
from esrs_s3.render.document import Block


def remedy(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """S3 ¶27 a: how remedy is provided, from the channels' approach and the remediate
    actions."""
    approaches = [ch for ch in data.workbook.channels if ch.remedy_approach]
    actions = [a for a in data.workbook.actions if a.action_type == "remediate"]
    lines = [line(data, "channels", "remedy_approach", ch=ch) for ch in approaches]
    lines += [line(data, "channels", "remedy_action", a=a) for a in actions]
    if not lines:
        return []
    where = cells(approaches, "remedy_approach") + cells(actions, "title", "action_type")
    return [c.textblock(dp.id, lines, where)]


def described(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    return per_row(
        c,
        data,
        dp.id,
        data.workbook.channels,
        ("channels", "channel", "ch"),
        ("name", "type", "description"),
    )


def tracking(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    return per_row(
        c, data, dp.id, data.workbook.channels, ("channels", "tracking", "ch"), ("tracks_issues",)
    )


def trust(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    return per_row(
        c, data, dp.id, data.workbook.channels, ("channels", "trust", "ch"), ("trust_assessed",)
    )


def every_channel(c: Composer, data: Inputs, dp: Datapoint, field: str) -> list[Block]:
    """A yes/no that holds only if it holds for every channel (S3 ¶27 c-d, AR 25); the
    exceptions are named. The words' phrases `<field>` and `<field>_lacking` say it."""
    channels = data.workbook.channels
    claim, lacking = phrase(data, field), phrase(data, f"{field}_lacking")
    without = [ch for ch in channels if not getattr(ch, field)]
    return [
        para(
            f"{claim}: ",
            c.flag(dp.id, not without, cells(channels, field)),
            " "
            + line(data, "channels", "lacking", names=[ch.name for ch in without], lacking=lacking)
            if without
            else ".",
        )
    ]


def anonymous(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    channels = data.workbook.channels
    found = [ch for ch in channels if ch.anonymous]
    return [
        para(
            f"{phrase(data, 'anonymous')}: ",
            c.flag(dp.id, bool(found), cells(channels, "anonymous")),
            " " + line(data, "channels", "anonymous_through", names=[ch.name for ch in found])
            if found
            else ".",
        )
    ]


def none_adopted(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """S3 ¶28: the statement that no channel is adopted."""
    return [
        para(
            f"{phrase(data, 'no_channel')}: ",
            c.flag(dp.id, True, ("Channels!A2",)),
            ".",
        )
    ]


def grievance_mechanism(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """Revised S3 ¶13 (SFDR PAI): whether a grievance mechanism is in place for affected
    communities, at the period's end: yes when the Channels sheet lists one, naming them."""
    channels = data.workbook.channels
    where = cells(channels, "name") or ("Channels!A2",)
    flag = c.flag(dp.id, bool(channels), where)
    named = f" ({listing([name_and_id(ch) for ch in channels])})" if channels else ""
    return [para(f"{phrase(data, 'grievance_mechanism')}: ", flag, f"{named}.")]
