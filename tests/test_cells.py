"""Cell parsers: what is accepted, what is refused, and what the message says."""

from __future__ import annotations

import datetime as dt
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from esrs_s3.contract import load_contract
from esrs_s3.ingest.cells import (
    BadCell,
    lei_checksum_ok,
    parse_countries,
    parse_currency,
    parse_date,
    parse_enum,
    parse_ituc,
    parse_lei,
    parse_score,
    parse_url,
    parse_yes_no,
    split_list,
)
from esrs_s3.ingest.reader import cell_context

CTX = cell_context(load_contract(), "esrs-2023")
IMPACTS = load_contract().sheet("Impacts")
KIND = IMPACTS.column("kind")
SCALE = IMPACTS.column("scale")


def lei_with_check_digits(prefix: str) -> str:
    number = int("".join(str(int(ch, 36)) for ch in prefix + "00"))
    return f"{prefix}{98 - number % 97:02d}"


@pytest.mark.parametrize(
    "lei", ["529900T8BM49AURSDO55", "5493001KJTIIGC8Y1R12", "7LTWFZYICNSX8D621K86"]
)
def test_published_leis_pass_the_checksum(lei: str) -> None:
    assert parse_lei(lei, KIND, CTX) == lei
    assert parse_lei(lei.lower(), KIND, CTX) == lei


@given(st.text(alphabet=string.ascii_uppercase + string.digits, min_size=18, max_size=18))
def test_check_digits_we_compute_always_pass(prefix: str) -> None:
    assert lei_checksum_ok(lei_with_check_digits(prefix))


@given(
    st.text(alphabet=string.ascii_uppercase + string.digits, min_size=18, max_size=18),
    st.integers(min_value=0, max_value=17),
    st.sampled_from(string.digits),
)
def test_changing_one_digit_breaks_the_checksum(prefix: str, position: int, digit: str) -> None:
    """ISO 7064 MOD 97-10 catches every single-digit substitution (a letter, which stands for
    two digits, replaced by a digit is not such a substitution)."""
    if not prefix[position].isdigit():
        prefix = prefix[:position] + "7" + prefix[position + 1 :]
    lei = lei_with_check_digits(prefix)
    changed = lei[:position] + digit + lei[position + 1 :]
    if changed != lei:
        assert not lei_checksum_ok(changed)


@pytest.mark.parametrize("bad", ["529900T8BM49AURSDO56", "529900T8BM49AURSDO5", "not a lei", 12.0])
def test_bad_leis_are_refused(bad: object) -> None:
    with pytest.raises(BadCell) as caught:
        parse_lei(bad, KIND, CTX)
    assert caught.value.code == "invalid-lei"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (dt.date(2025, 3, 4), dt.date(2025, 3, 4)),
        (dt.datetime(2025, 3, 4, 0, 0), dt.date(2025, 3, 4)),
        ("2025-03-04", dt.date(2025, 3, 4)),
        (" 2025-03-04 ", dt.date(2025, 3, 4)),
    ],
)
def test_dates_accepted(raw: object, expected: dt.date) -> None:
    assert parse_date(raw, KIND, CTX) == expected


@pytest.mark.parametrize(
    ("raw", "code", "phrase"),
    [
        ("03/04/2025", "ambiguous-date", "ambiguous"),
        ("3.4.25", "ambiguous-date", "ambiguous"),
        ("2025-02-30", "invalid-date", "not a real date"),
        ("March 2025", "invalid-date", '"March 2025"'),
        (45720.0, "wrong-type", "format the cell as a date"),
        (True, "invalid-date", "TRUE"),
    ],
)
def test_dates_refused(raw: object, code: str, phrase: str) -> None:
    with pytest.raises(BadCell) as caught:
        parse_date(raw, KIND, CTX)
    assert caught.value.code == code
    assert phrase in caught.value.found


@pytest.mark.parametrize("raw", [True, "yes", "YES", " y ", "true", "True"])
def test_yes(raw: object) -> None:
    assert parse_yes_no(raw, KIND, CTX) is True


@pytest.mark.parametrize("raw", [False, "no", "N", "false"])
def test_no(raw: object) -> None:
    assert parse_yes_no(raw, KIND, CTX) is False


@pytest.mark.parametrize("raw", ["maybe", 1.0, 0.0, "ja", dt.date(2025, 1, 1)])
def test_not_yes_no(raw: object) -> None:
    with pytest.raises(BadCell):
        parse_yes_no(raw, KIND, CTX)


@pytest.mark.parametrize("raw", ["Negative Impact", "  negative   impact ", "NEGATIVE IMPACT"])
def test_enums_ignore_case_and_spaces(raw: str) -> None:
    assert parse_enum(raw, KIND, CTX) == "negative impact"


def test_enum_message_lists_the_values() -> None:
    with pytest.raises(BadCell) as caught:
        parse_enum("harm", KIND, CTX)
    assert caught.value.expected.startswith('one of "negative impact", "positive impact"')
    assert caught.value.found == '"harm"'


@given(st.integers(min_value=1, max_value=5))
def test_scores_in_range(value: int) -> None:
    assert parse_score(float(value), SCALE, CTX) == value
    assert parse_score(str(value), SCALE, CTX) == value


@given(st.one_of(st.integers(max_value=0), st.integers(min_value=6)))
def test_scores_out_of_range(value: int) -> None:
    with pytest.raises(BadCell) as caught:
        parse_score(float(value), SCALE, CTX)
    assert caught.value.code == "score-out-of-range"


@pytest.mark.parametrize("raw", [2.5, "high", True, "3 stars"])
def test_scores_must_be_whole_numbers(raw: object) -> None:
    with pytest.raises(BadCell) as caught:
        parse_score(raw, SCALE, CTX)
    assert caught.value.code == "wrong-type"


def test_lists_split_on_semicolons_and_commas() -> None:
    assert split_list("IRO-01; IRO-02,IRO-03 ;; IRO-01") == ("IRO-01", "IRO-02", "IRO-03")


def test_countries_and_currency() -> None:
    assert parse_countries("de; fr, DE", KIND, CTX) == ("DE", "FR")
    with pytest.raises(BadCell) as caught:
        parse_countries("DE; UK", KIND, CTX)
    assert caught.value.found == '"UK"'
    assert parse_currency(" eur ", KIND, CTX) == "EUR"
    with pytest.raises(BadCell):
        parse_currency("EURO", KIND, CTX)


def test_ituc_accepts_5_plus() -> None:
    assert parse_ituc("5+", KIND, CTX) == "5+"
    assert parse_ituc(3.0, KIND, CTX) == "3"
    with pytest.raises(BadCell):
        parse_ituc("6", KIND, CTX)


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "www.example.com", "http://a b"])
def test_urls_must_be_http(bad: str) -> None:
    with pytest.raises(BadCell):
        parse_url(bad, KIND, CTX)
