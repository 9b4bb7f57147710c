"""The rulebook's own statement wording: Jinja templates in `templates/statement/<rulebook>/`
(or the rulebook folder's `templates/`), rendered with the statement's inputs. A blank line
separates paragraphs; the text is escaped when the XHTML is rendered, not here."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template, TemplateNotFound

from esrs_s3.disclose import text
from esrs_s3.errors import BrokenRulebook
from esrs_s3.render.document import Block, Run
from esrs_s3.resources import rulebook_templates
from esrs_s3.rulebook import available_rulebooks, load_rulebook, reliefs_named
from esrs_s3.scope import outside_scope

if TYPE_CHECKING:  # Inputs needs the narratives and the wording at import
    from esrs_s3.disclose.inputs import Inputs

_PARAGRAPHS = re.compile(r"\n[ \t]*\n")


@cache
def environment(rulebook_id: str) -> Environment:
    env = Environment(
        loader=FileSystemLoader([str(f) for f in rulebook_templates(rulebook_id)]),
        autoescape=False,  # plain text for Runs: the XHTML template escapes it
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.globals.update(
        count=text.count, listing=text.listing, sentence=text.sentence, number=text.number_text
    )
    env.filters["g"] = lambda value: f"{value:g}"
    return env


def template(rulebook_id: str, name: str) -> Template:
    """The rulebook's template `<name>.j2`; a rulebook without it is refused, naming it."""
    try:
        return environment(rulebook_id).get_template(f"{name}.j2")
    except TemplateNotFound:
        folders = ", ".join(str(f) for f in rulebook_templates(rulebook_id))
        raise BrokenRulebook(
            rulebook_id, [f"its statement wording needs the template {name}.j2 in {folders}"]
        ) from None


class Macros:
    """The macros of a rulebook's template, fetched once for code that calls them per row; a
    macro the template lacks is refused naming it (BrokenRulebook), as `say` refuses it."""

    def __init__(self, rulebook_id: str, name: str) -> None:
        self._rulebook, self._name = rulebook_id, name
        self._module = template(rulebook_id, name).module

    def __getattr__(self, macro: str) -> Callable[..., object]:
        found = getattr(self._module, macro, None)
        if found is None:
            raise BrokenRulebook(
                self._rulebook, [f"its template {self._name}.j2 has no macro {macro}"]
            )
        return found


def paragraphs(data: Inputs, name: str) -> list[str]:
    """The paragraphs of template `<name>.j2`, whitespace collapsed."""
    rulebook = load_rulebook(data.assessment.rulebook)
    u = data.workbook.undertaking
    rendered = template(rulebook.id, name).render(
        undertaking=u,
        workbook=data.workbook,
        assessment=data.assessment,
        regime=data.regime,
        rulebook=rulebook,
        reliefs=reliefs_named(rulebook.id, u.reliefs_used) if u else [],
        voluntary=outside_scope(u.employees, u.net_turnover, u.currency) if u else "",
        versions=[
            r for r in available_rulebooks() if u and load_rulebook(r).may_apply(u.period_start)
        ],
    )
    return split(rendered)


def split(rendered: str) -> list[str]:
    """Rendered wording as paragraphs (a blank line separates them), whitespace collapsed."""
    parts = (" ".join(p.split()) for p in _PARAGRAPHS.split(rendered))
    return [p for p in parts if p]


def say(data: Inputs, name: str, macro: str, /, **values: object) -> list[str]:
    """The paragraphs of macro `macro` of the rulebook's template `<name>.j2`."""
    return said(data.assessment.rulebook, name, macro, **values)


def said(rulebook: str, name: str, macro: str, /, **values: object) -> list[str]:
    """`say` for code that knows the rulebook but not the statement's inputs."""
    return split(str(getattr(Macros(rulebook, name), macro)(**values)))


def line(data: Inputs, name: str, macro: str, /, **values: object) -> str:
    """Macro `macro` of the rulebook's template `<name>.j2` as one line of text (a sentence or
    a piece of one), whitespace collapsed; "" when the macro says nothing."""
    return " ".join(say(data, name, macro, **values))


def blocks(data: Inputs, name: str) -> list[Block]:
    """A template's paragraphs as untagged paragraphs of the statement."""
    return [Block(kind="paragraph", runs=(Run(text=p),)) for p in paragraphs(data, name)]


def text_unused(data: Inputs, note: str) -> str:
    """A status note, and that the Narratives text the workbook gives is not used."""
    return f"{note}; {line(data, 'notes', 'text_unused')}"


def phrase(data: Inputs, key: str) -> str:
    """One fixed phrase of the rulebook's `words.j2` (a lead, a question, a caption)."""
    return say(data, "words", "phrase", key=key)[0]
