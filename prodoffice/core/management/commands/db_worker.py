"""`prodoffice db_worker`: django-tasks-db's worker, giving a sign of life as it runs.

Its beat (prodoffice/core/worker.py) tells the Outbox page a worker is running, and takes back
what a dead worker left half-done.
"""

from __future__ import annotations

import os
from typing import Any

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from prodoffice.core.worker import Beat


class Command(db_worker.Command):  # type: ignore[misc]
    help = "Run the background worker (sending, PDFs, the optimizer); `prodoffice serve` runs it."

    def handle(self, *args: Any, worker_id: str, reload: bool, batch: bool, **options: Any) -> None:
        options.update(worker_id=worker_id, reload=reload, batch=batch)
        if reload and not batch and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true":
            # This process only watches the code; the worker runs, and beats, in its child.
            super().handle(*args, **options)
            return
        beat = Beat(worker_id)
        beat.start()
        try:
            super().handle(*args, **options)
        finally:
            beat.stop()
