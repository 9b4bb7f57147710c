"""Downstream sales screening: product, use, client and country risk against a threshold."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from esrs_s3.assess.parameters import Parameters
from esrs_s3.models import ScreeningRow


class ScreenedSale(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    description: str
    country: str
    product_risk: int
    use_risk: int
    client_risk: int
    country_risk: int
    total: int
    needs_review: bool
    reason: str
    covered_by: tuple[str, ...]
    uncovered: bool  # needs review and no IRO covers it: a downstream impact not assessed
    cell: str


def screen(row: ScreeningRow, params: Parameters) -> ScreenedSale:
    scores = (row.product_risk, row.use_risk, row.client_risk, row.country_risk)
    total = sum(scores)
    limit, single = params["screening_sum_threshold"], params["screening_single_score"]
    if total >= limit:
        reason = f"combined risk {total} ≥ {limit}"
    elif max(scores) >= single:
        reason = f"a single risk of {max(scores)} ≥ {single}"
    else:
        reason = f"combined risk {total} < {limit} and no single risk ≥ {single}"
    needs_review = total >= limit or max(scores) >= single
    return ScreenedSale(
        id=row.id,
        description=row.description,
        country=row.country,
        product_risk=row.product_risk,
        use_risk=row.use_risk,
        client_risk=row.client_risk,
        country_risk=row.country_risk,
        total=total,
        needs_review=needs_review,
        reason=reason,
        covered_by=row.impacts,
        uncovered=needs_review and not row.impacts,
        cell=str(row.cell("id")),
    )
