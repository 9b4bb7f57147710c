"""The statement as a document model: sections of blocks whose runs are text or facts.

The mapping stage builds it; one template set renders it as Inline XBRL XHTML, and the PDF is
printed from that XHTML, so the two cannot disagree.
"""

from __future__ import annotations

from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict

from esrs_s3.disclose.facts import Context, Fact


class Run(BaseModel):
    """Inline content: plain text, or the id of a fact shown at this place."""

    model_config = ConfigDict(frozen=True)

    text: str = ""
    fact: str | None = None
    href: str | None = None  # the anchor of a section the text links to (a page in the PDF)


class Block(BaseModel):
    """A paragraph, a tagged text block, a table, a figure or a boxed note."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["paragraph", "textblock", "table", "figure", "note"]
    runs: tuple[Run, ...] = ()
    fact: str | None = None  # textblock: the fact whose paragraphs are shown
    headers: tuple[str, ...] = ()
    rows: tuple[tuple[tuple[Run, ...], ...], ...] = ()
    image: str | None = None  # figure: a data: URI
    caption: str = ""
    caption_runs: tuple[Run, ...] = ()  # a caption that shows facts (an item's id and name)
    css: str = ""


class Section(BaseModel):
    model_config = ConfigDict(frozen=True)

    anchor: str
    title: str
    level: int = 2
    blocks: tuple[Block, ...] = ()


class Document(BaseModel):
    model_config = ConfigDict(frozen=True)

    title: str
    undertaking: str
    lei: str
    period_start: str
    period_end: str
    currency: str
    language: str
    entry_point: str
    namespace: str
    typed_domain: str  # the element that holds a typed-axis value (the taxonomy's typed domain)
    sections: tuple[Section, ...]
    contexts: tuple[Context, ...]
    facts: tuple[Fact, ...]
    units: tuple[tuple[str, str], ...]  # (id, measure QName)
    provenance: tuple[tuple[str, str], ...]  # a line at the end: input SHA-256, rulebook...
    generator: str = ""  # the tool and its version, in the XHTML metadata (and the manifest)
    draft: str = ""  # what keeps the statement a draft ("12 mandatory datapoints missing, ...")

    @cached_property
    def _facts_by_id(self) -> dict[str, Fact]:
        return {fact.id: fact for fact in self.facts}

    def fact(self, fact_id: str) -> Fact:
        return self._facts_by_id[fact_id]
