"""Breakdown sheets of a long draft, rendered by the background worker instead of the request.

typst takes about 20 ms a sheet (bench/README.md, "Size limits"): a short draft's sheets are
rendered while the person waits; a long one's are queued, followed on a page, and kept, so
asking again for an unchanged breakdown hands over the same file.
"""

from __future__ import annotations

import hashlib
import json
import logging

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django_tasks import task

from prodoffice.core.pdf import render_pdf
from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess
from prodoffice.scripts import pdf
from prodoffice.scripts.models import BreakdownFile, ScriptRevision

log = logging.getLogger(__name__)

# About 2 s of rendering on a busy 2-core machine (1 s on a quiet one).
IN_REQUEST_SHEETS = 100


def request_breakdown_file(
    *, access: ProductionAccess, revision: ScriptRevision, data: pdf.BreakdownData
) -> BreakdownFile:
    """The file of these sheets: the one made or being made, else a new one queued."""
    access.require(Capability.VIEW_SCRIPT)
    payload = json.dumps(data, cls=DjangoJSONEncoder, sort_keys=True)
    key = hashlib.sha256(payload.encode()).hexdigest()
    wanted = (BreakdownFile.Status.QUEUED, BreakdownFile.Status.RUNNING, BreakdownFile.Status.DONE)
    for made in BreakdownFile.objects.filter(revision=revision, key=key, status__in=wanted).defer(
        "content", "data"
    ):
        if made.status == BreakdownFile.Status.DONE or made.active:
            return made
    job = BreakdownFile.objects.create(
        revision=revision,
        key=key,
        data=json.loads(payload),
        sheets=len(data["sheets"]),
        filename=pdf.breakdown_filename(revision),
    )
    transaction.on_commit(lambda: render_breakdown_file.enqueue(job.pk))
    return job


@task()
def render_breakdown_file(file_pk: int) -> None:
    """The background task behind a long draft's breakdown sheets."""
    render_queued(file_pk)


def render_queued(file_pk: int) -> BreakdownFile:
    job = BreakdownFile.objects.get(pk=file_pk)
    if job.status != BreakdownFile.Status.QUEUED:
        return job
    job.status = BreakdownFile.Status.RUNNING
    job.save(update_fields=["status", "updated_at"])
    try:
        job.content = render_pdf(pdf.BREAKDOWN_SHEETS, job.data)
        job.status = BreakdownFile.Status.DONE
    except Exception:
        log.exception("Breakdown sheets %s failed to render", job.pk)
        job.status = BreakdownFile.Status.FAILED
        job.message = "The sheets could not be rendered. Try again, and tell whoever runs "
        job.message += "Prodoffice if it happens again."
    job.data = {}
    job.save(update_fields=["content", "status", "message", "data", "updated_at"])
    # One file a draft is enough: the older ones were of sheets since changed.
    BreakdownFile.objects.filter(revision_id=job.revision_id, status__in=_FINISHED).exclude(
        pk=job.pk
    ).delete()
    return job


_FINISHED = (BreakdownFile.Status.DONE, BreakdownFile.Status.FAILED)
