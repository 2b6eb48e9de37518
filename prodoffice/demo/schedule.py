"""The demo's schedule: a first pass in script order, the rules of a real shoot, and the
optimizer's version of it, accepted and published as the current schedule."""

from __future__ import annotations

from datetime import date, timedelta

from prodoffice.domain.scheduling.calendar import DayKind
from prodoffice.productions.access import ProductionAccess
from prodoffice.scheduling.models import OptimizerRun, Schedule
from prodoffice.scheduling.services import (
    add_unavailability,
    create_schedule,
    publish,
    set_strip_rules,
)
from prodoffice.scheduling.services.optimizer import accept_run, execute_run
from prodoffice.scripts.models import BreakdownElement, ScriptRevision

# Seconds the demo gives the optimizer; `make run` waits for it once, on the first start.
OPTIMIZER_SECONDS = 10


def create_demo_schedules(
    access: ProductionAccess,
    revision: ScriptRevision,
    shoot_start: date,
    *,
    optimizer_seconds: float = OPTIMIZER_SECONDS,
) -> Schedule:
    first_pass = create_schedule(
        access=access,
        revision=revision,
        name="First pass",
        start_date=shoot_start,
        eighths_per_day=16,  # two pages a day: the demo script over about 30 shoot days
    )
    shoot_days = list(first_pass.days.filter(kind=DayKind.SHOOT).order_by("order"))
    week_two = shoot_days[5].date
    old_man = BreakdownElement.objects.get(
        production=access.production, category="cast", name="OLD MAN HALLORAN"
    )
    add_unavailability(
        access=access,
        element=old_man,
        first_date=week_two,
        last_date=week_two + timedelta(days=4),
        note="On stage in Reno that week",
    )
    week_three = shoot_days[10].date
    add_unavailability(
        access=access,
        location="BLUE MESA DINER",
        first_date=week_three,
        last_date=week_three + timedelta(days=4),
        note="Open for business; ours on other weeks",
    )
    deadline = shoot_days[9].date
    for strip in first_pass.strips.select_related("scene"):
        if strip.scene.set_name == "SALT FLATS":
            # The lake bed floods after the spring rains: the flats are shot in two weeks.
            set_strip_rules(access=access, strip=strip, must_shoot_by=deadline, together="")
        elif strip.scene.set_name.startswith("JUNE'S CAR"):
            # One process-trailer day for every car scene.
            set_strip_rules(access=access, strip=strip, must_shoot_by=None, together="CAR")
    # On a busy machine a short run can end before finding a schedule that keeps every rule:
    # then it is given twice the time, up to three tries.
    seconds = max(1, round(optimizer_seconds))
    for _ in range(3):
        run = OptimizerRun.objects.create(schedule=first_pass, time_limit=seconds)
        execute_run(run.pk)
        run.refresh_from_db()
        if run.status == OptimizerRun.Status.DONE:
            break
        seconds *= 2
    optimised = accept_run(access=access, run=run, name="Optimised")
    return publish(access=access, schedule=optimised)
