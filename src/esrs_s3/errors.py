"""Exceptions of esrs-s3. Data problems are `Issue` records; exceptions mean work cannot go on.

EsrsS3Error
├── UnreadableWorkbook   the file is not a workbook we can read at all (CLI exit code 2)
└── TaxonomyNotFound     the XBRL taxonomy package is missing or unusable (CLI exit code 2)
"""

from __future__ import annotations


class EsrsS3Error(Exception):
    """Base class of every error esrs-s3 raises on purpose."""


class UnreadableWorkbook(EsrsS3Error):
    """The input is not an .xlsx workbook that can be read safely (missing, damaged, too big...)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class TaxonomyNotFound(EsrsS3Error):
    """The EFRAG taxonomy package is not given, does not exist or cannot be used by Arelle."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class BrokenRulebook(EsrsS3Error):
    """A rulebook's data names a section, condition, derivation or table that does not exist."""

    def __init__(self, rulebook_id: str, problems: list[str]) -> None:
        shown = "; ".join(problems[:5]) + (
            f"; and {len(problems) - 5} more" if len(problems) > 5 else ""
        )
        super().__init__(f"rulebook {rulebook_id}: {shown}")
        self.problems = problems
