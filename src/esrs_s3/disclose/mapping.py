"""Map a workbook and its assessment to the statement by walking the rulebook's sections
(`sections.toml`): every catalogue datapoint gets its facts or its status (ESRS 1 ¶29-35;
ESRS 2 ¶62, ¶72, ¶81; BP-2 ¶17 phase-in)."""

from __future__ import annotations

import base64

from pydantic import BaseModel, ConfigDict

from esrs_s3 import __version__
from esrs_s3.assess import Assessment
from esrs_s3.assess.matrix import matrix_svg
from esrs_s3.disclose.catalogue import Datapoint, SectionSpec, load_catalogue, load_layout
from esrs_s3.disclose.composer import Composer, DatapointResult, Status
from esrs_s3.disclose.conditions import evaluate
from esrs_s3.disclose.derivations import check_rulebook, content, derive
from esrs_s3.disclose.inputs import Inputs, fill_narrative
from esrs_s3.disclose.narratives import heading_of, narrative_blocks
from esrs_s3.disclose.regime import Regime, decide_regime
from esrs_s3.disclose.text import listing
from esrs_s3.disclose.wording import Macros, line, phrase, say, text_unused
from esrs_s3.models import Workbook
from esrs_s3.render.document import Block, Document, Run, Section
from esrs_s3.resources import load_toml
from esrs_s3.rulebook import Rulebook, load_rulebook
from esrs_s3.scope import outside_scope


class Statement(BaseModel):
    """The composed statement and the status of every catalogue datapoint."""

    model_config = ConfigDict(frozen=True)

    document: Document
    results: tuple[DatapointResult, ...]
    regime: Regime


def _default_statuses(
    composer: Composer, data: Inputs, reported: set[str]
) -> dict[str, tuple[Status, str]]:
    """The status of a datapoint nothing gave one: "not material" or "omitted (phase-in)" for
    one of a topical section left out, what ESRS lets the statement leave out, else missing,
    with what to fill (the reasons in the rulebook's notes.j2)."""
    regime = data.regime
    notes = Macros(data.assessment.rulebook, "notes")
    not_material, phase_in = str(notes.not_material()), str(notes.phase_in())
    no_information = str(notes.no_information())
    out = {}
    for dp_id, dp in composer.datapoints.items():
        left_out = composer.topical(dp_id) and dp.section not in reported
        relief = regime.omitted_under(dp_id, dp.standard)
        if left_out and not regime.s3_material:
            out[dp_id] = (Status.NOT_MATERIAL, not_material)
        elif left_out and regime.phase_in_used:
            out[dp_id] = (Status.PHASE_IN, phase_in)
        elif relief is not None:
            out[dp_id] = (Status.PHASE_IN, str(notes.relief(reference=relief.reference)))
        elif dp.voluntary:
            out[dp_id] = (Status.VOLUNTARY, "")
        elif dp.feed in ("narrative", "either"):
            qualitative = regime.qualitative_under(dp_id)
            answer = {"boolean": " giving yes or no", "gYear": " giving a year"}
            out[dp_id] = (
                Status.MISSING,
                fill_narrative(dp_id)
                + (answer.get(dp.data_type, "") if dp.answered else "")
                + (
                    f" (qualitative information suffices: {qualitative.reference})"
                    if qualitative
                    else ""
                ),
            )
        else:
            out[dp_id] = (Status.MISSING, no_information)
    return out


def headed(dp: Datapoint, blocks: list[Block]) -> list[Block]:
    """A datapoint's text under its name, as the Narratives texts are: a section reads as
    headed parts, not a run of fragments (a yes/no sentence needs no heading)."""
    if not blocks or blocks[0].kind != "textblock":
        return blocks
    heading = Block(kind="paragraph", runs=(Run(text=heading_of(dp)),), css="narrative")
    return [heading, *blocks]


class _Walk:
    """Composes the sections of a rulebook's layout in order, marking each datapoint from its
    conditions and tagging it from its source."""

    def __init__(self, composer: Composer, data: Inputs, figure: Block) -> None:
        self.c = composer
        self.data = data
        self.figure = figure
        self.by_section: dict[str, list[Datapoint]] = {}
        for dp in composer.datapoints.values():
            self.by_section.setdefault(dp.section, []).append(dp)
        self.narratives = {n.datapoint: n for n in data.workbook.narratives}
        self.reported: set[str] = set()
        self.soft: dict[str, str] = {}  # datapoint -> note, if its source tags nothing

    def applies(self, dp: Datapoint) -> tuple[bool, tuple[str, ...]]:
        """Whether a datapoint applies; if not, it is marked not applicable with the note of
        its first failing condition. Also the rows the last condition found."""
        ids: tuple[str, ...] = ()
        for condition, note in zip(dp.applies_when, dp.otherwise, strict=True):
            holds, ids = evaluate(self.data, condition.removeprefix("?"))
            if holds:
                continue
            if condition.startswith("?"):  # decided once the source has had its say
                self.soft[dp.id] = note
                continue
            self.c.mark(dp.id, Status.NOT_APPLICABLE, note)
            return False, ()
        return True, ids

    def section(self, spec: SectionSpec) -> list[Block] | None:
        """The blocks of a section, or None when it is not reported."""
        datapoints = self.by_section.get(spec.anchor, [])
        if spec.when and not evaluate(self.data, spec.when)[0]:
            if spec.otherwise:
                for dp in datapoints:
                    unused = dp.id in self.narratives
                    self.c.mark(
                        dp.id,
                        Status.NOT_APPLICABLE,
                        text_unused(self.data, spec.otherwise) if unused else spec.otherwise,
                    )
            return None
        self.reported.add(spec.anchor)
        applying = {dp.id: self.applies(dp) for dp in datapoints}
        blocks: list[Block] = []
        for item in spec.contents:
            if item == "datapoints":
                for dp in datapoints:
                    if applying[dp.id][0]:
                        blocks += headed(dp, derive(self.c, self.data, dp))
            elif item == "narratives":
                blocks += narrative_blocks(self.c, self.data, self.narratives, datapoints)
            elif item == "figure:matrix":
                blocks.append(self.figure)
            else:
                blocks += content(self.c, self.data, item)
        for dp in datapoints:
            holds, ids = applying[dp.id]
            if dp.id in self.soft and not self.c.discloses(dp.id):
                self.c.mark(dp.id, Status.NOT_APPLICABLE, self.soft[dp.id])
                continue
            if holds and dp.fill and not self.c.discloses(dp.id) and not self.c.marked(dp.id):
                status = Status.VOLUNTARY if dp.voluntary else Status.MISSING
                self.c.mark(dp.id, status, dp.fill.format(ids=listing(list(ids))))
        return blocks


def compose_statement(
    workbook: Workbook, assessment: Assessment, matrix: bytes | None = None
) -> Statement:
    """Compose the statement of a valid workbook (the Undertaking sheet must be filled) by
    walking its rulebook's sections. `matrix` is the matrix SVG when the caller has drawn it
    already."""
    check_rulebook(assessment.rulebook)
    regime = decide_regime(workbook, assessment)
    rulebook = load_rulebook(assessment.rulebook)
    members = load_toml(f"{assessment.rulebook}/members.toml")
    layout = load_layout(assessment.rulebook)
    composer = Composer(
        load_catalogue(assessment.rulebook),
        layout.sections,
        assessment.rulebook,
    )
    data = Inputs(
        workbook=workbook,
        assessment=assessment,
        regime=regime,
        members=members,
        namespace=rulebook.taxonomy_namespace,
        tables=layout.tables,
    )
    figure = Block(
        kind="figure",
        image="data:image/svg+xml;base64,"
        + base64.b64encode(matrix or matrix_svg(assessment)).decode("ascii"),
        caption=phrase(data, "matrix"),
    )
    walk = _Walk(composer, data, figure)
    bodies: dict[str, list[Block]] = {}
    order: list[SectionSpec] = []

    def compose(spec: SectionSpec) -> None:
        blocks = walk.section(spec)
        if blocks is None:
            return
        if spec.part_of:
            bodies[spec.part_of] += blocks
            return
        bodies[spec.anchor] = blocks
        order.append(spec)
        composer.composed[spec.anchor] = spec.title
        if not spec.index:  # those of GOV-4 and IRO-2 are added before they are composed
            composer.requirements += spec.requirements

    for spec in (s for s in layout.sections if not s.index):
        compose(spec)
    for when, requirements in layout.requirements_when:
        if evaluate(data, when)[0]:
            composer.requirements += requirements
    composer.requirements += [r for s in layout.sections if s.index for r in s.requirements]
    for spec in (s for s in layout.sections if s.index):
        defaults = _default_statuses(composer, data, walk.reported)
        composer.statuses = {r.id: r.status.value for r in composer.results(defaults)}
        compose(spec)
    sections = [
        Section(anchor=s.anchor, title=s.title, level=s.level, blocks=tuple(bodies[s.anchor]))
        for s in order
    ]
    results = composer.results(_default_statuses(composer, data, walk.reported))
    document = _document(data, composer, sections, rulebook)
    return Statement(document=document, results=results, regime=regime)


def _document(
    data: Inputs, composer: Composer, sections: list[Section], rulebook: Rulebook
) -> Document:
    """The statement document: its sections, facts and metadata, the title and the
    provenance line in the rulebook's words (statement.j2)."""
    workbook, assessment = data.workbook, data.assessment
    u = workbook.undertaking
    measures = load_toml("xbrl.toml")["units"]
    units = sorted(
        {
            (
                f.unit,
                measures["pure"] if f.unit == "pure" else f"{measures['currency_prefix']}:{f.unit}",
            )
            for f in composer.facts.facts
            if f.unit
        }
    )
    return Document(
        title=line(data, "statement", "title", undertaking=u, voluntary=_voluntary(u)),
        undertaking=u.name,
        lei=u.lei,
        period_start=u.period_start.isoformat(),
        period_end=u.period_end.isoformat(),
        currency=u.currency,
        language=u.language,
        entry_point=rulebook.taxonomy_entry_point,
        namespace=rulebook.taxonomy_namespace,
        typed_domain=rulebook.typed_domain,
        sections=tuple(sections),
        contexts=tuple(composer.facts.contexts.values()),
        facts=tuple(composer.facts.facts),
        units=tuple(units),
        generator=f"esrs-s3 {__version__}",
        provenance=tuple(
            zip(
                say(data, "statement", "provenance_labels"),
                (
                    workbook.sha256,
                    f"{rulebook.id} ({rulebook.legal_act})",
                    rulebook.taxonomy_entry_point,
                    line(data, "statement", "manifest"),
                    line(
                        data,
                        "statement",
                        "assessment",
                        iros=len(assessment.iros),
                        p=assessment.parameters.as_dict(),
                    ),
                ),
                strict=True,
            )
        ),
    )


def _voluntary(u) -> str:
    """Why the statement is a voluntary report (outside the CSRD scope), or ""."""
    return outside_scope(u.employees, u.net_turnover, u.currency)
