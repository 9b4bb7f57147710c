"""IRO-1: how the undertaking identified and assessed its impacts, risks and opportunities,
from the parameters the assessment actually used and the register itself (ESRS 2 ¶53): each
datapoint gets its own part of the description."""

from __future__ import annotations

from esrs_s3.disclose.catalogue import Datapoint
from esrs_s3.disclose.composer import Composer
from esrs_s3.disclose.inputs import Inputs
from esrs_s3.disclose.text import cells, listing
from esrs_s3.disclose.wording import line, phrase, say
from esrs_s3.models import Iro
from esrs_s3.render.document import Block, Run

KINDS = ("negative impact", "positive impact", "risk", "opportunity")


def _kinds(data: Inputs) -> dict[str, list[Iro]]:
    return {k: [i for i in data.workbook.impacts if i.kind == k] for k in KINDS}


def _settings(data: Inputs) -> tuple[str, ...]:
    """The Settings cells of the parameters the undertaking set."""
    return tuple(
        x.source for x in data.assessment.parameters.used if x.source.startswith("Settings!")
    )


def _p(data: Inputs) -> dict:
    return data.assessment.parameters.as_dict()


def register(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    return [c.textblock(dp.id, say(data, "method", "register", p=_p(data)), _settings(data))]


def impacts(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    kinds = _kinds(data)
    on_people = kinds["negative impact"] + kinds["positive impact"]
    lines = say(
        data,
        "method",
        "impacts",
        negative=len(kinds["negative impact"]),
        positive=len(kinds["positive impact"]),
        where=_tally(data, on_people, "value_chain"),
        involvement=_tally(data, on_people, "involvement"),
        status=_tally(data, on_people, "status"),
    )
    return [
        c.textblock(dp.id, lines, cells(on_people, "kind", "value_chain", "involvement", "status"))
    ]


def lenses(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    screened = data.assessment.screening
    review = sum(1 for s in screened if s.needs_review)
    lines = say(data, "method", "lenses", p=_p(data), screened=len(screened), review=review)
    wb = data.workbook
    return [
        c.textblock(
            dp.id,
            lines,
            cells(wb.impacts, "countries", "value_chain")
            + cells(wb.countries, "country")
            + cells(wb.screening, "product_risk", "use_risk", "client_risk", "country_risk")
            + _settings(data),
        )
    ]


def consultation(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    rows = data.workbook.engagement
    if not rows:
        return []
    processes = listing([e.id for e in rows])
    lines = say(data, "method", "consultation", processes=processes)
    return [c.textblock(dp.id, lines, cells(rows, "id"))]


def _floor(data: Inputs) -> tuple[object | None, list[str]]:
    """ESRS 1 ¶45 as applied: the likelihood floor for potential human-rights impacts when the
    team lowered it, and the impacts it keeps out (their names)."""
    params = data.assessment.parameters
    used = next(x for x in params.used if x.name == "human_rights_likelihood_floor")
    if used.value >= 1:
        return None, []
    threshold = params["impact_threshold"]
    excluded = [
        f"{a.iro.title} ({a.iro.id})"
        for a in data.assessment.iros
        if a.iro.kind == "negative impact"
        and a.iro.status == "potential"
        and a.iro.human_rights
        and not a.material
        and (a.scores.severity or 0) >= round(threshold, 6)
    ]
    return used, excluded


def prioritisation(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    floor, excluded = _floor(data)
    lines = say(data, "method", "prioritisation", p=_p(data), floor=floor, excluded=excluded)
    return [c.textblock(dp.id, lines, _settings(data))]


def risks(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    kinds = _kinds(data)
    found = kinds["risk"] + kinds["opportunity"]
    lines = say(
        data,
        "method",
        "risks",
        risks=len(kinds["risk"]),
        opportunities=len(kinds["opportunity"]),
        horizons=_tally(data, found, "time_horizon") if found else "",
    )
    return [c.textblock(dp.id, lines, cells(found, "kind", "time_horizon"))]


def financial(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    return [c.textblock(dp.id, say(data, "method", "financial", p=_p(data)), _settings(data))]


def inputs(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    wb = data.workbook
    counts = [
        line(
            data,
            "method",
            "kind_count",
            kind=kind,
            total=len(rows),
            material=sum(i.id in data.material_ids for i in rows),
        )
        for kind, rows in _kinds(data).items()
        if rows
    ]
    changed = _changed(data)
    lines = say(
        data,
        "method",
        "inputs",
        counts=counts,
        countries=len(wb.countries),
        sales=len(wb.screening),
        changed=len(changed),
    )
    return [
        c.textblock(
            dp.id,
            lines,
            cells(wb.impacts, "kind")
            + cells(wb.countries, "country")
            + cells(wb.screening, "id")
            + _settings(data),
        )
    ]


def _changed(data: Inputs) -> list:
    """The parameters we set to a value other than the default."""
    return [x for x in data.assessment.parameters.used if x.value != x.default]


def parameters(c: Composer, data: Inputs, _: str) -> list[Block]:
    """The settings we chose that differ from the defaults (every one, with its source, is in
    assessment.xlsx)."""
    changed = _changed(data)
    if not changed:
        return []
    return [
        Block(
            kind="table",
            caption=phrase(data, "settings_table"),
            headers=tuple(say(data, "method", "settings_headers")),
            rows=tuple(
                (
                    (Run(text=x.help),),
                    (Run(text=line(data, "method", "setting_value", value=x.value)),),
                    (Run(text=line(data, "method", "setting_value", value=x.default)),),
                )
                for x in changed
            ),
            css="parameters",
        )
    ]


def _tally(data: Inputs, rows: list[Iro], field: str) -> str:
    """`12 downstream, 3 upstream and 2 in own operations`: how many rows hold each value."""
    counts: dict[str, int] = {}
    for row in rows:
        value = getattr(row, field)
        if value:
            counts[value] = counts.get(value, 0) + 1
    said = [line(data, "method", "tally", field=field, value=v, n=n) for v, n in counts.items()]
    return listing(said) or line(data, "method", "no_tally")
