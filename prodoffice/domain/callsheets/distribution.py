"""What each person is sent: their part of the sheet, how it reads in an e-mail or a text,
and whether it changed since the last version they were sent."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, time


def fingerprint(shared: Mapping[str, object], personal: Mapping[str, object]) -> str:
    """A digest of what the sheet tells one person: what it tells everyone (date, calls,
    scenes, locations, notes) and what it tells them alone (their call, pickup, remarks).
    Two versions with the same digest tell that person the same thing: no re-send."""
    text = json.dumps({"shared": shared, "personal": personal}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class PersonalCall:
    production: str
    day_number: int
    on: date
    call: time | None  # None: on hold, or listed without a call
    pickup: time | None = None
    pickup_place: str = ""
    scenes: tuple[str, ...] = ()
    revised: bool = False


def _clock(at: time) -> str:
    return f"{at:%H:%M}"


def subject(person: PersonalCall) -> str:
    """The e-mail subject: the call time first thing, REVISED when it is a new version."""
    when = f"Day {person.day_number}, {person.on:%a %b %-d}"
    call = f"your call {_clock(person.call)}" if person.call else "no call (on hold)"
    prefix = "REVISED " if person.revised else ""
    return f"{prefix}Call sheet {person.production} · {when} · {call}"


def first_line(person: PersonalCall) -> str:
    if person.call is None:
        return "You have no call on this day: you are on hold."
    line = f"Your call: {_clock(person.call)}"
    if person.pickup:
        place = f" at {person.pickup_place}" if person.pickup_place else ""
        line += f" (pickup {_clock(person.pickup)}{place})"
    return line + "."


def text_message(person: PersonalCall, link: str) -> str:
    """A short plain version for a text message or chat: call, pickup, scenes, the link."""
    parts = [f"{person.production} Day {person.day_number} {person.on:%a %b %-d}"]
    parts.append(f"call {_clock(person.call)}" if person.call else "on hold, no call")
    if person.call and person.pickup:
        place = f" {person.pickup_place}" if person.pickup_place else ""
        parts.append(f"pickup {_clock(person.pickup)}{place}")
    if person.scenes:
        parts.append("sc " + " ".join(person.scenes))
    prefix = "REVISED " if person.revised else ""
    return prefix + ", ".join(parts) + f". Call sheet: {link}"
