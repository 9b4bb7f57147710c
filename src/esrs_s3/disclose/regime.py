"""Which reporting regime applies: S3 material or not, and the phase-ins of ESRS 1 Appendix C
(`datapoints/<rulebook>/phase_in.toml`) the undertaking may use and uses."""

from __future__ import annotations

from functools import cache

from pydantic import BaseModel, ConfigDict

from esrs_s3.assess import Assessment
from esrs_s3.models import Workbook
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


class Regime(BaseModel):
    model_config = ConfigDict(frozen=True)

    s3_material: bool
    phase_in_eligible: bool  # the S3 phase-in of Appendix C may be used
    phase_in_used: bool  # ... and is used
    reporting_year: int
    year_of_reporting: int  # 1 in the first year under ESRS
    reliefs: tuple[PhaseIn, ...] = ()  # the other Appendix C rows that apply this year

    def omitted_under(self, dp_id: str, standard: str) -> PhaseIn | None:
        """The Appendix C row under which a datapoint may be omitted this year, if any."""
        return next(
            (p for p in self.reliefs if p.relief == "omit" and p.covers(dp_id, standard)), None
        )

    def qualitative_under(self, dp_id: str) -> PhaseIn | None:
        return next(
            (p for p in self.reliefs if p.relief == "qualitative" and p.covers(dp_id, "")), None
        )


def year_of_reporting(period_end_year: int, first_reporting_year: int) -> int:
    return period_end_year - first_reporting_year + 1


def decide_regime(workbook: Workbook, assessment: Assessment) -> Regime:
    undertaking = workbook.undertaking
    year = undertaking.period_end.year
    nth = year_of_reporting(year, undertaking.first_reporting_year)
    s3 = s3_phase_in(assessment.rulebook)
    eligible = s3.eligible(undertaking.employees, nth)
    used = eligible and getattr(undertaking, s3.choice) is not False
    others = tuple(
        p
        for p in phase_ins(assessment.rulebook)
        if p is not s3 and p.eligible(undertaking.employees, nth)
    )
    return Regime(
        s3_material=assessment.s3_material,
        phase_in_eligible=eligible,
        phase_in_used=used,
        reporting_year=year,
        year_of_reporting=nth,
        reliefs=others,
    )
