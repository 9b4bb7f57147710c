"""Named conditions under which a section is reported or a datapoint applies.

The rulebook's data names them (`sections.toml` `when`, the catalogue's `applies_when`); each
is a small function of the statement's inputs that says whether it holds and which rows made
it hold (the material IROs that call for an action, the actions an earlier statement can have
disclosed), so that a "missing" note can name them. A parameter follows the name after a
colon: `rows:policies`, `material:negative-impact`.
"""

from __future__ import annotations

from collections.abc import Callable

from esrs_s3.disclose.inputs import Inputs, concerns_indigenous_peoples
from esrs_s3.disclose.text import first_listed

Holds = tuple[bool, tuple[str, ...]]
# the Actions columns that allocate financial resources to an action
MONEY = ("capex", "opex", "capex_current", "opex_current", "capex_future", "opex_future")

# `material:<group>`: the IRO kinds (and status) a group of material IROs is made of.
MATERIAL_GROUPS: dict[str, tuple[tuple[str, ...], str | None]] = {
    "any": ((), None),
    "impact": (("negative impact", "positive impact"), None),
    "negative-impact": (("negative impact",), None),
    "actual-negative-impact": (("negative impact",), "actual"),
    "positive-impact": (("positive impact",), None),
    "risk-or-opportunity": (("risk", "opportunity"), None),
    "risk": (("risk",), None),
    "opportunity": (("opportunity",), None),
}


def _ids(rows) -> tuple[str, ...]:
    return tuple(r.id for r in rows)


def _rows(data: Inputs, sheet: str) -> Holds:
    rows = getattr(data.workbook, sheet)
    return bool(rows), _ids(rows)


def _no_rows(data: Inputs, sheet: str) -> Holds:
    return not getattr(data.workbook, sheet), ()


def material_group(data: Inputs, group: str) -> list:
    """The material IROs of a `material:` group."""
    kinds, status = MATERIAL_GROUPS[group]
    return [i for i in data.material(*kinds) if status is None or i.status == status]


def _material(data: Inputs, group: str) -> Holds:
    iros = material_group(data, group)
    return bool(iros), _ids(iros)


def _register(data: Inputs, what: str) -> Holds:
    impacts = data.workbook.impacts
    if what == "indigenous":
        rows = [i for i in impacts if concerns_indigenous_peoples(i)]
    else:
        rows = [i for i in impacts if i.kind == what]
    return bool(rows), _ids(rows)


def _indigenous_consent(data: Inputs, _: str) -> Holds:
    """S3 ¶22 AR 17 (free, prior and informed consent): applies where a material impact
    concerns indigenous peoples, or where the workbook says whether consent is sought."""
    indigenous = [i for i in data.material() if concerns_indigenous_peoples(i)]
    asked = any(e.fpic in ("yes", "no") for e in data.workbook.engagement)
    return bool(indigenous) or asked, _ids(indigenous)


def started_earlier(data: Inputs) -> tuple[str, ...]:
    """Actions that an earlier statement under ESRS can have disclosed: not the first year of
    reporting, and started before this period (or with no start date)."""
    if data.regime.year_of_reporting <= 1:
        return ()
    start = data.workbook.undertaking.period_start
    listed = first_listed(data.workbook.actions)[0]
    return tuple(sorted(a.id for a in listed if a.start is None or a.start < start))


def _actions(data: Inputs, which: str) -> Holds:
    ids = started_earlier(data)
    return bool(ids), ids


def _tracked_without_targets(data: Inputs, _: str) -> Holds:
    tracked = [a for a in data.workbook.actions if a.effectiveness_tracking]
    return bool(tracked), _ids(tracked)


def _no_pat(data: Inputs, _: str) -> Holds:
    """Revised ESRS 2 ¶39: the undertaking lacks policies, actions or targets on the topic."""
    wb = data.workbook
    return not (wb.policies and wb.actions and wb.targets), ()


def _reliefs_used(data: Inputs, _: str) -> Holds:
    """The Undertaking sheet names reliefs it uses (reliefs_used)."""
    u = data.workbook.undertaking
    return bool(u and u.reliefs_used), ()


def _significant_resources(data: Inputs, _: str) -> Holds:
    """Revised ESRS 2 ¶46: financial resources are allocated to the actions (an amount in the
    period or planned, in the Actions sheet)."""
    funded = [a for a in data.workbook.actions if any(getattr(a, f) for f in MONEY)]
    return bool(funded), _ids(funded)


def _human_rights_policy(data: Inputs, _: str) -> Holds:
    """Revised ESRS 2 ¶43: a policy commits to the UN Guiding Principles, the ILO Declaration and
    the OECD Guidelines together (the policies' references_* columns)."""
    found = human_rights_policies(data)
    return bool(found), _ids(found)


def human_rights_policies(data: Inputs) -> list:
    return [
        p
        for p in data.workbook.policies
        if p.references_ungp and p.references_oecd and p.references_ilo
    ]


def _untracked_elsewhere(data: Inputs, _: str) -> Holds:
    """Revised S3 ¶16 b: how actions are tracked is asked where no target tracks them (GDR-T)."""
    return not data.workbook.targets, ()


CONDITIONS: dict[str, Callable[[Inputs, str], Holds]] = {
    "rows": _rows,
    "no-rows": _no_rows,
    "material": _material,
    "register": _register,
    "indigenous-consent": _indigenous_consent,
    "actions": _actions,
    "tracked-without-targets": _tracked_without_targets,
    "phase-in": lambda data, _: (data.regime.phase_in_used, ()),
    "s3-material": lambda data, _: (data.regime.s3_material, ()),
    "not-s3-material": lambda data, _: (not data.regime.s3_material, ()),
    "s3-full": lambda data, _: (data.regime.s3_material and not data.regime.phase_in_used, ()),
    "later-year": lambda data, _: (data.regime.year_of_reporting > 1, ()),
    "never": lambda data, _: (False, ()),
    "no-pat": _no_pat,
    "significant-resources": _significant_resources,
    "reliefs-used": _reliefs_used,
    "human-rights-policy": _human_rights_policy,
    "untracked-elsewhere": _untracked_elsewhere,
}


def evaluate(data: Inputs, condition: str) -> Holds:
    """Whether a named condition holds, and the rows that made it hold."""
    name, _, parameter = condition.partition(":")
    try:
        check = CONDITIONS[name]
    except KeyError:
        raise KeyError(f"unknown condition {condition!r}; known: {sorted(CONDITIONS)}") from None
    return check(data, parameter)
