"""The talent-scheduling optimizer: worked examples, brute force, and the published instances."""

from __future__ import annotations

import json
import random
import time
from itertools import permutations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import missing_in_ci
from prodoffice.domain.scheduling.talent import (
    CastMember,
    Scene,
    TalentError,
    TalentInstance,
    cost_of,
    solve,
)
from prodoffice.domain.scheduling.talent_problem import reduce_problem

TALENT = Path(__file__).resolve().parents[4].parent / "shared" / "data" / "talent"

# Proving these takes the exact search about 3 s on a 2-core machine (bench/talent.py has the
# figures), too long for every test run. Here they run under a short limit: the order found
# must be within 1% of the published optimum and the bound must stay below it.
SLOW_TO_PROVE = {
    "random-n24-m12-seed3520": 3.0,
    "random-n24-m12-seed3521": 3.0,
}


def _instance(
    costs: dict[str, int], scenes: list[tuple[str, int, tuple[str, ...]]]
) -> TalentInstance:
    return TalentInstance(
        cast=tuple(CastMember(actor, cost) for actor, cost in costs.items()),
        scenes=tuple(Scene(scene, days, cast) for scene, days, cast in scenes),
    )


@st.composite
def instances(draw: st.DrawFn, max_scenes: int = 7, max_cast: int = 5) -> TalentInstance:
    cast_count = draw(st.integers(0, max_cast))
    costs = draw(st.lists(st.integers(0, 20), min_size=cast_count, max_size=cast_count))
    scenes = []
    for number in range(draw(st.integers(0, max_scenes))):
        members = draw(st.sets(st.integers(0, cast_count - 1))) if cast_count else set()
        days = draw(st.integers(1, 5))
        scenes.append(Scene(f"s{number}", days, tuple(f"a{actor}" for actor in sorted(members))))
    cast = tuple(CastMember(f"a{actor}", cost) for actor, cost in enumerate(costs))
    return TalentInstance(cast=cast, scenes=tuple(scenes))


def _brute_force(instance: TalentInstance) -> int:
    ids = [scene.id for scene in instance.scenes]
    return min(cost_of(instance, order).total_cost for order in permutations(ids))


def _own_days(instance: TalentInstance) -> int:
    rate = {member.id: member.daily_cost for member in instance.cast}
    return sum(rate[actor] * scene.duration for scene in instance.scenes for actor in scene.cast)


def _random_instance(scenes: int, cast: int, seed: int) -> TalentInstance:
    rng = random.Random(seed)
    members = tuple(CastMember(f"a{actor}", rng.randint(1, 100)) for actor in range(cast))
    return TalentInstance(
        cast=members,
        scenes=tuple(
            Scene(
                f"s{number}",
                rng.randint(1, 10),
                tuple(m.id for m in rng.sample(members, rng.randint(2, cast // 2))),
            )
            for number in range(scenes)
        ),
    )


# Worked examples


def test_an_actor_is_paid_from_their_first_scene_to_their_last() -> None:
    instance = _instance(
        {"LEAD": 10, "COP": 1},
        [("1", 1, ("LEAD",)), ("2", 2, ("COP",)), ("3", 1, ("LEAD",))],
    )
    held = cost_of(instance, ["1", "2", "3"])
    assert (held.total_cost, held.holding_cost) == (10 * 4 + 1 * 2, 10 * 2)
    together = cost_of(instance, ["1", "3", "2"])
    assert (together.total_cost, together.holding_cost) == (10 * 2 + 1 * 2, 0)
    result = solve(instance)
    assert result.order in (("1", "3", "2"), ("3", "1", "2"), ("2", "1", "3"), ("2", "3", "1"))
    assert (result.total_cost, result.holding_cost, result.lower_bound) == (22, 0, 22)
    assert result.optimal
    assert result.as_contract()["order"] == list(result.order)


def test_when_someone_must_wait_it_is_the_cheapest_actor() -> None:
    # Three actors, each pair shares a scene: whoever is not in the middle scene waits a day.
    triangle = _instance(
        {"x": 1, "y": 5, "z": 10},
        [("xy", 1, ("x", "y")), ("yz", 1, ("y", "z")), ("xz", 1, ("x", "z"))],
    )
    result = solve(triangle)
    assert result.order[1] == "yz"
    assert (result.total_cost, result.holding_cost) == (2 * 1 + 2 * 5 + 2 * 10 + 1, 1)
    assert result.optimal


def test_scenes_with_the_same_cast_are_shot_back_to_back_and_empty_ones_last() -> None:
    instance = _instance(
        {"A": 3, "B": 4, "C": 2},
        [
            ("1", 1, ("A", "B")),
            ("2", 2, ("B", "C")),
            ("3", 1, ("A", "B")),
            ("4", 1, ()),
            ("5", 1, ("A", "C")),
        ],
    )
    result = solve(instance)
    position = {scene: index for index, scene in enumerate(result.order)}
    assert abs(position["1"] - position["3"]) == 1
    assert result.order[-1] == "4"
    assert result.total_cost == _brute_force(instance)


def test_preprocessing_drops_one_scene_actors_and_merges_identical_casts() -> None:
    problem = reduce_problem(
        durations=[1, 2, 3, 4],
        casts=[[0, 1], [0, 1, 2], [0, 1], [3]],
        costs=[5, 7, 11, 13],
    )
    # Actor 2 (scene 1 only) and actor 3 (scene 3 only) are constants; scenes 0-2 then share
    # a cast and merge; actors 0 and 1, left in one scene, are constants too.
    assert problem.constant == 11 * 2 + 13 * 4 + (5 + 7) * (1 + 2 + 3)
    assert problem.scene_count == 0
    assert problem.expand([]) == [0, 1, 2, 3]


def test_an_empty_schedule_costs_nothing() -> None:
    result = solve(TalentInstance(cast=(), scenes=()))
    assert (result.order, result.total_cost, result.lower_bound, result.optimal) == ((), 0, 0, True)


# Against brute force


@settings(max_examples=60, deadline=None)
@given(instances())
def test_it_finds_and_proves_the_brute_force_optimum(instance: TalentInstance) -> None:
    result = solve(instance)
    assert result.total_cost == _brute_force(instance)
    assert result.optimal
    assert result.lower_bound == result.total_cost
    assert cost_of(instance, result.order).total_cost == result.total_cost
    assert sorted(result.order, key=str) == sorted((s.id for s in instance.scenes), key=str)


@settings(max_examples=40, deadline=None)
@given(instances(max_scenes=6), st.randoms(use_true_random=False))
def test_total_and_holding_cost_differ_by_the_same_amount_in_every_order(
    instance: TalentInstance, rng: random.Random
) -> None:
    ids = [scene.id for scene in instance.scenes]
    for _ in range(5):
        rng.shuffle(ids)
        reckoned = cost_of(instance, ids)
        assert reckoned.total_cost - reckoned.holding_cost == _own_days(instance)
        assert reckoned.holding_cost >= 0


@settings(max_examples=40, deadline=None)
@given(instances(max_scenes=6))
def test_the_lower_bound_is_below_every_order_even_when_time_runs_out(
    instance: TalentInstance,
) -> None:
    cheapest = _brute_force(instance)
    for result in (solve(instance), solve(instance, time_limit=1e-6)):
        assert result.lower_bound <= cheapest <= result.total_cost
        assert result.optimal == (result.lower_bound == result.total_cost)


def test_a_time_limit_stops_the_search_with_the_best_order_so_far() -> None:
    instance = _random_instance(scenes=40, cast=14, seed=7)
    started = time.perf_counter()
    result = solve(instance, time_limit=0.5)
    assert time.perf_counter() - started < 0.5 + 1.0
    assert sorted(result.order) == sorted(scene.id for scene in instance.scenes)
    assert cost_of(instance, result.order).total_cost == result.total_cost
    assert 0 < result.lower_bound <= result.total_cost
    assert result.optimal == (result.lower_bound == result.total_cost)


# Bad input


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], "JSON object"),
        ({"scenes": []}, 'no "cast"'),
        ({"cast": [], "scenes": {}}, '"scenes" must be a list'),
        ({"cast": [{"id": "a"}], "scenes": []}, 'cast[0] has no "daily_cost"'),
        ({"cast": [{"id": "a", "daily_cost": -1}], "scenes": []}, "zero or more"),
        ({"cast": [{"id": "a", "daily_cost": 1.5}], "scenes": []}, "whole number"),
        (
            {"cast": [{"id": "a", "daily_cost": 1}, {"id": "a", "daily_cost": 2}], "scenes": []},
            "'a' appears twice",
        ),
        ({"cast": [], "scenes": [{"id": "1", "duration": 0, "cast": []}]}, "greater than zero"),
        ({"cast": [], "scenes": [{"id": "1", "duration": -2, "cast": []}]}, "greater than zero"),
        ({"cast": [], "scenes": [{"id": "1", "cast": []}]}, 'scenes[0] has no "duration"'),
        (
            {"cast": [], "scenes": [{"id": "12A", "duration": 1, "cast": ["MAYA"]}]},
            "Scene '12A' needs 'MAYA', not in the cast list",
        ),
        (
            {
                "cast": [],
                "scenes": [{"id": "1", "duration": 1, "cast": []}] * 2,
            },
            "Scene id '1' appears twice",
        ),
        ({"cast": [], "scenes": [], "shoot_days": []}, "'shoot_days'"),
    ],
)
def test_it_names_what_is_wrong_with_an_instance(document: object, message: str) -> None:
    with pytest.raises(TalentError) as raised:
        TalentInstance.from_json(document)
    assert message in str(raised.value)


def test_an_order_must_list_every_scene_once() -> None:
    instance = _random_instance(scenes=4, cast=4, seed=1)
    with pytest.raises(TalentError, match="every scene id exactly once"):
        cost_of(instance, ["s0", "s1", "s1", "s2"])


# The published instances


def _with_known_optimum() -> list[Path]:
    # Instances with no published optimum are for bench/talent.py, not for a test.
    if not TALENT.is_dir():
        return []
    return [
        path
        for path in sorted(TALENT.glob("*.json"))
        if json.loads(path.read_text()).get("known_optimum") is not None
    ]


@pytest.mark.parametrize("path", _with_known_optimum(), ids=lambda path: path.stem)
def test_it_finds_and_proves_the_published_optimum(path: Path) -> None:
    document = json.loads(path.read_text())
    known = document["known_optimum"]
    instance = TalentInstance.from_json(document)
    time_limit = SLOW_TO_PROVE.get(path.stem)
    result = solve(instance, time_limit=time_limit)
    assert result.lower_bound <= known["total_cost"] <= result.total_cost
    if time_limit is None:
        assert (result.total_cost, result.holding_cost) == (
            known["total_cost"],
            known["holding_cost"],
        )
        assert result.optimal
    else:
        assert result.total_cost <= known["total_cost"] * 1.01


def test_the_published_instances_are_here() -> None:
    if not TALENT.is_dir():
        missing_in_ci(f"the shared talent instances in {TALENT}")
    assert len(_with_known_optimum()) >= 18
