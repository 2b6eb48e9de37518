"""A non-deductible breakfast (NDB) day gives no false meal penalty and is not underpaid.

Sources, each rule set's own: SAG-AFTRA, sagaftra.org/meal-periods (an NDB of 15 minutes free
from all activity within two hours of the performer's call; the first meal is then due six hours
after it ends); IATSE, iatse728.org/resources/contracts-negotiations-wages (30 uninterrupted
minutes on the clock after work has started; lunch six hours after the NDB ends; a pre-call
without a full 30-minute break owes meal penalties); California, IWC Wage Order 12-2001 section
11 (only a meal period of at least 30 minutes relieved of all duty stops the six hours; an "on
duty" meal is time worked) with Labor Code 226.7 (one hour's pay).
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from prodoffice.domain.rules import Meal, TimeCard, evaluate
from prodoffice.domain.rules.tests.helpers import CALIFORNIA, IATSE, SAG, at, card


def with_ndb(day: TimeCard, start: str, end: str) -> TimeCard:
    return dataclasses.replace(day, ndb=Meal(at(start), at(end)))


def test_sag_aftra_ndb_moves_the_first_meal_to_six_hours_after_it_ends() -> None:
    """sagaftra.org/meal-periods: call 06:00, a 15-minute NDB 07:00-07:15, lunch 13:00-13:30,
    wrap 18:00 on a $1,056 day rate. Lunch is due at 13:15, six hours after the NDB ends: no
    penalty (without the NDB it would be 1 h late: $25 + $35). The NDB is not deducted: 11.5
    hours worked, 8 at $132, 2 at time and a half, 1.5 at double time."""
    day = card("06:00", "18:00", ("13:00", "13:30"), rate="1056", rate_per="day")
    assert evaluate(day, SAG).penalties == Decimal("60")  # the false penalty without the NDB
    result = evaluate(with_ndb(day, "07:00", "07:15"), SAG)
    assert result.violations == ()
    assert result.worked_minutes == 11 * 60 + 30
    assert [line.amount for line in result.pay] == [
        Decimal("1056.00"),
        Decimal("396.00"),
        Decimal("396.00"),
    ]
    assert result.total == Decimal("1848.00")


def test_sag_aftra_ndb_late_lunch_counts_from_the_end_of_the_ndb() -> None:
    """Lunch at 13:20 after a 07:00-07:15 NDB is 5 minutes past the 13:15 deadline: the first
    half hour or fraction, $25 (sagaftra.org/meal-periods)."""
    day = with_ndb(card("06:00", "18:00", ("13:20", "13:50")), "07:00", "07:15")
    (violation,) = evaluate(day, SAG).violations
    assert violation.amount == Decimal("25")
    assert violation.minutes == 5
    assert "6 h 5 min after the end of the NDB at 07:15" in violation.explanation


def test_sag_aftra_ndb_shorter_than_15_minutes_is_no_ndb() -> None:
    """ "A non-deductible meal of 15 minutes free from all activity": a 10-minute breakfast is
    worked time, and lunch at 13:00 is an hour past the 12:00 deadline from the call."""
    day = with_ndb(card("06:00", "18:00", ("13:00", "13:30")), "07:00", "07:10")
    (violation,) = evaluate(day, SAG).violations
    assert violation.amount == Decimal("60")
    assert "(the 07:00-07:10 breakfast is no NDB: 10 min, not the 15 min an NDB needs)" in (
        violation.explanation
    )


def test_sag_aftra_ndb_more_than_two_hours_after_call_is_no_ndb() -> None:
    """ "Within two hours of the performer's call time": a breakfast at 08:30 after a 06:00 call
    does not move the first meal."""
    day = with_ndb(card("06:00", "18:00", ("13:00", "13:30")), "08:30", "08:45")
    (violation,) = evaluate(day, SAG).violations
    assert violation.amount == Decimal("60")
    assert "given 2 h 30 min after the call, not within 2 h" in violation.explanation


def test_iatse_ndb_of_30_minutes_is_work_time_and_lunch_is_due_six_hours_after_it() -> None:
    """iatse728.org: a pre-call at 05:00, a 30-minute NDB 06:30-07:00 on the clock, lunch
    13:00-13:30, wrap 17:30 at $40 an hour. Lunch is due at 13:00: no penalty (from the 05:00
    call it would be 2 h late, past the 12-minute grace: $7.50 + $10 + $12.50 + $12.50). The NDB
    is paid: 12 hours worked, 8 at $40 and 4 at $60."""
    day = card("05:00", "17:30", ("13:00", "13:30"))
    assert evaluate(day, IATSE).penalties == Decimal("42.50")
    result = evaluate(with_ndb(day, "06:30", "07:00"), IATSE)
    assert result.violations == ()
    assert result.worked_minutes == 12 * 60
    assert result.total == Decimal("560.00")


def test_iatse_ndb_without_a_full_30_minutes_owes_meal_penalties() -> None:
    """iatse728.org: "If you are given a pre-call, but not a full 30-minute break in which to eat
    your breakfast, you are owed meal penalties": a 15-minute breakfast moves nothing."""
    day = with_ndb(card("05:00", "17:30", ("13:00", "13:30")), "06:30", "06:45")
    (violation,) = evaluate(day, IATSE).violations
    assert violation.amount == Decimal("42.50")
    assert "15 min, not the 30 min an NDB needs" in violation.explanation


def test_california_breakfast_is_time_worked_and_does_not_stop_the_six_hours() -> None:
    """Wage Order 12 section 11: call 06:00, a paid 07:00-07:15 breakfast, meal 12:30-13:00:
    the meal period starts 6 h 30 min into the day, so Labor Code 226.7 owes one hour's pay,
    $40; the breakfast is paid: 8.5 hours worked, 8 at $40 and 0.5 at $60."""
    day = with_ndb(card("06:00", "15:00", ("12:30", "13:00")), "07:00", "07:15")
    result = evaluate(day, CALIFORNIA)
    (violation,) = result.violations
    assert violation.amount == Decimal("40.00")
    assert "California Labor Code knows no non-deductible breakfast" in violation.explanation
    assert result.worked_minutes == 8 * 60 + 30
    assert result.total == Decimal("390.00")
