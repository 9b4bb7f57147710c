"""The committed invalid sample: every planted error is reported once, at its exact cell."""

from __future__ import annotations

import importlib.util
import json

from conftest import SAMPLES, flatten, run_cli

from esrs_s3 import read_workbook


def _planted() -> list[tuple[str, str, str]]:
    spec = importlib.util.spec_from_file_location("make_invalid", SAMPLES / "make_invalid.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.PLANTED


def test_every_planted_error_is_reported_once_at_its_cell() -> None:
    result = read_workbook(SAMPLES / "invalid_workbook.xlsx")
    reported = [(i.location, i.code, i.severity.value) for i in result.issues]
    assert reported == _planted()
    assert len({code for _, code, _ in _planted()}) >= 15
    assert result.workbook is None


def test_cli_exit_code_and_lines(tmp_path) -> None:
    completed = run_cli("validate", str(SAMPLES / "invalid_workbook.xlsx"))
    assert completed.returncode == 1
    lines = completed.stdout.splitlines()
    for location, code, severity in _planted():
        matching = [line for line in lines if line.startswith(f"{severity}: {location}: ")]
        assert len(matching) == 1, (location, code)
        assert f"[{code}]" in matching[0]
    assert "Traceback" not in completed.stderr
    assert lines[-1].endswith("NOT valid (26 errors, 1 warning)")


def test_json_output_is_the_library_result() -> None:
    path = SAMPLES / "invalid_workbook.xlsx"
    completed = run_cli("validate", str(path), "--format", "json")
    assert completed.returncode == 1
    document = json.loads(completed.stdout)
    expected = read_workbook(path).to_dict()
    assert document == {"readable": True, **expected}
    assert [(i["location"], i["code"]) for i in document["issues"]] == flatten(
        read_workbook(path).issues
    )
    assert document["counts"] == {"error": 26, "warning": 1, "info": 0}
