"""Impact and financial materiality of one IRO (ESRS 1 ¶43-51), with a reason in words.

Method (every number a parameter, see README "Materiality method"):
  severity, negative  S = max(mean(scale, scope, irremediability), max(...) - peak discount)
  severity, positive  S = mean(scale, scope)
  likelihood factor   actual: 1; potential: likelihood / 5 (likelihood raised by the lenses)
                      potential human-rights negative impact: at least the human-rights floor
  impact score        I = S x factor
  financial score     F = magnitude x likelihood / 5 (an actual impact counts likelihood 5)
  material            I >= impact threshold, or F >= financial threshold, or an override:
                      potential human-rights impact with S or irremediability at its override;
                      magnitude at its override with likelihood at its minimum.
Scores are compared after rounding to 6 decimals, so 3.0 computed as 2.9999999 is 3.
"""

from __future__ import annotations

from statistics import fmean

from pydantic import BaseModel, ConfigDict

from esrs_s3.assess.lenses import LensResult
from esrs_s3.assess.parameters import Parameters
from esrs_s3.models import Iro

DECIMALS = 6


class Scores(BaseModel):
    """The numbers behind one decision, before any threshold is applied."""

    model_config = ConfigDict(frozen=True)

    severity: float | None = None
    likelihood_used: int | None = None
    likelihood_factor: float | None = None
    impact_score: float | None = None
    financial_score: float | None = None
    human_rights_floor_applied: bool = False
    gross_impact_score: float | None = None  # before mitigation, when the net score is used
    mitigated: bool = False  # the likelihood after implemented mitigation was used
    human_rights_by_severity: bool = False  # overrides: material whatever the likelihood
    human_rights_by_irremediability: bool = False
    financial_override: bool = False


class Decision(BaseModel):
    model_config = ConfigDict(frozen=True)

    impact_material: bool
    financial_material: bool
    rules: tuple[str, ...]  # the reasons' keys that decided, in order

    @property
    def material(self) -> bool:
        return self.impact_material or self.financial_material


def _r(value: float) -> float:
    return round(value, DECIMALS)


def severity(iro: Iro, params: Parameters) -> float | None:
    if iro.kind == "negative impact":
        criteria = (iro.scale, iro.scope, iro.irremediability)
        peak = max(criteria) - params["severity_peak_discount"]
        return _r(max(fmean(criteria), peak))
    if iro.kind == "positive impact":
        return _r(fmean((iro.scale, iro.scope)))
    if iro.scale is not None and iro.scope is not None:  # a risk scored for its impact too
        criteria = [c for c in (iro.scale, iro.scope, iro.irremediability) if c is not None]
        return _r(max(fmean(criteria), max(criteria) - params["severity_peak_discount"]))
    return None


def _factor(
    iro: Iro, potential: bool, likelihood: int | None, params: Parameters
) -> tuple[float, bool]:
    """The likelihood factor of an impact score, and whether the human-rights floor raised it
    (severity before likelihood, ESRS 1 ¶45 of the 2023 set, ¶40 revised)."""
    factor = 1.0 if not potential else (likelihood or 0) / 5
    if potential and iro.human_rights and iro.kind == "negative impact":
        floor = params["human_rights_likelihood_floor"]
        if factor < floor:
            return floor, True
    return factor, False


def score(iro: Iro, lens: LensResult, params: Parameters) -> Scores:
    """Severity, likelihood, impact and financial scores, and which overrides hold."""
    likelihood = None
    if iro.likelihood is not None:
        likelihood = min(5, iro.likelihood + lens.step)
    potential = iro.status == "potential"
    # ESRS 1 ¶43 b (revised): implemented, effective mitigation may lower a potential impact's
    # likelihood; the gross score is kept beside the net one
    mitigated = (
        potential
        and iro.is_impact
        and bool(params["mitigated_likelihood"])
        and iro.likelihood_after_mitigation is not None
    )
    impact_likelihood = (
        min(5, iro.likelihood_after_mitigation + lens.step) if mitigated else likelihood
    )
    sev = severity(iro, params)
    factor = impact = gross = None
    floor_applied = by_severity = by_irremediability = False
    if sev is not None:
        factor, floor_applied = _factor(iro, potential, impact_likelihood, params)
        if potential and iro.human_rights and iro.kind == "negative impact":
            by_severity = sev >= params["human_rights_severity_override"]
            by_irremediability = (iro.irremediability or 0) >= params[
                "human_rights_irremediability_override"
            ]
        impact = _r(sev * factor)
        if mitigated:
            gross = _r(sev * _factor(iro, potential, likelihood, params)[0])
    financial = fin_override = None
    if iro.financial_magnitude is not None:
        happened = iro.is_impact and not potential
        probability = 5 if happened or likelihood is None else likelihood
        financial = _r(iro.financial_magnitude * probability / 5)
        fin_override = (
            iro.financial_magnitude >= params["financial_override_magnitude"]
            and probability >= params["financial_override_min_likelihood"]
        )
    return Scores(
        severity=sev,
        likelihood_used=impact_likelihood,
        likelihood_factor=None if factor is None else _r(factor),
        impact_score=impact,
        gross_impact_score=gross,
        mitigated=mitigated,
        financial_score=financial,
        human_rights_floor_applied=floor_applied,
        human_rights_by_severity=by_severity,
        human_rights_by_irremediability=by_irremediability,
        financial_override=bool(fin_override),
    )


def decide(scores: Scores, impact_threshold: float, financial_threshold: float) -> Decision:
    """Apply thresholds and overrides. Overrides hold whatever the thresholds."""
    rules: list[str] = []
    impact_material = False
    if scores.human_rights_by_severity:
        impact_material = True
        rules.append("human_rights_severity")
    if scores.human_rights_by_irremediability:
        impact_material = True
        rules.append("human_rights_irremediability")
    if scores.impact_score is not None and scores.impact_score >= _r(impact_threshold):
        impact_material = True
        rules.append("impact_threshold")
    financial_material = False
    if scores.financial_score is not None and scores.financial_score >= _r(financial_threshold):
        financial_material = True
        rules.append("financial_threshold")
    if scores.financial_override:
        financial_material = True
        rules.append("financial_override")
    return Decision(
        impact_material=impact_material, financial_material=financial_material, rules=tuple(rules)
    )
