"""Writing output files safely: atomic replace, and text that spreadsheets never run as formulas."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


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
