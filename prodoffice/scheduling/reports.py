"""What the schedule reports print: the one-line schedule, the shooting schedule, Day Out of Days.

Each builder reads a schedule in a constant number of queries, whatever its length, and returns
plain dataclasses that the pages, `pdf` and `exports` lay out. Only accepted breakdown tags are
reported: departments budget and prep from these pages, as from the breakdown sheets.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from django.db.models import Prefetch
from django.utils import timezone

from prodoffice.domain.scheduling.calendar import CalendarDay, DayKind
from prodoffice.domain.scheduling.constraints import pages
from prodoffice.domain.scheduling.dood import Code, DoodTotals, ElementDays, day_out_of_days
from prodoffice.domain.scheduling.locations import default_location
from prodoffice.domain.screenplay.breakdown import Category
from prodoffice.scheduling import selectors
from prodoffice.scheduling.models import Schedule, SetLocation, ShootDay, Strip
from prodoffice.scripts.choices import TagState
from prodoffice.scripts.models import BreakdownElement, Scene, SceneElement

# What a Day Out of Days can be drawn for, as its address names it, with the column heading.
DOOD_OF = {
    "cast": "Cast",
    "locations": "Locations",
    "sets": "Sets",
    "vehicles": "Vehicles",
    "animals": "Animals",
}
# The element categories whose DOOD comes from breakdown tags; sets and locations come from the
# scenes' sets.
_DOOD_CATEGORIES = {"vehicles": Category.VEHICLES, "animals": Category.ANIMALS}

LEGEND: list[tuple[str, str]] = [
    (Code.START_WORK, "start work"),
    (Code.WORK, "work"),
    (Code.WORK_FINISH, "work finish"),
    (Code.START_WORK_FINISH, "start, work and finish on one day"),
    (Code.HOLD, "hold: paid, not working"),
    (Code.TRAVEL, "travel"),
    (Code.REHEARSAL, "rehearsal"),
    (Code.FITTING, "fitting"),
    (Code.HOLIDAY, "holiday"),
    (Code.DROP, "drop (off payroll until the pick-up)"),
    (Code.PICK_UP, "pick-up"),
    (Code.START_WORK_DROP, "start work, then drop"),
    (Code.PICK_UP_FINISH, "pick up, work and finish"),
    (Code.PICK_UP_DROP, "pick up, work, then drop"),
]


@dataclass(frozen=True)
class ElementGroup:
    """One breakdown category of a scene, names as printed (cast as "1. JUNE")."""

    category: str
    label: str
    names: list[str]


@dataclass(frozen=True)
class SceneLine:
    """A strip as the reports print it."""

    scene: Scene
    cast: str  # cast numbers, then anyone not yet cast by name: "1, 4, EZRA"
    elements: list[ElementGroup]  # every category with an accepted element, in sheet order

    @property
    def pages(self) -> str:
        return pages(self.scene.eighths)


@dataclass(frozen=True)
class ReportDay:
    day: ShootDay
    lines: list[SceneLine]
    eighths: int
    banners: list[str]  # what the board says across the head of the day: "Company move to ..."

    @property
    def is_shoot(self) -> bool:
        return self.day.kind == DayKind.SHOOT

    @property
    def pages(self) -> str:
        return pages(self.eighths)


@dataclass(frozen=True)
class ScheduleReport:
    """The stripboard in day order, for the one-liner and the shooting schedule."""

    schedule: Schedule
    days: list[ReportDay]
    boneyard: list[SceneLine]
    eighths: int
    shoot_days: int
    printed: date

    @property
    def pages(self) -> str:
        return pages(self.eighths)

    @property
    def boneyard_pages(self) -> str:
        return pages(sum(line.scene.eighths for line in self.boneyard))


def printed_on(schedule: Schedule) -> date:
    """Today where the production shoots: the date a printed report carries."""
    return timezone.localdate(timezone=ZoneInfo(schedule.production.time_zone))


def schedule_report(schedule: Schedule) -> ScheduleReport:
    """Every day of the schedule with its scenes and their accepted breakdown, in 4 queries."""
    accepted = SceneElement.objects.filter(state=TagState.ACCEPTED).select_related("element__cast")
    strips = (
        Strip.objects.filter(schedule=schedule)
        .select_related("scene")
        .prefetch_related(Prefetch("scene__tags", queryset=accepted, to_attr="accepted_tags"))
        .order_by("order", "pk")
    )
    by_day: dict[int | None, list[SceneLine]] = {}
    for strip in strips:
        by_day.setdefault(strip.day_id, []).append(_scene_line(strip.scene))
    days = []
    for day in schedule.days.order_by("order").prefetch_related("banners"):
        lines = by_day.get(day.pk, [])
        banners = [banner.text for banner in day.banners.all()]
        days.append(ReportDay(day, lines, sum(line.scene.eighths for line in lines), banners))
    return ScheduleReport(
        schedule=schedule,
        days=days,
        boneyard=by_day.get(None, []),
        eighths=sum(d.eighths for d in days),
        shoot_days=sum(1 for d in days if d.is_shoot),
        printed=printed_on(schedule),
    )


def _scene_line(scene: Scene) -> SceneLine:
    tags: list[SceneElement] = scene.accepted_tags  # type: ignore[attr-defined]  # prefetched
    by_category: dict[str, list[SceneElement]] = {}
    for tag in tags:
        by_category.setdefault(tag.element.category, []).append(tag)
    cast = _in_cast_order(by_category.get(Category.CAST.value, []))
    groups = []
    for category in Category:
        listed = by_category.get(category.value)
        if not listed:
            continue
        if category is Category.CAST:
            names = [_cast_name(tag) for tag in cast]
        else:
            names = sorted((tag.element.name for tag in listed), key=str.casefold)
        groups.append(ElementGroup(category.value, category.label, names))
    numbers = [
        str(tag.element.cast.cast_number)
        if tag.element.cast and tag.element.cast.cast_number
        else tag.element.name
        for tag in cast
    ]
    return SceneLine(scene=scene, cast=", ".join(numbers), elements=groups)


def _cast_number(tag: SceneElement) -> int | None:
    return tag.element.cast.cast_number if tag.element.cast else None


def _in_cast_order(tags: Iterable[SceneElement]) -> list[SceneElement]:
    # Cast-number order, as on the call sheet; anyone not yet cast after, by name.
    return sorted(tags, key=lambda t: (_cast_number(t) or 10**6, t.element.name.casefold()))


def _cast_name(tag: SceneElement) -> str:
    number = _cast_number(tag)
    return f"{number}. {tag.element.name}" if number else tag.element.name


@dataclass(frozen=True)
class DoodLine:
    label: str  # "1. JUNE HALLORAN", "MOTEL ROOM", "PICKUP TRUCK"
    codes: tuple[Code, ...]  # one per day of the schedule
    totals: DoodTotals


@dataclass(frozen=True)
class DoodSheet:
    """A Day Out of Days of one kind of element: a line per element, a code per day."""

    schedule: Schedule
    of: str  # a key of DOOD_OF
    days: list[ShootDay]
    lines: list[DoodLine]
    printed: date

    @property
    def title(self) -> str:
        return DOOD_OF[self.of]

    @property
    def is_cast(self) -> bool:
        return self.of == "cast"

    @property
    def totals_columns(self) -> list[tuple[str, str]]:
        """The totals printed after the days: (DoodTotals field, heading)."""
        columns = [("work", "Work"), ("hold", "Hold")]
        if self.is_cast:
            columns += [("travel", "Travel"), ("rehearsal", "Reh"), ("fitting", "Fit")]
        columns += [("holiday", "Hol"), ("idle", "Idle"), ("total", "Total")]
        if self.is_cast:
            return [*columns, ("start", "Start"), ("finish", "Finish")]
        return [*columns, ("start", "First"), ("finish", "Last")]

    @property
    def legend(self) -> list[tuple[str, str]]:
        """The codes this sheet uses, explained; SW, W, H and WF always, to read any sheet by."""
        used = {code for line in self.lines for code in line.codes}
        always = {Code.START_WORK, Code.WORK, Code.WORK_FINISH, Code.HOLD}
        return [(code, meaning) for code, meaning in LEGEND if code in used | always]


def day_label(day: ShootDay) -> str:
    """The column heading of a day: its number, or what kind of day it is."""
    if day.number:
        return str(day.number)
    return {DayKind.OFF: "Off", DayKind.HOLIDAY: "Hol", DayKind.TRAVEL: "Trv"}.get(
        DayKind(day.kind), day.get_kind_display()
    )


def dood_sheet(schedule: Schedule, of: str) -> DoodSheet:
    """The Day Out of Days of the cast (as the DOOD page shows it) or of other elements.

    Locations, sets and vehicles get the cast's codes: SW on the first day in use, WF on the
    last, H on shoot days between when they are not used (a location or a picture car is
    usually held, and paid, from the first day to the last). Nothing is ever dropped here.
    """
    if of == "cast":
        table = selectors.day_out_of_days_table(schedule)
        lines = [DoodLine(_element_label(row.element), row.codes, row.totals) for row in table.rows]
        return DoodSheet(schedule, of, table.days, lines, printed_on(schedule))
    days = list(schedule.days.order_by("order"))
    if of in {"sets", "locations"}:
        work = _set_days(schedule, by_location=of == "locations")
    else:
        work = _tagged_days(schedule, of)
    calendar = [CalendarDay(DayKind(d.kind), d.number, d.date) for d in days]
    ordered = sorted(work, key=str.casefold)
    rows = day_out_of_days(
        calendar, {label: ElementDays(work=work[label], drops=()) for label in ordered}
    )
    lines = [DoodLine(row.element, row.codes, row.totals) for row in rows]
    return DoodSheet(schedule, of, days, lines, printed_on(schedule))


def _element_label(element: BreakdownElement) -> str:
    cast = element.cast
    return f"{cast.cast_number}. {element.name}" if cast and cast.cast_number else element.name


def _set_days(schedule: Schedule, *, by_location: bool) -> dict[str, set[int]]:
    """Shoot-day numbers of each set, or of each location its sets are shot at.

    A set's location is the office's answer on the rules page, or else the place its heading
    names (DINER - KITCHEN is at the DINER); names that differ only in case are one set.
    """
    strips = Strip.objects.filter(schedule=schedule, day__number__isnull=False).values_list(
        "scene__set_name", "scene__heading", "day__number"
    )
    chosen: dict[str, str] = {}
    if by_location:
        chosen = dict(
            SetLocation.objects.filter(production=schedule.production_id).values_list(
                "set_name", "location"
            )
        )
    label: dict[str, str] = {}
    work: dict[str, set[int]] = {}
    for set_name, heading, number in strips:
        name = " ".join((set_name or heading).split())
        if by_location:
            name = chosen.get(set_name) or default_location(name)
        key = label.setdefault(name.casefold(), name)
        work.setdefault(key, set()).add(number)
    return work


def _tagged_days(schedule: Schedule, of: str) -> dict[str, set[int]]:
    """Shoot-day numbers of each accepted element of a category, from its scenes' days."""
    # One filter() call, so the state and the category are those of the same tag.
    used = Strip.objects.filter(
        schedule=schedule,
        day__number__isnull=False,
        scene__tags__state=TagState.ACCEPTED,
        scene__tags__element__category=_DOOD_CATEGORIES[of].value,
    ).values_list("scene__tags__element__name", "day__number")
    work: dict[str, set[int]] = {}
    for name, number in used:
        work.setdefault(name, set()).add(number)
    return work
