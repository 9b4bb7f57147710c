"""Benchmark: reading and validating input workbooks against bare Rust readers.

Usage (from the repository root, with the project's virtual environment)::

    python bench/ingest.py                          # 1k, 10k and 100k impact rows, 3 repeats
    python bench/ingest.py --sizes 1000,10000       # a subset
    python bench/ingest.py --repeat 5 --out /tmp/bench
    python bench/ingest.py --profile 10000          # cProfile of read_workbook on one size

What it does:

1. Generates valid input workbooks (per the contract in datapoints/workbook-v1.toml) with N rows
   on Impacts, N/20 Policies, N/5 Actions, N/10 Targets, a filled Undertaking sheet (with a
   valid ISO 17442 LEI) and header-only Engagement, Channels and Incidents sheets. Generation
   is deterministic (fixed seed) and written with openpyxl in write-only mode; files are cached
   in the output folder (default bench/out/, git-ignored) as ingest-v<GEN>-<N>.xlsx, so reruns
   skip it. Delete the files (or bump GENERATOR_VERSION) to regenerate.
2. Measures, for each size, three readers; every measurement runs in a fresh subprocess:
     calamine   bare python-calamine: CalamineWorkbook.from_path, then for each contract sheet
                present get_sheet_by_name(name).to_python(skip_empty_area=False)
     fastexcel  fastexcel.read_excel(path).load_sheet_by_name(name).to_arrow() for the same
                sheets (default dtype inference; header on row 1)
     esrs-s3    esrs_s3.read_workbook(path): package safety scan, sha256, full read, validation
                and pydantic model building; the result must have 0 errors (checked)
   Timing: wall-clock (perf_counter) inside the subprocess around the read only, AFTER the
   reader's imports; import time is measured separately in the same subprocess and reported on
   its own line. Interpreter start-up is in neither. Peak memory is the subprocess's own peak
   RSS (VmHWM from /proc/self/status; ru_maxrss is not used because Linux carries it over
   from the forking parent), so it includes the interpreter and the imported modules.
   Measurements are interleaved (repeat r runs all readers before repeat r+1) and the median
   of --repeat runs is reported.
3. Prints a table and the acceptance goal ("read-and-validate at 10k rows within 2x of the
   bare Rust reader", judged on esrs-s3 / calamine), and writes everything as JSON to
   <out>/ingest.json.

Bench-only dependencies (not runtime dependencies of esrs-s3): fastexcel and pyarrow
(`pip install fastexcel pyarrow`); openpyxl and python-calamine come with esrs-s3.
Timings on shared machines vary by 20-40 % between runs: compare ratios within one run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

GENERATOR_VERSION = 2
SEED = 20250101
DEFAULT_SIZES = (1_000, 10_000, 100_000)
TOOLS = ("calamine", "fastexcel", "esrs-s3")
GOAL_ROWS = 10_000
GOAL_RATIO = 2.0
HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "out"

# ------------------------------------------------------------------ realistic-looking content

COUNTRIES = (
    "DE", "FR", "ES", "IT", "PL", "NL", "BR", "IN", "ZA", "ID", "PE", "CO", "NG", "KE", "PH",
    "MX", "CL", "GH", "VN", "BD", "US", "CA", "AU", "TR", "MA", "EG", "PK", "TZ", "MZ", "GT",
)  # fmt: skip
SUBJECTS = (
    "Expansion of the open-pit mine", "Water abstraction at the bottling plant",
    "Construction of the access road", "Resettlement linked to the solar park",
    "Security contractors at the quarry", "Dust from ore trucks", "Night shifts at the port",
    "Land leases for the plantation", "Effluent from the dye house", "Noise from the wind farm",
    "Closure of the regional depot", "Traffic of heavy vehicles through the village",
    "Tailings storage facility", "Sourcing of cobalt from artisanal mines",
    "Sale of surveillance software", "Pipeline crossing grazing land",
    "Community health programme", "Local hiring scheme", "Flood defences built by the plant",
    "Grievance desk at the site gate",
)  # fmt: skip
EFFECTS = (
    "reduces access to safe drinking water for", "displaces farming households in",
    "restricts seasonal grazing routes of", "increases respiratory complaints among",
    "creates local jobs and training for", "raises the risk of violent incidents for",
    "limits the fishing grounds of", "disturbs sacred sites of", "improves road safety for",
    "raises rents and food prices for", "puts pressure on the schools and clinics of",
    "brings reliable electricity to", "could be misused to monitor journalists in",
    "exposes children to traffic hazards in", "restricts peaceful protest by",
)  # fmt: skip
GROUPS = (
    "the riverside villages", "indigenous communities of the highlands",
    "smallholder cooperatives", "informal settlements near the site", "fishing communities",
    "women-led households", "pastoralist clans", "residents along the haul road",
    "migrant workers' families", "the municipality downstream of the dam",
)  # fmt: skip
DETAILS = (
    "as reported in the 2024 community survey", "according to the local NGO monitoring report",
    "based on the environmental and social impact assessment", "after two dry seasons",
    "during the construction phase", "mainly in the rainy season", "since the 2023 expansion",
    "which grievance records confirm", "pending a hydrogeological study",
    "while compensation talks are ongoing", "as raised by the village council",
    "with effects expected to persist for years", "despite mitigation measures in place",
)  # fmt: skip
EVIDENCE = (
    "Scored with the site team and two external experts.",
    "Severity reflects the number of people affected and the difficulty of remediation.",
    "Likelihood based on incidents at comparable sites in the region.",
    "Sources: ESIA 2022, grievance log, interviews with community representatives.",
    "Financial effect estimated from delay costs and compensation claims.",
    "Reviewed by the human-rights working group in Q3.",
    "Benchmark against sector peers and the OECD due-diligence guidance.",
    "Data from the regional water authority and our own monitoring wells.",
    "Assumes the permit conditions remain unchanged.",
    "Community feedback collected in three public meetings.",
)  # fmt: skip
ROLES = (
    "Chief Executive Officer", "Chief Sustainability Officer", "Head of Human Rights",
    "Site General Manager", "Board ESG Committee", "Head of Procurement", "General Counsel",
)  # fmt: skip
UNITS = ("%", "count", "EUR", "households", "hectares", "m3")
KINDS = ("negative impact", "negative impact", "positive impact", "risk", "opportunity")
ACTION_TYPES = (
    "prevent", "mitigate", "remediate", "positive impact", "manage risk", "pursue opportunity",
)  # fmt: skip


def _text(rng: random.Random, low: int, high: int, pools: tuple[tuple[str, ...], ...]) -> str:
    """A sentence-like text of low..high characters built from the phrase pools in turn."""
    target = rng.randint(low, high)
    parts: list[str] = []
    length = 0
    index = 0
    while length < target:
        part = rng.choice(pools[index % len(pools)])
        parts.append(part)
        length += len(part) + 1
        index += 1
    text = " ".join(parts)
    if len(text) > high:
        text = text[: high - 1].rsplit(" ", 1)[0].rstrip(" ,.") + "."
    return text


def _description(rng: random.Random) -> str:
    return _text(rng, 80, 200, (SUBJECTS, EFFECTS, GROUPS, DETAILS, EVIDENCE))


def _rationale(rng: random.Random) -> str:
    return _text(rng, 80, 200, (EVIDENCE, EVIDENCE, DETAILS))


def _yes_no(rng: random.Random) -> object:
    """Mostly text, sometimes an Excel boolean, as users write both."""
    value = rng.random() < 0.5
    if rng.random() < 0.2:
        return value
    return rng.choice(("yes", "Yes", "y")) if value else rng.choice(("no", "No", "n"))


def _refs(rng: random.Random, prefix: str, count: int, low: int, high: int, width: int) -> str:
    chosen = rng.sample(range(1, count + 1), min(count, rng.randint(low, high)))
    separator = rng.choice(("; ", "; ", ";", ", "))
    return separator.join(f"{prefix}-{n:0{width}d}" for n in chosen)


def valid_lei(base: str) -> str:
    """Append ISO 17442 (ISO 7064 mod 97-10) check digits to an 18-character base."""
    assert len(base) == 18 and base.isalnum() and base.upper() == base
    number = int("".join(str(int(ch, 36)) for ch in base + "00"))
    return f"{base}{98 - number % 97:02d}"


# ------------------------------------------------------------------ workbook generation


# The columns each row generator fills, in its order; the others of the contract stay blank.
ROW_COLUMNS = {
    "Impacts": [
        "id",
        "title",
        "description",
        "sub_topic",
        "sub_sub_topic",
        "kind",
        "status",
        "value_chain",
        "involvement",
        "community_type",
        "countries",
        "human_rights",
        "scale",
        "scope",
        "irremediability",
        "likelihood",
        "financial_magnitude",
        "time_horizon",
        "rationale",
    ],
    "Policies": [
        "id",
        "name",
        "description",
        "impacts",
        "value_chain_scope",
        "communities_covered",
        "references_ungp",
        "references_oecd",
        "references_ilo",
        "indigenous_peoples_provisions",
        "approved_by",
        "accountable_role",
        "public",
        "url",
        "communication",
    ],
    "Actions": [
        "id",
        "title",
        "description",
        "impacts",
        "policies",
        "action_type",
        "status",
        "start",
        "end",
        "time_horizon",
        "value_chain_scope",
        "capex",
        "opex",
        "effectiveness_tracking",
        "leverage_used",
    ],
    "Targets": [
        "id",
        "title",
        "impacts",
        "policies",
        "metric",
        "unit",
        "baseline_value",
        "baseline_year",
        "target_value",
        "target_year",
        "current_value",
        "communities_involved",
        "methodology",
    ],
}


def _impact_row(rng: random.Random, number: int, topics: dict[str, tuple[str, ...]], other: str):
    kind = rng.choice(KINDS)
    status = rng.choice(("actual", "potential"))
    impact = kind in ("negative impact", "positive impact")
    topic = rng.choice(tuple(topics))
    sub_topics = topics[topic]
    sub = rng.choice(sub_topics) if sub_topics and rng.random() < 0.85 else other

    def score() -> int:
        return rng.randint(1, 5)

    def maybe(flag: bool, value):
        return value if flag else None

    countries = "; ".join(rng.sample(COUNTRIES, rng.randint(1, 3))) if rng.random() < 0.9 else None
    return [
        f"IRO-{number:06d}",
        f"{rng.choice(SUBJECTS)} ({rng.choice(COUNTRIES)}-{number})",
        _description(rng),
        topic if rng.random() < 0.9 else topic.upper(),
        sub,
        kind if rng.random() < 0.9 else kind.capitalize(),
        status,
        rng.choice(("own operations", "upstream", "downstream")),
        maybe(impact, rng.choice(("causes", "contributes", "directly linked"))),
        maybe(
            impact,
            rng.choice(
                (
                    "around own sites",
                    "along the value chain",
                    "at value-chain endpoints",
                    "indigenous peoples",
                )
            ),
        ),
        countries,
        _yes_no(rng),
        maybe(impact, score()),
        maybe(impact, score()),
        maybe(kind == "negative impact", score()),
        maybe(status == "potential" or not impact, score()),
        maybe(not impact, score()),
        rng.choice(("short", "medium", "long")),
        _rationale(rng),
    ]


def _policy_row(rng: random.Random, number: int, iros: int):
    public = rng.random() < 0.7
    return [
        f"POL-{number:05d}",
        f"{rng.choice(('Human rights', 'Community relations', 'Land acquisition', 'Security'))}"
        f" policy {number}",
        _text(rng, 80, 200, (EFFECTS, GROUPS, DETAILS, EVIDENCE)),
        _refs(rng, "IRO", iros, 1, 5, 6),
        rng.choice(("All sites and tier-1 suppliers", "Own operations in Latin America", None)),
        rng.choice(("All affected communities", "Indigenous peoples", None)),
        _yes_no(rng),
        _yes_no(rng),
        _yes_no(rng),
        rng.choice(("FPIC sought before any new project on customary land", None)),
        rng.choice(ROLES),
        rng.choice(ROLES),
        "yes" if public else "no",
        f"https://example.com/policies/pol-{number}" if public else None,
        rng.choice(("Intranet, site induction and community meetings", None)),
    ]


def _action_row(rng: random.Random, number: int, iros: int, policies: int):
    start = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    end = start + dt.timedelta(days=rng.randint(0, 900)) if rng.random() < 0.8 else None
    return [
        f"ACT-{number:06d}",
        f"{rng.choice(('Install', 'Fund', 'Train', 'Monitor', 'Relocate'))} measure {number}",
        _text(rng, 80, 200, (EFFECTS, GROUPS, DETAILS)),
        _refs(rng, "IRO", iros, 1, 3, 6),
        _refs(rng, "POL", policies, 0, 2, 5) or None,
        rng.choice(ACTION_TYPES),
        rng.choice(("planned", "in progress", "completed")),
        start if rng.random() < 0.9 else start.isoformat(),
        end,
        rng.choice(("short", "medium", "long")),
        rng.choice(("Site and neighbouring villages", None)),
        round(rng.uniform(0, 2_000_000), 2) if rng.random() < 0.6 else None,
        round(rng.uniform(0, 500_000), 2) if rng.random() < 0.6 else None,
        rng.choice(("Quarterly grievance statistics and water sampling", None)),
        rng.choice(("Contract clauses with suppliers", None)),
    ]


def _target_row(rng: random.Random, number: int, iros: int, policies: int):
    baseline_year = rng.randint(2018, 2024)
    return [
        f"TGT-{number:06d}",
        f"Target {number}: {rng.choice(('fewer grievances', 'more local hires', 'less dust'))}",
        _refs(rng, "IRO", iros, 1, 3, 6),
        _refs(rng, "POL", policies, 0, 2, 5) or None,
        rng.choice(("Grievances resolved within 90 days", "Households with safe water access")),
        rng.choice(UNITS),
        round(rng.uniform(0, 1000), 1),
        baseline_year,
        round(rng.uniform(0, 1000), 1),
        rng.randint(baseline_year, 2035),
        round(rng.uniform(0, 1000), 1) if rng.random() < 0.7 else None,
        _yes_no(rng),
        rng.choice(("Annual survey with an independent auditor", None)),
    ]


def generate(path: Path, rows: int) -> None:
    """Write a valid workbook with `rows` impacts (deterministic for a given size)."""
    from openpyxl import Workbook

    from esrs_s3.contract import FIELD_HEADERS, FIELD_NOTE_HEADER, load_contract
    from esrs_s3.ingest.cells import lei_checksum_ok
    from esrs_s3.rulebook import load_rulebook

    contract = load_contract()
    rulebook = load_rulebook()
    rng = random.Random(SEED + rows)
    n_policies, n_actions, n_targets = max(1, rows // 20), max(1, rows // 5), max(1, rows // 10)
    lei = valid_lei("529900BENCHESRS0S3")
    assert lei_checksum_ok(lei), lei
    undertaking = {
        "name": "Bench Mining & Energy SE",
        "lei": lei,
        "period_start": dt.date(2025, 1, 1),
        "period_end": dt.date(2025, 12, 31),
        "currency": "EUR",
        "employees": 4200,
        "first_reporting_year": 2025,
        "language": "en",
        "rulebook": "esrs-2023",
        "sector": "B07.29 Mining of other non-ferrous metal ores",
        "products_with_misuse_risk": "no",
    }
    generators = {
        "Impacts": (
            rows,
            lambda n: _impact_row(rng, n, rulebook.sub_topics, rulebook.other_sub_sub_topic),
        ),
        "Policies": (n_policies, lambda n: _policy_row(rng, n, rows)),
        "Actions": (n_actions, lambda n: _action_row(rng, n, rows, n_policies)),
        "Targets": (n_targets, lambda n: _target_row(rng, n, rows, n_policies)),
    }
    book = Workbook(write_only=True)
    for spec in contract.sheets:
        if spec.optional:
            continue
        sheet = book.create_sheet(spec.name)
        if spec.layout == "fields":
            sheet.append([*FIELD_HEADERS, FIELD_NOTE_HEADER])
            for column in spec.columns:
                sheet.append([column.name, undertaking.get(column.name), column.help])
            continue
        header = [column.name for column in spec.columns]
        sheet.append(header)
        count, make = generators.get(spec.name, (0, None))
        names = ROW_COLUMNS.get(spec.name, ())
        for number in range(1, count + 1):
            row = make(number)
            assert len(row) == len(names), (spec.name, len(row), len(names))
            values = dict(zip(names, row, strict=True))
            sheet.append([values.get(name) for name in header])
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial.xlsx")
    book.save(partial)
    os.replace(partial, path)


def workbook_path(out: Path, rows: int) -> Path:
    return out / f"ingest-v{GENERATOR_VERSION}-{rows}.xlsx"


def ensure_workbook(out: Path, rows: int) -> Path:
    path = workbook_path(out, rows)
    if path.exists():
        print(f"  {rows:>7,} rows: cached {path.name} ({path.stat().st_size / 1e6:.1f} MB)")
        return path
    started = time.perf_counter()
    generate(path, rows)
    print(
        f"  {rows:>7,} rows: generated {path.name} ({path.stat().st_size / 1e6:.1f} MB)"
        f" in {time.perf_counter() - started:.1f} s"
    )
    return path


# ------------------------------------------------------------------ measurement (subprocess)


def _peak_rss_mb() -> float:
    """Peak resident memory of this process since its exec, in MiB.

    VmHWM, not ru_maxrss: on Linux ru_maxrss survives execve, so a child forked from a big
    parent (this script, after generating a workbook) would report the parent's size.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def worker(tool: str, path: str, sheets: list[str]) -> dict:
    """Run one reader once in this (fresh) process; imports timed apart from the read."""
    extra: dict = {}
    started = time.perf_counter()
    if tool == "calamine":
        from python_calamine import CalamineWorkbook

        imported = time.perf_counter()
        book = CalamineWorkbook.from_path(path)
        present = set(book.sheet_names)
        cells = 0
        for name in sheets:
            if name in present:
                grid = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
                cells += sum(len(row) for row in grid)
        extra["cells"] = cells
    elif tool == "fastexcel":
        import fastexcel
        import pyarrow  # noqa: F401  (to_arrow needs it; its import belongs to import time)

        imported = time.perf_counter()
        reader = fastexcel.read_excel(path)
        present = set(reader.sheet_names)
        rows = 0
        for name in sheets:
            if name in present:
                rows += reader.load_sheet_by_name(name).to_arrow().num_rows
        extra["rows"] = rows
    elif tool == "esrs-s3":
        from esrs_s3 import Limits, Severity, read_workbook

        imported = time.perf_counter()
        result = read_workbook(path, Limits())
        errors = [i for i in result.issues if i.severity is Severity.ERROR]
        extra["errors"] = len(errors)
        extra["issues"] = len(result.issues)
        extra["first_issues"] = [i.to_dict() for i in result.issues[:10]]
        extra["workbook"] = result.workbook is not None
    else:
        raise SystemExit(f"unknown tool {tool}")
    finished = time.perf_counter()
    return {
        "import_s": imported - started,
        "read_s": finished - imported,
        "peak_rss_mb": _peak_rss_mb(),
        **extra,
    }


def measure(tool: str, path: Path, sheets: list[str]) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", tool, str(path)]
    command += ["--sheets", ",".join(sheets)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{tool} on {path.name} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def contract_sheets() -> list[str]:
    from esrs_s3.contract import load_contract

    return list(load_contract().sheet_names)


def check_valid(rows: int, sample: dict) -> None:
    if sample["errors"] or not sample["workbook"]:
        print(f"\nThe generated {rows}-row workbook is not valid: {sample['errors']} errors.")
        for issue in sample["first_issues"]:
            print("  ", json.dumps(issue, default=str))
        raise SystemExit(1)


def run(sizes: list[int], repeat: int, out: Path) -> dict:
    sheets = contract_sheets()
    print("Workbooks:")
    paths = {rows: ensure_workbook(out, rows) for rows in sizes}
    results: dict = {
        "goal": f"read-and-validate at {GOAL_ROWS:,} rows within {GOAL_RATIO:g}x of the bare"
        " Rust reader (esrs-s3 / calamine)",
        "method": "median of --repeat fresh subprocesses; read time after imports; peak RSS of"
        " the subprocess (interpreter and imports included)",
        "repeat": repeat,
        "environment": _environment(),
        "sizes": {},
    }
    for rows in sizes:
        path = paths[rows]
        path.read_bytes()  # warm the page cache for all readers alike
        samples: dict[str, list[dict]] = {tool: [] for tool in TOOLS}
        print(f"Measuring {rows:,} rows ", end="", flush=True)
        for _ in range(repeat):
            for tool in TOOLS:
                sample = measure(tool, path, sheets)
                if tool == "esrs-s3":
                    check_valid(rows, sample)
                samples[tool].append(sample)
                print(".", end="", flush=True)
        print()
        entry = {
            "file": path.name,
            "file_mb": path.stat().st_size / 1e6,
            "policies": max(1, rows // 20),
            "actions": max(1, rows // 5),
            "targets": max(1, rows // 10),
        }
        for tool in TOOLS:
            entry[tool] = {
                "read_s": statistics.median(s["read_s"] for s in samples[tool]),
                "import_s": statistics.median(s["import_s"] for s in samples[tool]),
                "peak_rss_mb": statistics.median(s["peak_rss_mb"] for s in samples[tool]),
                "samples_read_s": [s["read_s"] for s in samples[tool]],
            }
        esrs = samples["esrs-s3"][-1]
        entry["esrs-s3"]["issues"] = esrs["issues"]
        entry["esrs-s3"]["errors"] = esrs["errors"]
        entry["ratio_calamine"] = entry["esrs-s3"]["read_s"] / entry["calamine"]["read_s"]
        entry["ratio_fastexcel"] = entry["esrs-s3"]["read_s"] / entry["fastexcel"]["read_s"]
        results["sizes"][str(rows)] = entry
    goal = results["sizes"].get(str(GOAL_ROWS))
    results["pass"] = None if goal is None else goal["ratio_calamine"] <= GOAL_RATIO
    return results


def _environment() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    versions = {}
    for name in ("esrs-s3", "python-calamine", "fastexcel", "pyarrow", "openpyxl", "pydantic"):
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = None
    return {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "packages": versions,
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }


def print_table(results: dict) -> None:
    head = (
        f"{'rows':>8} {'file MB':>8} │ {'calamine s':>10} {'fastexcel s':>11} {'esrs-s3 s':>10}"
        f" │ {'÷calamine':>9} {'÷fastexcel':>10} │ {'RSS MB cal':>10} {'fx':>6} {'esrs':>6}"
    )
    print()
    print(head)
    print("─" * len(head))
    for rows, entry in results["sizes"].items():
        cal, fx, ours = entry["calamine"], entry["fastexcel"], entry["esrs-s3"]
        print(
            f"{int(rows):>8,} {entry['file_mb']:>8.2f} │ {cal['read_s']:>10.3f}"
            f" {fx['read_s']:>11.3f} {ours['read_s']:>10.3f} │ {entry['ratio_calamine']:>8.2f}x"
            f" {entry['ratio_fastexcel']:>9.2f}x │ {cal['peak_rss_mb']:>10.0f}"
            f" {fx['peak_rss_mb']:>6.0f} {ours['peak_rss_mb']:>6.0f}"
        )
    imports = {
        tool: statistics.median(e[tool]["import_s"] for e in results["sizes"].values())
        for tool in TOOLS
    }
    print(
        "import time (median, not in the read times): "
        + ", ".join(f"{tool} {seconds:.3f} s" for tool, seconds in imports.items())
    )
    counts = {rows: e["esrs-s3"]["issues"] for rows, e in results["sizes"].items()}
    print(f"esrs-s3 issues per workbook (0 errors checked): {counts}")
    print(f"Goal: {results['goal']}.")
    goal = results["sizes"].get(str(GOAL_ROWS))
    if goal is None:
        print(f"  not judged: {GOAL_ROWS:,} rows not in --sizes")
    else:
        verdict = "PASS" if results["pass"] else "FAIL"
        print(
            f"  {verdict}: at {GOAL_ROWS:,} rows esrs-s3 takes {goal['ratio_calamine']:.2f}x"
            f" calamine's time ({goal['esrs-s3']['read_s']:.3f} s vs"
            f" {goal['calamine']['read_s']:.3f} s)"
        )


def profile(rows: int, out: Path) -> None:
    """cProfile one in-process read_workbook on the workbook of `rows` rows."""
    import cProfile
    import pstats

    from esrs_s3 import read_workbook

    path = ensure_workbook(out, rows)
    profiler = cProfile.Profile()
    profiler.enable()
    result = read_workbook(path)
    profiler.disable()
    print(f"issues: {len(result.issues)}, workbook built: {result.workbook is not None}")
    stats_path = out / f"ingest-profile-{rows}.pstats"
    profiler.dump_stats(stats_path)
    stats = pstats.Stats(profiler).strip_dirs()
    stats.sort_stats("cumulative").print_stats(30)
    stats.sort_stats("tottime").print_stats(25)
    print(f"profile saved to {stats_path}")


def _sizes(text: str) -> list[int]:
    return [int(part.replace("_", "").replace("k", "000")) for part in text.split(",") if part]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmark esrs-s3 read_workbook against python-calamine and fastexcel."
    )
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=list(DEFAULT_SIZES),
        help="comma-separated impact row counts (default 1000,10000,100000)",
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help="folder for generated workbooks and ingest.json (default bench/out)",
    )
    parser.add_argument(
        "--profile",
        type=int,
        metavar="ROWS",
        help="only profile read_workbook on the workbook of ROWS rows",
    )
    parser.add_argument("--worker", nargs=2, metavar=("TOOL", "PATH"), help=argparse.SUPPRESS)
    parser.add_argument("--sheets", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        tool, path = args.worker
        print(json.dumps(worker(tool, path, [s for s in args.sheets.split(",") if s])))
        return 0
    out = args.out.resolve()
    if args.profile:
        profile(args.profile, out)
        return 0
    results = run(args.sizes, max(1, args.repeat), out)
    print_table(results)
    out.mkdir(parents=True, exist_ok=True)
    (out / "ingest.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"results written to {out / 'ingest.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
