"""Reads of daily production reports: scoped to the member, and one report as the DPR prints it."""

from __future__ import annotations

from prodoffice.reports.selectors.access import (
    DayReport,
    access_background,
    access_entry,
    access_media,
    access_report,
    access_report_scene,
    day_report,
    day_reports,
    later_days,
    people_not_on,
    reports,
)
from prodoffice.reports.selectors.document import (
    BackgroundLine,
    MediaLine,
    PersonLine,
    ReportDocument,
    SceneLine,
    report_document,
)

__all__ = [
    "BackgroundLine",
    "DayReport",
    "MediaLine",
    "PersonLine",
    "ReportDocument",
    "SceneLine",
    "access_background",
    "access_entry",
    "access_media",
    "access_report",
    "access_report_scene",
    "day_report",
    "day_reports",
    "later_days",
    "people_not_on",
    "report_document",
    "reports",
]
