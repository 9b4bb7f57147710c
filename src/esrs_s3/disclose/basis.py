"""Revised ESRS 2 items that state a fact about the statement as a whole: the version of ESRS
it follows (BP-1 ¶5), and the topics without policies, actions or targets (¶39); and the
overarching human-rights policy (GDR-P ¶43)."""

from __future__ import annotations

from esrs_s3.disclose.catalogue import Datapoint
from esrs_s3.disclose.composer import Composer
from esrs_s3.disclose.conditions import human_rights_policies
from esrs_s3.disclose.inputs import Inputs, enum_fact, name_and_id, para
from esrs_s3.disclose.policies import INSTRUMENTS
from esrs_s3.disclose.text import cells, listing
from esrs_s3.disclose.wording import line, phrase
from esrs_s3.render.document import Block
from esrs_s3.rulebook import load_rulebook, reliefs_named


def version_applied(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """BP-1 ¶5 (main act Art. 2(2)): the version of ESRS applied, the member members.toml
    `version` gives the rulebook."""
    rulebook = load_rulebook(data.assessment.rulebook)
    u = data.workbook.undertaking
    # the cell that chose it: the rulebook cell, or the period's start when it names none
    chosen = u.cells.get("period_start" if u.rulebook_for_period else "rulebook")
    shown = line(data, "basis", "version", rulebook=rulebook)
    where = (str(chosen),) if chosen else ()
    return [para(enum_fact(c, data, dp.id, "version", (rulebook.id,), shown, where))]


def human_rights_policy_scope(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """GDR-P ¶43: the stakeholder groups each overarching human-rights policy covers. A policy
    of the Policies sheet is a policy on affected communities (S3-1), so that is the group."""
    found = human_rights_policies(data)
    if not found:
        return []
    group = "affected communities"
    runs: list = [f"{phrase(data, 'human_rights_policy_covers')}: "]
    for number, policy in enumerate(found):
        where = cells([policy], "communities_covered", *INSTRUMENTS)
        fact = enum_fact(c, data, dp.id, "stakeholder_group", (group,), group, where, policy.id)
        runs += ["; " if number else "", f"{name_and_id(policy)}: ", fact]
    return [para(*runs, ".")]


def reliefs_used(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """BP-1 ¶6: the reliefs and options used (Undertaking `reliefs_used`), each by name and
    paragraph; those the taxonomy lists are the enumeration fact, the others are named only."""
    u = data.workbook.undertaking
    used = reliefs_named(data.assessment.rulebook, u.reliefs_used)
    where = (str(u.cells["reliefs_used"]),) if "reliefs_used" in u.cells else ()
    named = line(data, "basis", "reliefs", reliefs=used)
    members = sorted({r.member for r in used if r.member})
    if not members:
        return [para(named)]
    value = " ".join(f"{data.namespace}#{m}" for m in members)
    return [para(c.fact(dp.id, "enumeration", named, value=value, sources=where))]


def assessment_date(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """IRO-1 ¶35 e: the date the materiality assessment was last updated (the Undertaking
    field; nothing without it, so the datapoint is missing)."""
    u = data.workbook.undertaking
    if u is None or u.assessment_date is None:
        return []
    value = u.assessment_date.isoformat()
    where = (str(u.cells["assessment_date"]),) if "assessment_date" in u.cells else ()
    lead = phrase(data, "assessment_date")
    return [para(f"{lead} ", c.fact(dp.id, "date", value, sources=where), ".")]


def not_adopted(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """¶39: the fact that the undertaking has no policies, actions or targets on S3, naming
    which of them it lacks."""
    wb = data.workbook
    lacking = [
        kind
        for kind, rows in (
            ("policies", wb.policies),
            ("actions", wb.actions),
            ("targets", wb.targets),
        )
        if not rows
    ]
    shown = line(data, "basis", "not_adopted", lacking=lacking)
    where = tuple(f"{sheet}!A2" for sheet in ("Policies", "Actions", "Targets"))
    return [para(enum_fact(c, data, dp.id, "topic", ("S3",), shown, where))]


def human_rights_policy(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """GDR-P ¶43: whether a policy commits to the UN Guiding Principles, the ILO Declaration
    and the OECD Guidelines together, naming it."""
    found = human_rights_policies(data)
    where = cells(data.workbook.policies, "references_ungp", "references_oecd", "references_ilo")
    lead = phrase(data, "human_rights_policy")
    named = listing([name_and_id(p) for p in found])
    return [para(f"{lead}: ", c.flag(dp.id, bool(found), where), f" ({named})." if found else ".")]
