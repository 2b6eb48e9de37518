from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prodoffice.domain.people.contact_rules import (
    ContactRuleError,
    check_date_range,
    normalize_phone,
)


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("3235550101", "(323) 555-0101"),
        ("323.555.0101", "(323) 555-0101"),
        ("1-323-555-0101", "(323) 555-0101"),
        ("(323) 555-0101 x12", "(323) 555-0101 x12"),
        ("323-555-0101 ext. 7", "(323) 555-0101 x7"),
        ("+44 20 7946 0958", "+44 20 7946 0958"),
        ("  ", ""),
    ],
)
def test_phone_numbers_are_tidied_without_changing_what_is_dialled(typed: str, shown: str) -> None:
    assert normalize_phone(typed) == shown


@pytest.mark.parametrize("typed", ["call me", "555-01", "1234567890123456789", "+1 (323) 555-CALL"])
def test_it_refuses_what_cannot_be_dialled(typed: str) -> None:
    with pytest.raises(ContactRuleError):
        normalize_phone(typed)


@given(st.text(max_size=40))
def test_any_text_is_a_phone_number_or_a_clear_error(text: str) -> None:
    try:
        shown = normalize_phone(text)
    except ContactRuleError as error:
        assert str(error)
    else:
        digits = sum(ch.isdigit() for ch in shown)
        assert shown == "" or 7 <= digits <= 21


@given(st.text(alphabet="0123456789", min_size=10, max_size=10))
def test_a_tidied_number_keeps_its_digits(digits: str) -> None:
    assert "".join(ch for ch in normalize_phone(digits) if ch.isdigit()) == digits


def test_an_end_before_the_start_is_refused_with_both_dates_named() -> None:
    with pytest.raises(ContactRuleError, match=r"Mar 1, 2027 is before the start, Mar 5, 2027"):
        check_date_range(date(2027, 3, 5), date(2027, 3, 1))
    check_date_range(date(2027, 3, 5), date(2027, 3, 5))
    check_date_range(None, date(2027, 3, 5))
