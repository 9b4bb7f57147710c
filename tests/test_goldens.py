"""The facts of every sample and scenario equal their reviewed goldens (tests/goldens.py)."""

from __future__ import annotations

import difflib

import pytest
from goldens import CASES, KINDS, case_lines, golden_path


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", list(CASES))
def test_facts_equal_their_golden(case: str, kind: str, tmp_path) -> None:
    expected = golden_path(case, kind).read_text(encoding="utf-8").splitlines()
    actual = case_lines(case, tmp_path, kind)
    diff = list(difflib.unified_diff(expected, actual, "golden", "now", lineterm="", n=0))
    assert not diff, (
        f"{len(diff)} lines of {kind} differ from {golden_path(case, kind).name}; review the diff, "
        "then regenerate with `.venv/bin/python tests/goldens.py`:\n" + "\n".join(diff[:60])
    )
