"""Issue records: one problem found in the input, with the cell that causes it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class Issue(BaseModel):
    """A problem with a stable kebab-case `code`, located at `sheet`!`cell` when known."""

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity
    message: str
    sheet: str | None = None
    cell: str | None = None
    field: str | None = None
    expected: str | None = None
    found: str | None = None

    @property
    def location(self) -> str:
        """`Sheet!A1`, `Sheet` or `workbook` when the problem has no sheet."""
        if self.sheet is None:
            return "workbook"
        return f"{self.sheet}!{self.cell}" if self.cell else self.sheet

    def __str__(self) -> str:
        return f"{self.location}: {self.message}"

    def to_dict(self) -> dict[str, str | None]:
        return {"location": self.location, **self.model_dump(mode="json")}


def cell_issue(
    code: str,
    sheet: str,
    cell: str | None,
    field: str | None,
    expected: str,
    found: str,
    severity: Severity = Severity.ERROR,
) -> Issue:
    """An issue whose message says what was expected and what was found."""
    prefix = f"{field}: " if field else ""
    return Issue(
        code=code,
        severity=severity,
        message=f"{prefix}expected {expected}, found {found}",
        sheet=sheet,
        cell=cell,
        field=field,
        expected=expected,
        found=found,
    )


def _row_col(cell: str | None) -> tuple[int, int]:
    """Sort key of an A1 address: row first, then column (`1:1` ranges sort as row 1)."""
    if not cell:
        return (0, 0)
    letters = "".join(ch for ch in cell.split(":")[0] if ch.isalpha())
    digits = "".join(ch for ch in cell.split(":")[0] if ch.isdigit())
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch.upper()) - 64
    return (int(digits) if digits else 0, col)


def sort_issues(issues: Iterable[Issue], sheet_order: list[str]) -> list[Issue]:
    """Stable reading order: workbook-level first, then sheets in contract order, then by cell."""
    rank = {name: i for i, name in enumerate(sheet_order)}

    def key(issue: Issue) -> tuple:
        sheet_rank = -1 if issue.sheet is None else rank.get(issue.sheet, len(rank))
        return (sheet_rank, issue.sheet or "", _row_col(issue.cell), issue.code, issue.message)

    return sorted(issues, key=key)


def count_issues(issues: Iterable[Issue]) -> dict[str, int]:
    counts = Counter(issue.severity for issue in issues)
    return {severity.value: counts.get(severity, 0) for severity in _SEVERITY_ORDER}
