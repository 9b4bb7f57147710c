"""The double materiality assessment of a workbook: one decision with reasons per IRO,
sensitivity to the thresholds, screening, and the topic roll-up."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from pydantic import BaseModel, ConfigDict

from esrs_s3.assess.lenses import LensResult, location_lens, partner_lens
from esrs_s3.assess.materiality import Decision, Scores, decide, score
from esrs_s3.assess.parameters import Parameters, Value, resolve_parameters
from esrs_s3.assess.rollup import Rollup, roll_up
from esrs_s3.assess.screening import ScreenedSale, screen
from esrs_s3.models import Iro, Workbook
from esrs_s3.rulebook import DEFAULT_RULEBOOK, load_rulebook


class IroAssessment(BaseModel):
    """One IRO's inputs, scores, decision, reason and sensitivity."""

    model_config = ConfigDict(frozen=True)

    iro: Iro
    lens_step: int
    lens_notes: tuple[str, ...]
    scores: Scores
    decision: Decision
    reason: str
    margin: float | None  # signed distance of the nearest score to its threshold
    material_if_thresholds_lower: bool
    material_if_thresholds_higher: bool

    @property
    def id(self) -> str:
        return self.iro.id

    @property
    def material(self) -> bool:
        return self.decision.material

    @property
    def flips(self) -> bool:
        """Whether moving the thresholds one step either way changes the decision."""
        return (
            self.material_if_thresholds_lower != self.material
            or self.material_if_thresholds_higher != self.material
        )


class Assessment(BaseModel):
    model_config = ConfigDict(frozen=True)

    input_sha256: str
    rulebook: str
    parameters: Parameters
    iros: tuple[IroAssessment, ...]
    screening: tuple[ScreenedSale, ...]
    rollup: Rollup
    closest: tuple[str, ...]  # IRO ids nearest a threshold, nearest first

    @property
    def material_iros(self) -> tuple[IroAssessment, ...]:
        return tuple(a for a in self.iros if a.material)

    @property
    def s3_material(self) -> bool:
        return self.rollup.s3_material

    @property
    def uncovered_sales(self) -> tuple[ScreenedSale, ...]:
        return tuple(s for s in self.screening if s.uncovered)


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}".rstrip("0").rstrip(".")


def explain(
    iro: Iro, lens: LensResult, scores: Scores, decision: Decision, params: Parameters
) -> str:
    """The decision in plain words, from the rulebook's reason texts."""
    fields = {k: _number(v) if isinstance(v, float) else v for k, v in params.as_dict().items()}
    fields |= {
        "severity": _number(scores.severity),
        "factor": _number(scores.likelihood_factor),
        "impact": _number(scores.impact_score),
        "financial": _number(scores.financial_score),
        "magnitude": iro.financial_magnitude,
        "likelihood": scores.likelihood_used if scores.likelihood_used is not None else 5,
        "irremediability": iro.irremediability if iro.irremediability is not None else "-",
    }
    texts = params.reasons
    rules = list(decision.rules)
    if "human_rights_severity" in rules and "human_rights_irremediability" in rules:
        rules.remove("human_rights_irremediability")  # one reason for the same precedence
    overridden = scores.human_rights_by_severity or scores.human_rights_by_irremediability
    if overridden and "impact_threshold" in rules:
        rules.remove("impact_threshold")  # the precedence decides; the weighted score does not
    parts = [texts[rule].format(**fields) for rule in rules]
    if not decision.material:
        if scores.impact_score is not None:
            parts.append(texts["impact_below"].format(**fields))
        if scores.financial_score is not None:
            parts.append(texts["financial_below"].format(**fields))
    notes = []
    if iro.status == "actual" and iro.is_impact:
        notes.append(texts["actual"])
    if scores.human_rights_floor_applied and not overridden:
        notes.append(texts["human_rights_floor"].format(**fields))
    precedence = overridden or scores.human_rights_floor_applied
    if (
        lens.step
        and iro.likelihood is not None
        and not (precedence and scores.financial_score is None)
    ):
        notes.append(
            f"likelihood {iro.likelihood_after_mitigation if scores.mitigated else iro.likelihood}"
            f" raised to {scores.likelihood_used} by " + "; ".join(lens.notes)
        )
    if scores.mitigated:
        notes.append(
            f"likelihood {iro.likelihood_after_mitigation} after implemented mitigation used "
            f"(gross impact score {scores.gross_impact_score:g})"
        )
    verdict = "material: " if decision.material else "not material: "
    return verdict + "; ".join(parts) + "".join(f". {note[0].upper()}{note[1:]}" for note in notes)


def _margin(scores: Scores, params: Parameters) -> float | None:
    margins = []
    if scores.impact_score is not None:
        margins.append(scores.impact_score - params["impact_threshold"])
    if scores.financial_score is not None:
        margins.append(scores.financial_score - params["financial_threshold"])
    return round(max(margins), 6) if margins else None


def assess_iro(iro: Iro, workbook: Workbook, params: Parameters) -> IroAssessment:
    countries = {c.country: c for c in workbook.countries}
    location = location_lens(iro, countries, params)
    partner = partner_lens(iro, workbook.screening, params)
    lens = LensResult(step=location.step + partner.step, notes=location.notes + partner.notes)
    scores = score(iro, lens, params)
    t_imp, t_fin, step = (
        params["impact_threshold"],
        params["financial_threshold"],
        params["sensitivity_step"],
    )
    decision = decide(scores, t_imp, t_fin)
    return IroAssessment(
        iro=iro,
        lens_step=lens.step,
        lens_notes=lens.notes,
        scores=scores,
        decision=decision,
        reason=explain(iro, lens, scores, decision, params),
        margin=_margin(scores, params),
        material_if_thresholds_lower=decide(scores, t_imp - step, t_fin - step).material,
        material_if_thresholds_higher=decide(scores, t_imp + step, t_fin + step).material,
    )


# The Impacts columns a decision is computed from, with the other values each can take.
DECISION_INPUTS: dict[str, tuple[object, ...]] = {
    "kind": ("negative impact", "positive impact", "risk", "opportunity"),
    "status": ("actual", "potential"),
    "human_rights": (True, False),
    "scale": (1, 2, 3, 4, 5),
    "scope": (1, 2, 3, 4, 5),
    "irremediability": (1, 2, 3, 4, 5),
    "likelihood": (1, 2, 3, 4, 5),
    "financial_magnitude": (1, 2, 3, 4, 5),
    "countries": ((),),
}


def decided_by(
    result: IroAssessment,
    workbook: Workbook,
    params: Parameters,
    worded: Callable[[IroAssessment], str] = lambda a: a.reason,
) -> tuple[str, ...]:
    """The Impacts columns of an IRO on which its decision and reason, as worded (`worded`:
    the reason, or the sentence a statement says it in), depend: those whose other values
    (DECISION_INPUTS; no countries at all) give other words. A column the IRO leaves blank,
    or whose other values its kind cannot take, is not among them."""
    iro, out = result.iro, []
    for field, values in DECISION_INPUTS.items():
        current = getattr(iro, field)
        if current is None:
            continue
        for value in values:
            if value == current:
                continue
            try:
                other = assess_iro(iro.model_copy(update={field: value}), workbook, params)
            except (TypeError, ValueError):  # a kind this IRO's scores do not fit
                continue
            if worded(other) != worded(result):
                out.append(field)
                break
    return tuple(out)


def assess(workbook: Workbook, overrides: Mapping[str, Value] | None = None) -> Assessment:
    """Assess every IRO of a valid workbook; `overrides` come from the command line."""
    rulebook_id = workbook.undertaking.rulebook if workbook.undertaking else DEFAULT_RULEBOOK
    params = resolve_parameters(rulebook_id, workbook.settings, overrides)
    results = [assess_iro(iro, workbook, params) for iro in workbook.impacts]
    rollup = roll_up(
        [(a.id, a.iro.sub_topic, a.iro.sub_sub_topic, a.material) for a in results],
        load_rulebook(rulebook_id),
    )
    ranked = sorted(
        (a for a in results if a.margin is not None), key=lambda a: (abs(a.margin), a.id)
    )
    return Assessment(
        input_sha256=workbook.sha256,
        rulebook=rulebook_id,
        parameters=params,
        iros=tuple(results),
        screening=tuple(screen(row, params) for row in workbook.screening),
        rollup=rollup,
        closest=tuple(a.id for a in ranked[: params["closest_count"]]),
    )
