"""Which reporting regime applies: S3 material or not, and the phase-ins of ESRS 1 Appendix C
(`datapoints/<rulebook>/phase_in.toml`) the undertaking may use and uses."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from esrs_s3.assess import Assessment
from esrs_s3.models import Workbook
from esrs_s3.phase_in import PhaseIn, phase_ins, s3_phase_in, year_of_reporting


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
