"""`prodoffice appoint-producer CODE EMAIL [--name NAME]`: the operator makes someone
producer/UPM of a production, the way in for one started with no team or left without one."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from prodoffice.core.errors import RuleBroken
from prodoffice.productions.models import Production
from prodoffice.productions.services import appoint_producer


class Command(BaseCommand):
    help = (
        "Make the person with this e-mail address producer/UPM of the production (an account "
        "is made if they have none)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code")
        parser.add_argument("email")
        parser.add_argument("--name", default="", help="their name, for a new account")

    def handle(self, *args: Any, code: str, email: str, name: str, **options: Any) -> None:
        production = Production.objects.filter(code=code.strip().upper()).first()
        if production is None:
            raise CommandError(f"There is no production with code {code.strip().upper()}.")
        try:
            membership, password = appoint_producer(production=production, email=email, name=name)
        except RuleBroken as exc:
            raise CommandError(exc.message) from exc
        note = f" Their first password is {password}: pass it on privately." if password else ""
        self.stdout.write(
            f"{membership.user.get_username()} is producer/UPM of {production.code}.{note}"
        )
