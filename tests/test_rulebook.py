"""Rulebooks: the default comes from data, `--rulebook` overrides the workbook's, `--set` is
parsed against the rulebook used, and verify accepts the entry points of the rulebook.toml files.

Only one rulebook ships today, so a second one ("esrs-test") is made known by patching
`esrs_s3.rulebook.available_rulebooks`, and the workbook that names it by patching the reader's
result; `parse_overrides` is replaced by a spy that records the rulebook and stops the command.
A literal rulebook id in the command line, the build or the web app makes these tests fail.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import MINIMAL_XHTML, ROOT, SAMPLES, run_cli, taxonomy_package

import esrs_s3.build as build_module
import esrs_s3.cli as cli_module
import esrs_s3.rulebook as rulebook_module
import esrs_s3.xbrl.precheck as precheck_module
from esrs_s3.assess.parameters import BadOverride, parse_overrides
from esrs_s3.build import build_statement
from esrs_s3.contract import load_contract
from esrs_s3.ingest import read_workbook
from esrs_s3.models import Undertaking
from esrs_s3.rulebook import (
    DEFAULT_RULEBOOK,
    UnknownRulebook,
    available_rulebooks,
    check_rulebook,
    default_rulebook,
    entry_points,
    rulebook_used,
    with_rulebook,
)
from esrs_s3.xbrl.precheck import precheck
from esrs_s3.xbrl.verify import ENTRY_POINT, document_entry_point, verify_files

SAMPLE = SAMPLES / "mining_company.xlsx"
OTHER = "esrs-test"  # a second rulebook, known only while a test patches it in
OTHER_ENTRY = "https://example.org/taxonomy/esrs-test/esrs_all.xsd"


def rulebook_files() -> dict[str, dict]:
    """Every datapoints/<id>/rulebook.toml, read here without esrs_s3."""
    found = {}
    for path in sorted((ROOT / "datapoints").glob("*/rulebook.toml")):
        with path.open("rb") as handle:
            found[path.parent.name] = tomllib.load(handle)
    return found


# --- the default and the list come from data -------------------------------------------------


def test_rulebooks_and_default_come_from_the_datapoints_folders() -> None:
    files = rulebook_files()
    assert available_rulebooks() == tuple(files)
    defaults = [r for r, data in files.items() if data.get("default")]
    assert defaults == [DEFAULT_RULEBOOK] == [default_rulebook()]
    assert Undertaking.model_fields["rulebook"].default == DEFAULT_RULEBOOK
    assert load_contract() == load_contract(DEFAULT_RULEBOOK)
    for rulebook_id, data in files.items():
        assert data["id"] == rulebook_id


def test_unknown_rulebook_names_the_known_ones() -> None:
    with pytest.raises(UnknownRulebook) as raised:
        check_rulebook("esrs-1999")
    assert "'esrs-1999'" in str(raised.value)
    assert all(r in str(raised.value) for r in available_rulebooks())
    with pytest.raises(UnknownRulebook):
        parse_overrides(["impact_threshold=3"], "esrs-1999")


def test_with_rulebook_replaces_the_workbooks_rulebook(monkeypatch) -> None:
    book = read_workbook(SAMPLE).workbook
    assert with_rulebook(book, None) is book
    assert rulebook_used(book) == book.undertaking.rulebook
    with pytest.raises(UnknownRulebook):
        with_rulebook(book, OTHER)
    monkeypatch.setattr(rulebook_module, "available_rulebooks", lambda: (DEFAULT_RULEBOOK, OTHER))
    assert with_rulebook(book, OTHER).undertaking.rulebook == OTHER
    assert rulebook_used(book, OTHER) == OTHER
    assert book.undertaking.rulebook == DEFAULT_RULEBOOK  # the read workbook is unchanged


# --- --rulebook with an unknown id: a usage error, nothing written ---------------------------


@pytest.mark.parametrize("command", ["assess", "build", "gaps"])
def test_unknown_rulebook_option_fails_clearly(tmp_path: Path, command: str) -> None:
    out = tmp_path / "out"
    output = [] if command == "gaps" else ["-o", str(out)]
    completed = run_cli(command, str(SAMPLE), *output, "--rulebook", "esrs-1999")
    assert completed.returncode == 2, completed.stderr
    assert "unknown rulebook 'esrs-1999'" in completed.stderr
    assert all(r in completed.stderr for r in available_rulebooks())
    assert "Traceback" not in completed.stderr and completed.stdout == ""
    assert not out.exists()


def test_unknown_rulebook_option_of_verify_fails_clearly() -> None:
    completed = run_cli("verify", str(MINIMAL_XHTML), "--rulebook", "esrs-1999")
    assert completed.returncode == 2
    assert "unknown rulebook 'esrs-1999'" in completed.stderr
    assert DEFAULT_RULEBOOK in completed.stderr
    assert "Traceback" not in completed.stderr
    with pytest.raises(UnknownRulebook):  # before the taxonomy package is even looked for
        verify_files([MINIMAL_XHTML], Path("/nonexistent.zip"), rulebook="esrs-1999")


def test_known_rulebook_option_assesses(tmp_path: Path) -> None:
    completed = run_cli(
        "assess", str(SAMPLE), "-o", str(tmp_path), "--rulebook", DEFAULT_RULEBOOK,
        "--set", "impact_threshold=3.5",
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    assert (tmp_path / "assessment.xlsx").is_file()


# --- --set is parsed against the rulebook actually used --------------------------------------


@pytest.fixture
def other_rulebook(monkeypatch) -> list[str]:
    """Make OTHER a known rulebook; parse_overrides records its rulebook, then stops the run."""
    monkeypatch.setattr(rulebook_module, "available_rulebooks", lambda: (DEFAULT_RULEBOOK, OTHER))
    parsed: list[str] = []

    def spy(texts: list[str], rulebook_id: str) -> dict:
        parsed.append(rulebook_id)
        raise BadOverride(f"--set parsed against {rulebook_id}")

    monkeypatch.setattr(cli_module, "parse_overrides", spy)
    monkeypatch.setattr(build_module, "parse_overrides", spy)

    def read(path, limits=None, rulebook=None):  # OTHER has no data folder to read under
        return read_workbook(path, limits)

    monkeypatch.setattr(cli_module, "read_workbook", read)
    monkeypatch.setattr(build_module, "read_workbook", read)
    return parsed


@pytest.fixture
def workbook_naming_other(monkeypatch) -> None:
    """The sample as if its Undertaking!rulebook said OTHER."""

    def read(path, limits=None, rulebook=None):
        result = read_workbook(path, limits)
        book = result.workbook
        undertaking = book.undertaking.model_copy(update={"rulebook": OTHER})
        result.workbook = book.model_copy(update={"undertaking": undertaking})
        return result

    monkeypatch.setattr(cli_module, "read_workbook", read)
    monkeypatch.setattr(build_module, "read_workbook", read)


def invoke(*args: str):
    return CliRunner().invoke(cli_module.cli, list(args))


@pytest.mark.parametrize("command", ["assess", "build", "gaps"])
def test_set_is_parsed_against_the_workbooks_rulebook(
    tmp_path, other_rulebook, workbook_naming_other, command
) -> None:
    output = [] if command == "gaps" else ["-o", str(tmp_path / "out")]
    result = invoke(command, str(SAMPLE), *output, "--set", "impact_threshold=3")
    assert other_rulebook == [OTHER], result.output
    assert result.exit_code == 2 and f"parsed against {OTHER}" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["assess", "build", "gaps"])
def test_set_is_parsed_against_the_rulebook_option(tmp_path, other_rulebook, command) -> None:
    output = [] if command == "gaps" else ["-o", str(tmp_path / "out")]
    result = invoke(command, str(SAMPLE), *output, "--rulebook", OTHER, "--set", "x=1")
    assert other_rulebook == [OTHER], result.output
    assert result.exit_code == 2
    assert not (tmp_path / "out").exists()


def test_build_statement_parses_settings_against_the_rulebook_used(
    tmp_path, other_rulebook, workbook_naming_other
) -> None:
    with pytest.raises(BadOverride):
        build_statement(SAMPLE, tmp_path / "out", settings=["impact_threshold=3"])
    with pytest.raises(UnknownRulebook):
        build_statement(SAMPLE, tmp_path / "out", rulebook="esrs-1999")
    assert other_rulebook == [OTHER]
    assert not (tmp_path / "out").exists()


# --- verify: the accepted entry points are read from rulebook.toml ---------------------------


def test_verify_entry_points_are_those_of_the_rulebook_files() -> None:
    files = rulebook_files()
    # a rulebook that extends another (esrs-2023-reliefs) shares its parent's entry point
    own = {r: data for r, data in files.items() if "extends" not in data}
    assert entry_points() == {data["taxonomy_entry_point"]: r for r, data in own.items()}
    assert entry_points(DEFAULT_RULEBOOK) == {ENTRY_POINT: DEFAULT_RULEBOOK}
    assert files[DEFAULT_RULEBOOK]["taxonomy_entry_point"] == ENTRY_POINT


def test_precheck_accepts_the_rulebooks_entry_points_only(monkeypatch) -> None:
    def schema_refs(**accepted) -> list[str]:
        found = precheck(MINIMAL_XHTML, lambda: set(), **accepted)
        return [m.message for m in found if m.code == "esrs-s3:unexpected-schema-ref"]

    assert schema_refs() == []  # the example references the shipped rulebook's entry point
    # (the accepted rulebooks must be real ones: their namespaces are read for the facts)
    other = {OTHER_ENTRY: DEFAULT_RULEBOOK}
    (message,) = schema_refs(accepted=other)
    assert f"points to {ENTRY_POINT}," in message
    assert f"{OTHER_ENTRY} (rulebook {DEFAULT_RULEBOOK})" in message
    # with no list given, the list is the rulebooks' (entry_points()), not a literal
    monkeypatch.setattr(precheck_module, "entry_points", lambda: other)
    (message,) = schema_refs()
    assert OTHER_ENTRY in message


def test_concepts_are_those_of_the_entry_point_the_document_references() -> None:
    both = {OTHER_ENTRY: OTHER, ENTRY_POINT: DEFAULT_RULEBOOK}
    assert document_entry_point(MINIMAL_XHTML, both, OTHER_ENTRY) == ENTRY_POINT
    assert document_entry_point(MINIMAL_XHTML, {OTHER_ENTRY: OTHER}, ENTRY_POINT) == OTHER_ENTRY
    not_xhtml = ROOT / "pyproject.toml"
    assert document_entry_point(not_xhtml, both, OTHER_ENTRY) == OTHER_ENTRY


def test_verify_with_the_rulebook_option() -> None:
    taxonomy = taxonomy_package()  # skips without $ESRS_S3_TAXONOMY
    (report,) = verify_files([MINIMAL_XHTML], taxonomy, rulebook=DEFAULT_RULEBOOK)
    assert report.ok, report.to_text()
