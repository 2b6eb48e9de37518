"""The CP-SAT model of the day-based schedule: scenes on days, cast paid days, company moves.

One boolean per unit (a scene, or scenes shot together) and allowed day; days a unit cannot
go on (availability, must-shoot-by, fixed day, size) get no variable at all. A performer who
cannot be dropped (or whose possible days lie within the drop gap) is paid from a `first` to
a `last` day; one who can be dropped gets a `paid` boolean per day, forced on for every day
strictly between two work days no more than the gap apart, which is exactly `evaluate`'s rule
(see `_paid_days`). The objective is the cost `evaluate` computes, scaled so that the number
of company moves breaks ties: `scale * total + moves`, with moves < scale. So the model's
minimum is exact and `total_bound` turns the solver's bound into a proven bound on `total`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from prodoffice.domain.scheduling.shoot_plan_feasibility import Unit
from prodoffice.domain.scheduling.shoot_plan_instance import ShootPlanInstance, turnaround_pairs

if TYPE_CHECKING:
    from ortools.sat.python import cp_model


@dataclass
class DayModel:
    """The model and the variables needed to read a schedule back or hint one."""

    model: cp_model.CpModel
    units: Sequence[Unit]
    on_day: dict[tuple[int, int], cp_model.IntVar] = field(default_factory=dict)  # (unit, day)
    scale: int = 1
    max_moves: int = 0

    def total_bound(self, objective_bound: float) -> int:
        """A proven lower bound on `total` from a proven bound on the scaled objective."""
        if not math.isfinite(objective_bound):
            return 0
        whole = math.ceil(objective_bound - 1e-6)  # the objective is integral: round up
        return max(0, -((self.max_moves - whole) // self.scale))

    def hint(self, scene_day: Mapping[int, int]) -> None:  # scene index -> day index
        """Hint each unit whose first scene is placed on one of the unit's allowed days."""
        for index, unit in enumerate(self.units):
            day = scene_day.get(unit.scenes[0])
            if day is None or day not in unit.allowed:
                continue
            for allowed in unit.allowed:
                self.model.add_hint(self.on_day[index, allowed], allowed == day)

    def days_of(self, value: cp_model.CpSolver | cp_model.CpSolverSolutionCallback) -> list[int]:
        """Day index of each unit in the solution `value` reads from."""
        return [
            next(day for day in unit.allowed if value.boolean_value(self.on_day[index, day]))
            for index, unit in enumerate(self.units)
        ]


def build(instance: ShootPlanInstance, units: Sequence[Unit]) -> DayModel:
    from ortools.sat.python import cp_model

    model = cp_model.CpModel()
    built = DayModel(model=model, units=units)
    day_count = len(instance.days)
    for index, unit in enumerate(units):
        for day in unit.allowed:
            built.on_day[index, day] = model.new_bool_var(f"u{index}d{day}")
        model.add_exactly_one(built.on_day[index, day] for day in unit.allowed)
    for day in range(day_count):
        load = [(index, unit) for index, unit in enumerate(units) if day in unit.allowed]
        if sum(unit.size for _, unit in load) > instance.days[day].capacity:
            model.add(
                sum(unit.size * built.on_day[index, day] for index, unit in load)
                <= instance.days[day].capacity
            )
    _turnaround(instance, built)
    cast_terms = [_cast_cost(instance, built, position) for position in range(len(instance.cast))]
    moves = _moves(instance, built)
    built.max_moves = sum(bound for _, bound in moves)
    built.scale = built.max_moves + 1
    total = sum(cast_terms) + instance.company_move_cost * sum(move for move, _ in moves)
    model.minimize(built.scale * total + sum(move for move, _ in moves))
    return built


def _cast_cost(instance: ShootPlanInstance, built: DayModel, position: int) -> cp_model.LinearExpr:
    from ortools.sat.python import cp_model

    model = built.model
    member = instance.cast[position]
    days = instance.days
    mine = [
        (index, unit)
        for index, unit in enumerate(built.units)
        if any(member.id in instance.scenes[scene].cast for scene in unit.scenes)
    ]
    if not mine or member.daily_cost == 0:
        return cp_model.LinearExpr.constant(0)
    possible = sorted({day for _, unit in mine for day in unit.allowed})
    works = {}
    for day in possible:
        here = [built.on_day[index, day] for index, unit in mine if day in unit.allowed]
        works[day] = model.new_bool_var(f"c{position}w{day}")
        model.add_max_equality(works[day], here)
        # The scenes of this performer on a day fit that day: a cut that lifts the bound.
        sizes = [
            unit.size * built.on_day[index, day] for index, unit in mine if day in unit.allowed
        ]
        model.add(sum(sizes) <= days[day].capacity * works[day])
    own = sum(
        instance.scenes[scene].size
        for _, unit in mine
        for scene in unit.scenes
        if member.id in instance.scenes[scene].cast
    )
    needed, room = 0, 0
    for capacity in sorted((days[day].capacity for day in possible), reverse=True):
        if room >= own:
            break
        needed, room = needed + 1, room + capacity
    model.add(sum(works.values()) >= needed)
    span = (days[possible[-1]].date - days[possible[0]].date).days
    if member.drops_allowed == 0 or span <= instance.drop_minimum_gap:
        first = model.new_int_var(possible[0], possible[-1], f"c{position}first")
        last = model.new_int_var(possible[0], possible[-1], f"c{position}last")
        for index, unit in mine:
            on = sum(day * built.on_day[index, day] for day in unit.allowed)
            model.add(first <= on)
            model.add(last >= on)
        model.add(last - first + 1 >= needed)
        return member.daily_cost * (last - first + 1)
    paid = {
        day: model.new_bool_var(f"c{position}p{day}")
        for day in range(possible[0], possible[-1] + 1)
    }
    for day, work in works.items():
        model.add_implication(work, paid[day])
    for start, before in enumerate(possible):
        for after in possible[start + 1 :]:
            if (days[after].date - days[before].date).days > instance.drop_minimum_gap:
                break
            for between in range(before + 1, after):
                model.add_bool_or([paid[between], works[before].Not(), works[after].Not()])
    # At most `drops_allowed` drops: the paid days form no more than that many stretches
    # plus one (a stretch ends on a paid day whose next day is not paid).
    ends = []
    for day in paid:
        end = model.new_bool_var(f"c{position}e{day}")
        if day + 1 in paid:
            model.add(end >= paid[day] - paid[day + 1])
        else:
            model.add(end >= paid[day])
        ends.append(end)
    model.add(sum(ends) <= member.drops_allowed + 1)
    return member.daily_cost * cp_model.LinearExpr.sum(list(paid.values()))


def _turnaround(instance: ShootPlanInstance, built: DayModel) -> None:
    """After a day with night work, the next date holds no day work (`turnaround_pairs`)."""
    model = built.model
    for before, after in turnaround_pairs(instance.days):
        nights, mornings = [], []
        for index, unit in enumerate(built.units):
            scenes = [instance.scenes[scene] for scene in unit.scenes]
            if before in unit.allowed and any(scene.night for scene in scenes):
                nights.append(built.on_day[index, before])
            if after in unit.allowed and not all(scene.night for scene in scenes):
                mornings.append(built.on_day[index, after])
        if not nights or not mornings:
            continue
        night_before = model.new_bool_var(f"n{before}")
        for on in nights:
            model.add_implication(on, night_before)
        for on in mornings:
            model.add_implication(night_before, on.Not())


def _moves(instance: ShootPlanInstance, built: DayModel) -> list[tuple[cp_model.IntVar, int]]:
    """Per day with more than one possible location: a move count and its most."""
    model = built.model
    moves = []
    for day in range(len(instance.days)):
        here: dict[str, list[cp_model.IntVar]] = {}
        for index, unit in enumerate(built.units):
            if day not in unit.allowed:
                continue
            for scene in unit.scenes:
                location = instance.scenes[scene].location
                if location is not None:
                    here.setdefault(location, []).append(built.on_day[index, day])
        if len(here) < 2:
            continue
        used = []
        for location, placed in here.items():
            flag = model.new_bool_var(f"l{location}d{day}")
            for on in placed:
                model.add_implication(on, flag)
            used.append(flag)
        move = model.new_int_var(0, len(used) - 1, f"m{day}")
        model.add(move >= sum(used) - 1)
        moves.append((move, len(used) - 1))
    return moves
