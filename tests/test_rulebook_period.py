"""Which rulebook a reporting period may use (Delegated Regulation (EU) 2026/1563, Art. 1-3):
each rulebook.toml says for which financial years it may be applied and is the default. A
rulebook the period does not allow is an error naming the cell; a workbook that names none
gets the rulebook for its period, and the build says which and why."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import MATERIAL, write_workbook
from test_rulebook_data import _tiny_rulebook

from esrs_s3 import read_workbook


def _year(year: int, **fields: object) -> dict[str, dict[str, object]]:
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    return {"Undertaking": {"period_start": start, "period_end": end, **fields}}


def _errors(path: Path, rulebook: str | None = None) -> list:
    result = read_workbook(path, rulebook=rulebook)
    return [i for i in result.issues if i.severity.value == "error"]


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "esrs_s3.cli", *args],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_the_2023_set_applies_until_financial_years_beginning_in_2026(tmp_path, year) -> None:
    book = write_workbook(tmp_path / "b.xlsx", fields=_year(year, rulebook="esrs-2023"))
    assert _errors(book) == []
    unnamed = write_workbook(tmp_path / "u.xlsx", fields=_year(year, rulebook=None))
    result = read_workbook(unnamed)
    assert result.ok and result.workbook.undertaking.rulebook == "esrs-2023"


def test_a_2027_year_under_the_2023_set_names_the_rulebook_cell(tmp_path) -> None:
    book = write_workbook(tmp_path / "b.xlsx", fields=_year(2027, rulebook="esrs-2023"))
    (issue,) = _errors(book)
    assert issue.code == "rulebook-not-for-period"
    assert issue.sheet == "Undertaking" and issue.field == "rulebook" and issue.cell
    assert "2027-01-01" in issue.message and "2026/1563" in issue.message
    done = _cli("build", str(book), "-o", str(tmp_path / "out"))
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"Undertaking!{issue.cell}" in done.stdout
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_the_rulebook_option_is_checked_against_the_period_too(tmp_path) -> None:
    book = write_workbook(tmp_path / "b.xlsx", fields=_year(2027, rulebook=None))
    (issue,) = _errors(book, rulebook="esrs-2023")
    assert issue.code == "rulebook-not-for-period" and issue.field == "period_start"
    assert "esrs-2023 (--rulebook)" in issue.message
    done = _cli("validate", str(book), "--rulebook", "esrs-2023")
    assert done.returncode == 1 and "(--rulebook)" in done.stdout


def _revised_like(folder: Path, default: bool = False) -> Path:
    """A tiny rulebook that, like the revised ESRS, may be applied from 2026 (and, with
    `default`, is also the default from 2027: two defaults for one year)."""
    rules = _tiny_rulebook(folder)
    meta = rules / "tiny-s3" / "rulebook.toml"
    text = re.sub(r"(?m)^(may_apply_until|default_until) = .*\n", "", meta.read_text("utf-8"))
    text += "may_apply_from = 2026-01-01\n" + ("default_from = 2027-01-01\n" if default else "")
    meta.write_text(text, encoding="utf-8")
    return rules


def test_a_2027_year_with_two_default_rulebooks_names_the_period(tmp_path) -> None:
    rules = _revised_like(tmp_path / "rulebooks", default=True)
    book = write_workbook(tmp_path / "b.xlsx", fields=_year(2027, rulebook=None))
    done = _cli("validate", str(book), "--format", "json", env={"ESRS_S3_RULEBOOKS": str(rules)})
    assert done.returncode == 1, done.stdout
    (issue,) = json.loads(done.stdout)["issues"]
    assert issue["code"] == "no-rulebook-for-period" and issue["field"] == "period_start"
    assert "esrs-2023: financial years beginning on or before 2026-12-31" in issue["message"]


def test_a_workbook_naming_no_rulebook_gets_the_one_for_its_period(tmp_path) -> None:
    """Acceptance (issue 12): a 2027 year with no rulebook named builds under esrs-2026 and
    says so; a tiny rulebook that may apply from 2026 can be named for 2026, not for 2025."""
    rules = _revised_like(tmp_path / "rulebooks")
    book = write_workbook(tmp_path / "b.xlsx", fields=_year(2027, rulebook=None), rows=MATERIAL)
    out = tmp_path / "out"
    done = _cli("build", str(book), "-o", str(out), "--format", "text")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "rulebook: esrs-2026 (the rulebook for a financial year beginning 2027-01-01)" in (
        done.stdout
    )
    # a 2026 year may name it, and without a name keeps the 2023 set
    named = write_workbook(tmp_path / "n.xlsx", fields=_year(2026, rulebook="tiny-s3"))
    done = _cli("validate", str(named), env={"ESRS_S3_RULEBOOKS": str(rules)})
    assert done.returncode == 0, done.stdout
    early = write_workbook(tmp_path / "e.xlsx", fields=_year(2025, rulebook="tiny-s3"))
    done = _cli("validate", str(early), env={"ESRS_S3_RULEBOOKS": str(rules)})
    assert done.returncode == 1 and "rulebook-not-for-period" in done.stdout
