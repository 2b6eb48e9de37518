from __future__ import annotations

from datetime import date

from prodoffice.domain.scheduling.calendar import DayKind, lay_out_dates
from prodoffice.domain.scheduling.holidays import us_federal_holidays


def test_the_2027_federal_holidays_fall_on_their_observed_dates() -> None:
    holidays = us_federal_holidays(2027)
    assert len(holidays) == 11
    assert holidays[date(2027, 1, 18)] == "Martin Luther King Jr. Day"
    assert holidays[date(2027, 5, 31)] == "Memorial Day"
    assert holidays[date(2027, 11, 25)] == "Thanksgiving Day"
    # July 4, 2027 is a Sunday: observed Monday the 5th. Christmas is a Saturday: Friday the 24th.
    assert holidays[date(2027, 7, 5)] == "Independence Day"
    assert holidays[date(2027, 12, 24)] == "Christmas Day"


def test_a_holiday_on_a_shoot_date_becomes_a_holiday_day_and_pushes_the_shoot() -> None:
    christmas = date(2026, 12, 25)  # a Friday
    days = lay_out_dates(date(2026, 12, 24), [DayKind.SHOOT] * 3, holidays={christmas})
    assert [(d.kind, d.number, d.on) for d in days] == [
        (DayKind.SHOOT, 1, date(2026, 12, 24)),
        (DayKind.HOLIDAY, None, christmas),
        (DayKind.SHOOT, 2, date(2026, 12, 28)),
        (DayKind.SHOOT, 3, date(2026, 12, 29)),
    ]


def test_a_holiday_on_a_weekend_adds_no_day() -> None:
    days = lay_out_dates(date(2027, 7, 2), [DayKind.SHOOT] * 2, holidays={date(2027, 7, 4)})
    assert [d.kind for d in days] == [DayKind.SHOOT, DayKind.SHOOT]
