"""The background worker's sign of life and its housekeeping, in a thread beside its task loop.

Every WORKER_BEAT_SECONDS the thread writes the worker's `WorkerBeat` row (the Outbox page
reads it to say when no worker is running), takes back the e-mails a dead worker left
half-sent (`sending.take_back_stale`), and marks failed the tasks a dead worker left
"running", which no worker would ever finish. A thread, so that a long task (a schedule
optimisation, a PDF) does not stop the beat.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from datetime import datetime, timedelta

from django.conf import settings
from django.db import close_old_connections, connections
from django.utils import timezone
from django_tasks import TaskResultStatus, task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from prodoffice.core import sending
from prodoffice.core.models import WorkerBeat

log = logging.getLogger(__name__)

SILENT_BEATS = 6  # a worker this many beats late is taken for gone
KEEP_BEATS = timedelta(days=1)  # rows of workers gone this long are deleted


def gone_before() -> datetime:
    return timezone.now() - timedelta(seconds=settings.WORKER_BEAT_SECONDS * SILENT_BEATS)


def worker_missing() -> bool:
    """True when tasks wait for a background worker (the database backend) and none has
    given a sign of life lately: queued e-mail is not going out."""
    if not isinstance(task_backends["default"], DatabaseBackend):
        return False  # tasks run as they are queued
    return not WorkerBeat.objects.filter(beat_at__gte=gone_before()).exists()


def beat(worker_id: str) -> None:
    """One sign of life, and the housekeeping that goes with it."""
    now = timezone.now()
    WorkerBeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={"beat_at": now, "pid": os.getpid(), "host": socket.gethostname()[:255]},
    )
    WorkerBeat.objects.filter(beat_at__lt=now - KEEP_BEATS).delete()
    sending.take_back_stale()
    _fail_tasks_of_dead_workers()


def _fail_tasks_of_dead_workers() -> None:
    gone = gone_before()
    alive = set(WorkerBeat.objects.filter(beat_at__gte=gone).values_list("worker_id", flat=True))
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=gone)
    for pk, workers in running.values_list("pk", "worker_ids"):
        if workers and workers[-1] in alive:
            continue
        log.warning("Task %s was left running by a worker that stopped; marked failed", pk)
        running.filter(pk=pk).update(
            status=TaskResultStatus.FAILED,
            finished_at=timezone.now(),
            exception_class_path="prodoffice.core.worker.WorkerStopped",
            traceback="The worker running this task stopped (killed or crashed) before it ended.",
        )


class Beat(threading.Thread):
    """The worker's beat, started beside its task loop; `stop` removes its row, so a worker
    stopped on purpose is at once shown as not running."""

    def __init__(self, worker_id: str) -> None:
        super().__init__(name="worker-beat", daemon=True)
        self.worker_id = worker_id
        self.stopping = threading.Event()

    def run(self) -> None:
        try:
            while not self.stopping.is_set():
                close_old_connections()
                try:
                    beat(self.worker_id)
                except Exception:  # a locked or restarting database: the next beat tries again
                    log.exception("The background worker's beat failed")
                self.stopping.wait(settings.WORKER_BEAT_SECONDS)
            WorkerBeat.objects.filter(worker_id=self.worker_id).delete()
        finally:
            connections.close_all()

    def stop(self) -> None:
        self.stopping.set()
        self.join(timeout=10)
