"""IRO-1: how the undertaking identified and assessed its impacts, risks and opportunities,
from the parameters the assessment actually used and the register itself (ESRS 2 ¶53): each
datapoint gets its own part of the description."""

from __future__ import annotations

from esrs_s3.disclose.catalogue import Datapoint
from esrs_s3.disclose.composer import Composer
from esrs_s3.disclose.inputs import Inputs
from esrs_s3.disclose.text import cells, count, listing
from esrs_s3.models import Iro
from esrs_s3.render.document import Block, Run

KINDS = ("negative impact", "positive impact", "risk", "opportunity")
HORIZONS = {h: f"{h}-term" for h in ("short", "medium", "long")}
INVOLVEMENT = {
    "causes": "caused by us",
    "contributes": "contributed to",
    "directly linked": "directly linked to it",
}


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
    p = _p(data)
    return [
        c.textblock(
            dp.id,
            [
                "We keep a register of the impacts, risks and opportunities related to "
                "affected communities and score each one from 1 to 5, with the rationale and "
                "the evidence for its scores. We set the thresholds (ESRS 1 ¶42): an impact is "
                f"material from an impact score of {p['impact_threshold']:g}, a risk or an "
                f"opportunity from a financial score of {p['financial_threshold']:g}.",
            ],
            _settings(data),
        )
    ]


def impacts(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    kinds = _kinds(data)
    on_people = kinds["negative impact"] + kinds["positive impact"]
    return [
        c.textblock(
            dp.id,
            [
                f"The register covers {count(len(kinds['negative impact']), 'negative impact')} "
                f"and {count(len(kinds['positive impact']), 'positive impact')}. For each we "
                "record whether we cause it, contribute to it or are directly linked to it "
                "through a business relationship, the communities affected, the countries and "
                "whether it is actual or potential.",
                "Of these impacts, "
                + _tally(on_people, "value_chain", {"own operations": "in own operations"})
                + "; "
                + _tally(on_people, "involvement", INVOLVEMENT)
                + "; "
                + _tally(on_people, "status")
                + ".",
            ],
            cells(on_people, "kind", "value_chain", "involvement", "status"),
        )
    ]


def lenses(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    p = _p(data)
    lines = [
        (
            "Where an impact happens raises its likelihood: we score potential negative impacts "
            "and risks as more likely in countries listed as conflict-affected or high-risk, "
            f"rated {p['ituc_min_rating']} or worse by the ITUC Global Rights Index, or below "
            f"the {p['wgi_max_percentile']:g}th governance percentile."
            if p["location_modifiers"]
            else "We did not raise the likelihood of impacts by the risk of the countries where "
            "they happen in this assessment."
        ),
        "We screen downstream sales on the product, its intended use, the client and the "
        f"country; a sale with a combined risk of {p['screening_sum_threshold']} or any single "
        f"risk of {p['screening_single_score']} receives enhanced review.",
    ]
    screened = data.assessment.screening
    if screened:
        review = [s for s in screened if s.needs_review]
        lines.append(
            f"{count(len(screened), 'sale was', 'sales were')} screened; "
            f"{len(review)} of them {'needs' if len(review) == 1 else 'need'} enhanced review."
        )
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
    return [
        c.textblock(
            dp.id,
            [
                "We consult affected communities through "
                + listing([f"{e.id} ({e.form}, {e.frequency})" for e in rows])
                + "."
            ],
            cells(rows, "form", "frequency"),
        )
    ]


def _hr_floor_text(data: Inputs) -> list[str]:
    """ESRS 1 ¶45 as applied: said only when the team changed the likelihood floor for
    potential human-rights impacts, naming the impacts it kept out."""
    params = data.assessment.parameters
    used = next(x for x in params.used if x.name == "human_rights_likelihood_floor")
    if used.value >= 1:
        return []
    threshold = params["impact_threshold"]
    excluded = [
        a.iro
        for a in data.assessment.iros
        if a.iro.kind == "negative impact"
        and a.iro.status == "potential"
        and a.iro.human_rights
        and not a.material
        and (a.scores.severity or 0) >= round(threshold, 6)
    ]
    text = (
        f"For potential human-rights impacts the likelihood factor is at least {used.value:g} "
        f"({used.source}), so likelihood still lowers their score, where ESRS 1 ¶45 gives "
        "severity precedence over likelihood."
    )
    if excluded:
        text += (
            " Judged on severity alone these impacts would be material and are not: "
            + listing([f"{i.title} ({i.id})" for i in excluded])
            + "."
        )
    return [text]


def prioritisation(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    p = _p(data)
    return [
        c.textblock(
            dp.id,
            [
                "We prioritise negative impacts by severity: the larger of the mean of scale, "
                "scope and irremediable character and the highest of the three less "
                f"{p['severity_peak_discount']:g}, so that one extreme criterion is not averaged "
                "away (ESRS 1 AR 11). We weigh positive impacts on scale and scope.",
                "We weight a potential impact by its likelihood (likelihood / 5). For a "
                "potential negative human-rights impact severity takes precedence over "
                "likelihood (ESRS 1 ¶45)"
                + (
                    ": its likelihood does not lower its score"
                    if p["human_rights_likelihood_floor"] >= 1
                    else ": its likelihood factor is at least "
                    f"{p['human_rights_likelihood_floor']:g}"
                )
                + f", and a severity of {p['human_rights_severity_override']:g} or more or an "
                f"irremediability of {p['human_rights_irremediability_override']} makes it "
                "material whatever its likelihood.",
                f"An impact is material from an impact score of {p['impact_threshold']:g} "
                "(on the 1 to 5 scale).",
                *_hr_floor_text(data),
            ],
            _settings(data),
        )
    ]


def risks(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    kinds = _kinds(data)
    found = kinds["risk"] + kinds["opportunity"]
    return [
        c.textblock(
            dp.id,
            [
                f"The register covers {count(len(kinds['risk']), 'risk')} and "
                f"{count(len(kinds['opportunity']), 'opportunity', 'opportunities')} related to "
                "affected communities, which we identify from our impacts on them and our "
                "dependencies on them (permits, access to land, reputation, demand), each with "
                "the time horizon over which it may affect us"
                + (f": {_tally(found, 'time_horizon', HORIZONS)}." if found else "."),
            ],
            cells(found, "kind", "time_horizon"),
        )
    ]


def financial(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    p = _p(data)
    return [
        c.textblock(
            dp.id,
            [
                "We score each risk and opportunity on the magnitude of its financial effect and "
                "its likelihood, from 1 to 5; its financial score is magnitude × likelihood / 5, "
                f"and it is material from a score of {p['financial_threshold']:g}. A magnitude of "
                f"{p['financial_override_magnitude']} with a likelihood of at least "
                f"{p['financial_override_min_likelihood']} is material whatever the score, so "
                "that unlikely events with a large effect are not dropped (S3 AR 8).",
            ],
            _settings(data),
        )
    ]


def inputs(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    wb = data.workbook
    counts = [
        _kind_count(kind, rows, data.material_ids) for kind, rows in _kinds(data).items() if rows
    ]
    changed = [x for x in data.assessment.parameters.used if x.source != "default"]
    text = (
        "Inputs: the register of impacts, risks and opportunities ("
        + (listing(counts) or "no entries")
        + ")"
        + (
            f", location-risk data for {count(len(wb.countries), 'country', 'countries')}"
            if wb.countries
            else ""
        )
        + (
            f", the screening of {count(len(wb.screening), 'downstream sale')}"
            if wb.screening
            else ""
        )
        + ", and the assessment settings described above"
        + (
            f", {count(len(changed), 'of which differs', 'of which differ')} from the defaults "
            "(table below)"
            if changed
            else ", all at their defaults"
        )
        + "."
    )
    return [
        c.textblock(
            dp.id,
            [text],
            cells(wb.impacts, "kind")
            + cells(wb.countries, "country")
            + cells(wb.screening, "id")
            + _settings(data),
        )
    ]


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return f"{value:g}" if isinstance(value, float) else str(value)


def parameters(c: Composer, data: Inputs, _: str) -> list[Block]:
    """The settings we chose that differ from the defaults (every one, with its source, is in
    assessment.xlsx)."""
    changed = [x for x in data.assessment.parameters.used if x.source != "default"]
    if not changed:
        return []
    return [
        Block(
            kind="table",
            caption="Assessment settings that differ from the defaults",
            headers=("setting", "our value", "default", "set in"),
            rows=tuple(
                (
                    (Run(text=x.help),),
                    (Run(text=_value(x.value)),),
                    (Run(text=_value(x.default)),),
                    (Run(text=x.source),),
                )
                for x in changed
            ),
            css="parameters",
        )
    ]


def _tally(rows: list[Iro], field: str, words: dict[str, str] | None = None) -> str:
    """`12 downstream, 3 upstream and 2 in own operations`: how many rows hold each value."""
    counts: dict[str, int] = {}
    for row in rows:
        value = getattr(row, field)
        if value:
            counts[value] = counts.get(value, 0) + 1
    return listing([f"{n} {(words or {}).get(v, v)}" for v, n in counts.items()]) or "none"


def _kind_count(kind: str, rows: list[Iro], material: frozenset[str]) -> str:
    plural = "opportunities" if kind == "opportunity" else f"{kind}s"
    n = sum(i.id in material for i in rows)
    return f"{count(len(rows), kind, plural)} ({n} material)"
