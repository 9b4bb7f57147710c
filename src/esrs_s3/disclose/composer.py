"""The composer: turns workbook rows and assessment results into facts, blocks and the status
of every datapoint, one catalogue id at a time."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from esrs_s3.disclose.catalogue import Datapoint, SectionSpec
from esrs_s3.disclose.facts import Fact, FactSet
from esrs_s3.disclose.text import first_listed
from esrs_s3.disclose.wording import said
from esrs_s3.render.document import Block, Run
from esrs_s3.resources import load_toml

# Fact kind -> the XBRL item types that can carry it, in order of preference (xbrl.toml).
KIND_TYPES: dict[str, tuple[str, ...]] = {
    kind: tuple(types) for kind, types in load_toml("xbrl.toml")["kinds"].items()
}


class Status(StrEnum):
    DISCLOSED = "disclosed"
    NOT_MATERIAL = "not material"
    PHASE_IN = "omitted (phase-in)"
    NOT_APPLICABLE = "not applicable"
    VOLUNTARY = "voluntary, not reported"
    MISSING = "missing"


class DatapointResult(BaseModel):
    """What the statement does with one catalogue datapoint."""

    model_config = ConfigDict(frozen=True)

    id: str
    status: Status
    preview: str = ""
    sources: tuple[str, ...] = ()
    facts: tuple[str, ...] = ()
    note: str = ""


# text and text block stand in for each other when a datapoint has only the other
PLAIN_OR_BLOCK = {"text": "textblock", "textblock": "text"}


class Composer:
    """Collects facts and datapoint results while sections are composed.

    A datapoint is disclosed only by a fact of one of its own concepts (the catalogue's
    `concepts`). Facts of other concepts tagged with it (the name of a policy, the identifiers
    of its related IROs) support it and are listed with it, but disclose nothing by
    themselves."""

    def __init__(
        self,
        catalogue: tuple[Datapoint, ...],
        sections: tuple[SectionSpec, ...],
        rulebook: str,
    ) -> None:
        self.rulebook = rulebook  # whose templates word what the composer adds itself
        self.datapoints = {dp.id: dp for dp in catalogue}
        self.sections = {s.anchor: s for s in sections}
        # filled while the statement is composed, for the sections composed last (GOV-4, IRO-2)
        self.composed: dict[str, str] = {}  # anchor -> title of each section reported so far
        self.requirements: list[tuple[str, str]] = []  # those the reported sections comply with
        self.statuses: dict[str, str] = {}  # datapoint -> its status so far
        self.order = [dp.id for dp in catalogue]
        self.facts = FactSet()
        self._facts: dict[str, list[str]] = {}  # every fact listed with the datapoint
        self._own: dict[str, list[str]] = {}  # those of its own concepts
        self._sources: dict[str, list[str]] = {}
        self._previews: dict[str, str] = {}
        self._marks: dict[str, tuple[Status, str]] = {}
        self._by_id: dict[str, Fact] = {}
        self._derived: dict[str, str] = {}
        self._incomplete: dict[str, str] = {}

    def home(self, dp_id: str) -> str:
        """The anchor of the section whose heading a datapoint is reported under."""
        section = self.datapoints[dp_id].section
        spec = self.sections.get(section)
        return spec.part_of or section if spec else section

    def topical(self, dp_id: str) -> bool:
        """Whether a datapoint belongs to a section of the topical standard (S3)."""
        spec = self.sections.get(self.datapoints[dp_id].section)
        return bool(spec and spec.topical)

    def concept(self, dp: Datapoint, kind: str) -> str:
        wanted = KIND_TYPES[kind]
        for concept, concept_type in zip(dp.concepts, dp.concept_types, strict=True):
            if concept_type in wanted:
                return concept
        raise KeyError(f"{dp.id} has no concept of a type for {kind}: {dp.concept_types}")

    def has_kind(self, dp_id: str, kind: str) -> bool:
        dp = self.datapoints.get(dp_id)
        return dp is not None and any(t in KIND_TYPES[kind] for t in dp.concept_types)

    def fact(
        self,
        dp_id: str | None,
        kind: str,
        shown: str,
        *,
        value: str | None = None,
        item: str | None = None,
        sources: tuple[str, ...] = (),
        unit: str | None = None,
        decimals: str | None = None,
        concept: str | None = None,
        members: tuple[tuple[str, str], ...] = (),
        hidden: bool = False,
        links: tuple[tuple[str, str], ...] = (),
    ) -> Run:
        """Tag `shown` as the fact of datapoint `dp_id`; returns the run that shows it.
        `members` adds explicit dimension members to the datapoint's own (a time horizon).
        Without a datapoint (a table part the rulebook does not have) `shown` stays untagged."""
        if dp_id is None:
            return Run(text=shown)
        dp = self.datapoints[dp_id]
        if concept is None and not self.has_kind(dp_id, kind) and kind in PLAIN_OR_BLOCK:
            # a rulebook whose taxonomy made the string a text block (or the reverse)
            kind = PLAIN_OR_BLOCK[kind]
        typed = ((dp.typed_axis, item),) if dp.typed_axis and item is not None else ()
        context = self.facts.context(
            explicit=dp.dimensions + members, typed=typed, instant=dp.period_type == "instant"
        )
        fact: Fact = self.facts.add(
            concept=concept or self.concept(dp, kind),
            context=context,
            kind=kind,
            shown=shown,
            value=value,
            unit=unit,
            decimals=decimals,
            datapoint=dp_id,
            sources=sources,
            hidden=hidden or kind == "enumeration",
            links=links,
        )
        self._record(dp_id, fact)
        return Run(fact=fact.id)

    def flag(
        self, dp_id: str | None, value: bool, sources: tuple[str, ...] = (), item: str | None = None
    ) -> Run:
        """A boolean fact shown as Yes / No."""
        return self.fact(
            dp_id,
            "boolean",
            "Yes" if value else "No",
            value="true" if value else "false",
            sources=sources,
            item=item,
        )

    def textblock(
        self,
        dp_id: str,
        paragraphs: list[str],
        sources: tuple[str, ...] = (),
        item: str | None = None,
        concept: str | None = None,
        links: tuple[tuple[str, str], ...] = (),
    ) -> Block:
        """A narrative datapoint as a tagged block of paragraphs (long lists summarised);
        `links` makes phrases of it link to sections of the statement."""
        paragraphs = [p for p in paragraphs if p]
        listed, rest = first_listed(paragraphs)
        shown = "\n\n".join([*listed, self.more(rest, "entries")] if rest else listed)
        run = self.fact(
            dp_id, "textblock", shown, sources=sources, item=item, concept=concept, links=links
        )
        return Block(kind="textblock", fact=run.fact)

    def more(self, rest: int, what: str) -> str:
        """The note under a list cut short: how many more `what` the workbook holds."""
        return " ".join(said(self.rulebook, "words", "more", rest=rest, what=what))

    def _record(self, dp_id: str, fact: Fact) -> None:
        self._by_id[fact.id] = fact
        self._facts.setdefault(dp_id, []).append(fact.id)
        self._sources.setdefault(dp_id, []).extend(s for s in fact.sources if s)
        if fact.concept in self.datapoints[dp_id].concepts:
            self._own.setdefault(dp_id, []).append(fact.id)
            self._previews.setdefault(dp_id, _preview(fact.shown))

    def sources_of(self, dp_id: str) -> tuple[str, ...]:
        return tuple(dict.fromkeys(self._sources.get(dp_id, ())))

    def facts_of(self, dp_id: str | None) -> tuple[str, ...]:
        return tuple(self._facts.get(dp_id, ()))

    def discloses(self, dp_id: str) -> bool:
        """Whether a fact of the datapoint's own concepts is tagged."""
        return bool(self._own.get(dp_id))

    def share(self, dp_id: str | None, fact_ids: tuple[str, ...]) -> None:
        """Facts tagged for another datapoint that disclose `dp_id` too, because the taxonomy
        gives both the same concept (S3 ¶15 and MDR-P ¶65 a: a policy's key contents). Each fact
        must be of one of `dp_id`'s own concepts; none for a part the rulebook lacks."""
        if dp_id is None:
            return
        for fact_id in fact_ids:
            fact = self._by_id[fact_id]
            if fact.concept not in self.datapoints[dp_id].concepts:
                raise ValueError(f"{fact_id} ({fact.concept}) is not a concept of {dp_id}")
            self._record(dp_id, fact)

    def derived(self, dp_id: str, note: str) -> None:
        """Say how a disclosed datapoint was derived when no workbook cell gives it (from the
        statement itself); the coverage matrix shows the note."""
        self._derived[dp_id] = note

    def incomplete(self, dp_id: str, note: str) -> None:
        """A datapoint tagged for some of the items it is asked of but not for all: it stays
        missing, and `note` says what to fill for the others."""
        self._incomplete[dp_id] = note

    def marked(self, dp_id: str) -> tuple[Status, str] | None:
        """The status and note recorded with `mark` so far, if any."""
        return self._marks.get(dp_id)

    def mark(self, dp_id: str, status: Status, note: str = "") -> None:
        """Record a status other than 'disclosed' (a fact of its own concept always means
        disclosed)."""
        if dp_id in self.datapoints and not self.discloses(dp_id):
            self._marks[dp_id] = (status, note)

    def results(self, default: dict[str, tuple[Status, str]]) -> tuple[DatapointResult, ...]:
        """One result per catalogue datapoint, in catalogue order."""
        out = []
        for dp_id in self.order:
            if self.discloses(dp_id) and dp_id not in self._incomplete:
                out.append(
                    DatapointResult(
                        id=dp_id,
                        status=Status.DISCLOSED,
                        preview=self._previews[dp_id],
                        sources=self.sources_of(dp_id),
                        facts=tuple(self._facts[dp_id]),
                        note=self._derived.get(dp_id, ""),
                    )
                )
                continue
            status, note = self._marks.get(dp_id) or default[dp_id]
            if dp_id in self._incomplete:
                status, note = Status.MISSING, self._incomplete[dp_id]
            out.append(
                DatapointResult(
                    id=dp_id,
                    status=status,
                    note=note,
                    sources=self.sources_of(dp_id),
                    facts=tuple(self._facts.get(dp_id, ())),
                )
            )
        return tuple(out)


def _preview(shown: str) -> str:
    return shown if len(shown) <= 120 else shown[:117] + "..."
