"""A schedule as the planning model sees it: shoot days, strips, cast, locations and rules.

The stripboard's warnings and the optimizer both start here, so what the board calls broken
is exactly what the optimizer keeps. Ids in the instance are the database keys as text: day
ids are ShootDay pks, scene ids Strip pks, cast ids BreakdownElement pks, location ids the
location names.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property
from statistics import median

from prodoffice.domain.scheduling.calendar import DayKind
from prodoffice.domain.scheduling.locations import default_location
from prodoffice.domain.scheduling.shoot_plan import (
    Broken,
    PlanCast,
    PlanCost,
    PlanDay,
    PlanLocation,
    PlanScene,
    ShootPlanInstance,
    broken_constraints,
    evaluate,
)
from prodoffice.people.choices import RateUnit
from prodoffice.people.models import Engagement
from prodoffice.scheduling.models import (
    OptimizerRun,
    Schedule,
    SetLocation,
    ShootDay,
    Strip,
    Unavailability,
)
from prodoffice.scripts.models import BreakdownElement
from prodoffice.scripts.selectors import cast_tags_prefetch

# A scene's text and character list: not needed to plan, and most of what a scene weighs.
HEAVY_SCENE_FIELDS = ("scene__body", "scene__characters", "scene__synopsis")
# Used for a performer whose deal has no rate yet, so they still count: the going daily
# rate of the rest of the cast (their median), or this when nobody has one.
FALLBACK_DAILY_COST = 1000
# A SAG-AFTRA day is 8 hours; a weekly deal covers 5 shoot days.
HOURS_PER_DAY = 8
DAYS_PER_WEEK = 5


@dataclass(frozen=True)
class SchedulePlan:
    instance: ShootPlanInstance
    assignment: dict[str, list[str]]  # ShootDay pk -> Strip pks, as the board has them
    days: dict[str, ShootDay]
    strips: dict[str, Strip]
    cast: dict[str, BreakdownElement]
    locations: dict[str, str]  # set name -> location

    @cached_property
    def _scenes(self) -> dict[str, PlanScene]:
        return {scene.id: scene for scene in self.instance.scenes}

    def scene_cast(self, strip_id: str) -> tuple[str, ...]:
        return self._scenes[strip_id].cast

    def is_night(self, strip: Strip) -> bool:
        return self._scenes[str(strip.pk)].night


# Times of day that carry on from the scene before in the script rather than name one.
CARRIED_ON = frozenset(
    {"", "CONTINUOUS", "CONT'D", "CONT", "LATER", "MOMENTS LATER", "SAME", "SAME TIME"}
)


def night_strips(strips: Iterable[Strip]) -> set[int]:
    """The strips shot at night: NIGHT in the time of day, or carried on (CONTINUOUS, LATER)
    from a night scene just before it in the script."""
    night, previous = set(), False
    for strip in sorted(strips, key=lambda s: s.scene.order):
        when = " ".join(strip.scene.time_of_day.upper().split())
        previous = previous if when in CARRIED_ON else "NIGHT" in when
        if previous:
            night.add(strip.pk)
    return night


def daily_cost(engagement: Engagement | None) -> int | None:
    """What a day on payroll costs for a performer's deal; None when the deal has no rate.

    A flat deal is paid once, whatever the days, so holding costs nothing (0).
    """
    if engagement is None or engagement.rate is None:
        return None
    rate: Decimal = engagement.rate
    if engagement.rate_unit == RateUnit.DAY:
        return round(rate)
    if engagement.rate_unit == RateUnit.WEEK:
        return round(rate / DAYS_PER_WEEK)
    if engagement.rate_unit == RateUnit.HOUR:
        return round(rate * HOURS_PER_DAY)
    return 0


def set_locations(schedule: Schedule, set_names: set[str]) -> dict[str, str]:
    """Where each set is shot: the office's answer, or the place its heading names."""
    chosen = dict(
        SetLocation.objects.filter(production=schedule.production_id).values_list(
            "set_name", "location"
        )
    )
    return {name: chosen.get(name) or default_location(name) for name in set_names}


def _dates(first: date, last: date) -> set[date]:
    return {first + timedelta(days=n) for n in range((last - first).days + 1)}


def schedule_plan(schedule: Schedule) -> SchedulePlan:
    """The schedule's planning instance and where its strips are now: five queries."""
    days = [d for d in schedule.days.order_by("order") if d.kind == DayKind.SHOOT]
    strips = list(
        Strip.objects.filter(schedule=schedule)
        .select_related("scene")
        .defer(*HEAVY_SCENE_FIELDS)
        .prefetch_related(cast_tags_prefetch("scene__tags"))
        .order_by("order")
    )
    nights = night_strips(strips)
    cast: dict[str, BreakdownElement] = {}
    for strip in strips:
        for tag in strip.scene.cast_tags:  # type: ignore[attr-defined]
            cast.setdefault(str(tag.element_id), tag.element)
    locations = set_locations(schedule, {s.scene.set_name for s in strips if s.scene.set_name})
    unavailable_cast: dict[str, set[date]] = defaultdict(set)
    unavailable_location: dict[str, set[date]] = defaultdict(set)
    for gap in Unavailability.objects.filter(production=schedule.production_id):
        dates = _dates(gap.first_date, gap.last_date)
        if gap.element_id is not None:
            unavailable_cast[str(gap.element_id)] |= dates
        else:
            unavailable_location[gap.location.casefold()] |= dates
    costs = {pk: daily_cost(element.cast) for pk, element in cast.items()}
    known = [cost for cost in costs.values() if cost]
    fallback = round(median(known)) if known else FALLBACK_DAILY_COST
    rates = {pk: fallback if cost is None else cost for pk, cost in costs.items()}
    together: dict[str, list[str]] = defaultdict(list)
    for strip in strips:
        if strip.together:
            together[strip.together.casefold()].append(str(strip.pk))
    instance = ShootPlanInstance(
        days=tuple(
            PlanDay(id=str(d.pk), date=d.date, capacity=schedule.eighths_per_day) for d in days
        ),
        scenes=tuple(
            PlanScene(
                id=str(strip.pk),
                size=max(strip.scene.eighths, 1),
                cast=tuple(sorted({str(t.element_id) for t in strip.scene.cast_tags})),  # type: ignore[attr-defined]
                location=locations.get(strip.scene.set_name),
                must_shoot_by=strip.must_shoot_by,
                name=strip.scene.number or strip.scene.heading,
                night=strip.pk in nights,
            )
            for strip in strips
        ),
        cast=tuple(
            PlanCast(
                id=pk,
                daily_cost=rates[pk],
                unavailable=frozenset(unavailable_cast.get(pk, ())),
                name=element.name,
            )
            for pk, element in cast.items()
        ),
        locations=tuple(
            PlanLocation(
                id=name, unavailable=frozenset(unavailable_location.get(name.casefold(), ()))
            )
            for name in sorted(set(locations.values()))
        ),
        together=tuple(tuple(group) for group in together.values() if len(group) > 1),
        drop_minimum_gap=schedule.production.drop_minimum_days,
        # A company move costs about a performer's day: the crew's hours spent packing,
        # driving and lighting again rather than shooting.
        company_move_cost=fallback,
    )
    assignment: dict[str, list[str]] = {str(d.pk): [] for d in days}
    for strip in strips:
        if strip.day_id is not None and str(strip.day_id) in assignment:
            assignment[str(strip.day_id)].append(str(strip.pk))
    return SchedulePlan(
        instance=instance,
        assignment=assignment,
        days={str(d.pk): d for d in days},
        strips={str(s.pk): s for s in strips},
        cast=cast,
        locations=locations,
    )


@dataclass(frozen=True)
class Side:
    cost: PlanCost
    broken: list[Broken]


@dataclass(frozen=True)
class Comparison:
    """The schedule as it stands beside an optimizer run's proposal, by the same measure."""

    current: Side
    proposed: Side
    days: list[tuple[ShootDay, list[Strip]]]  # the proposal, day by day
    unscheduled: list[Strip]

    @property
    def rows(self) -> list[tuple[str, int, int, bool]]:
        """(what, now, proposed, money?) for the side-by-side table."""
        now, new = self.current.cost, self.proposed.cost
        return [
            ("Cast days on payroll", now.cast_days, new.cast_days, False),
            ("Holding days", now.holding_days, new.holding_days, False),
            ("Drops and pick-ups", now.drops, new.drops, False),
            ("Company moves", now.company_moves, new.company_moves, False),
            ("Broken rules", len(self.current.broken), len(self.proposed.broken), False),
            ("Cast cost (daily rates x days)", now.cast_cost, new.cast_cost, True),
            ("Total, with company moves", now.total, new.total, True),
        ]


def compare_run(run: OptimizerRun) -> Comparison:
    """Measure the run's proposal and the schedule as it is now with one ruler."""
    plan = schedule_plan(run.schedule)
    proposal: dict[str, list[str]] = {day: [] for day in plan.assignment}
    for day_id, strip_ids in run.result.get("days", {}).items():
        if str(day_id) in proposal:
            proposal[str(day_id)] = [str(s) for s in strip_ids if str(s) in plan.strips]
    placed = {strip for strips in proposal.values() for strip in strips}
    return Comparison(
        current=Side(
            evaluate(plan.instance, plan.assignment),
            broken_constraints(plan.instance, plan.assignment),
        ),
        proposed=Side(
            evaluate(plan.instance, proposal), broken_constraints(plan.instance, proposal)
        ),
        days=[(plan.days[d], [plan.strips[s] for s in strips]) for d, strips in proposal.items()],
        unscheduled=[strip for pk, strip in plan.strips.items() if pk not in placed],
    )
