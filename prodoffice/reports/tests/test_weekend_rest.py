"""The DPR owes each person the weekend rest of the week they worked before (IATSE: 54 hours
after five days, 32 after six; basic.iatse.net/history-of-rest-periods), read from their own
reports of the workweek before.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from prodoffice.reports.tests.test_costing import Shoot, _weekday, shoot

pytestmark = pytest.mark.django_db
__all__ = ["shoot"]  # the costing tests' small production, as a fixture here too


def test_iatse_weekend_rest_after_six_days_is_32_hours(shoot: Shoot) -> None:
    # The key grip (IATSE Local 80, $650 a day): Monday to Saturday, Saturday's wrap 15:30,
    # called Monday 07:00: 39 h 30 min of rest, more than the 32 owed after six days.
    grip = shoot.world.crew_member
    for n in (*range(6), 7):
        shoot.works(grip, _weekday(n), "07:00", "15:30")
    monday = shoot.costing(_weekday(7), grip)
    assert monday.result is not None
    assert monday.result.card.workweek == "6-day studio"
    assert monday.result.violations == ()


def test_iatse_weekend_rest_after_five_days_is_54_hours(shoot: Shoot) -> None:
    # Tuesday to Saturday: five days, so the same weekend is 14 h 30 min short of 54; the
    # invaded time is paid again at $81.25 an hour: 14.5 x $81.25 = $1,178.13.
    grip = shoot.world.crew_member
    for n in (*range(1, 6), 7):
        shoot.works(grip, _weekday(n), "07:00", "15:30")
    monday = shoot.costing(_weekday(7), grip)
    assert monday.result is not None
    assert monday.result.card.workweek == "5-day studio"
    (violation,) = monday.result.violations
    assert (violation.kind, violation.amount) == ("weekly_rest", Decimal("1178.13"))
    assert "14 h 30 min short of 54 h" in violation.explanation
