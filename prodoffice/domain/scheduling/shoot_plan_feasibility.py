"""Which days each scene can go on, and the conflicts that make a schedule impossible.

Scenes shot together form one unit (their allowed days intersect, their sizes add up). The
checks here name the scenes, days, cast and locations involved, so most impossible instances
are explained before the solver runs; `shoot_plan_diagnose` covers the rest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from prodoffice.domain.scheduling.shoot_plan_instance import PlanScene, ShootPlanInstance


@dataclass(frozen=True)
class Unit:
    """Scenes that go on one day together (a single scene, or a together group)."""

    scenes: tuple[int, ...]  # indexes into instance.scenes
    size: int
    allowed: tuple[int, ...]  # indexes of the days every one of them can go on


def day_reasons(instance: ShootPlanInstance, scene: PlanScene) -> list[list[str]]:
    """For each shoot day, why the scene cannot go on it (empty: it can)."""
    cast = {member.id: member for member in instance.cast}
    locations = {location.id: location for location in instance.locations}
    reasons: list[list[str]] = []
    for day in instance.days:
        why = []
        if scene.fixed_day is not None and scene.fixed_day != day.id:
            why.append(f"it is fixed to day {scene.fixed_day}")
        if scene.size > day.capacity:
            why.append(f"its size {scene.size} is more than the day's capacity")
        why.extend(
            f"cast {member} is unavailable"
            for member in scene.cast
            if day.date in cast[member].unavailable
        )
        if scene.location is not None and day.date in locations[scene.location].unavailable:
            why.append(f"location {scene.location} is unavailable")
        if scene.must_shoot_by is not None and day.date > scene.must_shoot_by:
            why.append(f"it is after the must-shoot-by date {scene.must_shoot_by}")
        reasons.append(why)
    return reasons


def units(instance: ShootPlanInstance) -> list[Unit]:
    """Scenes merged by together groups (a scene in two groups joins them), in script order."""
    index = {scene.id: position for position, scene in enumerate(instance.scenes)}
    parent = list(range(len(instance.scenes)))

    def root(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for group in instance.together:
        members = [index[scene] for scene in group]
        for member in members[1:]:
            parent[root(member)] = root(members[0])
    grouped: dict[int, list[int]] = {}
    for position in range(len(instance.scenes)):
        grouped.setdefault(root(position), []).append(position)
    found = []
    for members in grouped.values():
        allowed = set(range(len(instance.days)))
        for member in members:
            reasons = day_reasons(instance, instance.scenes[member])
            allowed &= {day for day, why in enumerate(reasons) if not why}
        size = sum(instance.scenes[member].size for member in members)
        found.append(Unit(tuple(members), size, tuple(sorted(allowed))))
    return sorted(found, key=lambda unit: unit.scenes[0])


def conflicts(instance: ShootPlanInstance, found: Sequence[Unit]) -> list[str]:
    """Reasons no schedule can exist, each naming the items involved (empty: none found)."""
    problems = []
    days = instance.days
    for unit in found:
        names = [instance.scenes[member].id for member in unit.scenes]
        if len(unit.scenes) == 1:
            if not unit.allowed:
                scene = instance.scenes[unit.scenes[0]]
                reasons = day_reasons(instance, scene)
                fixed = [d for d, day in enumerate(days) if day.id == scene.fixed_day]
                if fixed:
                    problems.append(
                        f"Scene {scene.id} is fixed to day {scene.fixed_day}, but on that day "
                        + ", and ".join(reasons[fixed[0]])
                        + "."
                    )
                else:
                    problems.append(
                        f"Scene {scene.id} has no shoot day it can go on: "
                        + _why(instance, reasons)
                        + "."
                    )
            continue
        if not unit.allowed:
            alone = []
            for member in unit.scenes:
                scene = instance.scenes[member]
                ok = [days[d].id for d, why in enumerate(day_reasons(instance, scene)) if not why]
                alone.append(f"{scene.id} on {_list(ok) or 'no day'}")
            problems.append(
                f"Scenes {', '.join(names)} must be shot together but share no day they can all "
                f"go on ({'; '.join(alone)})."
            )
        elif unit.size > max(days[d].capacity for d in unit.allowed):
            problems.append(
                f"Scenes {', '.join(names)} must be shot together and total {unit.size}; no day "
                f"they can share holds that much (the most is "
                f"{max(days[d].capacity for d in unit.allowed)})."
            )
    for day in days:
        pinned = [scene for scene in instance.scenes if scene.fixed_day == day.id]
        if sum(scene.size for scene in pinned) > day.capacity:
            problems.append(
                f"Scenes {', '.join(scene.id for scene in pinned)} are fixed to day {day.id} and "
                f"total {sum(scene.size for scene in pinned)}; its capacity is {day.capacity}."
            )
    deadlines = sorted({s.must_shoot_by for s in instance.scenes if s.must_shoot_by is not None})
    for deadline in deadlines:
        due = [s for s in instance.scenes if s.must_shoot_by and s.must_shoot_by <= deadline]
        room = sum(day.capacity for day in days if day.date <= deadline)
        if sum(scene.size for scene in due) > room:
            problems.append(
                f"Scenes {', '.join(s.id for s in due)} must be shot by {deadline} and total "
                f"{sum(s.size for s in due)}; the shoot days up to then hold {room}."
            )
    total = sum(scene.size for scene in instance.scenes)
    room = sum(day.capacity for day in days)
    if total > room:
        problems.append(
            f"The scenes total {total} but the shoot days hold {room}; add days or raise their "
            f"capacity by {total - room} in all."
        )
    return problems


def _why(instance: ShootPlanInstance, reasons: list[list[str]]) -> str:
    by_reason: dict[str, list[str]] = {}
    for day, why in zip(instance.days, reasons, strict=True):
        for reason in why:
            by_reason.setdefault(reason, []).append(day.id)
    everyday = len(instance.days)
    return "; ".join(
        f"{reason} on {'every day' if len(ids) == everyday else 'day(s) ' + _list(ids)}"
        for reason, ids in by_reason.items()
    )


def _list(ids: Sequence[str], most: int = 8) -> str:
    shown = ", ".join(ids[:most])
    return shown + (f" and {len(ids) - most} more" if len(ids) > most else "")
