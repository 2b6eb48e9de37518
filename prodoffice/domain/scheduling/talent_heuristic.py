"""Good scene orders found fast, to start the exact search and to answer when time runs out.

Three pieces, all on the reduced problem:

- `extend`: a beam search that grows orders one scene at a time, keeping the `width` partial
  orders with the lowest cost so far plus `RemainingBound` (width 1 is the greedy order);
- `improve`: local search that moves one scene, or a run of scenes, to another place in the
  order while that makes the order cheaper;
- `good_order`: both, with wider and wider beams until the time given runs out.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from prodoffice.domain.scheduling.talent_problem import ReducedProblem, RemainingBound


def _order_cost(problem: ReducedProblem, bound: RemainingBound, order: Sequence[int]) -> int:
    casts, durations, set_cost = problem.casts, problem.durations, bound.set_cost
    started = [0]
    for scene in order:
        started.append(started[-1] | casts[scene])
    to_come = 0
    total = 0
    for position in range(len(order) - 1, -1, -1):
        scene = order[position]
        total += durations[scene] * set_cost[casts[scene] | (started[position] & to_come)]
        to_come |= casts[scene]
    return total


def extend(
    problem: ReducedProblem,
    bound: RemainingBound,
    prefix: Sequence[int] = (),
    *,
    width: int = 1,
    until: float | None = None,
) -> list[int]:
    """Complete `prefix` into a full order by beam search; greedy once `until` has passed."""
    n = problem.scene_count
    casts, durations, set_cost = problem.casts, problem.durations, bound.set_cost
    actor_scenes = [0] * len(problem.costs)
    for scene, cast in enumerate(casts):
        for actor in bound.members[cast]:
            actor_scenes[actor] |= 1 << scene
    full = (1 << n) - 1
    shot = 0
    came = 0
    for scene in prefix:
        shot |= 1 << scene
        came |= casts[scene]
    # Every state in the beam shares the prefix, so its cost is left out of their scores.
    beam: list[tuple[int, int, int, list[int]]] = [(0, shot, came, list(prefix))]
    while beam[0][1] != full:
        children: dict[int, tuple[int, int, int, int, list[int]]] = {}
        for g, shot, came, order in beam:
            if children and until is not None and time.perf_counter() >= until:
                width = 1  # out of time: the best child found so far, then greedy
                break
            unshot = full ^ shot
            on_set = 0
            for actor in bound.members[came]:
                if actor_scenes[actor] & unshot:
                    on_set |= 1 << actor
            moves = [scene for scene in range(n) if unshot >> scene & 1]
            for scene, child_bound in zip(
                moves, bound.after_each(unshot, came, on_set, moves), strict=True
            ):
                g2 = g + durations[scene] * set_cost[casts[scene] | on_set]
                child = shot | (1 << scene)
                known = children.get(child)
                if known is None or g2 < known[1]:
                    children[child] = (
                        g2 + child_bound,
                        g2,
                        child,
                        came | casts[scene],
                        [*order, scene],
                    )
        ranked = sorted(children.values())[:width]
        beam = [(g2, child, came2, order) for _, g2, child, came2, order in ranked]
    return beam[0][3]


def improve(
    problem: ReducedProblem,
    bound: RemainingBound,
    order: Sequence[int],
    *,
    until: float | None = None,
) -> tuple[list[int], int]:
    """Move runs of 1-3 scenes elsewhere while the order gets cheaper (first improvement)."""
    current = list(order)
    cost = _order_cost(problem, bound, current)
    n = len(current)
    improved = True
    while improved:
        improved = False
        for length in (1, 2, 3):
            for start in range(n - length + 1):
                if until is not None and time.perf_counter() >= until:
                    return current, cost
                run = current[start : start + length]
                rest = current[:start] + current[start + length :]
                for place in range(len(rest) + 1):
                    if place == start:
                        continue
                    candidate = rest[:place] + run + rest[place:]
                    candidate_cost = _order_cost(problem, bound, candidate)
                    if candidate_cost < cost:
                        current, cost = candidate, candidate_cost
                        improved = True
                        break
    return current, cost


def good_order(
    problem: ReducedProblem,
    bound: RemainingBound,
    *,
    until: float,
    max_width: int,
    start: tuple[Sequence[int], int] | None = None,
) -> tuple[list[int], int]:
    """The best of `start` and beams of width 1, 4, 16 ... `max_width`, improved, by `until`."""
    best, best_cost = improve(problem, bound, extend(problem, bound, until=until), until=until)
    if start is not None:
        order, cost = improve(problem, bound, start[0], until=until)
        if cost < best_cost:
            best, best_cost = order, cost
    width = 4
    while time.perf_counter() < until and width <= max_width:
        order, cost = improve(
            problem, bound, extend(problem, bound, width=width, until=until), until=until
        )
        if cost < best_cost:
            best, best_cost = order, cost
        width *= 4
    return best, best_cost


def complete_order(
    problem: ReducedProblem, bound: RemainingBound, prefix: Sequence[int], until: float
) -> tuple[list[int], int]:
    """A full order that starts with `prefix`, then improved as a whole."""
    return improve(problem, bound, extend(problem, bound, prefix, until=until), until=until)
