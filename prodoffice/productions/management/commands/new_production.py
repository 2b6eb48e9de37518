"""`prodoffice new-production CODE --title TITLE --producer EMAIL`: start a production from the
command line, for whoever runs the installation."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from prodoffice.core.errors import FieldErrors, RuleBroken
from prodoffice.productions.choices import ProductionKind
from prodoffice.productions.services import ProductionDetails, account_for, create_production


class Command(BaseCommand):
    help = (
        "Start a production with the default departments and make the person with this e-mail "
        "address its producer/UPM (an account is made for them if they have none)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code", help="short code used in links, e.g. NIGHTOWL")
        parser.add_argument("--title", required=True)
        parser.add_argument("--producer", required=True, metavar="EMAIL")
        parser.add_argument("--name", default="", help="the producer's name, for a new account")
        parser.add_argument("--kind", default="feature", choices=ProductionKind.values)
        parser.add_argument("--time-zone", default="America/Los_Angeles")
        parser.add_argument("--currency", default="USD")

    def handle(self, *args: Any, **options: Any) -> None:
        details = ProductionDetails(
            title=options["title"],
            kind=options["kind"],
            time_zone=options["time_zone"],
            currency=options["currency"],
        )
        try:
            with transaction.atomic():  # no account is left behind for a refused production
                producer, password = account_for(email=options["producer"], name=options["name"])
                production = create_production(
                    by_operator=True, creator=producer, code=options["code"], details=details
                )
        except FieldErrors as exc:
            raise CommandError(
                "; ".join(f"{name}: {message}" for name, message in exc.errors.items())
            ) from exc
        except RuleBroken as exc:
            raise CommandError(exc.message) from exc
        note = f" Their first password is {password}: pass it on privately." if password else ""
        self.stdout.write(
            f"Made {production.code} · {production.title}; "
            f"producer/UPM: {producer.get_username()}.{note}"
        )
