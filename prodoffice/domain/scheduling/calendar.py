"""The shooting calendar: which date each shoot day falls on, and first-pass day filling."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class DayKind(StrEnum):
    SHOOT = "shoot"
    OFF = "off"  # a day off inside the schedule (the sixth and seventh day, a dark day)
    HOLIDAY = "holiday"
    TRAVEL = "travel"


@dataclass(frozen=True)
class CalendarDay:
    kind: DayKind
    number: int | None  # shoot day number 1..N; None for the other kinds
    on: date


def lay_out_dates(
    start: date,
    kinds: Sequence[DayKind],
    *,
    weekdays_off: frozenset[int] = frozenset({5, 6}),
    holidays: Collection[date] = (),
) -> list[CalendarDay]:
    """Put the schedule's days on dates from `start`, in order.

    Shoot and travel days skip the weekdays the production does not work (Saturday and Sunday
    by default, `date.weekday()` numbers); off and holiday days take the next date as they are.
    A holiday in `holidays` that falls where a shoot day would go becomes a holiday day of the
    calendar, and the shoot day moves on. Moving a day moves the dates of every day after it.
    """
    days: list[CalendarDay] = []
    on = start
    number = 0
    for kind in kinds:
        if kind in (DayKind.SHOOT, DayKind.TRAVEL):
            while on.weekday() in weekdays_off or on in holidays:
                if on in holidays and on.weekday() not in weekdays_off:
                    days.append(CalendarDay(DayKind.HOLIDAY, None, on))
                on += timedelta(days=1)
        if kind is DayKind.SHOOT:
            number += 1
        days.append(CalendarDay(kind, number if kind is DayKind.SHOOT else None, on))
        on += timedelta(days=1)
    return days


def fill_days(lengths: Sequence[int], capacity: int) -> list[int]:
    """First pass of a stripboard: scenes in order, each day filled up to `capacity` eighths.

    Returns, for each scene, the 0-based shoot day it lands on. A scene longer than a day gets
    a day of its own. The optimizer improves on this; it is only where a coordinator starts.
    """
    if capacity < 1:
        raise ValueError("A day holds at least one eighth of a page.")
    day, used, placed = 0, 0, []
    for length in lengths:
        if used and used + length > capacity:
            day, used = day + 1, 0
        placed.append(day)
        used += length
    return placed
