"""The schedule's printed reports: typst templates in `documents/` fed JSON built here.

The builders only reshape what `reports` reads; the templates lay it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypedDict

from django.utils.text import slugify

from prodoffice.core.pdf import render_pdf
from prodoffice.domain.scheduling.dood import DoodTotals
from prodoffice.scheduling.models import Schedule, ShootDay
from prodoffice.scheduling.reports import (
    DoodSheet,
    ReportDay,
    SceneLine,
    ScheduleReport,
    day_label,
)

DOCUMENTS = Path(__file__).parent / "documents"
ONE_LINER = DOCUMENTS / "one_liner.typ"
SHOOTING_SCHEDULE = DOCUMENTS / "shooting_schedule.typ"
DAY_OUT_OF_DAYS = DOCUMENTS / "day_out_of_days.typ"
# Day columns on one landscape letter page beside the names and totals; a longer schedule
# runs on to more pages, each repeating the names, as a printed DOOD does.
DOOD_DAYS_PER_PAGE = 20


@dataclass(frozen=True)
class PdfFile:
    filename: str
    content: bytes


class Header(TypedDict):
    production: str
    code: str
    schedule: str
    script: str  # "Salt Flats, Blue draft"
    status: str
    printed: str


class Group(TypedDict):
    label: str
    names: list[str]


class Line(TypedDict):
    number: str
    heading: str
    int_ext: str
    set: str
    time_of_day: str
    pages: str
    cast: str
    synopsis: str
    omitted: bool
    groups: list[Group]


class Day(TypedDict):
    kind: str  # shoot, off, holiday, travel
    title: str  # "Day 3 — Wednesday, March 3, 2027", "Holiday — Thursday, December 25, 2026"
    number: int | None
    note: str
    banners: list[str]
    pages: str
    lines: list[Line]


class ScheduleData(TypedDict):
    header: Header
    days: list[Day]
    boneyard: list[Line]
    boneyard_pages: str
    shoot_days: int
    pages: str


class DoodColumn(TypedDict):
    label: str  # the day number, or Off, Hol, Trv
    date: str  # "3/1"
    weekday: str  # "Mon"
    shoot: bool


class DoodRowData(TypedDict):
    label: str
    codes: list[str]
    totals: list[str]


class DoodPage(TypedDict):
    days: list[DoodColumn]
    rows: list[DoodRowData]
    first: str  # the first and last day numbers (or dates) this page covers
    last: str


class DoodData(TypedDict):
    header: Header
    title: str
    totals: list[str]  # the totals' column headings
    pages: list[DoodPage]
    legend: list[list[str]]


def one_liner(report: ScheduleReport) -> PdfFile:
    data = _schedule_data(report, details=False)
    filename = _filename(report.schedule, "one-liner", report.printed)
    return PdfFile(filename, _render(ONE_LINER, data))


def shooting_schedule(report: ScheduleReport) -> PdfFile:
    data = _schedule_data(report, details=True)
    filename = _filename(report.schedule, "shooting-schedule", report.printed)
    return PdfFile(filename, _render(SHOOTING_SCHEDULE, data))


def day_out_of_days(sheet: DoodSheet) -> PdfFile:
    totals = sheet.totals_columns
    pages = []
    for start in range(0, max(len(sheet.days), 1), DOOD_DAYS_PER_PAGE):
        days = sheet.days[start : start + DOOD_DAYS_PER_PAGE]
        pages.append(
            DoodPage(
                days=[_dood_column(day) for day in days],
                rows=[
                    DoodRowData(
                        label=line.label,
                        codes=[str(code) for code in line.codes[start : start + len(days)]],
                        totals=[_total(line.totals, key) for key, _ in totals],
                    )
                    for line in sheet.lines
                ],
                first=_day_name(days[0]) if days else "",
                last=_day_name(days[-1]) if days else "",
            )
        )
    data = DoodData(
        header=_header(sheet.schedule, sheet.printed),
        title=sheet.title,
        totals=[label for _, label in totals],
        pages=pages,
        legend=[[code, meaning] for code, meaning in sheet.legend],
    )
    filename = _filename(sheet.schedule, f"dood-{sheet.of}", sheet.printed)
    return PdfFile(filename, _render(DAY_OUT_OF_DAYS, data))


def _total(totals: DoodTotals, key: str) -> str:
    value = getattr(totals, key)
    if isinstance(value, date):
        return f"{value.month}/{value.day}"
    return "" if value is None else str(value)


def _dood_column(day: ShootDay) -> DoodColumn:
    return DoodColumn(
        label=day_label(day),
        date=f"{day.date.month}/{day.date.day}",
        weekday=f"{day.date:%a}",
        shoot=day.number is not None,
    )


def _day_name(day: ShootDay) -> str:
    return f"Day {day.number}" if day.number else f"{day.date:%b} {day.date.day}"


def _render(template: Path, data: ScheduleData | DoodData) -> bytes:
    return render_pdf(template, data)


def _header(schedule: Schedule, printed: date) -> Header:
    revision = schedule.revision
    return Header(
        production=schedule.production.title,
        code=schedule.production.code,
        schedule=schedule.name,
        script=f"{revision.script.title}, {revision.color} draft",
        status=schedule.get_status_display(),
        printed=_long_date(printed),
    )


def _long_date(day: date) -> str:
    return f"{day:%A, %B} {day.day}, {day.year}"


def _filename(schedule: Schedule, what: str, printed: date) -> str:
    name = slugify(schedule.name) or "schedule"
    return f"{schedule.production.code}-{name}-{what}-{printed.isoformat()}.pdf"


def _schedule_data(report: ScheduleReport, *, details: bool) -> ScheduleData:
    return ScheduleData(
        header=_header(report.schedule, report.printed),
        days=[_day(day, details=details) for day in report.days],
        boneyard=[_line(line, details=details) for line in report.boneyard],
        boneyard_pages=report.boneyard_pages,
        shoot_days=report.shoot_days,
        pages=report.pages,
    )


def _day(day: ReportDay, *, details: bool) -> Day:
    shoot_day = day.day
    what = f"Day {shoot_day.number}" if day.is_shoot else shoot_day.get_kind_display()
    return Day(
        kind=shoot_day.kind,
        title=f"{what} — {_long_date(shoot_day.date)}",
        number=shoot_day.number,
        note=shoot_day.note,
        banners=day.banners,
        pages=day.pages,
        lines=[_line(line, details=details) for line in day.lines],
    )


def _line(line: SceneLine, *, details: bool) -> Line:
    scene = line.scene
    return Line(
        number=scene.number,
        heading=scene.heading,
        int_ext=scene.int_ext,
        set=scene.set_name,
        time_of_day=scene.time_of_day,
        pages=line.pages,
        cast=line.cast,
        synopsis=scene.synopsis if details else "",
        omitted=scene.omitted,
        groups=[Group(label=g.label, names=g.names) for g in line.elements] if details else [],
    )
