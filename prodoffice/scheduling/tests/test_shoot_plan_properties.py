"""Property: whatever small instance comes in, a plan keeps every rule and its bound is proven."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prodoffice.domain.scheduling.shoot_plan import (
    PlanCast,
    PlanDay,
    PlanError,
    PlanLocation,
    PlanScene,
    ShootPlanInstance,
    broken_constraints,
    evaluate,
    solve,
)

START = date(2025, 3, 3)


@st.composite
def instances(draw: st.DrawFn) -> ShootPlanInstance:
    gaps = draw(st.lists(st.integers(1, 9), min_size=1, max_size=3))
    dates = [START + timedelta(days=sum(gaps[:n])) for n in range(len(gaps) + 1)]
    days = tuple(PlanDay(f"d{n}", on, draw(st.integers(3, 10))) for n, on in enumerate(dates))
    maybe_dates = st.frozensets(st.sampled_from(dates), max_size=2)
    cast = tuple(
        PlanCast(f"c{n}", draw(st.integers(0, 50)), draw(maybe_dates), draw(st.booleans()))
        for n in range(draw(st.integers(1, 3)))
    )
    locations = tuple(PlanLocation(f"L{n}", draw(maybe_dates)) for n in range(2))
    scenes = []
    for n in range(draw(st.integers(1, 5))):
        scenes.append(
            PlanScene(
                id=f"s{n}",
                size=draw(st.integers(1, 6)),
                cast=tuple(draw(st.sets(st.sampled_from([c.id for c in cast]), max_size=2))),
                location=draw(st.sampled_from([None, "L0", "L1"])),
                must_shoot_by=draw(st.none() | st.sampled_from(dates)),
                fixed_day=draw(st.none() | st.none() | st.sampled_from([d.id for d in days])),
            )
        )
    ids = [scene.id for scene in scenes]
    together = draw(st.lists(st.lists(st.sampled_from(ids), min_size=2, max_size=2), max_size=1))
    return ShootPlanInstance(
        days=days,
        scenes=tuple(scenes),
        cast=cast,
        locations=locations,
        together=tuple(tuple(group) for group in together),
        drop_minimum_gap=draw(st.integers(0, 10)),
        company_move_cost=draw(st.integers(0, 20)),
    )


def cheapest(instance: ShootPlanInstance) -> int | None:
    best = None
    for choice in itertools.product(instance.days, repeat=len(instance.scenes)):
        plan: dict[str, list[str]] = {}
        for scene, day in zip(instance.scenes, choice, strict=True):
            plan.setdefault(day.id, []).append(scene.id)
        if not broken_constraints(instance, plan):
            total = evaluate(instance, plan).total
            best = total if best is None else min(best, total)
    return best


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_a_plan_keeps_every_rule_and_its_bound_holds(instance: ShootPlanInstance) -> None:
    best = cheapest(instance)
    try:
        plan = solve(instance, time_limit=1, workers=1)
    except PlanError as refused:
        assert best is None, f"refused a feasible instance: {refused}"
        return
    assert best is not None
    assert broken_constraints(instance, plan.days) == []
    assert evaluate(instance, plan.days) == plan.cost
    assert plan.lower_bound <= best <= plan.cost.total
    assert plan.optimal == (plan.cost.total == plan.lower_bound)
    if plan.optimal:
        assert plan.cost.total == best
