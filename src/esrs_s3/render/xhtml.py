"""Render the statement document as Inline XBRL 1.1 XHTML (one template set, autoescaped)."""

from __future__ import annotations

from functools import cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from esrs_s3.render.document import Document
from esrs_s3.resources import templates_dir


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(templates_dir() / "statement")),
        autoescape=True,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def render_xhtml(document: Document) -> bytes:
    """The statement as UTF-8 XHTML with Inline XBRL markup."""
    text = environment().get_template("statement.xhtml.j2").render(doc=document)
    return text.encode("utf-8")
