"""Quick schedules: the coordinator's first pass by hand, and a greedy one that keeps the rules.

`baseline` is what the optimizer is measured against; `greedy` gives the solver a first
schedule that keeps every rule when it can; `order_day` puts one day's scenes in shooting
order so the company moves as little as possible.
"""

from __future__ import annotations

from collections.abc import Sequence

from prodoffice.domain.scheduling.shoot_plan_cost import paid_days
from prodoffice.domain.scheduling.shoot_plan_feasibility import Unit
from prodoffice.domain.scheduling.shoot_plan_instance import (
    PlanScene,
    ShootPlanInstance,
    turnaround_pairs,
)


def baseline(instance: ShootPlanInstance) -> dict[str, list[str]]:
    """The coordinator's first pass by hand: sort by location, then by cast, fill the days.

    Exactly: locations are taken in the order they first appear in the script (the order of
    `instance.scenes`), scenes without a location after all the others. Within a location,
    scenes are sorted by their cast, each cast written as its members' positions in the cast
    list (#1 on the call sheet first) and compared position by position, so scenes with the
    same people sit side by side; ties keep script order. The sorted strips are then cut into
    days in date order: a strip goes on the current day if it fits what is left of the day's
    capacity, otherwise on the next day that has room for it; a strip that fits no later day
    stays unscheduled. Availability, must-shoot-by dates, together groups and fixed days are
    not looked at, as on a first pass; `broken_constraints` shows what that costs.
    """
    location_rank: dict[str, int] = {}
    for scene in instance.scenes:
        if scene.location is not None:
            location_rank.setdefault(scene.location, len(location_rank))
    cast_rank = {member.id: position for position, member in enumerate(instance.cast)}

    def key(item: tuple[int, PlanScene]) -> tuple[int, list[int], int]:
        position, scene = item
        where = len(location_rank) if scene.location is None else location_rank[scene.location]
        return where, sorted(cast_rank[member] for member in scene.cast), position

    strips = [scene for _, scene in sorted(enumerate(instance.scenes), key=key)]
    days: dict[str, list[str]] = {day.id: [] for day in instance.days}
    room = [day.capacity for day in instance.days]
    current = 0
    for scene in strips:
        fits = [d for d in range(current, len(room)) if scene.size <= room[d]]
        if not fits:
            continue
        current = fits[0]
        days[instance.days[current].id].append(scene.id)
        room[current] -= scene.size
    return days


def greedy(instance: ShootPlanInstance, found: Sequence[Unit]) -> dict[str, list[str]]:
    """Each unit on the allowed day with room where it adds least cost; none may be left out.

    Pinned and tightly limited units go first, then the rest in script order; a unit whose
    allowed days are full is left unscheduled (the solver or the caller then has to do better).
    """
    dates = [day.date for day in instance.days]
    room = [day.capacity for day in instance.days]
    work: dict[str, list[int]] = {member.id: [] for member in instance.cast}
    cast = {member.id: member for member in instance.cast}
    used: list[set[str]] = [set() for _ in instance.days]
    days: dict[str, list[str]] = {day.id: [] for day in instance.days}
    follows = set(turnaround_pairs(instance.days))
    night_on = [False] * len(instance.days)
    daylight_on = [False] * len(instance.days)

    def rested(unit: Unit, day: int) -> bool:
        """Whether the unit on `day` keeps the turnaround with what is already placed."""
        scenes = [instance.scenes[member] for member in unit.scenes]
        if any(s.night for s in scenes) and (day, day + 1) in follows and daylight_on[day + 1]:
            return False
        daylight = not all(s.night for s in scenes)
        return not (daylight and (day - 1, day) in follows and night_on[day - 1])

    def added_cost(unit: Unit, day: int) -> tuple[int, int, int, int]:
        scenes = [instance.scenes[member] for member in unit.scenes]
        people = {member for scene in scenes for member in scene.cast}
        extra = 0
        for member in people:
            worked, allowed = work[member], cast[member].drops_allowed
            before = paid_days(dates, worked, instance.drop_minimum_gap, allowed)[0]
            after = paid_days(dates, [*worked, day], instance.drop_minimum_gap, allowed)[0]
            extra += cast[member].daily_cost * (after - before)
        places = {scene.location for scene in scenes if scene.location is not None}
        moves = max(0, len(places | used[day]) - 1) - max(0, len(used[day]) - 1)
        return extra + instance.company_move_cost * moves, moves, -len(used[day]), day

    order = sorted(
        found,
        key=lambda unit: (
            len(unit.allowed) >= len(instance.days),
            len(unit.allowed),
            unit.scenes[0],
        ),
    )
    for unit in order:
        open_days = [day for day in unit.allowed if room[day] >= unit.size and rested(unit, day)]
        if not open_days:
            continue
        day = min(open_days, key=lambda candidate: added_cost(unit, candidate))
        room[day] -= unit.size
        for member in unit.scenes:
            scene = instance.scenes[member]
            days[instance.days[day].id].append(scene.id)
            if scene.night:
                night_on[day] = True
            else:
                daylight_on[day] = True
            for person in scene.cast:
                work[person].append(day)
            if scene.location is not None:
                used[day].add(scene.location)
    return days


def order_day(
    instance: ShootPlanInstance, scene_ids: Sequence[str], arrive_from: str | None
) -> list[str]:
    """One day's scenes grouped by location, starting where the previous day ended.

    Locations follow their first appearance in the script; scenes without a location go last;
    within a location, script order.
    """
    position = {scene.id: index for index, scene in enumerate(instance.scenes)}
    location = {scene.id: scene.location for scene in instance.scenes}
    ordered = sorted(scene_ids, key=position.__getitem__)
    first_seen: dict[str, int] = {}
    for scene_id in ordered:
        where = location[scene_id]
        if where is not None:
            first_seen.setdefault(where, len(first_seen))
    if arrive_from in first_seen:
        first_seen[arrive_from] = -1

    def key(scene_id: str) -> int:
        where = location[scene_id]
        return len(first_seen) if where is None else first_seen[where]

    return sorted(ordered, key=key)


def order_days(instance: ShootPlanInstance, days: dict[str, list[str]]) -> dict[str, list[str]]:
    """Every day put in shooting order by `order_day`, each starting where the last ended."""
    location = {scene.id: scene.location for scene in instance.scenes}
    ordered: dict[str, list[str]] = {}
    last: str | None = None
    for day in instance.days:
        ordered[day.id] = order_day(instance, days.get(day.id, []), last)
        ends = [location[scene] for scene in ordered[day.id] if location[scene] is not None]
        last = ends[-1] if ends else last
    return ordered
