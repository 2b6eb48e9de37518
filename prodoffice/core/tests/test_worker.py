"""The background worker's sign of life, as the office sees it on the Outbox page."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from prodoffice.core.models import WorkerBeat
from prodoffice.core.tests.personas import make_world
from prodoffice.core.worker import beat
from prodoffice.domain.access import Role

pytestmark = pytest.mark.django_db
NOT_RUNNING = "The background worker is not running: e-mail is not being sent."


def _outbox(settings: Any, tasks: str = "django_tasks_db.DatabaseBackend") -> str:
    settings.TASKS = {"default": {"BACKEND": tasks}}
    world = make_world()
    client = Client()
    client.force_login(world.user(Role.COORDINATOR))
    reply = client.get(f"/p/{world.production.code}/outbox/")
    assert reply.status_code == 200
    return reply.content.decode()


def test_the_outbox_says_plainly_when_no_background_worker_is_running(settings: Any) -> None:
    page = _outbox(settings)
    assert NOT_RUNNING in page
    assert "prodoffice serve" in page and "prodoffice db_worker" in page


def test_the_outbox_says_so_when_the_last_worker_fell_silent(settings: Any) -> None:
    beat("worker-gone-quiet")
    WorkerBeat.objects.update(beat_at=timezone.now() - timedelta(minutes=5))
    assert NOT_RUNNING in _outbox(settings)


def test_the_outbox_says_nothing_of_the_worker_while_one_is_running(settings: Any) -> None:
    beat("worker-1")
    assert NOT_RUNNING not in _outbox(settings)


def test_where_tasks_run_at_once_there_is_no_worker_to_miss(settings: Any) -> None:
    immediate = "django_tasks.backends.immediate.ImmediateBackend"
    assert NOT_RUNNING not in _outbox(settings, tasks=immediate)
