"""Bad time cards are flagged, never guessed; a wrap past midnight is simply later."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from prodoffice.domain.rules import Meal, TimeCard, evaluate
from prodoffice.domain.rules.tests.helpers import IATSE, SAG, at, card


def test_a_wrap_past_midnight_continues_the_day() -> None:
    night = card("18:00", "04:30", ("23:00", "23:30"), wrap_day=1)
    result = evaluate(night, SAG)
    assert result.costed
    assert result.worked_minutes == 10 * 60
    assert result.violations == ()


def test_a_night_across_the_spring_clock_change_counts_real_hours() -> None:
    # March 8-9, 2025 in Los Angeles: 2 am became 3 am, so 18:00 to 04:00 is 9 hours.
    la = ZoneInfo("America/Los_Angeles")
    night = TimeCard(
        person="Sam Grip",
        call=datetime(2025, 3, 8, 18, 0, tzinfo=la),
        wrap=datetime(2025, 3, 9, 4, 0, tzinfo=la),
        rate=Decimal("40"),
        meals=(
            Meal(datetime(2025, 3, 8, 23, 0, tzinfo=la), datetime(2025, 3, 8, 23, 30, tzinfo=la)),
        ),
    )
    assert evaluate(night, IATSE).worked_minutes == 8 * 60 + 30


def test_a_wrap_before_the_call_is_flagged() -> None:
    (problem,) = card("07:00", "06:00").validate()
    assert "wrap Mon 06:00 is not after the call Mon 07:00" in problem


def test_a_missing_wrap_is_flagged_and_the_day_is_not_costed() -> None:
    no_wrap = dataclasses.replace(card(), wrap=None)
    result = evaluate(no_wrap, SAG)
    assert not result.costed
    assert result.problems == ("Sam Grip: no wrap (out) time; enter it before costing the day.",)
    assert (result.total, result.pay, result.violations) == (Decimal(0), (), ())


def test_overlapping_meals_are_refused() -> None:
    overlapping = card("07:00", "20:00", ("12:00", "12:45"), ("12:30", "13:00"))
    (problem,) = overlapping.validate()
    assert "meals 12:00-12:45 and 12:30-13:00 overlap" in problem
    assert not evaluate(overlapping, SAG).costed


def test_a_meal_outside_the_day_is_refused() -> None:
    (problem,) = card("07:00", "12:00", ("12:30", "13:00")).validate()
    assert "outside the day" in problem


def test_a_meal_without_an_end_is_flagged() -> None:
    open_meal = dataclasses.replace(card(), meals=(Meal(at("12:00"), None),))
    (problem,) = open_meal.validate()
    assert "meal 1 has no end time" in problem


def test_a_meal_that_ends_before_it_starts_is_flagged() -> None:
    (problem,) = card("07:00", "19:00", ("12:30", "12:00")).validate()
    assert "ends (12:00) before it starts (12:30)" in problem


def test_a_previous_wrap_after_the_call_is_flagged() -> None:
    (problem,) = card(previous_wrap=at("08:00")).validate()
    assert "previous day's wrap" in problem


def test_mixed_aware_and_naive_times_are_flagged() -> None:
    mixed = dataclasses.replace(card(), wrap=datetime(2025, 3, 3, 19, 0))  # noqa: DTZ001
    (problem,) = mixed.validate()
    assert "time zone" in problem


def test_an_ndb_after_the_first_meal_is_refused() -> None:
    late = dataclasses.replace(
        card("07:00", "19:00", ("12:00", "12:30")), ndb=Meal(at("12:45"), at("13:00"))
    )
    (problem,) = late.validate()
    assert "the NDB (12:45-13:00) ends after the first meal starts (12:00)" in problem
    assert not evaluate(late, SAG).costed


def test_an_ndb_outside_the_day_is_refused() -> None:
    before_call = dataclasses.replace(card("07:00", "19:00"), ndb=Meal(at("06:30"), at("06:45")))
    (problem,) = before_call.validate()
    assert "the NDB (06:30-06:45) is outside the day from call to wrap" in problem


def test_an_ndb_longer_than_an_hour_is_refused_as_a_meal() -> None:
    long = dataclasses.replace(card("07:00", "19:00"), ndb=Meal(at("07:30"), at("08:45")))
    (problem,) = long.validate()
    assert "longer than an hour; a break that long is a meal" in problem


def test_an_ndb_without_an_end_or_ending_before_it_starts_is_flagged() -> None:
    open_ndb = dataclasses.replace(card(), ndb=Meal(at("07:30"), None))
    assert "the NDB (non-deductible breakfast) has no end time" in open_ndb.validate()[0]
    backwards = dataclasses.replace(card(), ndb=Meal(at("07:45"), at("07:30")))
    assert "the NDB ends (07:30) before it starts (07:45)" in backwards.validate()[0]
