"""S3-1 and MDR-P: the policies on affected communities, from the Policies sheet."""

from __future__ import annotations

from collections.abc import Sequence

from esrs_s3.disclose.catalogue import Datapoint
from esrs_s3.disclose.composer import Composer
from esrs_s3.disclose.inputs import Inputs, para
from esrs_s3.disclose.records import cell, link, name, none_adopted, records, with_rest
from esrs_s3.disclose.text import cells, count, first_listed, listing, sentence
from esrs_s3.disclose.wording import phrase
from esrs_s3.models import Policy
from esrs_s3.render.document import Block, Run

INSTRUMENTS = (
    ("the UN Guiding Principles", "references_ungp"),
    ("the OECD Guidelines", "references_oecd"),
    ("the ILO Declaration", "references_ilo"),
)
NONE_OF_THEM = "the UN Guiding Principles, the OECD Guidelines or the ILO Declaration"


def instruments(policy: Policy) -> list[str]:
    return [label for label, field in INSTRUMENTS if getattr(policy, field)]


def frameworks(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """S3 ¶16: the instruments each policy refers to, and its description."""
    policies = data.workbook.policies
    lines = [
        f"{p.name} ({p.id}) "
        + (
            f"refers to {listing(instruments(p))}."
            if instruments(p)
            else f"does not refer to {NONE_OF_THEM}."
        )
        for p in policies
    ]
    lines.append(phrase(data, "policies_below"))
    where = cells(policies, "name", "references_ungp", "references_oecd", "references_ilo")
    return [c.textblock(dp.id, lines, where)]


def alignment(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """S3 ¶17: whether the policies that cover material impacts are aligned with the
    internationally recognised instruments: yes only if each of them refers to one."""
    policies: Sequence[Policy] = data.workbook.policies
    scope = [p for p in policies if data.material_ids & set(p.impacts)]
    if not scope:
        return []
    silent = [p for p in scope if not instruments(p)]
    where = cells(scope, "impacts", "references_ungp", "references_oecd", "references_ilo")
    lines = [
        f"{count(len(scope), 'policy', 'policies')} cover material impacts, risks or "
        f"opportunities; {len(scope) - len(silent)} of them refer to {NONE_OF_THEM}."
    ]
    if silent:
        lines.append(
            f"{listing([f'{p.name} ({p.id})' for p in silent])} "
            f"{'does' if len(silent) == 1 else 'do'} not refer to any of them."
        )
    return [
        para(
            f"{phrase(data, 'aligned')}: ",
            c.flag(dp.id, not silent, where),
            ".",
        ),
        c.textblock(dp.id, lines, where),
    ]


def cases(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """S3 ¶17: the extent and nature of reported cases of non-respect of the instruments
    (the datapoint's first concept is the extent, its last the nature)."""
    incidents = data.workbook.incidents
    found = [i for i in incidents if i.breach_of_ungp_oecd_ilo]
    extent, nature = dp.concepts[0], dp.concepts[-1]
    where = cells(incidents, "breach_of_ungp_oecd_ilo") or ("Incidents!A2",)
    if not found:  # the extent is none, and so there is no nature to describe
        return [
            c.textblock(
                dp.id,
                [
                    "No case of non-respect of the UN Guiding Principles, the ILO Declaration or "
                    "the OECD Guidelines involving affected communities was reported in the "
                    "period."
                ],
                where,
                concept=extent,
            ),
            c.textblock(
                dp.id,
                ["With no case reported, there is no nature of cases to describe."],
                where,
                concept=nature,
            ),
        ]
    return [
        c.textblock(
            dp.id,
            [
                f"{count(len(found), 'case')} of non-respect of the UN Guiding Principles, the ILO "
                "Declaration or the OECD Guidelines involving affected communities "
                f"{'was' if len(found) == 1 else 'were'} reported in the period."
            ],
            where,
            concept=extent,
        ),
        c.textblock(
            dp.id,
            [
                f"{i.id} ({i.date.isoformat()}, {i.country}): {sentence(i.description)}"
                + (f" Status: {i.status}." if i.status else "")
                for i in found
            ],
            cells(found, "description", "date", "country", "status"),
            concept=nature,
        ),
    ]


def table(c: Composer, data: Inputs, _: str) -> list[Block]:
    """MDR-P per policy, or the ESRS 2 ¶62 statement when no policy is adopted."""
    policies = data.workbook.policies

    def part(key: str):
        return data.part("policies", key)

    if not policies:
        return none_adopted(
            c, data, ("policies", "policy"), part("reasons_none"), part("timeframe_none")
        )
    rows = []
    listed, rest = first_listed(policies)
    iros = data.described
    provisions: list[str] = []
    for p in listed:
        key = [sentence(p.description)]
        if p.indigenous_peoples_provisions:
            key.append(
                f"Provisions on indigenous peoples: {sentence(p.indigenous_peoples_provisions)}"
            )
        contents = c.fact(
            part("contents").datapoint,
            "textblock",
            "\n\n".join(key),
            item=p.id,
            sources=cells([p], "description", "indigenous_peoples_provisions"),
        )
        scope = "; ".join(x for x in (p.value_chain_scope, p.communities_covered) if x)
        scope_run = (
            c.fact(
                part("scope").datapoint,
                "textblock",
                scope,
                item=p.id,
                sources=cells([p], "value_chain_scope", "communities_covered"),
            )
            if scope
            else Run(text="not stated")
        )
        owner = p.accountable_role + (f" (approved by {p.approved_by})" if p.approved_by else "")
        owner_run = c.fact(
            part("accountable").datapoint,
            "textblock",
            owner,
            item=p.id,
            sources=cells([p], "accountable_role", "approved_by"),
        )
        standards = [label.removeprefix("the ") for label in instruments(p)]
        standards_run = (
            c.fact(
                part("standards").datapoint,
                "text",
                listing(standards),
                item=p.id,
                sources=cells([p], "references_ungp", "references_oecd", "references_ilo"),
            )
            if standards
            else Run(text="none")
        )
        available = "Public" + (f" at {p.url}" if p.url else "") if p.public else "Not public"
        available_run = c.fact(  # how it is communicated: S3-1 ¶17, said once above
            part("availability").datapoint,
            "textblock",
            available,
            item=p.id,
            sources=cells([p], "public", *(("url",) if p.public else ())),
        )
        if p.indigenous_peoples_provisions:
            provisions.append(contents.fact)
        named = name(c, part("name"), p, "name")
        related = link(c, part("related_iros"), p.impacts, iros, p.id, cells([p], "impacts"))
        rows.append(
            (
                cell(p.id, " ", named),
                cell(contents),
                cell(scope_run),
                cell(owner_run),
                cell(standards_run),
                cell(available_run),
                related,
            )
        )
    # S3 ¶15 shares its concept with MDR-P ¶65 a: the key contents of the policies with
    # provisions on indigenous peoples disclose it
    c.share(part("indigenous").datapoint, tuple(provisions))
    return with_rest(
        rest,
        records(
            "Policies (MDR-P)",
            (
                "policy",
                "key contents",
                "scope",
                "accountable",
                "standards",
                "availability",
                "related IROs",
            ),
            rows,
            "policies",
        ),
    )
