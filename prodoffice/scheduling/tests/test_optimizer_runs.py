"""The optimizer from the stripboard: a background run, its comparison, and accepting it."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from prodoffice.core.errors import RuleBroken
from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.scheduling import services
from prodoffice.scheduling.checks import board_checks
from prodoffice.scheduling.models import OptimizerRun, Schedule, Strip
from prodoffice.scheduling.planning import compare_run
from prodoffice.scheduling.services import optimizer
from prodoffice.scheduling.tests.test_board_rules import _strip_with_cast
from prodoffice.scheduling.tests.test_schedules import _schedule

pytestmark = pytest.mark.django_db
Callbacks = Callable[..., AbstractContextManager[Any]]


def _client(world: World, role: Role = Role.COORDINATOR) -> Client:
    client = Client()
    client.force_login(world.users[str(role)])
    return client


def test_a_run_proposes_a_schedule_that_keeps_the_rules_and_is_accepted(
    world: World, django_capture_on_commit_callbacks: Callbacks
) -> None:
    schedule = _schedule(world)
    access = world.access(Role.COORDINATOR)
    strip, element = _strip_with_cast(schedule)
    assert strip.day is not None
    services.add_unavailability(
        access=access, element=element, first_date=strip.day.date, last_date=strip.day.date
    )
    assert board_checks(schedule).messages
    client, code = _client(world), world.production.code
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(
            reverse("optimizer_start", args=[code, schedule.pk]), {"time_limit": "5"}
        )
    run = OptimizerRun.objects.get()
    assert started.url == reverse("optimizer_run", args=[code, run.pk])
    assert run.status == OptimizerRun.Status.DONE, run.message
    assert run.lower_bound is not None and run.best_cost is not None
    assert run.lower_bound <= run.best_cost
    comparison = compare_run(run)
    assert comparison.proposed.broken == []
    assert comparison.current.broken  # the unavailable date
    assert comparison.proposed.cost.total <= comparison.current.cost.total
    page = client.get(started.url).content.decode()
    assert "Cast days on payroll" in page and "Accept as a new version" in page
    assert "Cast cost" not in page  # a coordinator does not see rates

    accepted = client.post(
        reverse("optimizer_accept", args=[code, run.pk]), {"name": "Optimised", "current": "on"}
    )
    new = Schedule.objects.get(name="Optimised")
    assert accepted.url == reverse("stripboard", args=[code, new.pk])
    assert new.is_current and new.status == "draft"
    assert new.strips.count() == schedule.strips.count()
    assert not [m for m in board_checks(new).messages if "not available" in m]
    # The schedule it started from is as it was.
    assert Strip.objects.get(pk=strip.pk).day_id == strip.day_id
    with pytest.raises(RuleBroken, match="finished run"):
        optimizer.accept_run(access=access, run=run, name="Again")


def test_the_producer_sees_the_money_side_by_side(
    world: World, django_capture_on_commit_callbacks: Callbacks
) -> None:
    schedule = _schedule(world)
    with django_capture_on_commit_callbacks(execute=True):
        optimizer.start_run(access=world.access(Role.PRODUCER), schedule=schedule, time_limit=5)
    run = OptimizerRun.objects.get()
    page = _client(world, Role.PRODUCER).get(
        reverse("optimizer_run", args=[world.production.code, run.pk])
    )
    assert "Cast cost (daily rates x days)" in page.content.decode()


def test_a_stopped_run_keeps_the_best_found(world: World) -> None:
    schedule = _schedule(world)
    run = OptimizerRun.objects.create(schedule=schedule, time_limit=60, stop_requested=True)
    optimizer.execute_run(run.pk)
    run.refresh_from_db()
    assert run.status == OptimizerRun.Status.DONE
    assert run.message.startswith("Stopped")
    assert run.seconds < 30
    placed = sum(len(strips) for strips in run.result["days"].values())
    assert placed + len(run.result["unscheduled"]) == schedule.strips.count()


def test_a_schedule_that_cannot_keep_its_rules_says_which(world: World) -> None:
    schedule = _schedule(world)
    first_day = schedule.days.filter(kind="shoot").order_by("order").first()
    assert first_day is not None
    strips = list(schedule.strips.order_by("day__order", "order")[:2])
    access = world.access(Role.COORDINATOR)
    for strip in strips:  # both must be shot on the first day, which cannot hold them both
        services.set_strip_rules(
            access=access, strip=strip, must_shoot_by=first_day.date, together=""
        )
    schedule.eighths_per_day = max(s.scene.eighths for s in strips)
    schedule.save()
    run = OptimizerRun.objects.create(schedule=schedule, time_limit=5)
    optimizer.execute_run(run.pk)
    run.refresh_from_db()
    assert run.status == OptimizerRun.Status.FAILED
    assert run.message and "Traceback" not in run.message
    page = _client(world).get(reverse("optimizer_run", args=[world.production.code, run.pk]))
    assert page.status_code == 200 and "Review the rules" in page.content.decode()


def test_one_run_at_a_time_and_a_sane_time_limit(world: World) -> None:
    schedule = _schedule(world)
    access = world.access(Role.COORDINATOR)
    with pytest.raises(RuleBroken, match="5 to 600 seconds"):
        optimizer.start_run(access=access, schedule=schedule, time_limit=0)
    OptimizerRun.objects.create(schedule=schedule, status=OptimizerRun.Status.RUNNING)
    with pytest.raises(RuleBroken, match="already working"):
        optimizer.start_run(access=access, schedule=schedule, time_limit=10)
