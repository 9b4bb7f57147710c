"""Print the Inline XBRL XHTML to PDF with WeasyPrint: the PDF is the same document.

The PDF is PDF/A-3b with the XHTML attached, its fonts embedded and its text extractable.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
import logging

from esrs_s3.errors import EsrsS3Error


class PdfError(EsrsS3Error):
    """WeasyPrint could not be loaded or could not print the statement."""


def render_pdf(xhtml: bytes, stamp: dt.datetime, attachment_name: str = "statement.xhtml") -> bytes:
    """PDF bytes; `stamp` dates the attachment instead of the clock (same input, same bytes)."""
    return printed_pdf(xhtml, stamp, attachment_name)[0]


def printed_pdf(
    xhtml: bytes, stamp: dt.datetime, attachment_name: str | None = "statement.xhtml"
) -> tuple[bytes, int]:
    """The PDF bytes of `render_pdf` and its number of pages."""
    try:
        from weasyprint import HTML, Attachment
    except OSError as exc:  # Pango and friends missing: scripts/install-system-deps
        raise PdfError(
            f"WeasyPrint cannot start ({exc}); run scripts/install-system-deps"
        ) from None
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document = HTML(string=xhtml.decode("utf-8"), base_url=None)
    attachments = (
        []
        if attachment_name is None
        else [
            Attachment(
                string=xhtml,
                name=attachment_name,
                description="Inline XBRL",
                created=stamp,
                modified=stamp,
            )
        ]
    )
    buffer = io.BytesIO()
    options = {"pdf_variant": "pdf/a-3b", "attachments": attachments, "uncompressed_pdf": False}
    gc.freeze()  # the objects made so far are not WeasyPrint's: its collections skip them
    try:
        rendered = document.render(**options)  # what HTML.write_pdf does, keeping the pages
        rendered.write_pdf(buffer, **options)
    finally:
        gc.unfreeze()
    return buffer.getvalue(), len(rendered.pages)
