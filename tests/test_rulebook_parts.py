"""A rulebook's per-item table may lack parts: the revised ESRS dropped items of the 2023
minimum disclosure requirements (a policy's accountable level, its availability), so a
rulebook's tables.toml names only the parts its datapoints tag. A part it does not name is
shown from the workbook, untagged, and nothing claims a datapoint for it."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import taxonomy_package
from test_rulebook_data import SHIPPED, _tiny_rulebook, built, refused

# the policies table of the tiny rulebook: its name and key contents, nothing else
TABLES = """
[policies]
name = { datapoint = "P-1", concept = "esrs:NameOfPolicy" }
contents = "P-1"
"""


def _with_policies_table(rules: Path) -> None:
    """Give the tiny rulebook a policies table of two parts, on a datapoint of its own."""
    book = rules / "tiny-s3"
    with (SHIPPED / "catalogue.csv").open(encoding="utf-8", newline="") as handle:
        like = next(r for r in csv.DictReader(handle) if r["id"] == "S3.MDR-P_01")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(like), lineterminator="\n")
    writer.writerow(
        {**like, "id": "P-1", "section": "our-policies", "source": "table:policies", "fill": ""}
    )
    with (book / "catalogue.csv").open("a", encoding="utf-8") as handle:
        handle.write(out.getvalue())
    sections = book / "sections.toml"
    text = sections.read_text(encoding="utf-8")
    old = 'title = "Our policies towards neighbours"\ncontents = ["datapoints", "narratives"]'
    assert old in text
    sections.write_text(
        text.replace(
            old,
            'title = "Our policies towards neighbours"\n'
            'contents = ["datapoints", "table:policies", "narratives"]',
        ),
        encoding="utf-8",
    )
    (book / "tables.toml").write_text(TABLES, encoding="utf-8")


@pytest.fixture(scope="module")
def partial_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("parts")
    rules = _tiny_rulebook(folder / "rulebooks")
    _with_policies_table(rules)
    return built(rules, folder)


def test_parts_the_rulebook_lacks_are_shown_untagged(partial_build: Path) -> None:
    xhtml = (partial_build / "statement.xhtml").read_text(encoding="utf-8")
    # the two parts it names are tagged on the policy's typed axis
    assert 'name="esrs:NameOfPolicy"' in xhtml
    assert 'name="esrs:DescriptionOfKeyContentsOfPolicyExplanatory"' in xhtml
    # the accountable role is still read from the workbook, but no concept claims it
    assert "Chief executive" in xhtml
    assert "DescriptionOfMostSeniorLevelInOrganisationThatIsAccountable" not in xhtml
    assert "IdentifiersOfRelatedImpactsRisksAndOpportunities" not in xhtml
    with (partial_build / "coverage.csv").open(encoding="utf-8", newline="") as handle:
        statuses = {r["id"]: r["status"] for r in csv.DictReader(handle)}
    assert statuses["P-1"] == "disclosed"


def test_a_partial_table_is_valid_xbrl(partial_build: Path) -> None:
    from esrs_s3.xbrl.verify import verify_files

    [report] = verify_files([partial_build / "statement.xhtml"], taxonomy_package())
    assert report.ok, [str(m) for m in report.errors][:5]


def test_a_table_macro_the_rulebook_lacks_is_named(tmp_path: Path) -> None:
    """Macros called per row are fetched once per table; one the template lacks is a clear
    error naming the template and the macro, not a traceback."""
    rules = _tiny_rulebook(tmp_path / "rulebooks")
    _with_policies_table(rules)
    wording = rules / "tiny-s3" / "templates" / "policies.j2"
    text = wording.read_text(encoding="utf-8")
    wording.write_text(text.replace("{% macro caption()", "{% macro title()"), encoding="utf-8")
    said = refused(rules, tmp_path)
    assert "its template policies.j2 has no macro caption" in said


def test_a_broken_catalogue_row_is_named_with_its_line(tmp_path: Path) -> None:
    """A row whose conditions and notes do not pair up is a clear error, not a traceback."""
    rules = _tiny_rulebook(tmp_path / "rulebooks")
    catalogue = rules / "tiny-s3" / "catalogue.csv"
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text.replace("we have no policy", "we have no policy | nor this"))
    said = refused(rules, tmp_path)
    assert "rulebook tiny-s3: catalogue.csv line 2:" in said
    assert "1 conditions in applies_when, 2 notes in otherwise" in said
    assert "internal error" not in said
