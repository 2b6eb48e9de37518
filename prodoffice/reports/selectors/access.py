"""Reads of daily production reports, scoped to what the member may see."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, QuerySet
from django.http import Http404

from prodoffice.callsheets.models import CallSheet
from prodoffice.domain.access import Capability
from prodoffice.domain.scheduling.calendar import DayKind
from prodoffice.people.models import Engagement
from prodoffice.productions.access import ProductionAccess
from prodoffice.reports.models import (
    BackgroundGroup,
    DailyReport,
    MediaUsed,
    ReportScene,
    TimeEntry,
)
from prodoffice.scheduling.models import Schedule, ShootDay

ZERO = Decimal(0)


def reports(access: ProductionAccess) -> QuerySet[DailyReport]:
    access.require(Capability.VIEW_REPORTS)
    return DailyReport.objects.select_related(
        "production", "day", "call_sheet__schedule", "call_sheet__day"
    ).filter(production=access.production)


def access_report(access: ProductionAccess, pk: int) -> DailyReport:
    report = reports(access).filter(pk=pk).first()
    if report is None:
        raise Http404("No such production report.")
    return report


def access_entry(report: DailyReport, pk: int) -> TimeEntry:
    entry = (
        TimeEntry.objects.select_related("report__production", "engagement__contact")
        .filter(pk=pk, report=report)
        .first()
    )
    if entry is None:
        raise Http404("No such person on this report.")
    return entry


def access_report_scene(report: DailyReport, pk: int) -> ReportScene:
    scene = (
        ReportScene.objects.select_related("report__production", "report__call_sheet__schedule")
        .filter(pk=pk, report=report)
        .first()
    )
    if scene is None:
        raise Http404("No such scene on this report.")
    return scene


@dataclass(frozen=True)
class DayReport:
    """A shoot day of the current schedule, its call sheet and its DPR, where made."""

    day: ShootDay
    sheet: CallSheet | None
    report: DailyReport | None


def day_reports(access: ProductionAccess, schedule: Schedule) -> list[DayReport]:
    access.require(Capability.VIEW_REPORTS)
    sheets = {
        sheet.day_id: sheet
        for sheet in CallSheet.objects.filter(schedule=schedule).select_related("report")
    }
    days = schedule.days.filter(kind=DayKind.SHOOT).order_by("order")
    rows = []
    for day in days:
        sheet = sheets.get(day.pk)
        report = getattr(sheet, "report", None) if sheet is not None else None
        rows.append(DayReport(day=day, sheet=sheet, report=report))
    return rows


def day_report(schedule: Schedule, day: ShootDay) -> DailyReport | None:
    return (
        DailyReport.objects.select_related("production", "day", "call_sheet__schedule")
        .filter(call_sheet__schedule=schedule, day=day)
        .first()
    )


def access_background(report: DailyReport, pk: int) -> BackgroundGroup:
    group = BackgroundGroup.objects.select_related("report").filter(pk=pk, report=report).first()
    if group is None:
        raise Http404("No such background group on this report.")
    return group


def access_media(report: DailyReport, pk: int) -> MediaUsed:
    media = MediaUsed.objects.select_related("report").filter(pk=pk, report=report).first()
    if media is None:
        raise Http404("No such media line on this report.")
    return media


def later_days(report: DailyReport) -> list[ShootDay]:
    """The shoot days after the report's, where an unfinished scene can go."""
    return list(
        ShootDay.objects.filter(
            schedule_id=report.call_sheet.schedule_id,
            kind=DayKind.SHOOT,
            date__gt=report.day.date,
        ).order_by("order")
    )


def people_not_on(report: DailyReport) -> list[Engagement]:
    """The production's people not on the report, cast by number, then crew by name."""
    return list(
        Engagement.objects.filter(production_id=report.production_id)
        .exclude(pk__in=TimeEntry.objects.filter(report=report).values("engagement"))
        .select_related("contact")
        .order_by(
            F("cast_number").asc(nulls_last=True), "contact__last_name", "contact__first_name"
        )
    )
