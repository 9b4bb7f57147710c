"""Likelihood lenses: location risk (Countries sheet) and partner risk (Screening sheet)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from esrs_s3.assess.parameters import Parameters
from esrs_s3.models import CountryRisk, Iro, ScreeningRow


class LensResult(BaseModel):
    """How much a lens raises an IRO's likelihood, and why, in words."""

    model_config = ConfigDict(frozen=True)

    step: int = 0
    notes: tuple[str, ...] = ()


def _ituc_value(rating: str) -> float:
    return 5.5 if rating == "5+" else float(rating)


def country_steps(country: CountryRisk, params: Parameters) -> LensResult:
    """The location steps one country earns: CAHRA, ITUC rating, governance percentile."""
    code = country.country
    checks = [
        (
            bool(country.cahra),
            "cahra_likelihood_step",
            f"{code} conflict-affected or high-risk",
        ),
        (
            country.ituc_rating is not None
            and _ituc_value(country.ituc_rating) >= params["ituc_min_rating"],
            "ituc_likelihood_step",
            f"{code} ITUC rating {country.ituc_rating}",
        ),
        (
            country.wgi_percentile is not None
            and country.wgi_percentile < params["wgi_max_percentile"],
            "wgi_likelihood_step",
            f"{code} governance percentile {country.wgi_percentile:g}"
            if country.wgi_percentile is not None
            else "",
        ),
    ]
    step, notes = 0, []
    for applies, parameter, note in checks:
        if applies and params[parameter]:
            step += params[parameter]
            notes.append(f"{note} +{params[parameter]}")
    return LensResult(step=step, notes=tuple(notes))


def location_lens(iro: Iro, countries: dict[str, CountryRisk], params: Parameters) -> LensResult:
    """The riskiest of the IRO's countries decides (steps are not added across countries)."""
    if not params["location_modifiers"] or iro.kind not in params.lens_kinds:
        return LensResult()
    results = [country_steps(countries[c], params) for c in iro.countries if c in countries]
    return max(results, key=lambda r: (r.step, r.notes), default=LensResult())


def partner_lens(iro: Iro, screening: tuple[ScreeningRow, ...], params: Parameters) -> LensResult:
    """A screened sale to a high-risk client that points at this IRO raises its likelihood."""
    if iro.kind not in params.lens_kinds or not params["partner_likelihood_step"]:
        return LensResult()
    risky = sorted(
        row.id
        for row in screening
        if iro.id in row.impacts and row.client_risk >= params["partner_min_client_risk"]
    )
    if not risky:
        return LensResult()
    step = params["partner_likelihood_step"]
    return LensResult(step=step, notes=(f"high-risk client in {', '.join(risky)} +{step}",))
