"""Reading free text and writing it into messages: blanks, numbers, word lists."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from esrs_s3.check.predicates.context import GapContext
from esrs_s3.disclose.catalogue import by_id
from esrs_s3.disclose.text import listing
from esrs_s3.models import Record


def blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def number(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}".rstrip("0").rstrip(".")


def named(ctx: GapContext, dp_ids: Sequence[str]) -> str:
    """`<id> (<name>), <id> (<name>) and ...` for messages."""
    catalogue = by_id(ctx.assessment.rulebook)
    return listing([f"{d} ({catalogue[d].name})" if d in catalogue else d for d in dp_ids])


@cache
def words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `words` at a word start (or anywhere, for words starting with a symbol)."""
    parts = [(r"\b" if w[:1].isalnum() else "") + re.escape(w.lower()) for w in words]
    return re.compile("|".join(parts) or "(?!)")


def mentions(text: str | None, words: Iterable[str]) -> bool:
    return bool(text) and words_pattern(tuple(words)).search(text.lower()) is not None


def addresses_downstream(ctx: GapContext, row: Record, names: Iterable[str]) -> bool:
    """Whether a downstream word occurs in a non-negated clause of the row's `names` fields."""
    wanted, negations = words_pattern(tuple(ctx.words["downstream"])), ctx.words["negations"]
    for name in names:
        for clause in re.split(r"[.;:!?]", (getattr(row, name, None) or "").lower()):
            if wanted.search(clause) and not mentions(clause, negations):
                return True
    return False
