"""Small helpers that compose statement text from workbook values (never inventing content)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TypeVar

from esrs_s3.models import Record

T = TypeVar("T")

# A statement summarises a large register: at most this many items are listed one by one in
# any list or table; the full register is in assessment.xlsx and in the workbook itself.
LISTED = 40


def cells(records: Iterable[Record], *fields: str) -> tuple[str, ...]:
    """The source cells of `fields` of each record, for provenance (a field whose optional
    column the sheet does not have is left out)."""
    return tuple(str(r.cell(f)) for r in records for f in fields if f in r.source.columns)


def sentence(text: str) -> str:
    """Text as a sentence: trimmed, with a final full stop when it has none."""
    text = " ".join(text.split())
    return text if not text or text[-1] in ".!?" else text + "."


def listing(items: Iterable[str], conjunction: str = "and") -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]


def yes_no(value: bool | None) -> str:
    return "Yes" if value else "No"


def number_text(value: float) -> str:
    """A number as shown: thousands separated, at most two decimals, no trailing zeros."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def amount(value: float, currency: str) -> str:
    return f"{currency} {value:,.0f}"


def first_listed(items: Sequence[T]) -> tuple[Sequence[T], int]:
    """The items listed one by one, and how many more there are."""
    return items[:LISTED], max(0, len(items) - LISTED)


def count(n: int, singular: str, plural: str | None = None) -> str:
    """`1 policy`, `4 policies`: a number with its noun in the right number."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"
