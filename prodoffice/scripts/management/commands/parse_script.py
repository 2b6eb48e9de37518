"""`prodoffice parse-script PATH --json`: read a screenplay file; no database is touched."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from prodoffice.domain.screenplay.analysis import analyse
from prodoffice.domain.screenplay.model import ScreenplayError


class Command(BaseCommand):
    help = "Parse a Fountain (.fountain, .txt, .spmd) or Final Draft (.fdx) file and print it."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="one JSON document on stdout"
        )

    def handle(self, *args: Any, path: Path, as_json: bool, **options: Any) -> None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
        try:
            result = analyse(data, path.name)
        except ScreenplayError as exc:
            raise CommandError(str(exc)) from exc
        if as_json:
            self.stdout.write(_dumps(result.as_contract()))
            return
        self.stdout.write(
            f"{result.title or path.name}: {len(result.script.scenes)} scenes, "
            f"{result.script.pages} pages, {_eighths(result.script.eighths)} pages of scenes"
        )
        for scene in result.script.scenes:
            number = scene.number or "-"
            self.stdout.write(f"{number:>5}  {_eighths(scene.eighths):>7}  {scene.heading}")


def _eighths(total: int) -> str:
    whole, part = divmod(total, 8)
    if not part:
        return str(whole)
    return f"{whole} {part}/8" if whole else f"{part}/8"


def _dumps(document: object) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1)
