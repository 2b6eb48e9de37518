"""The talent optimizer's working form: scenes as bitmasks of the actors they need.

`reduce_problem` applies the preprocessing of Garcia de la Banda, Stuckey & Chu (2011),
"Solving talent scheduling with dynamic programming", INFORMS Journal on Computing 23(1),
each step exact:

- An actor paid nothing, or in one scene only, costs the same in every order (the days of that
  scene): the cost is a constant and the actor leaves the problem.
- Scenes with the same cast can be shot back to back in some optimal order, so they become one
  scene with their durations added. (Exchange argument: of scenes s and t with the same cast,
  moving t next to s changes the cost by d(t) x (actors held over s only - actors held over t
  only) and moving s next to t by d(s) x the opposite; the cast's own spans never grow. At an
  optimum neither can be negative, so both are zero.) Dropping actors can make casts equal and
  merging can leave an actor in one scene, so the two steps repeat until nothing changes.
- A scene left with no cast is shot last, after every remaining actor has wrapped, where it
  keeps nobody on set.

`RemainingBound` is the lower bound on what the unshot scenes still cost, from the same paper,
used by both the exact search and the heuristics.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class ReducedProblem:
    """Scenes and cast after preprocessing; every index here is the reduced one."""

    durations: tuple[int, ...]
    casts: tuple[int, ...]  # bit a set: actor a is in the scene
    costs: tuple[int, ...]  # daily cost of each actor still in the problem
    groups: tuple[tuple[int, ...], ...]  # original scenes shot, in this order, as each scene
    last: tuple[int, ...]  # original scenes with nobody left in their cast: shot at the end
    constant: int  # what the dropped actors cost in every order

    @property
    def scene_count(self) -> int:
        return len(self.durations)

    def expand(self, order: Sequence[int]) -> list[int]:
        """The original scenes, in shooting order, for an order of reduced scenes."""
        scenes = [scene for reduced in order for scene in self.groups[reduced]]
        scenes.extend(self.last)
        return scenes


def reduce_problem(
    durations: Sequence[int], casts: Sequence[Sequence[int]], costs: Sequence[int]
) -> ReducedProblem:
    """Reduce scenes (durations, cast as actor indices) and actors (daily costs)."""
    groups: list[list[int]] = [[scene] for scene in range(len(durations))]
    group_days = list(durations)
    group_cast = [frozenset(cast) for cast in casts]
    constant = 0
    while True:
        appearances: dict[int, list[int]] = {}
        for index, cast in enumerate(group_cast):
            for actor in cast:
                appearances.setdefault(actor, []).append(index)
        dropped = {
            actor for actor, where in appearances.items() if len(where) == 1 or costs[actor] == 0
        }
        for actor in dropped:
            (index, *rest) = appearances[actor]
            if not rest:
                constant += costs[actor] * group_days[index]
        if dropped:
            group_cast = [cast - dropped for cast in group_cast]
        merged: dict[frozenset[int], int] = {}
        new_groups: list[list[int]] = []
        new_days: list[int] = []
        new_cast: list[frozenset[int]] = []
        for members, days, cast in zip(groups, group_days, group_cast, strict=True):
            at = merged.get(cast)
            if at is None:
                merged[cast] = len(new_groups)
                new_groups.append(list(members))
                new_days.append(days)
                new_cast.append(cast)
            else:
                new_groups[at].extend(members)
                new_days[at] += days
        changed = bool(dropped) or len(new_groups) != len(groups)
        groups, group_days, group_cast = new_groups, new_days, new_cast
        if not changed:
            break
    last: tuple[int, ...] = ()
    kept = [index for index, cast in enumerate(group_cast) if cast]
    if len(kept) != len(group_cast):
        (empty,) = (index for index, cast in enumerate(group_cast) if not cast)
        last = tuple(groups[empty])
    actors = sorted({actor for index in kept for actor in group_cast[index]})
    bit = {actor: 1 << position for position, actor in enumerate(actors)}
    return ReducedProblem(
        durations=tuple(group_days[index] for index in kept),
        casts=tuple(sum(bit[actor] for actor in group_cast[index]) for index in kept),
        costs=tuple(costs[actor] for actor in actors),
        groups=tuple(tuple(groups[index]) for index in kept),
        last=last,
        constant=constant,
    )


class _SetTable(dict[int, int]):
    """Sum of a per-actor value over a set of actors, computed once per set."""

    def __init__(self, values: Sequence[int]) -> None:
        super().__init__()
        self._values = values

    def __missing__(self, actors: int) -> int:
        total = 0
        rest = actors
        while rest:
            low = rest & -rest
            total += self._values[low.bit_length() - 1]
            rest ^= low
        self[actors] = total
        return total


class _Members(dict[int, tuple[int, ...]]):
    """The actor indices in a set, computed once per set."""

    def __missing__(self, actors: int) -> tuple[int, ...]:
        members = tuple(a for a in range(actors.bit_length()) if actors >> a & 1)
        self[actors] = members
        return members


class RemainingBound:
    """A lower bound on the cost of shooting the unshot scenes, whatever their order.

    Every unshot scene costs at least its own cast's days (`base`). On top, the actors already
    on set (started, with a scene still to come) stay until their last scene: the bound of
    Garcia de la Banda et al. (2011) shares each remaining scene's days among the on-set actors
    in it, in proportion to their daily cost, and orders the actors' departures by Smith's rule
    (days per unit of cost, shortest first), which minimises the shared problem exactly. What
    the actors in one scene pay each other in that relaxation is paid anyway and is taken off.
    The arithmetic is in floating point; the result is rounded up only past a margin far larger
    than the rounding error, so it stays a proven bound.
    """

    def __init__(self, problem: ReducedProblem) -> None:
        self.durations = problem.durations
        self.casts = problem.casts
        self.costs = problem.costs
        self.set_cost = _SetTable(problem.costs)
        self.set_square = _SetTable([cost * cost for cost in problem.costs])
        self.members = _Members()
        self.base = tuple(
            days * self.set_cost[cast]
            for days, cast in zip(problem.durations, problem.casts, strict=True)
        )
        self.actor_scenes = [0] * len(problem.costs)
        for scene, cast in enumerate(problem.casts):
            for actor in self.members[cast]:
                self.actor_scenes[actor] |= 1 << scene
        # The base cost of any set of scenes, a byte of the set at a time.
        padded = self.base + (0,) * (-len(self.base) % 8)
        self._base_bytes = [
            [sum(padded[chunk + bit] for bit in range(8) if byte >> bit & 1) for byte in range(256)]
            for chunk in range(0, len(padded), 8)
        ]
        self._covered: dict[int, int] = {}
        # Per scene, per set of its actors on set: (days per unit of their cost, what they pay
        # each other in the relaxation, the actors).
        self._shares: list[dict[int, tuple[float, float, tuple[int, ...]]]] = [
            {} for _ in problem.casts
        ]

    def base_of(self, scenes: int) -> int:
        total = 0
        for table in self._base_bytes:
            total += table[scenes & 255]
            scenes >>= 8
        return total

    def __call__(self, unshot: int, on_set: int) -> int:
        if not on_set:
            return self.base_of(unshot)
        ratio, shared = self._shares_of(unshot, on_set)
        return self.base_of(unshot) + self._holding(on_set, ratio, shared)

    def after_each(self, unshot: int, came: int, on_set: int, moves: Sequence[int]) -> list[int]:
        """The bound after shooting each of `moves` next, worked out from this state's own.

        Shooting s changes the shares of s itself and of the unshot scenes of actors who arrive
        with s; everything else carries over.
        """
        casts, members, actor_scenes = self.casts, self.members, self.actor_scenes
        shares, base = self._shares, self.base
        parent_ratio, parent_shared = self._shares_of(unshot, on_set)
        base_total = self.base_of(unshot)
        bounds = []
        for scene in moves:
            cast = casts[scene]
            left = unshot ^ (1 << scene)
            child_on_set = on_set | cast
            for actor in members[cast]:
                if not actor_scenes[actor] & left:
                    child_on_set ^= 1 << actor
            ratio = parent_ratio[:]
            shared = parent_shared
            held = cast & on_set
            if held:
                entry = shares[scene].get(held) or self._share(scene, held)
                shared -= entry[1]
                for actor in entry[2]:
                    ratio[actor] -= entry[0]
            arriving = child_on_set & ~on_set
            if arriving:
                touched = 0
                for actor in members[arriving]:
                    touched |= actor_scenes[actor]
                rest = touched & left
                while rest:
                    low = rest & -rest
                    other = low.bit_length() - 1
                    rest ^= low
                    held = casts[other] & on_set
                    if held:
                        entry = shares[other].get(held) or self._share(other, held)
                        shared -= entry[1]
                        for actor in entry[2]:
                            ratio[actor] -= entry[0]
                    held = casts[other] & child_on_set
                    entry = shares[other].get(held) or self._share(other, held)
                    shared += entry[1]
                    for actor in entry[2]:
                        ratio[actor] += entry[0]
            bound = base_total - base[scene]
            if child_on_set:
                bound += self._holding(child_on_set, ratio, shared)
            bounds.append(bound)
        return bounds

    def _shares_of(self, unshot: int, on_set: int) -> tuple[list[float], float]:
        covered = self._covered.get(on_set)
        if covered is None:
            covered = 0
            for actor in self.members[on_set]:
                covered |= self.actor_scenes[actor]
            self._covered[on_set] = covered
        casts, shares = self.casts, self._shares
        ratio = [0.0] * len(self.costs)
        shared = 0.0
        rest = unshot & covered
        while rest:
            low = rest & -rest
            scene = low.bit_length() - 1
            rest ^= low
            held = casts[scene] & on_set
            entry = shares[scene].get(held)
            if entry is None:
                entry = self._share(scene, held)
            share, paid_inside, actors = entry
            shared += paid_inside
            for actor in actors:
                ratio[actor] += share
        return ratio, shared

    def _holding(self, on_set: int, ratio: list[float], shared: float) -> int:
        costs = self.costs
        elapsed = 0.0
        paid = 0.0
        for actor in sorted(self.members[on_set], key=ratio.__getitem__):
            elapsed += costs[actor] * ratio[actor]
            paid += costs[actor] * elapsed
        holding = paid - shared
        margin = 1e-6 + 1e-9 * paid
        if holding > margin:
            return math.ceil(holding - margin)
        return 0

    def _share(self, scene: int, held: int) -> tuple[float, float, tuple[int, ...]]:
        days = self.durations[scene]
        cost = self.set_cost[held]
        entry = (days / cost, days * (cost + self.set_square[held] / cost) / 2, self.members[held])
        self._shares[scene][held] = entry
        return entry


def order_cost(problem: ReducedProblem, order: Sequence[int]) -> int:
    """What a complete order of reduced scenes costs (without the constant)."""
    casts, durations = problem.casts, problem.durations
    started = [0] * (len(order) + 1)
    for position, scene in enumerate(order):
        started[position + 1] = started[position] | casts[scene]
    to_come = 0
    total = 0
    costs = problem.costs
    for position in range(len(order) - 1, -1, -1):
        scene = order[position]
        on_set = casts[scene] | (started[position] & to_come)
        to_come |= casts[scene]
        rest = on_set
        day_cost = 0
        while rest:
            low = rest & -rest
            day_cost += costs[low.bit_length() - 1]
            rest ^= low
        total += durations[scene] * day_cost
    return total
