"""What the day-based optimizer is given: shoot days, scenes, cast, locations and the rules.

`shoot_plan` is the module to import; this one holds the instance, its checks and its JSON
form so the cost and the solver stay short.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from prodoffice.domain.scheduling import shoot_plan_json as read

# SAG-AFTRA's consecutive-employment rule for a film shot in the USA (see `dood.DropRule`).
DEFAULT_DROP_MINIMUM_GAP = 10

_TOP_KEYS = frozenset(
    {"days", "scenes", "cast", "locations", "together", "drop_minimum_gap", "company_move_cost"}
)
_INFORMATIONAL = frozenset({"name", "unit", "description"})


class PlanError(ValueError):
    """An instance, an assignment or a set of constraints the optimizer cannot take.

    The message names the offending items; `problems` lists them one by one.
    """

    def __init__(self, problems: str | Iterable[str]) -> None:
        self.problems = (problems,) if isinstance(problems, str) else tuple(problems)
        if len(self.problems) == 1:
            message = self.problems[0]
        else:
            message = f"{len(self.problems)} problems:\n" + "\n".join(
                f"- {problem}" for problem in self.problems
            )
        super().__init__(message)


@dataclass(frozen=True)
class PlanDay:
    """A shoot day and how much it can hold, in the unit of scene sizes (eighths or minutes)."""

    id: str
    date: date
    capacity: int


@dataclass(frozen=True)
class PlanCast:
    """A performer, the daily rate, the dates they cannot work, and whether a drop is allowed."""

    id: str
    daily_cost: int
    unavailable: frozenset[date] = frozenset()
    may_drop: bool = True
    name: str = ""
    # SAG-AFTRA lets a drop and pick-up be used once per performer (see `dood.DropRule`).
    max_drops: int = 1

    @property
    def drops_allowed(self) -> int:
        return self.max_drops if self.may_drop else 0


@dataclass(frozen=True)
class PlanLocation:
    """A location and the dates it cannot be used."""

    id: str
    unavailable: frozenset[date] = frozenset()
    name: str = ""


@dataclass(frozen=True)
class PlanScene:
    """A strip: its size, cast, location, latest date and, when pinned, its shoot day."""

    id: str
    size: int
    cast: tuple[str, ...]
    location: str | None = None
    must_shoot_by: date | None = None
    fixed_day: str | None = None
    name: str = ""
    # Shot at night: the next calendar day may then hold no day work (see `turnaround_pairs`).
    night: bool = False


@dataclass(frozen=True)
class ShootPlanInstance:
    """Everything the day-based optimizer needs to place scenes on shoot days."""

    days: tuple[PlanDay, ...]
    scenes: tuple[PlanScene, ...]
    cast: tuple[PlanCast, ...]
    locations: tuple[PlanLocation, ...] = ()
    together: tuple[tuple[str, ...], ...] = ()
    drop_minimum_gap: int = DEFAULT_DROP_MINIMUM_GAP
    company_move_cost: int = 0

    @classmethod
    def from_json(cls, doc: object) -> ShootPlanInstance:
        """Read the day-based document (docs/optimizer.md); every bad item is named at once."""
        if not isinstance(doc, Mapping):
            raise PlanError(f"The instance must be a JSON object, not a {read.json_type(doc)}.")
        problems: list[str] = []
        read.unknown_keys(doc, _TOP_KEYS | _INFORMATIONAL, "The instance", problems)
        days = []
        for where, entry in read.entries(doc, "days", problems, required=True):
            read.unknown_keys(entry, frozenset({"id", "date", "capacity", "name"}), where, problems)
            day_id = read.required_id(entry, "id", where, problems)
            on = read.iso_date(entry.get("date"), f'{where} "date"', problems)
            capacity = read.whole(entry, "capacity", where, problems)
            if day_id is not None and on is not None and capacity is not None:
                days.append(PlanDay(day_id, on, capacity))
        cast = []
        cast_keys = frozenset({"id", "daily_cost", "unavailable", "may_drop", "max_drops", "name"})
        for where, entry in read.entries(doc, "cast", problems, required=True):
            read.unknown_keys(entry, cast_keys, where, problems)
            cast_id = read.required_id(entry, "id", where, problems)
            cost = read.whole(entry, "daily_cost", where, problems)
            away = read.dates(entry, "unavailable", where, problems)
            may_drop = read.flag(entry, "may_drop", where, problems)
            name = read.text(entry, "name", where, problems)
            max_drops = read.whole(entry, "max_drops", where, problems, default=1)
            if cast_id is not None and cost is not None and max_drops is not None:
                cast.append(PlanCast(cast_id, cost, away, may_drop, name, max_drops))
        locations = []
        for where, entry in read.entries(doc, "locations", problems, required=False):
            read.unknown_keys(entry, frozenset({"id", "unavailable", "name"}), where, problems)
            location_id = read.required_id(entry, "id", where, problems)
            away = read.dates(entry, "unavailable", where, problems)
            name = read.text(entry, "name", where, problems)
            if location_id is not None:
                locations.append(PlanLocation(location_id, away, name))
        scenes = []
        scene_keys = frozenset(
            {"id", "size", "cast", "location", "must_shoot_by", "fixed_day", "name", "night"}
        )
        for where, entry in read.entries(doc, "scenes", problems, required=True):
            read.unknown_keys(entry, scene_keys, where, problems)
            scene_id = read.required_id(entry, "id", where, problems)
            size = read.whole(entry, "size", where, problems)
            scene = PlanScene(
                id=scene_id or "",
                size=size or 0,
                cast=read.ids(entry, "cast", where, problems),
                location=read.optional_id(entry, "location", where, problems),
                must_shoot_by=read.optional_date(entry, "must_shoot_by", where, problems),
                night=read.flag(entry, "night", where, problems, default=False),
                fixed_day=read.optional_id(entry, "fixed_day", where, problems),
                name=read.text(entry, "name", where, problems),
            )
            if scene_id is not None and size is not None:
                scenes.append(scene)
        together = []
        groups = doc.get("together", [])
        if not isinstance(groups, list):
            problems.append(f'"together" must be a list of lists of scene ids, not {groups!r}.')
            groups = []
        for position, group in enumerate(groups):
            together.append(read.ids({"group": group}, "group", f"together[{position}]", problems))
        gap = read.whole(
            doc, "drop_minimum_gap", "The instance", problems, DEFAULT_DROP_MINIMUM_GAP
        )
        move = read.whole(doc, "company_move_cost", "The instance", problems, 0)
        if problems:
            raise PlanError(problems)
        instance = cls(
            days=tuple(days),
            scenes=tuple(scenes),
            cast=tuple(cast),
            locations=tuple(locations),
            together=tuple(together),
            drop_minimum_gap=DEFAULT_DROP_MINIMUM_GAP if gap is None else gap,
            company_move_cost=0 if move is None else move,
        )
        instance.validate()
        return instance

    def validate(self) -> None:
        """Raise PlanError naming every id, size, capacity or rule that does not hold up."""
        problems: list[str] = []
        for kind, items in (
            ("Day", self.days),
            ("Cast", self.cast),
            ("Location", self.locations),
            ("Scene", self.scenes),
        ):
            for item_id, count in Counter(item.id for item in items).items():
                if count > 1:
                    problems.append(f"{kind} id {item_id!r} appears {count} times; ids are unique.")
        if not self.days:
            problems.append("There are no shoot days; add at least one.")
        for day in self.days:
            if not _whole(day.capacity) or day.capacity <= 0:
                problems.append(
                    f"Day {day.id!r} ({day.date}) has capacity {day.capacity!r}: a shoot day "
                    "needs a whole number above 0."
                )
        for before, after in pairwise(self.days):
            if after.date <= before.date:
                problems.append(
                    f"Days {before.id!r} ({before.date}) and {after.id!r} ({after.date}) are "
                    "out of date order; list shoot days by date, one per date."
                )
        for member in self.cast:
            if not _whole(member.daily_cost) or member.daily_cost < 0:
                problems.append(
                    f"Cast {member.id!r} has daily_cost {member.daily_cost!r}: it must be a whole "
                    "number, 0 or more."
                )
            if not _whole(member.max_drops) or member.max_drops < 0:
                problems.append(
                    f"Cast {member.id!r} has max_drops {member.max_drops!r}: it must be a whole "
                    "number, 0 or more."
                )
        cast_ids = {member.id for member in self.cast}
        location_ids = {location.id for location in self.locations}
        day_ids = {day.id for day in self.days}
        for scene in self.scenes:
            problems.extend(_scene_problems(scene, cast_ids, location_ids, day_ids))
        scene_ids = {scene.id for scene in self.scenes}
        for position, group in enumerate(self.together):
            unknown = [scene for scene in group if scene not in scene_ids]
            if unknown:
                problems.append(
                    f"Together group {position + 1} names unknown scene(s) {_names(unknown)}."
                )
            if not group:
                problems.append(f"Together group {position + 1} is empty.")
        for field, value in (
            ("drop_minimum_gap", self.drop_minimum_gap),
            ("company_move_cost", self.company_move_cost),
        ):
            if not _whole(value) or value < 0:
                problems.append(f"{field} is {value!r}: it must be a whole number, 0 or more.")
        if problems:
            raise PlanError(problems)


def _scene_problems(
    scene: PlanScene, cast_ids: set[str], location_ids: set[str], day_ids: set[str]
) -> list[str]:
    problems = []
    if not _whole(scene.size) or scene.size <= 0:
        problems.append(
            f"Scene {scene.id!r} has size {scene.size!r}: it must be a whole number above 0 "
            "(eighths of a page, or minutes)."
        )
    unknown = [member for member in scene.cast if member not in cast_ids]
    if unknown:
        problems.append(f"Scene {scene.id!r} needs cast {_names(unknown)}, not in the cast list.")
    if len(set(scene.cast)) != len(scene.cast):
        problems.append(f"Scene {scene.id!r} lists the same cast member twice.")
    if scene.location is not None and scene.location not in location_ids:
        problems.append(
            f"Scene {scene.id!r} is at location {scene.location!r}, not in the locations list."
        )
    if scene.fixed_day is not None and scene.fixed_day not in day_ids:
        problems.append(f"Scene {scene.id!r} is fixed to day {scene.fixed_day!r}, not a shoot day.")
    return problems


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _names(items: Iterable[str]) -> str:
    return ", ".join(repr(item) for item in items)


def turnaround_pairs(days: tuple[PlanDay, ...]) -> list[tuple[int, int]]:
    """Shoot days (by index) that follow one another on consecutive dates.

    A night's wrap comes in the small hours, so the crew's 10 hours and the cast's 12 hours of
    rest (constraints.CREW_MINIMUM_REST_HOURS, CAST_MINIMUM_REST_HOURS) run past a 7 am call:
    a day with night work is followed on the next date only by night work, or by a day off.
    """
    return [
        (index, index + 1)
        for index in range(len(days) - 1)
        if (days[index + 1].date - days[index].date).days == 1
    ]
