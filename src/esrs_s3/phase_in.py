"""The phase-ins of ESRS 1 Appendix C that touch S3 (`datapoints/<rulebook>/phase_in.toml`):
who may use each, in which years of reporting, and what it lets the undertaking omit."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict

from esrs_s3.resources import load_toml


class PhaseIn(BaseModel):
    """One row of ESRS 1 Appendix C."""

    model_config = ConfigDict(frozen=True)

    key: str
    reference: str
    standard: str = ""
    datapoints: tuple[str, ...] = ()
    who: str
    employees_max: int | None = None
    years: tuple[int, ...]
    relief: str
    choice: str = ""

    def eligible(self, employees: int, year_of_reporting: int) -> bool:
        """Whether an undertaking of this size, in this year of reporting, may use it."""
        small = self.who == "all" or employees <= (self.employees_max or 0)
        return small and year_of_reporting in self.years

    def covers(self, dp_id: str, standard: str) -> bool:
        return dp_id in self.datapoints or (bool(self.standard) and standard == self.standard)


@cache
def phase_ins(rulebook_id: str) -> tuple[PhaseIn, ...]:
    rows = load_toml(f"{rulebook_id}/phase_in.toml")["phase_ins"]
    return tuple(PhaseIn.model_validate(row) for row in rows)


def s3_phase_in(rulebook_id: str) -> PhaseIn:
    """The Appendix C row that lets small undertakings omit S3 (BP-2 ¶17 applies then)."""
    return next(p for p in phase_ins(rulebook_id) if p.standard == "S3")


def year_of_reporting(period_end_year: int, first_reporting_year: int) -> int:
    return period_end_year - first_reporting_year + 1
