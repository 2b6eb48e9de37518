"""`prodoffice callsheet --production CODE --day N --pdf PATH`: a shoot day's call sheet as PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser

from prodoffice.callsheets import selectors, services
from prodoffice.callsheets.pdf import render_call_sheet
from prodoffice.core.errors import RuleBroken
from prodoffice.domain.access import Role
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.models import Membership, Production


class Command(BaseCommand):
    help = (
        "Write the current call sheet of shoot day N of the production's current schedule as "
        "PDF, making it from the schedule first if the day has none."
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
        schedule = selectors.current_schedule(production)
        if schedule is None:
            raise CommandError(
                f"{code} has no current schedule: make one current on its stripboard first."
            )
        day = selectors.shoot_day(schedule, number)
        if day is None:
            count = schedule.days.filter(kind="shoot").count()
            raise CommandError(
                f"The current schedule of {code} ({schedule.name}) has no Day {number}; "
                f"its shoot days are 1 to {count}."
            )
        sheet = selectors.day_sheet(schedule, day)
        made = sheet is None
        if sheet is None:
            try:
                sheet = services.generate_call_sheet(access=_office(production), day=day)
            except (RuleBroken, PermissionDenied) as exc:
                raise CommandError(getattr(exc, "message", str(exc))) from exc
        document = selectors.call_sheet_document(sheet)
        content = render_call_sheet(document)
        try:
            path.write_bytes(content)
        except OSError as exc:
            raise CommandError(f"Cannot write {path}: {exc.strerror or exc}.") from exc
        head = document.header
        self.stdout.write(
            f"{head.day_label}, {head.date:%a %b %-d, %Y}: call sheet "
            f"{'made from the schedule' if made else head.status_label.lower()}, "
            f"{document.headcount} called; wrote {path} ({len(content) // 1024} KB)."
        )


def _office(production: Production) -> ProductionAccess:
    """The production's first coordinator (else producer): the sheet is made in their name."""
    for role in (Role.COORDINATOR, Role.PRODUCER):
        membership = (
            Membership.objects.select_related("production", "user")
            .filter(production=production, role=role)
            .order_by("pk")
            .first()
        )
        if membership is not None:
            return ProductionAccess(production=production, membership=membership)
    raise CommandError(
        f"{production.code} has no coordinator or producer to make the call sheet as."
    )
