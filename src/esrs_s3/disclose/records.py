"""Per-item records on the taxonomy's typed axes: one small table per IRO, policy, action or
target, linked by the 'identifiers of related ...' concepts so an assurer can walk
IRO -> policy -> action -> target (ESRS 2 SBM-3, MDR-P, MDR-A, MDR-T)."""

from __future__ import annotations

from decimal import Decimal

from esrs_s3.disclose.composer import Composer, Status
from esrs_s3.disclose.inputs import Inputs, Part
from esrs_s3.disclose.narratives import paragraphs
from esrs_s3.disclose.text import cells, listing, number_text
from esrs_s3.disclose.wording import line, said
from esrs_s3.models import Record, Target
from esrs_s3.render.document import Block, Run


def cell(*runs: Run | str) -> tuple[Run, ...]:
    return tuple(Run(text=r) if isinstance(r, str) else r for r in runs)


def records(
    caption: str, headers: tuple[str, ...], rows: list[tuple[tuple[Run, ...], ...]], css: str
) -> list[Block]:
    """One two-column table per item (field, value): readable in print where a wide table of
    seven or more columns is not, and each item breaks across pages on its own."""
    blocks = [Block(kind="paragraph", runs=(Run(text=caption),), css="records-title")]
    for row in rows:
        pairs = zip(headers[1:], row[1:], strict=True)
        blocks.append(
            Block(
                kind="table",
                headers=(headers[0], ""),
                rows=tuple(((Run(text=h),), value) for h, value in pairs),
                caption_runs=row[0],
                css=f"record {css}",
            )
        )
    return blocks


def name(c: Composer, part: Part, record: Record, field: str) -> Run:
    """The name of a policy, action, target or IRO, tagged on its typed axis."""
    return c.fact(
        part.datapoint,
        "text",
        getattr(record, field),
        item=record.id,
        concept=part.concept,
        sources=cells([record], field),
    )


def target_level(c: Composer, part: Part, target: Target, field: str) -> Run:
    """A target's level or baseline: a percentage when its unit is %, else a plain number
    (the datapoint's percent or decimal concept)."""
    number = getattr(target, field)
    percent = target.unit.strip() == "%"
    kind = "percent" if percent else "decimal"
    if part.datapoint is not None and not c.has_kind(part.datapoint, kind):
        # a rulebook whose taxonomy gives this part a text concept only (the revised GDR-T
        # milestones): the level is tagged as the text shown, with its unit
        shown = f"{number_text(number)} {target.unit.strip()}"
        return c.fact(part.datapoint, "text", shown, item=target.id, sources=cells([target], field))
    return c.fact(
        part.datapoint,
        kind,
        number_text(number),
        value=str(Decimal(repr(number)) / 100) if percent else repr(number),
        item=target.id,
        unit="pure",
        decimals="INF",
        sources=cells([target], field),
    )


def with_rest(c: Composer, rest: int, blocks: list[Block], what: str) -> list[Block]:
    """A table, and under it how many more `what` the workbook holds, if it was cut short."""
    if rest:
        blocks.append(Block(kind="note", runs=(Run(text=c.more(rest, what)),)))
    return blocks


def link(
    c: Composer,
    part: Part,
    ids: tuple[str, ...],
    names: dict[str, str],
    item: str,
    sources: tuple[str, ...],
) -> tuple[Run, ...]:
    """The related items of a policy, action or target: a hidden identifier list fact (the
    taxonomy's link type forbids spaces) shown as their names. Only items the statement
    describes are named (`names`): a related IRO the assessment found not material has no
    context of its own in the statement, so it is counted, not linked."""
    linked = [i for i in ids if i in names]
    others = len(ids) - len(linked)
    rest = " ".join(said(c.rulebook, "records", "others", n=others)) if others else ""
    if not linked:
        return cell(rest or "-")
    shown = listing([f"{names[i]} ({i})" for i in linked])
    fact = c.fact(
        part.datapoint,
        "text",
        shown,
        value=",".join(linked),
        item=item,
        concept=part.concept,
        sources=sources,
        hidden=True,
    )
    return cell(fact, f"; {rest}" if rest else "")


def none_adopted(
    c: Composer, data: Inputs, what: tuple[str, str], reasons: Part, timeframe: Part
) -> list[Block]:
    """The ESRS 2 ¶62 statement that no policies (or actions: `what` is the plural and the
    singular) are adopted, then the reasons from the Narratives sheet as their own fact;
    without them the datapoint stays missing (its `fill`). The timeframe is a datapoint of
    its own, which the Narratives sheet gives."""
    plural, singular = what
    given = data.narrative(reasons.datapoint)
    timeframe_given = data.narrative(timeframe.datapoint)
    note = line(data, "records", "none_adopted", singular=singular)
    lead = line(
        data,
        "records",
        "not_adopted",
        plural=plural,
        reasons=given is not None,
        timeframe=timeframe_given is not None,
    )
    blocks = [
        Block(kind="note", runs=(Run(text=note),)),
        Block(kind="paragraph", runs=(Run(text=lead),)),
    ]
    if given is not None:
        blocks.append(c.textblock(reasons.datapoint, paragraphs(given), (str(given.cell("text")),)))
    return blocks


def mark_missing(c: Composer, dp_id: str, note: str) -> None:
    c.mark(dp_id, Status.MISSING, note)
