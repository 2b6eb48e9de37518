from __future__ import annotations

from datetime import date, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prodoffice.domain.scheduling.constraints import (
    CAST_MINIMUM_REST_HOURS,
    CREW_MINIMUM_REST_HOURS,
    availability_conflicts,
    must_shoot_by,
    pages,
    pages_per_day_exceeded,
    turnaround_violations,
)

MONDAY, TUESDAY, WEDNESDAY = date(2027, 3, 1), date(2027, 3, 2), date(2027, 3, 3)


def test_a_night_wrap_at_2330_before_a_0700_call_is_seven_and_a_half_hours_of_rest() -> None:
    calls = [(MONDAY, time(12, 0), time(23, 30)), (TUESDAY, time(7, 0), time(19, 0))]
    for minimum in (CAST_MINIMUM_REST_HOURS, CREW_MINIMUM_REST_HOURS):
        [violation] = turnaround_violations(calls, minimum)
        assert violation.rest_hours == 7.5
        assert violation.message == (
            f"Wrap Mon 23:30 to call Tue 07:00 is 7.5 h of rest; the minimum is {minimum} h."
        )


def test_a_wrap_past_midnight_rolls_to_the_next_day() -> None:
    calls = [(MONDAY, time(16, 0), time(2, 0)), (TUESDAY, time(13, 0), time(23, 0))]
    [violation] = turnaround_violations(calls, CAST_MINIMUM_REST_HOURS)
    assert violation.wrapped.date() == TUESDAY
    assert violation.rest_hours == 11
    assert turnaround_violations(calls, CREW_MINIMUM_REST_HOURS) == []


def test_calls_are_checked_in_date_order_and_a_day_off_between_is_enough_rest() -> None:
    calls = [(WEDNESDAY, time(6, 0), time(18, 0)), (MONDAY, time(12, 0), time(23, 30))]
    assert turnaround_violations(calls, CAST_MINIMUM_REST_HOURS) == []


def test_exactly_the_minimum_rest_is_allowed() -> None:
    calls = [(MONDAY, time(7, 0), time(19, 0)), (TUESDAY, time(7, 0), time(19, 0))]
    assert turnaround_violations(calls, CAST_MINIMUM_REST_HOURS) == []
    assert len(turnaround_violations(calls, 12.5)) == 1


def test_the_night_the_clocks_go_forward_has_an_hour_less_rest_in_real_time() -> None:
    # Los Angeles springs forward at 02:00 on Sunday Mar 14, 2027.
    calls = [(date(2027, 3, 13), time(8, 0), time(20, 0)), (date(2027, 3, 14), time(8, 0), time(9))]
    assert turnaround_violations(calls, 12) == []
    [violation] = turnaround_violations(calls, 12, tz=ZoneInfo("America/Los_Angeles"))
    assert violation.rest_hours == 11


def clock(t: time) -> timedelta:
    return timedelta(hours=t.hour, minutes=t.minute, seconds=t.second, microseconds=t.microsecond)


@given(
    st.lists(
        st.tuples(st.dates(date(2027, 1, 1), date(2027, 12, 31)), st.times(), st.times()),
        unique_by=lambda c: c[0],
        max_size=20,
    ),
    st.integers(0, 24),
)
def test_a_violation_is_reported_exactly_when_the_rest_is_short(
    calls: list[tuple[date, time, time]], minimum: int
) -> None:
    ordered = sorted(calls)
    rests = []
    for (day, call, wrap), (next_day, next_call, _) in pairwise(ordered):
        rest = timedelta(days=(next_day - day).days) + clock(next_call) - clock(wrap)
        rests.append(rest - timedelta(days=1) if wrap <= call else rest)
    violations = turnaround_violations(calls, minimum)
    assert [v.rest for v in violations] == [r for r in rests if r < timedelta(hours=minimum)]


def test_a_performer_scheduled_on_a_day_they_cannot_work_is_a_conflict() -> None:
    conflicts = availability_conflicts(
        "Ava Stone", [TUESDAY, date(2027, 4, 1)], [WEDNESDAY, TUESDAY, MONDAY]
    )
    assert [c.on for c in conflicts] == [TUESDAY]
    assert conflicts[0].message == "Ava Stone is not available on Tue Mar 2, 2027 but is scheduled."
    assert availability_conflicts("Ava Stone", [], [MONDAY]) == []


def test_days_over_the_page_limit_are_named_in_pages() -> None:
    over = pages_per_day_exceeded({1: 40, 2: 51, 3: 45}, max_eighths=40)
    assert [(o.day, o.eighths) for o in over] == [(2, 51), (3, 45)]
    assert over[0].message == "Day 2 has 6 3/8 pages; the most is 5."


@pytest.mark.parametrize(("eighths", "shown"), [(11, "1 3/8"), (4, "4/8"), (16, "2"), (0, "0")])
def test_eighths_read_as_a_stripboard_prints_them(eighths: int, shown: str) -> None:
    assert pages(eighths) == shown


def test_a_scene_must_be_shot_on_or_before_its_deadline() -> None:
    assert must_shoot_by(TUESDAY, deadline=TUESDAY) is None
    late = must_shoot_by(WEDNESDAY, deadline=MONDAY)
    assert late is not None and late.days_late == 2
    assert late.message == "Must be shot by Mar 1, 2027; scheduled 2 days later, on Mar 3."
    unscheduled = must_shoot_by(None, deadline=MONDAY)
    assert unscheduled is not None and unscheduled.days_late is None
