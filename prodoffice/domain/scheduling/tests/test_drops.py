"""The drop rule is written once; the DOOD and the optimizer's cost read it the same way."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from prodoffice.domain.scheduling.calendar import CalendarDay, DayKind
from prodoffice.domain.scheduling.dood import DropRule, best_drops
from prodoffice.domain.scheduling.drops import Gap, choose_drops
from prodoffice.domain.scheduling.shoot_plan_cost import paid_days

MONDAY = date(2027, 3, 1)


def test_the_gap_saving_most_is_dropped_and_the_earlier_on_a_tie() -> None:
    gaps = [Gap(3, 12, 6), Gap(10, 11, 6), Gap(15, 5, 3), Gap(20, 14, 0)]
    # 15 is too short (5 days, not more than 10); 20 saves nothing (a weekend only).
    assert choose_drops(gaps, min_gap_days=10, max_drops=1) == [Gap(3, 12, 6)]
    assert choose_drops(gaps, min_gap_days=10, max_drops=2) == [Gap(3, 12, 6), Gap(10, 11, 6)]
    assert choose_drops(gaps, min_gap_days=10, max_drops=0) == []


def _calendar(weekdays_only: bool, length: int) -> list[CalendarDay]:
    days, number = [], 0
    for offset in range(length):
        on = MONDAY + timedelta(offset)
        if weekdays_only and on.weekday() >= 5:
            days.append(CalendarDay(DayKind.OFF, None, on))
            continue
        number += 1
        days.append(CalendarDay(DayKind.SHOOT, number, on))
    return days


@given(
    weekdays_only=st.booleans(),
    picks=st.sets(st.integers(0, 59), min_size=1, max_size=12),
    gap=st.integers(1, 20),
    allowed=st.integers(0, 2),
)
def test_the_dood_and_the_optimizer_take_the_same_days_off_payroll(
    weekdays_only: bool, picks: set[int], gap: int, allowed: int
) -> None:
    calendar = _calendar(weekdays_only, 84)
    shoot = [day for day in calendar if day.kind is DayKind.SHOOT]
    work = sorted({pick % len(shoot) for pick in picks})
    numbers = {i + 1 for i in work}  # shoot days are numbered from 1 in order
    plan = best_drops(
        calendar, numbers, daily_cost=Decimal(1), rule=DropRule(min_gap_days=gap, max_drops=allowed)
    )
    paid, drops = paid_days([d.on for d in shoot], work, gap, allowed)
    assert paid == work[-1] - work[0] + 1 - plan.holds_saved
    assert drops == len(plan.drops)
