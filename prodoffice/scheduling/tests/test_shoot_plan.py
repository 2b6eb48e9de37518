"""The day-based schedule optimizer: its cost, the rules it keeps, its bound and its messages."""

from __future__ import annotations

import itertools
import time
from datetime import date, timedelta

import pytest

from prodoffice.domain.scheduling.shoot_plan import (
    PlanCast,
    PlanDay,
    PlanError,
    PlanLocation,
    PlanScene,
    Progress,
    ShootPlanInstance,
    baseline,
    broken_constraints,
    evaluate,
    solve,
)

MONDAY = date(2025, 3, 3)


def weekdays(count: int, capacity: int = 8, start: date = MONDAY) -> tuple[PlanDay, ...]:
    days: list[PlanDay] = []
    on = start
    while len(days) < count:
        if on.weekday() < 5:
            days.append(PlanDay(f"d{len(days) + 1}", on, capacity))
        on += timedelta(days=1)
    return tuple(days)


def drop_instance(apart: int, may_drop: bool = True) -> ShootPlanInstance:
    """A performer working the first and last of three shoot days, `apart` calendar days apart."""
    days = (
        PlanDay("1", MONDAY, 8),
        PlanDay("2", MONDAY + timedelta(days=1), 8),
        PlanDay("3", MONDAY + timedelta(days=apart), 8),
    )
    return ShootPlanInstance(
        days=days,
        scenes=(PlanScene("a", 4, ("x",)), PlanScene("b", 4, ("x",)), PlanScene("c", 4, ())),
        cast=(PlanCast("x", 100, may_drop=may_drop),),
    )


def test_a_performer_is_paid_from_first_to_last_work_day_holding_between() -> None:
    cost = evaluate(drop_instance(apart=10), {"1": ["a"], "2": ["c"], "3": ["b"]})
    assert (cost.cast_days, cost.work_days, cost.holding_days, cost.drops) == (3, 2, 1, 0)
    assert cost.total == cost.cast_cost == 300


def test_a_gap_of_more_than_the_minimum_is_a_drop_and_pick_up() -> None:
    cost = evaluate(drop_instance(apart=11), {"1": ["a"], "2": ["c"], "3": ["b"]})
    assert (cost.cast_days, cost.holding_days, cost.drops, cost.total) == (2, 0, 1, 200)


def test_no_drop_for_a_performer_whose_deal_does_not_allow_it() -> None:
    cost = evaluate(drop_instance(apart=30, may_drop=False), {"1": ["a"], "3": ["b"]})
    assert (cost.cast_days, cost.drops, cost.total) == (3, 0, 300)


def test_a_drop_needs_a_shoot_day_in_between_to_count() -> None:
    cost = evaluate(drop_instance(apart=30), {"2": ["a"], "3": ["b"]})
    assert (cost.cast_days, cost.drops) == (2, 0)


def test_company_moves_count_locations_beyond_the_first_each_day() -> None:
    instance = ShootPlanInstance(
        days=weekdays(2, capacity=20),
        scenes=(
            PlanScene("1", 2, ("x",), "diner"),
            PlanScene("2", 2, ("x",), "street"),
            PlanScene("3", 2, (), None),
            PlanScene("4", 2, (), "diner"),
            PlanScene("5", 2, (), "diner"),
        ),
        cast=(PlanCast("x", 50),),
        locations=(PlanLocation("diner"), PlanLocation("street")),
        company_move_cost=1000,
    )
    cost = evaluate(instance, {"d1": ["1", "2", "3", "4"], "d2": ["5"]})
    assert cost.company_moves == 1
    assert cost.total == 50 + 1000


def test_it_names_every_rule_an_assignment_breaks() -> None:
    instance = ShootPlanInstance(
        days=weekdays(3, capacity=8),
        scenes=(
            PlanScene("1", 6, ("x",), "diner", must_shoot_by=MONDAY),
            PlanScene("2", 6, (), fixed_day="d1"),
            PlanScene("3", 2, ()),
            PlanScene("4", 2, ()),
            PlanScene("5", 2, ()),
        ),
        cast=(PlanCast("x", 10, unavailable=frozenset({MONDAY + timedelta(days=1)})),),
        locations=(PlanLocation("diner", unavailable=frozenset({MONDAY + timedelta(days=1)})),),
        together=(("3", "4"),),
    )
    broken = broken_constraints(instance, {"d2": ["1", "2", "3"], "d3": ["4"]})
    assert [(b.rule, b.items) for b in broken] == [
        ("capacity", ("d2",)),
        ("cast_unavailable", ("x", "1", "d2")),
        ("location_unavailable", ("diner", "1", "d2")),
        ("must_shoot_by", ("1", "d2")),
        ("together", ("3", "4")),
        ("fixed_day", ("2", "d1")),
        ("unscheduled", ("5",)),
    ]
    assert "Cast x is not available on Tue Mar 4, 2025" in broken[1].message


def test_an_assignment_with_unknown_ids_is_an_error_naming_them() -> None:
    instance = drop_instance(apart=10)
    with pytest.raises(PlanError, match=r"(?s)day 'd9'.*scene 'zz'") as raised:
        evaluate(instance, {"d9": ["a"], "1": ["zz"]})
    assert len(raised.value.problems) == 2


def test_the_baseline_sorts_by_location_then_cast_and_fills_days_in_order() -> None:
    instance = ShootPlanInstance(
        days=weekdays(3, capacity=6),
        scenes=(
            PlanScene("1", 3, ("b",), "street"),
            PlanScene("2", 3, ("a",), "diner"),
            PlanScene("3", 3, ("b",), "diner"),
            PlanScene("4", 3, ("a",), "street"),
            PlanScene("5", 4, ("a",), "diner"),
        ),
        cast=(PlanCast("a", 10), PlanCast("b", 10)),
        locations=(PlanLocation("diner"), PlanLocation("street")),
    )
    # Street first (scene 1 is the first strip), then the diner: 2 and 5 (a) before 3 (b).
    # 5 does not fit the rest of d2, so d3 starts; 3 then fits no day and stays unscheduled.
    assert baseline(instance) == {"d1": ["4", "1"], "d2": ["2"], "d3": ["5"]}


def test_the_baseline_shows_the_rules_it_breaks_honestly() -> None:
    away = MONDAY
    instance = ShootPlanInstance(
        days=weekdays(2, capacity=8),
        scenes=(PlanScene("1", 4, ("a",)), PlanScene("2", 4, ("b",))),
        cast=(PlanCast("a", 10, unavailable=frozenset({away})), PlanCast("b", 10)),
    )
    assert [b.rule for b in broken_constraints(instance, baseline(instance))] == [
        "cast_unavailable"
    ]


def busy_week() -> ShootPlanInstance:
    days = weekdays(5, capacity=10)
    tuesday, thursday = days[1].date, days[3].date
    return ShootPlanInstance(
        days=days,
        scenes=(
            PlanScene("1", 6, ("a", "b"), "diner"),
            PlanScene("2", 5, ("a",), "street", must_shoot_by=tuesday),
            PlanScene("3", 4, ("b", "c"), "street"),
            PlanScene("4", 3, ("c",), "diner"),
            PlanScene("5", 7, ("a", "c"), "flat", fixed_day="d4"),
            PlanScene("6", 2, ("b",), "flat"),
            PlanScene("7", 5, ("a", "b", "c"), "diner"),
            PlanScene("8", 4, ("c",), "street"),
        ),
        cast=(
            PlanCast("a", 300, may_drop=False),
            PlanCast("b", 200, unavailable=frozenset({tuesday})),
            PlanCast("c", 100),
        ),
        locations=(
            PlanLocation("diner", unavailable=frozenset({thursday})),
            PlanLocation("street"),
            PlanLocation("flat"),
        ),
        together=(("3", "8"),),
        company_move_cost=50,
    )


def test_the_plan_keeps_every_rule_on_a_busy_week() -> None:
    instance = busy_week()
    plan = solve(instance, time_limit=2, workers=1)
    assert broken_constraints(instance, plan.days) == []
    day_of = {scene: day for day, scenes in plan.days.items() for scene in scenes}
    assert day_of["5"] == "d4"
    assert day_of["3"] == day_of["8"]
    assert day_of["2"] in ("d1", "d2")
    assert plan.unscheduled == []
    assert plan.lower_bound <= plan.cost.total
    assert evaluate(instance, plan.days) == plan.cost


def across_a_hiatus() -> ShootPlanInstance:
    """Two weeks apart: dropping b (but not a) across the break pays off."""
    days = (*weekdays(2, capacity=8), *weekdays(2, capacity=8, start=MONDAY + timedelta(days=14)))
    days = tuple(PlanDay(f"d{n + 1}", day.date, day.capacity) for n, day in enumerate(days))
    return ShootPlanInstance(
        days=days,
        scenes=(
            PlanScene("1", 5, ("a", "b"), "diner"),
            PlanScene("2", 4, ("b",), "street", must_shoot_by=days[1].date),
            PlanScene("3", 4, ("a", "c"), "street"),
            PlanScene("4", 6, ("b", "c"), "diner"),
            PlanScene("5", 3, ("a",), "diner"),
            PlanScene("6", 3, ("c",), "street"),
        ),
        cast=(
            PlanCast("a", 300, may_drop=False),
            PlanCast("b", 200, unavailable=frozenset({days[0].date})),
            PlanCast("c", 100),
        ),
        locations=(PlanLocation("diner"), PlanLocation("street")),
        company_move_cost=40,
    )


def test_the_plan_is_proven_optimal_where_brute_force_agrees() -> None:
    instance = across_a_hiatus()
    plan = solve(instance, time_limit=2, workers=1)
    assert plan.optimal
    assert plan.lower_bound == plan.cost.total == brute_force(instance)
    assert broken_constraints(instance, plan.days) == []


def test_scenes_of_a_day_are_grouped_by_location() -> None:
    instance = busy_week()
    plan = solve(instance, time_limit=2, workers=1)
    where = {scene.id: scene.location for scene in instance.scenes}
    for scenes in plan.days.values():
        locations = [where[scene] for scene in scenes]
        assert len(locations) - len(list(itertools.groupby(locations))) == max(
            0, len(locations) - len(set(locations))
        )


def brute_force(instance: ShootPlanInstance) -> int | None:
    """The cheapest total over every assignment keeping every rule (None: none does)."""
    best = None
    for choice in itertools.product(instance.days, repeat=len(instance.scenes)):
        plan: dict[str, list[str]] = {}
        for scene, day in zip(instance.scenes, choice, strict=True):
            plan.setdefault(day.id, []).append(scene.id)
        if not broken_constraints(instance, plan):
            total = evaluate(instance, plan).total
            best = total if best is None else min(best, total)
    return best


def test_a_scene_too_big_for_every_day_is_named() -> None:
    instance = ShootPlanInstance(
        days=weekdays(2, capacity=8),
        scenes=(PlanScene("12A", 9, ()), PlanScene("13", 2, ())),
        cast=(),
    )
    with pytest.raises(PlanError, match=r"Scene 12A has no shoot day.*size 9.*every day"):
        solve(instance, time_limit=1, workers=1)


def test_a_fixed_day_the_cast_cannot_work_is_named() -> None:
    instance = ShootPlanInstance(
        days=weekdays(2),
        scenes=(PlanScene("4", 2, ("ava",), fixed_day="d1"),),
        cast=(PlanCast("ava", 10, unavailable=frozenset({MONDAY})),),
    )
    with pytest.raises(PlanError, match=r"Scene 4 is fixed to day d1.*cast ava is unavailable"):
        solve(instance, time_limit=1, workers=1)


def test_together_scenes_with_no_common_day_are_named() -> None:
    instance = ShootPlanInstance(
        days=weekdays(2),
        scenes=(PlanScene("1", 2, (), fixed_day="d1"), PlanScene("2", 2, (), fixed_day="d2")),
        cast=(),
        together=(("1", "2"),),
    )
    with pytest.raises(PlanError, match=r"Scenes 1, 2 must be shot together"):
        solve(instance, time_limit=1, workers=1)


def test_rules_that_conflict_only_together_are_named_by_the_solver() -> None:
    days = weekdays(3, capacity=8)
    instance = ShootPlanInstance(
        days=days,
        scenes=(
            PlanScene("A", 6, ("x",)),
            PlanScene("B", 6, ("x",)),
            PlanScene("C", 6, (), "diner"),
        ),
        cast=(PlanCast("x", 10, unavailable=frozenset({days[2].date})),),
        locations=(PlanLocation("diner", unavailable=frozenset({days[2].date})),),
    )
    with pytest.raises(PlanError, match="No schedule keeps all of these") as raised:
        solve(instance, time_limit=2, workers=1)
    message = str(raised.value)
    for named in ("cast x is unavailable", "location diner is unavailable", "day d1", "day d2"):
        assert named in message
    assert "day d3" not in message


@pytest.mark.parametrize(
    ("instance", "named"),
    [
        (
            ShootPlanInstance(days=weekdays(1), scenes=(PlanScene("1", 2, ("ghost",)),), cast=()),
            "Scene '1' needs cast 'ghost'",
        ),
        (
            ShootPlanInstance(days=weekdays(1), scenes=(PlanScene("7", -2, ()),), cast=()),
            "Scene '7' has size -2",
        ),
        (
            ShootPlanInstance(days=weekdays(1, capacity=0), scenes=(), cast=()),
            "Day 'd1' (2025-03-03) has capacity 0",
        ),
        (
            ShootPlanInstance(
                days=weekdays(1), scenes=(PlanScene("1", 1, ()), PlanScene("1", 1, ())), cast=()
            ),
            "Scene id '1' appears 2 times",
        ),
    ],
)
def test_bad_instances_are_refused_naming_the_item(instance: ShootPlanInstance, named: str) -> None:
    with pytest.raises(PlanError) as raised:
        solve(instance, time_limit=1, workers=1)
    assert named in str(raised.value)


def stripboard(scenes: int, days: int) -> ShootPlanInstance:
    """A bigger, fixed-pattern instance that takes the solver a while to prove."""
    cast = tuple(PlanCast(f"c{n}", 100 + 37 * n % 500) for n in range(12))
    return ShootPlanInstance(
        days=weekdays(days, capacity=24),
        scenes=tuple(
            PlanScene(
                f"{n}",
                1 + n % 7,
                tuple(f"c{m}" for m in range(12) if (n * m + n) % 5 == 0),
                f"L{n % 6}",
            )
            for n in range(scenes)
        ),
        cast=cast,
        locations=tuple(PlanLocation(f"L{n}") for n in range(6)),
        company_move_cost=30,
    )


def test_asking_it_to_stop_returns_the_best_so_far_at_once() -> None:
    instance = stripboard(60, 14)
    began = time.perf_counter()
    plan = solve(
        instance, time_limit=30, workers=1, should_stop=lambda: time.perf_counter() > began + 0.5
    )
    assert time.perf_counter() - began < 3
    assert plan.stopped
    assert broken_constraints(instance, plan.days) == []
    assert plan.lower_bound <= plan.cost.total


def test_progress_is_reported_and_ends_with_the_answer() -> None:
    seen: list[Progress] = []
    instance = busy_week()
    plan = solve(instance, time_limit=2, workers=1, on_progress=seen.append)
    assert seen
    assert seen[-1].best_cost == plan.cost.total
    assert seen[-1].lower_bound == plan.lower_bound
    assert all(p.best_cost is None or p.lower_bound <= p.best_cost for p in seen)


def test_a_feasible_hint_is_never_beaten_by_a_worse_answer() -> None:
    instance = stripboard(40, 12)
    first = solve(instance, time_limit=1, workers=1)
    again = solve(instance, time_limit=0.05, workers=1, hint=first.days)
    assert again.cost.total <= first.cost.total


def test_night_work_is_not_followed_by_day_work_on_the_next_date() -> None:
    """Monday and Tuesday, a scene each: the night scene has to go on the later day."""
    instance = ShootPlanInstance(
        days=weekdays(2, capacity=4),
        scenes=(PlanScene("night", 4, ("x",), night=True), PlanScene("day", 4, ("x",))),
        cast=(PlanCast("x", 100),),
    )
    wrong = {"d1": ["night"], "d2": ["day"]}
    assert [b.rule for b in broken_constraints(instance, wrong)] == ["turnaround"]
    plan = solve(instance, time_limit=5, workers=1, hint=wrong)
    assert plan.days == {"d1": ["day"], "d2": ["night"]}
    assert broken_constraints(instance, plan.days) == []


def test_a_weekend_between_is_rest_enough_after_a_night() -> None:
    friday, monday = MONDAY + timedelta(days=4), MONDAY + timedelta(days=7)
    instance = ShootPlanInstance(
        days=(PlanDay("fri", friday, 4), PlanDay("mon", monday, 4)),
        scenes=(PlanScene("night", 4, (), night=True), PlanScene("day", 4, ())),
        cast=(),
    )
    assert broken_constraints(instance, {"fri": ["night"], "mon": ["day"]}) == []


def test_only_nights_after_a_night_and_no_day_fits_says_which_rules_conflict() -> None:
    instance = ShootPlanInstance(
        days=weekdays(2, capacity=4),
        scenes=(
            PlanScene("night", 4, (), night=True, fixed_day="d1"),
            PlanScene("day", 4, (), fixed_day="d2"),
        ),
        cast=(),
    )
    with pytest.raises(PlanError, match="after night work on day d1"):
        solve(instance, time_limit=5, workers=1)


def test_the_bound_counts_the_days_each_performer_needs_at_least() -> None:
    """Two leads in every scene of four full days: the bound proves the plain answer."""
    scenes = tuple(PlanScene(f"s{n}", 8, ("a", "b")) for n in range(4))
    instance = ShootPlanInstance(
        days=weekdays(6, capacity=8),
        scenes=scenes,
        cast=(PlanCast("a", 300), PlanCast("b", 200, may_drop=False)),
    )
    plan = solve(instance, time_limit=5, workers=1)
    assert plan.lower_bound == plan.cost.total == 4 * 500
    assert plan.optimal


def test_one_drop_per_performer_the_one_that_saves_most() -> None:
    """Work on days 1, 3 and 6 of six, each gap past the minimum: one drop, the longer gap."""
    days = tuple(PlanDay(str(n), MONDAY + timedelta(days=11 * (n - 1)), 8) for n in range(1, 7))
    instance = ShootPlanInstance(
        days=days,
        scenes=(
            PlanScene("a", 4, ("x",), fixed_day="1"),
            PlanScene("b", 4, ("x",), fixed_day="3"),
            PlanScene("c", 4, ("x",), fixed_day="6"),
        ),
        cast=(PlanCast("x", 100),),
    )
    plan = {"1": ["a"], "3": ["b"], "6": ["c"]}
    cost = evaluate(instance, plan)
    assert (cost.cast_days, cost.drops) == (4, 1)  # days 1-3 paid, 4 and 5 dropped, 6
    twice = ShootPlanInstance(
        days=days, scenes=instance.scenes, cast=(PlanCast("x", 100, max_drops=2),)
    )
    assert (evaluate(twice, plan).cast_days, evaluate(twice, plan).drops) == (3, 2)
    solved = solve(instance, time_limit=5, workers=1)
    assert solved.cost.total == 400 and solved.optimal
