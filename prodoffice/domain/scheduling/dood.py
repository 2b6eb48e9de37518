"""Day Out of Days: for each performer, or any other element, a code for every calendar day.

The codes are the industry's (Movie Magic Scheduling's DOOD, mms-docs.ep.com "DOOD Rules"):
SW on the first work day, WF on the last, SWF when there is only one, W between; H on each
shoot day between the first and last work day that the performer does not work (holds are paid);
T, R, F for travel, rehearsal and fitting; Hol for a company holiday inside the engagement.
Company off days are never holds: they stay blank, and are counted as idle days when they fall
inside the engagement, which is what a weekly engagement pays for.

Drop and pick-up (SAG-AFTRA, "Consecutive Employment", sagaftra.org/consecutive-employment-4):
a day performer given a firm pick-up date "more than 10 calendar days (for films shooting
entirely in the USA) or 14 calendar days (for all other films) after the close of his initial
employment" need not be paid for the time between, and "only one such break in employment is
allowed per production". We read that as: the pick-up date minus the drop date, counted in
calendar days with weekends and holidays included, must be greater than `min_gap_days`.
Dropped on Monday the 1st and picked up on Friday the 12th is 11 days: allowed at 10, though
only 10 days lie between. The drop is measured from the last work day (travel home after it
is ignored), and the firm date is paperwork this module cannot see.

D and PU fall on work days, as Movie Magic's "WD" (work, then drop) and "PW" (pick up, then
work): D ends one stretch of paid days and PU starts the next, so each stretch has exactly one
start code (SW or PU) and one finish code (WF or D). A one-day stretch combines them: SWF, SWD,
PUWF, PUD. The days between a D and its PU are blank and off payroll.

Totals: `total` is the calendar days from the first to the last paid day of each stretch,
summed over the stretches (so dropped days are left out), plus any rehearsal or fitting day
outside them; it equals work + hold + travel + rehearsal + fitting + holiday + idle. Dates the
calendar leaves out (the weekends `lay_out_dates` skips) count as idle like listed off days,
so `total` is true calendar days even where no cell shows them. A travel day before SW (or
after WF) belongs to the engagement and starts (or ends) pay; a rehearsal or fitting day away
from the shoot does not make the days around it paid (SAG-AFTRA: "no consecutive employment
between rehearsal and photography"), so it counts on its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from itertools import pairwise
from typing import Generic, TypeVar

from prodoffice.domain.scheduling.calendar import CalendarDay, DayKind
from prodoffice.domain.scheduling.drops import Gap, choose_drops

K = TypeVar("K", bound=Hashable)


class DoodError(ValueError):
    """Days that are not on the calendar, or a drop the production's rule does not allow."""


class Mark(StrEnum):
    """A day a performer is paid for without shooting, entered by the coordinator."""

    TRAVEL = "T"
    REHEARSAL = "R"
    FITTING = "F"


class Code(StrEnum):
    START_WORK = "SW"
    WORK = "W"
    WORK_FINISH = "WF"
    START_WORK_FINISH = "SWF"
    DROP = "D"
    PICK_UP = "PU"
    START_WORK_DROP = "SWD"
    PICK_UP_FINISH = "PUWF"
    PICK_UP_DROP = "PUD"
    HOLD = "H"
    TRAVEL = "T"
    REHEARSAL = "R"
    FITTING = "F"
    HOLIDAY = "Hol"
    IDLE = ""


START_CODES = frozenset(
    {Code.START_WORK, Code.START_WORK_FINISH, Code.START_WORK_DROP}
    | {Code.PICK_UP, Code.PICK_UP_FINISH, Code.PICK_UP_DROP}
)
FINISH_CODES = frozenset(
    {Code.WORK_FINISH, Code.START_WORK_FINISH, Code.START_WORK_DROP}
    | {Code.DROP, Code.PICK_UP_FINISH, Code.PICK_UP_DROP}
)
WORK_CODES = START_CODES | FINISH_CODES | {Code.WORK}

# (first stretch?, last stretch?) -> the code of a one-day stretch
_ONE_DAY = {
    (True, True): Code.START_WORK_FINISH,
    (True, False): Code.START_WORK_DROP,
    (False, True): Code.PICK_UP_FINISH,
    (False, False): Code.PICK_UP_DROP,
}


@dataclass(frozen=True)
class DropRule:
    """When an element may come off payroll between two work days (see the module docstring)."""

    min_gap_days: int = 10  # SAG-AFTRA: 10 for a film shot entirely in the USA, else 14
    max_drops: int = 1  # SAG-AFTRA allows one break per production


NO_DROPS = DropRule(max_drops=0)  # stars' deals, weekly players, and most locations or vehicles


@dataclass(frozen=True)
class ElementDays:
    """What the schedule says of one performer (or location, vehicle ...)."""

    work: Collection[int]  # shoot-day numbers (CalendarDay.number) with a scene they are in
    marks: Mapping[int, Mark] = field(default_factory=dict)  # calendar index -> T, R or F
    # shoot-day numbers each followed by a drop; None lets `dood_row` place the best ones
    drops: tuple[int, ...] | None = None


@dataclass(frozen=True)
class DoodTotals:
    work: int
    hold: int
    travel: int
    rehearsal: int
    fitting: int
    holiday: int
    # Blank days inside the engagement (weekends, a day between travel and SW): a weekly
    # engagement pays them, a daily one does not.
    idle: int
    dropped: int  # calendar days between each drop and its pick-up, off payroll
    total: int
    start: date | None  # the SW day, as the DOOD's Start column shows it
    finish: date | None  # the WF day
    paid_from: date | None  # first paid day: a travel day before SW, else SW
    paid_to: date | None

    @property
    def paid_days(self) -> int:
        """The days a day performer is paid: every coded day, none of the idle ones."""
        return self.work + self.hold + self.travel + self.rehearsal + self.fitting + self.holiday


@dataclass(frozen=True)
class DoodRow(Generic[K]):
    element: K
    codes: tuple[Code, ...]  # one per calendar day, in calendar order
    totals: DoodTotals
    drops: tuple[int, ...]  # shoot-day numbers each followed by a drop


@dataclass(frozen=True)
class DropOption:
    """A gap between two work days long enough to drop and pick up across."""

    after_day: int  # shoot-day number of the D
    pickup_day: int  # shoot-day number of the PU
    days_apart: int  # pick-up date minus drop date, in calendar days
    holds_saved: int  # shoot days between that would otherwise be holds


@dataclass(frozen=True)
class DropPlan:
    drops: tuple[int, ...]
    holds_saved: int
    saving: Decimal


@dataclass
class _Stretch:
    """Consecutive paid days between a start code and a finish code (calendar indexes)."""

    paid_from: int
    first_work: int
    last_work: int
    paid_to: int


def day_out_of_days(
    calendar: Sequence[CalendarDay], elements: Mapping[K, ElementDays], rule: DropRule = DropRule()
) -> list[DoodRow[K]]:
    """One row per element, in the mapping's order; pass `NO_DROPS` for elements never dropped."""
    return [dood_row(calendar, element, days, rule) for element, days in elements.items()]


def dood_row(
    calendar: Sequence[CalendarDay], element: K, days: ElementDays, rule: DropRule = DropRule()
) -> DoodRow[K]:
    index_of = _shoot_day_indexes(calendar)
    work = sorted(_index_of_day(index_of, number, len(calendar)) for number in set(days.work))
    for index in days.marks:
        if not 0 <= index < len(calendar):
            raise DoodError(
                f"Day {index + 1} of the calendar does not exist: it has {len(calendar)}."
            )
    if days.drops is None:
        plan = best_drops(calendar, days.work, daily_cost=Decimal(0), rule=rule, marks=days.marks)
        dropped_after = plan.drops
    else:
        dropped_after = _checked_drops(calendar, days.work, days.drops, rule)
    stretches = _stretches(calendar, work, {index_of[n] for n in dropped_after}, days.marks)

    codes = [Code.IDLE] * len(calendar)
    work_set = set(work)
    for number, stretch in enumerate(stretches):
        first, last = number == 0, number == len(stretches) - 1
        for i in range(stretch.paid_from, stretch.paid_to + 1):
            codes[i] = _code_in_stretch(calendar[i], i, stretch, first, last, work_set, days.marks)
    outside = 0  # paid days that belong to no stretch: a fitting weeks before the shoot
    for i, mark in days.marks.items():
        if not any(s.paid_from <= i <= s.paid_to for s in stretches):
            codes[i] = Code(mark.value)
            outside += 1

    def on(i: int) -> date:
        return calendar[i].on

    span = sum((on(s.paid_to) - on(s.paid_from)).days + 1 for s in stretches)
    dropped = sum((on(b.paid_from) - on(a.paid_to)).days - 1 for a, b in pairwise(stretches))
    counts = Counter(codes)
    total = span + outside
    totals = DoodTotals(
        work=sum(counts[code] for code in WORK_CODES),
        hold=counts[Code.HOLD],
        travel=counts[Code.TRAVEL],
        rehearsal=counts[Code.REHEARSAL],
        fitting=counts[Code.FITTING],
        holiday=counts[Code.HOLIDAY],
        idle=total - (len(codes) - counts[Code.IDLE]),  # every code but a blank is a paid day
        dropped=dropped,
        total=total,
        start=on(work[0]) if work else None,
        finish=on(work[-1]) if work else None,
        paid_from=on(stretches[0].paid_from) if stretches else None,
        paid_to=on(stretches[-1].paid_to) if stretches else None,
    )
    return DoodRow(element, tuple(codes), totals, tuple(sorted(dropped_after)))


def drop_options(
    calendar: Sequence[CalendarDay],
    work: Collection[int],
    rule: DropRule = DropRule(),
    marks: Mapping[int, Mark] | None = None,
) -> list[DropOption]:
    """Every gap between consecutive work days that the rule allows a drop across."""
    index_of = _shoot_day_indexes(calendar)
    numbers = sorted(set(work))
    for number in numbers:
        _index_of_day(index_of, number, len(calendar))
    marked = marks or {}
    options = []
    for before, after in pairwise(numbers):
        i, j = index_of[before], index_of[after]
        apart = (calendar[j].on - calendar[i].on).days
        if apart > rule.min_gap_days:
            holds = sum(
                1 for k in range(i + 1, j) if calendar[k].kind is DayKind.SHOOT and k not in marked
            )
            options.append(DropOption(before, after, apart, holds))
    return options


def best_drops(
    calendar: Sequence[CalendarDay],
    work: Collection[int],
    *,
    daily_cost: Decimal,
    rule: DropRule = DropRule(),
    marks: Mapping[int, Mark] | None = None,
) -> DropPlan:
    """The allowed drops that take the most hold days, and so the most money, off payroll.

    Gaps between work days do not overlap, so taking the `max_drops` gaps with the most holds
    is the best choice (`drops.choose_drops`); a gap with no hold in it (only a weekend) saves
    nothing and is not taken. The saving counts holds only: what a day performer is paid
    without working.
    """
    options = drop_options(calendar, work, rule, marks)
    chosen = choose_drops(
        (Gap(o.after_day, o.days_apart, o.holds_saved) for o in options),
        min_gap_days=rule.min_gap_days,
        max_drops=rule.max_drops,
    )
    holds = sum(g.days_saved for g in chosen)
    return DropPlan(tuple(g.after for g in chosen), holds, daily_cost * holds)


def _shoot_day_indexes(calendar: Sequence[CalendarDay]) -> dict[int, int]:
    index_of: dict[int, int] = {}
    for i, day in enumerate(calendar):
        if i and day.on <= calendar[i - 1].on:
            raise DoodError(f"The calendar goes back in time at {day.on:%b %-d, %Y}.")
        if day.kind is DayKind.SHOOT:
            if day.number is None or day.number in index_of:
                raise DoodError(f"The shoot day on {day.on:%b %-d, %Y} needs its own number.")
            index_of[day.number] = i
    return index_of


def _index_of_day(index_of: Mapping[int, int], number: int, length: int) -> int:
    if number not in index_of:
        raise DoodError(
            f"Shoot day {number} is not on the calendar, which has {len(index_of)} shoot days "
            f"in {length} days."
        )
    return index_of[number]


def _checked_drops(
    calendar: Sequence[CalendarDay],
    work: Collection[int],
    drops: Sequence[int],
    rule: DropRule,
) -> tuple[int, ...]:
    allowed = {o.after_day for o in drop_options(calendar, work, rule)}
    if len(set(drops)) > rule.max_drops:
        raise DoodError(
            f"{len(set(drops))} drops asked for; the production allows {rule.max_drops}."
        )
    for number in drops:
        if number not in allowed:
            raise DoodError(
                f"No drop after day {number}: it must be a work day followed, more than "
                f"{rule.min_gap_days} calendar days later, by the next one."
            )
    return tuple(sorted(set(drops)))


def _stretches(
    calendar: Sequence[CalendarDay],
    work: Sequence[int],
    drop_indexes: Collection[int],
    marks: Mapping[int, Mark],
) -> list[_Stretch]:
    stretches: list[_Stretch] = []
    for i in work:
        if stretches and stretches[-1].last_work not in drop_indexes:
            stretches[-1].last_work = stretches[-1].paid_to = i
        else:
            stretches.append(_Stretch(i, i, i, i))
    work_set = set(work)
    for i in sorted(k for k, mark in marks.items() if mark is Mark.TRAVEL and k not in work_set):
        if not stretches:
            break
        # The stretches that end before the travel day; the next one, if any, ends after it.
        ended = sum(1 for s in stretches if s.last_work < i)
        if ended == len(stretches):  # travel home after the last work day
            stretches[-1].paid_to = max(stretches[-1].paid_to, i)
        elif stretches[ended].first_work < i:  # travel between two work days of one stretch
            continue
        elif ended == 0:  # travel to the first work day
            stretches[0].paid_from = min(stretches[0].paid_from, i)
        else:  # travel inside a drop: home after the D, or back for the PU, whichever is nearer
            home, back = stretches[ended - 1], stretches[ended]
            if (calendar[i].on - calendar[home.last_work].on) <= (
                calendar[back.first_work].on - calendar[i].on
            ):
                home.paid_to = max(home.paid_to, i)
            else:
                back.paid_from = min(back.paid_from, i)
    return stretches


def _code_in_stretch(
    day: CalendarDay,
    i: int,
    stretch: _Stretch,
    first: bool,
    last: bool,
    work: Collection[int],
    marks: Mapping[int, Mark],
) -> Code:
    # Work outranks a mark (a rehearsal on a shoot day is a work day), a mark outranks the
    # calendar, and holds only fall between the stretch's first and last work day, as in MMS.
    if i in work:
        if i == stretch.first_work == stretch.last_work:
            return _ONE_DAY[first, last]
        if i == stretch.first_work:
            return Code.START_WORK if first else Code.PICK_UP
        if i == stretch.last_work:
            return Code.WORK_FINISH if last else Code.DROP
        return Code.WORK
    if i in marks:
        return Code(marks[i].value)
    if day.kind is DayKind.HOLIDAY:
        return Code.HOLIDAY
    if day.kind is DayKind.TRAVEL:
        return Code.TRAVEL  # a company move inside the engagement: the performer moves too
    if day.kind is DayKind.SHOOT and stretch.first_work < i < stretch.last_work:
        return Code.HOLD
    return Code.IDLE
