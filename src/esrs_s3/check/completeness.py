"""Whether a statement is complete enough to publish: no mandatory datapoint missing and no
error-level disclosure gap open. Until then it is a draft, and says so on its cover, in every
page header and in its title; `build --final` refuses it. Due-diligence findings never keep a
statement a draft: it may truthfully disclose weak practice."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict

from esrs_s3.check.gaps import Finding
from esrs_s3.disclose.catalogue import Datapoint
from esrs_s3.disclose.composer import DatapointResult, Status
from esrs_s3.disclose.text import count


class Completeness(BaseModel):
    model_config = ConfigDict(frozen=True)

    missing: tuple[str, ...]  # mandatory datapoints reported as missing
    gaps: tuple[Finding, ...]  # error-level disclosure findings

    @property
    def complete(self) -> bool:
        return not self.missing and not self.gaps

    @property
    def draft(self) -> str:
        """What keeps the statement a draft, in words; empty when it is complete."""
        if self.complete:
            return ""
        return (
            f"{count(len(self.missing), 'mandatory datapoint')} missing, "
            f"{count(len(self.gaps), 'disclosure gap')} open"
        )

    def open_items(self) -> list[str]:
        """One line per open disclosure gap: rule, message and what resolves it."""
        return [f"{f.rule} {f.message} - {f.resolution}" for f in self.gaps]


def completeness(
    catalogue: Iterable[Datapoint],
    results: Iterable[DatapointResult],
    findings: Iterable[Finding],
) -> Completeness:
    voluntary = {dp.id for dp in catalogue if dp.voluntary}
    return Completeness(
        missing=tuple(
            r.id for r in results if r.status is Status.MISSING and r.id not in voluntary
        ),
        gaps=tuple(f for f in findings if f.severity == "error" and f.kind == "disclosure"),
    )
