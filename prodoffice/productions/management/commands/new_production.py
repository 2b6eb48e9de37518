"""`prodoffice new-production CODE --title TITLE [--currency C] [--time-zone Z] [--start DATE]
[--producer EMAIL]`: start a production from the command line, for whoever runs the installation
(a contract in DESIGN.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from prodoffice.core.errors import FieldErrors, RuleBroken
from prodoffice.productions.choices import ProductionKind
from prodoffice.productions.services import ProductionDetails, account_for, create_production


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"--start {text!r} is not a date; write it as 2027-03-01.") from None


class Command(BaseCommand):
    help = (
        "Start an empty production with the default departments. With --producer, the person "
        "with that e-mail address becomes its producer/UPM (an account is made if they have "
        "none); without it, appoint one later with `prodoffice appoint-producer`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code", help="short code used in links, e.g. NIGHTOWL")
        parser.add_argument("--title", required=True)
        parser.add_argument("--producer", default="", metavar="EMAIL")
        parser.add_argument("--name", default="", help="the producer's name, for a new account")
        parser.add_argument("--kind", default="feature", choices=ProductionKind.values)
        parser.add_argument("--time-zone", default="America/Los_Angeles")
        parser.add_argument("--currency", default="USD")
        parser.add_argument("--start", default="", metavar="DATE", help="first shoot day")

    def handle(self, *args: Any, **options: Any) -> None:
        details = ProductionDetails(
            title=options["title"],
            kind=options["kind"],
            time_zone=options["time_zone"],
            currency=options["currency"],
            shoot_start=_date(options["start"]) if options["start"] else None,
        )
        producer, password = None, None
        try:
            with transaction.atomic():  # no account is left behind for a refused production
                if options["producer"]:
                    producer, password = account_for(
                        email=options["producer"], name=options["name"]
                    )
                production = create_production(
                    by_operator=True, creator=producer, code=options["code"], details=details
                )
        except FieldErrors as exc:
            raise CommandError(
                "; ".join(f"{name}: {message}" for name, message in exc.errors.items())
            ) from exc
        except RuleBroken as exc:
            raise CommandError(exc.message) from exc
        if producer is None:
            team = (
                "no team yet: appoint its producer/UPM with "
                f"`prodoffice appoint-producer {production.code} EMAIL`."
            )
        else:
            note = f" Their first password is {password}: pass it on privately." if password else ""
            team = f"producer/UPM: {producer.get_username()}.{note}"
        self.stdout.write(f"Made {production.code} · {production.title}; {team}")
