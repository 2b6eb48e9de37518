"""Deals: what a day rate's or a weekly rate's guaranteed hours buy (issue 12, item 8).

A day rate "for 10 hours" buys 10 hours paid at the multiples they are worked at: under bands
of straight time to 8 hours and time and a half after, 8 + 2 x 1.5 = 11 straight hours, so its
hourly rate is the rate / 11; "for 12 hours" is 8 + 4 x 1.5 = 14 (thefreemeapp.com/post/
wagesandovertime: "Quoted a 12 hour day = divide rate by 14, quoted 10 hour day = divide rate
by 11"; filmmakersproductionbible.com/hourly-rate-calculator: "12 Hours Worked = 14 Payhours
(8 Hours at straight time + 4 Hours at 1.5x)"). The hours are guaranteed: a shorter day is
paid the rate. A weekly guarantee of 50 or 60 hours is the same over the week's 5 days.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from prodoffice.domain.rules import TimeCard, evaluate
from prodoffice.domain.rules.pay import hourly_rate
from prodoffice.domain.rules.tests.helpers import CALIFORNIA, IATSE, at, card

LUNCH = ("12:00", "12:30")


def ten_hour_day(call: str, wrap: str, *meals: tuple[str, str]) -> TimeCard:
    return dataclasses.replace(
        card(call, wrap, *meals, rate="550", rate_per="day"), guaranteed_hours=Decimal(10)
    )


def test_a_ten_hour_day_rate_is_paid_by_the_eleventh() -> None:
    # $550 for 10 hours under California's bands: $50 an hour; 10 h worked is the rate,
    # 8 h at $50 and 2 h at $75.
    day = ten_hour_day("07:00", "17:30", LUNCH)
    assert hourly_rate(day, CALIFORNIA) == Decimal(50)
    result = evaluate(day, CALIFORNIA)
    assert [(line.minutes, line.multiplier, line.amount) for line in result.pay] == [
        (480, Decimal(1), Decimal("400.00")),
        (120, Decimal("1.5"), Decimal("150.00")),
    ]
    assert result.total == Decimal("550.00")


def test_a_ten_hour_day_rate_worked_twelve_hours_pays_two_more_at_time_and_a_half() -> None:
    # 12 h: $550 + 2 h at $75 = $700 (a second meal was taken at 6 h).
    day = ten_hour_day("07:00", "20:00", LUNCH, ("18:00", "18:30"))
    assert evaluate(day, CALIFORNIA).total == Decimal("700.00")


def test_a_ten_hour_day_rate_worked_six_hours_still_pays_the_rate() -> None:
    # 6 h worked ($300), then the 4 guaranteed hours not worked, at the multiples they would
    # have been worked at: 2 h at $50 and 2 h at $75.
    result = evaluate(ten_hour_day("07:00", "13:00"), CALIFORNIA)
    guaranteed = [line for line in result.pay if line.kind == "guarantee"]
    assert [(line.minutes, line.multiplier, line.amount) for line in guaranteed] == [
        (120, Decimal(1), Decimal("100.00")),
        (120, Decimal("1.5"), Decimal("150.00")),
    ]
    assert guaranteed[0].label == "rest of the 10-hour day rate"
    assert result.total == Decimal("550.00")


def test_a_twelve_hour_day_rate_is_paid_by_the_fourteenth() -> None:
    twelve = dataclasses.replace(
        card("07:00", "19:30", LUNCH, rate="700", rate_per="day"), guaranteed_hours=Decimal(12)
    )
    assert hourly_rate(twelve, IATSE) == Decimal(50)
    result = evaluate(twelve, IATSE)
    assert result.regular + result.overtime == Decimal("700.00")  # and a late second meal


def test_a_sixty_hour_weekly_guarantee_is_paid_by_the_seventieth() -> None:
    # $3,500 a week for 5 days of 12 hours under the IATSE bands: 5 x (8 + 4 x 1.5) = 70 paid
    # hours, $50 an hour. A 12-hour day is a fifth of it; a 13th hour is double time.
    week = dataclasses.replace(
        card("07:00", "19:30", LUNCH, rate="3500", rate_per="week"), guaranteed_hours=Decimal(60)
    )
    assert hourly_rate(week, IATSE) == Decimal(50)
    twelve = evaluate(week, IATSE)
    assert twelve.regular + twelve.overtime == Decimal("700.00")
    thirteen = dataclasses.replace(week, wrap=at("20:30"))
    result = evaluate(thirteen, IATSE)
    assert result.regular + result.overtime == Decimal("800.00")  # and a late second meal


def test_a_fifty_hour_weekly_guarantee_is_paid_by_the_fifty_fifth() -> None:
    # $2,750 for 5 days of 10 hours: 5 x (8 + 2 x 1.5) = 55 paid hours, $50 an hour; a short
    # 8-hour day is still a fifth ($550).
    week = dataclasses.replace(
        card("07:00", "15:30", LUNCH, rate="2750", rate_per="week"), guaranteed_hours=Decimal(50)
    )
    assert hourly_rate(week, CALIFORNIA) == Decimal(50)
    result = evaluate(week, CALIFORNIA)
    assert result.total == Decimal("550.00")
    assert result.pay[-1].label == "rest of the day's 1/5 of the 50-hour week"


def test_a_guarantee_of_no_hours_is_refused_naming_the_field() -> None:
    nothing = dataclasses.replace(card(rate_per="day"), guaranteed_hours=Decimal(0))
    result = evaluate(nothing, IATSE)
    assert not result.costed
    assert "guaranteed hours 0 must be more than 0" in result.problems[0]
