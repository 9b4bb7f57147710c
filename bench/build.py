"""Benchmark: the `esrs-s3 build` pipeline stage by stage, and the PDF against WeasyPrint alone.

Usage (from the repository root, with the project's virtual environment)::

    python bench/build.py                           # 1k and 10k IROs, 3 repeats
    python bench/build.py --sizes 1000 --repeat 5 --out /tmp/bench
    python bench/build.py --stage-timeout 600       # allow slower stages (default 300 s)
    python bench/build.py --profile 10000 --stages map,write  # cProfile stages of one size

What it does:

1. Takes the input workbooks of bench/ingest.py (its generator is imported, not copied: N rows
   on Impacts, N/20 Policies, N/5 Actions, N/10 Targets, a filled Undertaking sheet with a
   valid LEI), cached in the output folder as ingest-v<GEN>-<N>.xlsx.
2. For each size and repeat, runs the pipeline of esrs_s3.build.build_statement once in a fresh
   subprocess and times each stage around its call only, after all imports (the import time,
   WeasyPrint's included, is reported on its own):
     read      esrs_s3.ingest.read_workbook (package scan, sha256, read, validation; 0 errors
               checked)
     assess    esrs_s3.assess.assess
     matrix    esrs_s3.assess.matrix.matrix_svg, drawn once and handed to compose_statement and
               the assessment outputs, as build_statement does (absent with an esrs-s3 whose
               functions still draw it themselves)
     map       esrs_s3.disclose.mapping.compose_statement
     xhtml     esrs_s3.render.xhtml.render_xhtml
     pdf       esrs_s3.render.pdf.render_pdf(xhtml, STAMP) with a fixed stamp
     check     (esrs-s3 with esrs_s3.check only) coverage rows, reconcile, coverage.xlsx/.csv/
               .html and manifest.json, as build_statement's check stage
     write     the other outputs: esrs_s3.render.package.report_package and the assessment
               outputs (assessment.xlsx, matrix.svg, matrix.png: assess.outputs.assessment_files,
               or assessment_writers in older trees), and writing every file, all or nothing,
               into <out>/build-<N>-outputs/ (esrs_s3.fileio.write_files / write_outputs).
               The files are byte-identical to what build_statement writes (checked by hand).
   The API is detected at run time, so the script also measures a snapshot of an older commit
   (PYTHONPATH=<snapshot>/src python bench/build.py); build.json names the package measured
   and a fingerprint of its source, and the table warns when it changed between runs.
   The XHTML and PDF are also saved (outside the timings) as <out>/build-<N>.xhtml / .pdf.
3. Right after each pipeline run, in another fresh subprocess, the baseline: WeasyPrint alone
   printing the saved XHTML file, weasyprint.HTML(filename=...).write_pdf(...) with the options
   of src/esrs_s3/render/pdf.py (PDF/A-3b, the XHTML attached with the same stamp, compressed),
   timed after the import. Its PDF goes to <out>/build-<N>-weasyprint.pdf.
4. Peak memory is each subprocess's own peak RSS (VmHWM, as bench/ingest.py), so it includes the
   interpreter and the imports. Pages are counted with pdfinfo when present, else by a regex
   over the PDF's objects (object streams inflated). Medians of --repeat runs are reported.
5. A stage that runs longer than --stage-timeout seconds is stopped (SIGALRM in the worker);
   when the PDF stage is stopped the later stages still run (with an empty PDF) so they are
   still measured, the size's remaining repeats and its baseline are skipped, and
   the PDF goals are judged FAIL.
6. Prints a table per size (the goal's stages, read+validate, assess with the matrix, map and
   XHTML, are summed per run, then the median is taken; the check and write stages are
   summed beside them as "other outputs", not judged), the goals as PASS/FAIL lines, and
   writes everything as JSON to <out>/build.json.

Timings on shared machines vary by 20-40 % between runs: compare ratios within one run.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import importlib.util
import inspect
import io
import json
import logging
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "out"
DEFAULT_SIZES = (1_000, 10_000)
STAMP = dt.datetime(2025, 12, 31, tzinfo=dt.UTC)  # = what build_statement derives from the bench
ATTACHMENT = "statement.xhtml"  # period end; fixed so the same input gives the same bytes
STAGES = ("read", "assess", "matrix", "map", "xhtml", "pdf", "check", "write")
REQUIRED = ("read", "assess", "map", "xhtml", "write")
# The goal's stages, as the issue lists them: read+validate, assess (with the matrix), map and
# the XHTML render. The check and write stages (coverage, gaps, assessment.xlsx, zips) are
# reported as "other outputs" beside them, not judged.
GOAL_STAGES = ("read", "assess", "matrix", "map", "xhtml")
STAGE_LABELS = {
    "read": "read + validate",
    "assess": "assess",
    "matrix": "matrix SVG (shared)",
    "map": "map (compose_statement)",
    "xhtml": "render XHTML",
    "pdf": "render PDF",
    "check": "check (coverage, manifest)",
    "write": "write other outputs",
}
GOAL_ROWS = 10_000
GOAL_SUM_S = 5.0
GOAL_PDF_RATIO = 1.1
GOAL_PEAK_MB = 1024.0
DEFAULT_STAGE_TIMEOUT = 300.0


def _ingest_bench():
    """bench/ingest.py as a module (importing it has no side effects: main() is guarded)."""
    spec = importlib.util.spec_from_file_location("bench_ingest", HERE / "ingest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _vmhwm_mb() -> float:
    """Peak resident memory of this process since its exec, in MiB (see bench/ingest.py)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


# ------------------------------------------------------------------ stage timeouts


class StageTimeout(Exception):
    pass


def _on_alarm(signum, frame):
    raise StageTimeout


class _Limit:
    """Raise StageTimeout in the block after `seconds` (0: no limit)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __enter__(self):
        if self.seconds > 0:
            signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc) -> None:
        if self.seconds > 0:
            signal.setitimer(signal.ITIMER_REAL, 0)


def _quiet_weasyprint() -> None:
    """As render_pdf does, so both sides log (and pay for logging) the same."""
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)


# ------------------------------------------------------------------ workers (fresh subprocess)


def _package_dir() -> Path:
    """The esrs_s3 package that runs (PYTHONPATH may point at a snapshot of another commit)."""
    return Path(importlib.util.find_spec("esrs_s3").origin).resolve().parent


def source_fingerprint() -> str:
    """SHA-256 over esrs-s3's source and templates, so runs of a changing tree are told apart."""
    package = _package_dir()
    roots = [package, package / "_data"]  # installed data, or the checkout's folders:
    roots += [package.parent.parent / "templates", package.parent.parent / "datapoints"]
    digest = hashlib.sha256()
    for root in roots:
        for file in sorted(root.rglob("*")):
            if root.is_dir() and file.is_file() and "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(root.parent)).encode() + b"\0")
                digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def _api() -> dict:
    """The pipeline's functions, as esrs_s3.build.build_statement calls them."""
    from esrs_s3.assess import assess
    from esrs_s3.assess.matrix import matrix_images
    from esrs_s3.assess.outputs import assessment_files
    from esrs_s3.check.coverage import coverage_csv, coverage_rows, coverage_workbook, reconcile
    from esrs_s3.check.gaps import find_gaps
    from esrs_s3.check.gaps_report import gaps_html, gaps_json, gaps_workbook
    from esrs_s3.check.manifest import manifest_json
    from esrs_s3.check.review import coverage_html
    from esrs_s3.disclose.catalogue import load_catalogue
    from esrs_s3.disclose.mapping import compose_statement
    from esrs_s3.fileio import write_files, xlsx_bytes
    from esrs_s3.ingest import Limits, read_workbook
    from esrs_s3.issues import Severity
    from esrs_s3.render.package import report_package
    from esrs_s3.render.pdf import render_pdf
    from esrs_s3.render.xhtml import render_xhtml

    return {
        "assess": assess,
        "matrix_images": matrix_images,
        "assessment_files": assessment_files,
        "coverage_csv": coverage_csv,
        "coverage_rows": coverage_rows,
        "coverage_workbook": coverage_workbook,
        "reconcile": reconcile,
        "find_gaps": find_gaps,
        "gaps_html": gaps_html,
        "gaps_json": gaps_json,
        "gaps_workbook": gaps_workbook,
        "manifest_json": manifest_json,
        "coverage_html": coverage_html,
        "load_catalogue": load_catalogue,
        "compose_statement": compose_statement,
        "write_files": write_files,
        "xlsx_bytes": xlsx_bytes,
        "Limits": Limits,
        "read_workbook": read_workbook,
        "Severity": Severity,
        "report_package": report_package,
        "render_pdf": render_pdf,
        "render_xhtml": render_xhtml,
    }


def run_pipeline(api: dict, path: str, target: Path, timed, info: dict) -> None:
    """The stages of esrs_s3.build.build_statement, each call wrapped in `timed(stage, call)`
    (which may add to a stage already timed). Sizes and hashes go into `info`."""
    read = timed("read", lambda: api["read_workbook"](path, api["Limits"]()))
    errors = [i for i in read.issues if i.severity is api["Severity"].ERROR]
    info["errors"] = len(errors)
    info["first_errors"] = [i.to_dict() for i in errors[:10]]
    if errors or read.workbook is None or read.workbook.undertaking is None:
        return
    book = read.workbook
    assessment = timed("assess", lambda: api["assess"](book, None))
    images = timed("matrix", lambda: api["matrix_images"](assessment))
    statement = timed("map", lambda: api["compose_statement"](book, assessment, images[0]))
    # the gap findings decide whether the statement is a draft before it is rendered (trees
    # before the draft marking found them in the check stage; either way they are timed once)
    findings = timed("map", lambda: api["find_gaps"](book, assessment, statement))
    document = statement.document
    info["facts"] = len(document.facts)
    info["sections"] = len(document.sections)
    xhtml = timed("xhtml", lambda: api["render_xhtml"](document))
    info["xhtml"] = xhtml
    try:
        pdf = timed("pdf", lambda: api["render_pdf"](xhtml, STAMP, ATTACHMENT))
    except StageTimeout:
        pdf = b""  # go on: the other stages are still measured
    info["pdf"] = pdf
    files = {"statement.xhtml": xhtml, "statement.pdf": pdf}
    files["report-package.zip"] = timed("write", lambda: api["report_package"](document, xhtml))

    def check() -> dict[str, bytes]:
        catalogue = api["load_catalogue"](assessment.rulebook)
        rows = api["coverage_rows"](catalogue, statement.results)
        if len(inspect.signature(api["reconcile"]).parameters) == 3:
            api["reconcile"](rows, xhtml, catalogue)
        else:  # trees before reconciliation checked each datapoint's own concepts
            api["reconcile"](rows, xhtml)
        u = book.undertaking
        coverage_args = [rows, u.name, u.period_end.isoformat(), assessment.rulebook, book.sha256]
        if "anchors" in inspect.signature(api["coverage_html"]).parameters:
            # trees since coverage.html links hidden facts to their visible span
            coverage_args.append({f.id: f.anchor for f in statement.document.facts})
        return {
            "gaps.json": api["gaps_json"](findings, book.sha256),
            "gaps.xlsx": api["xlsx_bytes"](api["gaps_workbook"](findings)),
            "gaps.html": api["gaps_html"](findings, u.name, u.period_end.isoformat()),
            "coverage.xlsx": api["xlsx_bytes"](api["coverage_workbook"](rows)),
            "coverage.csv": api["coverage_csv"](rows),
            "coverage.html": api["coverage_html"](*coverage_args),
        }

    files |= timed("check", check)
    files |= timed("write", lambda: api["assessment_files"](assessment, images))
    files["manifest.json"] = timed(
        "check", lambda: api["manifest_json"](Path(path).name, assessment, files)
    )
    written = timed("write", lambda: api["write_files"](target, files))
    info["outputs"] = {f.name: f.stat().st_size for f in written}


def pipeline_worker(path: str, out: str, rows: int, timeout: float) -> dict:
    """Run the build pipeline once in this process, each stage timed on its own."""
    fingerprint = source_fingerprint()  # before the clock and the imports
    started = time.perf_counter()
    api = _api()
    imported = time.perf_counter()
    import weasyprint  # noqa: F401  (render_pdf imports it lazily; keep it out of the stage)

    imported_weasyprint = time.perf_counter()
    out_dir = Path(out)
    timings: dict[str, float] = {}
    peaks: dict[str, float] = {}
    result: dict = {
        "import_s": imported - started,
        "import_weasyprint_s": imported_weasyprint - imported,
        "stages": timings,
        "peak_after_mb": peaks,
        "timed_out": None,
        "source": fingerprint,
    }

    def timed(stage: str, call):
        with _Limit(timeout):
            clock = time.perf_counter()
            try:
                return call()
            except StageTimeout:
                result["timed_out"] = stage
                raise
            finally:
                timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - clock
                peaks[stage] = _vmhwm_mb()

    info: dict = {}
    with contextlib.suppress(StageTimeout):
        run_pipeline(api, path, out_dir / f"build-{rows}-outputs", timed, info)
    for name in ("errors", "first_errors", "facts", "sections", "outputs"):
        if name in info:
            result[name] = info[name]
    for name, suffix in (("xhtml", "xhtml"), ("pdf", "pdf")):
        data = info.get(name)
        if data:  # saved outside the timings: the baseline prints this XHTML
            result[f"{name}_bytes"] = len(data)
            result[f"{name}_sha256"] = hashlib.sha256(data).hexdigest()
            (out_dir / f"build-{rows}.{suffix}").write_bytes(data)
    result["peak_rss_mb"] = _vmhwm_mb()
    return result


def weasyprint_worker(xhtml_path: str, pdf_path: str, timeout: float) -> dict:
    """WeasyPrint alone on the saved XHTML file, with the options of render_pdf."""
    started = time.perf_counter()
    from weasyprint import HTML, Attachment

    imported = time.perf_counter()
    _quiet_weasyprint()
    xhtml = Path(xhtml_path).read_bytes()  # for the attachment, as render_pdf attaches it
    result: dict = {"import_s": imported - started, "timed_out": None}
    with _Limit(timeout):
        clock = time.perf_counter()
        try:
            buffer = io.BytesIO()
            HTML(filename=xhtml_path).write_pdf(
                buffer,
                pdf_variant="pdf/a-3b",
                attachments=[
                    Attachment(
                        string=xhtml,
                        name=ATTACHMENT,
                        description="Inline XBRL",
                        created=STAMP,
                        modified=STAMP,
                    )
                ],
                uncompressed_pdf=False,
            )
        except StageTimeout:
            result["timed_out"] = "pdf"
        result["pdf_s"] = time.perf_counter() - clock
    if not result["timed_out"]:
        pdf = buffer.getvalue()
        Path(pdf_path).write_bytes(pdf)
        result["pdf_bytes"] = len(pdf)
        result["pdf_sha256"] = hashlib.sha256(pdf).hexdigest()
    result["peak_rss_mb"] = _vmhwm_mb()
    return result


def _spawn(args: list[str], timeout: float) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), *args]
    command += ["--stage-timeout", str(timeout)]
    backstop = None if timeout <= 0 else timeout * (len(STAGES) + 2) + 120
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=backstop)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args[:2])} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# ------------------------------------------------------------------ pages


def count_pages(path: Path) -> tuple[int | None, str]:
    """Number of pages: pdfinfo when installed, else /Type /Page objects (streams inflated)."""
    if not path.exists():
        return None, "missing"
    if shutil.which("pdfinfo"):
        done = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=False)
        match = re.search(r"^Pages:\s+(\d+)", done.stdout, re.MULTILINE)
        if match:
            return int(match.group(1)), "pdfinfo"
    data = path.read_bytes()
    page = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
    count = len(page.findall(data))
    for stream in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.DOTALL):
        try:
            count += len(page.findall(zlib.decompress(stream.group(1))))
        except zlib.error:
            continue
    return count, "regex"


# ------------------------------------------------------------------ orchestration


def _median(values) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def run(sizes: list[int], repeat: int, out: Path, timeout: float) -> dict:
    ingest = _ingest_bench()
    print("Workbooks:")
    paths = {rows: ingest.ensure_workbook(out, rows) for rows in sizes}
    results: dict = {
        "goals": {
            "sum_but_pdf": f"read+validate, assess, map and XHTML together <= {GOAL_SUM_S:g} s at"
            f" {GOAL_ROWS:,} IROs",
            "pdf_ratio": f"PDF stage within {GOAL_PDF_RATIO:g}x of WeasyPrint alone on the same"
            " XHTML",
            "peak": f"peak memory <= {GOAL_PEAK_MB / 1024:g} GB",
        },
        "method": "median of --repeat fresh subprocesses per size; each stage timed around its"
        " call after imports; WeasyPrint alone on the saved XHTML in its own subprocess right"
        " after; peak RSS = VmHWM of the subprocess (interpreter and imports included)",
        "repeat": repeat,
        "stage_timeout_s": timeout,
        "stamp": STAMP.isoformat(),
        "environment": _environment(),
        "sizes": {},
    }
    for rows in sizes:
        path = paths[rows]
        path.read_bytes()  # warm the page cache
        for stale in (f"build-{rows}.pdf", f"build-{rows}-weasyprint.pdf"):
            (out / stale).unlink(missing_ok=True)
        ours: list[dict] = []
        alone: list[dict] = []
        print(f"Measuring {rows:,} IROs ", end="", flush=True)
        for _ in range(repeat):
            sample = _spawn(["--worker", "pipeline", str(path), str(out), str(rows)], timeout)
            invalid = "assess" not in sample["stages"] and not sample["timed_out"]
            if sample.get("errors") or invalid:
                print(f"\nthe {rows}-IRO workbook is not valid: {sample.get('errors')} errors")
                for issue in sample.get("first_errors", []):
                    print("  ", json.dumps(issue, default=str))
                raise SystemExit(1)
            ours.append(sample)
            print("o", end="", flush=True)
            if sample["timed_out"]:
                print(f" [{sample['timed_out']} stopped after {timeout:g} s]", end="")
                break
            xhtml = out / f"build-{rows}.xhtml"
            pdf = out / f"build-{rows}-weasyprint.pdf"
            alone.append(
                _spawn(["--worker", "weasyprint", str(xhtml), str(pdf), str(rows)], timeout)
            )
            print("w", end="", flush=True)
        print()
        results["sizes"][str(rows)] = _summarise(rows, path, out, ours, alone)
    _judge(results)
    return results


def _summarise(rows: int, path: Path, out: Path, ours: list[dict], alone: list[dict]) -> dict:
    last = ours[-1]
    stages = {stage: _median(s["stages"].get(stage) for s in ours) for stage in STAGES}
    sums = [
        sum(seconds for stage, seconds in s["stages"].items() if stage in GOAL_STAGES)
        for s in ours
        if all(stage in s["stages"] for stage in REQUIRED)
    ]
    others = [
        sum(seconds for stage, seconds in s["stages"].items() if stage in ("check", "write"))
        for s in ours
    ]
    timed_out = next((s["timed_out"] for s in ours if s["timed_out"]), None)
    baseline = _median(a["pdf_s"] for a in alone if not a["timed_out"])
    ratio = ratio_of_minima = None
    if baseline and stages["pdf"] is not None and not timed_out:
        ratio = stages["pdf"] / baseline
        ratio_of_minima = min(s["stages"]["pdf"] for s in ours) / min(a["pdf_s"] for a in alone)
    pages, pages_by = count_pages(out / f"build-{rows}.pdf")
    if timed_out == "pdf":
        pages, pages_by = None, "not rendered (timed out)"
    alone_pages, _ = count_pages(out / f"build-{rows}-weasyprint.pdf") if alone else (None, "")
    hashes = {s.get("xhtml_sha256") for s in ours} | {s.get("pdf_sha256") for s in ours}
    return {
        "file": path.name,
        "iros": rows,
        "policies": max(1, rows // 20),
        "actions": max(1, rows // 5),
        "targets": max(1, rows // 10),
        "runs": len(ours),
        "timed_out": timed_out,
        "stages_s": stages,
        "sum_but_pdf_s": _median(sums),
        "other_outputs_s": _median(others),
        "weasyprint_alone_s": baseline,
        "pdf_ratio": ratio,
        "pdf_ratio_of_minima": ratio_of_minima,
        "pages": pages,
        "pages_counted_by": pages_by,
        "weasyprint_alone_pages": alone_pages,
        "same_pdf_as_weasyprint_alone": (
            last.get("pdf_sha256") == alone[-1].get("pdf_sha256") if alone else None
        ),
        "deterministic_across_repeats": len(hashes - {None}) == 2 if len(ours) > 1 else None,
        "sources": sorted({s["source"] for s in ours}),
        "facts": last.get("facts"),
        "sections": last.get("sections"),
        "xhtml_mb": (last.get("xhtml_bytes") or 0) / 1e6,
        "pdf_mb": (last.get("pdf_bytes") or 0) / 1e6,
        "outputs": last.get("outputs"),
        "import_s": _median(s["import_s"] for s in ours),
        "import_weasyprint_s": _median(s["import_weasyprint_s"] for s in ours),
        "peak_rss_mb": max(s["peak_rss_mb"] for s in ours),
        "peak_after_stage_mb": {
            stage: last["peak_after_mb"][stage]
            for stage in STAGES
            if stage in last["peak_after_mb"]
        },
        "weasyprint_alone_peak_rss_mb": max((a["peak_rss_mb"] for a in alone), default=None),
        "samples": {"pipeline": ours, "weasyprint_alone": alone},
    }


def _judge(results: dict) -> None:
    sizes = results["sizes"]
    verdicts: dict[str, dict] = {}
    goal = sizes.get(str(GOAL_ROWS))
    if goal is None or goal["sum_but_pdf_s"] is None:
        verdicts["sum_but_pdf"] = {"pass": None, "detail": f"{GOAL_ROWS:,} IROs not measured"}
    else:
        verdicts["sum_but_pdf"] = {
            "pass": goal["sum_but_pdf_s"] <= GOAL_SUM_S,
            "detail": f"{goal['sum_but_pdf_s']:.2f} s at {GOAL_ROWS:,} IROs",
        }
    for rows, entry in sizes.items():
        if entry["timed_out"] == "pdf":
            ok, detail = False, f"PDF stage stopped after {results['stage_timeout_s']:g} s"
        elif entry["pdf_ratio"] is None:
            ok, detail = None, "not measured"
        else:
            ok = entry["pdf_ratio"] <= GOAL_PDF_RATIO
            detail = (
                f"{entry['pdf_ratio']:.3f}x ({entry['stages_s']['pdf']:.2f} s vs"
                f" {entry['weasyprint_alone_s']:.2f} s)"
            )
        verdicts[f"pdf_ratio@{rows}"] = {"pass": ok, "detail": detail}
        peak = entry["peak_rss_mb"]
        if peak > GOAL_PEAK_MB:
            ok, detail = False, f"{peak:.0f} MB"
        elif entry["timed_out"]:
            ok, detail = None, f"at least {peak:.0f} MB ({entry['timed_out']} stopped)"
        else:
            ok, detail = True, f"{peak:.0f} MB"
        verdicts[f"peak@{rows}"] = {"pass": ok, "detail": detail}
    results["verdicts"] = verdicts


def _environment() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    versions = {}
    for name in ("esrs-s3", "weasyprint", "pydyf", "jinja2", "pydantic", "matplotlib"):
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = None
    git = ["git", "-C", str(HERE.parent)]
    head = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True)
    dirty = subprocess.run([*git, "status", "--porcelain", "src"], capture_output=True, text=True)
    return {
        "commit": head.stdout.strip() or None,
        "src_changes": dirty.stdout.split("\n")[:-1],
        "source": source_fingerprint(),
        "package": str(_package_dir()),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "packages": versions,
        "pdfinfo": shutil.which("pdfinfo") is not None,
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


def _s(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def print_table(results: dict) -> None:
    for rows, entry in results["sizes"].items():
        runs = entry["samples"]["pipeline"]
        title = (
            f"{int(rows):,} IROs ({entry['policies']:,} policies, {entry['actions']:,} actions,"
            f" {entry['targets']:,} targets); {entry['runs']} run(s)"
        )
        print()
        print(title)
        head = f"  {'stage':<26} {'median s':>9}   samples s"
        print(head)
        print("  " + "─" * (len(head) + 10))
        for stage in STAGES:
            samples = ", ".join(_s(s["stages"].get(stage)) for s in runs)
            mark = "  (stopped)" if entry["timed_out"] == stage else ""
            median = _s(entry["stages_s"][stage])
            print(f"  {STAGE_LABELS[stage]:<26} {median:>9}   {samples}{mark}")
        print("  " + "─" * (len(head) + 10))
        print(
            f"  {'read to XHTML (goal)':<26} {_s(entry['sum_but_pdf_s']):>9}"
            "   read+validate, assess, matrix, map, XHTML"
        )
        print(
            f"  {'other outputs (not goal)':<26} {_s(entry['other_outputs_s']):>9}"
            "   check + write: coverage, gaps, assessment.xlsx, zips"
        )
        alone = ", ".join(_s(a["pdf_s"]) for a in entry["samples"]["weasyprint_alone"])
        line = f"  {'WeasyPrint alone (PDF)':<26} {_s(entry['weasyprint_alone_s']):>9}   {alone}"
        print(line.rstrip())
        ratio = "—" if entry["pdf_ratio"] is None else f"{entry['pdf_ratio']:.3f}x"
        extra = ""
        if entry["pdf_ratio_of_minima"] is not None:
            extra = f"   fastest / fastest: {entry['pdf_ratio_of_minima']:.3f}x (not judged)"
        print(f"  {'PDF ours / alone':<26} {ratio:>9}{extra}")
        print(
            f"  pages {entry['pages'] if entry['pages'] is not None else '—'}"
            f" ({entry['pages_counted_by']}), facts {entry['facts']}, XHTML"
            f" {entry['xhtml_mb']:.1f} MB, PDF {entry['pdf_mb']:.1f} MB,"
            f" same PDF bytes as WeasyPrint alone: {entry['same_pdf_as_weasyprint_alone']},"
            f" deterministic: {entry['deterministic_across_repeats']}"
        )
        if len(entry["sources"]) > 1:
            print(f"  WARNING: the source changed between runs: {entry['sources']}")
        after = ", ".join(f"{k} {v:.0f}" for k, v in entry["peak_after_stage_mb"].items())
        alone_peak = entry["weasyprint_alone_peak_rss_mb"]
        print(
            f"  peak RSS {entry['peak_rss_mb']:.0f} MB (after each stage: {after});"
            f" WeasyPrint alone {'—' if alone_peak is None else f'{alone_peak:.0f}'} MB"
        )
        print(
            f"  import (not in the stages): esrs_s3 {entry['import_s']:.3f} s,"
            f" weasyprint {entry['import_weasyprint_s']:.3f} s"
        )
    print()
    print("Goals:")
    goals, verdicts = results["goals"], results["verdicts"]
    for key, verdict in verdicts.items():
        goal, _, rows = key.partition("@")
        where = f" [{int(rows):,} IROs]" if rows else ""
        word = {True: "PASS", False: "FAIL", None: "NOT JUDGED"}[verdict["pass"]]
        print(f"  {word}: {goals[goal]}{where}: {verdict['detail']}")


# ------------------------------------------------------------------ profiling


def profile(rows: int, out: Path, stages: list[str], timeout: float) -> None:
    """cProfile chosen stages of one in-process pipeline run; .pstats saved per stage."""
    import cProfile
    import pstats

    path = _ingest_bench().ensure_workbook(out, rows)
    api = _api()
    import weasyprint  # noqa: F401

    profilers: dict[str, cProfile.Profile] = {}
    seconds: dict[str, float] = {}
    stopped: list[str] = []

    def timed(stage: str, call):
        if stage == "pdf" and stage not in stages:
            return b""  # not asked for: skipped (the statement's PDF is the slow part)
        profiler = profilers.setdefault(stage, cProfile.Profile()) if stage in stages else None
        with _Limit(timeout if profiler else 0):
            clock = time.perf_counter()
            if profiler:
                profiler.enable()
            try:
                return call()
            except StageTimeout:
                stopped.append(stage)
                raise
            finally:
                if profiler:
                    profiler.disable()
                seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - clock

    with contextlib.suppress(StageTimeout):
        run_pipeline(api, str(path), out / f"build-{rows}-profile-outputs", timed, {})
    for stage, profiler in profilers.items():
        stats_path = out / f"build-profile-{rows}-{stage}.pstats"
        profiler.dump_stats(stats_path)
        print(
            f"\n=== {stage}: {seconds[stage]:.3f} s under cProfile"
            + (" (stopped: partial profile)" if stage in stopped else "")
        )
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(25)
        stats.sort_stats("cumulative").print_stats(25)
        print(f"profile saved to {stats_path}")
    print("\nseconds per stage: " + ", ".join(f"{k} {v:.3f}" for k, v in seconds.items()))


# ------------------------------------------------------------------ command line


def _sizes(text: str) -> list[int]:
    return [int(part.replace("_", "").replace("k", "000")) for part in text.split(",") if part]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark the esrs-s3 build pipeline per stage, and its PDF against"
        " WeasyPrint alone."
    )
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=list(DEFAULT_SIZES),
        help="comma-separated IRO (impact row) counts (default 1000,10000)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (median)")
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help="folder for workbooks, outputs and build.json (default bench/out)",
    )
    parser.add_argument(
        "--stage-timeout",
        type=float,
        default=DEFAULT_STAGE_TIMEOUT,
        help="stop a stage after this many seconds (default 300; 0: never)",
    )
    parser.add_argument(
        "--profile", type=int, metavar="ROWS", help="only cProfile stages on ROWS IROs"
    )
    parser.add_argument(
        "--stages",
        default="read,assess,matrix,map,xhtml,check,write",
        help="stages to profile with --profile (default all but pdf)",
    )
    parser.add_argument("--worker", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        kind, first, second, rows = args.worker
        if kind == "pipeline":
            sample = pipeline_worker(first, second, int(rows), args.stage_timeout)
        else:
            sample = weasyprint_worker(first, second, args.stage_timeout)
        print(json.dumps(sample, default=str))
        return 0
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    if args.profile:
        stages = [s for s in args.stages.split(",") if s]
        unknown = set(stages) - set(STAGES)
        if unknown:
            parser.error(f"unknown stages {sorted(unknown)}; choose from {', '.join(STAGES)}")
        profile(args.profile, out, stages, args.stage_timeout)
        return 0
    results = run(args.sizes, max(1, args.repeat), out, args.stage_timeout)
    print_table(results)
    (out / "build.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"results written to {out / 'build.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
