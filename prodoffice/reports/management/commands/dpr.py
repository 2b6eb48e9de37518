"""`prodoffice dpr --production CODE --day N --pdf PATH`: a shoot day's production report as PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser

from prodoffice.callsheets.command_support import (
    add_day_arguments,
    current_day,
    office_access,
    write_pdf,
)
from prodoffice.callsheets.selectors import day_sheet
from prodoffice.core.errors import RuleBroken
from prodoffice.reports import selectors, services
from prodoffice.reports.pdf import render_report


class Command(BaseCommand):
    help = (
        "Write the daily production report of shoot day N of the production's current schedule "
        "as PDF, starting it from that day's call sheet first if the day has none."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_day_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        code, number, path = options["production"].upper(), options["day"], Path(options["pdf"])
        production, schedule, day = current_day(code, number)
        report = selectors.day_report(schedule, day)
        made = report is None
        if report is None:
            sheet = day_sheet(schedule, day)
            if sheet is None:
                raise CommandError(
                    f"Day {number} of {code} has no call sheet, so no production report can be "
                    f"started: make the call sheet first (prodoffice callsheet --production "
                    f"{code} --day {number} --pdf PATH)."
                )
            try:
                report = services.start_report(
                    access=office_access(production, "start the report"), call_sheet=sheet
                )
            except (RuleBroken, PermissionDenied) as exc:
                raise CommandError(getattr(exc, "message", str(exc))) from exc
        # The command is the operator's, who holds the database and every rate in it.
        document = selectors.report_document(report, money=True)
        content = render_report(document)
        write_pdf(path, content)
        self.stdout.write(
            f"Day {document.day_number}, {document.date:%a %b %-d, %Y}: production report "
            f"{'started from the call sheet' if made else document.status_label.lower()}, "
            f"{len(document.violations)} violation(s), {document.missing} with missing times; "
            f"wrote {path} ({len(content) // 1024} KB)."
        )
