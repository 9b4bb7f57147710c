"""Small helpers that compose statement text from workbook values (never inventing content)."""

from __future__ import annotations

from collections.abc import Iterable

from esrs_s3.models import Record


def cells(records: Iterable[Record], *fields: str) -> tuple[str, ...]:
    """The source cells of `fields` of each record, for provenance."""
    return tuple(str(r.cell(f)) for r in records for f in fields)


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


def amount(value: float, currency: str) -> str:
    return f"{currency} {value:,.0f}"
