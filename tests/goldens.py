"""Fact goldens: every tagged fact of the samples and scenarios, one line each, in
`tests/goldens/<case>.facts.txt`, and the status and note of every catalogue datapoint in
`tests/goldens/<case>.status.txt`. A change to any fact shows as a diff of these files, to be
reviewed like code.

Regenerate them after a reviewed change (and list the changed facts in the change's note):

    .venv/bin/python tests/goldens.py

A line is `datapoint | concept | dimensions | period | unit | decimals | value`, sorted. Text
longer than 80 characters is shown as its first words and a short SHA-256 of the whole text.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from conftest import (
    FY2026,
    MATERIAL,
    NOT_MATERIAL,
    NOTHING_ADOPTED,
    PHASE_IN,
    SAMPLES,
    in_2026,
    write_workbook,
)

from esrs_s3 import read_workbook
from esrs_s3.assess import assess
from esrs_s3.disclose.mapping import compose_statement
from esrs_s3.render.document import Document

GOLDENS = Path(__file__).resolve().parent / "goldens"
LONG = 80
# facts: every tagged fact; status: every catalogue datapoint's status and coverage note.
KINDS = ("facts", "status")


def _sample(name: str) -> Callable[[Path], Path]:
    return lambda folder: SAMPLES / f"{name}.xlsx"


def _scenario(name: str, **changes) -> Callable[[Path], Path]:
    return lambda folder: write_workbook(folder / f"{name}.xlsx", **changes)


CASES: dict[str, Callable[[Path], Path]] = {
    "defence_manufacturer": _sample("defence_manufacturer"),
    "telecom_equipment": _sample("telecom_equipment"),
    "mining_company": _sample("mining_company"),
    "not-material": _scenario("not-material", rows=NOT_MATERIAL),
    "phase-in": _scenario("phase-in", **PHASE_IN),
    "nothing-adopted": _scenario("nothing-adopted", rows=NOTHING_ADOPTED),
}
# the revised ESRS (esrs-2026): the samples moved to FY2026, and the scenarios reported in full
# or under the ¶127 phase-in
REVISED = {"rulebook": "esrs-2026", **FY2026}
FULL = {"Undertaking": {**REVISED, "use_phase_in": "no"}}
for _name in ("defence_manufacturer", "telecom_equipment", "mining_company"):
    CASES[f"esrs-2026-{_name}"] = lambda folder, n=_name: in_2026(
        SAMPLES / f"{n}.xlsx", folder / f"{n}-2026.xlsx", "esrs-2026"
    )
CASES |= {
    "esrs-2026-material": _scenario("r-material", fields=FULL, rows=MATERIAL),
    "esrs-2026-not-material": _scenario("r-not-material", fields=FULL, rows=NOT_MATERIAL),
    "esrs-2026-nothing-adopted": _scenario("r-nothing", fields=FULL, rows=NOTHING_ADOPTED),
    "esrs-2026-phase-in": _scenario("r-phase-in", fields={"Undertaking": REVISED}, rows=MATERIAL),
}


def _value(text: str) -> str:
    flat = " ".join(text.split())
    if len(flat) <= LONG:
        return flat
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    head = flat[:LONG]
    head = head.rsplit(" ", 1)[0] if " " in head else head
    return f"{head} ... [{len(text)} chars, sha256 {digest}]"


def fact_lines(document: Document) -> list[str]:
    """One sorted line per fact of a composed statement."""
    contexts = {c.id: c for c in document.contexts}
    default_period = f"{document.period_start}..{document.period_end}"
    lines = []
    for fact in document.facts:
        context = contexts[fact.context]
        dimensions = [f"{d}={m}" for d, m in context.explicit]
        dimensions += [f"{d}<{v}>" for d, v in context.typed]
        period = document.period_end if context.instant else default_period
        value = fact.value if fact.value is not None else fact.shown
        lines.append(
            " | ".join(
                (
                    fact.datapoint or "-",
                    fact.concept,
                    ", ".join(dimensions) or "-",
                    period,
                    fact.unit or "-",
                    fact.decimals or "-",
                    _value(value),
                )
            )
        )
    return sorted(lines)


def status_lines(results) -> list[str]:
    """One line per catalogue datapoint, in catalogue order: id, status and note."""
    return [f"{r.id} | {r.status.value} | {r.note or '-'}" for r in results]


def case_lines(case: str, folder: Path, kind: str = "facts") -> list[str]:
    """The fact lines (or the status lines) of one case, built in `folder`."""
    result = read_workbook(CASES[case](folder))
    assert result.ok, [str(i) for i in result.issues if i.severity == "error"][:5]
    assessment = assess(result.workbook)
    statement = compose_statement(result.workbook, assessment)
    if kind == "status":
        return status_lines(statement.results)
    return fact_lines(statement.document)


def golden_path(case: str, kind: str = "facts") -> Path:
    return GOLDENS / f"{case}.{kind}.txt"


def main() -> None:
    GOLDENS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for case in CASES:
            for kind in KINDS:
                lines = case_lines(case, Path(folder), kind)
                golden_path(case, kind).write_text("\n".join(lines) + "\n", encoding="utf-8")
                print(f"wrote {golden_path(case, kind)} ({len(lines)} lines)")


if __name__ == "__main__":
    sys.exit(main())
