"""Reads of daily production reports, permission-scoped, and one report as the DPR prints it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db.models import QuerySet, Sum
from django.http import Http404

from prodoffice.callsheets.models import CallSheet
from prodoffice.domain.access import Capability
from prodoffice.domain.rules import DayResult
from prodoffice.domain.scheduling.calendar import DayKind
from prodoffice.domain.scheduling.constraints import pages
from prodoffice.productions.access import ProductionAccess
from prodoffice.reports.costing import cost_entries
from prodoffice.reports.models import DailyReport, ReportScene, TimeEntry
from prodoffice.scheduling.models import Schedule, ShootDay

ZERO = Decimal(0)
TIME_LABELS = {
    "call": "in",
    "meal1_start": "1st meal start",
    "meal1_end": "1st meal end",
    "meal2_start": "2nd meal start",
    "meal2_end": "2nd meal end",
    "wrap": "out",
}


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


@dataclass(frozen=True)
class SceneLine:
    pk: int
    number: str
    set_name: str
    eighths: int
    result: str
    result_label: str
    eighths_shot: int
    setups: int
    note: str

    @property
    def pages(self) -> str:
        return pages(self.eighths)

    @property
    def pages_shot(self) -> str:
        return pages(self.eighths_shot) if self.result else ""


@dataclass(frozen=True)
class PersonLine:
    """One person's row: their times, what is missing or wrong, and their costed day."""

    pk: int
    name: str
    role: str  # the character for cast, the position for crew
    department: str
    cast_number: int | None
    status: str
    times: dict[str, datetime | None]
    remarks: str
    missing: tuple[str, ...]
    problems: tuple[str, ...]
    rules: str  # the rule set's short name, or why there is none
    result: DayResult | None

    @property
    def costed(self) -> bool:
        return self.result is not None and self.result.costed

    @property
    def overtime(self) -> str:
        """The overtime bands worked, for everyone (no money): "1 h 30 min at 1.5x from 8 h"."""
        if not self.costed or self.result is None:
            return ""
        return "; ".join(
            f"{_hours_minutes(line.minutes)} at {line.multiplier.normalize()}x {line.label}"
            for line in self.result.pay
            if line.multiplier > 1
        )

    @property
    def hours(self) -> Decimal | None:
        if not self.costed or self.result is None:
            return None
        return (Decimal(self.result.worked_minutes) / 60).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class ViolationLine:
    name: str
    explanation: str
    amount: Decimal


@dataclass(frozen=True)
class Totals:
    scenes_scheduled: int
    scenes_complete: int
    eighths_scheduled: int
    eighths_shot: int
    eighths_scheduled_to_date: int
    eighths_shot_to_date: int
    setups: int
    setups_to_date: int
    script_minutes: Decimal
    script_minutes_to_date: Decimal

    def pages(self, eighths: int) -> str:
        return pages(eighths)


@dataclass(frozen=True)
class Labour:
    regular: Decimal = ZERO
    overtime: Decimal = ZERO
    penalties: Decimal = ZERO
    uncosted: int = 0  # people whose day could not be costed yet (missing or wrong times)

    @property
    def total(self) -> Decimal:
        return self.regular + self.overtime + self.penalties


@dataclass(frozen=True)
class ReportDocument:
    report: DailyReport
    production: str
    code: str
    day_number: int | None
    days_total: int
    date: date
    status_label: str
    crew_call: datetime
    shooting_call: datetime
    first_meal: datetime | None
    scenes: list[SceneLine]
    totals: Totals
    cast: list[PersonLine]
    crew: list[PersonLine]
    violations: list[ViolationLine]
    labour: Labour
    notes: list[tuple[str, str]] = field(default_factory=list)

    @property
    def missing(self) -> int:
        return sum(1 for person in (*self.cast, *self.crew) if person.missing)


def _missing(entry: TimeEntry) -> tuple[str, ...]:
    missing = [TIME_LABELS[name] for name in ("call", "wrap") if getattr(entry, name) is None]
    for number in (1, 2):
        start, end = getattr(entry, f"meal{number}_start"), getattr(entry, f"meal{number}_end")
        if (start is None) != (end is None):
            missing.append(TIME_LABELS[f"meal{number}_{'start' if start is None else 'end'}"])
    return tuple(missing)


def report_document(report: DailyReport) -> ReportDocument:
    """The DPR as page and PDF print it, in a fixed number of queries however many people."""
    report = DailyReport.objects.select_related(
        "production", "day", "call_sheet__schedule", "call_sheet__day"
    ).get(pk=report.pk)
    sheet, day, production = report.call_sheet, report.day, report.production
    zone = ZoneInfo(production.time_zone)
    scene_rows = list(report.scenes.all())
    scenes = [
        SceneLine(
            pk=s.pk,
            number=s.number,
            set_name=s.set_name,
            eighths=s.eighths,
            result=s.result,
            result_label=s.get_result_display() if s.result else "Not reported",
            eighths_shot=s.eighths_shot,
            setups=s.setups,
            note=s.note,
        )
        for s in scene_rows
    ]
    to_date = DailyReport.objects.filter(
        call_sheet__schedule=sheet.schedule, day__date__lte=day.date
    )
    scene_sums = ReportScene.objects.filter(report__in=to_date).aggregate(
        scheduled=Sum("eighths"), shot=Sum("eighths_shot"), setups=Sum("setups")
    )
    day_sums = to_date.aggregate(setups=Sum("setups"), minutes=Sum("script_minutes"))
    scene_setups = sum(s.setups for s in scene_rows)
    totals = Totals(
        scenes_scheduled=len(scene_rows),
        scenes_complete=sum(1 for s in scene_rows if s.result == ReportScene.Result.COMPLETE),
        eighths_scheduled=sum(s.eighths for s in scene_rows),
        eighths_shot=sum(s.eighths_shot for s in scene_rows),
        eighths_scheduled_to_date=scene_sums["scheduled"] or 0,
        eighths_shot_to_date=scene_sums["shot"] or 0,
        # The day's count where the report gives one, else the scenes' setups added up.
        setups=report.setups or scene_setups,
        setups_to_date=max(day_sums["setups"] or 0, scene_sums["setups"] or 0),
        script_minutes=report.script_minutes,
        script_minutes_to_date=day_sums["minutes"] or ZERO,
    )
    entries = list(
        TimeEntry.objects.filter(report=report).select_related(
            "engagement__contact", "engagement__department"
        )
    )
    costings = cost_entries(report, entries)
    cast: list[PersonLine] = []
    crew: list[PersonLine] = []
    violations: list[ViolationLine] = []
    regular = overtime = penalties = ZERO
    uncosted = 0
    for entry in entries:
        engagement = entry.engagement
        rules, result = costings[entry.pk].rules, costings[entry.pk].result
        line = PersonLine(
            pk=entry.pk,
            name=engagement.contact.name,
            role=engagement.character
            if engagement.cast_number is not None
            else engagement.position,
            department=engagement.department.name if engagement.department else "",
            cast_number=engagement.cast_number,
            status=entry.status,
            times={
                name: (getattr(entry, name).astimezone(zone) if getattr(entry, name) else None)
                for name in TIME_LABELS
            },
            remarks=entry.remarks,
            missing=_missing(entry),
            problems=result.problems if result is not None else (rules,),
            rules=rules,
            result=result,
        )
        # A person on hold or not called has no times to report and nothing to cost here.
        if entry.call is None and entry.wrap is None and entry.status in ("H", ""):
            line = replace(line, missing=(), problems=(), result=None)
        (cast if engagement.cast_number is not None else crew).append(line)
        if result is None or not line.costed:
            uncosted += bool(line.missing or line.problems)
            continue
        regular += result.regular
        overtime += result.overtime
        penalties += result.penalties
        violations += [ViolationLine(line.name, v.explanation, v.amount) for v in result.violations]
    cast.sort(key=lambda p: (p.cast_number or 0, p.name))
    meals = [e.meal1_start for e in entries if e.meal1_start is not None]
    notes = [
        ("Delays", report.delays),
        ("Accidents and injuries", report.accidents),
        ("Equipment failures", report.equipment),
        ("Location damage", report.location_damage),
        ("Other", report.other),
    ]
    return ReportDocument(
        report=report,
        production=production.title,
        code=production.code,
        day_number=day.number,
        days_total=sheet.schedule.days.filter(kind=DayKind.SHOOT).count(),
        date=day.date,
        status_label=report.get_status_display(),
        crew_call=datetime.combine(day.date, sheet.crew_call, tzinfo=zone),
        shooting_call=datetime.combine(day.date, sheet.shooting_call, tzinfo=zone),
        first_meal=min(meals).astimezone(zone) if meals else None,
        scenes=scenes,
        totals=totals,
        cast=cast,
        crew=crew,
        violations=violations,
        labour=Labour(regular=regular, overtime=overtime, penalties=penalties, uncosted=uncosted),
        notes=[(label, text) for label, text in notes if text],
    )


def _hours_minutes(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"
