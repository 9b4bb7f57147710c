"""The gap report lists each finding once: under its first OECD step, naming the others (a
finding of two steps was printed twice, once under each)."""

from __future__ import annotations

import html

from conftest import SAMPLES
from test_gaps import pipeline

from esrs_s3.check.gaps_report import by_step, gaps_html


def test_each_finding_is_listed_once_and_names_its_other_steps() -> None:
    findings, book, *_ = pipeline(SAMPLES / "telecom_equipment.xlsx")
    several = [f for f in findings if len(f.oecd_steps) > 1]
    assert several, "the telecom sample has findings of two OECD steps"
    grouped = [f for _, items in by_step(findings) for f in items]
    assert len(grouped) == len(findings)
    page = html.unescape(gaps_html(findings, book.undertaking.name, "2025-12-31").decode())
    for finding in several:
        assert page.count(finding.message) == 1, finding.rule
    assert page.count("also step ") == len(several)
