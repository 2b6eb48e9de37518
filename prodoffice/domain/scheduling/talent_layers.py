"""The exact search, one layer of scene sets at a time, in numpy.

The same dynamic program as `talent_search` (Garcia de la Banda, Stuckey & Chu 2011): the
cheapest way to shoot the rest depends only on the set P of scenes shot first, so the sets
with k scenes (layer k) are found from those with k - 1, keeping the cheapest cost g(P) of
each. Every order passes through one set of each layer, so a set whose g plus a lower bound on
the rest reaches a threshold (the incumbent's cost) can be dropped; what is left of the last
layer is the optimum if it is below the threshold, and if nothing is left no order is. When a
layer holds more than `max_layer` sets the threshold comes down to keep the cheapest of them:
that pass can then only prove that nothing is cheaper than the threshold, a lower bound.

The bound on the rest: every unshot scene costs its own cast's days, and the actors on set
(started, with a scene to come) are paid until their last scene. `RemainingBound`'s relaxation
of that (shares of each scene in proportion to cost, then Smith's rule) is cheap and is worked
out for every set; where it does not prune, the exact least holding of the actors on set (a
dynamic program over the order they wrap in, `exact_holding`) often does: on the published
24-scene random instances it keeps 20 times fewer sets.

Pruning within a layer uses the paper's rules, as `talent_search` does: a scene needing exactly
the actors on set is shot next, and a scene is not shot next while an unshot scene needs all of
its actors and more, every one of them on set already or in it.

Sets are 64-bit words, so this takes up to 64 scenes after preprocessing; the pure Python
search in `talent_search` takes any number.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from prodoffice.domain.scheduling.talent_problem import ReducedProblem

MAX_SCENES = 64

Sets = npt.NDArray[np.uint64]
Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]
Flags = npt.NDArray[np.bool_]

# Sets are handled in chunks of this size, to keep the temporary arrays small.
_CHUNK = 1 << 16
# Bounds are worked out for this many sets at a time, so that the clock is read often.
_BOUND_CHUNK = 1 << 14
# With more actors on set than the exact program takes, it takes this many of them.
_SPLIT = 8


@dataclass(frozen=True)
class LayerOutcome:
    order: tuple[int, ...]
    cost: int
    lower_bound: int
    sets: int  # sets kept over all layers


class _Tables:
    """Sums of per-actor or per-scene whole numbers over bitmasks, 11 bits at a time."""

    _BITS = 11

    def __init__(self, values: Sequence[int]) -> None:
        size = 1 << self._BITS
        index = np.arange(size)
        self.tables: list[Ints] = []
        for start in range(0, max(1, len(values)), self._BITS):
            table = np.zeros(size, dtype=np.int64)
            for bit, value in enumerate(values[start : start + self._BITS]):
                table += np.where((index >> bit) & 1 == 1, value, 0)
            self.tables.append(table)
        self.mask = np.uint64(size - 1)

    def __call__(self, masks: Sets) -> Ints:
        total = self.tables[0][(masks & self.mask).astype(np.intp)]
        for step, table in enumerate(self.tables[1:], start=1):
            shifted = masks >> np.uint64(step * self._BITS)
            total = total + table[(shifted & self.mask).astype(np.intp)]
        return total


def layered_search(
    problem: ReducedProblem,
    *,
    incumbent: tuple[int, ...],
    incumbent_cost: int,
    deadline: float | None = None,
    exact_up_to: int = 11,
    max_layer: int = 4_000_000,
    complete: Callable[[list[int]], tuple[Sequence[int], int]] | None = None,
) -> LayerOutcome:
    """Search for an order cheaper than the incumbent, or prove there is none.

    `complete(prefix)` is a heuristic that finishes an order; it is tried on the most promising
    set of each layer.
    """
    n = problem.scene_count
    if n == 0:
        return LayerOutcome((), 0, 0, 0)
    if n > MAX_SCENES:
        raise ValueError(f"layered_search takes up to {MAX_SCENES} scenes, not {n}")
    m = len(problem.costs)
    durations, casts, costs = problem.durations, problem.casts, problem.costs
    actor_cost = _Tables(costs)
    scene_base = [
        durations[s] * sum(costs[a] for a in range(m) if casts[s] >> a & 1) for s in range(n)
    ]
    base_of = _Tables(scene_base)
    actor_scenes = [0] * m
    for scene, cast in enumerate(casts):
        for actor in range(m):
            if cast >> actor & 1:
                actor_scenes[actor] |= 1 << scene
    u_actor_scenes = [np.uint64(scenes) for scenes in actor_scenes]
    subsumers = [
        [
            other
            for other, other_cast in enumerate(casts)
            if other_cast != cast and other_cast & cast == cast
        ]
        for cast in casts
    ]
    full = (1 << n) - 1
    u_full = np.uint64(full)
    one = np.uint64(1)
    zero = np.uint64(0)

    def actors_in(sets: Sets) -> Ints:
        """Per set, the actors with a scene in it."""
        came = np.zeros(sets.shape, dtype=np.int64)
        for actor in range(m):
            came |= ((sets & u_actor_scenes[actor]) != zero).astype(np.int64) << actor
        return came

    cast_matrix = np.array(
        [[float(cast >> actor & 1) for actor in range(m)] for cast in casts], dtype=np.float64
    )
    cast_columns = np.ascontiguousarray(cast_matrix.T)
    cost_vector = np.array(costs, dtype=np.float64)
    cost_array = np.array(costs, dtype=np.int64)
    actor_scene_array = np.array(actor_scenes, dtype=np.uint64)
    day_vector = np.array(durations, dtype=np.float64)
    actor_shifts = np.arange(m, dtype=np.int64)
    scene_shifts = np.arange(n, dtype=np.uint64)

    by_cost = sorted(range(m), key=lambda actor: -costs[actor])
    # The exact program's sums fit in 32 bits unless the whole cast over every day does not.
    exact_type = np.int32 if sum(costs) * sum(durations) < 1 << 31 else np.int64

    def bound(shot: Sets, room: Ints) -> Ints:
        """A lower bound on what the unshot scenes cost, for each set of shot scenes.

        Every unshot scene costs its own cast's days, and the actors on set add at least the
        relaxation's holding (`relaxed_holding`); where that stays below `room`, their exact
        least holding (`exact_holding`) is worked out too, if few enough are on set.
        """
        unshot = shot ^ u_full
        on_set = actors_in(shot) & actors_in(unshot)
        total: Ints = base_of(unshot).astype(np.int64)
        total += relaxed_holding(on_set, unshot)
        sizes = np.bitwise_count(on_set)
        # Too many on set for the exact program, or enough that it is worth a cheaper try first:
        # exactly for the dearest few of them plus the relaxation for the others. Holding is
        # paid per actor, so the two parts add.
        few = min(_SPLIT, exact_up_to)
        which = np.flatnonzero((total < room) & (sizes > few))
        step = max(256, (1 << 24) >> few)
        for start in range(0, len(which) if few >= 2 else 0, step):
            part = which[start : start + step]
            chosen = np.zeros(len(part), dtype=np.int64)
            taken = np.zeros(len(part), dtype=np.int64)
            for actor in by_cost:
                take = ((on_set[part] >> actor) & 1) * (taken < few)
                chosen |= take << actor
                taken += take
            split = (
                base_of(unshot[part]).astype(np.int64)
                + exact_holding(chosen, unshot[part], few)
                + relaxed_holding(on_set[part] & ~chosen, unshot[part])
            )
            total[part] = np.maximum(total[part], split)
        open_ = (total < room) & (sizes >= 2) & (sizes <= exact_up_to)
        for size in range(2, exact_up_to + 1):
            which = np.flatnonzero(open_ & (sizes == size))
            step = max(256, (1 << 24) >> size)
            for start in range(0, len(which), step):
                part = which[start : start + step]
                exact = base_of(unshot[part]).astype(np.int64) + exact_holding(
                    on_set[part], unshot[part], size
                )
                total[part] = np.maximum(total[part], exact)
        return total

    def relaxed_holding(on_set: Ints, unshot: Sets) -> Ints:
        """`RemainingBound`'s holding of the actors on set (see talent_problem), in matrices.

        Per set and scene, the held actors' daily cost and sum of squared costs are the on-set
        actors' (cost, cost squared) times the scene-by-actor incidence matrix; the days each
        actor is given are the scenes' shares times its transpose.
        """
        on_bits = ((on_set[:, None] >> actor_shifts) & 1).astype(np.float64)
        live = ((unshot[:, None] >> scene_shifts) & one).astype(np.float64)
        weight = on_bits * cost_vector
        held_cost = weight @ cast_columns
        held_square = (weight * cost_vector) @ cast_columns
        present = (held_cost > 0) & (live > 0)
        safe = np.where(present, held_cost, 1.0)
        share = np.where(present, day_vector / safe, 0.0)
        shared = np.where(present, day_vector * (held_cost + held_square / safe), 0.0).sum(1) / 2
        ratio = (share @ cast_matrix) * on_bits
        ranks = np.argsort(ratio, axis=1)
        ordered_weight = np.take_along_axis(weight, ranks, axis=1)
        elapsed = np.cumsum(ordered_weight * np.take_along_axis(ratio, ranks, axis=1), axis=1)
        paid = (ordered_weight * elapsed).sum(axis=1)
        holding = paid - shared
        margin = 1e-6 + 1e-9 * paid
        relaxed: Ints = np.where(holding > margin, np.ceil(holding - margin), 0.0).astype(np.int64)
        return relaxed

    def exact_holding(on_set: Ints, unshot: Sets, size: int) -> Ints:
        """Per set, with `size` actors on set in each: the least those actors can be held.

        An actor on set is paid until their last scene, so if they wrap in the order a1, a2, ...
        the i-th is paid at least the days of every scene of a1 ... ai, and shooting a1's scenes,
        then a2's, ... pays exactly that. The cheapest wrap order is a dynamic program over the
        subsets T of the actors on set: the one of T who wraps last is paid the days of all of
        T's scenes. Less their own days, that is their least holding; the relaxation of
        `RemainingBound` is never above it, but costs much less to work out.
        """
        count = len(on_set)
        columns = np.arange(count)
        bits = (on_set[:, None] >> actor_shifts) & 1
        index = np.argsort(1 - bits, axis=1, kind="stable")[:, :size]
        weights = [cost_array[index[:, i]].astype(exact_type) for i in range(size)]
        scenes = [actor_scene_array[index[:, i]] & unshot for i in range(size)]
        # days[T]: the days of the unshot scenes with someone of T in them. Summed first by which
        # of the actors on set a scene has (its signature), then over subsets of signatures.
        covered = np.zeros((1 << size, count), dtype=exact_type)
        for scene in range(n):
            signature = np.zeros(count, dtype=np.intp)
            for i in range(size):
                signature |= ((scenes[i] >> np.uint64(scene)) & one).astype(np.intp) << i
            covered[signature, columns] += durations[scene]
        for i in range(size):
            halves = covered.reshape(-1, 2, 1 << i, count)
            halves[:, 1] += halves[:, 0]
        days = covered[-1] - covered[::-1]
        own = sum(weights[i] * days[1 << i] for i in range(size))
        least = np.zeros((1 << size, count), dtype=exact_type)
        term = np.empty(count, dtype=exact_type)
        for subset in range(1, 1 << size):
            low = subset & -subset
            value = least[subset]
            np.multiply(weights[low.bit_length() - 1], days[subset], out=value)
            np.add(value, least[subset ^ low], out=value)
            rest = subset ^ low
            while rest:
                bit = rest & -rest
                rest ^= bit
                np.multiply(weights[bit.bit_length() - 1], days[subset], out=term)
                np.add(term, least[subset ^ bit], out=term)
                np.minimum(value, term, out=value)
        holding: Ints = least[-1].astype(np.int64) - own
        return holding

    began = time.perf_counter()
    spent_finishing = 0.0
    upper = incumbent_cost
    best_order = incumbent
    # Sets with g + bound at or above the threshold are dropped, so no order cheaper than it is
    # lost; it is the incumbent's cost unless a layer outgrows `max_layer`.
    threshold = upper
    layers: list[tuple[Sets, Ints]] = []
    sets: Sets = np.zeros(1, dtype=np.uint64)
    g: Ints = np.zeros(1, dtype=np.int64)
    lower = int(bound(sets, np.array([incumbent_cost]))[0])
    kept = 1
    layers.append((sets, g))

    def stopped() -> LayerOutcome:
        return LayerOutcome(best_order, upper, min(lower, upper), kept)

    def exhausted() -> LayerOutcome:
        # Every order cheaper than the threshold was followed to the end: there is none.
        return LayerOutcome(best_order, upper, threshold, kept)

    for _ in range(n):
        if deadline is not None and time.perf_counter() >= deadline:
            return stopped()
        child_parts: list[Sets] = []
        cost_parts: list[Ints] = []
        for start in range(0, len(sets), _CHUNK):
            chunk = sets[start : start + _CHUNK]
            chunk_g = g[start : start + _CHUNK]
            unshot = chunk ^ u_full
            came = actors_in(chunk)
            on_set = came & actors_in(unshot)
            left_base = base_of(unshot).astype(np.int64)
            forced = np.full(len(chunk), -1, dtype=np.int64)
            for scene in range(n):
                hit = (on_set == casts[scene]) & (((unshot >> np.uint64(scene)) & one) == one)
                forced[hit & (on_set != 0)] = scene
            has_forced = forced >= 0
            for scene in range(n):
                bit = np.uint64(1 << scene)
                allowed = ((unshot & bit) != zero) & (~has_forced | (forced == scene))
                if not allowed.any():
                    continue
                room = came | casts[scene]
                for other in subsumers[scene]:
                    blocked = ((unshot >> np.uint64(other)) & one) == one
                    blocked &= (casts[other] & ~room) == 0
                    allowed &= ~blocked
                index = np.flatnonzero(allowed)
                if not len(index):
                    continue
                step = durations[scene] * actor_cost(
                    (on_set[index] | casts[scene]).astype(np.uint64)
                ).astype(np.int64)
                child_g = chunk_g[index] + step
                keep = child_g + left_base[index] - scene_base[scene] < threshold
                child_parts.append(chunk[index[keep]] | bit)
                cost_parts.append(child_g[keep])
            if deadline is not None and time.perf_counter() >= deadline:
                return stopped()
        if not child_parts:
            return exhausted()
        children = np.concatenate(child_parts)
        child_g = np.concatenate(cost_parts)
        by_set = np.lexsort((child_g, children))
        children, child_g = children[by_set], child_g[by_set]
        first = np.ones(len(children), dtype=np.bool_)
        first[1:] = children[1:] != children[:-1]
        children, child_g = children[first], child_g[first]
        f = np.empty(len(children), dtype=np.int64)
        for start in range(0, len(children), _BOUND_CHUNK):
            piece = slice(start, start + _BOUND_CHUNK)
            f[piece] = child_g[piece] + bound(children[piece], threshold - child_g[piece])
            if deadline is not None and time.perf_counter() >= deadline:
                return stopped()
        alive = f < threshold
        if alive.sum() > max_layer:
            threshold = int(np.partition(f[alive], max_layer)[max_layer])
            alive &= f < threshold
        if not alive.any():
            return exhausted()
        sets, g, f = children[alive], child_g[alive], f[alive]
        lower = max(lower, int(f.min()))
        layers.append((sets, g))
        finishing = time.perf_counter()
        if (
            complete is not None
            and len(layers) <= n
            and spent_finishing < 0.05 + 0.1 * (finishing - began)
        ):
            # The most promising set, finished by the heuristic: a cheaper incumbent prunes
            # every layer still to come. It gets at most a tenth of the time.
            at = int(f.argmin())
            prefix = _rebuild(
                layers, int(sets[at]), int(g[at]), durations, casts, actor_scenes, list(costs)
            )
            order, cost = complete(prefix)
            if cost < upper:
                best_order, upper = tuple(order), cost
                threshold = min(threshold, upper)
                alive = f < threshold
                if not alive.any():
                    return exhausted()
                sets, g = sets[alive], g[alive]
                layers[-1] = (sets, g)
            spent_finishing += time.perf_counter() - finishing
        kept += len(sets)
    # The last layer holds the full set alone, cheaper than the threshold: the optimum.
    cost = int(g[0])
    order = _rebuild(layers, full, cost, durations, casts, actor_scenes, list(costs))
    return LayerOutcome(tuple(order), cost, cost, kept)


def _rebuild(
    layers: list[tuple[Sets, Ints]],
    shot: int,
    cost: int,
    durations: tuple[int, ...],
    casts: tuple[int, ...],
    actor_scenes: list[int],
    costs: list[int],
) -> list[int]:
    """An order of the scenes in `shot` costing `cost`: walks back through the layers."""
    full = (1 << len(durations)) - 1

    def step(before: int, scene: int) -> int:
        after = full ^ before
        on_set = 0
        for actor, scenes in enumerate(actor_scenes):
            if scenes & before and scenes & after:
                on_set |= 1 << actor
        day = on_set | casts[scene]
        return durations[scene] * sum(c for a, c in enumerate(costs) if day >> a & 1)

    order: list[int] = []
    current, current_g = shot, cost
    for k in range(shot.bit_count(), 0, -1):
        sets, g = layers[k - 1]
        for scene in range(len(durations)):
            if not current >> scene & 1:
                continue
            previous = current ^ (1 << scene)
            at = int(np.searchsorted(sets, np.uint64(previous)))
            if (
                at < len(sets)
                and int(sets[at]) == previous
                and int(g[at]) + step(previous, scene) == current_g
            ):
                order.append(scene)
                current, current_g = previous, int(g[at])
                break
        else:
            raise AssertionError("no set of the layer before leads to this one")
    order.reverse()
    return order
