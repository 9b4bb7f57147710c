"""The web app's private folder: one random folder per upload, kept for a limited time.

Layout (the folder and every result folder are mode 0700):

    <workdir>/<result id>/input/<uploaded name>.xlsx
    <workdir>/<result id>/out/statement.pdf, ...    (written by `build_statement`)

Result ids are `secrets.token_urlsafe(24)` (192 random bits, 32 characters). Only ids that
match `RESULT_ID` and that this process created are ever turned into paths, and files are
served only by the names in `OUTPUT_NAMES`: no text from a request reaches the file system.
A result is removed `retention_seconds` after its upload (checked on every access, on every
upload and periodically); folders older than that which an earlier server left are removed
at startup, and a server removes its own results when it stops.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import stat
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from esrs_s3.errors import EsrsS3Error

DEFAULT_RETENTION_SECONDS = 3600
RESULT_ID = re.compile(r"[A-Za-z0-9_-]{32}")
# Everything `build_statement(..., pack=True)` writes, and nothing else, can be downloaded.
OUTPUT_NAMES = (
    "statement.pdf",
    "statement.xhtml",
    "report-package.zip",
    "coverage.xlsx",
    "coverage.csv",
    "coverage.html",
    "gaps.xlsx",
    "gaps.json",
    "gaps.html",
    "gaps.pdf",
    "manifest.json",
    "assessment.xlsx",
    "matrix.svg",
    "matrix.png",
    "assurer-pack.zip",
)


class WorkdirError(EsrsS3Error):
    """The private folder cannot be used safely (not ours, a symlink, not a folder)."""


def default_workdir() -> Path:
    """A per-user folder under the system's temporary folder (so a restarted server finds and
    removes what an earlier one left)."""
    return Path(tempfile.gettempdir()) / f"esrs-s3-web-{os.getuid()}"


def _private_folder(path: Path) -> Path:
    """Create `path` with mode 0700, or check that an existing one is a real folder of ours."""
    with contextlib.suppress(FileExistsError):
        path.mkdir(mode=0o700, parents=False)
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise WorkdirError(f"{path} is not a folder (refusing a symlink or a file)")
    if info.st_uid != os.getuid():
        raise WorkdirError(f"{path} belongs to another user")
    os.chmod(path, 0o700)
    return path


@dataclass
class Entry:
    """One upload: its folder, its original file name, and the result once built."""

    id: str
    folder: Path
    created: float
    filename: str = ""
    result: Any = None  # the view of the build (see views.result_view); None until built

    @property
    def input_dir(self) -> Path:
        return self.folder / "input"

    @property
    def output_dir(self) -> Path:
        return self.folder / "out"


@dataclass
class Store:
    """The private folder and the results this process built, by id."""

    root: Path
    retention_seconds: float = DEFAULT_RETENTION_SECONDS
    entries: dict[str, Entry] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def open(cls, workdir: Path | None, retention_seconds: float) -> Store:
        root = _private_folder(Path(workdir) if workdir else default_workdir())
        store = cls(root=root, retention_seconds=retention_seconds)
        store.cleanup()
        return store

    def create(self) -> Entry:
        """A new upload with its own random folder (never shared with another upload)."""
        while True:
            rid = secrets.token_urlsafe(24)
            folder = self.root / rid
            try:
                folder.mkdir(mode=0o700)
                break
            except FileExistsError:  # pragma: no cover - 192 random bits
                continue
        (folder / "input").mkdir(mode=0o700)
        entry = Entry(id=rid, folder=folder, created=time.time())
        with self.lock:
            self.entries[rid] = entry
        return entry

    def get(self, rid: str) -> Entry | None:
        """The built result with this id, or None (unknown, malformed, expired or not built)."""
        if not RESULT_ID.fullmatch(rid):
            return None
        with self.lock:
            entry = self.entries.get(rid)
        if entry is None or entry.result is None:
            return None
        if self._expired(entry.created):
            self.discard(entry)
            return None
        return entry

    def file(self, entry: Entry, name: str) -> Path | None:
        """The path of an output by its allow-listed name, or None."""
        if name not in OUTPUT_NAMES:
            return None
        path = entry.output_dir / name
        return path if path.is_file() else None

    def discard(self, entry: Entry) -> None:
        with self.lock:
            self.entries.pop(entry.id, None)
        shutil.rmtree(entry.folder, ignore_errors=True)

    def _expired(self, created: float) -> bool:
        return time.time() - created >= self.retention_seconds

    def cleanup(self) -> list[str]:
        """Remove expired results and any result folder older than the retention time."""
        removed = []
        with self.lock:
            expired = [e for e in self.entries.values() if self._expired(e.created)]
        for entry in expired:
            self.discard(entry)
            removed.append(entry.id)
        for child in self.root.iterdir():
            if not RESULT_ID.fullmatch(child.name) or child.name in self.entries:
                continue
            try:
                info = child.lstat()
            except FileNotFoundError:
                continue
            if stat.S_ISDIR(info.st_mode) and self._expired(info.st_mtime):
                shutil.rmtree(child, ignore_errors=True)
                removed.append(child.name)
        return removed

    def close(self) -> None:
        """Remove every result of this process (the server stops)."""
        with self.lock:
            entries = list(self.entries.values())
        for entry in entries:
            self.discard(entry)
