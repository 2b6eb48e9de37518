from __future__ import annotations

from datetime import date

from prodoffice.domain.production_rules import check_code, check_phase_dates


def test_production_codes_are_short_capitals_and_digits() -> None:
    assert check_code("DEMO") is None
    assert check_code("NO-2_B") is None
    assert check_code("demo") is not None
    assert check_code("D") is not None
    assert check_code("TOOLONGCODE123") is not None
    assert check_code("-AB") is not None


def test_phase_dates_in_order_pass() -> None:
    assert check_phase_dates(date(2027, 1, 4), date(2027, 2, 1), date(2027, 3, 12), None) == {}


def test_a_shoot_that_starts_before_prep_is_refused_on_that_field() -> None:
    errors = check_phase_dates(date(2027, 2, 1), date(2027, 1, 4), None, None)
    assert set(errors) == {"shoot_start"}
    assert "before prep start" in errors["shoot_start"]


def test_each_date_is_compared_with_the_latest_earlier_one_given() -> None:
    errors = check_phase_dates(date(2027, 1, 4), None, None, date(2027, 1, 1))
    assert set(errors) == {"wrap_end"}
