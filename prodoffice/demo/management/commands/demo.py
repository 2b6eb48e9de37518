"""`prodoffice demo`: create (or recreate) the demo production, code DEMO."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from prodoffice.demo.schedule import OPTIMIZER_SECONDS
from prodoffice.demo.services import DEMO_LOGINS, DEMO_PASSWORD, create_demo, has_any_production


class Command(BaseCommand):
    help = "Create (or recreate) the demo production DEMO with its crew, cast and vendors."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="only when the database holds no production yet (used by `make run`)",
        )
        parser.add_argument(
            "--optimizer-seconds",
            type=float,
            default=OPTIMIZER_SECONDS,
            help=f"time the optimizer gets for the demo's schedule (default {OPTIMIZER_SECONDS})",
        )

    def handle(self, *args: Any, if_empty: bool, optimizer_seconds: float, **options: Any) -> None:
        if if_empty and has_any_production():
            self.stdout.write("The database already holds productions; the demo was left as is.")
        else:
            production = create_demo(
                today=timezone.localdate(), optimizer_seconds=optimizer_seconds
            )
            crew = production.engagements.count()
            vendors = production.vendors.count()
            self.stdout.write(
                f"Made {production}: {crew} people on the crew list, {vendors} vendors."
            )
        logins = ", ".join(f"{login[0]} ({role.label})" for role, login in DEMO_LOGINS.items())
        self.stdout.write(
            f"Demo login: user 'coordinator', password '{DEMO_PASSWORD}'. Other roles: {logins}; "
            f"same password."
        )
