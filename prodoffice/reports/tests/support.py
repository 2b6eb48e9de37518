"""What the DPR tests share: the office's access, a demo day's call sheet, times on the day."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.test import Client

from prodoffice.callsheets.models import CallSheet
from prodoffice.callsheets.services import generate_call_sheet
from prodoffice.productions.access import ProductionAccess, access_production
from prodoffice.reports.models import DailyReport, TimeEntry
from prodoffice.scheduling.models import Schedule


def office_access(role: str = "coordinator") -> ProductionAccess:
    return access_production(get_user_model().objects.get(username=role), "DEMO")


def sheet_with_cast(number: int | None = None) -> CallSheet:
    """Day `number`'s call sheet; by default the first shoot day with a performer called (the
    demo's schedule comes from a short optimizer run, so which day that is varies)."""
    schedule = Schedule.objects.get(production__code="DEMO", is_current=True)
    days = schedule.days.filter(kind="shoot").order_by("order")
    if number is not None:
        day = days.get(number=number)
    else:
        day = days.filter(
            strips__scene__tags__state="accepted",
            strips__scene__tags__element__cast__isnull=False,
        ).first()
        assert day is not None
    return generate_call_sheet(access=office_access(), day=day)


def at(report: DailyReport, hour: int, minute: int = 0, days: int = 0) -> datetime:
    zone = ZoneInfo(report.production.time_zone)
    return datetime.combine(
        report.day.date + timedelta(days=days), datetime.min.time(), tzinfo=zone
    ) + timedelta(hours=hour, minutes=minute)


def first_entry(report: DailyReport, *, cast: bool) -> TimeEntry:
    entry = (
        TimeEntry.objects.select_related("engagement__contact", "report__production")
        .filter(report=report, engagement__cast_number__isnull=not cast)
        .exclude(call=None)
        .order_by("pk")
        .first()
    )
    assert entry is not None
    return entry


def entry_in_union(report: DailyReport, union: str) -> TimeEntry:
    """The first person called whose union/local field reads exactly `union`."""
    entry = (
        TimeEntry.objects.select_related("engagement__contact", "report__production")
        .filter(report=report, engagement__union_name=union)
        .exclude(call=None)
        .order_by("pk")
        .first()
    )
    assert entry is not None, f"nobody in {union} is called on day {report.day.number}"
    return entry


def client_for(role: str = "coordinator") -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=role))
    return client


def squeezed(text: str) -> str:
    """Text without any whitespace: a narrow PDF column breaks lines anywhere."""
    return "".join(text.split())
