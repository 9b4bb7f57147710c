"""Parse one cell value by its contract type. A bad value raises `BadCell(expected, found)`.

Values come from python-calamine: str, float, bool, datetime.date / datetime.datetime.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from esrs_s3.contract import ColumnSpec

YES = frozenset({"yes", "true", "y"})
NO = frozenset({"no", "false", "n"})
_NUMBER_TEXT = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SLASH_DATE = re.compile(r"\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")
_LEI = re.compile(r"[A-Z0-9]{18}[0-9]{2}")
_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
_COUNTRY_EXPECTED = "an ISO 3166-1 alpha-2 country code such as DE"


class BadCell(Exception):
    """A cell value that does not fit its column; `code` is a stable issue code."""

    def __init__(self, code: str, expected: str, found: str) -> None:
        super().__init__(expected)
        self.code = code
        self.expected = expected
        self.found = found


@dataclass(frozen=True)
class CellContext:
    """What parsing needs beyond the cell: enumerations and code lists."""

    enums: dict[str, dict[str, str]]  # enum name -> normalised text -> canonical value
    sub_topics: dict[str, str]
    sub_sub_topics: dict[str, str]
    countries: frozenset[str]
    currencies: frozenset[str]
    languages: frozenset[str]
    rulebooks: tuple[str, ...]
    narratives: dict[str, str]  # normalised datapoint id -> id, for the Narratives sheet
    reliefs: dict[str, str] = field(default_factory=dict)  # normalised key -> key
    rulebook: str = ""  # the rulebook the workbook is read under


def normalise(text: str) -> str:
    """Case- and space-insensitive form used to match enumerations and headers."""
    return " ".join(text.split()).lower()


def is_blank(raw: object) -> bool:
    return raw is None or (raw.__class__ is str and not raw.strip())


def describe(raw: object) -> str:
    """How a found value is shown in a message."""
    if is_blank(raw):
        return "an empty cell"
    if isinstance(raw, bool):
        return "TRUE" if raw else "FALSE"
    if isinstance(raw, float):
        return f"the number {_number_text(raw)}"
    if isinstance(raw, dt.datetime):
        return f"the date and time {raw.isoformat(sep=' ')}"
    if isinstance(raw, dt.date):
        return f"the date {raw.isoformat()}"
    text = str(raw)
    if len(text) > 60:
        text = text[:57] + "..."
    return f'"{text}"'


def _number_text(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def as_text(raw: object) -> str:
    """Text of a cell whatever Excel stored (numbers without a trailing .0)."""
    if raw.__class__ is str:
        return raw.strip()
    if isinstance(raw, bool):
        return "yes" if raw else "no"
    if isinstance(raw, float):
        return _number_text(raw)
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return str(raw).strip()


def _as_number(raw: object, expected: str) -> float:
    if raw.__class__ is float:
        return raw
    if isinstance(raw, bool):
        raise BadCell("wrong-type", expected, describe(raw))
    if isinstance(raw, float | int):
        return float(raw)
    if raw.__class__ is str and _NUMBER_TEXT.fullmatch(raw.strip()):
        return float(raw.strip())
    if isinstance(raw, dt.date):
        raise BadCell("wrong-type", expected, describe(raw))
    found = describe(raw)
    if raw.__class__ is str and re.search(r"\d", raw):
        found += " (write plain digits: no currency symbol, unit or thousands separator)"
    raise BadCell("wrong-type", expected, found)


def _whole(raw: object, expected: str) -> int:
    value = _as_number(raw, expected)
    if not value.is_integer():
        raise BadCell("wrong-type", expected, describe(raw))
    return int(value)


def parse_text(raw: object, column: ColumnSpec, ctx: CellContext) -> str:
    return as_text(raw)


def yes_no_text(text: str) -> bool | None:
    """True for yes/true/y, False for no/false/n (any case), None for anything else."""
    word = text.strip().lower()
    return True if word in YES else False if word in NO else None


def parse_yes_no(raw: object, column: ColumnSpec, ctx: CellContext) -> bool:
    if raw is True or raw is False:
        return raw
    if raw.__class__ is str:
        text = raw.strip().lower()
        if text in YES:
            return True
        if text in NO:
            return False
    raise BadCell("not-yes-no", "yes or no (also true/false, y/n)", describe(raw))


def _lookup(table: dict[str, str], raw: object) -> str:
    """Canonical value for `raw` (exact first: the common case costs one dict look-up)."""
    if raw.__class__ is str:
        found = table.get(raw)
        if found is None:
            found = table.get(normalise(raw))
        if found is not None:
            return found
    raise BadCell("not-in-list", _one_of(list(table.values())), describe(raw))


def _one_of(values: list[str] | tuple[str, ...]) -> str:
    return "one of " + ", ".join(f'"{v}"' for v in values)


def parse_enum(raw: object, column: ColumnSpec, ctx: CellContext) -> str:
    return _lookup(ctx.enums[column.argument or ""], raw)


def parse_topic(raw: object, column: ColumnSpec, ctx: CellContext) -> str:
    return _lookup(ctx.sub_topics, raw)


def parse_subtopic(raw: object, column: ColumnSpec, ctx: CellContext) -> str:
    return _lookup(ctx.sub_sub_topics, raw)


def parse_score(raw: object, column: ColumnSpec, ctx: CellContext) -> int:
    if raw.__class__ is float and raw in (1.0, 2.0, 3.0, 4.0, 5.0):
        return int(raw)
    expected = "a whole number from 1 to 5"
    value = _whole(raw, expected)
    if not 1 <= value <= 5:
        raise BadCell("score-out-of-range", expected, describe(raw))
    return value


def parse_integer(raw: object, column: ColumnSpec, ctx: CellContext) -> int:
    expected = "a whole number"
    value = _whole(raw, expected)
    low = 0 if column.minimum is None else column.minimum
    high = column.maximum
    if value < low or (high is not None and value > high):
        bounds = f"from {low:g} to {high:g}" if high is not None else f"of at least {low:g}"
        raise BadCell("out-of-range", f"a whole number {bounds}", describe(raw))
    return value


def parse_year(raw: object, column: ColumnSpec, ctx: CellContext) -> int:
    expected = "a four-digit year such as 2025"
    value = _whole(raw, expected)
    if not 1900 <= value <= 2100:
        raise BadCell("out-of-range", expected, describe(raw))
    return value


def parse_number(raw: object, column: ColumnSpec, ctx: CellContext) -> float:
    value = _as_number(raw, "a number")
    if (column.minimum is not None and value < column.minimum) or (
        column.maximum is not None and value > column.maximum
    ):
        raise BadCell(
            "out-of-range", f"a number from {column.minimum:g} to {column.maximum:g}", describe(raw)
        )
    return value


def parse_amount(raw: object, column: ColumnSpec, ctx: CellContext) -> float:
    expected = "an amount: a number of 0 or more in the reporting currency"
    value = _as_number(raw, expected)
    if value < 0:
        raise BadCell("out-of-range", expected, describe(raw))
    return value


def parse_percentile(raw: object, column: ColumnSpec, ctx: CellContext) -> float:
    expected = "a percentile from 0 to 100"
    value = _as_number(raw, expected)
    if not 0 <= value <= 100:
        raise BadCell("out-of-range", expected, describe(raw))
    return value


def parse_ituc(raw: object, column: ColumnSpec, ctx: CellContext) -> str:
    text = as_text(raw).replace(" ", "")
    if text in {"1", "2", "3", "4", "5", "5+"}:
        return text
    raise BadCell("not-in-list", "an ITUC rating: 1, 2, 3, 4, 5 or 5+", describe(raw))


def parse_date(raw: object, column: ColumnSpec, ctx: CellContext) -> dt.date:
    expected = "a date (an Excel date or YYYY-MM-DD text)"
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if raw.__class__ is str:
        text = raw.strip()
        if _ISO_DATE.fullmatch(text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                raise BadCell(
                    "invalid-date", expected, f'"{text}", which is not a real date'
                ) from None
        if _SLASH_DATE.fullmatch(text):
            raise BadCell(
                "ambiguous-date",
                expected,
                f'"{text}", whose day and month order is ambiguous',
            )
    if isinstance(raw, float):
        raise BadCell("wrong-type", expected, f"{describe(raw)} (format the cell as a date)")
    raise BadCell("invalid-date", expected, describe(raw))


def split_list(raw: object) -> tuple[str, ...]:
    """Items of a `;`- or `,`-separated list, trimmed, blanks and repeats dropped."""
    text = as_text(raw)
    if ";" not in text and "," not in text:
        return (text,) if text else ()
    items: list[str] = []
    for part in text.replace(",", ";").split(";"):
        item = part.strip()
        if item and item not in items:
            items.append(item)
    return tuple(items)


def parse_refs(raw: object, column: ColumnSpec, ctx: CellContext) -> tuple[str, ...]:
    # Existence of each id is checked across sheets in checks.py.
    return split_list(raw)


def _country(code: str, ctx: CellContext) -> str:
    upper = code.strip().upper()
    if upper in ctx.countries:
        return upper
    raise BadCell("unknown-country", _COUNTRY_EXPECTED, f'"{code}"')


def parse_country(raw: object, column: ColumnSpec, ctx: CellContext) -> str:
    if raw.__class__ is not str:
        raise BadCell("unknown-country", _COUNTRY_EXPECTED, describe(raw))
    return _country(raw, ctx)


def parse_countries(raw: object, column: ColumnSpec, ctx: CellContext) -> tuple[str, ...]:
    codes: list[str] = []
    for item in split_list(raw):
        code = item if item in ctx.countries else _country(item, ctx)
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def parse_currency(raw: object, column: ColumnSpec, ctx: CellContext) -> str:
    code = as_text(raw).upper()
    if code in ctx.currencies:
        return code
    raise BadCell("unknown-currency", "an ISO 4217 currency code such as EUR", describe(raw))


def lei_checksum_ok(lei: str) -> bool:
    """ISO 17442 check: letters as numbers (A=10 ... Z=35), the whole number mod 97 is 1."""
    digits = "".join(str(int(ch, 36)) for ch in lei)
    return int(digits) % 97 == 1


def parse_lei(raw: object, column: ColumnSpec, ctx: CellContext) -> str:
    expected = "an ISO 17442 LEI: 20 letters and digits with a valid check number"
    lei = as_text(raw).upper().replace(" ", "")
    if not _LEI.fullmatch(lei):
        raise BadCell("invalid-lei", expected, describe(raw))
    if not lei_checksum_ok(lei):
        raise BadCell("invalid-lei", expected, f'"{lei}", whose check digits are wrong')
    return lei


def parse_url(raw: object, column: ColumnSpec, ctx: CellContext) -> str:
    text = as_text(raw)
    if _URL.fullmatch(text):
        return text
    raise BadCell("invalid-url", "a web address starting with http:// or https://", describe(raw))


def parse_language(raw: object, column: ColumnSpec, ctx: CellContext) -> str:
    code = as_text(raw).lower()
    if code in ctx.languages:
        return code
    raise BadCell("unknown-language", "an ISO 639-1 language code such as en", describe(raw))


def parse_rulebook(raw: object, column: ColumnSpec, ctx: CellContext) -> str:
    text = as_text(raw).lower()
    if text in ctx.rulebooks:
        return text
    raise BadCell("unknown-rulebook", _one_of(ctx.rulebooks), describe(raw))


def parse_reliefs(raw: object, column: ColumnSpec, ctx: CellContext) -> tuple[str, ...]:
    """Keys of the rulebook's reliefs.toml, separated by ';' or ','."""
    found = []
    for key in split_list(raw):
        known = ctx.reliefs.get(normalise(key))
        if known is None:
            expected = (
                _one_of(sorted(ctx.reliefs.values()))
                if ctx.reliefs
                else f"nothing: {ctx.rulebook} has no reliefs to name (another version may)"
            )
            raise BadCell("unknown-relief", expected, f'"{key}"')
        found.append(known)
    return tuple(found)


def parse_narrative(raw: object, column: ColumnSpec, ctx: CellContext) -> str:
    text = as_text(raw)
    found = ctx.narratives.get(normalise(text))
    if found is None:
        examples = ", ".join(list(ctx.narratives.values())[:3])
        raise BadCell(
            "unknown-datapoint",
            f"the id of a datapoint that takes text here ({examples}, ...; listed on the "
            "template's README sheet)",
            describe(raw),
        )
    return found


PARSERS: dict[str, Callable[[object, ColumnSpec, CellContext], object]] = {
    "text": parse_text,
    "id": parse_text,
    "yes_no": parse_yes_no,
    "enum": parse_enum,
    "topic": parse_topic,
    "subtopic": parse_subtopic,
    "score": parse_score,
    "integer": parse_integer,
    "year": parse_year,
    "number": parse_number,
    "amount": parse_amount,
    "percentile": parse_percentile,
    "ituc": parse_ituc,
    "date": parse_date,
    "refs": parse_refs,
    "country": parse_country,
    "countries": parse_countries,
    "currency": parse_currency,
    "lei": parse_lei,
    "url": parse_url,
    "language": parse_language,
    "rulebook": parse_rulebook,
    "narrative": parse_narrative,
    "reliefs": parse_reliefs,
}


def bind_parser(column: ColumnSpec, ctx: CellContext) -> Callable[[object], object]:
    """A one-argument parser for the column (enumeration tables looked up once, not per cell)."""
    kind = column.kind
    if kind == "enum":
        return partial(_lookup, ctx.enums[column.argument or ""])
    if kind == "topic":
        return partial(_lookup, ctx.sub_topics)
    if kind == "subtopic":
        return partial(_lookup, ctx.sub_sub_topics)
    return partial(PARSERS[kind], column=column, ctx=ctx)


_SCORES = {float(n): n for n in range(1, 6)}
_YES_NO = {word: True for word in YES} | {word: False for word in NO}


def fast_path(column: ColumnSpec, ctx: CellContext) -> tuple[type, dict | None] | None:
    """(class, table) for values that can be accepted by one look-up, without a parser call.

    A value of that exact class is looked up in `table` (or taken as it is when `table` is
    None); anything else goes through the column's parser, which also writes the messages.
    The class test keeps True (== 1.0) out of the score table and 1.0 out of the yes/no one.
    """
    kind = column.kind
    if kind == "enum":
        return str, ctx.enums[column.argument or ""]
    if kind == "topic":
        return str, ctx.sub_topics
    if kind == "subtopic":
        return str, ctx.sub_sub_topics
    if kind == "score":
        return float, _SCORES
    if kind == "yes_no":
        return str, _YES_NO
    if kind == "date":
        return dt.date, None
    return None
