"""The workweek a day falls in, and weekly and flat deals.

Weekly overtime counts straight time only: California pays it on more than 40 non-overtime
hours in the workweek (Labor Code 510(a)), so hours already paid as daily overtime are not
counted twice. Labor Code 515(d): a salaried nonexempt employee's regular hourly rate is 1/40th
of the weekly salary.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from decimal import Decimal

from prodoffice.domain.rules import Week, evaluate, week_so_far
from prodoffice.domain.rules.tests.helpers import CALIFORNIA, IATSE, SAG, at, card

TEN_HOURS = ("07:00", "17:30", ("12:00", "12:30"))  # 10 h worked: 8 straight, 2 at 1.5x


def test_four_ten_hour_days_carry_32_hours_of_straight_time_into_friday() -> None:
    days = [card(*TEN_HOURS, rate="20")] * 4
    assert week_so_far(days, CALIFORNIA) == Week(timedelta(hours=32), 4)


def test_friday_after_four_ten_hour_days_has_no_weekly_overtime() -> None:
    # 32 h straight so far + 8 h straight today = 40: not past 40. Friday's 9th and 10th hours
    # are daily overtime, as on every other day: $160 + 2 h at $30 = $220.
    week = week_so_far([card(*TEN_HOURS, rate="20")] * 4, CALIFORNIA)
    friday = evaluate(week.carried_into(card(*TEN_HOURS, rate="20")), CALIFORNIA)
    assert friday.card.day_of_workweek == 5
    assert [(line.minutes, line.multiplier) for line in friday.pay] == [
        (480, Decimal("1")),
        (120, Decimal("1.5")),
    ]
    assert friday.total == Decimal("220.00")


def test_a_saturday_after_five_ten_hour_days_is_all_weekly_overtime() -> None:
    # 40 h straight Monday to Friday: every hour of an 8-hour Saturday is past 40, at 1.5x
    # ($30): $240. California's 6th day is otherwise an ordinary day.
    week = week_so_far([card(*TEN_HOURS, rate="20")] * 5, CALIFORNIA)
    saturday = evaluate(
        week.carried_into(card("07:00", "15:30", ("12:00", "12:30"), rate="20")), CALIFORNIA
    )
    assert saturday.card.day_of_workweek == 6
    assert [(line.label, line.minutes, line.amount) for line in saturday.pay] == [
        ("past 40 h in the week", 480, Decimal("240.00")),
    ]


def test_naive_counting_would_have_paid_friday_all_at_time_and_a_half() -> None:
    # What counting all 40 worked hours Monday to Thursday would do: $300, not $220.
    overcounted = card(*TEN_HOURS, rate="20", week_before=40, day_of_workweek=5)
    assert evaluate(overcounted, CALIFORNIA).total == Decimal("300.00")


def test_a_sixth_day_worked_uses_the_sixth_day_bands() -> None:
    # IATSE-like, $40/h: five 8-hour days, then Saturday at 1.5x from call: 8 h x $60 = $480.
    eight = card("07:00", "15:30", ("12:00", "12:30"))
    week = week_so_far([eight] * 5, IATSE)
    saturday = evaluate(week.carried_into(eight), IATSE)
    assert saturday.pay[0].label == "6th day, from call"
    assert saturday.total == Decimal("480.00")


def test_a_seventh_day_worked_uses_the_seventh_day_bands() -> None:
    eight = card("07:00", "15:30", ("12:00", "12:30"), rate="20")
    sunday = evaluate(week_so_far([eight] * 6, CALIFORNIA).carried_into(eight), CALIFORNIA)
    assert sunday.card.day_of_workweek == 7
    assert sunday.pay[0].label == "7th day, from call"
    assert sunday.total == Decimal("240.00")  # 8 h at 1.5x $20


def test_a_day_without_a_wrap_is_not_a_day_worked() -> None:
    no_wrap = dataclasses.replace(card(*TEN_HOURS), wrap=None)
    assert week_so_far([no_wrap, card(*TEN_HOURS)], IATSE) == Week(timedelta(hours=8), 1)


def test_a_day_that_cannot_be_costed_counts_as_worked_but_adds_no_hours() -> None:
    half_meal = card("07:00", "17:30", ("12:00", "12:30"))
    half_meal = dataclasses.replace(
        half_meal, meals=(dataclasses.replace(half_meal.meals[0], end=None),)
    )
    assert week_so_far([half_meal, card(*TEN_HOURS)], IATSE) == Week(timedelta(hours=8), 2)


def test_the_weekly_limit_is_reached_once_and_not_counted_past() -> None:
    # Five 10-hour days then a Saturday of 8: 40 h straight, then 8 h of weekly overtime.
    eight = card("07:00", "15:30", ("12:00", "12:30"), rate="20")
    week = week_so_far([card(*TEN_HOURS, rate="20")] * 5 + [eight], CALIFORNIA)
    assert week == Week(timedelta(hours=40), 6)


def test_a_weekly_grip_day_costs_a_fifth_of_the_rate_and_overtime_at_a_fortieth() -> None:
    # $2,000 a week under the IATSE-like rules: $50 an hour (2,000 / 40), a day worked $400
    # (a fifth); a 10-hour day: $400 + 2 h at $75 = $550.
    result = evaluate(card(*TEN_HOURS, rate="2000", rate_per="week"), IATSE)
    assert [(line.kind, line.minutes, line.amount) for line in result.pay] == [
        ("regular", 480, Decimal("400.00")),
        ("overtime", 120, Decimal("150.00")),
    ]
    assert result.total == Decimal("550.00")


def test_a_short_day_on_a_weekly_deal_still_costs_its_fifth() -> None:
    # 6 h worked: $300 of straight time and $100 more up to the day's $400.
    result = evaluate(card("07:00", "13:00", rate="2000", rate_per="week"), IATSE)
    assert result.pay[-1].kind == "guarantee"
    assert result.pay[-1].label == "rest of the day's 1/5 of the weekly rate"
    assert result.regular == Decimal("400.00")


def test_a_weekly_performer_has_44_hours_and_overtime_after_ten_a_day() -> None:
    # $4,400 a week (simplified SAG-AFTRA weekly terms): $100 an hour, a fifth is $880 for
    # 8.8 h; 10 h straight then 1.5x. A 12-hour day: 10 h at $100 + 2 h at $150 = $1,300.
    result = evaluate(card("07:00", "19:30", ("12:00", "12:30"), rate="4400", rate_per="week"), SAG)
    assert [(line.minutes, line.multiplier, line.amount) for line in result.pay] == [
        (600, Decimal("1"), Decimal("1000.00")),
        (120, Decimal("1.5"), Decimal("300.00")),
    ]
    assert result.regular + result.overtime == Decimal("1300.00")  # and a missed second meal


def test_a_weekly_performer_past_44_straight_hours_is_on_weekly_overtime() -> None:
    # 40 h straight before, 10 h today: 4 h at $100, then 6 h at $150 past 44.
    today = card("07:00", "17:30", ("12:00", "12:30"), rate="4400", rate_per="week", week_before=40)
    result = evaluate(today, SAG)
    assert [(line.label, line.minutes) for line in result.pay] == [
        ("from call", 240),
        ("past 44 h in the week", 360),
    ]
    assert result.total == Decimal("1300.00")


def test_a_weekly_rate_under_rules_without_weekly_terms_is_flagged() -> None:
    no_terms = dataclasses.replace(
        IATSE, overtime=dataclasses.replace(IATSE.overtime, weekly_deal=None)
    )
    result = evaluate(card(*TEN_HOURS, rate="2000", rate_per="week"), no_terms)
    assert not result.costed
    assert "says nothing of weekly rates" in result.problems[0]


def test_a_flat_deal_costs_no_hours_but_its_fixed_meal_penalties() -> None:
    # SAG-AFTRA lunch at 13:45, 45 min late: $25 + $35 = $60, whatever the deal.
    flat = card("07:00", "19:00", ("13:45", "14:15"), rate="5000", rate_per="flat")
    result = evaluate(flat, SAG)
    assert result.pay == ()
    assert (result.regular, result.overtime, result.penalties) == (
        Decimal(0),
        Decimal(0),
        Decimal("60.00"),
    )


def test_a_flat_deal_says_an_hour_of_pay_is_not_costed() -> None:
    flat = card("07:00", "19:00", ("13:30", "14:00"), rate="5000", rate_per="flat")
    (violation,) = evaluate(flat, CALIFORNIA).violations
    assert violation.amount == 0
    assert "not costed here: a flat deal has no hourly rate" in violation.explanation


def test_a_flat_deal_forced_call_is_shown_but_not_costed() -> None:
    early = card(
        "07:00",
        "15:00",
        ("12:00", "12:30"),
        rate_per="flat",
        previous_wrap=at("22:00", -1),
        day_of_workweek=2,
    )
    (violation,) = evaluate(early, SAG).violations
    assert violation.kind == "forced_call"
    assert violation.amount == 0
    assert "a flat deal has no day or hourly rate" in violation.explanation
