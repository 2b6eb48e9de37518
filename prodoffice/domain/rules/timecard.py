"""One person's time card for one shoot day, and the checks that come before any costing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Literal, get_args

# A flat deal is paid as agreed, not by the day: its hours are not costed, fixed penalties are.
RatePer = Literal["hour", "day", "week", "flat"]
# How the production works its weeks, which some rest reductions depend on. "Location" is an
# overnight location (SAG-AFTRA's word; IATSE says distant location): the company stays away.
Workweek = Literal["5-day studio", "6-day studio", "5-day location", "6-day location"]
WORKWEEKS: tuple[Workweek, ...] = get_args(Workweek)
# A breakfast break of more than an hour is a meal: every rule set here deducts a meal of 30
# minutes to an hour, and none knows a paid breakfast that long.
LONGEST_NDB_MINUTES = 60


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
    # The week the rest before this day follows: on the first day of a workweek the weekly rest
    # owed depends on the days worked in the week before (5 or 6), and on an overnight location
    # some agreements allow shorter rests (the DPR reads the days from the person's reports;
    # location would come from the production's settings).
    workweek: Workweek = "5-day studio"

    def validate(self) -> tuple[str, ...]:
        """What stops this card from being costed, each as a sentence a coordinator can act on."""
        problems: list[str] = []
        if self.call is None:
            problems.append(f"{self.person}: no call (in) time; enter it before costing the day.")
        if self.wrap is None:
            problems.append(f"{self.person}: no wrap (out) time; enter it before costing the day.")
        times = [t for t in (self.call, self.wrap, self.previous_wrap) if t is not None]
        times += [t for meal in self.meals for t in (meal.start, meal.end) if t is not None]
        if self.ndb is not None:
            times += [t for t in (self.ndb.start, self.ndb.end) if t is not None]
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
        if self.ndb is not None:
            problems += self._ndb_problems()
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
        if self.workweek not in WORKWEEKS:
            problems.append(
                f"{self.person}: the workweek {self.workweek!r} is not one of "
                f"{', '.join(WORKWEEKS)}."
            )
        return tuple(problems)

    def _ndb_problems(self) -> list[str]:
        """A non-deductible breakfast must be a short paid break inside the day, before the
        first meal; whether it moves the meal clock is the rule set's to say (`meals`)."""
        ndb = self.ndb
        assert ndb is not None
        if ndb.start is None or ndb.end is None:
            missing = "start" if ndb.start is None else "end"
            return [
                f"{self.person}: the NDB (non-deductible breakfast) has no {missing} time; "
                "enter it, or remove the NDB if none was given."
            ]
        if ndb.end <= ndb.start:
            return [
                f"{self.person}: the NDB ends ({ndb.end:%H:%M}) before it starts "
                f"({ndb.start:%H:%M})."
            ]
        problems: list[str] = []
        if (self.call is not None and ndb.start < self.call) or (
            self.wrap is not None and ndb.end > self.wrap
        ):
            problems.append(
                f"{self.person}: the NDB ({ndb.start:%H:%M}-{ndb.end:%H:%M}) is outside the "
                "day from call to wrap; a breakfast before the call is not on the clock."
            )
        if ndb.end - ndb.start > timedelta(minutes=LONGEST_NDB_MINUTES):
            problems.append(
                f"{self.person}: the NDB ({ndb.start:%H:%M}-{ndb.end:%H:%M}) is longer than "
                "an hour; a break that long is a meal: enter it as one."
            )
        starts = [meal.start for meal in self.meals if meal.start is not None]
        if starts and ndb.end > min(starts):
            problems.append(
                f"{self.person}: the NDB ({ndb.start:%H:%M}-{ndb.end:%H:%M}) ends after the "
                f"first meal starts ({min(starts):%H:%M}); a non-deductible breakfast comes "
                "before the first meal."
            )
        return problems

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
