"""Public holidays a production does not shoot on (by default), computed offline."""

from __future__ import annotations

from datetime import date, timedelta


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday of a month (n = -1: the last)."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _observed(day: date) -> date:
    """A Saturday holiday is observed the Friday before, a Sunday one the Monday after
    (5 U.S.C. 6103(b))."""
    if day.weekday() == 5:
        return day - timedelta(days=1)
    if day.weekday() == 6:
        return day + timedelta(days=1)
    return day


def us_federal_holidays(year: int) -> dict[date, str]:
    """The eleven U.S. federal holidays of a year, on their observed dates (5 U.S.C. 6103)."""
    monday, thursday = 0, 3
    fixed = {
        date(year, 1, 1): "New Year's Day",
        date(year, 6, 19): "Juneteenth",
        date(year, 7, 4): "Independence Day",
        date(year, 11, 11): "Veterans Day",
        date(year, 12, 25): "Christmas Day",
    }
    floating = {
        _nth_weekday(year, 1, monday, 3): "Martin Luther King Jr. Day",
        _nth_weekday(year, 2, monday, 3): "Washington's Birthday",
        _nth_weekday(year, 5, monday, -1): "Memorial Day",
        _nth_weekday(year, 9, monday, 1): "Labor Day",
        _nth_weekday(year, 10, monday, 2): "Columbus Day",
        _nth_weekday(year, 11, thursday, 4): "Thanksgiving Day",
    }
    return {_observed(day): name for day, name in fixed.items()} | floating
