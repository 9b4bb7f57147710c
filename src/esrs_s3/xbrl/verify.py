"""Validate Inline XBRL files and report packages with Arelle's Python API, strictly offline.

Structural validation only (XBRL 2.1, dimensions, Inline XBRL 1.1, enumerations; no formulas),
with the EFRAG taxonomy package mapping every taxonomy URL to a file inside it.

Each file gets its own `arelle.api.Session` (measured with arelle-release 2.47.3): Arelle builds
a separate DTS for every document, so documents never share a loaded taxonomy, even in one run;
and a second `Session.run` with `packages` fails inside Arelle (its package registry is reset
between runs). Most of the time per document (~10 s of ~13 s) goes to validating EFRAG's own
schemas and linkbases; that is skipped unless `validate_taxonomy=True`, which gives the same
findings on our documents in ~4 s per document.

Arelle cannot see facts, contexts or a schemaRef whose element names an HTML serialiser
lower-cased; our own checks (`esrs_s3.xbrl.precheck`) can, and their findings join the report.

The taxonomy entry points a document may reference are those of the rulebooks
(`taxonomy_entry_point` in `datapoints/<rulebook>/rulebook.toml`): of the one rulebook asked
for, or of every shipped rulebook. The taxonomy's concepts are loaded from the entry point the
document references (else from the rulebook asked for, else from the default rulebook's).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from esrs_s3.errors import EsrsS3Error, TaxonomyNotFound
from esrs_s3.rulebook import DEFAULT_RULEBOOK, entry_points, load_rulebook

if TYPE_CHECKING:
    from arelle.api.Session import Session
    from arelle.RuntimeOptions import RuntimeOptions

TAXONOMY_ENV = "ESRS_S3_TAXONOMY"
# The default rulebook's taxonomy entry point (from its rulebook.toml).
ENTRY_POINT = load_rulebook(DEFAULT_RULEBOOK).taxonomy_entry_point
# A linkbase of the bundled ISO 3166 taxonomy that points at a file not available offline;
# it carries no ESRS content (../shared/esrs/README.md).
SKIP_LOADING = "*/taxonomy/int/country/current/reference.xml"
PACKAGE_FAILED = "arelle:packageLoadingError"


class VerifyMessage(BaseModel):
    """One finding (Arelle's, or ours: `esrs-s3:...`): code, level, text and where it points."""

    model_config = ConfigDict(frozen=True)

    code: str
    level: str
    message: str
    document: str | None = None
    line: int | None = None
    element: str | None = None

    def __str__(self) -> str:
        where = f" (line {self.line})" if self.line else ""
        return f"{self.level}: {self.code}: {self.message}{where}"


class VerifyReport(BaseModel):
    """The errors and warnings for one file: ours (`esrs-s3:...`) first, then Arelle's."""

    file: Path
    errors: list[VerifyMessage] = []
    warnings: list[VerifyMessage] = []
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def counts(self) -> dict[str, int]:
        return {"error": len(self.errors), "warning": len(self.warnings)}

    def to_dict(self) -> dict[str, Any]:
        data = {"ok": self.ok, "counts": self.counts, **self.model_dump(mode="json")}
        return {**data, "seconds": round(self.seconds, 2)}

    def to_text(self) -> str:
        """One line per error and warning, then a summary line."""
        lines = [str(message) for message in [*self.errors, *self.warnings]]
        counts = ", ".join(f"{n} {k}{'' if n == 1 else 's'}" for k, n in self.counts.items())
        lines.append(f"{self.file}: {'valid' if self.ok else 'NOT valid'} ({counts})")
        return "\n".join(lines)


class ConceptInfo(BaseModel):
    """What the taxonomy declares about one concept."""

    model_config = ConfigDict(frozen=True)

    qname: str
    type: str | None
    period_type: str | None
    abstract: bool
    nillable: bool


class _Collector(logging.Handler):
    """Keeps Arelle's log records as they are emitted."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


Taxonomy = Path | str | Sequence[Path | str] | None


def resolve_taxonomy(taxonomy: Taxonomy) -> tuple[Path, ...]:
    """The taxonomy package paths, from the argument (one path or several: a taxonomy and the
    helper packages it imports, as EFRAG's draft revised-ESRS taxonomy needs) or else from
    $ESRS_S3_TAXONOMY (several separated like PATH)."""
    if taxonomy is None or (isinstance(taxonomy, str | Path) and str(taxonomy) == ""):
        taxonomy = os.environ.get(TAXONOMY_ENV) or None
        if taxonomy is None:
            raise TaxonomyNotFound(TAXONOMY_ENV, "not set and no taxonomy package path given")
        taxonomy = [part for part in str(taxonomy).split(os.pathsep) if part]
    paths = (Path(taxonomy),) if isinstance(taxonomy, str | Path) else tuple(map(Path, taxonomy))
    if not paths:
        raise TaxonomyNotFound(TAXONOMY_ENV, "no taxonomy package path given")
    for path in paths:
        if not path.is_file():
            raise TaxonomyNotFound(str(path), "no such taxonomy package (an EFRAG ESRS .zip)")
    return paths


def _options(
    entry: str,
    packages: tuple[Path, ...],
    *,
    validate: bool,
    esef: bool = False,
    validate_taxonomy: bool = False,
    keep_open: bool = False,
    formulas: bool = False,
) -> RuntimeOptions:
    from arelle.RuntimeOptions import RuntimeOptions

    return RuntimeOptions(
        entrypointFile=entry,
        packages=[str(p) for p in packages],
        internetConnectivity="offline",
        skipLoading=SKIP_LOADING,  # type: ignore[arg-type]  # Arelle takes a pattern here
        validate=validate,
        formulaAction="run" if formulas else "none",
        baseTaxonomyValidationMode="all" if validate_taxonomy else "none",
        plugins="validate/ESEF" if esef else None,
        disclosureSystemName="esef" if esef else None,
        keepOpen=keep_open,
        disablePersistentConfig=True,
        logPropagate=False,
        logRefObjectProperties=False,
    )


@contextmanager
def _arelle(options: RuntimeOptions) -> Iterator[tuple[bool, list[logging.LogRecord], Session]]:
    """Run Arelle once in a fresh session; yield its success flag, log records and session."""
    from arelle.api.Session import Session

    collector = _Collector()
    with Session() as session:
        success = session.run(options, logHandler=collector)
        yield success, collector.records, session


def _check_package(packages: tuple[Path, ...], records: list[logging.LogRecord]) -> None:
    codes = [getattr(record, "messageCode", "") for record in records]
    if PACKAGE_FAILED in codes:
        texts = [_text(r) for r in records[: codes.index(PACKAGE_FAILED)] if r.levelno >= 40]
        reason = "; ".join(texts) or "not a taxonomy package"
        named = ", ".join(map(str, packages))
        raise TaxonomyNotFound(named, f"Arelle cannot use it: {reason}")


def _text(record: logging.LogRecord) -> str:
    try:
        text = record.getMessage()
    except (TypeError, ValueError, KeyError):
        text = str(record.msg)
    return " ".join(text.split())


def _level(record: logging.LogRecord) -> str | None:
    """Arelle's own levels: ERROR-SEMANTIC (38) and above are errors; info is dropped."""
    if record.levelno >= logging.ERROR - 2:
        return "error"
    if record.levelno >= logging.WARNING and record.levelname != "ASSERTION-SATISFIED":
        return "warning"
    return None


def _message(record: logging.LogRecord) -> VerifyMessage | None:
    level = _level(record)
    if level is None:
        return None
    args = record.args if isinstance(record.args, dict) else {}
    refs = [ref for ref in getattr(record, "refs", None) or [] if isinstance(ref, dict)]
    href = next((str(ref["href"]) for ref in refs if ref.get("href")), "")
    line = next((ref["sourceLine"] for ref in refs if ref.get("sourceLine")), None)
    line = line or args.get("sourceLine")
    document, _, fragment = href.partition("#")
    return VerifyMessage(
        code=getattr(record, "messageCode", "") or "arelle",
        level=level,
        message=_text(record),
        document=document or None,
        line=int(line) if str(line or "").isdigit() else None,
        element=args.get("path") or fragment or None,
    )


def _verify_one(
    file: Path,
    package: tuple[Path, ...],
    esef: bool,
    validate_taxonomy: bool,
    concepts_of: Callable[[str], Collection[str]],
    formulas: bool = False,
    accepted: Mapping[str, str] | None = None,
    fallback: str = ENTRY_POINT,
) -> VerifyReport:
    from esrs_s3.xbrl.precheck import precheck  # it imports VerifyMessage from here

    accepted = entry_points() if accepted is None else accepted

    def concepts() -> Collection[str]:  # called only for a document with facts
        return concepts_of(document_entry_point(file, accepted, fallback))

    started = time.perf_counter()
    options = _options(
        str(file.resolve()),
        package,
        validate=True,
        esef=esef,
        validate_taxonomy=validate_taxonomy,
        formulas=formulas,
    )
    try:
        with _arelle(options) as (success, records, _session):
            _check_package(package, records)
            messages = [m for m in map(_message, records) if m is not None]
    except EsrsS3Error:
        raise
    except Exception as exc:  # Arelle must not take the whole run down: report it for this file
        success, text = False, f"Arelle stopped on this file: {type(exc).__name__}: {exc}"
        messages = [VerifyMessage(code="arelle:exception", level="error", message=text)]
    errors = [m for m in messages if m.level == "error"]
    if not success and not errors:
        errors.append(VerifyMessage(code="arelle:failed", level="error", message="Arelle failed"))
    errors = [*precheck(file, concepts, messages, accepted), *errors]
    warnings = [m for m in messages if m.level == "warning"]
    return VerifyReport(
        file=file, errors=errors, warnings=warnings, seconds=time.perf_counter() - started
    )


def verify_files(
    paths: Sequence[Path],
    taxonomy: Taxonomy = None,
    *,
    esef: bool = False,
    validate_taxonomy: bool = False,
    formulas: bool = False,
    rulebook: str | None = None,
) -> list[VerifyReport]:
    """Validate XHTML files or report-package zips offline; one report per path, in order.

    `esef` adds the ESEF filing rules (plugin validate/ESEF, disclosure system esef): use it for
    report packages. `validate_taxonomy` also validates EFRAG's own files (~10 s more per file).
    `formulas` runs EFRAG's formula linkbases too: their completeness rules report the ESRS 2
    and Appendix B datapoints a document does not tag (`message:ea_eu_tags_N`, errors for
    Appendix B, `..._outside_MA_N` warnings for ESRS 2) and identifier lists that name no
    typed-axis member (`message:va_...`); ~15 s more per file.
    Our own checks (`esrs_s3.xbrl.precheck`) run on every XHTML document too; their errors come
    first. The taxonomy's concepts they need are loaded once per entry point (~2 s), when a
    document has facts.
    `rulebook` accepts only that rulebook's taxonomy entry point (UnknownRulebook if it ships no
    such rulebook); by default a schemaRef may name the entry point of any shipped rulebook.
    """
    accepted = entry_points(rulebook)
    fallback = load_rulebook(rulebook or DEFAULT_RULEBOOK).taxonomy_entry_point
    package = resolve_taxonomy(taxonomy)
    files = [Path(path) for path in paths]
    for file in files:
        if not file.is_file():
            raise EsrsS3Error(f"{file}: no such file")
    concepts_of = cache(lambda entry: frozenset(taxonomy_concepts(package, entry)))
    return [
        _verify_one(
            file, package, esef, validate_taxonomy, concepts_of, formulas, accepted, fallback
        )
        for file in files
    ]


def document_entry_point(file: Path, accepted: Mapping[str, str], fallback: str) -> str:
    """The first accepted entry point the file's schemaRefs name, else `fallback`. With one
    accepted entry point the file is not read: its concepts are those of that entry point."""
    if len(accepted) == 1:
        return next(iter(accepted))
    from esrs_s3.xbrl.precheck import schema_refs

    return next((href for href in schema_refs(file) if href in accepted), fallback)


def taxonomy_concepts(
    taxonomy: Taxonomy = None, entry_point: str | None = None
) -> dict[str, ConceptInfo]:
    """Every item and tuple concept of a taxonomy entry point (default: the default
    rulebook's, `ENTRY_POINT`), by QName (`prefix:Name`)."""
    entry_point = entry_point or ENTRY_POINT
    package = resolve_taxonomy(taxonomy)
    options = _options(entry_point, package, validate=False, keep_open=True)
    with _arelle(options) as (_success, records, session):
        _check_package(package, records)
        models = list(session.get_models())
        try:
            concepts = {
                str(concept.qname): ConceptInfo(
                    qname=str(concept.qname),
                    type=str(concept.typeQname) if concept.typeQname is not None else None,
                    period_type=concept.periodType,
                    abstract=concept.isAbstract,
                    nillable=concept.isNillable,
                )
                for model in models
                for concept in model.qnameConcepts.values()
                if concept.isItem or concept.isTuple
            }
        finally:
            for model in models:
                model.close()
    if not concepts:
        problems = "; ".join(_text(r) for r in records if r.levelno >= logging.ERROR)
        named = ", ".join(map(str, package))
        raise TaxonomyNotFound(named, f"Arelle could not load {entry_point} ({problems})")
    return concepts
