"""`esrs-s3 build`: real workbooks in; statement.xhtml, statement.pdf and the report package out,
checked on their content, in Arelle, and as the PDF a reader gets."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import (
    BASE_ROWS,
    MATERIAL,
    NOT_MATERIAL,
    NOTHING_ADOPTED,
    PHASE_IN,
    SAMPLES,
    run_cli,
    taxonomy_package,
)
from defusedxml import ElementTree as SafeET

from esrs_s3 import read_workbook
from esrs_s3.assess import assess
from esrs_s3.build import build_statement
from esrs_s3.disclose.catalogue import load_catalogue, narrative_datapoints
from esrs_s3.disclose.mapping import compose_statement
from esrs_s3.xbrl.verify import verify_files

IX = "{http://www.xbrl.org/2013/inlineXBRL}"
XBRLI = "{http://www.xbrl.org/2003/instance}"
XBRLDI = "{http://xbrl.org/2006/xbrldi}"
ANSWERS = {"boolean": "yes", "gYear": "2024"}  # Narratives rows for yes/no and year datapoints
MONEY = ("capex_current", "opex_current", "capex_future", "opex_future")
SAMPLE_NAMES = ["defence_manufacturer", "telecom_equipment", "mining_company"]
DR_HEADINGS = ["SBM-3", "IRO-1", "S3-1", "S3-2", "S3-3", "S3-4", "S3-5", "GOV-4"]


def facts(xhtml: Path) -> list:
    root = SafeET.parse(xhtml).getroot()
    return [e for e in root.iter() if e.tag in (f"{IX}nonNumeric", f"{IX}nonFraction")]


def statuses(result) -> dict[str, str]:
    return {r.id: r.status.value for r in result.statement.results}


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict[str, object]:
    """Every sample and scenario built once for the session."""
    root = tmp_path_factory.mktemp("built")
    out = {}
    for name in SAMPLE_NAMES:
        out[name] = build_statement(SAMPLES / f"{name}.xlsx", root / name)
    return out


def test_outputs_and_fact_integrity(built) -> None:
    for name, result in built.items():
        files = {p.name for p in result.files}
        assert {
            "statement.xhtml",
            "statement.pdf",
            "report-package.zip",
            "assessment.xlsx",
            "matrix.svg",
            "matrix.png",
        } <= files, name
        xhtml = next(p for p in result.files if p.name == "statement.xhtml")
        root = SafeET.parse(xhtml).getroot()
        contexts = {c.get("id"): c for c in root.iter(f"{XBRLI}context")}
        units = {u.get("id") for u in root.iter(f"{XBRLI}unit")}
        tagged = facts(xhtml)
        assert len(tagged) > 100
        for fact in tagged:
            assert fact.get("contextRef") in contexts
            if fact.tag == f"{IX}nonFraction":
                assert fact.get("unitRef") in units
        typed = [c for c in contexts.values() if c.find(f".//{XBRLDI}typedMember") is not None]
        axes = {m.get("dimension") for c in typed for m in c.iter(f"{XBRLDI}typedMember")}
        assert {
            "esrs:IdentifierOfPolicyTypedAxis",
            "esrs:IdentifierOfActionPlanTypedAxis",
            "esrs:IdentifierOfTargetTypedAxis",
            "esrs:IdentifierOfImpactRiskAndOpportunityTypedAxis",
        } <= axes
        money = [f for f in tagged if f.get("unitRef") == result.statement.document.currency]
        book = read_workbook(SAMPLES / f"{name}.xlsx").workbook
        stated = [a for a in book.actions for f in MONEY if getattr(a, f) is not None]
        assert bool(money) == bool(stated), name  # current and future amounts, not budgets
        # the chain IRO -> policy -> action -> target is tagged
        names = {f.get("name") for f in tagged}
        assert {
            "esrs:IdentifiersOfRelatedImpactsRisksAndOpportunities",
            "esrs:IdentifiersOfRelatedPolicies",
        } <= names


def test_every_catalogue_datapoint_has_a_result(built) -> None:
    ids = [dp.id for dp in load_catalogue()]
    for result in built.values():
        assert [r.id for r in result.statement.results] == ids
        fact_ids = {f.id for f in result.statement.document.facts}
        for item in result.statement.results:
            if item.status.value == "disclosed":
                assert item.facts and set(item.facts) <= fact_ids, item.id


def _tagged_by_item(document, dp: str) -> dict[str, object]:
    """The facts of a datapoint by the identifier on their typed axis."""
    contexts = {c.id: c for c in document.contexts}
    out = {}
    for fact in document.facts:
        if fact.datapoint == dp:
            (item,) = [v for _, v in contexts[fact.context].typed]
            out[item] = fact
    return out


def test_structured_values_are_tagged_per_item(built) -> None:
    """Values the workbook has are tagged on their item's typed axis, not only shown as text:
    impact and action time horizons (enumerations), target baselines (on BaselineYearMember),
    absolute or relative targets, and whether an action provides remedy (remediate actions)."""
    horizon = {"short": "ShorttermMember", "medium": "MediumtermMember", "long": "LongtermMember"}
    baseline = (
        "esrs:CurrentlyStatedBaselineMilestonesOrTargetYearsAxis",
        "esrs:BaselineYearMember",
    )
    for name, result in built.items():
        document = result.statement.document
        workbook = read_workbook(SAMPLES / f"{name}.xlsx").workbook
        impacts = [a.iro for a in result.assessment.material_iros if a.iro.is_impact]
        assert {
            i: f.value.split("#")[1] for i, f in _tagged_by_item(document, "SBM-3_06").items()
        } == {iro.id: horizon[iro.time_horizon] for iro in impacts}, name
        actions = _tagged_by_item(document, "S3.MDR-A_03")
        assert {i: f.value.split("#")[1] for i, f in actions.items()} == {
            a.id: horizon[a.time_horizon] for a in workbook.actions
        }, name
        baselines = _tagged_by_item(document, "S3.MDR-T_05")
        assert {i: float(f.value) for i, f in baselines.items()} == {
            t.id: t.baseline_value / 100 if t.unit == "%" else t.baseline_value  # percentItemType
            for t in workbook.targets
            if t.baseline_value is not None
        }, name
        contexts = {c.id: c for c in document.contexts}
        assert {contexts[f.context].explicit for f in baselines.values()} == {(baseline,)}
        kinds = _tagged_by_item(document, "S3.MDR-T_03")
        assert {i: f.value.split("#")[1] for i, f in kinds.items()} == {
            t.id: f"{t.target_type.capitalize()}TargetMember"
            for t in workbook.targets
            if t.target_type
        }, name
        remedy = _tagged_by_item(document, "S3.MDR-A_04")  # said only of remediate actions
        assert {i: f.value for i, f in remedy.items()} == {
            a.id: "true" for a in workbook.actions if a.action_type == "remediate"
        }, name


def test_building_twice_gives_identical_bytes(built, tmp_path) -> None:
    first = built["mining_company"]
    build_statement(SAMPLES / "mining_company.xlsx", tmp_path / "again")
    for path in first.files:
        assert path.read_bytes() == (tmp_path / "again" / path.name).read_bytes(), path.name


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_pdf_says_what_the_xhtml_says(built, tmp_path) -> None:
    result = built["defence_manufacturer"]
    pdf = next(p for p in result.files if p.name == "statement.pdf")
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    for heading in DR_HEADINGS:
        assert heading in flat
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "A4" in info and re.search(r"Pages:\s+\d+", info)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # embedded
    narrative = [f.shown for f in result.statement.document.facts if f.kind == "textblock"]
    for block in narrative[:40]:
        for paragraph in block.split("\n\n"):
            words = " ".join(paragraph.split()[:12])
            assert words.replace("-", "") in flat.replace("-", ""), words


def test_report_package_layout(built) -> None:
    result = built["telecom_equipment"]
    package = next(p for p in result.files if p.name == "report-package.zip")
    with zipfile.ZipFile(package) as archive:
        names = archive.namelist()
        top = names[0].split("/")[0]
        assert names == [f"{top}/META-INF/taxonomyPackage.xml", f"{top}/reports/statement.xhtml"]
        xhtml = next(p for p in result.files if p.name == "statement.xhtml")
        assert archive.read(names[1]) == xhtml.read_bytes()


def scenario(make_workbook, name: str, **changes) -> object:
    path = make_workbook(f"{name}.xlsx", **changes)
    return build_statement(path, path.parent / f"out-{name}")


def test_s3_not_material(make_workbook) -> None:
    result = scenario(make_workbook, "not-material", rows=NOT_MATERIAL)
    status = statuses(result)
    assert not result.assessment.s3_material
    assert status["S3-1_07"] == "not material" and status["S3-4_11"] == "not material"
    assert status["IRO-2_10"] == "disclosed"
    text = result.files[0].read_text(encoding="utf-8")
    assert "assessed not to be material" in text
    assert "S3-1_07" in text and "not material" in text  # Appendix B list


TARGET = {
    "id": "TGT-01",
    "title": "Fewer complaints",
    "impacts": "IRO-01",
    "metric": "Complaints received",
    "unit": "complaints per year",
    "baseline_value": 20,
    "baseline_year": 2024,
    "target_value": 5,
    "target_year": 2027,
    "communities_involved": "yes",
}


RELATIVE_TARGET = {  # a fall in %: a negative percentage (sign="-" in the Inline XBRL)
    **TARGET,
    "id": "TGT-02",
    "unit": "%",
    "target_type": "relative",
    "baseline_value": 0,
    "target_value": -60,
}


def test_phase_in(make_workbook) -> None:
    result = scenario(make_workbook, "phase-in", **PHASE_IN)
    status = statuses(result)
    assert result.statement.regime.phase_in_used
    assert status["S3-1_03"] == "omitted (phase-in)"
    for dp in ("BP-2_21", "BP-2_22", "BP-2_23", "BP-2_24", "BP-2_25", "BP-2_26", "BP-2_27"):
        assert status[dp] == "disclosed", dp  # ESRS 2 ¶17 (a)-(e), each tagged
    (matters,) = [f for f in result.statement.document.facts if f.datapoint == "BP-2_22"]
    assert matters.value.endswith("#AdequateHousingForAffectedCommunitiesMember")
    assert not [f for f in result.findings if f.rule == "G25"]
    full = scenario(
        make_workbook,
        "phase-in-declined",
        fields={"Undertaking": {"employees": 480, "use_phase_in": "no"}},
        rows=MATERIAL,
    )
    assert statuses(full)["S3-1_03"] == "disclosed"


def test_anticipated_financial_effects_phase_in(make_workbook) -> None:
    """ESRS 1 Appendix C: every undertaking may omit SBM-3 ¶48 e in its first year, and give it
    qualitatively in the next two; the statement says which applies."""
    risk = {**BASE_ROWS["Impacts"][1], "likelihood": 5}  # financially material
    rows = {"Impacts": [MATERIAL["Impacts"][0], risk]}
    first = scenario(make_workbook, "first-year", rows=rows)
    (sbm3,) = [r for r in first.statement.results if r.id == "SBM-3_09"]
    assert sbm3.status.value == "omitted (phase-in)"
    assert "ESRS 2 SBM-3 ¶48 e, first year" in sbm3.note
    assert not [f for f in first.findings if "SBM-3_09" in f.datapoints]
    second = scenario(
        make_workbook,
        "second-year",
        fields={"Undertaking": {"first_reporting_year": 2024}},
        rows=rows,
    )
    (sbm3,) = [r for r in second.statement.results if r.id == "SBM-3_09"]
    assert sbm3.status.value == "missing" and "qualitative information suffices" in sbm3.note


def test_a_draft_says_so_and_final_refuses_it(make_workbook, tmp_path) -> None:
    """While a mandatory datapoint is missing or an error-level disclosure gap is open, the
    cover, every page header and the XHTML title say Draft with the counts; --final refuses
    to build (exit 1, listing what is open) and writes nothing."""
    result = scenario(make_workbook, "draft", rows=MATERIAL)
    state = result.completeness
    assert state.missing and state.gaps and not state.complete
    counts = (
        f"{len(state.missing)} mandatory datapoints missing, {len(state.gaps)} disclosure gaps open"
    )
    xhtml = result.files[0].read_text(encoding="utf-8")
    assert f"<title>Draft ({counts}): ESRS S3 Affected communities" in xhtml
    assert (
        f'<p class="draft">Draft, not for publication: <span class="draft-counts">{counts}' in xhtml
    )
    pdf = next(p for p in result.files if p.name == "statement.pdf")
    if shutil.which("pdftotext"):
        pages = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout.split("\f")
        assert "Draft, not for publication" in " ".join(pages[0].split())
        assert all(f"DRAFT: {counts}" in " ".join(p.split()) for p in pages[1:] if p.strip())
    # every open item has a finding that says what to fill
    for dp in state.missing:
        (finding,) = [f for f in state.gaps if f.rule == "G29" and f.datapoints == (dp,)]
        assert finding.resolution.startswith(("Add a Narratives row for", "Fill the", "Record")), (
            finding.resolution
        )
    out = tmp_path / "final"
    path = make_workbook("final.xlsx", rows=MATERIAL)
    completed = run_cli("build", str(path), "-o", str(out), "--final", "--format", "text")
    assert completed.returncode == 1
    assert "open: G29 S3.SBM-3_01" in completed.stdout
    assert "the statement is a draft" in completed.stderr and "Traceback" not in completed.stderr
    assert not out.exists() or not any(out.iterdir())


def test_related_lists_name_only_what_the_statement_describes(built) -> None:
    """Every IRO and policy an identifier list names has its own context in the statement
    (EFRAG's va_IdentifiersOf... formulas); the others are counted in words."""
    for name, result in built.items():
        document = result.statement.document
        contexts = {c.id: c for c in document.contexts}
        items = {
            axis: {v for c in document.contexts for a, v in c.typed if a == axis}
            for axis in (
                "esrs:IdentifierOfImpactRiskAndOpportunityTypedAxis",
                "esrs:IdentifierOfPolicyTypedAxis",
            )
        }
        for fact in document.facts:
            if fact.concept == "esrs:IdentifiersOfRelatedImpactsRisksAndOpportunities":
                axis = "esrs:IdentifierOfImpactRiskAndOpportunityTypedAxis"
            elif fact.concept == "esrs:IdentifiersOfRelatedPolicies":
                axis = "esrs:IdentifierOfPolicyTypedAxis"
            else:
                continue
            assert fact.hidden and contexts[fact.context].typed, fact.id
            assert set(fact.value.split(",")) <= items[axis], (name, fact.id, fact.value)
            assert all(f"({i})" in fact.shown for i in fact.value.split(",")), fact.shown


def test_nothing_adopted(make_workbook) -> None:
    result = scenario(make_workbook, "none", rows=NOTHING_ADOPTED)
    status = statuses(result)
    assert result.assessment.s3_material
    # the ESRS 2 ¶62 statement is made; its reasons stay missing until the Narratives sheet
    # gives them
    assert status["S3.MDR-P_07"] == status["S3.MDR-A_13"] == "missing"
    xhtml = result.files[0].read_text(encoding="utf-8")
    assert "We have not adopted policies" in xhtml and "We have not adopted actions" in xhtml
    assert xhtml.count("Neither reasons nor a timeframe for adopting them are given.") == 2
    assert status["S3-3_16"] == "disclosed"  # the base workbook has no Channels rows
    no_channel = [f for f in result.statement.document.facts if f.datapoint == "S3-3_16"]
    assert [f.value for f in no_channel] == ["true"]
    assert status["S3.MDR-T_16"] == "disclosed"
    assert status["S3.SBM-3_04"] == "disclosed"  # the occurrence column is tagged
    occurrence = [f for f in result.statement.document.facts if f.datapoint == "S3.SBM-3_04"]
    assert [f.value.split("#")[1] for f in occurrence] == ["WidespreadMember"]
    assert status["S3-2_08"] == "disclosed"  # no engagement rows either


def test_narratives_are_tagged_in_their_section(make_workbook) -> None:
    evil = "=SUM(A1) and <b>bold</b> & more.\n\nSecond paragraph."
    narratives = [
        {"datapoint": "S3-4_05", "text": evil},
        {"datapoint": "SBM-2_02", "text": "Neighbours of the plant.\r\n \r\nAnd the school."},
        {"datapoint": "SBM-3_03", "text": "Effects on the business model."},
    ]
    result = scenario(make_workbook, "narratives", rows={**MATERIAL, "Narratives": narratives})
    status = statuses(result)
    assert status["S3-4_05"] == status["SBM-2_02"] == "disclosed"
    facts = {f.datapoint: f for f in result.statement.document.facts if f.datapoint}
    assert facts["S3-4_05"].shown == evil
    assert facts["S3-4_05"].sources == ("Narratives!B2",)
    assert facts["SBM-2_02"].shown == "Neighbours of the plant.\n\nAnd the school."
    sections = {s.anchor: s for s in result.statement.document.sections}
    assert sections["s3-4"].blocks[-1].fact == facts["S3-4_05"].id
    assert sections["sbm-2"].blocks[-1].fact == facts["SBM-2_02"].id
    xhtml = result.files[0].read_text(encoding="utf-8")
    assert "<b>bold</b>" not in xhtml and "&lt;b&gt;bold&lt;/b&gt; &amp; more." in xhtml
    coverage = next(p for p in result.files if p.name == "coverage.csv")
    with coverage.open(encoding="utf-8", newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["id"] == "S3-4_05")
    assert row["value"].startswith("'=SUM(A1) and")  # not a formula when opened in a spreadsheet
    # S3 not material: the S3 section is left out and so is its narrative
    quiet = scenario(
        make_workbook, "narratives-not-material", rows={**NOT_MATERIAL, "Narratives": narratives}
    )
    assert statuses(quiet)["S3-4_05"] == "not material"
    assert statuses(quiet)["SBM-2_02"] == "disclosed"
    sbm3 = next(r for r in quiet.statement.results if r.id == "SBM-3_03")  # no material IRO
    assert sbm3.status.value == "not applicable" and sbm3.note.endswith("text is not used")


def test_reasons_and_timeframes_for_having_none(make_workbook) -> None:
    """ESRS 2 ¶62: the reasons for having no policy and the timeframe for adopting one come from
    the Narratives sheet; with policies in place the same rows are not applicable."""
    narratives = [
        {"datapoint": "S3.MDR-P_07", "text": "The sites were acquired in 2025."},
        {"datapoint": "S3.MDR-P_08", "text": "A policy will be adopted in 2026."},
        {"datapoint": "S3-3_17", "text": "A hotline opens in the second quarter of 2026."},
    ]
    none = scenario(
        make_workbook,
        "none-with-reasons",
        rows={**MATERIAL, "Policies": [], "Actions": [], "Narratives": narratives},
    )
    status = statuses(none)
    assert status["S3.MDR-P_07"] == status["S3.MDR-P_08"] == status["S3-3_17"] == "disclosed"
    facts = {f.datapoint: f for f in none.statement.document.facts if f.datapoint}
    assert facts["S3.MDR-P_07"].shown == "The sites were acquired in 2025."
    assert facts["S3.MDR-P_08"].shown == "A policy will be adopted in 2026."
    assert status["S3.MDR-A_13"] == "missing"  # the reasons are required, the timeframe "may"
    assert status["S3.MDR-A_14"] == "voluntary, not reported"
    xhtml = none.files[0].read_text(encoding="utf-8")
    assert "We have not adopted actions" in xhtml and "Neither reasons nor a timeframe" in xhtml
    with_policies = scenario(
        make_workbook, "reasons-not-needed", rows={**MATERIAL, "Narratives": narratives}
    )
    results = {r.id: r for r in with_policies.statement.results}
    assert results["S3.MDR-P_07"].status.value == "not applicable"
    assert results["S3.MDR-P_08"].note.endswith("the Narratives text is not used")


def test_user_text_is_escaped(make_workbook) -> None:
    evil = "<script>alert('x')</script> & <b>bold</b>"
    impact = {**BASE_ROWS["Impacts"][0], "title": evil, "description": evil, "scale": 5}
    policy = {**BASE_ROWS["Policies"][0], "name": evil, "description": evil}
    result = scenario(
        make_workbook,
        "evil",
        rows={"Impacts": [impact, BASE_ROWS["Impacts"][1]], "Policies": [policy]},
    )
    text = result.files[0].read_text(encoding="utf-8")
    assert "<script" not in text and "<b>bold" not in text
    assert "&lt;script&gt;" in text
    SafeET.fromstring(text.encode())  # still well-formed


def test_failed_build_writes_nothing(tmp_path) -> None:
    out = tmp_path / "out"
    completed = run_cli(
        "build", str(SAMPLES / "invalid_workbook.xlsx"), "-o", str(out), "--format", "json"
    )
    assert completed.returncode == 1
    document = json.loads(completed.stdout)
    assert document["built"] is False and document["counts"]["error"] == 26
    assert not out.exists() or not any(out.iterdir())


def test_cli_json_when_piped(tmp_path) -> None:
    completed = run_cli("build", str(SAMPLES / "mining_company.xlsx"), "-o", str(tmp_path))
    assert completed.returncode == 0, completed.stderr
    summary = json.loads(completed.stdout)
    assert summary["built"] and summary["facts"] > 100
    assert completed.stderr == ""  # quiet when piped


def test_arelle_accepts_every_statement(built, make_workbook) -> None:
    taxonomy = taxonomy_package()
    texts = [  # every datapoint that takes text, each in its own context
        {"datapoint": dp.id, "text": ANSWERS.get(dp.data_type, f"About {dp.name}.")}
        for dp in narrative_datapoints("esrs-2023")
    ]
    none = {sheet: [] for sheet in ("Policies", "Engagement", "Actions", "Targets")}
    risk = {**BASE_ROWS["Impacts"][1], "likelihood": 5}
    opportunity = {**risk, "id": "IRO-03", "kind": "opportunity", "title": "Aggregate sales"}
    register = {"Impacts": [MATERIAL["Impacts"][0], risk, opportunity]}
    tracked = {**BASE_ROWS["Actions"][0], "effectiveness_tracking": "Monthly dust gauges"}
    extra = [
        scenario(make_workbook, "a-not-material", rows=NOT_MATERIAL),
        scenario(make_workbook, "a-phase-in", **PHASE_IN),
        scenario(make_workbook, "a-none", rows={**MATERIAL, **none, "Narratives": texts}),
        scenario(
            make_workbook,
            "a-texts",
            rows={**register, "Targets": [TARGET, RELATIVE_TARGET], "Narratives": texts},
        ),
        scenario(  # no target, effectiveness tracked: ESRS 2 ¶81 b
            make_workbook,
            "a-tracked",
            rows={**register, "Targets": [], "Actions": [tracked], "Narratives": texts},
        ),
        scenario(
            make_workbook,
            "a-phase-in-texts",
            fields=PHASE_IN["fields"],
            rows={**register, "Narratives": texts},
        ),
    ]
    disclosed = set()
    for result in extra[2:]:
        for item in result.statement.results:
            if item.id in {t["datapoint"] for t in texts}:
                assert item.status.value in (
                    "disclosed",
                    "omitted (phase-in)",
                ) or item.note.endswith("the Narratives text is not used"), (
                    item.id,
                    item.status,
                    item.note,
                )
                disclosed |= {item.id} if item.status.value == "disclosed" else set()
    assert disclosed == {t["datapoint"] for t in texts}
    documents = [r.files[0] for r in [*built.values(), *extra]]
    packages = [
        next(p for p in built["defence_manufacturer"].files if p.name == "report-package.zip")
    ]
    reports = verify_files([*documents, *packages], taxonomy)
    for report in reports:
        assert report.errors == [], (report.file, [str(m) for m in report.errors[:5]])


def test_catalogue_concepts_exist_with_their_types(arelle_concepts) -> None:
    for dp in load_catalogue():
        for concept, concept_type in zip(dp.concepts, dp.concept_types, strict=True):
            info = arelle_concepts.get(concept)
            assert info is not None, (dp.id, concept)
            assert info.type == concept_type, (dp.id, concept, info.type)
            assert not info.abstract


EA_ERROR = re.compile(r"^message:ea_eu_tags_\d+$")
QNAME = re.compile(r"\((esrs:\w+)\)")


def test_efrag_formulas_find_every_fed_datapoint_tagged(
    built, make_workbook, arelle_concepts
) -> None:
    """With EFRAG's formulas on, no completeness error (ea_eu_tags, Appendix B) names a
    concept of a datapoint the statement reports as disclosed: what the workbook feeds is
    tagged with all its concepts. The errors left are for datapoints the statement reports
    missing or not material, and for an abstract concept nothing can tag (S3-1_02's heading).
    No identifier list names an IRO, policy or target without a context of its own."""
    taxonomy = taxonomy_package()
    extra = [
        scenario(make_workbook, "f-not-material", rows=NOT_MATERIAL),
        scenario(make_workbook, "f-phase-in", **PHASE_IN),
        scenario(make_workbook, "f-none", rows=NOTHING_ADOPTED),
    ]
    results = [*built.values(), *extra]
    reports = verify_files([r.files[0] for r in results], taxonomy, formulas=True)
    catalogue = load_catalogue()
    for result, report in zip(results, reports, strict=True):
        status = statuses(result)
        structural = [m for m in report.errors if not m.code.startswith("message:")]
        assert not structural, (report.file, [str(m) for m in structural[:5]])
        links = [m for m in report.warnings if m.code.startswith("message:va_")]
        assert not links, (report.file, [str(m) for m in links[:5]])
        for message in report.errors:
            if not EA_ERROR.match(message.code):
                continue
            (qname,) = QNAME.findall(message.message)[:1]
            if arelle_concepts[qname].abstract:
                continue
            carrying = [dp.id for dp in catalogue if qname in dp.concepts]
            assert all(status[d] != "disclosed" for d in carrying), (report.file, qname, carrying)


def test_potential_human_rights_impacts_of_severity_3_are_material(built) -> None:
    """ESRS 1 ¶45 by default: severity takes precedence over likelihood."""
    for name, result in built.items():
        for a in result.assessment.iros:
            iro = a.iro
            potential_hr = iro.kind == "negative impact" and iro.status == "potential"
            if potential_hr and iro.human_rights and (a.scores.severity or 0) >= 3:
                assert a.material, (name, iro.id, a.reason)
    defence = {a.id: a for a in built["defence_manufacturer"].assessment.iros}
    assert all(defence[i].material for i in ("IRO-06", "IRO-20", "IRO-24", "IRO-29"))


def test_a_lowered_likelihood_floor_is_said_and_names_what_it_keeps_out(make_workbook) -> None:
    rare = {
        **MATERIAL["Impacts"][0],
        "id": "IRO-03",
        "status": "potential",
        "scale": 3,
        "scope": 3,
        "irremediability": 3,
        "likelihood": 1,
    }
    rows = {"Impacts": [*MATERIAL["Impacts"], rare]}
    lowered = scenario(
        make_workbook,
        "floor",
        rows=rows,
        fields={"Settings": {"human_rights_likelihood_floor": 0.5}},
    )
    (method,) = [f for f in lowered.statement.document.facts if f.datapoint == "IRO-1_06"]
    assert "at least 0.5 (Settings!" in method.shown
    assert "would be material and are not: Blasting dust on the village (IRO-03)" in method.shown
    assert [f for f in lowered.findings if (f.rule, f.variant) == ("G21", "below")]
    default = scenario(make_workbook, "no-floor", rows=rows)
    (method,) = [f for f in default.statement.document.facts if f.datapoint == "IRO-1_06"]
    assert "would be material" not in method.shown
    assert {a.id: a.material for a in default.assessment.iros}["IRO-03"]


def test_the_complete_defence_sample_builds_final(tmp_path) -> None:
    out = tmp_path / "final"
    completed = run_cli(
        "build",
        str(SAMPLES / "defence_manufacturer.xlsx"),
        "-o",
        str(out),
        "--final",
        "--format",
        "text",
    )
    assert completed.returncode == 0, completed.stdout[-2000:]
    assert "complete: no mandatory datapoint missing, no disclosure gap open" in completed.stdout
    xhtml = (out / "statement.xhtml").read_text(encoding="utf-8")
    assert "<title>ESRS S3 Affected communities" in xhtml and 'class="draft"' not in xhtml


@pytest.mark.parametrize("case", ["telecom_equipment", "mining_company", "nothing-adopted"])
def test_every_missing_datapoint_says_what_to_fill(case, tmp_path) -> None:
    from goldens import CASES

    book = read_workbook(CASES[case](tmp_path)).workbook
    results = compose_statement(book, assess(book)).results
    for r in results:
        if r.status.value == "missing":
            assert r.note.startswith(("add a Narratives row for", "fill the", "record")), r


def test_booleans_follow_their_wording_over_their_scope(built) -> None:
    """S3-1_06 is yes only if every policy covering a material IRO refers to an instrument,
    and its text names those that do not; the S3 ¶36 boolean follows the severe incidents."""
    document = built["defence_manufacturer"].statement.document
    facts = [f for f in document.facts if f.datapoint == "S3-1_06"]
    (flag,) = [f for f in facts if f.kind == "boolean"]
    (text,) = [f for f in facts if f.kind == "textblock"]
    assert flag.value == "false"
    assert "(POL-03) and Site Neighbourhood and Safety Policy (POL-04) do not refer" in text.shown
    (severe,) = [f for f in document.facts if f.datapoint == "S3-4_11" and f.kind == "boolean"]
    assert severe.value == "true" and severe.sources[0].startswith("Incidents!")
