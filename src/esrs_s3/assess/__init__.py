"""Assess stage: double materiality (ESRS 1 ch. 3) with reasons, sensitivity and a matrix."""

from esrs_s3.assess.assessment import Assessment, IroAssessment, assess
from esrs_s3.assess.parameters import Parameters, parse_overrides, resolve_parameters

__all__ = [
    "Assessment",
    "IroAssessment",
    "Parameters",
    "assess",
    "parse_overrides",
    "resolve_parameters",
]
