"""XBRL facts and contexts as plain data, before any markup is written.

A `Fact` names its concept, its context (explicit and typed dimension members), its unit and
how its value is shown. Contexts and facts are numbered in the order they are first needed,
so the same workbook always gives the same ids.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

FactKind = Literal[
    "text",
    "textblock",
    "boolean",
    "enumeration",
    "monetary",
    "decimal",
    "integer",
    "percent",
    "year",
    "date",
]
_NOT_NCNAME = re.compile(r"[^A-Za-z0-9_.-]")


class Context(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    explicit: tuple[tuple[str, str], ...] = ()  # (dimension, member) QNames
    typed: tuple[tuple[str, str], ...] = ()  # (dimension, identifier)
    instant: bool = False  # at the period's end, for a concept of period type instant


class Fact(BaseModel):
    """One tagged value. `shown` is the visible text; `value` the XBRL value when it differs
    (enumeration URIs, booleans). `datapoint` is the catalogue id it discloses."""

    model_config = ConfigDict(frozen=True)

    id: str
    concept: str
    context: str
    kind: FactKind
    shown: str
    value: str | None = None
    unit: str | None = None
    decimals: str | None = None
    datapoint: str | None = None
    sources: tuple[str, ...] = ()
    hidden: bool = False  # tagged in ix:hidden; `shown` is the visible wording (names for ids)
    # phrases of a text block that link to a section of the statement: (phrase, anchor)
    links: tuple[tuple[str, str], ...] = ()

    @property
    def anchor(self) -> str:
        """Where a reader finds the fact in the statement: a fact tagged in ix:hidden is
        found at the visible words that stand for it."""
        return f"{self.id}-shown" if self.hidden else self.id

    def segments(self, paragraph: str) -> list[tuple[str, str | None]]:
        """A paragraph of a text block as (text, anchor) pieces: the phrases of `links`
        link to their section; the texts joined are the paragraph unchanged."""
        if not self.links:
            return [(paragraph, None)]
        anchors = dict(self.links)
        pattern = "|".join(re.escape(p) for p in sorted(anchors, key=len, reverse=True))
        pieces: list[tuple[str, str | None]] = []
        at = 0
        for match in re.finditer(pattern, paragraph):
            if match.start() > at:
                pieces.append((paragraph[at : match.start()], None))
            pieces.append((match.group(), anchors[match.group()]))
            at = match.end()
        if at < len(paragraph):
            pieces.append((paragraph[at:], None))
        return pieces


def ncname(text: str) -> str:
    """An XML NCName built from arbitrary text (for ids)."""
    cleaned = _NOT_NCNAME.sub("_", text)
    return cleaned if cleaned[:1].isalpha() or cleaned[:1] == "_" else f"_{cleaned}"


class FactSet:
    """Collects contexts and facts with stable, unique ids."""

    def __init__(self) -> None:
        self.contexts: dict[tuple, Context] = {}
        self.facts: list[Fact] = []
        self._ids: set[str] = set()
        self._next: dict[str, int] = {}  # base id -> next number to try

    def context(
        self,
        explicit: tuple[tuple[str, str], ...] = (),
        typed: tuple[tuple[str, str], ...] = (),
        instant: bool = False,
    ) -> str:
        key = (tuple(sorted(explicit)), tuple(sorted(typed)), instant)
        if key not in self.contexts:
            label = "c" if not key[0] and not key[1] else f"c{len(self.contexts)}"
            label = f"i{label}" if instant else label
            if typed:
                label += "-" + ncname(typed[0][1])
            self.contexts[key] = Context(
                id=self._unique(label), explicit=key[0], typed=key[1], instant=instant
            )
        return self.contexts[key].id

    def add(self, **fields) -> Fact:
        base = ncname(f"f-{fields.get('datapoint') or fields['concept'].split(':')[-1][:40]}")
        fact = Fact(id=self._unique(base), **fields)
        self.facts.append(fact)
        return fact

    def _unique(self, base: str) -> str:
        n = self._next.get(base, 1)
        candidate = base if n == 1 else f"{base}-{n}"
        while candidate in self._ids:
            n += 1
            candidate = f"{base}-{n}"
        self._next[base] = n + 1
        self._ids.add(candidate)
        return candidate
