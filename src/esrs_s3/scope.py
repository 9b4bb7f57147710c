"""Whether the undertaking is within the CSRD's scope as Omnibus I set it
(`datapoints/scope.toml`); outside it, its statement is a voluntary report."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict

from esrs_s3.resources import load_toml


class CsrdScope(BaseModel):
    model_config = ConfigDict(frozen=True)

    basis: str
    employees_over: int
    net_turnover_over: float
    currency: str


@cache
def csrd_scope() -> CsrdScope:
    return CsrdScope.model_validate(load_toml("scope.toml"))


def outside_scope(employees: int, net_turnover: float | None, currency: str) -> str:
    """Why the undertaking is outside the scope ("" when it is within it or when that cannot
    be told: net turnover blank, or in another currency than the thresholds')."""
    scope = csrd_scope()
    if employees <= scope.employees_over:
        return f"{employees:,} employees, not more than {scope.employees_over:,}"
    known = net_turnover is not None and currency == scope.currency
    if known and net_turnover <= scope.net_turnover_over:
        return (
            f"a net turnover of {currency} {net_turnover:,.0f}, not more than "
            f"{currency} {scope.net_turnover_over:,.0f}"
        )
    return ""
