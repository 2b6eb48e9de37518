"""What the day commands (`prodoffice callsheet`, `prodoffice dpr`) share: finding Day N of a
production's current schedule, acting in the office's name, writing the PDF."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError, CommandParser

from prodoffice.callsheets.selectors import current_schedule, shoot_day
from prodoffice.domain.access import Role
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.models import Membership, Production
from prodoffice.scheduling.models import Schedule, ShootDay


def add_day_arguments(parser: CommandParser) -> None:
    """--production CODE --day N --pdf PATH."""
    parser.add_argument("--production", required=True, help="production code, e.g. DEMO")
    parser.add_argument("--day", required=True, type=int, help="the shoot day number")
    parser.add_argument("--pdf", required=True, type=Path, help="where to write the PDF")


def current_day(code: str, number: int) -> tuple[Production, Schedule, ShootDay]:
    """Shoot day `number` of the production's current schedule, or why there is none."""
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
    return production, schedule, day


def office_access(production: Production, doing: str) -> ProductionAccess:
    """The production's first coordinator (else producer), in whose name the command acts."""
    for role in (Role.COORDINATOR, Role.PRODUCER):
        membership = (
            Membership.objects.select_related("production", "user")
            .filter(production=production, role=role)
            .order_by("pk")
            .first()
        )
        if membership is not None:
            return ProductionAccess(production=production, membership=membership)
    raise CommandError(f"{production.code} has no coordinator or producer to {doing} as.")


def write_pdf(path: Path, content: bytes) -> None:
    try:
        path.write_bytes(content)
    except OSError as exc:
        raise CommandError(f"Cannot write {path}: {exc.strerror or exc}.") from exc
