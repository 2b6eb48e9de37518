"""Reads of schedules and the stripboard, scoped by the reader's access."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, QuerySet
from django.http import Http404

from prodoffice.core.errors import RuleBroken
from prodoffice.domain.access import Capability
from prodoffice.domain.scheduling.calendar import CalendarDay, DayKind
from prodoffice.domain.scheduling.dood import (
    DoodRow,
    DropRule,
    ElementDays,
    best_drops,
    day_out_of_days,
)
from prodoffice.people.models import Engagement
from prodoffice.productions.access import ProductionAccess
from prodoffice.scheduling.models import Banner, Schedule, ShootDay, Strip, Unavailability
from prodoffice.scheduling.planning import HEAVY_SCENE_FIELDS, daily_cost
from prodoffice.scripts.models import BreakdownElement
from prodoffice.scripts.selectors import cast_tags_prefetch


def schedules(access: ProductionAccess) -> QuerySet[Schedule]:
    access.require(Capability.VIEW_SCHEDULE)
    return Schedule.objects.filter(production=access.production).select_related("revision__script")


def access_schedule(access: ProductionAccess, pk: int) -> Schedule:
    schedule = schedules(access).filter(pk=pk).first()
    if schedule is None:
        raise Http404("No such schedule.")
    return schedule


def access_strip(access: ProductionAccess, pk: int) -> Strip:
    access.require(Capability.VIEW_SCHEDULE)
    strip = (
        Strip.objects.select_related("schedule", "day")
        .filter(pk=pk, schedule__production=access.production)
        .first()
    )
    if strip is None:
        raise Http404("No such strip.")
    return strip


def access_banner(schedule: Schedule, pk: int) -> Banner:
    banner = Banner.objects.filter(pk=pk, day__schedule=schedule).select_related("day").first()
    if banner is None:
        raise Http404("No such banner.")
    return banner


def shoot_day_numbered(schedule: Schedule, number: int) -> ShootDay:
    day = ShootDay.objects.filter(schedule=schedule, kind=DayKind.SHOOT, number=number).first()
    if day is None:
        raise RuleBroken(f"This schedule has no Day {number}.", field="day_number")
    return day


def access_day(schedule: Schedule, pk: int) -> ShootDay:
    day = ShootDay.objects.filter(pk=pk, schedule=schedule).first()
    if day is None:
        raise Http404("No such day.")
    return day


@dataclass(frozen=True)
class BoardDay:
    day: ShootDay
    strips: list[Strip]
    eighths: int
    over: bool  # more pages than the schedule allows a day
    banners: list[Banner]


@dataclass(frozen=True)
class Stripboard:
    schedule: Schedule
    days: list[BoardDay]
    boneyard: list[Strip]
    eighths: int


def stripboard(schedule: Schedule, strips: Iterable[Strip] | None = None) -> Stripboard:
    """Days in order with their strips, and the boneyard: a constant number of queries.

    `strips`, when given, are the schedule's strips already read (with scene and cast tags),
    in board order, as the planning model reads them.
    """
    strips = (
        strips
        if strips is not None
        else (
            Strip.objects.filter(schedule=schedule)
            .select_related("scene")
            .defer(*HEAVY_SCENE_FIELDS)
            .prefetch_related(cast_tags_prefetch("scene__tags"))
            .order_by("order")
        )
    )
    by_day: dict[int | None, list[Strip]] = {}
    for strip in strips:
        by_day.setdefault(strip.day_id, []).append(strip)
    days = []
    for day in schedule.days.order_by("order").prefetch_related("banners"):
        on_day = by_day.get(day.pk, [])
        eighths = sum(s.scene.eighths for s in on_day)
        over = eighths > schedule.eighths_per_day
        days.append(BoardDay(day, on_day, eighths, over, list(day.banners.all())))
    boneyard = by_day.get(None, [])
    total = sum(d.eighths for d in days)
    return Stripboard(schedule=schedule, days=days, boneyard=boneyard, eighths=total)


@dataclass(frozen=True)
class DoodTable:
    schedule: Schedule
    days: list[ShootDay]
    rows: list[DoodRow[BreakdownElement]]


def day_out_of_days_table(schedule: Schedule) -> DoodTable:
    """The cast's Day Out of Days from where their scenes sit on the stripboard.

    Work days come from the accepted cast of each scene on a shoot day. Each performer is
    dropped across the one gap (SAG-AFTRA allows one) that takes the most holds off payroll,
    where the pick-up is more than the production's minimum gap after the drop: the same rule
    the optimizer costs schedules by.
    """
    days = list(schedule.days.order_by("order"))
    calendar = [CalendarDay(DayKind(d.kind), d.number, d.date) for d in days]
    strips = (
        Strip.objects.filter(schedule=schedule, day__isnull=False)
        .select_related("day")
        .prefetch_related(cast_tags_prefetch("scene__tags"))
    )
    work: dict[BreakdownElement, set[int]] = {}
    for strip in strips:
        for tag in strip.scene.cast_tags:  # type: ignore[attr-defined]
            if strip.day and strip.day.number:
                work.setdefault(tag.element, set()).add(strip.day.number)
    ordered = sorted(
        work, key=lambda e: (e.cast.cast_number if e.cast else 10_000, e.name.casefold())
    )
    rule = DropRule(min_gap_days=schedule.production.drop_minimum_days)
    rows = day_out_of_days(
        calendar,
        {
            element: ElementDays(
                work=work[element],
                drops=best_drops(
                    calendar,
                    work[element],
                    daily_cost=Decimal(daily_cost(element.cast) or 0),
                    rule=rule,
                ).drops,
            )
            for element in ordered
        },
        rule,
    )
    return DoodTable(schedule=schedule, days=days, rows=rows)


def strips_with_rules(schedule: Schedule) -> list[Strip]:
    """Every strip of the schedule in board order, for the rules page."""
    return list(
        Strip.objects.filter(schedule=schedule)
        .select_related("scene", "day")
        .order_by(F("day__order").asc(nulls_last=True), "order")
    )


def unavailability(access: ProductionAccess) -> QuerySet[Unavailability]:
    access.require(Capability.VIEW_SCHEDULE)
    return Unavailability.objects.filter(production=access.production).select_related("element")


@dataclass(frozen=True)
class PersonalDay:
    day: ShootDay
    code: str  # the Day Out of Days code for a performer (SW, W, H ...); "" for crew


def personal_schedule(engagement: Engagement) -> list[PersonalDay]:
    """The shoot days of the current schedule one person is on: a performer's days by the Day
    Out of Days (work, hold, travel ...), a crew member's shoot days within their dates."""
    schedule = Schedule.objects.filter(production=engagement.production_id, is_current=True).first()
    if schedule is None:
        return []
    if engagement.cast_number is None:
        days = schedule.days.filter(kind=DayKind.SHOOT).order_by("order")
        if engagement.start_date:
            days = days.filter(date__gte=engagement.start_date)
        if engagement.end_date:
            days = days.filter(date__lte=engagement.end_date)
        return [PersonalDay(day, "") for day in days]
    table = day_out_of_days_table(schedule)
    row = next((r for r in table.rows if r.element.cast_id == engagement.pk), None)
    if row is None:
        return []
    return [
        PersonalDay(day, str(code))
        for day, code in zip(table.days, row.codes, strict=True)
        if str(code) not in {"", "Hol"}
    ]
