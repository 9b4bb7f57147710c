"""esrs-s3: from a company's spreadsheets to its ESRS S3 "Affected communities" statement."""

from importlib.metadata import PackageNotFoundError, version

from esrs_s3.errors import EsrsS3Error, UnreadableWorkbook
from esrs_s3.ingest import Limits, ReadResult, read_workbook
from esrs_s3.issues import Issue, Severity

try:
    __version__ = version("esrs-s3")
except PackageNotFoundError:  # running from a checkout without installation
    __version__ = "0.0.0+unknown"

__all__ = [
    "EsrsS3Error",
    "Issue",
    "Limits",
    "ReadResult",
    "Severity",
    "UnreadableWorkbook",
    "__version__",
    "read_workbook",
]
