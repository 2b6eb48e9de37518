"""Weekly and weekend rest, the forced call of a weekly performer, and location reductions.

Sources: SAG-AFTRA, sagaftra.org/rest-periods-forced-calls-0 (12-hour daily rest, 11 hours on an
overnight location; a weekly rest of 56 hours, 54 when the first call of the new workweek is no
earlier than 6 am, 36 on a six-day location workweek; a forced call costs a day performer the
daily rate or $900, a weekly performer one day's pay or $950, whichever is less); IATSE,
basic.iatse.net/history-of-rest-periods (a weekend rest of 54 hours after a five-day week, 32
after a six-day week, inclusive of the daily rest).

March 3, 2025 is a Monday: `at("23:30", -3)` is the Friday before, `at("20:00", -2)` Saturday.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from decimal import Decimal

from prodoffice.domain.rules import TimeCard, evaluate
from prodoffice.domain.rules.tests.helpers import IATSE, SAG, at, card
from prodoffice.domain.rules.timecard import RatePer, Workweek


def monday(
    call: str,
    previous_wrap: datetime,
    *,
    rate: str = "1056",
    rate_per: RatePer = "day",
    workweek: Workweek = "5-day studio",
    day_of_workweek: int = 1,
) -> TimeCard:
    day = card(
        call,
        "15:00",
        ("11:00", "11:30"),
        rate=rate,
        rate_per=rate_per,
        previous_wrap=previous_wrap,
        day_of_workweek=day_of_workweek,
    )
    return dataclasses.replace(day, workweek=workweek)


def test_sag_aftra_weekly_rest_of_56_hours_invaded_is_a_forced_call() -> None:
    """Friday wrap 23:30, Monday call 05:30: 54 hours of the 56 owed (the call is before 6 am, so
    no reduction): a forced call, the $1,056 daily rate or $900, whichever is less."""
    (violation,) = evaluate(monday("05:30", at("23:30", -3)), SAG).violations
    assert violation.kind == "weekly_rest"
    assert violation.amount == Decimal("900.00")
    assert violation.minutes == 120
    assert violation.explanation.startswith(
        "Called at 05:30 on the first day of the workweek after 54 h of rest from the Fri 23:30 "
        "wrap, 2 h short of 56 h: forced call"
    )
    assert "(SAG-AFTRA 2023, weekly rest period)" in violation.explanation


def test_sag_aftra_weekly_rest_is_54_hours_with_a_first_call_at_6_am_or_later() -> None:
    """The same Friday wrap, Monday call at 06:00: 54 h 30 min of rest, and 54 are enough."""
    assert evaluate(monday("06:00", at("23:30", -3)), SAG).violations == ()
    # One hour later on Saturday, the reduced rest is invaded too: 53 h 30 min.
    (violation,) = evaluate(monday("06:00", at("00:30", -2)), SAG).violations
    assert violation.minutes == 30


def test_sag_aftra_weekly_rest_is_36_hours_on_a_six_day_location_week() -> None:
    """Saturday wrap 20:00 after six days on location, Monday call 08:00: 36 hours, allowed.
    After a six-day week in the studio the same weekend is 18 hours short of 54."""
    assert (
        evaluate(monday("08:00", at("20:00", -2), workweek="6-day location"), SAG).violations == ()
    )
    (violation,) = evaluate(
        monday("08:00", at("20:00", -2), workweek="6-day studio"), SAG
    ).violations
    assert (violation.kind, violation.minutes) == ("weekly_rest", 18 * 60)


def test_sag_aftra_forced_call_of_a_weekly_performer_is_a_day_or_950() -> None:
    """3-day/weekly performers: one day's pay or $950, whichever is less. A $5,000 week's day is
    $1,000 (a fifth), so $950; a $4,000 week's day is $800, so $800 (a day performer at the same
    $1,000 a day would be capped at $900)."""
    short = at("22:00", -1)  # 9 hours before a 07:00 call on Tuesday, day 2
    high = monday("07:00", short, rate="5000", rate_per="week", day_of_workweek=2)
    (violation,) = evaluate(high, SAG).violations
    assert (violation.kind, violation.amount) == ("forced_call", Decimal("950.00"))
    assert "a day's pay $1,000 or $950, whichever is less: $950" in violation.explanation
    low = monday("07:00", short, rate="4000", rate_per="week", day_of_workweek=2)
    assert evaluate(low, SAG).violations[0].amount == Decimal("800.00")
    day_performer = monday("07:00", short, rate="1000", rate_per="day", day_of_workweek=2)
    assert evaluate(day_performer, SAG).violations[0].amount == Decimal("900.00")


def test_sag_aftra_daily_rest_is_11_hours_on_an_overnight_location() -> None:
    """Wrap 20:00, call 07:00 the next day: 11 hours. On overnight location that is the allowed
    reduced rest (theatrical); in the studio it is a forced call, an hour short of 12."""
    on_location = monday("07:00", at("20:00", -1), day_of_workweek=3, workweek="5-day location")
    assert evaluate(on_location, SAG).violations == ()
    in_studio = dataclasses.replace(on_location, workweek="5-day studio")
    (violation,) = evaluate(in_studio, SAG).violations
    assert (violation.kind, violation.minutes, violation.amount) == (
        "forced_call",
        60,
        Decimal("900.00"),
    )


def test_iatse_weekend_rest_is_54_hours_after_a_five_day_week() -> None:
    """Friday's wrap at 01:00 Saturday, Monday call 06:00: 53 hours of 54, the invaded hour paid
    again at straight time, $40 (the daily rest's penalty: the sources name no other)."""
    crew = monday("06:00", at("01:00", -2), rate="40", rate_per="hour")
    (violation,) = evaluate(crew, IATSE).violations
    assert (violation.kind, violation.minutes, violation.amount) == (
        "weekly_rest",
        60,
        Decimal("40.00"),
    )
    rested = monday("06:00", at("22:00", -3), rate="40", rate_per="hour")  # Friday 22:00: 56 h
    assert evaluate(rested, IATSE).violations == ()


def test_iatse_weekend_rest_is_32_hours_after_a_six_day_week() -> None:
    """Saturday wrap 22:00 after a 6-day week, Monday call 06:00: 32 hours, enough. After a
    5-day week the same weekend is 22 hours short of 54: 22 hours paid again, $880."""
    six = monday("06:00", at("22:00", -2), rate="40", rate_per="hour", workweek="6-day studio")
    assert evaluate(six, IATSE).violations == ()
    five = dataclasses.replace(six, workweek="5-day studio")
    (violation,) = evaluate(five, IATSE).violations
    assert violation.amount == Decimal("880.00")


def test_iatse_daily_rest_invasion_is_rest_invasion_not_forced_call() -> None:
    """A daily rest cut short mid-week pays the invaded time again (IATSE); the kind says so."""
    crew = monday("07:00", at("22:00", -1), rate="40", rate_per="hour", day_of_workweek=2)
    (violation,) = evaluate(crew, IATSE).violations
    assert violation.kind == "rest_invasion"
    assert f"({IATSE.short_name}, rest period)" in violation.explanation


def test_an_unknown_workweek_is_flagged() -> None:
    odd = dataclasses.replace(card(), workweek="4-day studio")  # type: ignore[arg-type]
    (problem,) = odd.validate()
    assert "the workweek '4-day studio' is not one of" in problem
