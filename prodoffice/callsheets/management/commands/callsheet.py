"""`prodoffice callsheet --production CODE --day N --pdf PATH`: a shoot day's call sheet as PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser

from prodoffice.callsheets import selectors, services
from prodoffice.callsheets.command_support import (
    add_day_arguments,
    current_day,
    office_access,
    write_pdf,
)
from prodoffice.callsheets.pdf import render_call_sheet
from prodoffice.core.errors import RuleBroken


class Command(BaseCommand):
    help = (
        "Write the current call sheet of shoot day N of the production's current schedule as "
        "PDF, making it from the schedule first if the day has none."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        add_day_arguments(parser)

    def handle(self, *args: Any, **options: Any) -> None:
        code, number, path = options["production"].upper(), options["day"], Path(options["pdf"])
        production, schedule, day = current_day(code, number)
        sheet = selectors.day_sheet(schedule, day)
        made = sheet is None
        if sheet is None:
            try:
                sheet = services.generate_call_sheet(
                    access=office_access(production, "make the call sheet"), day=day
                )
            except (RuleBroken, PermissionDenied) as exc:
                raise CommandError(getattr(exc, "message", str(exc))) from exc
        document = selectors.call_sheet_document(sheet)
        content = render_call_sheet(document)
        write_pdf(path, content)
        head = document.header
        self.stdout.write(
            f"{head.day_label}, {head.date:%a %b %-d, %Y}: call sheet "
            f"{'made from the schedule' if made else head.status_label.lower()}, "
            f"{document.headcount} called; wrote {path} ({len(content) // 1024} KB)."
        )
