"""Regulatory content lives in `datapoints/<rulebook>/`, not in Python: no datapoint id (such as
S3-1_01 or S3.MDR-P_07) and no taxonomy QName (such as esrs:Something) is written in the source,
so that a rulebook that renames them needs no code change.

`literals_in` scans one folder; the whole package is held to the rule. XBRL's own item types
and units (`xbrli:`, `dtr-types:`...) are data too (datapoints/xbrl.toml).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "esrs_s3"

# folders of src/esrs_s3 that must hold no such literal ("" is the whole package)
DIRECTORIES = [""]

# a quoted datapoint id, as written in code: "S3-1_01", 'S3.MDR-P_07'
QUOTED_ID = re.compile(r"""["'](S3\.)?(S3|SBM|IRO|GOV|BP|MDR)-[0-9A-Z]+_[0-9]+["']""")
# a datapoint id or a taxonomy QName anywhere inside a string (f-strings and docstrings too)
ID_IN_TEXT = re.compile(r"(?<![\w.-])(S3\.)?(S3|SBM|IRO|GOV|BP|MDR)-[0-9A-Z]+_[0-9]+(?![\w-])")
QNAME_IN_TEXT = re.compile(r"(?<![\w.-])(esrs|enum2|dtr-types|xbrli|iso4217):[A-Za-z_]")


def literals_in(folder: Path) -> list[str]:
    """`path:line: text` for every datapoint-id or QName literal in the .py files under `folder`
    (paths from the folder's parent): a quoted id anywhere in the source, and an id or QName
    inside any string constant. Comments are not read."""
    found = []
    for path in sorted(folder.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        name = path.relative_to(folder.parent).as_posix()
        for n, line in enumerate(source.splitlines(), start=1):
            if QUOTED_ID.search(line):
                found.append(f"{name}:{n}: {line.strip()}")
        for node in ast.walk(ast.parse(source, filename=str(path))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                for pattern in (ID_IN_TEXT, QNAME_IN_TEXT):
                    match = pattern.search(node.value)
                    if match:
                        found.append(f"{name}:{node.lineno}: {match.group(0)!r} in a string")
    return sorted(set(found))


@pytest.mark.parametrize("directory", DIRECTORIES)
def test_no_datapoint_id_or_qname_literal(directory: str) -> None:
    folder = PACKAGE / directory
    assert folder.is_dir() and any(folder.rglob("*.py")), folder
    assert literals_in(folder) == []


def test_the_scanner_finds_what_it_must(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text(
        '"""Reads S3.SBM-3_04."""\n'
        "A = 'S3-1_01'\n"
        'B = f"the map ({x}) and GOV-4_01"\n'
        "C = {'concept': \"esrs:DescriptionOfPolicies\"}\n"
        "# a comment naming S3-2_08 unquoted is not a literal\n"
        'D = "S3-1 and MDR-P are requirements, IRO-01 a workbook row, esrs-2023 a rulebook"\n',
        encoding="utf-8",
    )
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "worse.py").write_text('E = "S3.MDR-A_13"\n', encoding="utf-8")
    lines = sorted({":".join(f.split(":")[:2]) for f in literals_in(tmp_path)})
    assert lines == [
        f"{tmp_path.name}/bad.py:1",
        f"{tmp_path.name}/bad.py:2",
        f"{tmp_path.name}/bad.py:3",
        f"{tmp_path.name}/bad.py:4",
        f"{tmp_path.name}/sub/worse.py:1",
    ]
