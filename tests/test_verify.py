"""Arelle validation of Inline XBRL (real Arelle runs, offline, shared per test session).

The Arelle runs happen once, in the `arelle_runs` / `arelle_concepts` fixtures of conftest.py;
they need $ESRS_S3_TAXONOMY (the EFRAG taxonomy package) and are skipped without it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import KNOWN_BAD_XHTML, MINIMAL_XHTML, ROOT, ArelleRuns, run_cli, taxonomy_package

from esrs_s3.errors import EsrsS3Error, TaxonomyNotFound
from esrs_s3.xbrl.precheck import precheck
from esrs_s3.xbrl.verify import ENTRY_POINT, ConceptInfo, VerifyMessage, VerifyReport, verify_files


def codes(report: VerifyReport) -> set[str]:
    return {message.code for message in report.errors}


def texts(report: VerifyReport) -> str:
    return "\n".join(str(message) for message in report.errors)


def ours(report: VerifyReport, code: str) -> list[VerifyMessage]:
    return [message for message in report.errors if message.code == f"esrs-s3:{code}"]


def test_minimal_example_is_valid(arelle_runs: ArelleRuns) -> None:
    report = arelle_runs.reports["minimal"]
    assert report.ok, texts(report)
    assert report.counts == {"error": 0, "warning": 0}


def test_arelle_never_reached_the_network(arelle_runs: ArelleRuns) -> None:
    assert arelle_runs.network_attempts == []


def test_report_package_passes_esef_with_the_expected_warning_only(arelle_runs: ArelleRuns) -> None:
    report = arelle_runs.reports["package_esef"]
    assert report.ok, texts(report)
    assert [m.code for m in report.warnings] == ["ESEF.RTS.ifrsRequired"]


def test_known_bad_file_names_its_lower_cased_elements(arelle_runs: ArelleRuns) -> None:
    report = arelle_runs.reports["known_bad"]
    assert not report.ok
    assert "lxml.SCHEMAV_ELEMENT_CONTENT" in codes(report)
    by_element = {m.element: m for m in report.errors if m.element}
    schema_ref = by_element["body/div[1]/ix:header/ix:references/link:schemaref"]
    assert "schemaref" in schema_ref.message and "schemaRef" in schema_ref.message
    assert schema_ref.line == 194
    errors = texts(report)
    for lower, proper in [("startdate", "startDate"), ("nonnumeric", "nonNumeric")]:
        assert f"}}{lower}': This element is not expected" in errors
        assert f"}}{proper}" in errors  # Arelle says what it expected instead


def test_known_bad_file_has_its_duplicate_ids_reported(arelle_runs: ArelleRuns) -> None:
    duplicates = [
        m for m in arelle_runs.reports["known_bad"].errors if m.code == "xml.3.3.1:idMustBeUnique"
    ]
    assert {(m.element, m.line) for m in duplicates} == {("fact-2", 220), ("xxxxxxx", 225)}
    assert all("is duplicated" in m.message for m in duplicates)


def test_known_bad_file_gets_our_messages_for_each_of_its_five_problems(
    arelle_runs: ArelleRuns,
) -> None:
    """../shared/external/README.md: lower-cased names, draft schemaRef, unknown concept,
    empty period, duplicate ids; Arelle sees only the first (partly) and the last."""
    report = arelle_runs.reports["known_bad"]
    # 1. lower-cased names, the contextref attribute too: one message per wrong name
    lower_cased = {m.element: m for m in ours(report, "lowercase-name")}
    assert set(lower_cased) == {
        "ix:nonnumeric",
        "contextref",
        "link:schemaref",
        "xbrli:startdate",
        "xbrli:enddate",
        "xbrldi:typedmember",
    }
    contextref = lower_cased["contextref"]
    assert contextref.message.startswith("attribute contextref should be contextRef: ")
    assert "10 times, on lines 190, 220, 222, 225" in contextref.message
    assert lower_cased["xbrli:startdate"].message.startswith(
        "element xbrli:startdate should be xbrli:startDate: "
    )
    # 2. the draft taxonomy
    (schema_ref,) = ours(report, "unexpected-schema-ref")
    assert "draft-esrs/2023-07-31/esrs_all.xsd" in schema_ref.message
    assert ENTRY_POINT in schema_ref.message
    assert schema_ref.line == 194
    # 3. the one concept the ESRS taxonomy does not have
    (unknown,) = ours(report, "unknown-concept")
    concept = (
        "esrs:DisclosureOfReasonsWhyScopeOfConsolidationIsNotSameAsForFinancialStatements"
        "ExplanatoryAsExample"
    )
    assert unknown.message == f"fact {concept} (id fact-6): the ESRS taxonomy has no such concept"
    assert (unknown.element, unknown.line) == ("fact-6", 222)
    # 4. both contexts start and end on the same day
    periods = ours(report, "empty-period")
    assert [(m.element, m.line) for m in periods] == [("c-1", 198), ("c-2", 198)]
    assert all("starts 2025-01-01 and ends 2025-01-01" in m.message for m in periods)
    # 5. duplicate ids: Arelle reports them (test above), so ours stay silent
    assert ours(report, "duplicate-id") == []
    assert "Element ix:nonnumeric id fact-2 is duplicated" in texts(report)
    assert all(m.line for m in report.errors if m.code.startswith("esrs-s3:"))


def test_statement_built_by_our_tool_is_valid(arelle_runs: ArelleRuns) -> None:
    report = arelle_runs.reports["statement"]
    assert report.ok, texts(report)
    assert report.counts == {"error": 0, "warning": 0}, report.to_text()


def test_broken_copy_of_the_minimal_example_gets_each_structural_error(
    arelle_runs: ArelleRuns,
) -> None:
    """What Arelle cannot see in the known-bad file (it never parses its facts), it finds here.

    Our own checks find the same concept, period and id, and leave them to Arelle: no esrs-s3 code.
    """
    report = arelle_runs.reports["broken"]
    assert codes(report) == {
        "ix11.12.1.2:missingReferences",  # a concept that does not exist
        "xbrl.4.7.2:periodStartBeforeEnd",  # a period that ends before it starts
        "xbrldie:ExplicitMemberUndefinedQNameError",  # a dimension member that does not exist
        "enum2ie:InvalidEnumerationSetValue",  # an enumeration value outside its domain
        "enum2ie:InvalidEnumerationSetOrder",  # ... which also breaks the required order
        "xml.3.3.1:idMustBeUnique",  # duplicate ids
    }
    assert "esrs:NameOfActionPlanThatDoesNotExist" in texts(report)
    assert all(m.line for m in report.errors)


def test_cli_verify_known_bad_file_exits_1_with_one_line_per_error() -> None:
    result = run_cli("verify", str(KNOWN_BAD_XHTML), "--taxonomy", str(taxonomy_package()))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    *lines, summary = result.stdout.strip().splitlines()
    assert lines and all(line.startswith("error: ") for line in lines)
    assert (
        "error: xml.3.3.1:idMustBeUnique: Element ix:nonnumeric id fact-2 is duplicated"
        in lines[-2]
    )
    assert lines[-2].endswith("(line 220)")
    assert summary == f"{KNOWN_BAD_XHTML}: NOT valid (21 errors, 0 warnings)"  # 10 ours


def test_cli_verify_json_lists_every_file() -> None:
    args = ["verify", str(KNOWN_BAD_XHTML), "--format", "json"]
    result = run_cli(*args, "--taxonomy", str(taxonomy_package()))
    assert result.returncode == 1, result.stderr
    document = json.loads(result.stdout)
    assert document["ok"] is False
    (report,) = document["files"]
    assert report["counts"]["error"] == len(report["errors"]) > 0
    assert {"code", "level", "message", "line", "element", "document"} <= set(report["errors"][0])


def test_cli_verify_missing_taxonomy_exits_2_with_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-taxonomy.zip"
    result = run_cli("verify", str(MINIMAL_XHTML), "--taxonomy", str(missing))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"esrs-s3: cannot verify: {missing}: no such taxonomy package (an EFRAG ESRS .zip)"
    ]


def test_cli_verify_without_any_taxonomy_exits_2_naming_the_variable() -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"ESRS_S3_TAXONOMY", "ESRS_S3_DEBUG"}}
    result = subprocess.run(
        [sys.executable, "-m", "esrs_s3.cli", "verify", str(MINIMAL_XHTML)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert "ESRS_S3_TAXONOMY" in line


def test_cli_verify_missing_file_exits_2_with_one_line(tmp_path: Path) -> None:
    package = tmp_path / "package.zip"
    package.write_bytes(b"PK")  # checked before Arelle starts: must exist, need not be valid
    result = run_cli("verify", str(tmp_path / "nothing.xhtml"), "--taxonomy", str(package))
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.endswith("nothing.xhtml: no such file")


def test_verify_files_rejects_a_file_that_is_not_a_taxonomy_package(tmp_path: Path) -> None:
    document = tmp_path / "statement.xhtml"
    document.write_text("<html/>", encoding="utf-8")
    with pytest.raises(TaxonomyNotFound, match=r"Arelle cannot use it: .*not a zip file"):
        verify_files([document], document)
    with pytest.raises(TaxonomyNotFound, match="no such taxonomy package"):
        verify_files([document], tmp_path / "package.zip")
    with pytest.raises(EsrsS3Error, match="no such file"):
        verify_files([tmp_path / "nothing.xhtml"], document)


def test_taxonomy_concepts_know_the_action_plan_concepts(
    arelle_concepts: dict[str, ConceptInfo],
) -> None:
    name = arelle_concepts["esrs:NameOfActionPlan"]
    assert (name.type, name.period_type, name.abstract) == (
        "xbrli:stringItemType",
        "duration",
        False,
    )
    opex = arelle_concepts["esrs:FinancialResourcesAllocatedToActionPlanOpEx"]
    assert (opex.type, opex.period_type, opex.abstract) == (
        "xbrli:monetaryItemType",
        "duration",
        False,
    )
    text_blocks = [c for c in arelle_concepts.values() if c.type == "dtr-types:textBlockItemType"]
    assert len(text_blocks) > 100


# --- Our own checks alone (no Arelle, no taxonomy): esrs_s3.xbrl.precheck

IX = 'xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"'


def no_concepts() -> set[str]:
    raise AssertionError("the taxonomy's concepts were loaded for a document without facts")


def test_precheck_reports_a_missing_context_ref_unless_arelle_did(tmp_path: Path) -> None:
    document = tmp_path / "facts.xhtml"
    document.write_text(
        f'<html {IX}><body>\n<ix:nonnumeric name="esrs:A" id="a">x</ix:nonnumeric>\n'
        '<ix:nonNumeric name="esrs:A" id="b">y</ix:nonNumeric></body></html>',
        encoding="utf-8",
    )
    arelle = VerifyMessage(
        code="xbrl.4.6.1:itemContextRef", level="error", message="Item esrs:A must have a context",
        document="facts.xhtml", line=3,
    )  # fmt: skip
    found = precheck(document, lambda: {"esrs:A"}, [arelle])
    assert [(m.code, m.line) for m in found if m.code != "esrs-s3:lowercase-name"] == [
        ("esrs-s3:missing-context-ref", 2)
    ]
    assert found[-1].message == "fact esrs:A (id a) has no contextRef"
    assert found[-1].document == "facts.xhtml"


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"%PDF-1.7\n\x00\x01", "Start tag expected"),
        (b"<html><p>an <b>HTML</p> page</html>", "Opening and ending tag mismatch"),
        (b"", "not well-formed XML"),
        (b'<?xml version="1.0"?><xbrl xmlns="http://www.xbrl.org/2003/instance"/>', "root"),
    ],
)
def test_precheck_reports_one_error_for_input_that_is_not_xhtml(
    tmp_path: Path, content: bytes, says: str
) -> None:
    document = tmp_path / "input.xhtml"
    document.write_bytes(content)
    (error,) = precheck(document, no_concepts)
    assert error.code == "esrs-s3:not-xhtml"
    assert says in error.message


def test_precheck_never_expands_entities(tmp_path: Path) -> None:
    laughs = '<!ENTITY a "ha">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{f"&{chr(97 + i)};" * 10}">' for i in range(9)
    )
    document = tmp_path / "laughs.xhtml"
    document.write_text(
        f'<?xml version="1.0"?><!DOCTYPE html [{laughs}]><html {IX}><body>'
        f'<ix:nonNumeric name="esrs:A" contextRef="c">&j;</ix:nonNumeric></body></html>',
        encoding="utf-8",
    )
    started = time.perf_counter()
    (error,) = precheck(document, no_concepts)
    assert time.perf_counter() - started < 1
    assert error.code == "esrs-s3:not-xhtml"
    assert "entity" in error.message


def test_precheck_checks_the_xhtml_inside_a_report_package(tmp_path: Path) -> None:
    package = tmp_path / "report-package.zip"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("report/META-INF/reportPackage.json", "{}")
        archive.write(KNOWN_BAD_XHTML, "report/reports/known-bad.xhtml")
    found = precheck(package, lambda: set())
    assert {m.document for m in found} == {"report/reports/known-bad.xhtml"}
    assert "esrs-s3:unexpected-schema-ref" in {m.code for m in found}
    assert len([m for m in found if m.code == "esrs-s3:unknown-concept"]) == 10  # facts
    assert len([m for m in found if m.code == "esrs-s3:duplicate-id"]) == 2  # no Arelle here


def test_precheck_finds_nothing_in_the_minimal_example_but_an_unknown_concept() -> None:
    names = set(re.findall(r' name="([^"]+)"', MINIMAL_XHTML.read_text(encoding="utf-8")))
    assert precheck(MINIMAL_XHTML, lambda: names) == []
    (unknown,) = precheck(MINIMAL_XHTML, lambda: names - {"esrs:NameOfActionPlan"})
    assert (unknown.code, unknown.line) == ("esrs-s3:unknown-concept", 53)
