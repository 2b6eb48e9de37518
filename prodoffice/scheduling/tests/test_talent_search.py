"""The talent optimizer's exact searches against brute force and the published optima."""

from __future__ import annotations

import json
from itertools import permutations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import missing_in_ci
from prodoffice.domain.scheduling.talent import TalentInstance, cost_of, solve
from prodoffice.domain.scheduling.talent_layers import layered_search
from prodoffice.domain.scheduling.talent_problem import (
    ReducedProblem,
    order_cost,
    reduce_problem,
)

TALENT = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "talent"


@st.composite
def instances(draw: st.DrawFn, max_scenes: int = 7, max_cast: int = 6) -> TalentInstance:
    cast_size = draw(st.integers(1, max_cast))
    rates = draw(st.lists(st.integers(0, 30), min_size=cast_size, max_size=cast_size))
    scene_count = draw(st.integers(1, max_scenes))
    scenes = []
    for scene in range(scene_count):
        needed = draw(st.sets(st.integers(0, cast_size - 1), max_size=cast_size))
        scenes.append(
            {
                "id": f"s{scene}",
                "duration": draw(st.integers(1, 5)),
                "cast": [f"a{actor}" for actor in sorted(needed)],
            }
        )
    return TalentInstance.from_json(
        {
            "cast": [{"id": f"a{actor}", "daily_cost": rate} for actor, rate in enumerate(rates)],
            "scenes": scenes,
        }
    )


def _brute_force(instance: TalentInstance) -> int:
    ids = [scene.id for scene in instance.scenes]
    return min(cost_of(instance, order).total_cost for order in permutations(ids))


def _reduced(instance: TalentInstance) -> ReducedProblem:
    index = {member.id: position for position, member in enumerate(instance.cast)}
    return reduce_problem(
        [scene.duration for scene in instance.scenes],
        [[index[actor] for actor in scene.cast] for scene in instance.scenes],
        [member.daily_cost for member in instance.cast],
    )


@settings(max_examples=40, deadline=None)
@given(instances())
def test_it_returns_the_brute_force_optimum_with_a_bound_never_above_it(
    instance: TalentInstance,
) -> None:
    cheapest = _brute_force(instance)
    result = solve(instance)
    assert result.total_cost == cheapest
    assert result.lower_bound <= cheapest
    assert result.optimal
    assert cost_of(instance, result.order).total_cost == result.total_cost


@settings(max_examples=60, deadline=None)
@given(instances(max_scenes=7, max_cast=7))
def test_the_layered_search_never_prunes_the_optimum(instance: TalentInstance) -> None:
    # Given an incumbent one unit dearer than the optimum, the search must find the optimum:
    # a bound above the true cost of the rest anywhere on its way would drop it.
    problem = _reduced(instance)
    cheapest = min(
        (order_cost(problem, order) for order in permutations(range(problem.scene_count))),
        default=0,
    )
    for exact_up_to in (0, 3, 7):
        outcome = layered_search(
            problem, incumbent=(), incumbent_cost=cheapest + 1, exact_up_to=exact_up_to
        )
        assert outcome.cost == cheapest
        assert outcome.lower_bound == cheapest
        assert sorted(outcome.order) == list(range(problem.scene_count))
        assert order_cost(problem, outcome.order) == cheapest


def _small_published() -> list[Path]:
    if not TALENT.is_dir():
        return []
    return [
        path
        for path in sorted(TALENT.glob("*.json"))
        if (document := json.loads(path.read_text())).get("known_optimum") is not None
        and len(document["scenes"]) <= 20
    ]


@pytest.mark.parametrize("path", _small_published(), ids=lambda path: path.stem)
def test_it_proves_the_published_optimum_of_each_instance_up_to_20_scenes(path: Path) -> None:
    document = json.loads(path.read_text())
    result = solve(TalentInstance.from_json(document))
    assert result.total_cost == document["known_optimum"]["total_cost"]
    assert result.holding_cost == document["known_optimum"]["holding_cost"]
    assert result.optimal
    assert result.lower_bound == result.total_cost


@pytest.mark.parametrize("name", ["film103", "random-n20-m10-seed3101"])
def test_the_layered_search_alone_proves_a_published_optimum(name: str) -> None:
    path = TALENT / f"{name}.json"
    if not path.is_file():
        missing_in_ci(f"the shared talent instance {path}")
    document = json.loads(path.read_text())
    problem = _reduced(TalentInstance.from_json(document))
    known = document["known_optimum"]["total_cost"] - problem.constant
    outcome = layered_search(problem, incumbent=(), incumbent_cost=known + 1)
    assert (outcome.cost, outcome.lower_bound) == (known, known)
    assert order_cost(problem, outcome.order) == known


def test_the_small_published_instances_are_here() -> None:
    if not TALENT.is_dir():
        missing_in_ci(f"the shared talent instances in {TALENT}")
    assert len(_small_published()) >= 14
