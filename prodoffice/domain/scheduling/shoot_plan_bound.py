"""A lower bound on a day-based schedule's cost that needs no solver.

Each performer is paid at least for the days their own scenes need: no fewer than the fewest
allowed days whose capacities hold all of those scenes. One who cannot be dropped is paid
for every shoot day from the first to the last work day, and the rules fix how far apart
those may be at least: a scene that must be shot by its latest allowed day opens the span no
later than that, and a scene that cannot be shot before its earliest allowed day closes it no
sooner. The bound is the sum over the cast of the larger of the two, times the daily rate;
company moves add nothing (a schedule may need none). The solver's own bound can only grow
from here.
"""

from __future__ import annotations

from collections.abc import Sequence

from prodoffice.domain.scheduling.shoot_plan_feasibility import Unit
from prodoffice.domain.scheduling.shoot_plan_instance import ShootPlanInstance


def fewest_days(own: int, capacities: Sequence[int]) -> int:
    """How many of these days, biggest first, it takes to hold `own` (all, if they cannot)."""
    needed, room = 0, 0
    for capacity in sorted(capacities, reverse=True):
        if room >= own:
            break
        needed, room = needed + 1, room + capacity
    return needed


def cast_days_bound(instance: ShootPlanInstance, units: Sequence[Unit]) -> int:
    """A proven lower bound on `evaluate(...).total` for every schedule keeping the rules."""
    days = instance.days
    total = 0
    for member in instance.cast:
        mine = [
            unit
            for unit in units
            if any(member.id in instance.scenes[scene].cast for scene in unit.scenes)
        ]
        if not mine or member.daily_cost == 0:
            continue
        own = sum(
            instance.scenes[scene].size
            for unit in mine
            for scene in unit.scenes
            if member.id in instance.scenes[scene].cast
        )
        possible = sorted({day for unit in mine for day in unit.allowed})
        paid = fewest_days(own, [days[day].capacity for day in possible])
        if not member.may_drop:
            opens_by = min(max(unit.allowed) for unit in mine)
            closes_from = max(min(unit.allowed) for unit in mine)
            paid = max(paid, closes_from - opens_by + 1)
        total += member.daily_cost * paid
    return total
