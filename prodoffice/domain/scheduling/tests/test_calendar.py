from __future__ import annotations

from datetime import date
from itertools import pairwise

from hypothesis import given
from hypothesis import strategies as st

from prodoffice.domain.scheduling.calendar import DayKind, fill_days, lay_out_dates

S, H = DayKind.SHOOT, DayKind.HOLIDAY


def test_shoot_days_skip_weekends_and_are_numbered() -> None:
    days = lay_out_dates(date(2027, 3, 4), [S, S, S, S])  # a Thursday
    assert [(d.number, d.on) for d in days] == [
        (1, date(2027, 3, 4)),
        (2, date(2027, 3, 5)),
        (3, date(2027, 3, 8)),
        (4, date(2027, 3, 9)),
    ]


def test_a_holiday_takes_its_date_and_pushes_the_days_after_it() -> None:
    days = lay_out_dates(date(2027, 5, 28), [S, H, S])  # Fri, then Memorial Day Monday
    assert [(d.kind, d.on) for d in days] == [
        (S, date(2027, 5, 28)),
        (H, date(2027, 5, 29)),
        (S, date(2027, 5, 31)),
    ]


def test_a_six_day_week_works_saturdays() -> None:
    days = lay_out_dates(date(2027, 3, 5), [S, S, S], weekdays_off=frozenset({6}))
    assert [d.on.weekday() for d in days] == [4, 5, 0]


def test_days_fill_up_to_the_day_capacity_in_script_order() -> None:
    assert fill_days([3, 3, 3, 10, 1], capacity=8) == [0, 0, 1, 2, 3]


@given(st.lists(st.integers(1, 20), max_size=60), st.integers(1, 16))
def test_a_filled_day_never_holds_more_than_its_capacity_unless_one_scene_does(
    lengths: list[int], capacity: int
) -> None:
    placed = fill_days(lengths, capacity)
    assert placed == sorted(placed)
    for day in set(placed):
        on_day = [n for n, d in zip(lengths, placed, strict=True) if d == day]
        assert sum(on_day) <= capacity or len(on_day) == 1


@given(st.lists(st.sampled_from(list(DayKind)), max_size=40), st.dates())
def test_dates_always_increase_and_shoot_days_fall_on_weekdays(
    kinds: list[DayKind], start: date
) -> None:
    if start > date(9000, 1, 1):
        return
    days = lay_out_dates(start, kinds)
    assert all(a.on < b.on for a, b in pairwise(days))
    assert all(d.on.weekday() < 5 for d in days if d.kind is DayKind.SHOOT)
    assert [d.number for d in days if d.number] == list(range(1, kinds.count(DayKind.SHOOT) + 1))
