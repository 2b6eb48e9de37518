"""One report as the DPR's page and PDF print it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db.models import Q, QuerySet, Sum

from prodoffice.domain.rules import DayResult
from prodoffice.domain.scheduling.calendar import DayKind
from prodoffice.domain.scheduling.constraints import pages
from prodoffice.reports.costing import cost_entries
from prodoffice.reports.models import DailyReport, MediaUsed, ReportScene, TimeEntry
from prodoffice.reports.timecards import TIME_LABELS

ZERO = Decimal(0)


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
    added: bool = False  # shot on the day, not on the call sheet
    retake: bool = False  # completed on an earlier day: its pages are not counted again

    @property
    def pages(self) -> str:
        return pages(self.eighths)

    @property
    def kind(self) -> str:
        return ", ".join(
            word for word, flag in (("added", self.added), ("retake", self.retake)) if flag
        )

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
    note: str = ""  # how the deal is costed, where the figures cannot say it (flat, weekly)
    # Why no agreement loaded covers them ("Not costed: ..."): said to every reader, since it
    # names no amount, and whatever times are missing.
    not_costed: str = ""
    below_scale: str = ""  # names the scale minimum, so the rate's neighbourhood: money only

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
        if self.not_costed and not self.missing:
            return self._hours_on_the_clock()
        if not self.costed or self.result is None:
            return None
        return (Decimal(self.result.worked_minutes) / 60).quantize(Decimal("0.1"))

    def _hours_on_the_clock(self) -> Decimal | None:
        """In to out less the meals, as written: no agreement says how to round them."""
        times = self.times
        call, wrap = times.get("call"), times.get("wrap")
        if call is None or wrap is None or wrap <= call:
            return None
        worked = wrap - call
        for number in (1, 2):
            start, end = times.get(f"meal{number}_start"), times.get(f"meal{number}_end")
            if start is not None and end is not None and start < end:
                worked -= end - start
        return (Decimal(worked.total_seconds()) / 3600).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class ViolationLine:
    """A broken rule on the DPR; its amount and the amounts in its words only with money."""

    name: str
    explanation: str
    amount: Decimal | None


@dataclass(frozen=True)
class BackgroundLine:
    """A background group: how many, their times, and the hours each worked where known."""

    pk: int
    description: str
    count: int
    call: datetime | None
    meal_start: datetime | None
    meal_end: datetime | None
    wrap: datetime | None
    remarks: str

    @property
    def hours(self) -> Decimal | None:
        """Call to wrap less the meal, per person; None until both ends are known."""
        if self.call is None or self.wrap is None:
            return None
        minutes = (self.wrap - self.call).total_seconds() / 60
        if self.meal_start is not None and self.meal_end is not None:
            minutes -= (self.meal_end - self.meal_start).total_seconds() / 60
        return (Decimal(minutes) / 60).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class MediaLine:
    """One camera's or recorder's cards (or rolls) today and to date."""

    pk: int | None  # None: a device used on earlier days only
    device: str
    count: int
    gigabytes: Decimal | None
    note: str
    count_to_date: int
    gigabytes_to_date: Decimal


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
    scenes_added: int = 0
    retakes: int = 0

    def pages(self, eighths: int) -> str:
        return pages(eighths)


@dataclass(frozen=True)
class Labour:
    regular: Decimal = ZERO
    overtime: Decimal = ZERO
    penalties: Decimal = ZERO
    uncosted: int = 0  # people whose day could not be costed yet (missing or wrong times)
    not_covered: int = 0  # people no agreement loaded covers on the day: never costed

    @property
    def total(self) -> Decimal:
        return self.regular + self.overtime + self.penalties


@dataclass(frozen=True)
class ReportDocument:
    report: DailyReport
    # Built for a reader who sees rates: pay, labour cost and what each violation costs. For
    # everyone else the violations are told without amounts (one hour's pay is the hourly rate).
    money: bool
    production: str
    code: str
    day_number: int | None
    days_total: int
    date: date
    status_label: str
    crew_call: datetime
    shooting_call: datetime
    first_meal: datetime | None
    # The company's meals: each meal's start and end as most people took it.
    company_meals: list[tuple[datetime, datetime]]
    scenes: list[SceneLine]
    totals: Totals
    cast: list[PersonLine]
    crew: list[PersonLine]
    violations: list[ViolationLine]
    labour: Labour
    notes: list[tuple[str, str]] = field(default_factory=list)
    background: list[BackgroundLine] = field(default_factory=list)
    media: list[MediaLine] = field(default_factory=list)

    @property
    def not_costed(self) -> list[tuple[str, list[str]]]:
        """Each reason no agreement covers someone, with the names it covers, in order."""
        names: dict[str, list[str]] = {}
        for person in (*self.cast, *self.crew):
            if person.not_costed:
                names.setdefault(person.not_costed, []).append(person.name)
        return sorted(names.items())

    @property
    def deal_notes(self) -> list[tuple[str, int]]:
        """Each way a deal is costed that the figures cannot show, with how many it covers."""
        counts = Counter(p.note for p in (*self.cast, *self.crew) if p.note)
        return sorted(counts.items())

    @property
    def background_count(self) -> int:
        return sum(group.count for group in self.background)

    @property
    def missing(self) -> int:
        return sum(1 for person in (*self.cast, *self.crew) if person.missing)


def _missing(entry: TimeEntry) -> tuple[str, ...]:
    missing = [TIME_LABELS[name] for name in ("call", "wrap") if getattr(entry, name) is None]
    for pair in ("ndb", "meal1", "meal2"):
        start, end = getattr(entry, f"{pair}_start"), getattr(entry, f"{pair}_end")
        if (start is None) != (end is None):
            missing.append(TIME_LABELS[f"{pair}_{'start' if start is None else 'end'}"])
    return tuple(missing)


def report_document(report: DailyReport, *, money: bool) -> ReportDocument:
    """The DPR as page and PDF print it, in a fixed number of queries however many people.

    `money`: for a reader who sees rates (Capability.VIEW_RATES); otherwise no violation's
    words or cost name an amount.
    """
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
            added=s.added,
            retake=s.retake,
        )
        for s in scene_rows
    ]
    to_date = DailyReport.objects.filter(
        call_sheet__schedule=sheet.schedule, day__date__lte=day.date
    )
    # Scheduled: what the call sheets scheduled (not scenes added on the day); shot: first
    # takes only (a retake's pages were credited the day the scene was completed).
    scene_sums = ReportScene.objects.filter(report__in=to_date).aggregate(
        scheduled=Sum("eighths", filter=Q(added=False)),
        shot=Sum("eighths_shot", filter=Q(retake=False)),
        setups=Sum("setups"),
    )
    day_sums = to_date.aggregate(setups=Sum("setups"), minutes=Sum("script_minutes"))
    scene_setups = sum(s.setups for s in scene_rows)
    totals = Totals(
        scenes_scheduled=sum(1 for s in scene_rows if not s.added),
        scenes_complete=sum(1 for s in scene_rows if s.result == ReportScene.Result.COMPLETE),
        eighths_scheduled=sum(s.eighths for s in scene_rows if not s.added),
        eighths_shot=sum(s.eighths_shot for s in scene_rows if not s.retake),
        eighths_scheduled_to_date=scene_sums["scheduled"] or 0,
        eighths_shot_to_date=scene_sums["shot"] or 0,
        # The day's count where the report gives one, else the scenes' setups added up.
        setups=report.setups or scene_setups,
        setups_to_date=max(day_sums["setups"] or 0, scene_sums["setups"] or 0),
        script_minutes=report.script_minutes,
        script_minutes_to_date=day_sums["minutes"] or ZERO,
        scenes_added=sum(1 for s in scene_rows if s.added),
        retakes=sum(1 for s in scene_rows if s.retake),
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
    uncosted = not_covered = 0
    for entry in entries:
        engagement = entry.engagement
        costing = costings[entry.pk]
        rules, result = costing.rules, costing.result
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
            problems=result.problems if result is not None else (),
            rules=rules,
            result=result,
            note=costing.note,
            not_costed=costing.not_costed,
            below_scale=costing.below_scale if money else "",
        )
        # A person on hold or not called has no times to report and nothing to cost here.
        if entry.call is None and entry.wrap is None and entry.status in ("H", ""):
            line = replace(line, missing=(), problems=(), result=None, not_costed="")
        (cast if engagement.cast_number is not None else crew).append(line)
        if line.not_costed:
            not_covered += 1
            continue
        if result is None or not line.costed:
            uncosted += bool(line.missing or line.problems)
            continue
        regular += result.regular
        overtime += result.overtime
        penalties += result.penalties
        violations += [
            ViolationLine(line.name, v.explanation, v.amount)
            if money
            else ViolationLine(line.name, v.explanation_without_money, None)
            for v in result.violations
        ]
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
        money=money,
        production=production.title,
        code=production.code,
        day_number=day.number,
        days_total=sheet.schedule.days.filter(kind=DayKind.SHOOT).count(),
        date=day.date,
        status_label=_status(report),
        crew_call=datetime.combine(day.date, sheet.crew_call, tzinfo=zone),
        shooting_call=datetime.combine(day.date, sheet.shooting_call, tzinfo=zone),
        first_meal=min(meals).astimezone(zone) if meals else None,
        company_meals=_company_meals(entries, zone),
        scenes=scenes,
        totals=totals,
        cast=cast,
        crew=crew,
        violations=violations,
        labour=Labour(
            regular=regular,
            overtime=overtime,
            penalties=penalties,
            uncosted=uncosted,
            not_covered=not_covered,
        ),
        notes=[(label, text) for label, text in notes if text],
        background=_background(report, zone),
        media=_media(report, to_date),
    )


def _status(report: DailyReport) -> str:
    if report.version > 1:
        return f"Published, corrected (version {report.version})"
    return str(report.get_status_display())


def _company_meals(entries: list[TimeEntry], zone: ZoneInfo) -> list[tuple[datetime, datetime]]:
    """Each meal as most of the company took it (the earliest, when as many took another)."""
    meals = []
    for number in (1, 2):
        taken = Counter(
            (start, end)
            for start, end in (
                (getattr(e, f"meal{number}_start"), getattr(e, f"meal{number}_end"))
                for e in entries
            )
            if start is not None and end is not None
        )
        if taken:
            start, end = min(taken, key=lambda meal: (-taken[meal], meal))
            meals.append((start.astimezone(zone), end.astimezone(zone)))
    return meals


def _background(report: DailyReport, zone: ZoneInfo) -> list[BackgroundLine]:
    def local(moment: datetime | None) -> datetime | None:
        return moment.astimezone(zone) if moment is not None else None

    return [
        BackgroundLine(
            pk=group.pk,
            description=group.description,
            count=group.count,
            call=local(group.call),
            meal_start=local(group.meal_start),
            meal_end=local(group.meal_end),
            wrap=local(group.wrap),
            remarks=group.remarks,
        )
        for group in report.background.all()
    ]


def _media(report: DailyReport, to_date: QuerySet[DailyReport]) -> list[MediaLine]:
    """Today's lines, each with its device's totals to date (devices matched by name)."""
    totals: dict[str, tuple[int, Decimal]] = {}
    for device, count, gigabytes in MediaUsed.objects.filter(report__in=to_date).values_list(
        "device", "count", "gigabytes"
    ):
        key = device.strip().lower()
        before = totals.get(key, (0, ZERO))
        totals[key] = (before[0] + count, before[1] + (gigabytes or ZERO))
    return [
        MediaLine(
            pk=media.pk,
            device=media.device,
            count=media.count,
            gigabytes=media.gigabytes,
            note=media.note,
            count_to_date=totals[media.device.strip().lower()][0],
            gigabytes_to_date=totals[media.device.strip().lower()][1],
        )
        for media in report.media.all()
    ]


def _hours_minutes(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"
