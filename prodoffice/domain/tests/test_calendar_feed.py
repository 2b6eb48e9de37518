from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from icalendar import Calendar

from prodoffice.domain.callsheets.calendar_feed import CalendarCall, calendar_feed

LA = ZoneInfo("America/Los_Angeles")


def test_each_call_is_an_event_at_the_call_time_in_the_production_zone() -> None:
    feed = calendar_feed(
        "Salt Flats calls",
        [
            CalendarCall(
                "sheet-3-person-7@po",
                "Salt Flats",
                3,
                date(2026, 12, 9),
                time(6, 30),
                location="Bonneville Salt Flats",
                version=2,
            ),
            CalendarCall("sheet-4-person-7@po", "Salt Flats", 4, date(2026, 12, 10), None),
        ],
        LA,
    )
    events = Calendar.from_ical(feed).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == [
        "Call 06:30: Salt Flats day 3",
        "On hold: Salt Flats day 4",
    ]
    start = events[0].decoded("dtstart")
    assert start == datetime(2026, 12, 9, 6, 30, tzinfo=LA)
    assert events[0].decoded("sequence") == 1
    assert str(events[0]["location"]) == "Bonneville Salt Flats"
    assert events[1].decoded("dtstart") == date(2026, 12, 10)
