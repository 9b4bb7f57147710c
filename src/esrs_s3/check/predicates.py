"""The predicates of the gap rules: one small pure function per rule of
`datapoints/<rulebook>/gap_rules.toml`, registered in PREDICATES under the name the rule gives.

Each takes a GapContext (the workbook, its assessment, the statement's datapoint results by id,
the regime, the statement's section anchors, and the rule being evaluated with its `params`)
and, as keyword arguments, the datapoint ids the rule names in its `roles` (no datapoint id is
written here: a rulebook that renames datapoints changes its gap_rules.toml only), and returns
the hits: one per problem, each naming the workbook rows and cells that cause it,
the fields its message template needs and, when the rule has variants, which variant it is.
Conditions are documented next to each rule in gap_rules.toml; keyword lists and other choices
come from the rule's `params` and the file's `[words]`, never from here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any

from esrs_s3.assess import Assessment
from esrs_s3.disclose.catalogue import by_id
from esrs_s3.disclose.composer import DatapointResult, Status
from esrs_s3.disclose.narratives import reference
from esrs_s3.disclose.regime import Regime
from esrs_s3.disclose.text import listing
from esrs_s3.models import ROW_MODELS, Iro, Record, Workbook
from esrs_s3.resources import load_toml

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
PREDICATES: dict[str, Predicate] = {}


def predicate(function: Predicate) -> Predicate:
    PREDICATES[function.__name__] = function
    return function


# ---- helpers -----------------------------------------------------------------------------------


def cell(record: Record, name: str) -> str:
    """The source cell of a field; the row's id (or first) cell when the sheet lacks the
    column (optional columns may be absent from a user's workbook)."""
    columns = record.source.columns
    if name not in columns:
        name = "id" if "id" in columns else next(iter(columns))
    return str(record.cell(name))


def cells(records: Iterable[Record], *names: str) -> tuple[str, ...]:
    return tuple(cell(r, n) for r in records for n in names)


def sheet_rows(workbook: Workbook, sheet: str) -> tuple[Record, ...]:
    return getattr(workbook, ROW_MODELS[sheet][1])


def first_row(sheet: str) -> str:
    """An empty sheet is cited by its first data row."""
    return f"{sheet}!A2"


def undertaking_cells(ctx: GapContext, *names: str) -> tuple[str, ...]:
    u = ctx.workbook.undertaking
    found = (u.cells.get(n) for n in names) if u is not None else ()
    return tuple(str(c) for c in found if c is not None)


def blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def number(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}".rstrip("0").rstrip(".")


def named(ctx: GapContext, dp_ids: Sequence[str]) -> str:
    """`<id> (<name>), <id> (<name>) and ...` for messages."""
    catalogue = by_id(ctx.assessment.rulebook)
    return listing([f"{d} ({catalogue[d].name})" if d in catalogue else d for d in dp_ids])


@cache
def words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `words` at a word start (or anywhere, for words starting with a symbol)."""
    parts = [(r"\b" if w[:1].isalnum() else "") + re.escape(w.lower()) for w in words]
    return re.compile("|".join(parts) or "(?!)")


def mentions(text: str | None, words: Iterable[str]) -> bool:
    return bool(text) and words_pattern(tuple(words)).search(text.lower()) is not None


def problems(parts: list[tuple[str, tuple[str, ...]]]) -> tuple[str, tuple[str, ...]]:
    """(description, cells) pairs -> one sentence and all cells."""
    return "; ".join(p for p, _ in parts), tuple(c for _, cs in parts for c in cs)


def _row_hits(
    rows: Iterable[Record],
    check: Callable[[Record], list[tuple[str, tuple[str, ...]]]],
    key: str,
    name_field: str,
) -> list[Hit]:
    """One hit per row with at least one problem; fields `<key>`, `name`, `problems`."""
    hits = []
    for row in rows:
        found = check(row)
        if found:
            text, where = problems(found)
            hits.append(
                Hit(
                    rows=(row.id,),
                    cells=where,
                    fields={key: row.id, "name": getattr(row, name_field), "problems": text},
                )
            )
    return hits


# ---- a. policies ---------------------------------------------------------------------------


def _uncovered(ctx: GapContext, rows: Sequence[Record], reasons: str, sheet: str) -> list[Hit]:
    """Material negative impacts listed by no row of `rows` (policies or actions); `reasons` is
    the datapoint of the ESRS 2 ¶62 reasons for adopting none."""
    covered = {i for row in rows for i in row.impacts}
    level = ctx.params.get("matter_level", "sub_topic")
    matters = {getattr(ctx.iros[i], level) for i in covered if i in ctx.iros}
    # an empty sheet always gets the ESRS 2 ¶62 "none adopted" statement; `statement` is the
    # datapoint of its reasons (disclosed when the Narratives sheet gives them)
    stated = not rows or ctx.status(reasons) in STATED
    hits = []
    for iro in ctx.material_negative:
        if iro.id in covered:
            continue
        matter = getattr(iro, level)
        fields = {"iro": iro.id, "name": iro.title, "matter": matter, "context": ""}
        where = (cell(iro, "id"),)
        if not stated and matter not in matters:
            hits.append(Hit(rows=(iro.id,), cells=where, fields=fields))
            continue
        if not rows:
            fields["context"] = "; the statement says that none has been adopted" + (
                "" if ctx.status(reasons) in STATED else f", without reasons ({reasons})"
            )
            where += (first_row(sheet),)
        elif matter in matters:
            fields["context"] = f", though others cover impacts on {matter}"
        hits.append(Hit(rows=(iro.id,), cells=where, fields=fields, variant="practice"))
    return hits


@predicate
def iros_without_policy(ctx: GapContext, reasons: str) -> list[Hit]:
    return _uncovered(ctx, ctx.workbook.policies, reasons, "Policies")


@predicate
def policies_without_human_rights_reference(ctx: GapContext) -> list[Hit]:
    hits = []
    for p in ctx.workbook.policies:
        if p.references_ungp or p.references_oecd or p.references_ilo:
            continue
        rights = [i for i in p.impacts if i in ctx.iros and ctx.iros[i].human_rights]
        if rights:
            hits.append(
                Hit(
                    rows=(p.id,),
                    cells=cells([p], "references_ungp", "references_oecd", "references_ilo"),
                    fields={"policy": p.id, "name": p.name, "iros": listing(rights)},
                )
            )
    return hits


@predicate
def policies_without_senior_owner(ctx: GapContext) -> list[Hit]:
    senior = ctx.params["senior_roles"]

    def check(p) -> list[tuple[str, tuple[str, ...]]]:
        found = []
        if blank(p.approved_by):
            found.append(("no approval by management is recorded", (cell(p, "approved_by"),)))
        if blank(p.accountable_role) or not mentions(p.accountable_role, senior):
            found.append(
                (
                    f"the accountable role ({p.accountable_role or 'none'}) is not a senior one",
                    (cell(p, "accountable_role"),),
                )
            )
        return found

    return _row_hits(ctx.workbook.policies, check, "policy", "name")


@predicate
def policies_not_public(ctx: GapContext) -> list[Hit]:
    def check(p) -> list[tuple[str, tuple[str, ...]]]:
        found = []
        if not p.public:
            found.append(("it is not public", (cell(p, "public"),)))
        if blank(p.communication):
            found.append(
                (
                    "how it is communicated to the people concerned is not recorded",
                    (cell(p, "communication"),),
                )
            )
        return found

    return _row_hits(ctx.workbook.policies, check, "policy", "name")


@predicate
def indigenous_peoples_without_provisions(ctx: GapContext, provisions: str) -> list[Hit]:
    wb = ctx.workbook
    types, topics = ctx.params["community_types"], ctx.params["sub_topics"]
    affected = [
        i
        for i in wb.impacts
        if i.kind == "negative impact" and (i.community_type in types or i.sub_topic in topics)
    ]
    if not affected:
        return []
    material = [i for i in affected if i.id in ctx.material_ids]
    ids = listing([i.id for i in material])
    why = tuple(
        cell(i, "community_type" if i.community_type in types else "sub_topic") for i in material
    )
    hits = []
    if material and ctx.status(provisions) == Status.MISSING:
        hits.append(
            Hit(
                rows=tuple(i.id for i in material) + tuple(p.id for p in wb.policies),
                cells=why
                + (cells(wb.policies, "indigenous_peoples_provisions") or (first_row("Policies"),)),
                fields={"iros": ids},
            )
        )
    answered = [e for e in wb.engagement if e.fpic in ("yes", "no")]
    if material and ctx.full and not answered:
        hits.append(
            Hit(
                rows=tuple(i.id for i in material) + tuple(e.id for e in wb.engagement),
                cells=why + (cells(wb.engagement, "fpic") or (first_row("Engagement"),)),
                fields={"iros": ids},
                variant="fpic",
            )
        )
    affected_ids = {i.id for i in affected}
    for e in wb.engagement:
        concerned = [i for i in e.impacts if i in affected_ids]
        if e.fpic == "no" and (concerned or not e.impacts):
            hits.append(
                Hit(
                    rows=(e.id, *concerned),
                    cells=(cell(e, "fpic"),),
                    fields={
                        "engagement": e.id,
                        "iros": listing(concerned or sorted(affected_ids)),
                    },
                    variant="fpic-not-sought",
                )
            )
    return hits


# ---- b. engagement ---------------------------------------------------------------------------


def _nothing_on_sheet(
    ctx: GapContext, rows: Sequence[Record], none_in_place: str, sheet: str
) -> list[Hit]:
    """An empty sheet: the main hit when the statement does not say that none is in place (the
    datapoint `none_in_place` is missing), the "practice" hit when it does."""
    if rows:
        return []
    negative = [i for i in ctx.workbook.impacts if i.kind == "negative impact"]
    where = (first_row(sheet),)
    if ctx.status(none_in_place) == Status.MISSING:
        return [Hit(cells=where, fields={"count": len(negative)})]
    if negative:
        return [Hit(cells=where, fields={"count": len(negative)}, variant="practice")]
    return []


@predicate
def no_engagement_process(ctx: GapContext, none_in_place: str) -> list[Hit]:
    return _nothing_on_sheet(ctx, ctx.workbook.engagement, none_in_place, "Engagement")


@predicate
def engagement_without_effectiveness_check(ctx: GapContext) -> list[Hit]:
    def check(e) -> list[tuple[str, tuple[str, ...]]]:
        found = []
        if blank(e.effectiveness_assessment):
            found.append(
                (
                    "the effectiveness of the engagement is not assessed",
                    (cell(e, "effectiveness_assessment"),),
                )
            )
        if blank(e.responsible_role):
            found.append(("no responsible role is named", (cell(e, "responsible_role"),)))
        return found

    return _row_hits(ctx.workbook.engagement, check, "engagement", "description")


@predicate
def no_insight_into_vulnerable_groups(ctx: GapContext) -> list[Hit]:
    rows = ctx.workbook.engagement
    hits = [
        Hit(
            rows=(e.id,), cells=(cell(e, "vulnerable_groups_insight"),), fields={"engagement": e.id}
        )
        for e in rows
        if blank(e.vulnerable_groups_insight)
    ]
    missing = ctx.missing()
    if missing:
        hits.append(
            Hit(
                rows=tuple(e.id for e in rows),
                cells=cells(rows, "vulnerable_groups_insight") or (first_row("Engagement"),),
                fields={"datapoints": named(ctx, missing)},
                variant="undisclosed",
                datapoints=tuple(missing),
            )
        )
    return hits


# ---- d. channels, remedy, actions ------------------------------------------------------------


@predicate
def no_grievance_channel(ctx: GapContext, none_in_place: str) -> list[Hit]:
    channels = ctx.workbook.channels
    hits = _nothing_on_sheet(ctx, channels, none_in_place, "Channels")
    fields = ctx.params["text_fields"]
    if (
        channels
        and sells_misusable_products(ctx)
        and not any(addresses_downstream(ctx, ch, fields) for ch in channels)
    ):
        hits.append(
            Hit(
                rows=tuple(ch.id for ch in channels),
                cells=cells(channels, "available_to", "remedy_approach"),
                fields={"channels": listing([f"{ch.id} {ch.name}" for ch in channels])},
                variant="downstream",
            )
        )
    return hits


@predicate
def channel_without_tracking_trust_or_protection(ctx: GapContext) -> list[Hit]:
    def check(ch) -> list[tuple[str, tuple[str, ...]]]:
        found = []
        if not ch.tracks_issues:
            found.append(("the issues raised are not tracked", (cell(ch, "tracks_issues"),)))
        if not ch.trust_assessed:
            found.append(
                (
                    "whether communities know and trust it is not assessed",
                    (cell(ch, "trust_assessed"),),
                )
            )
        if not ch.anti_retaliation:
            found.append(
                ("its users are not protected against retaliation", (cell(ch, "anti_retaliation"),))
            )
        return found

    return _row_hits(ctx.workbook.channels, check, "channel", "name")


@predicate
def actual_impact_without_remedy(ctx: GapContext, remedy_approach: str) -> list[Hit]:
    wb = ctx.workbook
    kinds = ctx.params["remedy_action_types"]
    remedied = {i for a in wb.actions if a.action_type in kinds for i in a.impacts}
    remedied |= {i for inc in wb.incidents if inc.remedy_provided for i in inc.impacts}
    words = ctx.params["involvement_words"]
    hits = [
        Hit(
            rows=(iro.id,),
            cells=(cell(iro, "status"), cell(iro, "involvement")),
            fields={
                "iro": iro.id,
                "name": iro.title,
                "involvement": words.get(iro.involvement, iro.involvement),
            },
        )
        for iro in ctx.material_negative
        if iro.status == "actual"
        and iro.involvement in ctx.params["involvements"]
        and iro.id not in remedied
    ]
    if ctx.status(remedy_approach) == Status.MISSING:
        hits.append(
            Hit(
                rows=tuple(ch.id for ch in wb.channels),
                cells=cells(wb.channels, "remedy_approach") or (first_row("Channels"),),
                variant="approach",
            )
        )
    return hits


@predicate
def iros_without_action(ctx: GapContext, reasons: str) -> list[Hit]:
    return _uncovered(ctx, ctx.workbook.actions, reasons, "Actions")


@predicate
def actions_without_effectiveness_tracking(ctx: GapContext) -> list[Hit]:
    return [
        Hit(
            rows=(a.id,),
            cells=(cell(a, "effectiveness_tracking"),),
            fields={"action": a.id, "name": a.title},
        )
        for a in ctx.workbook.actions
        if blank(a.effectiveness_tracking)
    ]


@predicate
def actions_without_scope_or_resources(ctx: GapContext) -> list[Hit]:
    def check(a) -> list[tuple[str, tuple[str, ...]]]:
        found = []
        if blank(a.value_chain_scope):
            found.append(("its scope is not stated", (cell(a, "value_chain_scope"),)))
        money = ctx.params["money_fields"]
        if all(getattr(a, f) is None for f in money):
            found.append(("no resources (CapEx or OpEx) are stated", cells([a], *money)))
        return found

    return _row_hits(ctx.workbook.actions, check, "action", "title")


# ---- e. tracking -----------------------------------------------------------------------------


@predicate
def no_targets_statement(ctx: GapContext) -> list[Hit]:
    wb = ctx.workbook
    if wb.targets:
        return []
    hits = []
    missing = ctx.missing()
    if missing:
        hits.append(
            Hit(
                cells=(first_row("Targets"),),
                fields={"datapoints": named(ctx, missing)},
                datapoints=tuple(missing),
            )
        )
    if ctx.assessment.s3_material and not any(a.effectiveness_tracking for a in wb.actions):
        hits.append(
            Hit(
                rows=tuple(a.id for a in wb.actions),
                cells=(first_row("Targets"), *cells(wb.actions, "effectiveness_tracking")),
                variant="untracked",
            )
        )
    return hits


@predicate
def targets_without_baseline_or_involvement(ctx: GapContext) -> list[Hit]:
    def check(t) -> list[tuple[str, tuple[str, ...]]]:
        found = []
        gaps = [n for n in ("baseline_value", "baseline_year") if getattr(t, n) is None]
        if gaps:
            what = "baseline value and base year" if len(gaps) == 2 else gaps[0].replace("_", " ")
            found.append((f"no {what}", cells([t], *gaps)))
        if not t.communities_involved:
            found.append(
                ("it was set without affected communities", (cell(t, "communities_involved"),))
            )
        return found

    return _row_hits(ctx.workbook.targets, check, "target", "title")


# ---- c. identify and assess ------------------------------------------------------------------


def _logged_not_disclosed(ctx: GapContext, incidents: list, dp_id: str, flag: str) -> list[Hit]:
    status = ctx.status(dp_id)
    if not incidents or status in (Status.DISCLOSED, Status.PHASE_IN):
        return []
    return [
        Hit(
            rows=tuple(i.id for i in incidents),
            cells=cells(incidents, flag),
            fields={"incidents": listing([i.id for i in incidents]), "status": repr(status)},
        )
    ]


@predicate
def severe_incidents(ctx: GapContext, disclosure: str) -> list[Hit]:
    severe = [i for i in ctx.workbook.incidents if i.severe]
    hits = _logged_not_disclosed(ctx, severe, disclosure, "severe")
    hits += [
        Hit(
            rows=(i.id,),
            cells=(cell(i, "remedy_provided"),),
            fields={"incident": i.id, "date": i.date.isoformat(), "country": i.country},
            variant="unremedied",
        )
        for i in severe
        if not i.remedy_provided
    ]
    return hits


@predicate
def undisclosed_breaches(ctx: GapContext, disclosure: str) -> list[Hit]:
    cases = [i for i in ctx.workbook.incidents if i.breach_of_ungp_oecd_ilo]
    return _logged_not_disclosed(ctx, cases, disclosure, "breach_of_ungp_oecd_ilo")


def addresses_downstream(ctx: GapContext, row: Record, names: Iterable[str]) -> bool:
    """Whether a downstream word occurs in a non-negated clause of the row's `names` fields."""
    wanted, negations = words_pattern(tuple(ctx.words["downstream"])), ctx.words["negations"]
    for name in names:
        for clause in re.split(r"[.;:!?]", (getattr(row, name, None) or "").lower()):
            if wanted.search(clause) and not mentions(clause, negations):
                return True
    return False


def sells_misusable_products(ctx: GapContext) -> bool:
    u = ctx.workbook.undertaking
    return u is not None and u.products_with_misuse_risk is True


@predicate
def misuse_risk_unassessed(ctx: GapContext) -> list[Hit]:
    wb = ctx.workbook
    misuse = sells_misusable_products(ctx)
    hits = []
    if misuse:
        found = []
        if not any(
            i.kind == "negative impact" and i.value_chain == "downstream" for i in wb.impacts
        ):
            found.append(("no downstream negative impact is in the register", ()))
        if not wb.screening:
            found.append(("no downstream sale is screened", (first_row("Screening"),)))
        if found:
            text, where = problems(found)
            hits.append(
                Hit(
                    cells=undertaking_cells(ctx, "products_with_misuse_risk") + where,
                    fields={"problems": text},
                )
            )
    rows = {s.id: s for s in wb.screening}
    for sale in ctx.assessment.screening:
        if sale.uncovered:
            hits.append(
                Hit(
                    rows=(sale.id,),
                    cells=(sale.cell, cell(rows[sale.id], "impacts")),
                    fields={
                        "sale": sale.id,
                        "description": sale.description,
                        "country": sale.country,
                        "reason": sale.reason,
                    },
                    variant="uncovered",
                )
            )
    if misuse and wb.policies:
        flags = ctx.params["commitment_flags"]
        candidates = [p for p in wb.policies if any(getattr(p, f) for f in flags)]
        candidates = candidates or list(wb.policies)
        fields = ctx.params["text_fields"]
        if not any(addresses_downstream(ctx, p, fields) for p in candidates):
            hits += [
                Hit(
                    rows=(p.id,),
                    cells=cells([p], *ctx.params["text_fields"]),
                    fields={
                        "policy": p.id,
                        "name": p.name,
                        "scope": p.value_chain_scope or "not stated",
                    },
                    variant="policy",
                )
                for p in candidates
            ]
    return hits


@predicate
def cahra_without_enhanced_due_diligence(ctx: GapContext) -> list[Hit]:
    wb = ctx.workbook
    evidence = set(ctx.params["evidence"])
    hits = []
    for country in wb.countries:
        if not country.cahra:
            continue
        code = country.country
        located = [i for i in wb.impacts if code in i.countries]
        sales = [s for s in wb.screening if s.country == code]
        incidents = [i for i in wb.incidents if i.country == code]
        if not (located or sales or incidents):
            continue
        there = {i.id for i in located if i.kind in ctx.params["evidence_kinds"]}
        done = (
            ("action" in evidence and any(there & set(a.impacts) for a in wb.actions))
            or ("engagement" in evidence and any(there & set(e.impacts) for e in wb.engagement))
            or (
                "screening" in evidence
                and any(
                    s.country == code and s.needs_review and s.covered_by
                    for s in ctx.assessment.screening
                )
            )
        )
        if done:
            continue
        presence = [
            f"{what} {listing([r.id for r in rows])}"
            for what, rows in (("impacts", located), ("sales", sales), ("incidents", incidents))
            if rows
        ]
        hits.append(
            Hit(
                rows=(code, *(r.id for r in (*located, *sales, *incidents))),
                cells=(
                    cell(country, "cahra"),
                    *cells(located, "countries"),
                    *cells(sales, "country"),
                    *cells(incidents, "country"),
                ),
                fields={"country": code, "presence": "; ".join(presence)},
            )
        )
    return hits


@predicate
def human_rights_impacts_dropped_for_likelihood(ctx: GapContext) -> list[Hit]:
    params = ctx.assessment.parameters
    defaults = {p.name: p.default for p in params.used}
    ref_severity = defaults[ctx.params["severity_reference"]]
    ref_irremediability = defaults[ctx.params["irremediability_reference"]]
    threshold = params["impact_threshold"]
    settings = ctx.workbook.settings
    changed = [n for n in ctx.params["settings"] if n in settings.cells]
    hits = []
    for a in ctx.assessment.iros:
        iro, scores = a.iro, a.scores
        if not (iro.kind == "negative impact" and iro.status == "potential" and iro.human_rights):
            continue
        if scores.severity is None:
            continue
        likelihood = scores.likelihood_used or 0
        fields = {
            "iro": iro.id,
            "name": iro.title,
            "severity": number(scores.severity),
            "irremediability": iro.irremediability,
            "likelihood": f"{iro.likelihood}"
            + (f", raised to {likelihood}" if likelihood != iro.likelihood else ""),
            "impact": number(scores.impact_score),
            "threshold": number(threshold),
        }
        where = (cell(iro, "likelihood"),)
        if not a.material:
            severe = (
                scores.severity >= ref_severity or (iro.irremediability or 0) >= ref_irremediability
            )
            if severe:
                fields["settings"] = (
                    listing([f"{n} in {settings.cells[n]}" for n in changed])
                    or "the human-rights override and floor"
                )
                cited = where + tuple(str(settings.cells[n]) for n in changed)
                hits.append(Hit(rows=(iro.id,), cells=cited, fields=fields))
            elif scores.severity >= round(threshold, 6):
                hits.append(Hit(rows=(iro.id,), cells=where, fields=fields, variant="below"))
            continue
        raw = scores.severity * likelihood / 5
        if round(raw, 6) < round(threshold, 6) and not a.decision.financial_material:
            fields["raw"] = number(raw)
            hits.append(Hit(rows=(iro.id,), cells=where, fields=fields, variant="kept"))
    return hits


@predicate
def dma_method_undocumented(ctx: GapContext, consultation: str) -> list[Hit]:
    missing = ctx.missing()
    if not missing:
        return []
    where = ()
    if consultation in missing and not ctx.workbook.engagement:
        where = (first_row("Engagement"),)
    return [Hit(cells=where, fields={"datapoints": named(ctx, missing)}, datapoints=tuple(missing))]


@predicate
def due_diligence_map_incomplete(ctx: GapContext, due_diligence_map: str) -> list[Hit]:
    elements = load_toml(f"{ctx.assessment.rulebook}/due_diligence.toml")["elements"]
    hits = []
    if ctx.status(due_diligence_map) == Status.MISSING:
        problem = f"the due-diligence map ({due_diligence_map}) is missing"
        hits.append(Hit(fields={"problem": problem}))
    if not ctx.full:
        return hits
    sheets = ctx.params["empty_sheets"]
    for e in elements:
        wanted = e["evidence"]
        if not wanted or any(ctx.status(d) == Status.DISCLOSED for d in wanted):
            continue
        empty = [s for s in sheets.get(e["key"], []) if not sheet_rows(ctx.workbook, s)]
        hits.append(
            Hit(
                cells=tuple(first_row(s) for s in empty),
                fields={
                    "element": e["key"],
                    "name": e["name"],
                    "evidence": listing(wanted, "or"),
                    "sheets": listing(sheets.get(e["key"], []), "or") or "workbook",
                },
                variant="unbacked",
                datapoints=tuple(wanted),
            )
        )
    return hits


@predicate
def community_types_or_incident_class_missing(ctx: GapContext) -> list[Hit]:
    missing = ctx.missing()
    if not missing:
        return []
    iros = ctx.material_negative
    return [
        Hit(
            rows=tuple(i.id for i in iros),
            cells=cells(iros, "community_type"),
            fields={"datapoints": named(ctx, missing), "count": len(iros)},
            datapoints=tuple(missing),
        )
    ]


@predicate
def phase_in_items_missing(ctx: GapContext) -> list[Hit]:
    if not ctx.regime.phase_in_used:
        return []
    missing = ctx.missing()
    if not missing:
        return []
    return [
        Hit(
            cells=undertaking_cells(ctx, "employees", "first_reporting_year", "use_phase_in"),
            fields={"datapoints": named(ctx, missing)},
            datapoints=tuple(missing),
        )
    ]


@predicate
def linked_impacts_without_leverage(ctx: GapContext) -> list[Hit]:
    wb = ctx.workbook
    exits = ctx.params["exit_words"]
    hits = []
    for iro in ctx.material_negative:
        if iro.involvement not in ctx.params["involvements"]:
            continue
        actions = [a for a in wb.actions if iro.id in a.impacts]
        leverage = any(not blank(a.leverage_used) for a in actions)
        exit_ = any(mentions(f"{a.description} {a.leverage_used or ''}", exits) for a in actions)
        screened = any(iro.id in s.impacts for s in wb.screening)
        if not (leverage or exit_ or screened):
            hits.append(
                Hit(
                    rows=(iro.id, *(a.id for a in actions)),
                    cells=(cell(iro, "involvement"), *cells(actions, "leverage_used")),
                    fields={"iro": iro.id, "name": iro.title},
                )
            )
    return hits


@predicate
def not_material_without_explanation(ctx: GapContext, explanation: str) -> list[Hit]:
    if ctx.regime.s3_material:
        return []
    hits = []
    status = ctx.status(explanation)
    if status != Status.DISCLOSED:
        hits.append(Hit(fields={"status": repr(status)}))
    impacts = ctx.workbook.impacts
    if not any(i.kind == "negative impact" for i in impacts):
        hits.append(
            Hit(
                rows=tuple(i.id for i in impacts),
                cells=cells(impacts, "kind") or (first_row("Impacts"),),
                fields={"count": len(impacts)},
                variant="empty",
            )
        )
    return hits


@predicate
def mandatory_datapoints_missing(ctx: GapContext) -> list[Hit]:
    """One hit per non-voluntary datapoint the statement reports as missing; its resolution is
    the datapoint's coverage note, which says what to fill."""
    catalogue = by_id(ctx.assessment.rulebook)
    elements = ctx.params["core_elements"]
    hits = []
    for dp_id in ctx.missing(catalogue):
        dp = catalogue[dp_id]
        note = ctx.results[dp_id].note
        hits.append(
            Hit(
                fields={
                    "datapoint": dp_id,
                    "name": dp.name,
                    "paragraph": reference(dp),
                    "fill": note[:1].upper() + note[1:] if note else "Give the information",
                },
                core_element=elements.get(dp.requirement, "c"),
                datapoints=(dp_id,),
            )
        )
    return hits


@predicate
def policy_inside_broader_code(ctx: GapContext) -> list[Hit]:
    code, refs = ctx.params["code_words"], ctx.params["reference_words"]
    return [
        Hit(
            rows=(p.id,),
            cells=cells([p], "name", *ctx.params["fields"]),
            fields={"policy": p.id, "name": p.name},
        )
        for p in ctx.workbook.policies
        if mentions(p.name, code)
        and not any(mentions(getattr(p, f), refs) for f in ctx.params["fields"])
    ]
