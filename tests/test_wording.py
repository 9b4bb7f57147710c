"""Wording a reader notices: no "(s)" plurals, no doubled words, no "opportunitys", and no
number printed without its unit, in the statement of every sample and scenario."""

from __future__ import annotations

import re

import pytest
from defusedxml import ElementTree as SafeET
from goldens import CASES

from esrs_s3 import read_workbook
from esrs_s3.assess import assess
from esrs_s3.disclose.mapping import compose_statement
from esrs_s3.render.xhtml import render_xhtml

XHTML = "{http://www.w3.org/1999/xhtml}"
IX = "{http://www.xbrl.org/2013/inlineXBRL}"
BAD = {
    "an (s) plural": re.compile(r"\w\(s\)"),
    "a doubled word": re.compile(r"\b([A-Za-z]{2,})\s+\1\b", re.IGNORECASE),
    "a -ys plural of a -y word": re.compile(r"\b[a-z]+[^aeiou\W]ys\b"),
    # a level, baseline or value followed straight by "by", "in" or "against": no unit between
    "a number without its unit": re.compile(
        r"\b(target|baseline|value|milestone) (of )?-?\d[\d,.]* (by|in|against)\b"
    ),
}


@pytest.fixture(scope="module")
def statements(tmp_path_factory) -> dict[str, tuple[object, bytes]]:
    folder = tmp_path_factory.mktemp("wording")
    out = {}
    for case, make in CASES.items():
        book = read_workbook(make(folder)).workbook
        statement = compose_statement(book, assess(book))
        out[case] = (book, render_xhtml(statement.document))
    return out


def visible_text(xhtml: bytes) -> str:
    """The text a reader sees: the body without the hidden Inline XBRL header."""
    body = SafeET.fromstring(xhtml).find(f"{XHTML}body")
    hidden = body.find(f"{XHTML}div")  # the ix:header sits in the first, hidden div
    hidden.clear()
    text = " ".join("".join(body.itertext()).split())
    return re.sub(r"https?://\S+", "<address>", text)  # web addresses are not wording


@pytest.mark.parametrize("case", list(CASES))
def test_no_wording_errors(statements, case: str) -> None:
    text = visible_text(statements[case][1])
    found = [
        f"{what}: ...{text[max(0, m.start() - 50) : m.end() + 30]}..."
        for what, pattern in BAD.items()
        for m in pattern.finditer(text)
    ]
    assert not found, "\n".join(found[:10])


@pytest.mark.parametrize("case", list(CASES))
def test_every_tagged_number_shows_its_unit(statements, case: str) -> None:
    """A money amount stands beside its currency; a target level beside the target's unit."""
    book, xhtml = statements[case]
    units = {t.id: t.unit.strip() for t in book.targets}
    root = SafeET.fromstring(xhtml)
    contexts = {
        c.get("id"): "".join(c.itertext())
        for c in root.iter("{http://www.xbrl.org/2003/instance}context")
    }
    parents = {child: parent for parent in root.iter() for child in parent}
    checked = 0
    for fact in root.iter(f"{IX}nonFraction"):
        around = " ".join("".join(parents[fact].itertext()).split())
        if fact.get("unitRef") == book.undertaking.currency:
            unit = book.undertaking.currency
        else:
            target = next(t for t in units if t in contexts[fact.get("contextRef")])
            unit = units[target]
        assert unit in around.replace("".join(fact.itertext()), "", 1), (fact.get("id"), around)
        checked += 1
    full = case in ("defence_manufacturer", "telecom_equipment", "mining_company")
    assert checked or not full, case  # the samples tag amounts and target levels


def test_the_checks_catch_what_they_are_for() -> None:
    """Each pattern finds the error it names (and the unit check's text)."""
    samples = {
        "an (s) plural": "1 case(s) was reported",
        "a doubled word": "the the policy",
        "a -ys plural of a -y word": "4 opportunitys are material",
        "a number without its unit": "against a target of 100 by 2027",
    }
    for what, text in samples.items():
        assert BAD[what].search(text), what
    assert not any(p.search("a target of 100 % by 2027; 4 opportunities") for p in BAD.values())
