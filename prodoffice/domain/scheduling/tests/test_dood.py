from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prodoffice.domain.scheduling.calendar import CalendarDay, DayKind, lay_out_dates
from prodoffice.domain.scheduling.dood import (
    FINISH_CODES,
    NO_DROPS,
    START_CODES,
    WORK_CODES,
    Code,
    DoodError,
    DoodRow,
    DropRule,
    ElementDays,
    Mark,
    best_drops,
    day_out_of_days,
    dood_row,
    drop_options,
)

S, OFF, HOL, TRV = DayKind.SHOOT, DayKind.OFF, DayKind.HOLIDAY, DayKind.TRAVEL
MONDAY = date(2027, 3, 1)


def every_day(kinds: list[DayKind], start: date = MONDAY) -> list[CalendarDay]:
    """A calendar with one entry per date, shoot days numbered in order."""
    days, number = [], 0
    for offset, kind in enumerate(kinds):
        number += kind is S
        days.append(CalendarDay(kind, number if kind is S else None, start + timedelta(offset)))
    return days


def shoot_days(n: int) -> list[CalendarDay]:
    return every_day([S] * n)


def row(
    calendar: list[CalendarDay],
    *work: int,
    marks: dict[int, Mark] | None = None,
    drops: tuple[int, ...] | None = None,
    rule: DropRule | None = None,
) -> DoodRow[str]:
    days = ElementDays(frozenset(work), marks or {}, drops)
    return dood_row(calendar, "Ava", days, rule or DropRule())


def text(codes: tuple[Code, ...]) -> list[str]:
    return [code.value for code in codes]


def test_a_performer_on_days_1_2_5_6_of_ten_starts_holds_and_finishes() -> None:
    result = row(shoot_days(10), 1, 2, 5, 6)
    assert text(result.codes) == ["SW", "W", "H", "H", "W", "WF", "", "", "", ""]
    totals = result.totals
    assert (totals.work, totals.hold, totals.idle, totals.total) == (4, 2, 0, 6)
    assert (totals.start, totals.finish) == (date(2027, 3, 1), date(2027, 3, 6))


def test_a_performer_on_one_day_is_start_work_finish() -> None:
    result = row(shoot_days(10), 3)
    assert text(result.codes) == ["", "", "SWF", "", "", "", "", "", "", ""]
    assert (result.totals.work, result.totals.hold, result.totals.total) == (1, 0, 1)


def test_a_weekend_inside_the_engagement_is_blank_but_counted_as_idle() -> None:
    calendar = every_day([S, S, S, S, S, OFF, OFF, S, S, S, S, S, OFF, OFF])
    result = row(calendar, 1, 8)  # Mon Mar 1 and Wed Mar 10: 9 days apart, too few to drop
    assert text(result.codes) == ["SW", "H", "H", "H", "H", "", "", "H", "H", "WF"] + [""] * 4
    totals = result.totals
    # Mar 1 to Mar 10 is 10 days: 2 worked, 6 held, the weekend idle.
    assert (totals.work, totals.hold, totals.idle, totals.total) == (2, 6, 2, 10)
    assert totals.paid_days == 8


def test_weekends_the_calendar_leaves_out_still_count_as_idle() -> None:
    calendar = lay_out_dates(MONDAY, [S] * 10)  # Mar 1-5 and 8-12, no weekend entries
    result = row(calendar, 5, 6)  # Friday and Monday
    assert text(result.codes)[4:6] == ["SW", "WF"]
    assert (result.totals.work, result.totals.idle, result.totals.total) == (2, 2, 4)


def test_a_pick_up_12_days_after_the_drop_takes_the_performer_off_payroll() -> None:
    result = row(shoot_days(20), 1, 2, 14, 15)  # Mar 2 to Mar 14
    assert text(result.codes) == ["SW", "D"] + [""] * 11 + ["PU", "WF"] + [""] * 5
    totals = result.totals
    assert (totals.work, totals.hold, totals.dropped, totals.total, totals.idle) == (4, 0, 11, 4, 0)
    assert (totals.paid_from, totals.paid_to) == (date(2027, 3, 1), date(2027, 3, 15))
    assert result.drops == (2,)


def test_a_gap_of_8_days_is_held_not_dropped() -> None:
    result = row(shoot_days(12), 1, 2, 10, 11)  # Mar 2 to Mar 10
    assert text(result.codes) == ["SW", "W"] + ["H"] * 7 + ["W", "WF", ""]
    assert (result.totals.hold, result.totals.dropped, result.totals.total) == (7, 0, 11)
    assert result.drops == ()


@pytest.mark.parametrize(("pickup", "dropped"), [(11, False), (12, True)])
def test_the_pick_up_must_be_more_than_the_minimum_days_after_the_drop(
    pickup: int, dropped: bool
) -> None:
    # Day 1 is Mar 1: day 11 is 10 days after it, day 12 is 11 days after.
    result = row(shoot_days(12), 1, pickup)
    assert (result.drops == (1,)) is dropped
    assert text(result.codes)[0] == ("SWD" if dropped else "SW")
    assert text(result.codes)[pickup - 1] == ("PUWF" if dropped else "WF")


def test_a_film_shot_abroad_needs_14_days_between() -> None:
    abroad = DropRule(min_gap_days=14)
    assert row(shoot_days(20), 1, 14, rule=abroad).drops == ()
    assert row(shoot_days(20), 1, 16, rule=abroad).drops == (1,)


def test_one_drop_per_production_goes_where_it_saves_the_most_holds() -> None:
    work = (1, 13, 28)  # a gap of 11 holds, then one of 14
    assert row(shoot_days(30), *work).drops == (13,)
    both = row(shoot_days(30), *work, rule=DropRule(max_drops=2))
    assert both.drops == (1, 13)
    assert text(both.codes)[:1] + text(both.codes)[12:13] + text(both.codes)[27:28] == [
        "SWD",
        "PUD",
        "PUWF",
    ]


def test_a_gap_of_only_off_days_saves_nothing_and_is_not_dropped() -> None:
    calendar = every_day([S] + [OFF] * 12 + [S])
    assert row(calendar, 1, 2).drops == ()
    assert drop_options(calendar, {1, 2})[0].holds_saved == 0


def test_the_best_drop_is_priced_at_the_daily_cost() -> None:
    plan = best_drops(shoot_days(20), {1, 2, 14, 15}, daily_cost=Decimal("1008.00"))
    assert (plan.drops, plan.holds_saved, plan.saving) == ((2,), 11, Decimal("11088.00"))


def test_a_performer_kept_on_hold_by_deal_is_never_dropped() -> None:
    result = row(shoot_days(20), 1, 2, 14, 15, drops=())
    assert result.drops == ()
    assert result.totals.hold == 11


def test_a_drop_the_rule_does_not_allow_is_refused_with_the_minimum_named() -> None:
    with pytest.raises(DoodError, match="more than 10 calendar days"):
        row(shoot_days(12), 1, 2, 10, 11, drops=(2,))
    with pytest.raises(DoodError, match="allows 1"):
        row(shoot_days(30), 1, 13, 28, drops=(1, 13))


def test_a_day_that_is_not_on_the_calendar_is_named() -> None:
    with pytest.raises(DoodError, match="Shoot day 11 is not on the calendar"):
        row(shoot_days(10), 1, 11)
    with pytest.raises(DoodError, match="Day 12 of the calendar does not exist"):
        row(shoot_days(10), 1, marks={11: Mark.TRAVEL})


def test_a_travel_day_before_the_start_begins_pay() -> None:
    calendar = every_day([OFF, S, S, S], start=date(2027, 2, 28))  # Sunday, then Mon to Wed
    result = row(calendar, 2, 3, marks={0: Mark.TRAVEL})
    # Monday's shoot day, between the travel and the first work day, is paid but not a hold.
    assert text(result.codes) == ["T", "", "SW", "WF"]
    totals = result.totals
    assert (totals.travel, totals.work, totals.idle, totals.total) == (1, 2, 1, 4)
    assert (totals.paid_from, totals.start) == (date(2027, 2, 28), date(2027, 3, 2))


def test_travel_home_after_the_finish_ends_pay() -> None:
    result = row(shoot_days(5), 1, 2, marks={3: Mark.TRAVEL})
    assert text(result.codes) == ["SW", "WF", "", "T", ""]
    assert (result.totals.total, result.totals.idle, result.totals.paid_to) == (
        4,
        1,
        date(2027, 3, 4),
    )


def test_travel_inside_a_drop_joins_the_nearer_work_day() -> None:
    result = row(shoot_days(20), 1, 15, marks={13: Mark.TRAVEL})  # back the day before PU
    assert text(result.codes)[12:15] == ["", "T", "PUWF"]
    assert (result.totals.dropped, result.totals.total) == (12, 3)


def test_a_fitting_weeks_before_the_shoot_counts_alone() -> None:
    result = row(shoot_days(20), 15, 16, marks={0: Mark.FITTING})
    assert text(result.codes)[0] == "F"
    assert text(result.codes)[1:14] == [""] * 13
    assert (result.totals.fitting, result.totals.total, result.totals.idle) == (1, 3, 0)


def test_rehearsal_and_fitting_take_the_place_of_holds_and_work_outranks_them() -> None:
    result = row(shoot_days(5), 1, 5, marks={1: Mark.REHEARSAL, 2: Mark.FITTING, 4: Mark.REHEARSAL})
    assert text(result.codes) == ["SW", "R", "F", "H", "WF"]
    totals = result.totals
    assert (totals.rehearsal, totals.fitting, totals.hold, totals.total) == (1, 1, 1, 5)


def test_holidays_inside_the_engagement_are_marked_and_outside_are_blank() -> None:
    calendar = every_day([HOL, S, HOL, S, HOL])
    result = row(calendar, 1, 2)
    assert text(result.codes) == ["", "SW", "Hol", "WF", ""]
    assert (result.totals.holiday, result.totals.total, result.totals.paid_days) == (1, 3, 3)


def test_a_company_move_inside_the_engagement_is_a_travel_day() -> None:
    result = row(every_day([S, TRV, S, TRV]), 1, 2)
    assert text(result.codes) == ["SW", "T", "WF", ""]


def test_locations_and_vehicles_get_the_same_rows() -> None:
    rows = day_out_of_days(
        shoot_days(6),
        {"Diner": ElementDays({1, 4}), "Picture car": ElementDays({2}), "Pier": ElementDays(())},
        NO_DROPS,
    )
    assert [(r.element, text(r.codes)) for r in rows] == [
        ("Diner", ["SW", "H", "H", "WF", "", ""]),
        ("Picture car", ["", "SWF", "", "", "", ""]),
        ("Pier", [""] * 6),
    ]
    assert rows[0].totals.hold == 2
    assert rows[2].totals.start is None and rows[2].totals.total == 0


def test_a_calendar_that_goes_back_in_time_is_refused() -> None:
    calendar = [CalendarDay(S, 1, MONDAY), CalendarDay(S, 2, MONDAY)]
    with pytest.raises(DoodError, match="back in time"):
        row(calendar, 1)


# Properties: any calendar, any work days, any marks, any rule.


@st.composite
def schedules(draw: st.DrawFn) -> tuple[list[CalendarDay], ElementDays, DropRule]:
    length = draw(st.integers(1, 80))  # drawn first, so long calendars (and drops) are common
    kinds = st.sampled_from([S, S, S, S, OFF, HOL, TRV])
    calendar = lay_out_dates(
        draw(st.dates(date(2026, 1, 1), date(2030, 12, 31))),
        draw(st.lists(kinds, min_size=length, max_size=length)),
    )
    numbers = [d.number for d in calendar if d.number is not None]
    work = (
        draw(st.frozensets(st.sampled_from(numbers), max_size=8)) if numbers else frozenset[int]()
    )
    marks = draw(
        st.dictionaries(st.integers(0, len(calendar) - 1), st.sampled_from(list(Mark)), max_size=5)
    )
    rule = DropRule(draw(st.integers(0, 12)), draw(st.integers(0, 3)))
    return calendar, ElementDays(work, marks), rule


@given(schedules())
def test_every_row_has_one_code_a_day_and_totals_that_add_up(
    schedule: tuple[list[CalendarDay], ElementDays, DropRule],
) -> None:
    calendar, days, rule = schedule
    result = dood_row(calendar, "x", days, rule)
    codes, totals = result.codes, result.totals
    assert len(codes) == len(calendar)
    assert totals.work == len(days.work) == sum(c in WORK_CODES for c in codes)
    assert totals.hold == codes.count(Code.HOLD)
    parts = totals.paid_days + totals.idle
    assert totals.total == parts and totals.idle >= 0 and totals.dropped >= 0
    if totals.paid_from and totals.paid_to:
        span = (totals.paid_to - totals.paid_from).days + 1
        outside = sum(
            1
            for i, c in enumerate(codes)
            if c in (Code.REHEARSAL, Code.FITTING)
            and not totals.paid_from <= calendar[i].on <= totals.paid_to
        )
        # From first to last paid day, less the days off payroll; a rehearsal or fitting day
        # outside the engagement (before it, or inside a drop) counts on its own.
        if result.drops:
            assert totals.dropped > 0
            assert span - totals.dropped + outside <= totals.total <= span + outside
        else:
            assert totals.total == span + outside


@given(schedules())
def test_each_engagement_has_one_start_and_one_finish_and_holds_only_between(
    schedule: tuple[list[CalendarDay], ElementDays, DropRule],
) -> None:
    calendar, days, rule = schedule
    result = dood_row(calendar, "x", days, rule)
    codes = result.codes
    stretches = len(result.drops) + 1 if days.work else 0
    assert sum(c in START_CODES for c in codes) == stretches
    assert sum(c in FINISH_CODES for c in codes) == stretches
    assert len(result.drops) <= rule.max_drops
    worked = [i for i, c in enumerate(codes) if c in WORK_CODES]
    holds = [i for i, c in enumerate(codes) if c is Code.HOLD]
    assert all(worked[0] < i < worked[-1] for i in holds)
    assert all(calendar[i].kind is DayKind.SHOOT for i in holds)
    if days.work:
        assert codes[worked[0]] in START_CODES and codes[worked[-1]] in FINISH_CODES
    # Starts and finishes alternate, and each drop is more than the minimum before its pick-up.
    ends = [i for i in worked if codes[i] in START_CODES | FINISH_CODES]
    opened = None
    for i in ends:
        if codes[i] in START_CODES:
            assert opened is None
            opened = i
        if codes[i] in FINISH_CODES:
            assert opened is not None
            if codes[i] in {Code.DROP, Code.START_WORK_DROP, Code.PICK_UP_DROP}:
                pickup = next(j for j in worked if j > i)
                assert (calendar[pickup].on - calendar[i].on).days > rule.min_gap_days
            opened = None


@given(schedules())
def test_a_chosen_drop_never_adds_a_hold(
    schedule: tuple[list[CalendarDay], ElementDays, DropRule],
) -> None:
    calendar, days, rule = schedule
    chosen = dood_row(calendar, "x", days, rule)
    kept = dood_row(calendar, "x", ElementDays(days.work, days.marks, drops=()), rule)
    plan = best_drops(calendar, days.work, daily_cost=Decimal(1), rule=rule, marks=days.marks)
    assert kept.totals.hold - chosen.totals.hold == plan.holds_saved >= 0
    assert chosen.totals.total <= kept.totals.total
