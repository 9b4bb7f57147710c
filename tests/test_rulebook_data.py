"""A rulebook is data: a small third rulebook, written into a temporary folder (its own
datapoints, sections and wording template, no code), builds a statement end to end. That src/
names no datapoint and no taxonomy concept is tests/test_no_literals.py."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MATERIAL, ROOT, taxonomy_package, write_workbook

SHIPPED = ROOT / "datapoints" / "esrs-2023"
# The tiny rulebook's datapoints: its own id, its section, its source, a shipped datapoint
# whose concepts it reuses (so its statement is valid against the same taxonomy), and the
# condition under which it applies.
TINY = (
    ("T-1", "our-policies", "derive:policy_frameworks", "S3-1_03", "rows:policies"),
    ("T-2", "our-policies", "column:policies.communication/name", "S3-1_09", ""),
    ("T-3", "harm", "derive:cases_of_non_respect", "S3-1_07", ""),
    ("T-4", "harm", "derive:severe_incidents", "S3-4_11", ""),
    ("T-5", "harm", "", "S3-4_05", ""),  # only the Narratives sheet would give it
)

SECTIONS = """
[[sections]]
anchor = "about"
title = "About this statement"
contents = ["template:about"]

[[sections]]
anchor = "our-policies"
title = "Our policies towards neighbours"
contents = ["datapoints", "narratives"]
requirements = [["s3-1", "S3-1"]]

[[sections]]
anchor = "harm"
title = "Harm and incidents"
contents = ["datapoints", "narratives"]
requirements = [["s3-4", "S3-4"]]
"""

TEMPLATE = """{# the tiny rulebook's own wording #}
{{ undertaking.name }} reports on its neighbours under the tiny rulebook {{ rulebook.title }};
{{ count(assessment.material_iros | length, "material impact") }} came out of the assessment.
"""


def _tiny_rulebook(folder: Path) -> Path:
    """Write the rulebook `tiny-s3` into `folder` and return `folder`."""
    book = folder / "tiny-s3"
    (book / "templates").mkdir(parents=True)
    for name in ("topics.toml", "assessment.toml", "members.toml", "phase_in.toml"):
        shutil.copy(SHIPPED / name, book / name)
    meta = (SHIPPED / "rulebook.toml").read_text(encoding="utf-8")
    meta = re.sub(r'(?m)^id = ".*"$', 'id = "tiny-s3"', meta)
    meta = re.sub(r'(?m)^title = ".*"$', 'title = "Tiny S3"', meta)
    meta = re.sub(r"(?m)^default = .*$", "default = false", meta)
    (book / "rulebook.toml").write_text(meta, encoding="utf-8")
    with (SHIPPED / "catalogue.csv").open(encoding="utf-8", newline="") as handle:
        shipped = {row["id"]: row for row in csv.DictReader(handle)}
        fields = list(next(iter(shipped.values())))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for dp_id, section, source, like, applies in TINY:
        writer.writerow(
            {
                **shipped[like],
                "id": dp_id,
                "name": f"Tiny datapoint {dp_id}",
                "section": section,
                "source": source,
                "applies_when": applies,
                "otherwise": "we have no policy" if applies else "",
                "fill": "",
            }
        )
    (book / "catalogue.csv").write_text(out.getvalue(), encoding="utf-8")
    (book / "sections.toml").write_text(SECTIONS, encoding="utf-8")
    (book / "tables.toml").write_text("", encoding="utf-8")
    (book / "due_diligence.toml").write_text("elements = []\n", encoding="utf-8")
    rules = (SHIPPED / "gap_rules.toml").read_text(encoding="utf-8")
    (book / "gap_rules.toml").write_text(
        "rules = []\n" + rules[: rules.index("\n[[rules]]\n")], encoding="utf-8"
    )
    (book / "templates" / "about.j2").write_text(TEMPLATE, encoding="utf-8")
    # the shared derivations speak through the rulebook's wording templates (phrases, row
    # sentences): a rulebook brings its own; the tiny one borrows the shipped ones
    for wording in (ROOT / "templates" / "statement" / "esrs-2023").glob("*.j2"):
        shutil.copy(wording, book / "templates")
    return folder


def build_tiny(rules: Path, folder: Path) -> tuple[subprocess.CompletedProcess, Path]:
    """`esrs-s3 build` of a workbook naming tiny-s3, written into `folder`, with the rulebooks
    of folder `rules` installed; the command's result and its output folder."""
    workbook = write_workbook(
        folder / "tiny.xlsx", fields={"Undertaking": {"rulebook": "tiny-s3"}}, rows=MATERIAL
    )
    out = folder / "out"
    done = subprocess.run(
        [sys.executable, "-m", "esrs_s3.cli", "build", str(workbook), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "ESRS_S3_RULEBOOKS": str(rules)},
    )
    return done, out


def built(rules: Path, folder: Path) -> Path:
    """The output folder of a tiny-s3 build that must succeed."""
    done, out = build_tiny(rules, folder)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def refused(rules: Path, folder: Path) -> str:
    """A tiny-s3 build that must be refused cleanly (a non-zero exit, no traceback, no
    output); what the command said."""
    done, out = build_tiny(rules, folder)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert not out.exists() or not any(out.iterdir())
    return done.stdout + done.stderr


@pytest.fixture(scope="module")
def tiny_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tiny")
    return built(_tiny_rulebook(folder / "rulebooks"), folder)


def test_a_rulebook_written_as_data_builds_a_statement(tiny_build: Path) -> None:
    xhtml = (tiny_build / "statement.xhtml").read_text(encoding="utf-8")
    # its own sections, in its order, and its own wording template
    titles = re.findall(r"<h2>([^<]+)</h2>", xhtml)
    assert titles == [
        "About this statement",
        "Our policies towards neighbours",
        "Harm and incidents",
    ]
    assert "reports on its neighbours under the tiny rulebook Tiny S3" in xhtml
    # nothing of the shipped rulebook's layout
    assert "S3-1 Policies related to affected communities" not in xhtml
    # its datapoints are tagged with the concepts their rows name
    for dp_id in ("T-1", "T-3", "T-4"):
        assert f'id="f-{dp_id}' in xhtml, dp_id
    with (tiny_build / "coverage.csv").open(encoding="utf-8", newline="") as handle:
        statuses = {r["id"]: r["status"] for r in csv.DictReader(handle)}
    assert set(statuses) == {dp_id for dp_id, *_ in TINY}
    assert statuses["T-1"] == "disclosed" and statuses["T-3"] == "disclosed"
    assert statuses["T-5"] == "missing"
    manifest = json.loads((tiny_build / "manifest.json").read_text(encoding="utf-8"))
    assert "tiny-s3" in json.dumps(manifest)


def test_the_tiny_statement_is_valid_xbrl(tiny_build: Path) -> None:
    from esrs_s3.xbrl.verify import verify_files

    [report] = verify_files([tiny_build / "statement.xhtml"], taxonomy_package())
    assert report.ok, [str(m) for m in report.errors][:5]


def test_a_rulebook_naming_what_does_not_exist_is_refused(tmp_path: Path) -> None:
    """A typo in the data is a clear error naming the datapoint, not a traceback."""
    rules = _tiny_rulebook(tmp_path / "rulebooks")
    catalogue = rules / "tiny-s3" / "catalogue.csv"
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(
        text.replace("derive:policy_frameworks", "derive:policy_framework"), encoding="utf-8"
    )
    said = refused(rules, tmp_path)
    assert "T-1: unknown derivation 'policy_framework'" in said


def test_a_rulebook_without_its_wording_is_refused(tmp_path: Path) -> None:
    """A template the statement needs and the rulebook lacks is named, not a traceback."""
    rules = _tiny_rulebook(tmp_path / "rulebooks")
    (rules / "tiny-s3" / "templates" / "words.j2").unlink()
    said = refused(rules, tmp_path)
    assert "rulebook tiny-s3: its statement wording needs the template words.j2" in said
