"""What a predicate is given (GapContext) and what it returns (Hit)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from esrs_s3.assess import Assessment
from esrs_s3.disclose.catalogue import by_id
from esrs_s3.disclose.composer import DatapointResult, Status
from esrs_s3.disclose.regime import Regime
from esrs_s3.models import Iro, Workbook

if TYPE_CHECKING:
    from esrs_s3.check.gaps import Rule

# A statement that says something, or lawfully says nothing (ESRS 1 ¶32, Appendix C).
STATED = frozenset({Status.DISCLOSED, Status.PHASE_IN, Status.NOT_MATERIAL})


@dataclass(frozen=True)
class Hit:
    """One problem found by a predicate."""

    rows: tuple[str, ...] = ()
    cells: tuple[str, ...] = ()
    fields: Mapping[str, object] = field(default_factory=dict)
    variant: str = ""
    datapoints: tuple[str, ...] | None = None  # instead of the rule's, when narrower
    core_element: str | None = None  # instead of the rule's (a finding per datapoint)


@dataclass(frozen=True)
class GapContext:
    """What a predicate may look at. `rule` is set for each rule before its predicate runs."""

    workbook: Workbook
    assessment: Assessment
    results: Mapping[str, DatapointResult]
    regime: Regime
    sections: frozenset[str] = frozenset()
    words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    rule: Rule | None = None

    @property
    def params(self) -> Mapping[str, Any]:
        return self.rule.params if self.rule is not None else {}

    @property
    def full(self) -> bool:
        """S3 is reported in full: material and not omitted under the phase-in."""
        return self.regime.s3_material and not self.regime.phase_in_used

    def status(self, dp_id: str) -> str:
        result = self.results.get(dp_id)
        return result.status.value if result is not None else ""

    def missing(self, dp_ids: Iterable[str] | None = None) -> list[str]:
        """The non-voluntary datapoints among `dp_ids` (default: the rule's datapoints) that the
        statement reports as missing."""
        if dp_ids is None:
            dp_ids = self.rule.datapoints if self.rule is not None else ()
        catalogue = by_id(self.assessment.rulebook)
        return [
            d
            for d in dp_ids
            if self.status(d) == Status.MISSING and not (d in catalogue and catalogue[d].voluntary)
        ]

    @cached_property
    def iros(self) -> dict[str, Iro]:
        return {iro.id: iro for iro in self.workbook.impacts}

    @cached_property
    def material_ids(self) -> frozenset[str]:
        return frozenset(a.id for a in self.assessment.iros if a.material)

    @cached_property
    def material_negative(self) -> tuple[Iro, ...]:
        return tuple(
            iro
            for iro in self.workbook.impacts
            if iro.kind == "negative impact" and iro.id in self.material_ids
        )


# (context, **datapoint ids by role) -> hits
Predicate = Callable[..., list[Hit]]
