"""What the stripboard warns about: every rule the schedule breaks, named in the trade's words.

The rules kept by the optimizer (capacity, availability, deadlines, scenes together) come from
the planning model's own check, so the board and the optimizer agree; the day's estimated
hours and the turnaround between days are estimated here from the pages and day/night.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from prodoffice.domain.scheduling.constraints import pages, turnaround_violations
from prodoffice.domain.scheduling.shoot_plan import broken_constraints
from prodoffice.scheduling.models import Schedule, ShootDay, Strip
from prodoffice.scheduling.planning import SchedulePlan, schedule_plan

# Estimated calls: a day's work starts at 7 am, a night's at 6 pm, a split day's at noon;
# the wrap comes after the estimated shooting hours and a half-hour meal.
DAY_CALL, NIGHT_CALL, SPLIT_CALL = time(7), time(18), time(12)
MEAL_HOURS = 0.5
MOVE_HOURS = 1.0  # a company move within the day: pack, drive, light again


@dataclass
class BoardChecks:
    messages: list[str] = field(default_factory=list)
    by_strip: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    by_day: dict[int, list[str]] = field(default_factory=lambda: defaultdict(list))
    hours: dict[int, float] = field(default_factory=dict)  # estimated shooting hours a day
    moves: dict[int, int] = field(default_factory=dict)  # company moves within a day

    def add(
        self, message: str, *, strips: Sequence[Strip] = (), day: ShootDay | None = None
    ) -> None:
        self.messages.append(message)
        for strip in strips:
            self.by_strip[strip.pk].append(message)
        if day is not None:
            self.by_day[day.pk].append(message)


def _day_name(day: ShootDay) -> str:
    return f"Day {day.number} ({day.date:%a %b %-d})"


def _scene(strip: Strip) -> str:
    return f"scene {strip.scene.number or strip.scene.heading}"


def board_checks(schedule: Schedule, plan: SchedulePlan | None = None) -> BoardChecks:
    """Every broken rule of the schedule, with the strips and days each one is about."""
    plan = plan or schedule_plan(schedule)
    checks = BoardChecks()
    _planning_rules(plan, checks)
    calls = _hours_and_calls(schedule, plan, checks)
    _turnaround(schedule, plan, calls, checks)
    return checks


def _planning_rules(plan: SchedulePlan, checks: BoardChecks) -> None:
    strips, days, cast = plan.strips, plan.days, plan.cast
    eighths_per_day = plan.instance.days[0].capacity if plan.instance.days else 0
    for broken in broken_constraints(plan.instance, plan.assignment):
        # Turnaround is shown by `_turnaround` below, with the estimated wrap and call.
        items = broken.items
        if broken.rule == "cast_unavailable":
            who, strip, day = cast[items[0]], strips[items[1]], days[items[2]]
            checks.add(
                f"{who.name} is not available on {_day_name(day)} but is in {_scene(strip)}.",
                strips=[strip],
                day=day,
            )
        elif broken.rule == "location_unavailable":
            strip, day = strips[items[1]], days[items[2]]
            checks.add(
                f"{items[0]} cannot be had on {_day_name(day)}; {_scene(strip)} is there.",
                strips=[strip],
                day=day,
            )
        elif broken.rule == "must_shoot_by":
            strip, day = strips[items[0]], days[items[1]]
            deadline = strip.must_shoot_by
            checks.add(
                f"{_scene(strip).capitalize()} must be shot by {deadline:%a %b %-d}; it is on "
                f"{_day_name(day)}.",
                strips=[strip],
                day=day,
            )
        elif broken.rule == "together":
            group = [strips[item] for item in items]
            numbers = ", ".join(s.scene.number or s.scene.heading for s in group)
            checks.add(f"Scenes {numbers} must be shot on the same day.", strips=group)
        elif broken.rule == "capacity":
            day = days[items[0]]
            load = sum(strips[s].scene.eighths for s in plan.assignment[items[0]])
            checks.add(
                f"{_day_name(day)} has {pages(load)} pages; a day holds {pages(eighths_per_day)}.",
                day=day,
            )


def _hours_and_calls(
    schedule: Schedule, plan: SchedulePlan, checks: BoardChecks
) -> dict[date, tuple[time, time]]:
    """Each shoot day's estimated hours, and its estimated call and wrap by date."""
    calls: dict[date, tuple[time, time]] = {}
    for day_id, strip_ids in plan.assignment.items():
        day = plan.days[day_id]
        on_day = [plan.strips[s] for s in strip_ids]
        places = {plan.locations.get(s.scene.set_name) for s in on_day if s.scene.set_name}
        moves = max(len(places) - 1, 0)
        eighths = sum(max(s.scene.eighths, 1) for s in on_day)
        hours = eighths * schedule.minutes_per_page / 8 / 60 + moves * MOVE_HOURS
        checks.hours[day.pk], checks.moves[day.pk] = round(hours, 1), moves
        if hours > schedule.max_hours_per_day:
            checks.add(
                f"{_day_name(day)} is about {hours:.1f} hours of shooting; the most planned "
                f"for a day is {schedule.max_hours_per_day}.",
                day=day,
            )
        if not on_day:
            continue
        nights = sum(plan.is_night(s) for s in on_day)
        call = NIGHT_CALL if nights == len(on_day) else SPLIT_CALL if nights else DAY_CALL
        worked = min(hours + MEAL_HOURS, 23.5)
        wrap = (datetime.combine(day.date, call) + timedelta(hours=worked)).time()
        calls[day.date] = (call, wrap)
    return calls


def _turnaround(
    schedule: Schedule,
    plan: SchedulePlan,
    calls: dict[date, tuple[time, time]],
    checks: BoardChecks,
) -> None:
    """Rest from one day's estimated wrap to the next call: cast by their days, crew by all."""
    production = schedule.production
    by_date = {day.date: day for day in plan.days.values()}
    crew = [(on, call, wrap) for on, (call, wrap) in sorted(calls.items())]
    for short in turnaround_violations(crew, production.crew_rest_hours):
        checks.add(f"Crew turnaround: {short.message}", day=by_date.get(short.next_call.date()))
    worked: dict[str, set[date]] = defaultdict(set)
    for day_id, strip_ids in plan.assignment.items():
        for strip_id in strip_ids:
            for member in plan.scene_cast(strip_id):
                worked[member].add(plan.days[day_id].date)
    for member, dates in worked.items():
        own = [(on, *calls[on]) for on in sorted(dates) if on in calls]
        for short in turnaround_violations(own, production.cast_rest_hours):
            name = plan.cast[member].name
            checks.add(f"{name}: {short.message}", day=by_date.get(short.next_call.date()))
