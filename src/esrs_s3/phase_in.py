"""The phase-ins that touch S3 (`datapoints/<rulebook>/phase_in.toml`: ESRS 1 Appendix C of the
2023 set as extended by the quick fix, chapter 10 of the revised ESRS 1): who may use each, in
which years, and what it lets the undertaking omit."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict

from esrs_s3.resources import load_toml


class Scope(BaseModel):
    """What a phase-in's conditions look at, from the Undertaking sheet."""

    model_config = ConfigDict(frozen=True)

    employees: int
    net_turnover: float | None  # blank on the sheet: unknown
    wave_one: bool  # required to report from the first ESRS year (the sheet, else derived)
    year_of_reporting: int  # 1 in the first year under ESRS
    financial_year: int  # the calendar year the financial year begins in


class PhaseIn(BaseModel):
    """One phase-in row."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    reference: str
    standard: str = ""
    datapoints: tuple[str, ...] = ()
    who: str  # "all", or "employees": at most `employees_max` employees
    employees_max: int | None = None
    years: tuple[int, ...] = ()  # years of reporting; empty = any
    wave_one: bool | None = None  # only for wave-one undertakings (true) or the others (false)
    # "large": more than `large` employees and net turnover (phase_in.toml [large]); "not large"
    size: str = ""
    financial_years: tuple[int, ...] = ()  # calendar years the financial year may begin in
    relief: str
    choice: str = ""
    source: str = ""  # where the row's scope was read, when not in the adopted text

    def why_not(self, scope: Scope, large: Large) -> list[str]:
        """Why an undertaking cannot use the row (empty: it can)."""
        found = []
        if self.who == "employees" and scope.employees > (self.employees_max or 0):
            found.append(f"{scope.employees} employees, more than {self.employees_max}")
        if self.years and scope.year_of_reporting not in self.years:
            years = " or ".join(map(str, self.years))
            found.append(f"year {scope.year_of_reporting} of reporting under ESRS, not {years}")
        if self.wave_one is not None and scope.wave_one != self.wave_one:
            found.append(
                "a wave-one undertaking" if scope.wave_one else "not a wave-one undertaking"
            )
        if self.financial_years and scope.financial_year not in self.financial_years:
            found.append(f"a financial year beginning in {scope.financial_year}")
        if self.size:
            is_large = large.holds(scope)
            if is_large is None:
                found.append("net_turnover blank, so the size is not known")
            elif is_large != (self.size == "large"):
                found.append(large.describe(scope))
        return found

    def eligible(self, scope: Scope, large: Large) -> bool:
        return not self.why_not(scope, large)

    def covers(self, dp_id: str, standard: str) -> bool:
        return dp_id in self.datapoints or (bool(self.standard) and standard == self.standard)


class Large(BaseModel):
    """The size above which the revised ESRS 1 ¶125 rows apply (both thresholds exceeded)."""

    model_config = ConfigDict(frozen=True)

    employees_over: int = 0
    net_turnover_over: float = 0

    def holds(self, scope: Scope) -> bool | None:
        if scope.employees <= self.employees_over:
            return False
        if scope.net_turnover is None:
            return None
        return scope.net_turnover > self.net_turnover_over

    def describe(self, scope: Scope) -> str:
        turnover = "blank" if scope.net_turnover is None else f"{scope.net_turnover:,.0f}"
        return f"{scope.employees} employees and net turnover {turnover}"


class PhaseIns(BaseModel):
    model_config = ConfigDict(frozen=True)

    rows: tuple[PhaseIn, ...]
    large: Large = Large()
    wave_one_first_year: int | None = None  # a first reporting year up to this is wave one


@cache
def load_phase_ins(rulebook_id: str) -> PhaseIns:
    data = load_toml(f"{rulebook_id}/phase_in.toml")
    return PhaseIns(
        rows=tuple(PhaseIn.model_validate(row) for row in data["phase_ins"]),
        large=Large.model_validate(data.get("large", {})),
        wave_one_first_year=data.get("wave_one_first_year"),
    )


def phase_ins(rulebook_id: str) -> tuple[PhaseIn, ...]:
    return load_phase_ins(rulebook_id).rows


def s3_phase_ins(rulebook_id: str) -> tuple[PhaseIn, ...]:
    """The rows that let an undertaking omit S3 (BP-2 applies then)."""
    return tuple(p for p in phase_ins(rulebook_id) if p.standard == "S3")


def s3_phase_in_for(rulebook_id: str, scope: Scope) -> PhaseIn | None:
    """The S3 row the undertaking may use, if any."""
    rules = load_phase_ins(rulebook_id)
    return next((p for p in s3_phase_ins(rulebook_id) if p.eligible(scope, rules.large)), None)


def scope_of(
    rulebook_id: str,
    employees: int,
    first_reporting_year: int,
    period_start_year: int,
    period_end_year: int,
    net_turnover: float | None = None,
    wave_one: bool | None = None,
) -> Scope:
    """The scope from Undertaking values; a blank wave_one is derived from the first reporting
    year (phase_in.toml `wave_one_first_year`)."""
    first_wave = load_phase_ins(rulebook_id).wave_one_first_year
    if wave_one is None:
        wave_one = first_wave is not None and first_reporting_year <= first_wave
    return Scope(
        employees=employees,
        net_turnover=net_turnover,
        wave_one=wave_one,
        year_of_reporting=year_of_reporting(period_end_year, first_reporting_year),
        financial_year=period_start_year,
    )


def year_of_reporting(period_end_year: int, first_reporting_year: int) -> int:
    return period_end_year - first_reporting_year + 1
