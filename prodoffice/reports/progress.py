"""The production's progress: the current schedule's plan against the reported days."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Sum

from prodoffice.domain.access import Capability
from prodoffice.domain.progress.progress import PlanDay, Progress, progress
from prodoffice.domain.scheduling.calendar import DayKind
from prodoffice.productions.access import ProductionAccess
from prodoffice.reports.models import ReportScene
from prodoffice.scheduling.models import Schedule, Strip


def production_progress(access: ProductionAccess) -> tuple[Schedule | None, Progress | None]:
    """Pages planned per shoot day against pages shot on the days reported (3 queries).

    A day counts as reported once its production report records a result for a scene.
    """
    access.require(Capability.VIEW_REPORTS)
    schedule = Schedule.objects.filter(production=access.production, is_current=True).first()
    if schedule is None:
        return None, None
    planned: dict[int, int] = defaultdict(int)
    for day_id, eighths in Strip.objects.filter(schedule=schedule, day__isnull=False).values_list(
        "day_id", "scene__eighths"
    ):
        planned[day_id] += max(eighths, 1)
    days = schedule.days.filter(kind=DayKind.SHOOT).order_by("order")
    plan = [PlanDay(d.number or 0, d.date, planned.get(d.pk, 0)) for d in days]
    shot = dict(
        ReportScene.objects.filter(report__call_sheet__schedule=schedule)
        .exclude(result="")
        .exclude(retake=True)  # its pages were credited the day the scene was completed
        .values("report__call_sheet__day__number")
        .annotate(eighths=Sum("eighths_shot"))
        .values_list("report__call_sheet__day__number", "eighths")
    )
    return schedule, progress(plan, {n: e or 0 for n, e in shot.items() if n})
