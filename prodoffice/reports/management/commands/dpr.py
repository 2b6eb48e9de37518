"""`prodoffice dpr --production CODE --day N --pdf PATH`: a shoot day's production report as PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser

from prodoffice.callsheets.selectors import current_schedule, day_sheet, shoot_day
from prodoffice.core.errors import RuleBroken
from prodoffice.domain.access import Role
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.models import Membership, Production
from prodoffice.reports import selectors, services
from prodoffice.reports.pdf import render_report


class Command(BaseCommand):
    help = (
        "Write the daily production report of shoot day N of the production's current schedule "
        "as PDF, starting it from that day's call sheet first if the day has none."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--production", required=True, help="production code, e.g. DEMO")
        parser.add_argument("--day", required=True, type=int, help="the shoot day number")
        parser.add_argument("--pdf", required=True, type=Path, help="where to write the PDF")

    def handle(self, *args: Any, **options: Any) -> None:
        code, number, path = options["production"].upper(), options["day"], Path(options["pdf"])
        production = Production.objects.filter(code=code).first()
        if production is None:
            raise CommandError(f"No production {code!r}.")
        schedule = current_schedule(production)
        if schedule is None:
            raise CommandError(
                f"{code} has no current schedule: make one current on its stripboard first."
            )
        day = shoot_day(schedule, number)
        if day is None:
            count = schedule.days.filter(kind="shoot").count()
            raise CommandError(
                f"The current schedule of {code} ({schedule.name}) has no Day {number}; "
                f"its shoot days are 1 to {count}."
            )
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
                report = services.start_report(access=_office(production), call_sheet=sheet)
            except (RuleBroken, PermissionDenied) as exc:
                raise CommandError(getattr(exc, "message", str(exc))) from exc
        document = selectors.report_document(report)
        content = render_report(document)
        try:
            path.write_bytes(content)
        except OSError as exc:
            raise CommandError(f"Cannot write {path}: {exc.strerror or exc}.") from exc
        self.stdout.write(
            f"Day {document.day_number}, {document.date:%a %b %-d, %Y}: production report "
            f"{'started from the call sheet' if made else document.status_label.lower()}, "
            f"{len(document.violations)} violation(s), {document.missing} with missing times; "
            f"wrote {path} ({len(content) // 1024} KB)."
        )


def _office(production: Production) -> ProductionAccess:
    """The production's first coordinator (else producer): the report is started in their name."""
    for role in (Role.COORDINATOR, Role.PRODUCER):
        membership = (
            Membership.objects.select_related("production", "user")
            .filter(production=production, role=role)
            .order_by("pk")
            .first()
        )
        if membership is not None:
            return ProductionAccess(production=production, membership=membership)
    raise CommandError(f"{production.code} has no coordinator or producer to start the report as.")
