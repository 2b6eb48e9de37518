"""What a set of shoot days costs, and which of the production's rules it breaks.

`evaluate` is the one definition of cost (see `shoot_plan`'s docstring); the solver's
objective, its lower bound and the stripboard's comparison all answer to it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from prodoffice.domain.scheduling.drops import Gap, choose_drops
from prodoffice.domain.scheduling.shoot_plan_instance import (
    PlanCast,
    PlanError,
    ShootPlanInstance,
    turnaround_pairs,
)

Assignment = Mapping[str, Sequence[str]]  # day id -> scene ids in shooting order

RULES = (
    "capacity",
    "cast_unavailable",
    "location_unavailable",
    "must_shoot_by",
    "together",
    "fixed_day",
    "turnaround",
    "unscheduled",
)


@dataclass(frozen=True)
class PlanCost:
    """Money and days: cast on payroll, holds, company moves and drops taken."""

    total: int
    cast_cost: int
    cast_days: int  # paid shoot days, summed over the cast
    work_days: int  # days the cast work, summed over the cast
    holding_days: int  # paid days without work: cast_days - work_days
    company_moves: int
    drops: int


@dataclass(frozen=True)
class Broken:
    """A rule the assignment breaks, the ids involved and a sentence for the coordinator."""

    rule: str
    items: tuple[str, ...]
    message: str


def scene_days(instance: ShootPlanInstance, assignment: Assignment) -> dict[str, int]:
    """Scene id -> index of its shoot day; PlanError for unknown or repeated ids."""
    day_index = {day.id: index for index, day in enumerate(instance.days)}
    scene_ids = {scene.id for scene in instance.scenes}
    placed: dict[str, int] = {}
    problems = []
    for day_id, scenes in assignment.items():
        if day_id not in day_index:
            problems.append(f"The assignment uses day {day_id!r}, not a shoot day.")
            continue
        for scene_id in scenes:
            if scene_id not in scene_ids:
                problems.append(f"Day {day_id!r} lists scene {scene_id!r}, not in the instance.")
            elif scene_id in placed:
                problems.append(f"Scene {scene_id!r} is on more than one day (or twice on one).")
            else:
                placed[scene_id] = day_index[day_id]
    if problems:
        raise PlanError(problems)
    return placed


def paid_days(
    dates: Sequence[date], work: Sequence[int], gap: int, drops_allowed: int
) -> tuple[int, int]:
    """(shoot days paid, drops taken) for a performer working on the shoot days `work`.

    Paid from the first work day to the last, less the shoot days the drops leave out (the
    drop rule of `drops.choose_drops`, with `gap` calendar days and `drops_allowed`).
    """
    if not work:
        return 0, 0
    ordered = sorted(set(work))
    paid = ordered[-1] - ordered[0] + 1
    drops = choose_drops(
        (
            Gap(before, (dates[after] - dates[before]).days, after - before - 1)
            for before, after in pairwise(ordered)
        ),
        min_gap_days=gap,
        max_drops=drops_allowed,
    )
    return paid - sum(d.days_saved for d in drops), len(drops)


def evaluate(instance: ShootPlanInstance, assignment: Assignment) -> PlanCost:
    """The cost of the assignment; unscheduled scenes cost nothing (they are not shot)."""
    placed = scene_days(instance, assignment)
    dates = [day.date for day in instance.days]
    work: dict[str, set[int]] = {member.id: set() for member in instance.cast}
    locations: dict[int, set[str]] = {}
    for scene in instance.scenes:
        if scene.id not in placed:
            continue
        for performer in scene.cast:
            work[performer].add(placed[scene.id])
        if scene.location is not None:
            locations.setdefault(placed[scene.id], set()).add(scene.location)
    cast_cost = cast_days = work_days = drops = 0
    for member in instance.cast:
        paid, dropped = _paid(member, work[member.id], dates, instance.drop_minimum_gap)
        cast_cost += member.daily_cost * paid
        cast_days += paid
        work_days += len(work[member.id])
        drops += dropped
    moves = sum(len(used) - 1 for used in locations.values())
    return PlanCost(
        total=cast_cost + instance.company_move_cost * moves,
        cast_cost=cast_cost,
        cast_days=cast_days,
        work_days=work_days,
        holding_days=cast_days - work_days,
        company_moves=moves,
        drops=drops,
    )


def _paid(member: PlanCast, work: set[int], dates: Sequence[date], gap: int) -> tuple[int, int]:
    return paid_days(dates, sorted(work), gap, member.drops_allowed)


def broken_constraints(instance: ShootPlanInstance, assignment: Assignment) -> list[Broken]:
    """Every rule the assignment breaks, in the order of `RULES`, then of days and scenes."""
    placed = scene_days(instance, assignment)
    days = instance.days
    cast = {member.id: member for member in instance.cast}
    locations = {location.id: location for location in instance.locations}
    found: dict[str, list[Broken]] = {rule: [] for rule in RULES}
    load = [0] * len(days)
    for scene in instance.scenes:
        if scene.id not in placed:
            found["unscheduled"].append(
                Broken("unscheduled", (scene.id,), f"Scene {scene.id} is not on any shoot day.")
            )
            continue
        index = placed[scene.id]
        day = days[index]
        load[index] += scene.size
        on = f"{day.date:%a %b %-d, %Y}"
        for member in scene.cast:
            if day.date in cast[member].unavailable:
                found["cast_unavailable"].append(
                    Broken(
                        "cast_unavailable",
                        (member, scene.id, day.id),
                        f"Cast {member} is not available on {on} (day {day.id}) but scene "
                        f"{scene.id} is scheduled then.",
                    )
                )
        if scene.location is not None and day.date in locations[scene.location].unavailable:
            found["location_unavailable"].append(
                Broken(
                    "location_unavailable",
                    (scene.location, scene.id, day.id),
                    f"Location {scene.location} cannot be used on {on} (day {day.id}) but scene "
                    f"{scene.id} is scheduled there then.",
                )
            )
        if scene.must_shoot_by is not None and day.date > scene.must_shoot_by:
            found["must_shoot_by"].append(
                Broken(
                    "must_shoot_by",
                    (scene.id, day.id),
                    f"Scene {scene.id} must be shot by {scene.must_shoot_by:%b %-d, %Y}; it is "
                    f"on day {day.id}, {on}.",
                )
            )
        if scene.fixed_day is not None and scene.fixed_day != day.id:
            found["fixed_day"].append(
                Broken(
                    "fixed_day",
                    (scene.id, scene.fixed_day),
                    f"Scene {scene.id} is fixed to day {scene.fixed_day} but is on day {day.id}.",
                )
            )
    for index, day in enumerate(days):
        if load[index] > day.capacity:
            found["capacity"].append(
                Broken(
                    "capacity",
                    (day.id,),
                    f"Day {day.id} ({day.date}) holds {load[index]}; its capacity is "
                    f"{day.capacity}.",
                )
            )
    for group in instance.together:
        where = {placed.get(scene) for scene in group}
        if len(where) > 1 and where != {None}:
            found["together"].append(
                Broken(
                    "together",
                    tuple(group),
                    f"Scenes {', '.join(group)} must be shot on the same day; they are not.",
                )
            )
    night = [False] * len(days)
    daylight = [False] * len(days)
    for scene in instance.scenes:
        if scene.id in placed:
            if scene.night:
                night[placed[scene.id]] = True
            else:
                daylight[placed[scene.id]] = True
    for before, after in turnaround_pairs(days):
        if night[before] and daylight[after]:
            found["turnaround"].append(
                Broken(
                    "turnaround",
                    (days[before].id, days[after].id),
                    f"Day {days[before].id} ({days[before].date}) has night work and day "
                    f"{days[after].id} ({days[after].date}), the next date, has day work: "
                    "too little rest between the wrap and the call.",
                )
            )
    return [broken for rule in RULES for broken in found[rule]]
