"""What a derivation reads (the workbook, its assessment, the regime, the rulebook's members
and tables) and the small helpers every derivation shares."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from esrs_s3.assess import Assessment
from esrs_s3.disclose.catalogue import Datapoint
from esrs_s3.disclose.composer import Composer, Status
from esrs_s3.disclose.narratives import answer, paragraphs
from esrs_s3.disclose.regime import Regime
from esrs_s3.disclose.text import cells, first_listed, sentence
from esrs_s3.disclose.wording import line
from esrs_s3.models import Iro, Narrative, Record, Workbook
from esrs_s3.render.document import Block, Run


@dataclass(frozen=True)
class Part:
    """A part of a table (tables.toml): the datapoint it tags and, where the datapoint has
    several concepts, the one it tags. A part the rulebook's table does not name has no
    datapoint: its value is shown from the workbook, untagged (a rulebook whose disclosure
    requirement dropped the item)."""

    datapoint: str | None
    concept: str | None = None


@dataclass(frozen=True)
class Inputs:
    workbook: Workbook
    assessment: Assessment
    regime: Regime
    members: dict[str, dict]
    namespace: str
    tables: dict[str, dict]

    @property
    def currency(self) -> str:
        return self.workbook.undertaking.currency

    def part(self, table: str, name: str) -> Part:
        """A part of a table of tables.toml (without a datapoint when the table lacks it)."""
        entry = self.tables.get(table, {}).get(name)
        if entry is None:
            return Part(None)
        if isinstance(entry, str):
            return Part(entry)
        return Part(entry["datapoint"], entry.get("concept"))

    def narrative(self, dp_id: str) -> Narrative | None:
        """The Narratives sheet's text for a datapoint, if the workbook gives one."""
        return next((n for n in self.workbook.narratives if n.datapoint == dp_id), None)

    def enum_value(self, enum: str, *values: str) -> str:
        """The value of an enumeration fact for workbook values of `enum` (members.toml)."""
        members = sorted({self.members[enum][v] for v in values})
        return " ".join(f"{self.namespace}#{m}" for m in members)

    def label(self, enum: str, value: str) -> str:
        """How the statement names a workbook value (members.toml `labels`), else the value."""
        return self.members.get("labels", {}).get(enum, {}).get(value, value)

    def material(self, *kinds: str) -> list[Iro]:
        return [i for i in self._material if not kinds or i.kind in kinds]

    @cached_property
    def _material(self) -> tuple[Iro, ...]:
        return tuple(a.iro for a in self.assessment.material_iros)

    @cached_property
    def described(self) -> dict[str, str]:
        """The material IROs the statement describes in the SBM-3 table, id -> name, ranked by
        score (highest first); a large register lists the first LISTED of them."""
        ranked = sorted(
            self.assessment.material_iros,
            key=lambda a: (-max(a.scores.impact_score or 0, a.scores.financial_score or 0), a.id),
        )
        return {a.id: a.iro.title for a in first_listed(ranked)[0]}

    @cached_property
    def material_ids(self) -> frozenset[str]:
        return frozenset(i.id for i in self._material)


def para(*runs: Run | str) -> Block:
    """A paragraph of text and fact runs."""
    return Block(
        kind="paragraph", runs=tuple(Run(text=r) if isinstance(r, str) else r for r in runs)
    )


def per_row(
    c: Composer,
    data: Inputs,
    dp_id: str,
    rows: Sequence[Record],
    wording: tuple[str, str, str],
    columns: tuple[str, ...],
) -> list[Block]:
    """One sentence per row as one text block of `dp_id`, sourced from the rows' `columns`.
    `wording` is (template, macro, the name the macro gives the row)."""
    name, macro, key = wording
    sentences = [line(data, name, macro, **{key: row}) for row in rows]
    return [c.textblock(dp_id, sentences, cells(rows, *columns))]


def name_and_id(row: Record) -> str:
    """`Human Rights Policy (POL-01)`: how a person reads a named row."""
    name = getattr(row, "name", None) or getattr(row, "title", None)
    return f"{name} ({row.id})" if name else row.id


def fill_narrative(dp_id: str) -> str:
    """What to fill for a datapoint only the Narratives sheet feeds."""
    return f"add a Narratives row for {dp_id}"


def column_text(
    c: Composer,
    dp: Datapoint,
    rows: Sequence[Record],
    field: str,
    label: Callable[[Record], str] = lambda row: row.id,
) -> list[Block]:
    """A text block with one sentence per row that fills `field` ("ID: text."); when no row
    does, nothing is tagged (the datapoint's `fill` says what to fill)."""
    filled = [row for row in rows if getattr(row, field)]
    if not filled:
        return []
    lines = [f"{label(row)}: {sentence(getattr(row, field))}" for row in filled]
    return [c.textblock(dp.id, lines, cells(filled, field))]


def answered(c: Composer, data: Inputs, dp: Datapoint, question: str) -> list[Block]:
    """A yes/no (or year) datapoint the undertaking answers on the Narratives sheet; without
    the row the datapoint is missing and its note says what to fill."""
    narrative = data.narrative(dp.id)
    if narrative is None:
        what = "yes or no" if dp.data_type == "boolean" else "a year"
        c.mark(dp.id, Status.MISSING, f"{fill_narrative(dp.id)} giving {what}: {question}")
        return []
    return [para(f"{question}: ", answer(c, dp, narrative), ".")]


def own_words(data: Inputs, dp_id: str) -> tuple[list[str], tuple[str, ...]]:
    """The paragraphs and cell of the Narratives row for a datapoint, if any."""
    narrative = data.narrative(dp_id)
    if narrative is None:
        return [], ()
    return paragraphs(narrative), (str(narrative.cell("text")),)


def item_enum(
    c: Composer,
    data: Inputs,
    dp_id: str | None,
    record: Record,
    field: str,
    shown: str | None = None,
) -> Run:
    """A record's enumerated column as an enumeration fact on the record's typed axis (the
    member from members.toml under the column's name)."""
    value = getattr(record, field)
    return enum_fact(
        c, data, dp_id, field, (value,), shown or value, cells([record], field), item=record.id
    )


def enum_fact(
    c: Composer,
    data: Inputs,
    dp_id: str | None,
    enum: str,
    keys: Iterable[str],
    shown: str,
    sources: tuple[str, ...] = (),
    item: str | None = None,
) -> Run:
    """An enumeration fact: the taxonomy members (members.toml `enum`) of workbook values
    `keys`, shown as `shown` (untagged without a datapoint: a part the rulebook lacks)."""
    if dp_id is None:
        return Run(text=shown)
    value = data.enum_value(enum, *keys)
    return c.fact(dp_id, "enumeration", shown, value=value, item=item, sources=sources)


def concerns_indigenous_peoples(iro: Iro) -> bool:
    return (
        iro.community_type == "indigenous peoples"
        or iro.sub_topic == "rights of indigenous peoples"
    )
