"""Worked examples under California's non-union rules.

Sources: California Labor Code 510(a) (1.5x past 8 h a day, past 40 h a week and for the first
8 h of the seventh day; 2x past 12 h and past 8 h on the seventh day; rates not combined),
IWC Wage Order 12-2001 section 11 (a meal within 6 hours for the motion picture industry) and
Labor Code 226.7 (one additional hour of pay at the regular rate per workday without a meal).
"""

from __future__ import annotations

from decimal import Decimal

from prodoffice.domain.rules import evaluate
from prodoffice.domain.rules.tests.helpers import CALIFORNIA, at, card


def test_a_late_meal_costs_one_hour_of_pay() -> None:
    # 07:00 call, lunch 13:30-14:00, wrap 19:00 at $20 an hour: 11.5 h worked.
    result = evaluate(card("07:00", "19:00", ("13:30", "14:00"), rate="20"), CALIFORNIA)
    (violation,) = result.violations
    assert violation.amount == Decimal("20.00")
    assert violation.explanation == (
        "First meal 6 h 30 min after the 07:00 call: 30 min late, one hour's pay $20 "
        "(California Labor Code, meal period)"
    )
    assert violation.explanation_without_money == (
        "First meal 6 h 30 min after the 07:00 call: 30 min late, one hour's pay "
        "(California Labor Code, meal period)"
    )
    assert (result.regular, result.overtime, result.penalties) == (
        Decimal("160.00"),
        Decimal("105.00"),
        Decimal("20.00"),
    )
    assert result.total == Decimal("285.00")


def test_one_hour_of_pay_at_most_per_workday() -> None:
    result = evaluate(card("07:00", "22:00", ("13:30", "14:00"), rate="20"), CALIFORNIA)
    first, second = result.violations
    assert first.amount == Decimal("20.00")
    assert second.amount == Decimal("0")
    assert "already paid one hour for this day" in second.explanation
    assert result.penalties == Decimal("20.00")


def test_a_day_of_six_hours_needs_no_meal() -> None:
    assert evaluate(card("07:00", "13:00", rate="20"), CALIFORNIA).violations == ()


def test_double_time_after_twelve_hours() -> None:
    day = card("07:00", "21:00", ("12:00", "12:30"), ("18:00", "18:30"), rate="20")
    result = evaluate(day, CALIFORNIA)
    assert [(line.kind, line.minutes, line.amount) for line in result.pay] == [
        ("regular", 480, Decimal("160.00")),
        ("overtime", 240, Decimal("120.00")),
        ("double_time", 60, Decimal("40.00")),
    ]
    assert result.violations == ()


def test_the_seventh_day_pays_time_and_a_half_then_double_after_eight() -> None:
    result = evaluate(
        card("07:00", "17:30", ("12:00", "12:30"), rate="20", day_of_workweek=7), CALIFORNIA
    )
    assert [(line.minutes, line.multiplier, line.amount) for line in result.pay] == [
        (480, Decimal("1.5"), Decimal("240.00")),
        (120, Decimal("2"), Decimal("80.00")),
    ]


def test_the_sixth_day_is_an_ordinary_day() -> None:
    result = evaluate(
        card("07:00", "15:30", ("12:00", "12:30"), rate="20", day_of_workweek=6), CALIFORNIA
    )
    assert [line.multiplier for line in result.pay] == [Decimal("1")]


def test_straight_time_past_40_hours_in_the_week_is_overtime() -> None:
    # 36 h worked earlier in the week, 8 h today: 4 straight, 4 at time and a half.
    result = evaluate(
        card("07:00", "15:30", ("12:00", "12:30"), rate="20", week_before=36), CALIFORNIA
    )
    assert [(line.minutes, line.multiplier) for line in result.pay] == [
        (240, Decimal("1")),
        (240, Decimal("1.5")),
    ]
    assert result.pay[1].label == "past 40 h in the week"


def test_daily_and_weekly_overtime_are_not_stacked() -> None:
    # Past 40 in the week and past 8 in the day: still 1.5x, never 2.25x.
    result = evaluate(
        card("07:00", "17:30", ("12:00", "12:30"), rate="20", week_before=40), CALIFORNIA
    )
    assert {line.multiplier for line in result.pay} == {Decimal("1.5")}
    assert sum(line.minutes for line in result.pay) == 600


def test_california_has_no_turnaround_rule() -> None:
    short_night = card("07:00", "13:00", rate="20", previous_wrap=at("23:00", -1))
    assert evaluate(short_night, CALIFORNIA).violations == ()
