"""The exact search for the cheapest scene order: a dynamic program over sets of shot scenes.

Garcia de la Banda, Stuckey & Chu (2011): while scene s is shot, the actors on set are s's
cast plus every actor who has started and still has a scene to come. Once the set P of scenes
shot first is fixed, that depends on P and not on the order inside it, so the cheapest way to
shoot the rest is a function of P alone and the problem is a shortest path over the 2^n sets.
The search is A* over those sets (a set is a Python int used as a bitmask), with:

- the lower bound of `RemainingBound`, worked out for all children of a state from the
  state's own, and never below the parent's (the rest of the parent cannot cost less than the
  step to the child plus the rest of the child, so the parent's bound holds for the child too);
- the paper's rule for a scene that costs nothing extra: if an unshot scene needs exactly the
  actors on set, shooting it next is optimal (moving it to the front of any completion keeps
  its cast's spans and can only shorten everyone else's);
- the paper's subsumption rule: scene s is not shot next if an unshot scene t needs every
  actor of s and more, all of them on set already or in s. Exchange argument: from an order
  s X t Y, both "t s X Y" and "X t s Y" keep every span of t's cast within the old one; the
  first adds d(t) x (on-set actors not in t who wrap inside X) and takes off d(t) x (new actors
  whose span crosses t), the second does the opposite with d(s). From an optimal order neither
  can be cheaper, so the first is optimal as well; it strictly grows the cast of the first
  scene (casts are unique after preprocessing), so repeating it ends at an optimal order whose
  first scene is not ruled out.

It stops at the first complete state taken off the queue (optimal), when the cheapest state on
the queue cannot beat the incumbent (the incumbent is optimal), at the deadline, or when it
holds `max_states` states; in the last two cases the cheapest queued bound is a proven lower
bound on every order.
"""

from __future__ import annotations

import heapq
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from prodoffice.domain.scheduling.talent_problem import ReducedProblem, RemainingBound

# How often (in states taken off the queue) the clock and the memory cap are looked at.
_CHECK_EVERY = 32


@dataclass(frozen=True)
class SearchOutcome:
    order: tuple[int, ...]  # the best order known at the end (the incumbent if none better)
    cost: int
    lower_bound: int
    expanded: int
    stored: int

    @property
    def proven(self) -> bool:
        return self.cost == self.lower_bound


Completion = Callable[[Sequence[int], float], tuple[Sequence[int], int]]


def search(
    problem: ReducedProblem,
    bound: RemainingBound,
    *,
    incumbent: Sequence[int],
    incumbent_cost: int,
    deadline: float | None = None,
    max_states: int = 4_000_000,
    complete: Completion | None = None,
    complete_every: float = 1.0,
) -> SearchOutcome:
    """Search for an order cheaper than the incumbent, or prove there is none.

    `complete(prefix, until)` turns a partial order into a full one (a heuristic); it is called
    on the state being expanded every `complete_every` seconds, to improve the incumbent while
    a long search runs.
    """
    n = problem.scene_count
    durations, casts = problem.durations, problem.casts
    set_cost, base, base_of = bound.set_cost, bound.base, bound.base_of
    full = (1 << n) - 1
    best_order = tuple(incumbent)
    upper = incumbent_cost
    if n == 0:
        return SearchOutcome((), 0, 0, 0, 0)

    actor_scenes = [0] * len(problem.costs)
    for scene, cast in enumerate(casts):
        rest = cast
        while rest:
            low = rest & -rest
            actor_scenes[low.bit_length() - 1] |= 1 << scene
            rest ^= low
    actors = [(1 << actor, scenes) for actor, scenes in enumerate(actor_scenes)]
    free_scene = {cast: scene for scene, cast in enumerate(casts)}
    subsumers = [
        tuple(
            (1 << other, other_cast)
            for other, other_cast in enumerate(casts)
            if other_cast != cast and other_cast & cast == cast
        )
        for cast in casts
    ]

    # Queue entries are single ints, ordered by (f, larger g first): f | gmax - g | P.
    gmax = set_cost[sum(1 << a for a in range(len(problem.costs)))] * sum(durations)
    g_bits = gmax.bit_length() + 1
    g_shift = n
    f_shift = g_shift + g_bits
    g_mask = (1 << g_bits) - 1
    # Stored per state: g | bound + 1 (0 while unknown) | the last scene, to rebuild the order.
    s_bits = max(1, n.bit_length())
    s_mask = (1 << s_bits) - 1
    h_shift = s_bits
    h_mask = (1 << g_bits) - 1
    stored_g_shift = s_bits + g_bits

    root = bound(full, 0)
    best = {0: (root + 1) << h_shift}
    queue = [(root << f_shift) | (gmax << g_shift)]
    expanded = 0
    popped = 0
    started = time.perf_counter()
    next_completion = started + complete_every
    lower = 0

    def prefix_of(state: int) -> list[int]:
        order = []
        while state:
            scene = best[state] & s_mask
            order.append(scene)
            state ^= 1 << scene
        order.reverse()
        return order

    heappop, heappush = heapq.heappop, heapq.heappush
    while queue:
        key = heappop(queue)
        f = key >> f_shift
        if f >= upper:
            lower = upper
            break
        shot = key & full
        g = gmax - ((key >> g_shift) & g_mask)
        value = best[shot]
        if value >> stored_g_shift != g:
            continue  # a cheaper way here was found after this entry was queued
        popped += 1
        if popped % _CHECK_EVERY == 1:
            now = time.perf_counter()
            if (deadline is not None and now >= deadline) or len(best) > max_states:
                lower = f
                break
            if complete is not None and now >= next_completion and shot != full:
                order, cost = complete(prefix_of(shot), now + 0.1 * complete_every)
                if cost < upper:
                    best_order, upper = tuple(order), cost
                next_completion = time.perf_counter() + complete_every
                if f >= upper:
                    lower = upper
                    break
        if shot == full:
            best_order, upper = tuple(prefix_of(full)), g
            lower = g
            break
        unshot = full ^ shot
        came = 0
        on_set = 0
        for actor_bit, scenes in actors:
            if scenes & shot:
                came |= actor_bit
                if scenes & unshot:
                    on_set |= actor_bit
        expanded += 1

        forced = free_scene.get(on_set, -1) if on_set else -1
        if forced >= 0 and unshot >> forced & 1:
            moves: Sequence[int] = (forced,)
        else:
            moves = []
            rest = unshot
            while rest:
                low = rest & -rest
                scene = low.bit_length() - 1
                rest ^= low
                allowed = came | casts[scene]
                for other_bit, other_cast in subsumers[scene]:
                    if other_bit & unshot and not other_cast & ~allowed:
                        break
                else:
                    moves.append(scene)
        # Children not seen before, or reached more cheaply now: (scene, g, known bound + 1).
        fresh: list[tuple[int, int, int]] = []
        to_bound: list[int] = []
        # Every unshot scene costs at least its own cast's days: a child that cannot beat the
        # incumbent even so is dropped before its bound is worked out.
        left_base = base_of(unshot) - upper
        for scene in moves:
            g2 = g + durations[scene] * set_cost[casts[scene] | on_set]
            if g2 + left_base - base[scene] >= 0:
                continue
            old = best.get(shot | (1 << scene))
            h_code = 0
            if old is not None:
                if old >> stored_g_shift <= g2:
                    continue
                h_code = (old >> h_shift) & h_mask
            if not h_code:
                to_bound.append(scene)
            fresh.append((scene, g2, h_code))
        if not fresh:
            continue
        bounds = iter(bound.after_each(unshot, came, on_set, to_bound)) if to_bound else None
        for scene, g2, h_code in fresh:
            if not h_code:
                h_code = next(bounds) + 1  # type: ignore[arg-type]
            child = shot | (1 << scene)
            best[child] = (((g2 << g_bits) | h_code) << s_bits) | scene
            f2 = g2 + h_code - 1
            if f2 < f:
                f2 = f
            if f2 < upper:
                heappush(queue, (f2 << f_shift) | ((gmax - g2) << g_shift) | child)
    else:
        lower = upper
    return SearchOutcome(best_order, upper, min(lower, upper), expanded, len(best))
