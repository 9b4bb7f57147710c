"""Command line: thin wrappers that call the library and format its results.

Exit codes: 0 clean (warnings allowed), 1 errors in the workbook, 2 the file cannot be read
or the command was used wrongly, 3 an internal error (a bug: please report it).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from esrs_s3 import __version__
from esrs_s3.assess import assess as assess_workbook
from esrs_s3.assess import parse_overrides
from esrs_s3.assess.outputs import assessment_files
from esrs_s3.assess.parameters import BadOverride
from esrs_s3.errors import EsrsS3Error
from esrs_s3.fileio import write_files
from esrs_s3.ingest import Limits, ReadResult, read_workbook
from esrs_s3.ingest.package import MB
from esrs_s3.issues import count_issues
from esrs_s3.rulebook import (
    UnknownRulebook,
    available_rulebooks,
    check_rulebook,
    chosen_by,
    rulebook_used,
    with_rulebook,
)
from esrs_s3.template import write_template
from esrs_s3.xbrl.verify import verify_files

EXIT_OK, EXIT_INVALID, EXIT_UNREADABLE, EXIT_BUG = 0, 1, 2, 3
DEFAULT_LIMITS = Limits()


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def format_text(result: ReadResult) -> str:
    """One line per issue, then a summary line."""
    lines = [f"{issue.severity.value}: {issue}  [{issue.code}]" for issue in result.issues]
    counts = count_issues(result.issues)
    summary = ", ".join([_plural(counts["error"], "error"), _plural(counts["warning"], "warning")])
    verdict = "valid" if result.ok else "NOT valid"
    lines.append(f"{result.path}: {verdict} ({summary})")
    return "\n".join(lines)


def _limits(max_file_mb: float, max_rows: int) -> Limits:
    return Limits(max_file_bytes=int(max_file_mb * MB), max_rows=max_rows)


limit_options = [
    click.option(
        "--max-file-mb",
        type=click.FloatRange(min=0.001),
        show_default=True,
        default=DEFAULT_LIMITS.max_file_bytes / MB,
        help="Refuse workbooks larger than this.",
    ),
    click.option(
        "--max-rows",
        type=click.IntRange(min=1),
        show_default=True,
        default=DEFAULT_LIMITS.max_rows,
        help="Refuse sheets with more data rows than this.",
    ),
]


set_option = click.option(
    "--set",
    "settings",
    multiple=True,
    metavar="NAME=VALUE",
    help="Override an assessment parameter (repeatable), e.g. --set impact_threshold=3.5.",
)


rulebook_option = click.option(
    "--rulebook",
    "rulebook_id",
    metavar="ID",
    default=None,
    help="Apply this rulebook (one of: "
    + ", ".join(available_rulebooks())
    + ") instead of the one the workbook names in Undertaking!rulebook: the sheets are "
    "checked and --set is read against it. Default: the workbook's, else the rulebook for "
    "the reporting period (each rulebook.toml says which financial years it applies to).",
)


def _check_rulebook(rulebook_id: str | None) -> None:
    """An unknown --rulebook is a usage error (exit 2) naming the rulebooks, before any work."""
    if rulebook_id:
        try:
            check_rulebook(rulebook_id)
        except UnknownRulebook as exc:
            raise click.UsageError(f"--rulebook: {exc}") from None


def format_option(help_text: str):
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(["text", "json"]),
        default="text",
        show_default=True,
        help=help_text,
    )


def output_option(what: str):
    return click.option(
        "-o",
        "--output",
        "output",
        required=True,
        type=click.Path(file_okay=False, path_type=Path),
        help=f"Folder for {what} (created if needed).",
    )


def with_limits(function):
    for option in reversed(limit_options):
        function = option(function)
    return function


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="esrs-s3")
def cli() -> None:
    """Turn an input workbook into an ESRS S3 "Affected communities" statement."""


@cli.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
def template(path: Path, force: bool) -> None:
    """Write a blank input workbook with every sheet, drop-downs and a README sheet.

    Example: esrs-s3 template my-company.xlsx
    """
    if path.exists() and not force:
        raise click.UsageError(f"{path} exists; use --force to overwrite it")
    write_template(path)
    click.echo(f"wrote {path}")


@cli.command()
@click.argument("workbook", type=click.Path(path_type=Path))
@format_option("Findings as text lines or as one JSON document.")
@rulebook_option
@with_limits
def validate(
    workbook: Path, output_format: str, rulebook_id: str | None, max_file_mb: float, max_rows: int
) -> None:
    """Check WORKBOOK against the input contract and list every problem with its cell.

    Exit code 0 when valid (warnings allowed), 1 with errors, 2 when unreadable.

    Example: esrs-s3 validate sample_inputs/defence_manufacturer.xlsx --format json
    """
    _check_rulebook(rulebook_id)
    try:
        result = read_workbook(workbook, _limits(max_file_mb, max_rows), rulebook_id)
    except EsrsS3Error as exc:
        if output_format == "json":
            click.echo(
                json.dumps(
                    {"ok": False, "readable": False, "file": str(workbook), "error": str(exc)},
                    indent=2,
                )
            )
        else:
            click.echo(f"esrs-s3: cannot read {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
    if output_format == "json":
        click.echo(json.dumps({"readable": True, **result.to_dict()}, indent=2, ensure_ascii=False))
    else:
        click.echo(format_text(result))
    sys.exit(EXIT_OK if result.ok else EXIT_INVALID)


@cli.command()
@click.argument("workbook", type=click.Path(path_type=Path))
@output_option("assessment.xlsx, matrix.svg and matrix.png")
@set_option
@rulebook_option
@with_limits
def assess(
    workbook: Path,
    output: Path,
    settings: tuple[str, ...],
    rulebook_id: str | None,
    max_file_mb: float,
    max_rows: int,
) -> None:
    """Assess double materiality of every IRO in WORKBOOK and write the results to a folder.

    The workbook is validated first; with any error nothing is written (exit code 1).

    Example: esrs-s3 assess sample_inputs/mining_company.xlsx -o out --set impact_threshold=3.5
    """
    _check_rulebook(rulebook_id)
    try:
        result = read_workbook(workbook, _limits(max_file_mb, max_rows), rulebook_id)
    except EsrsS3Error as exc:
        click.echo(f"esrs-s3: cannot read {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
    if not result.ok:
        click.echo(format_text(result))
        click.echo("esrs-s3: the workbook has errors; nothing was assessed", err=True)
        sys.exit(EXIT_INVALID)
    try:
        book = with_rulebook(result.workbook, rulebook_id)
        overrides = parse_overrides(list(settings), rulebook_used(book))
    except EsrsS3Error as exc:
        raise click.UsageError(str(exc)) from None
    assessment = assess_workbook(book, overrides)
    for path in write_files(output, assessment_files(assessment)):
        click.echo(f"wrote {path}")
    click.echo(f"rulebook: {assessment.rulebook} ({chosen_by(book, rulebook_id)})")
    material = len(assessment.material_iros)
    click.echo(
        f"{material} of {len(assessment.iros)} IROs material; S3 material: "
        f"{'yes' if assessment.s3_material else 'no'}; "
        f"{len(assessment.uncovered_sales)} screened sales above the threshold with no IRO"
    )


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--taxonomy",
    type=click.Path(dir_okay=False, path_type=Path),
    multiple=True,
    help="An EFRAG taxonomy package (.zip); repeat it for a taxonomy and its helper packages "
    "(the draft revised-ESRS taxonomy needs two); default: $ESRS_S3_TAXONOMY.",
)
@click.option(
    "--rulebook",
    "rulebook_id",
    metavar="ID",
    default=None,
    help="Accept only this rulebook's taxonomy entry point (its rulebook.toml); default: the "
    "entry point of any rulebook (" + ", ".join(available_rulebooks()) + ").",
)
@click.option("--esef", is_flag=True, help="Also apply the ESEF filing rules (report packages).")
@click.option(
    "--formulas",
    is_flag=True,
    help="Also run EFRAG's formula rules: their completeness checks report, as errors, the "
    "Appendix B datapoints the document does not tag (message:ea_eu_tags_N).",
)
@format_option("Findings as text lines or as one JSON document.")
def verify(
    files: tuple[Path, ...],
    taxonomy: tuple[Path, ...],
    rulebook_id: str | None,
    esef: bool,
    formulas: bool,
    output_format: str,
) -> None:
    """Validate Inline XBRL files or report packages with Arelle, offline, against the taxonomy.

    Exit code 0 when no file has an error, 1 when any has, 2 when the taxonomy package or a
    file is missing. Each file takes a few seconds (Arelle loads the taxonomy for each).
    A schemaRef must name the taxonomy entry point of a rulebook (taxonomy_entry_point in
    each rulebook.toml); the document's concepts are checked against that entry point.

    Example: esrs-s3 verify out/statement.xhtml --taxonomy esrs-set1-2023-12-22.zip

    A revised-ESRS statement: --taxonomy revised-esrs-draft-2026-08-30.zip --taxonomy
    helper-xbrl-int-country.zip --taxonomy helper-nace-2026-05-01-STUB.zip
    """
    _check_rulebook(rulebook_id)
    try:
        reports = verify_files(
            list(files), taxonomy or None, esef=esef, formulas=formulas, rulebook=rulebook_id
        )
    except EsrsS3Error as exc:
        click.echo(f"esrs-s3: cannot verify: {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
    ok = all(report.ok for report in reports)
    if output_format == "json":
        document = {"ok": ok, "files": [report.to_dict() for report in reports]}
        click.echo(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        click.echo("\n".join(report.to_text() for report in reports))
    sys.exit(EXIT_OK if ok else EXIT_INVALID)


@cli.command()
@click.argument("workbook", type=click.Path(path_type=Path))
@output_option("the statement, its PDF, the report package and the review files")
@set_option
@rulebook_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["auto", "text", "json"]),
    default="auto",
    show_default=True,
    help="auto: progress and a summary on a terminal, one JSON document when piped.",
)
@click.option("--pack", is_flag=True, help="Also write assurer-pack.zip (see README).")
@click.option(
    "--final",
    is_flag=True,
    help="Refuse to build a draft: exit 1, listing what is open, while a mandatory datapoint "
    "is missing or an error-level disclosure gap is open.",
)
@click.option(
    "--taxonomy",
    type=click.Path(path_type=Path),
    default=None,
    help="EFRAG taxonomy package: validate the statement with Arelle and keep the log "
    "(default with --pack: $ESRS_S3_TAXONOMY when set).",
)
@with_limits
def build(
    workbook: Path,
    output: Path,
    settings: tuple[str, ...],
    rulebook_id: str | None,
    output_format: str,
    pack: bool,
    final: bool,
    taxonomy: Path | None,
    max_file_mb: float,
    max_rows: int,
) -> None:
    """Validate, assess, map, render and check WORKBOOK: statement.xhtml (Inline XBRL),
    statement.pdf, report-package.zip, the coverage matrix, the gap report, the assessment,
    the matrix and manifest.json. Nothing is written if any step fails.

    Example: esrs-s3 build sample_inputs/defence_manufacturer.xlsx -o out
    """
    from esrs_s3.build import InvalidWorkbook, NotFinal, build_statement
    from esrs_s3.xbrl.log import arelle_log_files

    as_json = output_format == "json" or (output_format == "auto" and not sys.stdout.isatty())
    _check_rulebook(rulebook_id)

    def progress(stage: str) -> None:
        if not as_json:
            click.echo(f"... {stage}", err=True)

    try:
        if taxonomy is None and pack and os.environ.get("ESRS_S3_TAXONOMY"):
            taxonomy = Path(os.environ["ESRS_S3_TAXONOMY"])
        result = build_statement(
            workbook,
            output,
            None,
            _limits(max_file_mb, max_rows),
            progress,
            pack=pack,
            extra_files=(lambda files: arelle_log_files(files, taxonomy)) if taxonomy else None,
            final=final,
            settings=settings,
            rulebook=rulebook_id,
        )
    except InvalidWorkbook as exc:
        if as_json:
            click.echo(
                json.dumps(
                    {"readable": True, **exc.result.to_dict(), "built": False, "error": str(exc)},
                    indent=2,
                    ensure_ascii=False,
                )
            )
        else:
            click.echo(format_text(exc.result))
            click.echo(f"esrs-s3: {exc}", err=True)
        sys.exit(EXIT_INVALID)
    except NotFinal as exc:
        state = exc.completeness
        if as_json:
            click.echo(
                json.dumps(
                    {
                        "built": False,
                        "final": False,
                        "error": str(exc),
                        "missing_datapoints": list(state.missing),
                        "disclosure_gaps": [g.model_dump(mode="json") for g in state.gaps],
                    },
                    indent=2,
                    ensure_ascii=False,
                )
            )
        else:
            for line in state.open_items():
                click.echo(f"open: {line}")
            click.echo(f"esrs-s3: {exc}", err=True)
        sys.exit(EXIT_INVALID)
    except (BadOverride, UnknownRulebook) as exc:  # --set read against the rulebook used
        raise click.UsageError(str(exc)) from None
    except EsrsS3Error as exc:
        click.echo(f"esrs-s3: cannot build: {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
    counts: dict[str, int] = {}
    for item in result.statement.results:
        counts[item.status.value] = counts.get(item.status.value, 0) + 1
    summary = {
        "built": True,
        "files": [str(p) for p in result.files],
        "facts": len(result.statement.document.facts),
        "pages": result.pages,
        "datapoints": counts,
        "material_iros": len(result.assessment.material_iros),
        "iros": len(result.assessment.iros),
        "s3_material": result.assessment.s3_material,
        "phase_in_used": result.statement.regime.phase_in_used,
        "rulebook": result.assessment.rulebook,
        "rulebook_chosen_by": result.rulebook_chosen_by,
        "draft": not result.completeness.complete,
        "mandatory_missing": len(result.completeness.missing),
        "disclosure_gaps_open": len(result.completeness.gaps),
        "seconds": {k: round(v, 3) for k, v in result.timings.items()},
    }
    if as_json:
        click.echo(json.dumps(summary, indent=2))
        return
    for path in result.files:
        click.echo(f"wrote {path}")
    click.echo(f"rulebook: {summary['rulebook']} ({summary['rulebook_chosen_by']})")
    click.echo(
        f"{summary['facts']} facts; datapoints: "
        + ", ".join(f"{n} {status}" for status, n in counts.items())
    )
    state = result.completeness
    out = Path(output)
    click.echo(
        (
            "DRAFT: " + state.draft
            if state.draft
            else "complete: no mandatory datapoint missing, no disclosure gap open"
        )
        + f"; see {out / 'gaps.pdf'} and {out / 'coverage.html'}"
    )


@cli.command()
@click.argument("workbook", type=click.Path(path_type=Path))
@format_option("Findings grouped by OECD step as text, or one JSON document.")
@click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "never"]),
    default="error",
    show_default=True,
    help="Exit 1 when a finding of this severity (or worse) exists.",
)
@set_option
@rulebook_option
@with_limits
def gaps(
    workbook: Path,
    output_format: str,
    fail_on: str,
    settings: tuple[str, ...],
    rulebook_id: str | None,
    max_file_mb: float,
    max_rows: int,
) -> None:
    """List the due-diligence and disclosure gaps of WORKBOOK (rules G01-G29 of its rulebook),
    grouped by OECD due-diligence step, with severity, cells and ESRS paragraphs. For a team's
    own CI.

    Example: esrs-s3 gaps sample_inputs/defence_manufacturer.xlsx --fail-on warning
    """
    from esrs_s3.check import find_gaps
    from esrs_s3.check.gaps_report import by_step, counts, gaps_json
    from esrs_s3.disclose.mapping import compose_statement

    _check_rulebook(rulebook_id)
    try:
        result = read_workbook(workbook, _limits(max_file_mb, max_rows), rulebook_id)
    except EsrsS3Error as exc:
        click.echo(f"esrs-s3: cannot read {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
    if not result.ok or result.workbook.undertaking is None:
        click.echo(format_text(result))
        click.echo("esrs-s3: the workbook must be valid and have an Undertaking sheet", err=True)
        sys.exit(EXIT_INVALID)
    try:
        book = with_rulebook(result.workbook, rulebook_id)
        overrides = parse_overrides(list(settings), rulebook_used(book))
    except EsrsS3Error as exc:
        raise click.UsageError(str(exc)) from None
    assessment = assess_workbook(book, overrides)
    statement = compose_statement(book, assessment)
    findings = find_gaps(book, assessment, statement)
    if output_format == "json":
        click.echo(gaps_json(findings, result.sha256).decode("utf-8"), nl=False)
    else:
        for step, items in by_step(findings):
            click.echo(f"== {step}")
            for f in items:
                where = ", ".join(f.cells[:6]) + (" ..." if len(f.cells) > 6 else "")
                rule = f.rule + (f"/{f.variant}" if f.variant else "")
                also = f"; also {', '.join(f.oecd_steps[1:])}" if len(f.oecd_steps) > 1 else ""
                click.echo(
                    f"{f.severity.upper():7} {f.kind:13} {rule}"
                    f": {f.message} [{where or '-'}] ({', '.join(f.paragraphs)}{also})"
                )
        tally = counts(findings)
        click.echo(", ".join(f"{n} {k}{'' if n == 1 else 's'}" for k, n in tally.items()))
    levels = {"error": ("error",), "warning": ("error", "warning"), "never": ()}[fail_on]
    sys.exit(EXIT_INVALID if any(f.severity in levels for f in findings) else EXIT_OK)


@cli.command()
@click.argument("workbook", type=click.Path(path_type=Path))
@output_option("one folder per version, compare.html, compare.xlsx and compare.json")
@format_option("A summary per version as text, or the comparison as one JSON document.")
@with_limits
def compare(
    workbook: Path, output: Path, output_format: str, max_file_mb: float, max_rows: int
) -> None:
    """Build WORKBOOK under every version of ESRS its financial year allows (for a year
    beginning in 2026: ESRS Set 1 and the revised ESRS) and compare them datapoint by
    datapoint: each version's status and value, its counterpart in the other, what would stop
    and start being disclosed, fact and page counts, and the gap findings that differ.

    Example: esrs-s3 compare my-fy2026.xlsx -o choice
    """
    from esrs_s3.build import InvalidWorkbook
    from esrs_s3.compare import NothingToCompare, compare_versions

    def progress(stage: str) -> None:
        if output_format != "json":
            click.echo(f"... {stage}", err=True)

    try:
        comparison, files = compare_versions(
            workbook, output, _limits(max_file_mb, max_rows), progress
        )
    except InvalidWorkbook as exc:
        click.echo(format_text(exc.result))
        click.echo(f"esrs-s3: {exc}", err=True)
        sys.exit(EXIT_INVALID)
    except NothingToCompare as exc:
        click.echo(f"esrs-s3: {exc}", err=True)
        sys.exit(EXIT_INVALID)
    except EsrsS3Error as exc:
        click.echo(f"esrs-s3: cannot compare: {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
    if output_format == "json":
        click.echo((Path(output) / "compare.json").read_text(encoding="utf-8"), nl=False)
        return
    for v in comparison.versions:
        state = f"draft, {v.mandatory_missing} missing" if v.draft else "complete"
        click.echo(f"{v.rulebook}: {v.facts} facts, {v.pages} pages, {state}")
    for change in comparison.changes:
        click.echo(
            f"{change.rulebook}: stops {len(change.stop)}, starts {len(change.start)}, "
            f"{len(change.to_fill)} to fill"
        )
    click.echo(f"{len(comparison.findings)} gap findings differ")
    click.echo(f"wrote {len(files)} files; read {Path(output) / 'compare.html'}")


LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(1, 65535), default=8000, show_default=True, help="Port."
)
def serve(host: str, port: int) -> None:
    """Start the local web app: upload a workbook, review the matrix, gaps and coverage, and
    download every output. Uploads and results stay in a private temporary folder and are
    deleted an hour after upload.

    Example: esrs-s3 serve --port 8000
    """
    import uvicorn

    from esrs_s3.web import create_app

    app = create_app(allowed_hosts=LOOPBACK if host in LOOPBACK else None)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"esrs-s3 serves on http://{shown}:{port}/  (Ctrl+C to stop)")
    if host not in LOOPBACK:
        click.echo(
            f"esrs-s3: warning: listening on {host}: anyone who can reach it can upload", err=True
        )
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def main() -> None:
    """Console entry point: no traceback ever reaches the user unless ESRS_S3_DEBUG is set."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.Abort:
        click.echo("esrs-s3: aborted", err=True)
        sys.exit(EXIT_UNREADABLE)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_UNREADABLE)
    except EsrsS3Error as exc:
        click.echo(f"esrs-s3: {exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
    except Exception as exc:  # a bug: say so in one line instead of a traceback
        if os.environ.get("ESRS_S3_DEBUG"):
            raise
        click.echo(
            f"esrs-s3: internal error ({type(exc).__name__}: {exc}); "
            "rerun with ESRS_S3_DEBUG=1 for details and please report it",
            err=True,
        )
        sys.exit(EXIT_BUG)


if __name__ == "__main__":
    main()
