"""Shared helpers for the sample content: LEI check digits and compact row builders.

The three content modules (defence, telecom, mining) describe fictional companies. Every
company, place, person and event in them is invented; country codes are real because the
validator checks them, and the location-risk values on the Countries sheets are rough,
user-supplied approximations, not published figures.
"""

from __future__ import annotations

# Short names for the ESRS 1 AR 16 matters: (sub_topic, sub_sub_topic).
ESC = "economic, social and cultural rights"
CIVIL = "civil and political rights"
INDIGENOUS = "rights of indigenous peoples"
MATTERS = {
    "housing": (ESC, "adequate housing"),
    "food": (ESC, "adequate food"),
    "water": (ESC, "water and sanitation"),
    "land": (ESC, "land-related impacts"),
    "security": (ESC, "security-related impacts"),
    "esc-other": (ESC, "other"),
    "expression": (CIVIL, "freedom of expression"),
    "assembly": (CIVIL, "freedom of assembly"),
    "defenders": (CIVIL, "impacts on human rights defenders"),
    "civil-other": (CIVIL, "other"),
    "fpic": (INDIGENOUS, "free, prior and informed consent"),
    "self-determination": (INDIGENOUS, "self-determination"),
    "culture": (INDIGENOUS, "cultural rights"),
    "indigenous-other": (INDIGENOUS, "other"),
    "entity": ("entity-specific", "other"),
}
KINDS = {
    "negative": "negative impact",
    "positive": "positive impact",
    "risk": "risk",
    "opportunity": "opportunity",
}
CHAIN = {"own": "own operations", "upstream": "upstream", "downstream": "downstream"}
INVOLVEMENT = {"causes": "causes", "contributes": "contributes", "linked": "directly linked"}
COMMUNITY = {
    "sites": "around own sites",
    "chain": "along the value chain",
    "endpoints": "at value-chain endpoints",
    "indigenous": "indigenous peoples",
}
SCORE_COLUMNS = ("scale", "scope", "irremediability", "likelihood", "financial_magnitude")


def _lei_number(code: str) -> int:
    """ISO 17442 / ISO 7064 MOD 97-10: letters count as numbers, A=10 ... Z=35."""
    return int("".join(str(int(character, 36)) for character in code))


def lei(base: str) -> str:
    """Complete an 18-character LEI stem with its two check digits."""
    base = base.upper()
    assert len(base) == 18 and base.isalnum(), base
    check = 98 - _lei_number(base + "00") % 97
    code = f"{base}{check:02d}"
    assert _lei_number(code) % 97 == 1, code
    return code


def _codes(text: str) -> list[str]:
    return text.split()


def iro(
    id_: str,
    matter: str,
    kind_status: str,
    where: str,
    countries: str,
    human_rights: str,
    scores: str,
    horizon: str,
    title: str,
    description: str,
    rationale: str,
) -> dict[str, object]:
    """One Impacts row from a compact head.

    matter       a key of MATTERS, e.g. "security" or "fpic"
    kind_status  "<kind> <status>", e.g. "negative potential", "risk actual"
    where        "<value chain> [<involvement> <community>]", e.g. "downstream linked chain";
                 risks and opportunities give the value chain only
    countries    ISO codes separated by spaces, or ""
    human_rights "yes" or "no"
    scores       "scale scope irremediability likelihood magnitude", "-" for blank
    """
    kind, status = kind_status.split()
    chain, *how = where.split()
    sub_topic, sub_sub_topic = MATTERS[matter]
    values = scores.split()
    assert len(values) == len(SCORE_COLUMNS), (id_, scores)
    assert human_rights in ("yes", "no"), id_
    row: dict[str, object] = {
        "id": id_,
        "title": title,
        "description": description,
        "sub_topic": sub_topic,
        "sub_sub_topic": sub_sub_topic,
        "kind": KINDS[kind],
        "status": status,
        "value_chain": CHAIN[chain],
        "involvement": INVOLVEMENT[how[0]] if how else None,
        "community_type": COMMUNITY[how[1]] if how else None,
        "countries": _codes(countries) or None,
        "human_rights": human_rights,
    }
    for column, value in zip(SCORE_COLUMNS, values, strict=True):
        row[column] = None if value == "-" else int(value)
    row["time_horizon"] = horizon
    row["rationale"] = rationale
    return row


def refs(text: str) -> list[str]:
    """'IRO-01 IRO-02' -> ['IRO-01', 'IRO-02'] (written to the cell as 'IRO-01; IRO-02')."""
    return _codes(text)


def countries(table: list[tuple[str, str, str, float]]) -> list[dict[str, object]]:
    """Countries rows from (code, cahra, ituc_rating, wgi_percentile) tuples."""
    return [
        {"country": code, "cahra": cahra, "ituc_rating": ituc, "wgi_percentile": wgi}
        for code, cahra, ituc, wgi in table
    ]


def screening(table: list[tuple[str, str, str, str, str]]) -> list[dict[str, object]]:
    """Screening rows from (id, country, 'product use client country' scores, impacts,
    description) tuples; impacts "" means no IRO covers the sale."""
    rows = []
    for id_, country, scores, covered, description in table:
        product, use, client, country_risk = (int(v) for v in scores.split())
        rows.append(
            {
                "id": id_,
                "description": description,
                "country": country,
                "product_risk": product,
                "use_risk": use,
                "client_risk": client,
                "country_risk": country_risk,
                "impacts": refs(covered) or None,
            }
        )
    return rows
