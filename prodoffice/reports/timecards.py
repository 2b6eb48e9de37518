"""The DPR's time entries as time cards: what the rules engine reads, where its problems go."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Protocol
from zoneinfo import ZoneInfo

from prodoffice.domain.rules import Meal, TimeCard
from prodoffice.domain.rules.timecard import RatePer
from prodoffice.reports.models import DailyReport

TIME_FIELDS = (
    "call",
    "ndb_start",
    "ndb_end",
    "meal1_start",
    "meal1_end",
    "meal2_start",
    "meal2_end",
    "wrap",
)
# The performer's day between in and out: recorded and checked for order, not costed.
CAST_TIME_FIELDS = ("pickup", "makeup", "on_set", "dismissed_set")
TIME_LABELS = {
    "pickup": "picked up",
    "call": "in",
    "makeup": "make-up and wardrobe",
    "on_set": "on set",
    "ndb_start": "NDB start",
    "ndb_end": "NDB end",
    "meal1_start": "1st meal start",
    "meal1_end": "1st meal end",
    "meal2_start": "2nd meal start",
    "meal2_end": "2nd meal end",
    "dismissed_set": "dismissed on set",
    "wrap": "out",
}
# The order a performer's day runs in; any time may be missing.
CAST_SEQUENCE = ("pickup", "call", "makeup", "on_set", "dismissed_set", "wrap")


def local_zone(report: DailyReport) -> ZoneInfo:
    return ZoneInfo(report.production.time_zone)


class Times(Protocol):
    call: datetime | None
    ndb_start: datetime | None
    ndb_end: datetime | None
    meal1_start: datetime | None
    meal1_end: datetime | None
    meal2_start: datetime | None
    meal2_end: datetime | None
    wrap: datetime | None


@dataclass(frozen=True)
class EntryTimes:
    """One person's times as entered; None is a time not known yet (flagged, never guessed)."""

    call: datetime | None = None
    ndb_start: datetime | None = None  # a non-deductible breakfast: paid, before the 1st meal
    ndb_end: datetime | None = None
    meal1_start: datetime | None = None
    meal1_end: datetime | None = None
    meal2_start: datetime | None = None
    meal2_end: datetime | None = None
    wrap: datetime | None = None
    pickup: datetime | None = None
    makeup: datetime | None = None
    on_set: datetime | None = None
    dismissed_set: datetime | None = None
    status: str = ""
    remarks: str = ""


def time_card(
    entry: Times,
    *,
    person: str,
    zone: ZoneInfo,
    rate: Decimal = Decimal(0),
    rate_per: RatePer = "hour",
    previous_wrap: datetime | None = None,
) -> TimeCard:
    """The entry as the rules engine reads it, in the production's local time (how it speaks)."""

    def local(moment: datetime | None) -> datetime | None:
        return moment.astimezone(zone) if moment is not None else None

    meals = tuple(
        Meal(local(start), local(end))
        for start, end in (
            (entry.meal1_start, entry.meal1_end),
            (entry.meal2_start, entry.meal2_end),
        )
        if start is not None or end is not None
    )
    ndb = None
    if entry.ndb_start is not None or entry.ndb_end is not None:
        ndb = Meal(local(entry.ndb_start), local(entry.ndb_end))
    return TimeCard(
        person=person,
        call=local(entry.call),
        wrap=local(entry.wrap),
        rate=rate,
        rate_per=rate_per,
        meals=meals,
        previous_wrap=local(previous_wrap),
        ndb=ndb,
    )


# Which field a TimeCard problem belongs beside. Missing times are not here: they are saved
# and flagged on the report, since a DPR is often filled in as the times come in.
_PROBLEM_FIELDS = (
    (re.compile(r"wrap .* is not after the call"), "wrap"),
    (re.compile(r"meal (\d) starts at"), "meal{}_start"),
    (re.compile(r"meal (\d) ends"), "meal{}_end"),
    (re.compile(r"meal (\d) \(.*outside the day"), "meal{}_start"),
    (re.compile(r"meals .* overlap"), "meal2_start"),
    (re.compile(r"the NDB ends \("), "ndb_end"),
    (re.compile(r"the NDB \(.*longer than an hour"), "ndb_end"),
    (re.compile(r"the NDB \(.*(outside the day|after the first meal)"), "ndb_start"),
    (re.compile(r"time zone"), "call"),
)


_MISSING = re.compile(
    r": no (call|wrap) \(|meal \d has no (start|end) time"
    r"|the NDB \(non-deductible breakfast\) has no"
)


def time_errors(card: TimeCard) -> dict[str, str]:
    errors: dict[str, str] = {}
    for problem in card.validate():
        for pattern, field in _PROBLEM_FIELDS:
            found = pattern.search(problem)
            if found:
                name = field.format(*found.groups())
                # The person's name is the row the form is on; the field needs only the rule.
                errors.setdefault(name, problem.split(": ", 1)[-1])
                break
        else:
            if not _MISSING.search(problem):  # a rule this mapping does not know: still refused
                errors.setdefault("times", problem.split(": ", 1)[-1])
    return errors


def sequence_errors(times: EntryTimes) -> dict[str, str]:
    """A performer's times out of order (on set before make-up, ...), each beside its field;
    and a second meal without a first (the one meal taken is the first)."""
    errors: dict[str, str] = {}
    second = times.meal2_start is not None or times.meal2_end is not None
    if second and times.meal1_start is None and times.meal1_end is None:
        typed = "meal2_start" if times.meal2_start is not None else "meal2_end"
        errors[typed] = "A second meal needs a first: enter this one as the 1st meal."
    previous: tuple[str, datetime] | None = None
    for name in CAST_SEQUENCE:
        moment = getattr(times, name)
        if moment is None:
            continue
        if previous is not None and moment < previous[1]:
            label, before = previous[0], previous[1]
            errors[name] = (
                f"{TIME_LABELS[name].capitalize()} {moment:%a %H:%M} is before "
                f"{TIME_LABELS[label]} {before:%a %H:%M}; a time past midnight is on the next date."
            )
            continue
        previous = (name, moment)
    return errors


def entry_errors(
    times: EntryTimes, card: TimeCard, *, lone_second_meal: bool = False
) -> dict[str, str]:
    """Every problem with one person's times, each beside a field that was typed.

    `lone_second_meal`: a 2nd meal without a 1st is fine (shared times: some had their own 1st).
    """
    errors = time_errors(card)
    if times.meal1_start is None and times.meal1_end is None:
        # The card numbers the meals entered: its meal 1 is the form's 2nd meal.
        errors = {
            name.replace("meal1_", "meal2_"): text.replace("meal 1", "meal 2")
            for name, text in errors.items()
        }
    order = sequence_errors(times)
    if lone_second_meal:
        order = {k: v for k, v in order.items() if not k.startswith("meal2_")}
    return {**order, **errors}
