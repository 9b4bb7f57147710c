"""Shared fixtures: real .xlsx workbooks written with the project's own template writer."""

from __future__ import annotations

import copy
import datetime as dt
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from esrs_s3.template import build_template, fill_template
from esrs_s3.xbrl.verify import ConceptInfo, VerifyReport, taxonomy_concepts, verify_files

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_inputs"

# A small valid workbook; tests copy it and change what they are about.
BASE_FIELDS: dict[str, dict[str, object]] = {
    "Undertaking": {
        "name": "Testfield Quarry Oy",
        "lei": "529900T8BM49AURSDO55",
        "period_start": dt.date(2025, 1, 1),
        "period_end": dt.date(2025, 12, 31),
        "currency": "EUR",
        "employees": 1200,
        "first_reporting_year": 2025,
    }
}
BASE_ROWS: dict[str, list[dict[str, object]]] = {
    "Impacts": [
        {
            "id": "IRO-01",
            "title": "Blasting dust on the village",
            "description": "Dust from blasting settles on houses and gardens in the village.",
            "sub_topic": "economic, social and cultural rights",
            "sub_sub_topic": "adequate housing",
            "kind": "negative impact",
            "status": "actual",
            "value_chain": "own operations",
            "involvement": "causes",
            "community_type": "around own sites",
            "countries": "FI",
            "human_rights": "yes",
            "scale": 3,
            "scope": 2,
            "irremediability": 2,
            "time_horizon": "short",
            "rationale": "Complaints log 2025.",
        },
        {
            "id": "IRO-02",
            "title": "Permit withdrawal",
            "description": "The municipality could suspend the permit after complaints.",
            "sub_topic": "economic, social and cultural rights",
            "sub_sub_topic": "land-related impacts",
            "kind": "risk",
            "status": "potential",
            "value_chain": "own operations",
            "human_rights": "no",
            "likelihood": 2,
            "financial_magnitude": 4,
            "time_horizon": "medium",
            "rationale": "Permit conditions; legal advice.",
        },
    ],
    "Policies": [
        {
            "id": "POL-01",
            "name": "Good neighbour policy",
            "description": "Dust, noise and complaint handling towards the village.",
            "impacts": "IRO-01; IRO-02",
            "references_ungp": "yes",
            "references_oecd": "yes",
            "references_ilo": "no",
            "accountable_role": "Chief executive",
            "public": "yes",
        }
    ],
    "Actions": [
        {
            "id": "ACT-01",
            "title": "Dust suppression",
            "description": "Water sprays on haul roads.",
            "impacts": "IRO-01",
            "policies": "POL-01",
            "action_type": "mitigate",
            "status": "in progress",
            "start": dt.date(2025, 3, 1),
            "end": dt.date(2026, 3, 1),
            "time_horizon": "medium",
            "capex": 250000,
        }
    ],
}


def write_workbook(
    path: Path,
    fields: dict[str, dict[str, object]] | None = None,
    rows: dict[str, list[dict[str, object]]] | None = None,
    edit: Callable | None = None,
    base: bool = True,
) -> Path:
    """Write a workbook at `path`: the base data, changed by `fields` / `rows` (None deletes a
    value). `rows={"Impacts": [{...}]}` replaces that sheet's rows; `edit(book)` changes the
    openpyxl workbook before it is saved (remove a sheet, write a formula...)."""
    all_fields = copy.deepcopy(BASE_FIELDS) if base else {}
    all_rows = copy.deepcopy(BASE_ROWS) if base else {}
    for sheet, values in (fields or {}).items():
        all_fields.setdefault(sheet, {}).update(values)
    all_rows.update(copy.deepcopy(rows or {}))
    book = fill_template(build_template(), all_fields, all_rows)
    if edit is not None:
        edit(book)
    book.save(path)
    return path


@pytest.fixture
def make_workbook(tmp_path: Path) -> Callable[..., Path]:
    """`write_workbook` into the test's own folder: `make_workbook("name.xlsx", fields=...)`."""

    def make(name: str = "book.xlsx", **changes) -> Path:
        return write_workbook(tmp_path / name, **changes)

    return make


# the revised ESRS may be applied from financial years beginning in 2026 (Art. 2(1))
FY2026 = {"period_start": dt.date(2026, 1, 1), "period_end": dt.date(2026, 12, 31)}


def in_2026(sample: Path, path: Path, rulebook: str | None = None) -> Path:
    """A sample with its reporting period moved to FY2026 (the samples report FY2025; the
    revised ESRS may be applied from FY2026, Art. 2(1)), and its rulebook cell set to
    `rulebook` when given. Its Narratives rows for Set 1 datapoints stay: under esrs-2026 they
    are notes."""
    import openpyxl

    book = openpyxl.load_workbook(sample)
    values = {**FY2026, **({"rulebook": rulebook} if rulebook else {})}
    for row in book["Undertaking"].iter_rows(min_row=2):
        if row[0].value in values:
            row[1].value = values[row[0].value]
    book.save(path)
    return path


# Scenarios built from the base workbook (tests and the fact goldens share them).
MATERIAL = {
    "Impacts": [
        {**BASE_ROWS["Impacts"][0], "scale": 5, "occurrence": "Widespread"},
        BASE_ROWS["Impacts"][1],
    ]
}
NOT_MATERIAL = {
    "Impacts": [
        {**BASE_ROWS["Impacts"][0], "scale": 1, "scope": 1, "irremediability": 1},
        {**BASE_ROWS["Impacts"][1], "financial_magnitude": 1},
    ]
}
NOTHING_ADOPTED = {**MATERIAL, "Policies": [], "Actions": [], "Targets": []}
PHASE_IN = {  # an undertaking of 480 employees in its first year, with the ESRS 2 ¶17 texts
    "fields": {"Undertaking": {"employees": 480}},
    "rows": {
        **MATERIAL,
        "Narratives": [
            {
                "datapoint": "BP-2_23",
                "text": "Dust and permit conditions shape where and when we blast; the "
                "extension plan for the north face waits for the village's consent.",
            },
            {
                "datapoint": "BP-2_27",
                "text": "We count the complaints about dust received each month.",
            },
        ],
    },
}


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command line in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "esrs_s3.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        timeout=600,
    )


def flatten(issues) -> list[tuple[str, str]]:
    """Compact (location, code) pairs for assertions."""
    return [(issue.location, issue.code) for issue in issues]


# --- Arelle (tests/test_verify.py): every document costs Arelle seconds and ~400 MB, so each
# --- file is validated once per test session and the reports are shared by the tests.

SHARED = ROOT.parent / "shared"
MINIMAL_XHTML = SHARED / "esrs" / "taxonomy" / "minimal-s3-example.xhtml"
MINIMAL_PACKAGE = SHARED / "esrs" / "taxonomy" / "minimal-s3-report-package.zip"
KNOWN_BAD_XHTML = SHARED / "external" / "known-bad-esrs-ixbrl.xhtml"
# Five structural errors put into a copy of the minimal example (Arelle finds each one).
BROKEN_EDITS = {
    'name="esrs:NameOfActionPlan"': 'name="esrs:NameOfActionPlanThatDoesNotExist"',
    "<xbrli:endDate>2025-12-31</xbrli:endDate>": "<xbrli:endDate>2024-12-31</xbrli:endDate>",
    "esrs:ESRSS3AffectedCommunitiesMember": "esrs:NoSuchMember",
    "#AffectedCommunitiesMember": "#NoSuchEnumerationMember",
    'id="f_s3_2_indig"': 'id="f_s3_1_03"',
}


def taxonomy_package() -> Path:
    """The EFRAG taxonomy package named by $ESRS_S3_TAXONOMY, or skip the test."""
    value = os.environ.get("ESRS_S3_TAXONOMY")
    if not value:
        pytest.skip("set ESRS_S3_TAXONOMY to the EFRAG taxonomy package; .ci/run does")
    for path in (MINIMAL_XHTML, MINIMAL_PACKAGE, KNOWN_BAD_XHTML):
        if not path.is_file():
            pytest.skip(f"{path} is not beside the repo")
    return Path(value)


def revised_taxonomy_packages() -> tuple[Path, ...]:
    """EFRAG's draft revised-ESRS taxonomy and its helper packages, named by
    $ESRS_S3_REVISED_TAXONOMY (paths separated like PATH), or skip the test."""
    value = os.environ.get("ESRS_S3_REVISED_TAXONOMY")
    if not value:
        pytest.skip("set ESRS_S3_REVISED_TAXONOMY to the draft revised-ESRS packages; .ci/run does")
    return tuple(Path(part) for part in value.split(os.pathsep) if part)


@dataclass
class ArelleRuns:
    """Reports by name ('minimal', 'known_bad', 'broken', 'statement', 'package_esef') and
    network attempts; 'statement' is the statement.xhtml our own build writes for a sample."""

    reports: dict[str, VerifyReport]
    network_attempts: list[str]


@contextmanager
def refused_network() -> Iterator[list[str]]:
    """Records and refuses every socket connection or DNS look-up made inside the block."""
    attempts: list[str] = []

    def refuse(what: str) -> Callable[..., object]:
        def call(*args: object, **kwargs: object) -> object:
            attempts.append(f"{what}{args[1:] if what == 'connect' else args}")
            raise OSError(f"esrs-s3 tests: no network ({what})")

        return call

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", refuse("connect"))
        patch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
        yield attempts


@pytest.fixture(scope="session")
def arelle_runs(tmp_path_factory: pytest.TempPathFactory) -> ArelleRuns:
    """All Arelle validations the tests need: 4 documents, then the report package with ESEF."""
    from esrs_s3.build import STATEMENT, build_statement

    taxonomy = taxonomy_package()
    broken = tmp_path_factory.mktemp("arelle") / "broken-s3-example.xhtml"
    built = tmp_path_factory.mktemp("arelle") / "built"
    build_statement(SAMPLES / "mining_company.xlsx", built)
    text = MINIMAL_XHTML.read_text(encoding="utf-8")
    for old, new in BROKEN_EDITS.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    broken.write_text(text, encoding="utf-8")
    with refused_network() as attempts:
        plain = verify_files([MINIMAL_XHTML, KNOWN_BAD_XHTML, broken, built / STATEMENT], taxonomy)
        (package,) = verify_files([MINIMAL_PACKAGE], taxonomy, esef=True)
    names = ["minimal", "known_bad", "broken", "statement"]
    reports = {**dict(zip(names, plain, strict=True)), "package_esef": package}
    return ArelleRuns(reports, attempts)


@pytest.fixture(scope="session")
def arelle_concepts() -> dict[str, ConceptInfo]:
    """The taxonomy's concepts as Arelle loads them from the package (offline)."""
    taxonomy = taxonomy_package()
    with refused_network() as attempts:
        concepts = taxonomy_concepts(taxonomy)
    assert not attempts, f"Arelle tried to reach the network: {attempts}"
    return concepts
