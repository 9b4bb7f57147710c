"""The due-diligence gap engine: loads the rules of `datapoints/<rulebook>/gap_rules.toml`, runs
each rule's predicate and turns its hits into findings.

A finding is either a *disclosure* gap (a required datapoint or statement is missing) or a
*due-diligence* gap (the statement may be complete, but the practice behind it is missing or
weak). A rule may give both: its `[[rules.variants]]` override severity, kind, message and
resolution (and optionally title, OECD steps, core element, paragraphs and datapoints), and each
hit names its variant. Findings are sorted by severity, rule id and first cell, stably.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import replace
from functools import cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from esrs_s3.assess import Assessment
from esrs_s3.check.predicates import PREDICATES, GapContext, Hit
from esrs_s3.disclose.catalogue import by_id
from esrs_s3.disclose.mapping import Statement
from esrs_s3.models import Workbook
from esrs_s3.resources import load_toml

Severity = Literal["error", "warning", "info"]
Kind = Literal["disclosure", "due diligence"]
CoreElement = Literal["a", "b", "c", "d", "e"]


class Variant(BaseModel):
    """Another finding of the same rule (`key`), overriding the rule's fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str = Field(min_length=1)
    severity: Severity
    kind: Kind
    message: str
    resolution: str
    title: str | None = None
    oecd_steps: tuple[str, ...] | None = None
    core_element: CoreElement | None = None
    paragraphs: tuple[str, ...] | None = None
    datapoints: tuple[str, ...] | None = None


class Rule(BaseModel):
    """One gap rule (G01...)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^G\d{2}$")
    severity: Severity
    kind: Kind
    oecd_steps: tuple[str, ...] = Field(min_length=1)
    core_element: CoreElement
    paragraphs: tuple[str, ...] = Field(min_length=1)
    title: str
    message: str
    resolution: str
    predicate: str
    datapoints: tuple[str, ...] = ()
    roles: dict[str, str] = {}  # datapoint ids the predicate takes by name (keyword arguments)
    params: dict[str, Any] = {}
    variants: tuple[Variant, ...] = ()

    @model_validator(mode="after")
    def _unique_variants(self) -> Rule:
        keys = [v.key for v in self.variants]
        if len(set(keys)) != len(keys):
            raise ValueError(f"{self.id}: duplicate variant keys {keys}")
        return self

    @model_validator(mode="after")
    def _roles_are_datapoints(self) -> Rule:
        touched = {*self.datapoints, *(d for v in self.variants for d in v.datapoints or ())}
        stray = {name: d for name, d in self.roles.items() if d not in touched}
        if stray:
            raise ValueError(f"{self.id}: roles {stray} name datapoints the rule does not touch")
        return self

    def outcome(self, key: str) -> dict[str, Any]:
        """The finding's fields for a variant ("" = the rule's main finding)."""
        fields = {
            "title": self.title,
            "severity": self.severity,
            "kind": self.kind,
            "oecd_steps": self.oecd_steps,
            "core_element": self.core_element,
            "paragraphs": self.paragraphs,
            "message": self.message,
            "resolution": self.resolution,
            "datapoints": self.datapoints,
        }
        if not key:
            return fields
        for variant in self.variants:
            if variant.key == key:
                own = variant.model_dump(exclude={"key"}, exclude_none=True)
                return fields | own
        raise KeyError(f"{self.id}: no variant {key!r}")


class RuleSet(BaseModel):
    """All rules of a rulebook, with the vocabularies they are checked against."""

    model_config = ConfigDict(frozen=True)

    version: int
    severities: tuple[Severity, ...]
    kinds: tuple[Kind, ...]
    oecd_steps: tuple[str, ...]
    core_elements: tuple[CoreElement, ...]
    words: dict[str, tuple[str, ...]]
    rules: tuple[Rule, ...]


class Finding(BaseModel):
    """One gap: what is wrong, where in the workbook, what would resolve it."""

    model_config = ConfigDict(frozen=True)

    rule: str
    variant: str = ""
    severity: Severity
    kind: Kind
    title: str
    oecd_steps: tuple[str, ...]
    core_element: CoreElement
    paragraphs: tuple[str, ...]
    message: str
    rows: tuple[str, ...]  # ids of the workbook rows causing it (country codes on Countries)
    cells: tuple[str, ...]  # source cells that show the problem, `Sheet!A1`
    resolution: str
    datapoints: tuple[str, ...]  # catalogue ids it touches


def check_rules(rules: RuleSet, rulebook_id: str) -> None:
    """Refuse duplicate rule ids, unknown predicates, OECD steps, datapoints or severities, and
    roles that are not exactly the predicate's parameters."""
    ids = [r.id for r in rules.rules]
    if len(set(ids)) != len(ids):
        raise ValueError(f"gap_rules.toml of {rulebook_id}: duplicate rule ids")
    catalogue = by_id(rulebook_id)
    for rule in rules.rules:
        if rule.predicate not in PREDICATES:
            raise ValueError(f"{rule.id}: unknown predicate {rule.predicate!r}")
        # the predicate's parameters after the context are exactly the rule's roles
        takes = set(list(inspect.signature(PREDICATES[rule.predicate]).parameters)[1:])
        if takes != set(rule.roles):
            raise ValueError(
                f"{rule.id}: {rule.predicate} takes the datapoints {sorted(takes)}, "
                f"the rule's roles name {sorted(rule.roles)}"
            )
        for key in ("", *(v.key for v in rule.variants)):
            out = rule.outcome(key)
            unknown_steps = set(out["oecd_steps"]) - set(rules.oecd_steps)
            unknown_dps = set(out["datapoints"]) - set(catalogue)
            if unknown_steps or unknown_dps or out["severity"] not in rules.severities:
                raise ValueError(
                    f"{rule.id} {key}: unknown OECD steps {sorted(unknown_steps)}, "
                    f"datapoints {sorted(unknown_dps)} or severity {out['severity']!r}"
                )


@cache
def load_rules(rulebook_id: str) -> RuleSet:
    """The gap rules of a rulebook, checked against the catalogue and the predicates."""
    rules = RuleSet.model_validate(load_toml(f"{rulebook_id}/gap_rules.toml"))
    check_rules(rules, rulebook_id)
    return rules


_CELL = re.compile(r"^(?P<sheet>.*)!(?P<col>[A-Z]+)(?P<row>\d+)$")


def _cell_key(cells: tuple[str, ...]) -> tuple[str, int, int, str]:
    """Sheet, row, column of the first cell (`Impacts!B10` after `Impacts!B9`)."""
    if not cells:
        return ("", 0, 0, "")
    match = _CELL.match(cells[0])
    if match is None:
        return (cells[0], 0, 0, "")
    col = match["col"]
    return (match["sheet"], int(match["row"]), len(col), col)


def _finding(rule: Rule, hit: Hit) -> Finding:
    out = rule.outcome(hit.variant)
    fields = {k: str(v) for k, v in hit.fields.items()}
    return Finding(
        rule=rule.id,
        variant=hit.variant,
        severity=out["severity"],
        kind=out["kind"],
        title=out["title"],
        oecd_steps=out["oecd_steps"],
        core_element=hit.core_element or out["core_element"],
        paragraphs=out["paragraphs"],
        message=out["message"].format_map(fields),
        rows=tuple(dict.fromkeys(hit.rows)),
        cells=tuple(dict.fromkeys(hit.cells)),
        resolution=out["resolution"].format_map(fields),
        datapoints=hit.datapoints if hit.datapoints is not None else out["datapoints"],
    )


def find_gaps(
    workbook: Workbook, assessment: Assessment, statement: Statement
) -> tuple[Finding, ...]:
    """Every gap finding of a valid workbook, its assessment and its composed statement."""
    rules = load_rules(assessment.rulebook)
    base = GapContext(
        workbook=workbook,
        assessment=assessment,
        results={r.id: r for r in statement.results},
        regime=statement.regime,
        sections=frozenset(s.anchor for s in statement.document.sections),
        words=rules.words,
    )
    findings = []
    for rule in rules.rules:
        hits = PREDICATES[rule.predicate](replace(base, rule=rule), **rule.roles)
        findings += [_finding(rule, hit) for hit in hits]
    rank = {severity: n for n, severity in enumerate(rules.severities)}
    return tuple(sorted(findings, key=lambda f: (rank[f.severity], f.rule, _cell_key(f.cells))))
