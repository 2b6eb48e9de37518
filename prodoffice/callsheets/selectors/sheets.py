"""Call sheets a member may see, and the shoot days of the current schedule with their sheets."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from prodoffice.callsheets.models import Call, CallSheet
from prodoffice.domain.access import Capability
from prodoffice.domain.scheduling.calendar import DayKind
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.models import Production
from prodoffice.scheduling.models import Schedule, ShootDay


def call_sheets(access: ProductionAccess) -> QuerySet[CallSheet]:
    access.require(Capability.VIEW_CALL_SHEETS)
    return CallSheet.objects.filter(production=access.production).select_related(
        "day", "schedule", "production"
    )


def access_call_sheet(access: ProductionAccess, pk: int) -> CallSheet:
    sheet = call_sheets(access).filter(pk=pk).first()
    if sheet is None:
        raise Http404("No such call sheet.")
    return sheet


def access_call(sheet: CallSheet, pk: int) -> Call:
    call = (
        Call.objects.select_related("engagement__contact", "engagement__department")
        .filter(pk=pk, call_sheet=sheet)
        .first()
    )
    if call is None:
        raise Http404("No such call on this sheet.")
    return call


def current_schedule(production: Production) -> Schedule | None:
    return Schedule.objects.filter(production=production, is_current=True).first()


@dataclass(frozen=True)
class DaySheet:
    """A shoot day of the current schedule and its call sheet, if one has been made."""

    day: ShootDay
    sheet: CallSheet | None

    @property
    def status(self) -> str:
        return status_label(self.sheet) if self.sheet else "No call sheet"


def status_label(sheet: CallSheet) -> str:
    if sheet.status == CallSheet.Status.PUBLISHED:
        return f"Published v{sheet.version}"
    if sheet.version > 1:
        return f"Draft v{sheet.version} (revised, not yet sent)"
    return "Draft"


def shoot_day_sheets(access: ProductionAccess, schedule: Schedule) -> list[DaySheet]:
    """The schedule's shoot days in order, each with its call sheet: two queries."""
    access.require(Capability.VIEW_CALL_SHEETS)
    days = schedule.days.filter(kind=DayKind.SHOOT).order_by("order")
    sheets = {s.day_id: s for s in CallSheet.objects.filter(schedule=schedule)}
    return [DaySheet(day, sheets.get(day.pk)) for day in days]


def shoot_day(schedule: Schedule, number: int) -> ShootDay | None:
    return schedule.days.filter(kind=DayKind.SHOOT, number=number).first()


def day_sheet(schedule: Schedule, day: ShootDay) -> CallSheet | None:
    return (
        CallSheet.objects.select_related("day", "schedule", "production")
        .filter(schedule=schedule, day=day)
        .first()
    )
