"""Ingest stage: read an input workbook safely and validate it cell by cell."""

from esrs_s3.ingest.package import Limits
from esrs_s3.ingest.reader import ReadResult, read_workbook

__all__ = ["Limits", "ReadResult", "read_workbook"]
