"""`prodoffice import-script --production CODE PATH`: a new script, or its next draft."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.http import Http404

from prodoffice.core.errors import RuleBroken
from prodoffice.productions.access import access_production
from prodoffice.scripts import services
from prodoffice.scripts.models import Script


class Command(BaseCommand):
    help = "Import a screenplay (.fountain, .txt, .spmd, .fdx) into a production."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--production", required=True, help="production code, e.g. DEMO")
        parser.add_argument(
            "--as-user", required=True, help="the user it is done as (their role must allow it)"
        )
        parser.add_argument(
            "--draft-of", type=int, help="id of an existing script: import PATH as its next draft"
        )

    def handle(self, *args: Any, path: Path, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["as_user"]).first()
        if user is None:
            raise CommandError(f"No user {options['as_user']!r}.")
        try:
            access = access_production(user, options["production"])
        except Http404 as exc:
            raise CommandError(
                f"{options['as_user']} is not on a production {options['production']!r}."
            ) from exc
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
        try:
            if options["draft_of"]:
                script = Script.objects.filter(
                    pk=options["draft_of"], production=access.production
                ).first()
                if script is None:
                    raise CommandError(f"No script {options['draft_of']} on this production.")
                revision = services.import_draft(
                    access=access, script=script, filename=path.name, data=data
                )
            else:
                revision = services.import_script(access=access, filename=path.name, data=data)
        except RuleBroken as exc:
            raise CommandError(exc.message) from exc
        except PermissionDenied as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{revision.script} (script {revision.script_id}): {revision.color} draft, "
            f"{revision.scenes.count()} scenes, {revision.pages} pages."
        )
