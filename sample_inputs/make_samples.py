"""Write the three sample workbooks from the content in sample_inputs/samples/.

Run from the repository root:

    python sample_inputs/make_samples.py

Each company module gives FILENAME, FIELDS (field/value sheets) and ROWS (row sheets). The
workbook starts from the blank template (`esrs_s3.template.build_template`), so it has the
README sheet, drop-downs and input messages a user would get. Output is byte-for-byte
reproducible (`esrs_s3.fileio.save_xlsx` pins the timestamps openpyxl takes from the clock).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from openpyxl import Workbook

from esrs_s3.fileio import save_xlsx
from esrs_s3.template import build_template, fill_template

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # also importable as a module, e.g. from tests
    sys.path.insert(0, str(HERE))

from samples import defence, mining, telecom  # noqa: E402

COMPANIES = (defence, telecom, mining)
FIXED_TIME = dt.datetime(2026, 1, 1)


def build(company) -> Workbook:
    """The filled workbook for one company module."""
    book = fill_template(build_template(), fields=company.FIELDS, rows=company.ROWS)
    book.properties.creator = "esrs-s3 sample generator"
    book.properties.lastModifiedBy = "esrs-s3 sample generator"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    return book


def write_sample(company, directory: Path = HERE) -> Path:
    book = build(company)
    target = directory / company.FILENAME
    return save_xlsx(book, target, FIXED_TIME)


def main() -> int:
    for company in COMPANIES:
        path = write_sample(company)
        impacts = len(company.ROWS["Impacts"])
        print(f"wrote {path} ({impacts} IROs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
