"""Which reporting regime applies: S3 material or not, and the phase-ins of ESRS 1 Appendix C
(`datapoints/<rulebook>/phase_in.toml`) the undertaking may use and uses."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from esrs_s3.assess import Assessment
from esrs_s3.models import Workbook
from esrs_s3.phase_in import (
    PhaseIn,
    load_phase_ins,
    s3_phase_in_for,
    s3_phase_ins,
    scope_of,
)


class Regime(BaseModel):
    model_config = ConfigDict(frozen=True)

    s3_material: bool
    phase_in_eligible: bool  # the S3 phase-in of Appendix C may be used
    phase_in_used: bool  # ... and is used
    reporting_year: int
    year_of_reporting: int  # 1 in the first year under ESRS
    reliefs: tuple[PhaseIn, ...] = ()  # the other Appendix C rows that apply this year
    s3_row: PhaseIn | None = None  # the row that lets the undertaking omit S3, if any

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
    u = workbook.undertaking
    rulebook = assessment.rulebook
    scope = scope_of(
        rulebook,
        u.employees,
        u.first_reporting_year,
        u.period_start.year,
        u.period_end.year,
        u.net_turnover,
        u.wave_one,
    )
    rules = load_phase_ins(rulebook)
    s3 = s3_phase_in_for(rulebook, scope)
    used = s3 is not None and getattr(u, s3.choice) is not False
    others = tuple(
        p for p in rules.rows if p not in s3_phase_ins(rulebook) and p.eligible(scope, rules.large)
    )
    return Regime(
        s3_material=assessment.s3_material,
        phase_in_eligible=s3 is not None,
        phase_in_used=used,
        reporting_year=u.period_end.year,
        year_of_reporting=scope.year_of_reporting,
        reliefs=others,
        s3_row=s3,
    )
