"""A DPR started from the call sheet, the day's times and notes, and each person's times."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import transaction

from prodoffice.callsheets.models import Call, CallSheet
from prodoffice.core import history
from prodoffice.core.errors import FieldErrors, RuleBroken
from prodoffice.core.models import ChangeRecord
from prodoffice.domain.access import Capability
from prodoffice.domain.scheduling.dood import Code
from prodoffice.people.models import Engagement
from prodoffice.productions.access import ProductionAccess
from prodoffice.reports.models import DailyReport, ReportScene, TimeEntry
from prodoffice.reports.services.changes import note_change
from prodoffice.reports.timecards import (
    CAST_TIME_FIELDS,
    TIME_FIELDS,
    EntryTimes,
    entry_errors,
    local_zone,
    time_card,
)

# The Day Out of Days codes a person's day can carry (the call sheet's), or none.
STATUSES = frozenset({code.value.upper() for code in Code if code is not Code.HOLIDAY})


@transaction.atomic
def start_report(*, access: ProductionAccess, call_sheet: CallSheet) -> DailyReport:
    """The DPR of the call sheet's day: its scenes as scheduled, everyone called in at their call.

    Every other time starts empty, which the report flags as missing: a DPR records what
    happened, so nothing is filled in from what was planned except the call itself.
    """
    access.require(Capability.EDIT_REPORTS)
    if call_sheet.production_id != access.production.pk:
        raise RuleBroken("That call sheet is not on this production.")
    if DailyReport.objects.filter(call_sheet=call_sheet).exists():
        raise RuleBroken(
            f"Day {call_sheet.day.number} already has a production report; open it to edit it."
        )
    zone = ZoneInfo(call_sheet.production.time_zone)
    report = DailyReport.objects.create(
        production=access.production,
        call_sheet=call_sheet,
        day=call_sheet.day,
        created_by=access.user,
    )
    ReportScene.objects.bulk_create(
        ReportScene(
            report=report,
            scene_id=scene.scene_id,
            order=scene.order,
            number=scene.number,
            set_name=scene.set_name,
            eighths=scene.eighths,
        )
        for scene in call_sheet.scenes.all()
    )
    calls = Call.objects.filter(call_sheet=call_sheet).order_by("pk")
    TimeEntry.objects.bulk_create(
        TimeEntry(
            report=report,
            engagement_id=call.engagement_id,
            status=call.status,
            call=_on(call_sheet, call.call_time, zone),
            remarks=call.remarks,
        )
        for call in calls
    )
    history.record_change(access, report, ChangeRecord.Action.CREATED)
    return report


def _on(sheet: CallSheet, moment: time | None, zone: ZoneInfo) -> datetime | None:
    if moment is None:
        return None
    return datetime.combine(sheet.day.date, moment, tzinfo=zone)


@transaction.atomic
def edit_times(*, access: ProductionAccess, entry: TimeEntry, times: EntryTimes) -> TimeEntry:
    """Save one person's times; times that contradict each other save nothing."""
    access.require(Capability.EDIT_REPORTS)
    report = entry.report
    if report.production_id != access.production.pk:
        raise RuleBroken("That report is not on this production.")
    card = time_card(times, person=entry.engagement.contact.name, zone=local_zone(report))
    errors = entry_errors(times, card)
    status = times.status.strip().upper()
    if status not in STATUSES:
        errors["status"] = (
            f"{times.status.strip()!r} is not a day's status: use W, SW, WF, SWF, H (hold), "
            "T (travel), D, PU, SWD, PUWF, PUD, R (rehearsal) or F (fitting), or leave it empty."
        )
    if errors:
        raise FieldErrors(errors)
    before = history.snapshot(entry)
    for name in (*TIME_FIELDS, *CAST_TIME_FIELDS):
        setattr(entry, name, getattr(times, name))
    entry.status = status
    entry.remarks = times.remarks.strip()
    entry.save()
    history.record_change(access, entry, ChangeRecord.Action.CHANGED, before=before)
    note_change(report.pk)
    return entry


@dataclass(frozen=True)
class DayDetails:
    """The day's own times, counts and notes, as the report's header and notes print them."""

    first_shot: datetime | None = None
    camera_wrap: datetime | None = None
    last_out: datetime | None = None
    setups: int = 0
    script_minutes: Decimal = Decimal(0)
    delays: str = ""
    accidents: str = ""
    equipment: str = ""
    location_damage: str = ""
    other: str = ""


@transaction.atomic
def edit_report(*, access: ProductionAccess, report: DailyReport, details: DayDetails) -> None:
    access.require(Capability.EDIT_REPORTS)
    if report.production_id != access.production.pk:
        raise RuleBroken("That report is not on this production.")
    errors: dict[str, str] = {}
    first, wrap, out = details.first_shot, details.camera_wrap, details.last_out
    if first is not None and wrap is not None and wrap <= first:
        errors["camera_wrap"] = (
            "Camera wrap is not after the first shot; a wrap past midnight is on the next date."
        )
    if wrap is not None and out is not None and out < wrap:
        errors["last_out"] = "The last person out left before camera wrap."
    elif first is not None and out is not None and out <= first:
        errors["last_out"] = (
            "The last person out left before the first shot; a time past midnight is on the "
            "next date."
        )
    if details.setups < 0:
        errors["setups"] = "Setups cannot be negative."
    if details.script_minutes < 0:
        errors["script_minutes"] = "Script minutes cannot be negative."
    if errors:
        raise FieldErrors(errors)
    before = history.snapshot(report)
    for name, value in vars(details).items():
        setattr(report, name, value.strip() if isinstance(value, str) else value)
    report.save()
    history.record_change(access, report, ChangeRecord.Action.CHANGED, before=before)
    note_change(report.pk)


@transaction.atomic
def add_person(
    *, access: ProductionAccess, report: DailyReport, engagement: Engagement
) -> TimeEntry:
    """Someone who worked the day without being on the call sheet (a day call, a fill-in).

    They join with status W (worked) and no times: the report flags them until their in and
    out are entered, as for everyone else.
    """
    access.require(Capability.EDIT_REPORTS)
    if report.production_id != access.production.pk:
        raise RuleBroken("That report is not on this production.")
    if engagement.production_id != access.production.pk:
        raise RuleBroken("That person is not on this production's crew list.", field="person")
    if TimeEntry.objects.filter(report=report, engagement=engagement).exists():
        raise RuleBroken(f"{engagement.contact.name} is already on this report.", field="person")
    entry = TimeEntry.objects.create(report=report, engagement=engagement, status="W")
    history.record_change(access, entry, ChangeRecord.Action.CREATED)
    note_change(report.pk)
    return entry
