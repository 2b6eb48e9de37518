"""The day-based schedule optimizer: scenes onto shoot days at the least cast and move cost.

Scenes fill shoot days up to each day's capacity (eighths of a page, or minutes: the unit of
the scene sizes), under the production's rules: a performer's and a location's unavailable
dates, scenes that must be shot on or before a date, scenes shot together on one day, scenes
fixed to a day. The cost, as `evaluate` defines it and everything else answers to:

- A performer is paid `daily_cost` for every shoot day (the instance's days, not calendar
  days) from their first work day to their last, except that when two consecutive work dates
  are more than `drop_minimum_gap` calendar days apart and the performer `may_drop`, the shoot
  days strictly between are not paid: a drop and pick-up. Exactly 10 days apart is no drop
  under the default gap of 10; 11 is. (SAG-AFTRA allows one drop per engagement; this model
  takes every allowed one, which `dood.best_drops` can then narrow down.)
- `cast_days` sums the paid days over the cast, `work_days` the days they work, and
  `holding_days` is the difference; `cast_cost` is the money for the paid days.
- `company_moves` counts, per day, the distinct locations used that day minus one (scenes
  without a location do not count); `total = cast_cost + company_move_cost * company_moves`.

`solve` builds a CP-SAT model (`shoot_plan_model`) from a first schedule (`greedy`), reports
progress, can be stopped, and returns the best schedule found with a lower bound proven on
`total`; it is optimal exactly when the two meet. Moves break ties even when they cost
nothing, so locations change as little as the cast cost allows. An instance with no possible
schedule raises PlanError naming the rules in conflict. CP-SAT is imported only when solving.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from prodoffice.domain.scheduling.shoot_plan_bound import cast_days_bound
from prodoffice.domain.scheduling.shoot_plan_cost import (
    RULES,
    Assignment,
    Broken,
    PlanCost,
    broken_constraints,
    evaluate,
    scene_days,
)
from prodoffice.domain.scheduling.shoot_plan_diagnose import conflicting_rules
from prodoffice.domain.scheduling.shoot_plan_feasibility import conflicts, units
from prodoffice.domain.scheduling.shoot_plan_heuristic import baseline, greedy, order_days
from prodoffice.domain.scheduling.shoot_plan_instance import (
    PlanCast,
    PlanDay,
    PlanError,
    PlanLocation,
    PlanScene,
    ShootPlanInstance,
)
from prodoffice.domain.scheduling.shoot_plan_model import build

__all__ = [
    "RULES",
    "Assignment",
    "Broken",
    "PlanCast",
    "PlanCost",
    "PlanDay",
    "PlanError",
    "PlanLocation",
    "PlanScene",
    "Progress",
    "ShootPlan",
    "ShootPlanInstance",
    "baseline",
    "broken_constraints",
    "evaluate",
    "solve",
]

# How often a stop request is looked for, and progress reported when nothing new is found.
_POLL_SECONDS = 0.05
_PROGRESS_EVERY = 1.0


@dataclass(frozen=True)
class Progress:
    """Where a running optimization stands: time spent, best total so far, proven bound."""

    seconds: float
    best_cost: int | None
    lower_bound: int


@dataclass(frozen=True)
class ShootPlan:
    """The scenes of each shoot day in shooting order, their cost and how close to optimal."""

    days: dict[str, list[str]]
    unscheduled: list[str]
    cost: PlanCost
    lower_bound: int  # proven: no schedule keeping every rule costs less in total
    optimal: bool
    seconds: float
    stopped: bool  # should_stop asked for the end before the time limit

    def as_json(self, instance: ShootPlanInstance) -> dict[str, object]:
        """The document `prodoffice optimize-schedule --json` prints (docs/optimizer.md)."""
        sizes = {scene.id: scene.size for scene in instance.scenes}
        return {
            "days": [
                {
                    "id": day.id,
                    "date": day.date.isoformat(),
                    "capacity": day.capacity,
                    "size": sum(sizes[scene] for scene in self.days.get(day.id, [])),
                    "scenes": list(self.days.get(day.id, [])),
                }
                for day in instance.days
            ],
            "unscheduled": list(self.unscheduled),
            "total_cost": self.cost.total,
            "cast_cost": self.cost.cast_cost,
            "cast_days": self.cost.cast_days,
            "work_days": self.cost.work_days,
            "holding_days": self.cost.holding_days,
            "company_moves": self.cost.company_moves,
            "drops": self.cost.drops,
            "lower_bound": self.lower_bound,
            "optimal": self.optimal,
            "seconds": round(self.seconds, 3),
            "stopped": self.stopped,
            "broken": [
                {"rule": broken.rule, "items": list(broken.items), "message": broken.message}
                for broken in broken_constraints(instance, self.days)
            ],
        }


class _Race:
    """What the solver threads leave for the calling thread: the best total and bound so far."""

    def __init__(self, best: int | None) -> None:
        self.best = best
        self.bound = 0
        self.news = 0  # how many times best or bound improved
        self.lock = threading.Lock()

    def record(self, cost: int | None = None, bound: int | None = None) -> None:
        with self.lock:
            if cost is not None and (self.best is None or cost < self.best):
                self.best, self.news = cost, self.news + 1
            if bound is not None and bound > self.bound:
                self.bound, self.news = bound, self.news + 1

    def progress(self, started: float) -> Progress:
        with self.lock:
            return Progress(time.perf_counter() - started, self.best, self.bound)


def solve(
    instance: ShootPlanInstance,
    *,
    time_limit: float = 60.0,
    on_progress: Callable[[Progress], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    hint: Assignment | None = None,
    workers: int = 2,
) -> ShootPlan:
    """The cheapest schedule found within `time_limit` seconds, with a proven lower bound.

    `on_progress` is called on each better schedule or bound and at least once a second, and
    `should_stop` every 50 ms (once true, the search ends with the best schedule so far), both
    from the thread that called `solve`. A feasible `hint` (or the greedy first schedule) is
    never beaten by a worse answer. Raises PlanError when no schedule can keep every rule,
    naming the rules in conflict.
    """
    from ortools.sat.python import cp_model

    started = time.perf_counter()
    if not time_limit > 0:
        raise PlanError(f"The time limit must be more than 0 seconds, not {time_limit!r}.")
    instance.validate()
    found = units(instance)
    problems = conflicts(instance, found)
    if problems:
        raise PlanError(problems)
    tries = [greedy(instance, found)]
    if hint is not None:
        scene_days(instance, hint)  # a hint naming unknown days or scenes is an error too
        tries.insert(0, {day: list(scenes) for day, scenes in hint.items()})
    feasible = [plan for plan in tries if not broken_constraints(instance, plan)]
    race = _Race(min((evaluate(instance, p).total for p in feasible), default=None))
    race.record(bound=cast_days_bound(instance, found))
    if on_progress is not None:
        on_progress(race.progress(started))
    built = build(instance, found)
    position = {scene.id: index for index, scene in enumerate(instance.scenes)}
    first = scene_days(instance, feasible[0] if feasible else tries[-1])
    built.hint({position[scene]: day for scene, day in first.items()})

    solver = cp_model.CpSolver()
    solver.parameters.num_workers = max(1, workers)
    solver.parameters.max_time_in_seconds = max(0.01, time_limit - (time.perf_counter() - started))

    def _plan(days_of_units: list[int]) -> dict[str, list[str]]:
        plan: dict[str, list[str]] = {day.id: [] for day in instance.days}
        for unit, day in zip(found, days_of_units, strict=True):
            plan[instance.days[day].id].extend(instance.scenes[s].id for s in unit.scenes)
        return plan

    class _Callback(cp_model.CpSolverSolutionCallback):
        def on_solution_callback(self) -> None:
            cost = evaluate(instance, _plan(built.days_of(self))).total
            race.record(cost, built.total_bound(self.best_objective_bound))

    # The search runs in a thread of its own so that `should_stop` and `on_progress` are
    # only ever called from the caller's thread (a Django task may write progress to its
    # database connection there, which belongs to that thread).
    solver.best_bound_callback = lambda bound: race.record(bound=built.total_bound(bound))
    outcome: list[cp_model.CpSolverStatus] = []
    failure: list[BaseException] = []

    def search() -> None:
        try:
            outcome.append(solver.solve(built.model, _Callback()))
        except BaseException as error:  # re-raised in the caller's thread below
            failure.append(error)

    stopped = should_stop is not None and should_stop()
    if not stopped:
        searching = threading.Thread(target=search, name="shoot-plan-search", daemon=True)
        searching.start()
        told, last = race.news, time.perf_counter()
        while searching.is_alive():
            searching.join(_POLL_SECONDS)
            if should_stop is not None and not stopped and should_stop():
                stopped = True
                solver.stop_search()
            now = time.perf_counter()
            if on_progress is not None and (race.news != told or now - last >= _PROGRESS_EVERY):
                told, last = race.news, now
                on_progress(race.progress(started))
    if failure:
        raise failure[0]
    status = outcome[0] if outcome else cp_model.UNKNOWN
    if status == cp_model.INFEASIBLE:
        rules = conflicting_rules(instance, max(2.0, min(10.0, time_limit / 4)))
        raise PlanError(
            "No schedule keeps all of these at once: " + "; ".join(rules) + "."
            if rules
            else "No schedule keeps every rule (the solver proved it but could not say which "
            "rules conflict in time); look at capacities, availability and must-shoot-by dates."
        )
    bound = race.bound
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        feasible.insert(0, _plan(built.days_of(solver)))
        bound = max(bound, built.total_bound(solver.best_objective_bound))
    if not feasible:
        broken = broken_constraints(instance, tries[-1])
        raise PlanError(
            [
                f"No schedule keeping every rule was found in {time.perf_counter() - started:.1f}"
                " s; give it more time. The quickest attempt still breaks:",
                *(b.message for b in broken[:10]),
            ]
        )
    best = min(feasible, key=lambda plan: evaluate(instance, plan).total)
    days = order_days(instance, best)
    cost = evaluate(instance, days)
    placed = {scene for scenes in days.values() for scene in scenes}
    lower_bound = min(bound, cost.total)
    if on_progress is not None:
        on_progress(Progress(time.perf_counter() - started, cost.total, lower_bound))
    return ShootPlan(
        days=days,
        unscheduled=[scene.id for scene in instance.scenes if scene.id not in placed],
        cost=cost,
        lower_bound=lower_bound,
        optimal=lower_bound == cost.total,
        seconds=time.perf_counter() - started,
        stopped=stopped,
    )
