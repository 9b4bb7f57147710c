"""OECD step 5, communicate how impacts are addressed: G23, G25, G29."""

from __future__ import annotations

from esrs_s3.check.predicates.cite import first_row, sheet_rows, undertaking_cells
from esrs_s3.check.predicates.context import GapContext, Hit
from esrs_s3.check.predicates.wording import named
from esrs_s3.disclose.catalogue import by_id
from esrs_s3.disclose.composer import Status
from esrs_s3.disclose.narratives import reference
from esrs_s3.disclose.text import listing
from esrs_s3.resources import load_toml


def due_diligence_map_incomplete(ctx: GapContext, due_diligence_map: str) -> list[Hit]:
    elements = load_toml(f"{ctx.assessment.rulebook}/due_diligence.toml")["elements"]
    hits = []
    if ctx.status(due_diligence_map) == Status.MISSING:
        problem = f"the due-diligence map ({due_diligence_map}) is missing"
        hits.append(Hit(fields={"problem": problem}))
    if not ctx.full:
        return hits
    sheets = ctx.params["empty_sheets"]
    for e in elements:
        wanted = e["evidence"]
        if not wanted or any(ctx.status(d) == Status.DISCLOSED for d in wanted):
            continue
        empty = [s for s in sheets.get(e["key"], []) if not sheet_rows(ctx.workbook, s)]
        hits.append(
            Hit(
                cells=tuple(first_row(s) for s in empty),
                fields={
                    "element": e["key"],
                    "name": e["name"],
                    "evidence": listing(wanted, "or"),
                    "sheets": listing(sheets.get(e["key"], []), "or") or "workbook",
                },
                variant="unbacked",
                datapoints=tuple(wanted),
            )
        )
    return hits


def phase_in_items_missing(ctx: GapContext) -> list[Hit]:
    if not ctx.regime.phase_in_used:
        return []
    missing = ctx.missing()
    if not missing:
        return []
    return [
        Hit(
            cells=undertaking_cells(ctx, "employees", "first_reporting_year", "use_phase_in"),
            fields={"datapoints": named(ctx, missing)},
            datapoints=tuple(missing),
        )
    ]


def mandatory_datapoints_missing(ctx: GapContext) -> list[Hit]:
    """One hit per non-voluntary datapoint the statement reports as missing; its resolution is
    the datapoint's coverage note, which says what to fill."""
    catalogue = by_id(ctx.assessment.rulebook)
    elements = ctx.params["core_elements"]
    hits = []
    for dp_id in ctx.missing(catalogue):
        dp = catalogue[dp_id]
        note = ctx.results[dp_id].note
        hits.append(
            Hit(
                fields={
                    "datapoint": dp_id,
                    "name": dp.name,
                    "paragraph": reference(dp),
                    "fill": note[:1].upper() + note[1:] if note else "Give the information",
                },
                core_element=elements.get(dp.requirement, "c"),
                datapoints=(dp_id,),
            )
        )
    return hits
