"""Writing output files safely: atomic replace, and text that spreadsheets never run as formulas."""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from openpyxl import Workbook
from openpyxl.xml.functions import tostring

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
FIXED_TIME = dt.datetime(2026, 1, 1)  # stamped into xlsx files instead of the clock
_UMASK = os.umask(0)
os.umask(_UMASK)


@contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside `target`; it replaces `target` only if the block succeeds."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, 0o666 & ~_UMASK)  # mkstemp makes 0600; outputs are ordinary files
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def write_atomically(target: str | Path, write: Callable[[Path], None]) -> Path:
    with atomic_path(target) as temporary:
        write(temporary)
    return Path(target)


def csv_safe(text: str) -> str:
    """Prefix text that a spreadsheet would read as a formula with an apostrophe (CSV output)."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def xlsx_bytes(book: Workbook, when: dt.datetime = FIXED_TIME) -> bytes:
    """An openpyxl workbook as reproducible bytes: the document properties and every zip
    entry carry `when`, not the clock, so the same content gives the same bytes."""
    book.properties.created = when
    buffer = io.BytesIO()
    book.save(buffer)  # openpyxl sets properties.modified to the current time here
    book.properties.modified = when
    core = tostring(book.properties.to_tree())
    stamp = when.timetuple()[:6]
    output_buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer) as source,
        zipfile.ZipFile(output_buffer, "w", zipfile.ZIP_DEFLATED) as output,
    ):
        for entry in source.infolist():
            data = core if entry.filename == "docProps/core.xml" else source.read(entry)
            pinned = zipfile.ZipInfo(entry.filename, date_time=stamp)
            pinned.compress_type = zipfile.ZIP_DEFLATED
            pinned.create_system = 3
            pinned.external_attr = 0o644 << 16
            output.writestr(pinned, data)
    return output_buffer.getvalue()


def save_xlsx(book: Workbook, target: str | Path, when: dt.datetime = FIXED_TIME) -> Path:
    """Save an openpyxl workbook atomically and reproducibly (see `xlsx_bytes`)."""
    data = xlsx_bytes(book, when)
    return write_atomically(target, lambda path: path.write_bytes(data))


def zip_bytes(files: dict[str, bytes], when: dt.datetime = FIXED_TIME) -> bytes:
    """A zip of `files` (name -> bytes) with fixed timestamps, in the given order."""
    buffer = io.BytesIO()
    stamp = when.timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def write_files(directory: str | Path, files: dict[str, bytes]) -> list[Path]:
    """Write name -> bytes into `directory`, all or nothing (see `write_outputs`)."""
    return write_outputs(
        directory,
        {name: (lambda path, data=data: path.write_bytes(data)) for name, data in files.items()},
    )


def write_outputs(
    directory: str | Path, writers: dict[str, Callable[[Path], object]]
) -> list[Path]:
    """Write several files into `directory` all or nothing: each writer fills a path in a
    private temporary folder; only when all succeeded are the files moved into place."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".esrs-s3-", dir=directory))
    try:
        for name, write in writers.items():
            write(staging / name)
        targets = []
        for name in writers:
            os.chmod(staging / name, 0o666 & ~_UMASK)
            os.replace(staging / name, directory / name)
            targets.append(directory / name)
        return targets
    finally:
        for leftover in staging.iterdir():
            leftover.unlink()
        staging.rmdir()
