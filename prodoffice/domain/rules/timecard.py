"""One person's time card for one shoot day, and the checks that come before any costing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Literal

# A flat deal is paid as agreed, not by the day: its hours are not costed, fixed penalties are.
RatePer = Literal["hour", "day", "week", "flat"]


@dataclass(frozen=True, slots=True)
class Meal:
    """A meal break as written on the time card; a missing time stays None, never guessed."""

    start: datetime | None
    end: datetime | None


@dataclass(frozen=True, slots=True)
class TimeCard:
    """One person's day: call, meals, wrap, the rest before it and the week so far.

    A wrap past midnight is simply a later datetime: the shoot day continues. Times may be
    time-zone aware (differences are then true elapsed time, across a clock change too) or all
    naive (read as wall-clock time).
    """

    person: str
    call: datetime | None
    wrap: datetime | None
    rate: Decimal
    rate_per: RatePer = "hour"
    meals: tuple[Meal, ...] = ()
    previous_wrap: datetime | None = None
    # Straight time already worked in this workweek before today, towards the weekly limit
    # (hours paid as daily overtime are not counted again; `week_so_far` adds it up), and which
    # day worked in the workweek today is, counting today (1 = first; 6 and 7 carry premiums).
    week_before: timedelta = field(default_factory=timedelta)
    day_of_workweek: int = 1
    # The deal's guarantee: hours a day rate buys (8, 10, 12) or a weekly rate buys (40, 50,
    # 60); None reads the rule set's own (issue 12, item 8).
    guaranteed_hours: Decimal | None = None
    # A holiday worked is paid at the agreement's holiday premium (item 7).
    holiday: bool = False
    # The day's scheduled length, for reporting-time pay and minimum calls (item 4).
    scheduled_hours: Decimal | None = None
    # A non-deductible breakfast, start and end (item 3); None when none was given.
    ndb: Meal | None = None

    def validate(self) -> tuple[str, ...]:
        """What stops this card from being costed, each as a sentence a coordinator can act on."""
        problems: list[str] = []
        if self.call is None:
            problems.append(f"{self.person}: no call (in) time; enter it before costing the day.")
        if self.wrap is None:
            problems.append(f"{self.person}: no wrap (out) time; enter it before costing the day.")
        times = [t for t in (self.call, self.wrap, self.previous_wrap) if t is not None]
        times += [t for meal in self.meals for t in (meal.start, meal.end) if t is not None]
        if len({t.tzinfo is None for t in times}) > 1:
            problems.append(
                f"{self.person}: some times carry a time zone and some do not; use one kind."
            )
            return tuple(problems)
        if self.call is not None and self.wrap is not None and self.wrap <= self.call:
            problems.append(
                f"{self.person}: wrap {self.wrap:%a %H:%M} is not after the call "
                f"{self.call:%a %H:%M}; a wrap past midnight is on the next date."
            )
        if (
            self.previous_wrap is not None
            and self.call is not None
            and self.previous_wrap > self.call
        ):
            problems.append(
                f"{self.person}: the previous day's wrap {self.previous_wrap:%a %H:%M} is after "
                f"today's call {self.call:%a %H:%M}."
            )
        problems += self._meal_problems()
        if self.rate < 0:
            problems.append(f"{self.person}: the rate {self.rate} is negative.")
        if self.week_before < timedelta(0):
            problems.append(f"{self.person}: hours worked earlier in the week are negative.")
        if self.guaranteed_hours is not None and self.guaranteed_hours <= 0:
            problems.append(
                f"{self.person}: guaranteed hours {self.guaranteed_hours} must be more than 0; "
                "leave them empty for the rules' own."
            )
        if self.scheduled_hours is not None and self.scheduled_hours <= 0:
            problems.append(
                f"{self.person}: scheduled hours {self.scheduled_hours} must be more than 0; "
                "leave them empty when the schedule does not say."
            )
        if not 1 <= self.day_of_workweek <= 7:
            problems.append(
                f"{self.person}: day {self.day_of_workweek} of the workweek is not 1 to 7."
            )
        return tuple(problems)

    def _meal_problems(self) -> list[str]:
        problems: list[str] = []
        complete: list[tuple[datetime, datetime]] = []
        for number, meal in enumerate(self.meals, start=1):
            if meal.start is None or meal.end is None:
                problems.append(
                    f"{self.person}: meal {number} has no "
                    f"{'start' if meal.start is None else 'end'} time; enter it, or remove "
                    "the meal if none was taken."
                )
                # The end that is there must still fall within the day.
                known, word = (meal.start, "starts") if meal.end is None else (meal.end, "ends")
                if known is not None and (
                    (self.call is not None and known < self.call)
                    or (self.wrap is not None and known > self.wrap)
                ):
                    problems.append(
                        f"{self.person}: meal {number} {word} at {known:%H:%M}, outside the day "
                        "from call to wrap."
                    )
                continue
            if meal.end <= meal.start:
                problems.append(
                    f"{self.person}: meal {number} ends ({meal.end:%H:%M}) before it starts "
                    f"({meal.start:%H:%M})."
                )
                continue
            if (self.call is not None and meal.start < self.call) or (
                self.wrap is not None and meal.end > self.wrap
            ):
                problems.append(
                    f"{self.person}: meal {number} ({meal.start:%H:%M}-{meal.end:%H:%M}) is "
                    "outside the day from call to wrap."
                )
            complete.append((meal.start, meal.end))
        complete.sort()
        for (start, end), (next_start, next_end) in pairwise(complete):
            if next_start < end:
                problems.append(
                    f"{self.person}: meals {start:%H:%M}-{end:%H:%M} and "
                    f"{next_start:%H:%M}-{next_end:%H:%M} overlap."
                )
        return problems


def minute_of(moment: datetime) -> int:
    """Whole minutes since the epoch: true elapsed time for aware times, wall clock for naive."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp()) // 60
