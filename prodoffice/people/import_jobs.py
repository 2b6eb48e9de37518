"""Crew list imports in the background: queue the file, import it in the worker, show progress.

A full crew list (5,000 rows) takes 5-6 s of CPU to read, check and hire (bench/README.md,
"Size limits"): too long for a web request, so the page queues it and follows it instead.
"""

from __future__ import annotations

import logging
from pathlib import PurePath

from django.db import transaction
from django_tasks import task

from prodoffice.core.errors import RuleBroken
from prodoffice.domain.access import Capability
from prodoffice.domain.people.crew_sheet import MAX_BYTES
from prodoffice.people.imports import import_crew
from prodoffice.people.models import CrewImport
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.models import Membership

log = logging.getLogger(__name__)


def queue_crew_import(
    *, access: ProductionAccess, filename: str, content: bytes, valid_rows_only: bool
) -> CrewImport:
    """Keep the file and hand it to the background worker; nothing is hired yet."""
    access.require(Capability.EDIT_PEOPLE)
    name = PurePath(filename.replace("\\", "/")).name[:255] or "The file"
    if len(content) > MAX_BYTES:
        raise RuleBroken(f"{name} is over 5 MB; a crew list is far smaller. Split it up.")
    job = CrewImport.objects.create(
        production=access.production,
        uploaded_by=access.user,
        filename=name,
        content=content,
        valid_rows_only=valid_rows_only,
        stage="Waiting for the background worker",
    )
    transaction.on_commit(lambda: import_crew_list.enqueue(job.pk))
    return job


@task()
def import_crew_list(import_pk: int) -> None:
    """The background task behind a crew list import."""
    run_crew_import(import_pk)


def run_crew_import(import_pk: int) -> CrewImport:
    """Import the queued file as its uploader, writing each stage for the page to show."""
    job = CrewImport.objects.select_related("production").get(pk=import_pk)
    if job.status != CrewImport.Status.QUEUED:
        return job
    _save(job, status=CrewImport.Status.RUNNING)
    access = _uploader(job)
    if access is None:
        return _save(
            job,
            status=CrewImport.Status.DONE,
            problem="Whoever uploaded the file may no longer add crew; nothing was imported.",
        )
    try:
        result = import_crew(
            access=access,
            filename=job.filename,
            content=bytes(job.content),
            valid_rows_only=job.valid_rows_only,
            on_stage=lambda stage: _save(job, stage=stage),
        )
    except RuleBroken as error:
        return _save(job, status=CrewImport.Status.DONE, problem=error.message)
    except Exception:
        log.exception("Crew list import %s failed", job.pk)
        return _save(
            job,
            status=CrewImport.Status.FAILED,
            problem="The import stopped on an error; nothing was imported. Try again, and "
            "tell whoever runs Prodoffice if it happens again.",
        )
    return _save(
        job,
        status=CrewImport.Status.DONE,
        imported=result.imported,
        rows_seen=result.rows_seen,
        errors=[{"line": e.line, "column": e.column, "message": e.message} for e in result.errors],
        ignored_columns=result.ignored_columns,
    )


def _uploader(job: CrewImport) -> ProductionAccess | None:
    membership = (
        Membership.objects.select_related("production", "user")
        .filter(user_id=job.uploaded_by_id, production=job.production)
        .first()
    )
    if membership is None:
        return None
    access = ProductionAccess(production=membership.production, membership=membership)
    return access if access.can(Capability.EDIT_PEOPLE) else None


def _save(job: CrewImport, **values: object) -> CrewImport:
    if values.get("status") in (CrewImport.Status.DONE, CrewImport.Status.FAILED):
        values |= {"content": b"", "stage": ""}  # the file holds people's details: not kept
    for name, value in values.items():
        setattr(job, name, value)
    job.save(update_fields=[*values, "updated_at"])
    return job
