"""Rules a shooting schedule keeps, and shows when broken: one small check per rule.

Each check returns what is broken (empty, or None, when nothing is) with a message a
coordinator can act on; none raises for a broken rule, since a draft schedule may break
several at once and the stripboard shows them all.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from typing import Generic, TypeVar
from zoneinfo import ZoneInfo

K = TypeVar("K", bound=Hashable)

# SAG-AFTRA, "Rest Periods (Forced Calls)": 12 hours from dismissal to the first call of the
# next day, within the studio zone (sagaftra.org, Television/Theatrical contract summary).
CAST_MINIMUM_REST_HOURS = 12
# IATSE Basic Agreement (2021 memorandum): a 10-hour daily rest period for most crew and
# productions (basic.iatse.net, "History of Rest Periods").
CREW_MINIMUM_REST_HOURS = 10


@dataclass(frozen=True)
class AvailabilityConflict(Generic[K]):
    person: K
    on: date

    @property
    def message(self) -> str:
        return f"{self.person} is not available on {self.on:%a %b %-d, %Y} but is scheduled."


def availability_conflicts(
    person: K, unavailable_dates: Iterable[date], work_dates: Iterable[date]
) -> list[AvailabilityConflict[K]]:
    """Days a person is scheduled to work on dates they said they cannot (a "conflict")."""
    clash = set(unavailable_dates) & set(work_dates)
    return [AvailabilityConflict(person, on) for on in sorted(clash)]


@dataclass(frozen=True)
class TurnaroundViolation:
    wrapped: datetime
    next_call: datetime
    minimum: timedelta

    @property
    def rest(self) -> timedelta:
        return self.next_call - self.wrapped

    @property
    def rest_hours(self) -> float:
        return self.rest / timedelta(hours=1)

    @property
    def minimum_hours(self) -> float:
        return self.minimum / timedelta(hours=1)

    @property
    def message(self) -> str:
        return (
            f"Wrap {self.wrapped:%a %H:%M} to call {self.next_call:%a %H:%M} is "
            f"{self.rest_hours:g} h of rest; the minimum is {self.minimum_hours:g} h."
        )


def turnaround_violations(
    calls: Sequence[tuple[date, time, time]],
    minimum_rest_hours: float,
    *,
    tz: ZoneInfo | None = None,
) -> list[TurnaroundViolation]:
    """Each call that comes too soon after the wrap before it, for one person's calls.

    `calls` are (day, call, wrap) in local time; a wrap at or before the call time is past
    midnight and rolls to the next day (a 30-hour day cannot be written this way). Rest runs
    from wrap to the next call, whatever day that is. Without `tz` the times are wall-clock
    and a night that changes the clocks is off by an hour; with `tz` they are placed in that
    zone and the rest is measured in real hours. Use `CAST_MINIMUM_REST_HOURS` or
    `CREW_MINIMUM_REST_HOURS` unless the production's deal says otherwise.
    """
    minimum = timedelta(hours=minimum_rest_hours)

    def at(day: date, clock: time) -> datetime:
        if tz is None:
            return datetime.combine(day, clock)
        return datetime.combine(day, clock, tzinfo=tz).astimezone(UTC)

    violations = []
    ordered = sorted(calls)
    for (day, call, wrap), (next_day, next_call, _) in pairwise(ordered):
        wrap_day = day + timedelta(days=1) if wrap <= call else day
        wrapped, called = at(wrap_day, wrap), at(next_day, next_call)
        if called - wrapped < minimum:
            violations.append(TurnaroundViolation(wrapped, called, minimum))
    return violations


@dataclass(frozen=True)
class PagesExceeded(Generic[K]):
    day: K
    eighths: int
    max_eighths: int

    @property
    def message(self) -> str:
        most = pages(self.max_eighths)
        return f"Day {self.day} has {pages(self.eighths)} pages; the most is {most}."


def pages_per_day_exceeded(
    day_eighths: Mapping[K, int], max_eighths: int
) -> list[PagesExceeded[K]]:
    """Shoot days scheduled with more pages than the production's limit.

    The limit is the production's own (no union sets one): a feature plans about 3 to 5
    pages a day, a series more. Pages are in eighths, as a stripboard adds them up.
    """
    return [
        PagesExceeded(day, eighths, max_eighths)
        for day, eighths in day_eighths.items()
        if eighths > max_eighths
    ]


@dataclass(frozen=True)
class LateScene:
    scheduled: date | None  # None: the scene is still in the boneyard
    deadline: date

    @property
    def days_late(self) -> int | None:
        return None if self.scheduled is None else (self.scheduled - self.deadline).days

    @property
    def message(self) -> str:
        if self.scheduled is None:
            return f"Must be shot by {self.deadline:%b %-d, %Y} and is not scheduled."
        return (
            f"Must be shot by {self.deadline:%b %-d, %Y}; scheduled "
            f"{self.days_late} days later, on {self.scheduled:%b %-d}."
        )


def must_shoot_by(scene_date: date | None, deadline: date) -> LateScene | None:
    """A scene tied to a date (a location's last day, an actor leaving, a season): on or before.

    The deadline is the production's; a scene not yet on a shoot day has not met it.
    """
    if scene_date is not None and scene_date <= deadline:
        return None
    return LateScene(scene_date, deadline)


def pages(eighths: int) -> str:
    """Eighths as a stripboard prints them: 11 -> "1 3/8", 4 -> "4/8", 16 -> "2"."""
    whole, part = divmod(eighths, 8)
    if not part:
        return str(whole)
    return f"{whole} {part}/8" if whole else f"{part}/8"
