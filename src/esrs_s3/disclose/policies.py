"""S3-1 and MDR-P: the policies on affected communities, from the Policies sheet."""

from __future__ import annotations

from collections.abc import Sequence

from esrs_s3.disclose import wording
from esrs_s3.disclose.catalogue import Datapoint
from esrs_s3.disclose.composer import Composer
from esrs_s3.disclose.inputs import Inputs, para
from esrs_s3.disclose.records import cell, link, name, none_adopted, records, with_rest
from esrs_s3.disclose.text import cells, first_listed, sentence
from esrs_s3.disclose.wording import phrase
from esrs_s3.models import Policy
from esrs_s3.render.document import Block, Run

# the fields of a policy saying it refers to an internationally recognised instrument (the
# instruments are named in policies.j2)
INSTRUMENTS = ("references_ungp", "references_oecd", "references_ilo")


def refers(policy: Policy) -> bool:
    """Whether a policy refers to any internationally recognised instrument."""
    return any(getattr(policy, field) for field in INSTRUMENTS)


def words(data: Inputs) -> wording.Macros:
    """The rulebook's policies.j2, fetched once for a section whose macros run per row."""
    return wording.Macros(data.assessment.rulebook, "policies")


def said(text: object) -> str:
    """A macro's output as one line, whitespace collapsed."""
    return " ".join(wording.split(str(text)))


def frameworks(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """S3 ¶16: the instruments each policy refers to, and its description."""
    policies = data.workbook.policies
    reference = words(data).reference
    lines = [said(reference(p)) for p in policies]
    lines.append(phrase(data, "policies_below"))
    where = cells(policies, "name", *INSTRUMENTS)
    return [c.textblock(dp.id, lines, where)]


def alignment(c: Composer, data: Inputs, dp: Datapoint, _: str) -> list[Block]:
    """S3 ¶17: whether the policies that cover material impacts are aligned with the
    internationally recognised instruments: yes only if each of them refers to one."""
    policies: Sequence[Policy] = data.workbook.policies
    scope = [p for p in policies if data.material_ids & set(p.impacts)]
    if not scope:
        return []
    silent = [p for p in scope if not refers(p)]
    where = cells(scope, "impacts", *INSTRUMENTS)
    named = [f"{p.name} ({p.id})" for p in silent]
    lines = wording.say(data, "policies", "alignment", scope=len(scope), silent=named)
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
    said_extent = wording.say(data, "policies", "cases", found=len(found))
    extent_block = c.textblock(dp.id, said_extent, where, concept=extent)
    if not found:  # the extent is none, and so there is no nature to describe
        no_nature = wording.say(data, "policies", "no_nature")
        return [extent_block, c.textblock(dp.id, no_nature, where, concept=nature)]
    case = words(data).case
    return [
        extent_block,
        c.textblock(
            dp.id,
            [said(case(i)) for i in found],
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
    say = words(data)
    for p in listed:
        key = [sentence(p.description)]
        if p.indigenous_peoples_provisions:
            key.append(said(say.indigenous(p.indigenous_peoples_provisions)))
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
            else Run(text=said(say.scope_not_stated()))
        )
        owner = said(say.accountable(p))
        owner_run = c.fact(
            part("accountable").datapoint,
            "textblock",
            owner,
            item=p.id,
            sources=cells([p], "accountable_role", "approved_by"),
        )
        standards_run = (
            c.fact(
                part("standards").datapoint,
                "text",
                said(say.instruments(p, the="")),
                item=p.id,
                sources=cells([p], *INSTRUMENTS),
            )
            if refers(p)
            else Run(text=said(say.no_standards()))
        )
        available = said(say.availability(p))
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
        c,
        rest,
        records(
            said(say.caption()),
            tuple(wording.split(str(say.headers()))),
            rows,
            "policies",
        ),
        "policies",
    )
