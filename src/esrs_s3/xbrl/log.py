"""The Arelle validation log of a build: statement.xhtml and the report package, as text."""

from __future__ import annotations

import tempfile
from pathlib import Path

from esrs_s3.xbrl.verify import verify_files

LOG = "arelle-validation.log"


def arelle_log_files(files: dict[str, bytes], taxonomy: Path) -> dict[str, bytes]:
    """Validate the statement and the report package; return {LOG: text}."""
    with tempfile.TemporaryDirectory(prefix="esrs-s3-verify-") as folder:
        paths = []
        for name in ("statement.xhtml", "report-package.zip"):
            path = Path(folder) / name
            path.write_bytes(files[name])
            paths.append(path)
        reports = verify_files(paths, taxonomy)
        lines = [f"Arelle validation against {taxonomy.name} (offline, formulas off)"]
        for report in reports:
            lines.append(
                f"{report.file.name}: {len(report.errors)} errors, {len(report.warnings)} warnings"
            )
            lines += [f"  {message}" for message in (*report.errors, *report.warnings)]
    return {LOG: ("\n".join(lines) + "\n").encode("utf-8")}
