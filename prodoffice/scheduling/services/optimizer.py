"""Optimizer runs: start one in the background, follow it, stop it, accept its proposal.

The run works on the planning instance of the schedule as it was when the run began; its
proposal is a new version of the schedule, never a change to the one the office is using.
"""

from __future__ import annotations

import logging
import threading

from django.db import transaction
from django_tasks import task

from prodoffice.core import history
from prodoffice.core.errors import RuleBroken
from prodoffice.core.models import ChangeRecord
from prodoffice.domain.access import Capability
from prodoffice.domain.scheduling.shoot_plan import PlanError, Progress, ShootPlan, solve
from prodoffice.productions.access import ProductionAccess
from prodoffice.scheduling.models import Banner, OptimizerRun, Schedule, ShootDay, Strip
from prodoffice.scheduling.planning import schedule_plan
from prodoffice.scheduling.services.versions import make_current

log = logging.getLogger(__name__)

ACTIVE = (OptimizerRun.Status.QUEUED, OptimizerRun.Status.RUNNING)
MIN_SECONDS, MAX_SECONDS = 5, 600
PROGRESS_EVERY = 0.5  # seconds between progress writes and looks at the stop button


def start_run(
    *, access: ProductionAccess, schedule: Schedule, time_limit: int = 60
) -> OptimizerRun:
    """Queue a run on the schedule; one at a time per schedule."""
    access.require(Capability.EDIT_SCHEDULE)
    if schedule.production_id != access.production.pk:
        raise RuleBroken("That schedule is not on this production.")
    if not MIN_SECONDS <= time_limit <= MAX_SECONDS:
        raise RuleBroken(
            f"Give the optimizer {MIN_SECONDS} to {MAX_SECONDS} seconds.", field="time_limit"
        )
    if OptimizerRun.objects.filter(schedule=schedule, status__in=ACTIVE).exists():
        raise RuleBroken("The optimizer is already working on this schedule.")
    run = OptimizerRun.objects.create(
        schedule=schedule, time_limit=time_limit, requested_by=access.user
    )
    transaction.on_commit(lambda: optimize_schedule.enqueue(run.pk))
    return run


def stop_run(*, access: ProductionAccess, run: OptimizerRun) -> None:
    """Ask a run to stop; it keeps the best schedule it has found so far."""
    access.require(Capability.EDIT_SCHEDULE)
    OptimizerRun.objects.filter(pk=run.pk, status__in=ACTIVE).update(stop_requested=True)


@task()
def optimize_schedule(run_pk: int) -> None:
    """The background task (`prodoffice serve` runs the worker) behind a run."""
    execute_run(run_pk)


def execute_run(run_pk: int) -> None:
    """The background work of a run: solve, reporting progress, until done or stopped."""
    run = OptimizerRun.objects.select_related("schedule__production").get(pk=run_pk)
    if run.status != OptimizerRun.Status.QUEUED:
        return
    run.status = OptimizerRun.Status.RUNNING
    run.save(update_fields=["status", "updated_at"])
    plan = schedule_plan(run.schedule)
    # The solver runs in a thread of its own and never touches the database; this thread
    # writes its progress and passes on the stop button, each half second.
    latest: list[Progress] = []
    stop = threading.Event()
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["result"] = solve(
                plan.instance,
                time_limit=run.time_limit,
                on_progress=latest.append,
                should_stop=stop.is_set,
                hint=plan.assignment,
            )
        except Exception as error:  # handed to the thread that reports it
            outcome["error"] = error

    solver = threading.Thread(target=work, name=f"optimizer-run-{run.pk}", daemon=True)
    solver.start()
    shown = 0
    while solver.is_alive():
        solver.join(timeout=PROGRESS_EVERY)
        if len(latest) > shown:
            shown = len(latest)
            progress = latest[-1]
            OptimizerRun.objects.filter(pk=run.pk).update(
                seconds=progress.seconds,
                best_cost=progress.best_cost,
                lower_bound=progress.lower_bound,
            )
        if OptimizerRun.objects.filter(pk=run.pk, stop_requested=True).exists():
            stop.set()
    error = outcome.get("error")
    if isinstance(error, PlanError):
        _finish(run, OptimizerRun.Status.FAILED, message=str(error))
        return
    if error is not None:
        log.error("Optimizer run %s failed", run.pk, exc_info=error)  # type: ignore[arg-type]
        _finish(run, OptimizerRun.Status.FAILED, message="The optimizer stopped on an error.")
        return
    result = outcome["result"]
    assert isinstance(result, ShootPlan)
    _finish(run, OptimizerRun.Status.DONE, result=result)


def _finish(
    run: OptimizerRun, status: str, *, message: str = "", result: ShootPlan | None = None
) -> None:
    run.status, run.message = status, message
    fields = ["status", "message", "updated_at"]
    if result is not None:
        run.result = {"days": result.days, "unscheduled": result.unscheduled}
        run.best_cost, run.lower_bound = result.cost.total, result.lower_bound
        run.optimal, run.seconds = result.optimal, result.seconds
        if result.stopped:
            run.message = "Stopped: this is the best schedule found until then."
        fields += ["result", "best_cost", "lower_bound", "optimal", "seconds"]
    run.save(update_fields=fields)


@transaction.atomic
def accept_run(
    *, access: ProductionAccess, run: OptimizerRun, name: str, current: bool = False
) -> Schedule:
    """The proposal as a new draft version of the schedule (the old one stays as it was)."""
    access.require(Capability.EDIT_SCHEDULE)
    run = OptimizerRun.objects.select_for_update().select_related("schedule").get(pk=run.pk)
    if run.status != OptimizerRun.Status.DONE:
        raise RuleBroken("Only a finished run's schedule can be accepted.")
    source = run.schedule
    name = " ".join(name.split())[:120] or f"{source.name} (optimised)"
    schedule = Schedule.objects.create(
        production=source.production,
        name=name,
        revision=source.revision,
        start_date=source.start_date,
        eighths_per_day=source.eighths_per_day,
        minutes_per_page=source.minutes_per_page,
        max_hours_per_day=source.max_hours_per_day,
        us_holidays=source.us_holidays,
        created_by=access.user,
    )
    days = list(source.days.order_by("order").prefetch_related("banners"))
    copies = ShootDay.objects.bulk_create(
        ShootDay(
            schedule=schedule, order=d.order, kind=d.kind, number=d.number, date=d.date, note=d.note
        )
        for d in days
    )
    day_for = {str(old.pk): new for old, new in zip(days, copies, strict=True)}
    Banner.objects.bulk_create(
        Banner(day=day_for[str(d.pk)], kind=b.kind, text=b.text)
        for d in days
        for b in d.banners.all()
    )
    placed: dict[str, tuple[ShootDay | None, int]] = {}
    for day_id, strip_ids in run.result.get("days", {}).items():
        for order, strip_id in enumerate(strip_ids):
            placed[str(strip_id)] = (day_for.get(str(day_id)), order)
    strips = list(source.strips.order_by("order"))
    loose = len(placed)
    copied = []
    for strip in strips:
        day, order = placed.get(str(strip.pk), (None, loose))
        if day is None:
            loose += 1
        copied.append(
            Strip(
                schedule=schedule,
                scene_id=strip.scene_id,
                day=day,
                order=order,
                must_shoot_by=strip.must_shoot_by,
                together=strip.together,
            )
        )
    Strip.objects.bulk_create(copied)
    run.status, run.accepted_as = OptimizerRun.Status.ACCEPTED, schedule
    run.save(update_fields=["status", "accepted_as", "updated_at"])
    history.record_change(access, schedule, ChangeRecord.Action.CREATED)
    if current:
        make_current(access=access, schedule=schedule)
    return schedule
