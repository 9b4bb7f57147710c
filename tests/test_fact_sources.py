"""No constant-valued fact: every fact of the defence sample depends on the cells it cites.

For each column the statement's facts cite, the sample is written again with that column's
cited cells changed, and the statement composed again; each fact citing the column must then
change or disappear in at least one of the variants tried: a text extended, a yes/no
flipped (and all set to no, and all to yes), an enumeration moved to each other value, a
score to each other score, a number, year or date moved, a list shortened or lengthened,
ids renamed everywhere. A variant the validator refuses is skipped; a column with no valid
variant is a failure. Facts that describe the assessment method are derived from its
parameters instead and must change when a parameter is set on the Settings sheet; the few
derived from the statement itself are named, with what they follow.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SAMPLES
from openpyxl import load_workbook

from esrs_s3 import read_workbook
from esrs_s3.assess import assess
from esrs_s3.contract import load_contract
from esrs_s3.disclose.mapping import compose_statement
from esrs_s3.render.document import Document
from esrs_s3.resources import load_toml

SAMPLE = SAMPLES / "defence_manufacturer.xlsx"
CELL = re.compile(r"^(?P<sheet>[^!]+)!(?P<col>[A-Z]+)(?P<row>\d+)$")
# Method descriptions (ESRS 2 IRO-1 ¶53): derived from the assessment parameters, whether set
# on the Settings sheet or left at the rulebook default (assessment.xlsx, sheet Parameters).
# They cite the Settings cells of the parameters set there.
FROM_PARAMETERS = {
    "IRO-1_01": "impact_threshold",
    "IRO-1_03": "screening_sum_threshold",
    "IRO-1_06": "impact_threshold",
    "IRO-1_09": "financial_threshold",
    "IRO-1_14": "impact_threshold",
}
# Derived from the statement itself: which datapoints it discloses (the GOV-4 map, the
# Appendix B list) and which requirements its sections report (IRO-2 ¶56); their coverage
# note says so, and test_gaps / test_build check that they follow the statement.
FROM_THE_STATEMENT = {"GOV-4_01", "IRO-2_01", "IRO-2_02"}
TOPICS = {t["name"]: t["sub_sub_topics"] for t in load_toml("esrs-2023/topics.toml")["sub_topics"]}
ANSWERED = ("S3.SBM-3_01", "S3.SBM-3_08", "SBM-2_11")  # Narratives rows answering yes or no
Key = tuple[str, str, tuple, tuple]


def facts_by_key(document: Document) -> dict[Key, str]:
    contexts = {c.id: c for c in document.contexts}
    out = {}
    for f in document.facts:
        c = contexts[f.context]
        out[(f.datapoint, f.concept, c.explicit, c.typed)] = f.value or f.shown
    return out


def compose(path: Path) -> Document | None:
    result = read_workbook(path)
    if not result.ok:
        return None
    return compose_statement(result.workbook, assess(result.workbook)).document


def cited_columns(document: Document) -> dict[tuple[str, str], dict[int, list[Key]]]:
    """(sheet, column letter) -> row -> keys of the facts citing that cell."""
    contexts = {c.id: c for c in document.contexts}
    out: dict[tuple[str, str], dict[int, list[Key]]] = defaultdict(lambda: defaultdict(list))
    for f in document.facts:
        if f.datapoint in FROM_PARAMETERS or f.datapoint in FROM_THE_STATEMENT:
            continue
        c = contexts[f.context]
        for source in f.sources:
            m = CELL.match(source)
            assert m, source
            out[(m["sheet"], m["col"])][int(m["row"])].append(
                (f.datapoint, f.concept, c.explicit, c.typed)
            )
    return out


def _items(value: object) -> list[str]:
    return [v.strip() for v in str(value or "").replace(",", ";").split(";") if v.strip()]


def variants(value: object, kind: str, choices: list) -> Iterator[object]:
    """Other values for a cell of `kind` (`choices`: an enumeration's values, the ids a list
    may hold, or the sub-sub-topics of the row's sub-topic)."""
    if kind == "yes_no":
        yes = value is True or str(value).strip().lower() in ("yes", "true", "y")
        yield from ("no" if yes else "yes", "no", "yes")
    elif kind in ("enum", "topic", "subtopic"):
        yield from (v for v in choices if v != str(value or "").strip().lower())
    elif kind == "score":
        yield from (v for v in (1, 2, 3, 4, 5) if v != value)
    elif kind in ("amount", "number", "integer", "percentile"):
        yield from ((value or 0) + 7, (value or 0) * 3 + 1000)
    elif kind == "year":
        yield from ((value or 2020) + 1, (value or 2020) - 1)
    elif kind == "date":
        start = value if isinstance(value, dt.datetime | dt.date) else dt.datetime(2025, 6, 1)
        yield from (start + dt.timedelta(days=1), start - dt.timedelta(days=1))
    elif kind == "url":
        yield f"{value}/changed" if value else "https://example.org/put-in-by-the-test"
    elif kind in ("text", "narrative"):
        yield f"{value} Changed by the test." if value else "A text put in by the test."
    elif kind in ("countries", "country"):
        yield from ("FR", "NO")
    elif kind == "refs":  # shortened, lengthened, or every list down to one and the same id
        items = _items(value)
        extra = [i for i in choices if i not in items]
        if len(items) > 1:
            yield "; ".join(items[:-1])
        if extra:
            yield "; ".join([*items, extra[0]])
        yield from (choices[0], choices[1], choices[-1])
    elif kind == "kind":  # to a kind the row's other columns fit (see `fill_for`)
        yield from {
            "negative impact": ["positive impact"],
            "positive impact": ["negative impact", "risk"],
            "risk": ["opportunity"],
            "opportunity": ["risk"],
        }.get(value, [])
    elif kind == "status":
        yield from (["actual"] if value == "potential" else ["potential"])


def fill_for(sheet, row: int, column: str, value: object) -> None:
    """What a changed kind or status needs on an Impacts row: an irremediability score for
    a negative impact, a likelihood for a potential one, a magnitude for a risk."""
    if (column, value) == ("kind", "negative impact") and sheet[f"O{row}"].value is None:
        sheet[f"O{row}"].value = 3
    if (column, value) in (("status", "potential"), ("kind", "risk")) and not sheet[
        f"P{row}"
    ].value:
        sheet[f"P{row}"].value = 3
    if (column, value) == ("kind", "risk") and sheet[f"Q{row}"].value is None:
        sheet[f"Q{row}"].value = 2


def rename_ids(book, sheet_name: str, letter: str, rows) -> None:
    """New ids for the cited rows, and every reference to them on any sheet."""
    sheet = book[sheet_name]
    renamed = {}
    for row in rows:
        old = sheet[f"{letter}{row}"].value
        renamed[old] = f"{old}-X"
        sheet[f"{letter}{row}"].value = renamed[old]
    for other in book.worksheets:
        for line in other.iter_rows(min_row=2):
            for cell in line:
                if isinstance(cell.value, str) and (cell.value in renamed or ";" in cell.value):
                    cell.value = "; ".join(renamed.get(p, p) for p in _items(cell.value))


@pytest.fixture(scope="module")
def baseline() -> Document:
    document = compose(SAMPLE)
    assert document is not None
    return document


def test_every_fact_cites_a_cell(baseline) -> None:
    """Facts cite the cells they come from; only the method descriptions may cite none (when
    every parameter is at its default) and those derived from the statement itself."""
    uncited = {f.datapoint for f in baseline.facts if not f.sources}
    assert uncited <= set(FROM_PARAMETERS) | FROM_THE_STATEMENT, uncited
    assert not {f.datapoint for f in baseline.facts if f.sources} & FROM_THE_STATEMENT


def test_every_fact_changes_with_the_cells_it_cites(baseline, tmp_path) -> None:
    contract = load_contract()
    specs = {(s.name, c.name): (c, s) for s in contract.sheets for c in s.columns}
    before = facts_by_key(baseline)
    problems = []
    for (sheet_name, letter), rows in sorted(cited_columns(baseline).items()):
        original = load_workbook(SAMPLE)
        header = {c.column_letter: str(c.value).strip().lower() for c in original[sheet_name][1]}
        name = header[letter]
        if sheet_name == "Narratives":
            kind = "narrative"
        elif sheet_name == "Undertaking":
            kind = "text"
        else:
            kind = specs[(sheet_name, name)][0].kind
        pending = {key for keys in rows.values() for key in keys}
        tried = valid = 0
        while pending and tried < 6:
            book = load_workbook(SAMPLE)
            sheet = book[sheet_name]
            if kind == "id":
                if tried:
                    break
                rename_ids(book, sheet_name, letter, rows)
            else:
                done = False
                for row in rows:
                    choices: list = []
                    if kind == "enum":
                        choices = list(contract.enums[specs[(sheet_name, name)][0].argument])
                    elif kind == "topic":  # with `other` below it, which fits every sub-topic
                        choices = list(TOPICS)
                        sheet[f"E{row}"].value = "other"
                    elif kind == "subtopic":
                        choices = [*TOPICS.get(sheet[f"D{row}"].value, ()), "other"]
                    elif kind == "refs":
                        target = book[specs[(sheet_name, name)][0].argument]
                        choices = [r[0].value for r in target.iter_rows(min_row=2) if r[0].value]
                    cell = sheet[f"{letter}{row}"]
                    if sheet_name == "Narratives" and sheet[f"A{row}"].value in ANSWERED:
                        options = list(variants(cell.value, "yes_no", []))
                    elif (sheet_name, name) in (("Impacts", "kind"), ("Impacts", "status")):
                        options = list(variants(cell.value, name, []))
                    else:
                        options = list(variants(cell.value, kind, choices))
                    if tried < len(options):
                        cell.value, done = options[tried], True
                        fill_for(sheet, row, name, cell.value)
                if not done:
                    break
            tried += 1
            path = tmp_path / f"{sheet_name}-{letter}-{tried}.xlsx"
            book.save(path)
            document = compose(path)
            if document is None:
                continue
            valid += 1
            after = facts_by_key(document)
            pending = {k for k in pending if k in after and after[k] == before[k]}
        if not valid:
            problems.append(f"{sheet_name}!{letter} ({name}): no valid variant to try")
            continue
        unchanged = defaultdict(list)
        for dp, concept, _, typed in pending:
            unchanged[(dp, concept.split(":")[1][:40])] += [v for _, v in typed]
        for (dp, concept), items in sorted(unchanged.items()):
            problems.append(
                f"{dp} ({concept}{', ' + ', '.join(sorted(items)) if items else ''}) cites "
                f"{sheet_name}!{letter} ({name}) but did not change in {valid} variants"
            )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("dp_id", "parameter"), sorted(FROM_PARAMETERS.items()))
def test_method_descriptions_change_with_the_parameters(baseline, tmp_path, dp_id, parameter):
    book = load_workbook(SAMPLE)
    values = {"impact_threshold": 3.5, "financial_threshold": 3.5, "screening_sum_threshold": 14}
    (row,) = [r for r in book["Settings"].iter_rows(min_row=2) if r[0].value == parameter]
    row[1].value = values[parameter]
    path = tmp_path / "settings.xlsx"
    book.save(path)
    document = compose(path)
    assert document is not None
    before = [f.shown for f in baseline.facts if f.datapoint == dp_id]
    after = [f.shown for f in document.facts if f.datapoint == dp_id]
    assert before and after and before != after, dp_id
    assert any(
        row[1].coordinate in " ".join(f.sources) for f in document.facts if f.datapoint == dp_id
    )  # and then cites the Settings cell
