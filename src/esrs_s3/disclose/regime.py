"""Which reporting regime applies: S3 material or not, and the 750-employee phase-in."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from esrs_s3.assess import Assessment
from esrs_s3.models import Workbook
from esrs_s3.resources import load_toml


class Regime(BaseModel):
    model_config = ConfigDict(frozen=True)

    s3_material: bool
    phase_in_eligible: bool
    phase_in_used: bool
    reporting_year: int
    year_of_reporting: int  # 1 in the first year under ESRS
    omissible: tuple[str, ...]


def decide_regime(workbook: Workbook, assessment: Assessment) -> Regime:
    rules = load_toml(f"{assessment.rulebook}/phase_in.toml")
    undertaking = workbook.undertaking
    year = undertaking.period_end.year
    nth = year - undertaking.first_reporting_year + 1
    eligible = undertaking.employees <= rules["employees_max"] and 1 <= nth <= rules["years"]
    used = eligible and undertaking.use_phase_in is not False
    return Regime(
        s3_material=assessment.s3_material,
        phase_in_eligible=eligible,
        phase_in_used=used,
        reporting_year=year,
        year_of_reporting=nth,
        omissible=tuple(rules["omissible"]),
    )
