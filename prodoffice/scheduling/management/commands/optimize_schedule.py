"""`prodoffice optimize-schedule PATH --json [--time-limit S]`: the cheapest schedule.

Two forms (docs/optimizer.md). The classic form of DESIGN.md's contract: cast with daily
costs, scenes with durations and the cast they need, shot one after another. The day-based
form, a document with a top-level "days" list: scenes placed on shoot days up to each day's
capacity, under availability, must-shoot-by, together and fixed-day rules. No database is
touched.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from prodoffice.domain.scheduling import shoot_plan
from prodoffice.domain.scheduling.talent import TalentError, TalentInstance, TalentResult, solve

# The day-based optimizer has no proof to wait for on a real schedule; it stops by default.
DAY_BASED_DEFAULT_SECONDS = 60.0


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
            help=(
                "stop after S seconds (default: the classic form runs until the order is proven "
                f"optimal; the day-based form stops after {DAY_BASED_DEFAULT_SECONDS:g} s)"
            ),
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
        if isinstance(document, dict) and "days" in document:
            self._by_days(path, document, as_json, time_limit)
            return
        try:
            result = solve(TalentInstance.from_json(document), time_limit=time_limit)
        except TalentError as exc:
            raise CommandError(f"{path}: {exc}") from exc
        if as_json:
            self.stdout.write(json.dumps(result.as_contract(), ensure_ascii=False))
            return
        self.stdout.write(_summary(result))

    def _by_days(
        self, path: Path, document: dict[str, object], as_json: bool, time_limit: float | None
    ) -> None:
        try:
            instance = shoot_plan.ShootPlanInstance.from_json(document)
            plan = shoot_plan.solve(
                instance,
                time_limit=DAY_BASED_DEFAULT_SECONDS if time_limit is None else time_limit,
            )
        except shoot_plan.PlanError as exc:
            raise CommandError(f"{path}: {exc}") from exc
        if as_json:
            self.stdout.write(json.dumps(plan.as_json(instance), ensure_ascii=False))
            return
        self.stdout.write(_day_summary(plan))


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


def _day_summary(plan: shoot_plan.ShootPlan) -> str:
    lines = [
        f"Day {day}: {' '.join(scenes) if scenes else '(no scenes)'}"
        for day, scenes in plan.days.items()
    ]
    if plan.unscheduled:
        lines.append(f"Unscheduled: {' '.join(plan.unscheduled)}")
    cost = plan.cost
    if plan.optimal:
        verdict = "optimal (proven)"
    else:
        verdict = f"not proven: no schedule costs less than {plan.lower_bound}"
    lines.append(
        f"Total cost: {cost.total} (cast {cost.cast_cost} for {cost.cast_days} paid days, "
        f"{cost.holding_days} holding, {cost.drops} drops; {cost.company_moves} company moves), "
        f"{verdict}, in {plan.seconds:.2f} s"
    )
    return "\n".join(lines)
