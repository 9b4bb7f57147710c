"""`esrs-s3 compare`: one workbook built under every version of ESRS its period allows, set side
by side: each datapoint under each version (status, value, counterpart), what would stop and
start being disclosed, fact and page counts, and the gap findings that differ."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict

from esrs_s3.check.coverage import CoverageRow
from esrs_s3.check.gaps import Finding
from esrs_s3.compare.counterparts import counterparts, origins
from esrs_s3.rulebook import load_rulebook

# statuses that say the statement reports the datapoint, or would have to
REPORTED = ("disclosed",)
TO_FILL = ("missing",)


class Version(BaseModel):
    """One build of the workbook: the rulebook and what its statement holds."""

    model_config = ConfigDict(frozen=True)

    rulebook: str
    title: str
    legal_act: str
    folder: str  # where its outputs were written, relative to the compare folder
    facts: int
    pages: int
    statuses: dict[str, int]
    draft: bool
    mandatory_missing: int
    findings: dict[str, int]  # by severity


class Side(BaseModel):
    """A datapoint as one version's statement has it."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    requirement: str
    paragraph: str
    status: str
    value: str
    note: str


class Row(BaseModel):
    """A datapoint of the first version and what answers to it in each other one; `first` is
    None for a datapoint new in a later version."""

    model_config = ConfigDict(frozen=True)

    first: Side | None
    relation: dict[str, str]  # rulebook -> kept, merged, moved, partly, dropped, outside, new
    others: dict[str, tuple[Side, ...]]
    note: dict[str, str]


class FindingChange(BaseModel):
    """A gap finding that some version raises and another does not, or at another severity."""

    model_config = ConfigDict(frozen=True)

    rule: str
    variant: str
    title: str
    rows: tuple[str, ...]
    severity: dict[str, str]  # rulebook -> severity; absent where the version raises none


class Changes(BaseModel):
    """For one later version, compared with the first: the datapoints the first discloses that
    it drops, the new ones it discloses or would need, and its datapoints still to fill."""

    model_config = ConfigDict(frozen=True)

    rulebook: str
    stop: tuple[tuple[str, str], ...]  # (datapoint, name)
    start: tuple[tuple[str, str], ...]
    to_fill: tuple[tuple[str, str, str], ...]  # (datapoint, name, what to fill)


class Comparison(BaseModel):
    model_config = ConfigDict(frozen=True)

    undertaking: str
    period_start: str
    period_end: str
    input_sha256: str
    versions: tuple[Version, ...]
    rows: tuple[Row, ...]
    changes: tuple[Changes, ...]
    findings: tuple[FindingChange, ...]


def side(row: CoverageRow) -> Side:
    return Side(
        id=row.id,
        name=row.name,
        requirement=row.requirement,
        paragraph=row.paragraph,
        status=row.status,
        value=row.value,
        note=row.note,
    )


def version(rulebook: str, folder: str, build) -> Version:
    """The summary of one build (a `BuildResult`)."""
    rules = load_rulebook(rulebook)
    statuses: dict[str, int] = {}
    for item in build.coverage:
        statuses[item.status] = statuses.get(item.status, 0) + 1
    severities: dict[str, int] = {}
    for finding in build.findings:
        severities[finding.severity] = severities.get(finding.severity, 0) + 1
    return Version(
        rulebook=rulebook,
        title=rules.title,
        legal_act=rules.legal_act,
        folder=folder,
        facts=len(build.statement.document.facts),
        pages=build.pages,
        statuses=statuses,
        draft=not build.completeness.complete,
        mandatory_missing=len(build.completeness.missing),
        findings=severities,
    )


def pair_rows(coverage: dict[str, Sequence[CoverageRow]]) -> tuple[Row, ...]:
    """The rows of the first version's coverage, each with its counterparts in the others,
    then the datapoints of the others that answer to none of the first (new)."""
    names = list(coverage)
    first, later = names[0], names[1:]
    by_id = {rb: {r.id: r for r in rows} for rb, rows in coverage.items()}
    maps = {rb: counterparts(first, rb) for rb in later}
    rows = []
    for item in coverage[first]:
        parts = {rb: maps[rb][item.id] for rb in later}
        rows.append(
            Row(
                first=side(item),
                relation={rb: part.relation for rb, part in parts.items()},
                others={
                    rb: tuple(side(by_id[rb][i]) for i in part.ids) for rb, part in parts.items()
                },
                note={rb: part.note for rb, part in parts.items() if part.note},
            )
        )
    for rb in later:
        known = origins(maps[rb])
        for item in coverage[rb]:
            if item.id not in known:
                rows.append(
                    Row(first=None, relation={rb: "new"}, others={rb: (side(item),)}, note={})
                )
    return tuple(rows)


def changes(rows: Sequence[Row], later: Sequence[str]) -> tuple[Changes, ...]:
    out = []
    for rb in later:
        stop = [
            (r.first.id, r.first.name)
            for r in rows
            if r.first and r.first.status in REPORTED and r.relation.get(rb) == "dropped"
        ]
        new = [s for r in rows if r.first is None and rb in r.others for s in r.others[rb]]
        start = [(s.id, s.name) for s in new if s.status in REPORTED + TO_FILL]
        seen: dict[str, tuple[str, str, str]] = {}
        for r in rows:
            for s in r.others.get(rb, ()):
                if s.status in TO_FILL:
                    seen.setdefault(s.id, (s.id, s.name, s.note))
        out.append(
            Changes(rulebook=rb, stop=tuple(stop), start=tuple(start), to_fill=tuple(seen.values()))
        )
    return tuple(out)


def finding_changes(findings: dict[str, Sequence[Finding]]) -> tuple[FindingChange, ...]:
    """Findings keyed by rule, variant and rows: those not raised alike by every version."""
    keyed: dict[tuple[str, str, tuple[str, ...]], dict[str, Finding]] = {}
    for rb, found in findings.items():
        for f in found:
            keyed.setdefault((f.rule, f.variant, tuple(f.rows)), {})[rb] = f
    out = []
    for (rule, variant, rows), by_rb in sorted(keyed.items()):
        severity = {rb: f.severity for rb, f in by_rb.items()}
        if len(severity) == len(findings) and len(set(severity.values())) == 1:
            continue
        title = next(iter(by_rb.values())).title
        out.append(
            FindingChange(rule=rule, variant=variant, title=title, rows=rows, severity=severity)
        )
    return tuple(out)
