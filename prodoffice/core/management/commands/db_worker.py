"""`prodoffice db_worker`: django-tasks-db's worker, giving a sign of life as it runs.

Its beat (prodoffice/core/worker.py) tells the Outbox page a worker is running, and takes back
what a dead worker left half-done.
"""

from __future__ import annotations

from typing import Any

from django_tasks_db.management.commands import db_worker

from prodoffice.core.worker import Beat


class Command(db_worker.Command):  # type: ignore[misc]
    help = "Run the background worker (sending, PDFs, the optimizer); `prodoffice serve` runs it."

    def handle(self, *args: Any, worker_id: str, **options: Any) -> None:
        beat = Beat(worker_id)
        beat.start()
        try:
            super().handle(*args, worker_id=worker_id, **options)
        finally:
            beat.stop()
