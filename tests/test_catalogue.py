"""The datapoint catalogue against the shared EFRAG reference files (IG 3 sheet S3, the S3
concept list, and - for IRO-1 / IRO-2 / BP-2 concepts - the taxonomy schema and labels read
with the standard library)."""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
import zipfile
from functools import cache
from pathlib import Path

import pytest

from esrs_s3.disclose import Datapoint, by_id, for_requirement, load_catalogue

SHARED = Path(__file__).resolve().parents[2] / "shared" / "esrs"
if not SHARED.is_dir():
    pytest.skip(f"shared ESRS reference files not found at {SHARED}", allow_module_level=True)

TAXONOMY_ZIP = SHARED / "taxonomy" / "esrs-set1-2023-12-22.zip"
COMMON = "ESRS-Set1-XBRL-Taxonomy/xbrl.efrag.org/taxonomy/esrs/2023-12-22/common/"
XSD = "{http://www.w3.org/2001/XMLSchema}"
XLINK = "{http://www.w3.org/1999/xlink}"
LINK = "{http://www.xbrl.org/2003/linkbase}"
RANGE = re.compile(r"S3\.(MDR-[PAT])_(\d+)-(\d+)$")
LABEL_COLUMNS = (
    "standard_label",
    "terse_label",
    "verbose_label",
    "total_label",
    "documentation_label",
    "ig3_name",
)


def _read(name: str) -> list[dict[str, str]]:
    with (SHARED / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


IG3 = _read("ig3-s3.csv")
CONCEPTS = {row["concept_qname"]: row for row in _read("s3-concepts.csv")}
CATALOGUE = load_catalogue()
BY_ID = by_id()


@cache
def taxonomy_concepts() -> dict[str, dict[str, str]]:
    """`esrs:` element declarations of esrs_cor.xsd: type, period type, abstract."""
    if not TAXONOMY_ZIP.is_file():
        pytest.skip(f"taxonomy package not found at {TAXONOMY_ZIP}")
    with zipfile.ZipFile(TAXONOMY_ZIP) as package:
        root = ET.fromstring(package.read(COMMON + "esrs_cor.xsd"))
    return {
        f"esrs:{el.get('name')}": {
            "data_type": el.get("type", ""),
            "period_type": el.get("{http://www.xbrl.org/2003/instance}periodType", ""),
            "abstract": el.get("abstract", "false"),
        }
        for el in root.iter(f"{XSD}element")
    }


@cache
def taxonomy_labels() -> dict[str, list[str]]:
    """English labels of the taxonomy, by `esrs:` concept."""
    if not TAXONOMY_ZIP.is_file():
        return {}
    with zipfile.ZipFile(TAXONOMY_ZIP) as package:
        root = ET.fromstring(package.read(COMMON + "labels/lab_esrs-en.xml"))
    locs, texts, labels = {}, {}, {}
    for link in root.iter(f"{LINK}labelLink"):
        for loc in link.iter(f"{LINK}loc"):
            locs[loc.get(f"{XLINK}label")] = "esrs:" + loc.get(f"{XLINK}href").split("#esrs_")[1]
        for res in link.iter(f"{LINK}label"):
            texts.setdefault(res.get(f"{XLINK}label"), []).append(res.text or "")
        for arc in link.iter(f"{LINK}labelArc"):
            concept = locs[arc.get(f"{XLINK}from")]
            labels.setdefault(concept, []).extend(texts.get(arc.get(f"{XLINK}to"), []))
    return labels


# Paragraphs where the catalogue follows the taxonomy's references and the Official Journal
# text rather than IG 3: the industry and multi-stakeholder initiatives of S3-4_14 are S3 AR 29
# (AR 28 is about impacts through environmental matters; AR 30 about terminating relationships).
CORRECTED = {"S3-4_14": "AR 29"}


def _expanded(ig3_id: str) -> list[str]:
    kind, first, last = RANGE.match(ig3_id).groups()
    return [f"S3.{kind}_{i:02d}" for i in range(int(first), int(last) + 1)]


def test_ids_unique_and_loader_helpers() -> None:
    ids = [dp.id for dp in CATALOGUE]
    assert len(ids) == len(set(ids))
    assert len(BY_ID) == len(CATALOGUE)
    assert [dp.id for dp in for_requirement("S3-1")][:2] == ["S3-1_01", "S3-1_02"]
    narrative = [dp for dp in CATALOGUE if dp.feed in ("narrative", "either")]
    assert narrative and all(
        "dtr-types:textBlockItemType" in dp.concept_types or dp.answered for dp in narrative
    )
    answered = [dp.id for dp in CATALOGUE if dp.answered]  # yes/no or a year, not a text
    assert answered == ["SBM-2_11", "S3.SBM-3_01", "S3.SBM-3_08", "S3.MDR-T_19"]


@pytest.mark.parametrize("row", [r for r in IG3 if not RANGE.match(r["ID"])], ids=lambda r: r["ID"])
def test_s3_datapoint_matches_ig3(row: dict[str, str]) -> None:
    dp = BY_ID.get(row["ID"])
    assert dp is not None, f"{row['ID']} missing from the catalogue"
    assert dp.standard == "S3"
    assert dp.requirement == row["DR"].removeprefix("S3.")
    assert dp.paragraph == CORRECTED.get(dp.id, row["Paragraph"].replace(")", "").strip())
    assert dp.voluntary == (row["May [V]"] == "V")
    assert dp.conditional == (row["Conditional or alternative DP"] == "Conditional")
    assert dp.phase_in == row["Appendix C - phase-in (<750 employees)"]
    assert dp.appendix_b == row["Appendix B - ESRS 2 (SFDR + PILLAR 3 + Benchmark + CL)"]
    assert dp.concepts, f"{dp.id} has no concept"


def test_s3_count() -> None:
    plain = [r["ID"] for r in IG3 if not RANGE.match(r["ID"])]
    assert len(plain) == 63
    assert len([dp for dp in CATALOGUE if dp.standard == "S3"]) == 63


@pytest.mark.parametrize("row", [r for r in IG3 if RANGE.match(r["ID"])], ids=lambda r: r["ID"])
def test_mdr_range_expanded(row: dict[str, str]) -> None:
    expected = _expanded(row["ID"])
    assert all(i in BY_ID for i in expected), [i for i in expected if i not in BY_ID]
    positions = [next(n for n, dp in enumerate(CATALOGUE) if dp.id == i) for i in expected]
    assert positions == list(range(positions[0], positions[0] + len(expected)))
    for i in expected:
        dp = BY_ID[i]
        assert (dp.standard, dp.requirement) == ("ESRS 2", i[3:8])
        assert dp.phase_in == row["Appendix C - phase-in (<750 employees)"]


def test_mdr_rows_are_exactly_the_expansion() -> None:
    expected = {i for r in IG3 if RANGE.match(r["ID"]) for i in _expanded(r["ID"])}
    assert len(expected) == 8 + 14 + 19
    assert {dp.id for dp in CATALOGUE if dp.requirement.startswith("MDR-")} == expected


def test_esrs2_datapoints_of_shared_concepts_present() -> None:
    wanted = {
        dp_id
        for row in CONCEPTS.values()
        for dp_id in row["datapoint_ids"].split(" | ")
        if re.match(r"(GOV-4|SBM-2|SBM-3|IRO-1|IRO-2|BP-2)_\d+$", dp_id)
    }
    assert wanted <= set(BY_ID)
    order = [
        dp.requirement
        for dp in CATALOGUE
        if dp.standard == "ESRS 2" and not dp.requirement.startswith("MDR-")
    ]
    ranks = ["BP-2", "GOV-4", "SBM-2", "SBM-3", "IRO-1", "IRO-2"]
    assert order == sorted(order, key=ranks.index)
    assert CATALOGUE[len(order)].id == "S3.SBM-3_01"


@pytest.mark.parametrize("dp", CATALOGUE, ids=lambda dp: dp.id)
def test_concepts_exist_with_same_type(dp: Datapoint) -> None:
    assert dp.concepts and len(dp.concepts) == len(dp.concept_types)
    for position, (concept, concept_type) in enumerate(
        zip(dp.concepts, dp.concept_types, strict=True)
    ):
        source = CONCEPTS.get(concept)
        if source is None:
            assert dp.requirement in ("IRO-1", "IRO-2", "BP-2"), (
                f"{dp.id}: {concept} is not in s3-concepts.csv"
            )
            source = taxonomy_concepts().get(concept)
            assert source is not None, f"{dp.id}: {concept} not in the taxonomy"
        assert source["abstract"] == "false", f"{dp.id}: {concept} is abstract"
        assert source["data_type"] == concept_type, f"{dp.id}: {concept}"
        if position == 0:
            assert source["period_type"] == dp.period_type, f"{dp.id}: {concept}"


def test_dimension_and_typed_axis_values() -> None:
    typed = {
        "",
        "esrs:IdentifierOfPolicyTypedAxis",
        "esrs:IdentifierOfActionPlanTypedAxis",
        "esrs:IdentifierOfTargetTypedAxis",
        "esrs:NameOfStakeholderTypedAxis",
        "esrs:IdentifierOfImpactRiskAndOpportunityTypedAxis",
    }
    for dp in CATALOGUE:
        assert dp.typed_axis in typed, dp.id
        for axis, member in dp.dimensions:
            assert axis.startswith("esrs:") and axis.endswith("Axis"), dp.id
            assert member.startswith("esrs:") and member.endswith("Member"), dp.id


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _shares_run(name: str, text: str, run: int = 8) -> bool:
    words, other = _words(name), _words(text)
    grams = {tuple(other[i : i + run]) for i in range(len(other) - run + 1)}
    return any(tuple(words[i : i + run]) in grams for i in range(len(words) - run + 1))


def test_names_are_our_own_words() -> None:
    efrag = [row["Name"] for row in IG3]
    copied = []
    for dp in CATALOGUE:
        assert dp.name and len(dp.name) <= 80, dp.id
        texts = list(efrag)
        for concept in dp.concepts:
            row = CONCEPTS.get(concept, {})
            texts += [row[c] for c in LABEL_COLUMNS if row.get(c)]
            texts += taxonomy_labels().get(concept, [])
        copied += [
            f"{dp.id}: {dp.name!r} ~ {text!r}"
            for text in texts
            if dp.name.lower() == text.lower() or _shares_run(dp.name, text)
        ]
    assert not copied, "names copying EFRAG text:\n" + "\n".join(copied)
