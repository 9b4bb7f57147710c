"""Statement wording lives in the rulebook's templates (`templates/statement/<rulebook>/`), not
in Python: `disclose/` picks rows, tags facts and puts pieces together, and a rulebook with
other paragraphs or other words needs no code change.

A string of three words or more in `disclose/` is wording, unless it is a docstring, an error
message (inside a `raise`, or in a function that lists a rulebook's faults), or one of the
few kept below with their reason.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "esrs_s3"
WORD = re.compile(r"[(\"']?[A-Za-z]+[)\"'.,;:]?")  # a word, not an identifier or a pattern

# functions whose strings are not statement wording, and why
KEPT = {
    "problems": "lists a broken rulebook's faults (an error message)",
    "fill_narrative": "tells the user which Narratives row to add (the workbook contract's words)",
    "answered": "tells the user what the missing Narratives row must give",
    "_default_statuses": "tells the user what the missing Narratives row must give",
    "concerns_indigenous_peoples": "compares a workbook value of the contract's drop-down",
}
# calls whose string arguments tell the user what to fill in the workbook
FILL_CALLS = {"incomplete"}
# classes whose strings are values of a vocabulary (the coverage statuses)
VOCABULARIES = {"Status"}


def _docstrings(tree: ast.AST) -> set[int]:
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, kinds)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


def _exempt(tree: ast.AST) -> set[int]:
    """The ids of the string nodes that sit where wording is allowed."""
    out: set[int] = set()
    for node in ast.walk(tree):
        allowed = (
            isinstance(node, ast.Raise)
            or (isinstance(node, ast.FunctionDef) and node.name in KEPT)
            or (isinstance(node, ast.ClassDef) and node.name in VOCABULARIES)
            or (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in FILL_CALLS
            )
        )
        if allowed:
            out |= {id(n) for n in ast.walk(node)}
    return out


def wording_in(folder: Path) -> list[str]:
    """`file:line: text` for every string of three words or more (an f-string's literal parts
    counted together) outside docstrings and the exempt places."""
    found = []
    for path in sorted(folder.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        skip = _docstrings(tree) | _exempt(tree)
        parts_of = {  # an f-string's literal parts belong to the f-string
            id(part)
            for node in ast.walk(tree)
            if isinstance(node, ast.JoinedStr)
            for part in node.values
        }
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            if isinstance(node, ast.JoinedStr):
                text = " ".join(v.value for v in node.values if isinstance(v, ast.Constant))
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) in parts_of:
                    continue
                text = node.value
            else:
                continue
            if sum(bool(WORD.fullmatch(t)) for t in text.split()) >= 3:
                found.append(f"{path.name}:{node.lineno}: {text.strip()[:80]!r}")
    return found


def test_no_statement_wording_in_disclose() -> None:
    found = wording_in(PACKAGE / "disclose")
    assert found == [], "move these into templates/statement/<rulebook>/:\n" + "\n".join(found)


def test_the_scanner_finds_wording(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text(
        '"""A docstring of many words is fine."""\n'
        'A = "We have no policy."\n'
        'B = f"{n} further items are listed"\n'
        "def fill_narrative(x):\n"
        '    return f"add a Narratives row for {x}"\n'
        "def f(c):\n"
        '    c.incomplete("fill the Impacts column")\n'
        '    raise ValueError("this is an error message")\n'
        'C = "two words"\n',
        encoding="utf-8",
    )
    assert wording_in(tmp_path) == [
        "bad.py:2: 'We have no policy.'",
        "bad.py:3: 'further items are listed'",
    ]
