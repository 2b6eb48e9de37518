"""Worked examples under the SAG-AFTRA performer rule set.

Source of every figure here: SAG-AFTRA's own summaries, sagaftra.org/meal-periods (first meal
within 6 h of first call, the next within 6 h of the end of the last; $25, $35, then $50 per
half hour or fraction), /rest-periods-forced-calls-0 (12 h rest; a day performer's forced call
costs the daily rate or $900, whichever is less) and /overtime (tenths of an hour, 1.5x for the
9th and 10th hours, 2x beyond; meals excluded; "Overtime for performers receiving over the
money breaks will be based on the applicable money break amount", the break being twice the
day performer minimum). Holidays: "Performers receive twice their day rate for working on
holidays" (auditionsarework.org/other-contract-provisions).
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from decimal import Decimal

from prodoffice.domain.rules import Meal, TimeCard, evaluate
from prodoffice.domain.rules.tests.helpers import LA, SAG, at, card


def test_a_first_meal_45_minutes_late_costs_two_half_hours() -> None:
    # sagaftra.org/meal-periods: first half hour $25, second $35.
    result = evaluate(card("07:00", "19:00", ("13:45", "14:15")), SAG)
    (violation,) = result.violations
    assert violation.kind == "meal_penalty"
    assert violation.amount == Decimal("60")
    assert violation.minutes == 45
    assert violation.when == at("13:45")
    assert violation.explanation == (
        "First meal 6 h 45 min after the 07:00 call: 2 half hours late, $25 + $35 = $60 "
        "(SAG-AFTRA 2023, meal period)"
    )


def test_a_meal_called_at_exactly_six_hours_is_on_time() -> None:
    assert evaluate(card("07:00", "19:00", ("13:00", "13:30")), SAG).violations == ()


def test_one_minute_late_is_a_whole_half_hour() -> None:
    # "For the first half-hour, or fraction thereof: $25".
    (violation,) = evaluate(card("07:00", "19:00", ("13:01", "13:31")), SAG).violations
    assert violation.amount == Decimal("25")


def test_the_third_and_later_half_hours_cost_50_each() -> None:
    # 90 minutes late: $25 + $35 + $50.
    (violation,) = evaluate(card("07:00", "19:00", ("14:30", "15:00")), SAG).violations
    assert violation.amount == Decimal("110")


def test_no_meal_at_all_runs_until_wrap() -> None:
    # Wrap 8 h 30 min after call: 2 h 30 min past the deadline = 5 half hours.
    (violation,) = evaluate(card("07:00", "15:30"), SAG).violations
    assert violation.amount == Decimal("210")
    assert violation.explanation.startswith(
        "No first meal by the 15:30 wrap, 8 h 30 min after the 07:00 call: 5 half hours late, "
        "$25 + $35 + $50 + $50 + $50 = $210"
    )


def test_the_second_meal_is_due_six_hours_after_the_first_one_ends() -> None:
    on_time = card("07:00", "18:30", ("12:00", "12:30"))
    assert evaluate(on_time, SAG).violations == ()
    late = card("07:00", "19:00", ("12:00", "12:30"))
    (violation,) = evaluate(late, SAG).violations
    assert violation.amount == Decimal("25")
    assert "after the end of the first meal at 12:30" in violation.explanation


def test_each_late_meal_starts_its_own_count() -> None:
    day = card("07:00", "22:00", ("13:45", "14:15"), ("20:30", "21:00"))
    first, second = evaluate(day, SAG).violations
    assert (first.amount, second.amount) == (Decimal("60"), Decimal("25"))
    assert second.explanation.startswith("Second meal 6 h 15 min after the end of the first")


def test_a_break_shorter_than_30_minutes_is_no_meal() -> None:
    # A 20-minute break neither stops the clock nor comes off the day.
    result = evaluate(card("07:00", "19:00", ("12:00", "12:20"), ("13:30", "14:00")), SAG)
    (violation,) = result.violations
    assert violation.amount == Decimal("25")
    assert result.meal_minutes == 30


def test_at_most_an_hour_of_a_long_meal_comes_off_the_day() -> None:
    result = evaluate(card("07:00", "19:00", ("12:00", "13:30")), SAG)
    assert result.meal_minutes == 60
    assert result.worked_minutes == 11 * 60


def test_a_forced_call_costs_the_day_rate_or_900_whichever_is_less() -> None:
    called_early = card(
        "07:00",
        "15:00",
        ("12:00", "12:30"),
        rate="1056",
        rate_per="day",
        previous_wrap=at("20:30", -1),
        day_of_workweek=2,
    )
    (violation,) = evaluate(called_early, SAG).violations
    assert violation.kind == "forced_call"
    assert violation.amount == Decimal("900.00")
    assert violation.minutes == 90
    assert "10 h 30 min of rest" in violation.explanation
    assert "1 h 30 min short of 12 h" in violation.explanation

    cheaper = card(
        "07:00",
        "15:00",
        ("12:00", "12:30"),
        rate="800",
        rate_per="day",
        previous_wrap=at("20:30", -1),
        day_of_workweek=2,
    )
    assert evaluate(cheaper, SAG).violations[0].amount == Decimal("800.00")


def test_twelve_hours_of_rest_is_no_forced_call() -> None:
    rested = card(
        "07:00", "15:00", ("12:00", "12:30"), previous_wrap=at("19:00", -1), day_of_workweek=2
    )
    assert evaluate(rested, SAG).violations == ()


def test_overtime_is_time_and_a_half_for_hours_9_and_10_then_double() -> None:
    # A $1,056 day rate buys 8 hours at $132; 12 h 30 min worked after a 30-minute meal.
    result = evaluate(card("07:00", "20:00", ("13:00", "13:30"), rate="1056", rate_per="day"), SAG)
    assert [(line.kind, line.minutes, line.amount) for line in result.pay] == [
        ("regular", 480, Decimal("1056.00")),
        ("overtime", 120, Decimal("396.00")),
        ("double_time", 150, Decimal("660.00")),
    ]
    # Wrap 6 h 30 min after lunch also owes a second meal: one half hour, $25.
    assert result.penalties == Decimal("25")
    assert result.total == Decimal("2137.00")


def test_overtime_is_paid_in_tenths_of_an_hour() -> None:
    # 8 h 1 min worked becomes 8.1 h: six minutes at time and a half.
    result = evaluate(card("07:00", "15:31", ("12:00", "12:30"), rate="1056", rate_per="day"), SAG)
    assert result.worked_minutes == 486
    assert result.pay[-1].minutes == 6
    assert result.pay[-1].amount == Decimal("19.80")


def test_a_short_day_on_a_day_rate_is_still_a_full_day() -> None:
    result = evaluate(card("07:00", "11:00", rate="1056", rate_per="day"), SAG)
    assert result.regular == Decimal("1056.00")
    assert result.total == Decimal("1056.00")


def star(wrap: str, rate: str = "5000") -> TimeCard:
    return card("07:00", wrap, ("12:00", "12:30"), rate=rate, rate_per="day")


def test_money_break_overtime_is_paid_on_the_ceiling_not_the_rate() -> None:
    # sagaftra.org/overtime: a day performer paid over the money break (twice scale: $2,408 on
    # Mar 3, 2025) has overtime "based on the money break". $5,000 a day, 11 h worked: the day
    # rate for 8 h, then 3 h at 1.5 x $2,408 / 8 = $451.50 an hour, $1,354.50: $6,354.50, not
    # the $8,125 of 2 h at 1.5x and 1 h at 2x $625.
    result = evaluate(star("18:30"), SAG)
    assert [(line.label, line.minutes, line.multiplier, line.amount) for line in result.pay] == [
        ("from call", 480, Decimal(1), Decimal("5000.00")),
        ("from 8 h, on the $2,408 money break", 120, Decimal("1.5"), Decimal("903.00")),
        ("from 10 h, on the $2,408 money break", 60, Decimal("1.5"), Decimal("451.50")),
    ]
    assert result.total == Decimal("6354.50")


def test_a_performer_at_the_money_break_has_overtime_on_their_own_rate() -> None:
    # $2,408 is not over $2,408: $301 an hour, 2 h at 1.5x and 1 h at 2x: $2,408 + $1,505.
    assert evaluate(star("18:30", rate="2408"), SAG).total == Decimal("3913.00")


def test_the_money_break_in_force_is_the_one_of_the_days_date() -> None:
    # A year earlier, Mar 4, 2024, the break was $2,316 (twice the $1,158 of Nov 9, 2023):
    # 3 h at 1.5 x $289.50 = $1,302.75.
    a_year_earlier = dataclasses.replace(
        star("18:30"),
        call=datetime(2024, 3, 4, 7, 0, tzinfo=LA),
        wrap=datetime(2024, 3, 4, 18, 30, tzinfo=LA),
        meals=(
            Meal(datetime(2024, 3, 4, 12, 0, tzinfo=LA), datetime(2024, 3, 4, 12, 30, tzinfo=LA)),
        ),
    )
    assert evaluate(a_year_earlier, SAG).overtime == Decimal("1302.75")


def test_a_holiday_worked_pays_a_performer_twice_the_day_rate() -> None:
    # "Performers receive twice their day rate for working on holidays": scale $1,204, 8 h.
    holiday = dataclasses.replace(
        card("07:00", "15:30", ("12:00", "12:30"), rate="1204", rate_per="day"), holiday=True
    )
    assert evaluate(holiday, SAG).total == Decimal("2408.00")
