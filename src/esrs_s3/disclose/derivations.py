"""The registry of named derivations: the one place that maps the names the rulebook's data
uses (the catalogue's `source`, `sections.toml` contents) to the functions that tag facts.

- DATAPOINT derivations tag one datapoint: `f(composer, inputs, datapoint, argument)`, where
  `argument` is what follows the name in `derive:<name>:<argument>`.
- BLOCKS derivations (`block:<name>`) and TABLES (`table:<name>`) make blocks of a section
  (a table tags the datapoints its parts in `tables.toml` name): `f(composer, inputs, argument)`.
- `template:<name>` renders the rulebook's wording template `<name>.j2` (disclose/wording.py).
- `column:<sheet>.<column>[/name]` is generic: one sentence per row that fills the column.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from esrs_s3.disclose import (
    actions,
    basis,
    channels,
    engagement,
    impacts,
    index,
    method,
    phase_in_items,
    policies,
    targets,
    wording,
)
from esrs_s3.disclose.catalogue import Datapoint, Layout, load_catalogue, load_layout
from esrs_s3.disclose.composer import Composer
from esrs_s3.disclose.conditions import CONDITIONS
from esrs_s3.disclose.inputs import Inputs, column_text, name_and_id
from esrs_s3.errors import BrokenRulebook
from esrs_s3.render.document import Block

DatapointDerivation = Callable[[Composer, Inputs, Datapoint, str], list[Block]]
BlocksDerivation = Callable[[Composer, Inputs, str], list[Block]]

DATAPOINT: dict[str, DatapointDerivation] = {
    # BP-2 ¶17 (phase-in)
    "phase_in_material": phase_in_items.material,
    "phase_in_matters": phase_in_items.material_matters,
    "phase_in_iros": phase_in_items.material_iros,
    "own_words": phase_in_items.own_text,
    "phase_in_targets": phase_in_items.targets,
    "phase_in_policies": phase_in_items.policies,
    "phase_in_actions": phase_in_items.actions,
    "phase_in_metrics": phase_in_items.metrics,
    # SBM-2, S3-1 ¶17, S3-2
    "engagement_overview": engagement.overview,
    "engagement_approach": engagement.approach,
    "no_engagement": engagement.none_adopted,
    "engagement_perspectives": engagement.perspectives,
    "engagement_forms": engagement.forms,
    "engagement_stages": engagement.stages,
    "engagement_effectiveness": engagement.effectiveness,
    "engagement_consent": engagement.consent,
    # SBM-3 (S3 ¶9-11)
    "answer": impacts.answer,
    "impacts_by_community": impacts.by_community,
    "community_types": impacts.community_types,
    "impact_occurrence": impacts.occurrence,
    "positive_impacts": impacts.positive,
    "risks_and_opportunities": impacts.risks,
    "greater_risk": impacts.greater_risk,
    # IRO-1
    "method_register": method.register,
    "method_impacts": method.impacts,
    "method_lenses": method.lenses,
    "method_consultation": method.consultation,
    "method_prioritisation": method.prioritisation,
    "method_risks": method.risks,
    "method_financial": method.financial,
    "method_inputs": method.inputs,
    # S3-1
    "policy_frameworks": policies.frameworks,
    "policy_alignment": policies.alignment,
    "cases_of_non_respect": policies.cases,
    # S3-3
    "remedy_approaches": channels.remedy,
    "channels_described": channels.described,
    "channels_tracking": channels.tracking,
    "channels_trust": channels.trust,
    "every_channel": channels.every_channel,
    "channels_anonymous": channels.anonymous,
    "no_channel": channels.none_adopted,
    "grievance_mechanism": channels.grievance_mechanism,
    # S3-4
    "prevention_actions": actions.prevention,
    "remedy_actions": actions.remedy,
    "actions_of_type": actions.of_type,
    "actions_tracking": actions.tracking,
    "action_resources": actions.resources,
    "severe_incidents": actions.severe_incidents,
    "incidents_in_period": actions.incidents_in_period,
    # S3-5
    "targets_involvement": targets.involvement,
    # GOV-4, IRO-2 (composed last)
    "due_diligence_map": index.due_diligence_map,
    "version_applied": basis.version_applied,
    "not_adopted": basis.not_adopted,
    "assessment_date": basis.assessment_date,
    "human_rights_policy_scope": basis.human_rights_policy_scope,
    "reliefs_used": basis.reliefs_used,
    "human_rights_policy": basis.human_rights_policy,
    "not_material_reason": index.not_material_reason,
    "requirements_complied_with": index.requirements_complied_with,
    "selection_of_information": index.selection_of_information,
    "appendix_b_status": index.appendix_b_status,
}

BLOCKS: dict[str, BlocksDerivation] = {
    "phase_in_note": phase_in_items.note,
    "parameters": method.parameters,
    "content_index": index.content_index,
}

TABLES: dict[str, BlocksDerivation] = {
    "iros": impacts.table,
    "policies": policies.table,
    "actions": actions.table,
    "targets": targets.table,
}


def _column(c: Composer, data: Inputs, dp: Datapoint, spec: str) -> list[Block]:
    """`<sheet>.<column>[/name]`: one sentence per row of the sheet that fills the column."""
    where, _, label = spec.partition("/")
    sheet, _, field = where.partition(".")
    rows = getattr(data.workbook, sheet)
    if label == "name":
        return column_text(c, dp, rows, field, label=name_and_id)
    return column_text(c, dp, rows, field)


def derive(c: Composer, data: Inputs, dp: Datapoint) -> list[Block]:
    """The blocks that tag datapoint `dp` from its catalogue `source` (none for a datapoint a
    table tags, or only the Narratives sheet gives)."""
    kind, _, spec = dp.source.partition(":")
    if kind == "derive":
        name, _, argument = spec.partition(":")
        return DATAPOINT[name](c, data, dp, argument)
    if kind == "column":
        return _column(c, data, dp, spec)
    return []


def content(c: Composer, data: Inputs, item: str) -> list[Block]:
    """The blocks of a `block:` or `table:` item of a section's contents."""
    kind, _, spec = item.partition(":")
    name, _, argument = spec.partition(":")
    if kind == "template":
        return wording.blocks(data, spec)
    registry = {"block": BLOCKS, "table": TABLES}[kind]
    return registry[name](c, data, argument)


ITEMS = ("datapoints", "narratives", "figure:matrix")


def problems(catalogue: tuple[Datapoint, ...], layout: Layout) -> list[str]:
    """What a rulebook's data names that does not exist: a section of a datapoint, a condition,
    a derivation, a table or a section's content item."""
    anchors = {s.anchor for s in layout.sections}
    found = []
    for dp in catalogue:
        kind, _, spec = dp.source.partition(":")
        name = spec.partition(":")[0]
        if dp.section not in anchors:
            found.append(f"{dp.id}: unknown section {dp.section!r}")
        if kind == "derive" and name not in DATAPOINT:
            found.append(f"{dp.id}: unknown derivation {name!r}")
        elif kind == "table" and spec not in layout.tables:
            found.append(f"{dp.id}: unknown table {spec!r}")
        elif kind not in ("", "derive", "column", "table"):
            found.append(f"{dp.id}: unknown source {dp.source!r}")
        for condition in dp.applies_when:
            if condition.removeprefix("?").partition(":")[0] not in CONDITIONS:
                found.append(f"{dp.id}: unknown condition {condition!r}")
    for section in layout.sections:
        if section.when and section.when.partition(":")[0] not in CONDITIONS:
            found.append(f"section {section.anchor}: unknown condition {section.when!r}")
        for item in section.contents:
            kind, _, spec = item.partition(":")
            name = spec.partition(":")[0]
            known = (
                item in ITEMS
                or (kind == "block" and name in BLOCKS)
                or (kind == "table" and name in TABLES and name in layout.tables)
                or kind == "template"
            )
            if not known:
                found.append(f"section {section.anchor}: unknown content {item!r}")
    return found


@cache
def check_rulebook(rulebook_id: str) -> None:
    """Refuse a rulebook whose data names what does not exist (BrokenRulebook, listing it)."""
    found = problems(load_catalogue(rulebook_id), load_layout(rulebook_id))
    if found:
        raise BrokenRulebook(rulebook_id, found)
