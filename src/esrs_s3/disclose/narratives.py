"""The Narratives sheet: the undertaking's own text for datapoints no structured column feeds.

Each narrative becomes a tagged text block at the end of its datapoint's section (the
catalogue's `section`), unless the section has used it already (the reasons for having no
policy or action). A narrative for a section the statement leaves out (S3 not material, or
phased in) or for a datapoint whose condition does not hold (a timeframe for a first policy
when policies exist) is not reported; the coverage note says so.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from esrs_s3.disclose.catalogue import Datapoint
from esrs_s3.disclose.composer import Composer, Status
from esrs_s3.disclose.wording import text_unused
from esrs_s3.ingest.cells import yes_no_text
from esrs_s3.models import Narrative
from esrs_s3.render.document import Block, Run

if TYPE_CHECKING:  # Inputs needs the narratives and the wording at import
    from esrs_s3.disclose.inputs import Inputs

_BLANK_LINE = re.compile(r"\r?\n[ \t]*\r?\n")


def reference(dp: Datapoint) -> str:
    """`S3-4 ¶33 a`, `ESRS 2 SBM-2 ¶45 a i`, `S3 SBM-3 ¶10`: where a datapoint is required."""
    where = (
        dp.requirement
        if dp.requirement.startswith(dp.standard)
        else (f"{dp.standard} {dp.requirement}")
    )
    return f"{where} ¶{dp.paragraph}".replace("¶AR", "AR")


def heading_of(dp: Datapoint) -> str:
    """The heading a datapoint's text is shown under: its name and where ESRS asks for it."""
    return f"{dp.name} ({reference(dp)})"


def answer(c: Composer, dp: Datapoint, narrative: Narrative) -> Run:
    """The fact of a yes/no or year datapoint that a Narratives row answers."""
    value, where = narrative.text.strip(), (str(narrative.cell("text")),)
    if dp.data_type == "boolean":
        return c.flag(dp.id, bool(yes_no_text(value)), where)
    return c.fact(dp.id, "year", value, sources=where)


def paragraphs(narrative: Narrative) -> list[str]:
    """The paragraphs of a narrative (blank lines separate them)."""
    parts = _BLANK_LINE.split(narrative.text)
    return [p.strip() for p in parts if p.strip()]


def narrative_blocks(
    c: Composer, data: Inputs, narratives: dict[str, Narrative], datapoints: list[Datapoint]
) -> list[Block]:
    """The Narratives rows of a section's datapoints that nothing in the section used, in
    catalogue order: a yes/no or a year as a sentence, a text under the datapoint's name."""
    blocks: list[Block] = []
    for dp in datapoints:
        narrative = narratives.get(dp.id)
        if narrative is None or c.discloses(dp.id):
            continue  # no text, or the section used the text already
        marked = c.marked(dp.id)
        if marked and marked[0] is Status.NOT_APPLICABLE:  # e.g. reasons for having no policy
            c.mark(dp.id, marked[0], text_unused(data, marked[1]))
            continue
        if dp.feed == "either":
            continue  # a text beside columns, which its section uses
        where = (str(narrative.cell("text")),)
        if dp.answered:  # a yes/no or a year, in its place among the section's texts
            run = answer(c, dp, narrative)
            blocks.append(
                Block(kind="paragraph", runs=(Run(text=f"{dp.name}: "), run, Run(text=".")))
            )
            continue
        run = c.fact(dp.id, "textblock", "\n\n".join(paragraphs(narrative)), sources=where)
        blocks += [
            Block(
                kind="paragraph",
                runs=(Run(text=heading_of(dp)),),
                css="narrative",
            ),
            Block(kind="textblock", fact=run.fact),
        ]
    return blocks
