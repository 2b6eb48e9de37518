"""Talent scheduling: the order of scenes that keeps the cast on payroll for the fewest days.

The classic problem (Cheng, Diamond & Lin 1993, "Optimal scheduling in film production to
minimize talent hold cost", J. Optimization Theory and Applications 79(3); CSPLib prob039):
scenes are shot one after another, each needs some of the cast for a number of days, and an
actor is paid the daily rate from the first day of their first scene to the last day of their
last one. `total_cost` sums that over the cast; `holding_cost` counts only the days an actor is
paid without being in the scene being shot. The two differ by a constant (every actor's own
scene days), so the same order minimises both.

`solve` is exact: it preprocesses (`talent_problem`), takes a good order from the heuristics
(`talent_heuristic`) and runs the dynamic program over sets of shot scenes until it proves an
order optimal or the time limit passes: briefly best-first, one set at a time
(`talent_search`, quickest on the films), then a layer of sets at a time in numpy with a
stronger bound (`talent_layers`), then best-first again for a bound if nothing is proven. The
result always carries a proven lower bound, and is optimal exactly when its cost equals it.

This is the form behind `prodoffice optimize-schedule PATH --json` (DESIGN.md, "Contracts other
tools rely on"): `TalentInstance.from_json` reads the contract's input and
`TalentResult.as_contract` writes its output. Durations and daily costs are whole numbers (days,
and money in whatever unit the production uses), so costs and bounds are exact integers.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from prodoffice.domain.scheduling.talent_heuristic import complete_order, good_order
from prodoffice.domain.scheduling.talent_layers import MAX_SCENES, layered_search
from prodoffice.domain.scheduling.talent_problem import RemainingBound, reduce_problem
from prodoffice.domain.scheduling.talent_search import search

Identifier = str | int

# Keys of the contract's document that describe it without asking anything of the optimizer.
_INFORMATIONAL_KEYS = frozenset({"name", "known_optimum"})


class TalentError(ValueError):
    """An instance the optimizer cannot take; the message names what to fix."""


@dataclass(frozen=True)
class CastMember:
    """A performer on the schedule and what a day on payroll costs."""

    id: Identifier
    daily_cost: int


@dataclass(frozen=True)
class Scene:
    """A scene to shoot: how many days it takes and which cast it needs."""

    id: Identifier
    duration: int
    cast: tuple[Identifier, ...]


@dataclass(frozen=True)
class TalentInstance:
    """The cast and the scenes to put in order."""

    cast: tuple[CastMember, ...]
    scenes: tuple[Scene, ...]

    def __post_init__(self) -> None:
        known: set[Identifier] = set()
        for member in self.cast:
            _check_id(member.id, "A cast member")
            if member.id in known:
                raise TalentError(f"Cast id {member.id!r} appears twice; give each one its own id.")
            known.add(member.id)
            if not _is_whole(member.daily_cost) or member.daily_cost < 0:
                raise TalentError(
                    f"Cast member {member.id!r} has daily_cost {member.daily_cost!r}: it must be "
                    "a whole number, zero or more."
                )
        seen: set[Identifier] = set()
        for scene in self.scenes:
            _check_id(scene.id, "A scene")
            if scene.id in seen:
                raise TalentError(f"Scene id {scene.id!r} appears twice; give each one its own id.")
            seen.add(scene.id)
            if not _is_whole(scene.duration) or scene.duration <= 0:
                raise TalentError(
                    f"Scene {scene.id!r} has duration {scene.duration!r}: it must be a whole "
                    "number of days greater than zero."
                )
            unknown = [actor for actor in scene.cast if actor not in known]
            if unknown:
                names = ", ".join(repr(actor) for actor in unknown)
                raise TalentError(
                    f"Scene {scene.id!r} needs {names}, not in the cast list; add them to "
                    '"cast" or take them out of the scene.'
                )
            if len(set(scene.cast)) != len(scene.cast):
                raise TalentError(f"Scene {scene.id!r} lists the same cast member twice.")

    @classmethod
    def from_json(cls, document: object) -> TalentInstance:
        """Read the contract's document: {"cast": [{"id", "daily_cost"}], "scenes": [...]}."""
        if not isinstance(document, Mapping):
            raise TalentError(
                'The instance must be a JSON object with "cast" and "scenes"; '
                f"this is a {_json_type(document)}."
            )
        unsupported = sorted(set(document) - {"cast", "scenes"} - _INFORMATIONAL_KEYS)
        if unsupported:
            raise TalentError(
                f"Unsupported key(s) {', '.join(map(repr, unsupported))}: this optimizer orders "
                'scenes in sequence (the classic form) and reads only "cast" and "scenes"; '
                "shoot days, availability and fixed scenes are not supported here."
            )
        cast = [
            CastMember(
                id=_identifier(entry, "id", where), daily_cost=_whole(entry, "daily_cost", where)
            )
            for where, entry in _entries(document, "cast")
        ]
        scenes = []
        for where, entry in _entries(document, "scenes"):
            needed = _field(entry, "cast", where)
            if not isinstance(needed, list):
                raise TalentError(f'{where} "cast" must be a list of cast ids.')
            for actor in needed:
                _check_id(actor, f"{where} cast")
            scenes.append(
                Scene(
                    id=_identifier(entry, "id", where),
                    duration=_whole(entry, "duration", where),
                    cast=tuple(needed),
                )
            )
        return cls(cast=tuple(cast), scenes=tuple(scenes))


@dataclass(frozen=True)
class ScheduleCost:
    """What an order of scenes costs in cast days on payroll."""

    total_cost: int
    holding_cost: int


@dataclass(frozen=True)
class TalentResult:
    """An order of scenes, what it costs, and how far from optimal it can be at most."""

    order: tuple[Identifier, ...]
    total_cost: int
    holding_cost: int
    lower_bound: int  # proven: no order costs less
    optimal: bool
    seconds: float

    def as_contract(self) -> dict[str, object]:
        return {
            "order": list(self.order),
            "total_cost": self.total_cost,
            "holding_cost": self.holding_cost,
            "lower_bound": self.lower_bound,
            "optimal": self.optimal,
            "seconds": round(self.seconds, 4),
        }


def cost_of(instance: TalentInstance, order: Sequence[Identifier]) -> ScheduleCost:
    """The cost of shooting the scenes in `order` (every scene id exactly once)."""
    by_id = {scene.id: scene for scene in instance.scenes}
    if len(order) != len(by_id) or set(order) != set(by_id):
        raise TalentError("An order must list every scene id exactly once.")
    rate = {member.id: member.daily_cost for member in instance.cast}
    first: dict[Identifier, int] = {}
    last: dict[Identifier, int] = {}
    own_days = 0
    day = 0
    for scene_id in order:
        scene = by_id[scene_id]
        for actor in scene.cast:
            first.setdefault(actor, day)
            last[actor] = day + scene.duration
            own_days += rate[actor] * scene.duration
        day += scene.duration
    total = sum(rate[actor] * (last[actor] - first[actor]) for actor in first)
    return ScheduleCost(total_cost=total, holding_cost=total - own_days)


def solve(instance: TalentInstance, time_limit: float | None = None) -> TalentResult:
    """The cheapest order, proven, or the best found within `time_limit` seconds."""
    started = time.perf_counter()
    if time_limit is not None and not time_limit > 0:
        raise TalentError(f"The time limit must be more than 0 seconds, not {time_limit!r}.")
    if time_limit is not None and math.isinf(time_limit):
        time_limit = None
    deadline = None if time_limit is None else started + time_limit
    actor_index = {member.id: index for index, member in enumerate(instance.cast)}
    problem = reduce_problem(
        [scene.duration for scene in instance.scenes],
        [[actor_index[actor] for actor in scene.cast] for scene in instance.scenes],
        [member.daily_cost for member in instance.cast],
    )
    bound = RemainingBound(problem)
    # A quick greedy order (and a narrow beam) to start from; proving is the exact search's job.
    order, cost = good_order(
        problem,
        bound,
        until=started + (1.0 if time_limit is None else 0.02 * time_limit),
        max_width=4,
    )
    # With a time limit, the last tenth (at most 5 s) goes to wider beams if nothing is proven.
    reserve = 0.0 if time_limit is None else min(0.1 * time_limit, 5.0)

    search_deadline = None if deadline is None else deadline - reserve
    lower = 0
    if problem.scene_count <= MAX_SCENES:
        # Easy instances (the films among them) are proved by the one-state-at-a-time search
        # before the layered one has set up its arrays; it gets a few tenths of a second.
        quick = search(
            problem,
            bound,
            incumbent=order,
            incumbent_cost=cost,
            deadline=_earliest(search_deadline, time.perf_counter() + 0.3),
            max_states=100_000,
        )
        order, cost, lower = list(quick.order), quick.cost, quick.lower_bound
    if problem.scene_count <= MAX_SCENES and cost > lower:
        # The layered search in numpy is much the faster. The heuristic finishing the layers'
        # most promising sets gets a moment each.
        finish = 0.01 + 0.003 * problem.scene_count

        def finish_order(prefix: list[int]) -> tuple[Sequence[int], int]:
            return complete_order(problem, bound, prefix, time.perf_counter() + finish)

        # Passes with ever larger layers: a pass whose layers had to be cut short still proves
        # that nothing is cheaper than where it cut them, and finds better orders on the way.
        # On an instance too large to prove, the best-first search below finds a better bound
        # in the same time, so it gets the larger part of it; past 40 scenes (where 60 s proves
        # none of the published random instances) nearly all of it.
        max_layer = 1 << 13
        share = 0.4 if problem.scene_count <= 40 else 0.1
        layered_deadline = (
            None if search_deadline is None else started + share * (search_deadline - started)
        )
        while cost > lower and (layered_deadline is None or time.perf_counter() < layered_deadline):
            layered = layered_search(
                problem,
                incumbent=tuple(order),
                incumbent_cost=cost,
                deadline=layered_deadline,
                complete=finish_order,
                max_layer=max_layer,
            )
            order, cost = list(layered.order), layered.cost
            lower = max(lower, layered.lower_bound)
            if max_layer >= _LARGEST_LAYER:
                break
            max_layer *= 4
    if cost > lower and (search_deadline is None or time.perf_counter() < search_deadline):

        def complete(prefix: Sequence[int], until: float) -> tuple[Sequence[int], int]:
            return complete_order(problem, bound, prefix, until)

        outcome = search(
            problem,
            bound,
            incumbent=order,
            incumbent_cost=cost,
            deadline=search_deadline,
            complete=complete,
            complete_every=2.0 if time_limit is None else max(0.25, time_limit) / 20,
        )
        order, cost = list(outcome.order), outcome.cost
        lower = max(lower, outcome.lower_bound)
    if deadline is not None and cost > lower:
        order, cost = good_order(
            problem, bound, until=deadline, max_width=1 << 20, start=(order, cost)
        )
    scene_order = tuple(instance.scenes[scene].id for scene in problem.expand(order))
    reckoned = cost_of(instance, scene_order)
    lower_bound = min(lower + problem.constant, reckoned.total_cost)
    return TalentResult(
        order=scene_order,
        total_cost=reckoned.total_cost,
        holding_cost=reckoned.holding_cost,
        lower_bound=lower_bound,
        optimal=lower_bound == reckoned.total_cost,
        seconds=time.perf_counter() - started,
    )


# A layer of the exact search holds at most this many sets of scenes (a few hundred MB).
_LARGEST_LAYER = 1 << 20


def _earliest(deadline: float | None, other: float) -> float:
    return other if deadline is None else min(deadline, other)


def _is_whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_id(value: object, what: str) -> None:
    if not (isinstance(value, str | int) and not isinstance(value, bool)):
        raise TalentError(f"{what} has id {value!r}: an id must be a string or a whole number.")


def _identifier(entry: Mapping[str, object], key: str, where: str) -> Identifier:
    value = _field(entry, key, where)
    if isinstance(value, str | int) and not isinstance(value, bool):
        return value
    raise TalentError(f'{where} "{key}" is {value!r}: an id must be a string or a whole number.')


def _whole(entry: Mapping[str, object], key: str, where: str) -> int:
    value = _field(entry, key, where)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise TalentError(f'{where} "{key}" is {value!r}: it must be a whole number.')


def _json_type(value: object) -> str:
    return {list: "list", str: "string", int: "number", float: "number", bool: "boolean"}.get(
        type(value), "null" if value is None else type(value).__name__
    )


def _entries(document: Mapping[str, object], key: str) -> list[tuple[str, Mapping[str, object]]]:
    if key not in document:
        raise TalentError(f'The instance has no "{key}" list; it needs "cast" and "scenes".')
    entries = document[key]
    if not isinstance(entries, list):
        raise TalentError(f'"{key}" must be a list, not a {_json_type(entries)}.')
    for position, entry in enumerate(entries):
        if not isinstance(entry, Mapping):
            raise TalentError(f"{key}[{position}] must be an object, not a {_json_type(entry)}.")
    return [(f"{key}[{position}]", entry) for position, entry in enumerate(entries)]


def _field(entry: Mapping[str, object], key: str, where: str) -> object:
    if key not in entry:
        raise TalentError(f'{where} has no "{key}".')
    return entry[key]
