"""`prodoffice optimize-schedule PATH --json [--time-limit S]`: the cheapest order of scenes.

The classic form of DESIGN.md's contract: cast with daily costs, scenes with durations and the
cast they need, shot one after another. No database is touched.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from prodoffice.domain.scheduling.talent import TalentError, TalentInstance, TalentResult, solve


class Command(BaseCommand):
    help = (
        "Order scenes so the cast spends the fewest paid days on hold; prove the order optimal "
        "or, with --time-limit, stop with the best order found and a proven lower bound."
    )
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="one JSON document on stdout"
        )
        parser.add_argument(
            "--time-limit",
            type=float,
            default=None,
            metavar="S",
            help="stop after S seconds (default: run until the order is proven optimal)",
        )

    def handle(
        self, *args: Any, path: Path, as_json: bool, time_limit: float | None, **options: Any
    ) -> None:
        if time_limit is not None and not time_limit > 0:
            raise CommandError(
                f"--time-limit must be a number of seconds above 0, not {time_limit}."
            )
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
        except UnicodeDecodeError as exc:
            raise CommandError(f"{path} is not UTF-8 text; it must be a JSON document.") from exc
        try:
            document = json.loads(text)
        except json.JSONDecodeError as exc:
            raise CommandError(
                f"{path} is not JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})."
            ) from exc
        try:
            result = solve(TalentInstance.from_json(document), time_limit=time_limit)
        except TalentError as exc:
            raise CommandError(f"{path}: {exc}") from exc
        if as_json:
            self.stdout.write(json.dumps(result.as_contract(), ensure_ascii=False))
            return
        self.stdout.write(_summary(result))


def _summary(result: TalentResult) -> str:
    if result.optimal:
        verdict = "optimal (proven)"
    else:
        gap = (result.total_cost - result.lower_bound) / max(1, result.lower_bound)
        verdict = f"not proven: no order costs less than {result.lower_bound} ({gap:.1%} gap)"
    return (
        f"Order: {' '.join(str(scene) for scene in result.order)}\n"
        f"Cast cost: {result.total_cost} (holding {result.holding_cost}), {verdict}, "
        f"in {result.seconds:.2f} s"
    )
