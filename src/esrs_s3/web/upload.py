"""Receive one multipart upload by streaming it straight into the upload's private folder.

Starlette's own form parser would spool large files into the system's temporary folder; this
one writes the workbook only under the upload's folder and stops as soon as a limit is passed:
the file size limit (the CLI's, 50 MB by default), a small limit for the other fields, and a
cap on the whole request body.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

FILE_FIELD = "workbook"
THRESHOLD_FIELDS = ("impact_threshold", "financial_threshold")  # as `--set NAME=VALUE`
RULEBOOK_FIELD = "rulebook"  # optional, as `--rulebook ID`: else the workbook's rulebook
TEXT_FIELDS = (*THRESHOLD_FIELDS, RULEBOOK_FIELD)
MAX_FIELD_BYTES = 1024
MAX_PARTS = 8
BODY_OVERHEAD = 64 * 1024  # multipart headers and the text fields, beyond the file itself
MAX_NAME_CHARS = 120


class UploadRefused(Exception):
    """The request cannot be taken: HTTP `status` and a sentence for the user."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Upload:
    path: Path | None = None  # the stored workbook
    filename: str = ""  # its name as uploaded (for the page)
    fields: dict[str, str] = field(default_factory=dict)


def safe_name(filename: str) -> str:
    """The uploaded name reduced to a plain file name: letters, digits, `. _ -` and spaces.

    Raises UploadRefused unless it ends in `.xlsx` (the content is checked by the ingest
    stage)."""
    name = unicodedata.normalize("NFC", filename).replace("\\", "/").rsplit("/", 1)[-1].strip()
    if not name:
        raise UploadRefused(400, "Choose a workbook (.xlsx) to upload.")
    if not name.lower().endswith(".xlsx"):
        raise UploadRefused(400, "Only Excel workbooks (.xlsx) are accepted.")
    stem = name[: -len(".xlsx")]
    stem = "".join(c if c.isalnum() or c in "._- " else "_" for c in stem).strip(". ")
    return (stem[:MAX_NAME_CHARS] or "workbook") + ".xlsx"


class _Receiver:
    """Callbacks of python-multipart's streaming parser."""

    def __init__(self, folder: Path, max_file_bytes: int) -> None:
        self.folder = folder
        self.max_file_bytes = max_file_bytes
        self.upload = Upload()
        self.parts = 0
        self.header_name = b""
        self.header_value = b""
        self.disposition = b""
        self.name = ""
        self.is_file = False
        self.buffer = bytearray()
        self.handle = None
        self.size = 0
        self.ended = False

    def on_part_begin(self) -> None:
        self.parts += 1
        if self.parts > MAX_PARTS:
            raise UploadRefused(400, "The form has too many fields.")
        self.disposition, self.name, self.is_file = b"", "", False
        self.buffer = bytearray()

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self.header_name += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self.header_value += data[start:end]

    def on_header_end(self) -> None:
        if self.header_name.strip().lower() == b"content-disposition":
            self.disposition = self.header_value
        self.header_name, self.header_value = b"", b""

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self.disposition)
        self.name = options.get(b"name", b"").decode("utf-8", "replace")
        if b"filename" not in options:
            return
        if self.name != FILE_FIELD or self.upload.path is not None:
            raise UploadRefused(400, "Upload one workbook at a time.")
        self.is_file = True
        self.upload.filename = options[b"filename"].decode("utf-8", "replace")
        if not self.upload.filename:
            return  # the form was sent without a file: said after parsing
        name = safe_name(self.upload.filename)
        self.upload.path = self.folder / name
        descriptor = os.open(self.upload.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        self.handle = os.fdopen(descriptor, "wb")

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self.is_file:
            if self.handle is None:
                return
            self.size += end - start
            if self.size > self.max_file_bytes:
                raise UploadRefused(413, too_large(self.max_file_bytes))
            self.handle.write(data[start:end])
            return
        self.buffer += data[start:end]
        if len(self.buffer) > MAX_FIELD_BYTES:
            raise UploadRefused(400, "A form field is too long.")

    def on_part_end(self) -> None:
        if self.is_file:
            if self.handle is not None:
                self.handle.close()
                self.handle = None
        elif self.name in TEXT_FIELDS:
            self.upload.fields[self.name] = self.buffer.decode("utf-8", "replace").strip()

    def on_end(self) -> None:
        self.ended = True

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
            self.handle = None


def too_large(limit: int) -> str:
    return f"The file is larger than the {limit / (1024 * 1024):.3g} MB limit."


async def receive_upload(request: Request, folder: Path, max_file_bytes: int) -> Upload:
    """Stream the request's multipart body into `folder`; raise UploadRefused on any problem."""
    content_type, options = parse_options_header(request.headers.get("content-type", ""))
    if content_type != b"multipart/form-data" or not options.get(b"boundary"):
        raise UploadRefused(400, "Send the workbook with the upload form (multipart/form-data).")
    max_body = max_file_bytes + BODY_OVERHEAD
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise UploadRefused(400, "The request has an invalid Content-Length.")
        if int(declared) > max_body:
            raise UploadRefused(413, too_large(max_file_bytes))
    receiver = _Receiver(folder, max_file_bytes)
    callbacks = {
        name: getattr(receiver, name)
        for name in (
            "on_part_begin",
            "on_header_field",
            "on_header_value",
            "on_header_end",
            "on_headers_finished",
            "on_part_data",
            "on_part_end",
            "on_end",
        )
    }
    received = 0
    try:
        parser = MultipartParser(options[b"boundary"], callbacks)
        async for chunk in request.stream():
            received += len(chunk)
            if received > max_body:
                raise UploadRefused(413, too_large(max_file_bytes))
            parser.write(chunk)
        parser.finalize()
    except ValueError:  # python-multipart's parse errors (FormParserError is a ValueError)
        raise UploadRefused(400, "The upload is malformed (not a valid multipart form).") from None
    finally:
        receiver.close()
    if not receiver.ended:
        raise UploadRefused(400, "The upload is incomplete (the request ended too early).")
    if receiver.upload.path is None:
        raise UploadRefused(400, "Choose a workbook (.xlsx) to upload.")
    return receiver.upload
