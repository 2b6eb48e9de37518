"""Worked examples under California's non-union rules.

Sources: California Labor Code 510(a) (1.5x past 8 h a day, past 40 h a week and for the first
8 h of the seventh day; 2x past 12 h and past 8 h on the seventh day; rates not combined),
IWC Wage Order 12-2001 section 11 (a meal within 6 hours for the motion picture industry) and
Labor Code 226.7 (one additional hour of pay at the regular rate per workday without a meal).
Reporting time: IWC Wage Order 12-2001, section 5(A): "furnished less than half said
employee's usual or scheduled day's work, the employee shall be paid for half the usual or
scheduled day's work, but in no event for less than two (2) hours nor more than four (4) hours,
at the employee's regular rate of pay". No premium for a holiday worked.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from prodoffice.domain.rules import TimeCard, evaluate
from prodoffice.domain.rules.tests.helpers import CALIFORNIA, at, card
from prodoffice.domain.rules.timecard import RatePer


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


def test_a_holiday_worked_is_an_ordinary_day_under_the_law() -> None:
    ordinary = card("07:00", "17:30", ("12:00", "12:30"), rate="20")
    holiday = dataclasses.replace(ordinary, holiday=True)
    assert evaluate(holiday, CALIFORNIA).total == evaluate(ordinary, CALIFORNIA).total == 220


def sent_home(wrap: str, scheduled: int, rate: str = "20", rate_per: RatePer = "hour") -> TimeCard:
    return dataclasses.replace(
        card("07:00", wrap, rate=rate, rate_per=rate_per), scheduled_hours=Decimal(scheduled)
    )


def test_reporting_time_pays_half_the_scheduled_day_counting_the_hours_worked() -> None:
    # IWC Wage Order 12, section 5(A): scheduled for 8 h, sent home after 1 h at $20: paid for
    # half the day, 4 h: 1 h worked ($20) and 3 h of reporting time pay ($60).
    result = evaluate(sent_home("08:00", 8), CALIFORNIA)
    (violation,) = result.violations
    assert violation.kind == "reporting_time"
    assert violation.amount == Decimal("60.00")
    assert violation.explanation == (
        "Sent home at 08:00, 1 h worked of 8 h scheduled: reporting time pay makes it 4 h, $60 "
        "more (California Labor Code, reporting time pay)"
    )
    assert result.total == Decimal("80.00")


def test_reporting_time_is_at_most_four_hours() -> None:
    # Scheduled for 10 h, worked 1: half would be 5 h, but no more than 4 are owed: $60 more.
    (violation,) = evaluate(sent_home("08:00", 10), CALIFORNIA).violations
    assert violation.amount == Decimal("60.00")


def test_reporting_time_on_a_six_hour_day_is_three_hours() -> None:
    # Scheduled for 6 h, worked 2: half the day is 3 h, so 1 h more ($20).
    (violation,) = evaluate(sent_home("09:00", 6), CALIFORNIA).violations
    assert violation.amount == Decimal("20.00")


def test_no_reporting_time_once_half_the_scheduled_day_is_worked() -> None:
    assert evaluate(sent_home("11:00", 8), CALIFORNIA).violations == ()


def test_no_reporting_time_when_the_day_rate_already_pays_more() -> None:
    assert evaluate(sent_home("08:00", 8, rate="200", rate_per="day"), CALIFORNIA).violations == ()
