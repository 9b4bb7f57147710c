"""Rulebooks: versioned regulatory content in `datapoints/<id>/`.

The rulebooks are the folders of `datapoints/` that hold a `rulebook.toml`; the default one
(used when a workbook names none) is the one whose `rulebook.toml` says `default = true`.
No rulebook id is written in the code.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict

from esrs_s3.errors import EsrsS3Error
from esrs_s3.resources import data_path, extended, load_toml, rulebook_folders

if TYPE_CHECKING:
    from esrs_s3.models import Workbook


class UnknownRulebook(EsrsS3Error):
    """A rulebook id (`--rulebook`, a form field) that names no folder of `datapoints/`."""

    def __init__(self, rulebook_id: str, known: tuple[str, ...]) -> None:
        super().__init__(
            f"unknown rulebook {rulebook_id!r}; the rulebooks are: {', '.join(known) or 'none'}"
        )
        self.rulebook_id = rulebook_id
        self.known = known


class Rulebook(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    title: str
    legal_act: str
    taxonomy_version: str
    taxonomy_namespace: str
    taxonomy_entry_point: str
    typed_domain: str  # the element of the typed axes' values
    sub_topics: dict[str, tuple[str, ...]]
    other_sub_sub_topic: str
    default: bool = False
    # the financial years (by their first day) the rulebook may be applied to, and those for
    # which it is the one used when a workbook names none; blank = no bound
    may_apply_from: dt.date | None = None
    may_apply_until: dt.date | None = None
    default_from: dt.date | None = None
    default_until: dt.date | None = None
    period_basis: str = ""  # the law that sets these dates, in words, for messages
    extends: str = ""  # a rulebook whose files it shares where it has none of its own
    reliefs_basis: str = ""  # the law that grants its reliefs (reliefs.toml), in words

    def fits(self, sub_topic: str, sub_sub_topic: str) -> bool:
        """Whether a sub-sub-topic belongs to a sub-topic (`other` fits every sub-topic)."""
        return sub_sub_topic == self.other_sub_sub_topic or sub_sub_topic in self.sub_topics.get(
            sub_topic, ()
        )

    def may_apply(self, year_start: dt.date) -> bool:
        """Whether the rulebook may be applied to a financial year beginning `year_start`."""
        return _within(year_start, self.may_apply_from, self.may_apply_until)

    def default_for(self, year_start: dt.date) -> bool:
        """Whether it is the rulebook of a workbook that names none, for that year (never for
        a rulebook that gives no default years: a variant such as the 2023 set with reliefs)."""
        if self.default_from is None and self.default_until is None:
            return False
        return _within(year_start, self.default_from, self.default_until)

    def years(self) -> str:
        """The financial years it may be applied to, in words."""
        start, until = self.may_apply_from, self.may_apply_until
        if start and until:
            return f"financial years beginning from {start} to {until}"
        if start:
            return f"financial years beginning on or after {start}"
        return f"financial years beginning on or before {until}" if until else "any year"

    @property
    def sub_sub_topics(self) -> tuple[str, ...]:
        names = [name for names in self.sub_topics.values() for name in names]
        return (*names, self.other_sub_sub_topic)


def _within(day: dt.date, first: dt.date | None, last: dt.date | None) -> bool:
    return (first is None or day >= first) and (last is None or day <= last)


def rulebook_for_period(year_start: dt.date) -> str | None:
    """The rulebook of a workbook that names none: the one whose default years hold the
    financial year beginning `year_start` (None when no installed rulebook's do)."""
    found = [r for r in available_rulebooks() if load_rulebook(r).default_for(year_start)]
    return found[0] if len(found) == 1 else None


def available_rulebooks() -> tuple[str, ...]:
    return tuple(sorted(folder.name for folder in rulebook_folders()))


@cache
def default_rulebook() -> str:
    """The id of the one rulebook whose `rulebook.toml` says `default = true`."""
    defaults = [r for r in available_rulebooks() if load_toml(f"{r}/rulebook.toml").get("default")]
    if len(defaults) != 1:
        found = ", ".join(defaults) or "none"
        raise FileNotFoundError(
            f"esrs-s3 data: exactly one datapoints/<rulebook>/rulebook.toml must say "
            f"default = true (found: {found}; broken installation)"
        )
    return defaults[0]


DEFAULT_RULEBOOK = default_rulebook()


def check_rulebook(rulebook_id: str) -> str:
    """`rulebook_id` if it is a shipped rulebook, else UnknownRulebook naming the known ones."""
    known = available_rulebooks()
    if rulebook_id not in known:
        raise UnknownRulebook(rulebook_id, known)
    return rulebook_id


# What a rulebook that extends another says for itself; the rest (its taxonomy) it takes over.
OWN = ("id", "title", "legal_act", "default", "period_basis", "reliefs_basis", "extends")
OWN_PREFIXES = ("may_apply_", "default_")


class Relief(BaseModel):
    """A relief or option a rulebook lets the undertaking use (`reliefs.toml`), named on the
    Undertaking sheet's `reliefs_used` by its key; `member` tags it (BP-1) where the taxonomy
    lists it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    key: str
    name: str
    paragraph: str
    member: str = ""


@cache
def load_reliefs(rulebook_id: str) -> tuple[Relief, ...]:
    """The reliefs a rulebook allows (none when it has no reliefs.toml)."""
    if not data_path(f"{rulebook_id}/reliefs.toml").is_file():
        return ()
    return tuple(
        Relief.model_validate(r) for r in load_toml(f"{rulebook_id}/reliefs.toml")["reliefs"]
    )


def reliefs_named(rulebook_id: str, keys: tuple[str, ...]) -> list[Relief]:
    """The rulebook's reliefs among `keys` (Undertaking `reliefs_used`), in its order."""
    return [r for r in load_reliefs(rulebook_id) if r.key in keys]


def _meta(rulebook_id: str) -> dict:
    meta = dict(load_toml(f"{rulebook_id}/rulebook.toml"))
    parent = extended(rulebook_id)
    if not parent:
        return meta
    inherited = {
        k: v for k, v in _meta(parent).items() if k not in OWN and not k.startswith(OWN_PREFIXES)
    }
    return {**inherited, **meta}


@cache
def load_rulebook(rulebook_id: str = DEFAULT_RULEBOOK) -> Rulebook:
    check_rulebook(rulebook_id)
    meta = _meta(rulebook_id)
    topics = load_toml(f"{rulebook_id}/topics.toml")
    return Rulebook(
        **meta,
        sub_topics={t["name"]: tuple(t["sub_sub_topics"]) for t in topics["sub_topics"]},
        other_sub_sub_topic=topics["other"],
    )


def entry_points(rulebook_id: str | None = None) -> dict[str, str]:
    """Taxonomy entry point -> rulebook id: of `rulebook_id`, or of every shipped rulebook."""
    ids = (check_rulebook(rulebook_id),) if rulebook_id else available_rulebooks()
    # a rulebook that extends another shares its entry point: the file is the parent's kind
    return {load_rulebook(r).taxonomy_entry_point: extended(r) or r for r in ids}


def rulebook_used(book: Workbook, rulebook_id: str | None = None) -> str:
    """The rulebook a workbook is assessed under: `rulebook_id` (`--rulebook`) if given, else
    its Undertaking's `rulebook` field, else the default."""
    if rulebook_id:
        return check_rulebook(rulebook_id)
    return book.undertaking.rulebook if book.undertaking else DEFAULT_RULEBOOK


def chosen_by(book: Workbook, requested: str | None = None) -> str:
    """Why the workbook is assessed under its rulebook: `--rulebook`, the Undertaking cell that
    names it, or the default for its period."""
    if requested:
        return "--rulebook"
    u = book.undertaking
    if u is None:
        return "the default rulebook"
    if u.rulebook_for_period:
        return f"the rulebook for a financial year beginning {u.period_start}"
    return f"named in {u.cells['rulebook']}" if "rulebook" in u.cells else "named in the workbook"


def with_rulebook(book: Workbook, rulebook_id: str | None) -> Workbook:
    """The workbook with its Undertaking's rulebook replaced by `rulebook_id` (`--rulebook`).

    `read_workbook(path, rulebook=...)` already reads the sheets under it; this applies it to
    a workbook read before (the library's callers).
    """
    if not rulebook_id:
        return book
    check_rulebook(rulebook_id)
    if book.undertaking is None:
        if rulebook_id == DEFAULT_RULEBOOK:
            return book
        raise EsrsS3Error(
            f"--rulebook {rulebook_id}: the workbook has no Undertaking sheet to apply it to"
        )
    if book.undertaking.rulebook == rulebook_id:
        return book
    undertaking = book.undertaking.model_copy(update={"rulebook": rulebook_id})
    return book.model_copy(update={"undertaking": undertaking})
