"""A person's calls as an iCalendar feed (RFC 5545), for Google Calendar, Outlook or Apple."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

DEFAULT_LENGTH = timedelta(hours=12)  # a shoot day, when the wrap is not known


@dataclass(frozen=True)
class CalendarCall:
    uid: str  # stable per call sheet and person: a new version updates the event
    production: str
    day_number: int
    on: date
    call: time | None  # None: on hold, an all-day event
    location: str = ""
    url: str = ""
    version: int = 1


def calendar_feed(name: str, calls: Iterable[CalendarCall], tz: ZoneInfo) -> bytes:
    """The feed: one event per call sheet, at the call time in the production's time zone."""
    feed = Calendar()
    feed.add("prodid", "-//Prodoffice//call sheets//EN")
    feed.add("version", "2.0")
    feed.add("x-wr-calname", name)
    for call in calls:
        event = Event()
        event.add("uid", call.uid)
        event.add("sequence", call.version - 1)  # a revision replaces the event it updates
        event.add("dtstamp", datetime.now(tz=ZoneInfo("UTC")))
        if call.call is None:
            event.add("summary", f"On hold: {call.production} day {call.day_number}")
            event.add("dtstart", call.on)
            event.add("dtend", call.on + timedelta(days=1))
        else:
            start = datetime.combine(call.on, call.call, tzinfo=tz)
            event.add("summary", f"Call {call.call:%H:%M}: {call.production} day {call.day_number}")
            event.add("dtstart", start)
            event.add("dtend", start + DEFAULT_LENGTH)
        if call.location:
            event.add("location", call.location)
        if call.url:
            event.add("url", call.url)
        feed.add_component(event)
    ical: bytes = feed.to_ical()
    return ical
