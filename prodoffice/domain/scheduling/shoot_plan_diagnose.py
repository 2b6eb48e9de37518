"""Which of the production's rules conflict, when the solver proves that no schedule exists.

The rules become switchable groups (one per day's capacity, performer's or location's
availability, scene's date or fixed day, together group) in a feasibility model; CP-SAT
returns a set of switches that cannot all be on, which is then shrunk by trying to leave each
one out, so the message names few rules, all of them needed for the conflict.
"""

from __future__ import annotations

import time

from prodoffice.domain.scheduling.shoot_plan_instance import ShootPlanInstance, turnaround_pairs


def conflicting_rules(instance: ShootPlanInstance, time_limit: float) -> list[str]:
    """Rules that cannot all hold (empty when none are found within the time limit)."""
    from ortools.sat.python import cp_model

    deadline = time.perf_counter() + time_limit
    model = cp_model.CpModel()
    days = instance.days
    on = {
        (scene, day): model.new_bool_var(f"s{scene}d{day}")
        for scene in range(len(instance.scenes))
        for day in range(len(days))
    }
    for scene in range(len(instance.scenes)):
        model.add_exactly_one(on[scene, day] for day in range(len(days)))
    rules: list[tuple[cp_model.IntVar, str]] = []

    def rule(text: str) -> cp_model.IntVar:
        switch = model.new_bool_var(f"rule{len(rules)}")
        rules.append((switch, text))
        return switch

    for day, shoot_day in enumerate(days):
        switch = rule(f"day {shoot_day.id} ({shoot_day.date}) holds at most {shoot_day.capacity}")
        load = sum(scene.size * on[index, day] for index, scene in enumerate(instance.scenes))
        model.add(load <= shoot_day.capacity).only_enforce_if(switch)
    for member in instance.cast:
        away = [d for d, day in enumerate(days) if day.date in member.unavailable]
        mine = [index for index, scene in enumerate(instance.scenes) if member.id in scene.cast]
        if away and mine:
            switch = rule(f"cast {member.id} is unavailable on {_dates(instance, away)}")
            for index in mine:
                for day in away:
                    model.add_implication(switch, on[index, day].Not())
    for location in instance.locations:
        away = [d for d, day in enumerate(days) if day.date in location.unavailable]
        mine = [i for i, scene in enumerate(instance.scenes) if scene.location == location.id]
        if away and mine:
            switch = rule(f"location {location.id} is unavailable on {_dates(instance, away)}")
            for index in mine:
                for day in away:
                    model.add_implication(switch, on[index, day].Not())
    for index, strip in enumerate(instance.scenes):
        if strip.must_shoot_by is not None:
            late = [d for d, day in enumerate(days) if day.date > strip.must_shoot_by]
            if late:
                switch = rule(f"scene {strip.id} must be shot by {strip.must_shoot_by}")
                for day in late:
                    model.add_implication(switch, on[index, day].Not())
        if strip.fixed_day is not None:
            day = next(d for d, shoot_day in enumerate(days) if shoot_day.id == strip.fixed_day)
            model.add_implication(
                rule(f"scene {strip.id} is fixed to day {strip.fixed_day}"), on[index, day]
            )
    position = {scene.id: index for index, scene in enumerate(instance.scenes)}
    for group in instance.together:
        if len(group) < 2:
            continue
        switch = rule(f"scenes {', '.join(group)} are shot together")
        first = position[group[0]]
        for other in group[1:]:
            for day in range(len(days)):
                model.add(on[first, day] == on[position[other], day]).only_enforce_if(switch)

    for before, after in turnaround_pairs(days):
        nights = [i for i, scene in enumerate(instance.scenes) if scene.night]
        mornings = [i for i, scene in enumerate(instance.scenes) if not scene.night]
        if not nights or not mornings:
            continue
        switch = rule(
            f"after night work on day {days[before].id} ({days[before].date}) the next date, "
            f"day {days[after].id}, holds no day work"
        )
        night_before = model.new_bool_var(f"n{before}")
        for night in nights:
            model.add_implication(on[night, before], night_before)
        for morning in mornings:
            model.add_bool_or([night_before.Not(), on[morning, after].Not()]).only_enforce_if(
                switch
            )

    def infeasible(switches: list[int]) -> list[int] | None:
        remaining = deadline - time.perf_counter()
        if remaining <= 0:
            return None
        model.clear_assumptions()
        model.add_assumptions([rules[index][0] for index in switches])
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 1
        solver.parameters.max_time_in_seconds = remaining
        if solver.solve(model) != cp_model.INFEASIBLE:
            return None
        core = set(solver.sufficient_assumptions_for_infeasibility())
        return [index for index in switches if rules[index][0].index in core]

    core = infeasible(list(range(len(rules))))
    if core is None:
        return []
    for index in list(core):
        smaller = [other for other in core if other != index]
        if index in core and (shrunk := infeasible(smaller)) is not None:
            core = shrunk
    return [rules[index][1] for index in core]


def _dates(instance: ShootPlanInstance, days: list[int], most: int = 6) -> str:
    shown = ", ".join(f"{instance.days[day].date}" for day in days[:most])
    return shown + (f" and {len(days) - most} more shoot days" if len(days) > most else "")
