"""Long PDFs of a draft, rendered by the background worker instead of the web request.

typst takes about 20 ms a breakdown sheet (bench/README.md, "Size limits"): a short draft's
sheets, or a revision report of a few changed scenes, are rendered while the person waits; a
long one is queued, followed on a page, and kept, so asking again for an unchanged document
hands over the same file.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django_tasks import task

from prodoffice.core.pdf import render_pdf
from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess
from prodoffice.scripts import pdf
from prodoffice.scripts.models import DraftPdf, ScriptRevision

log = logging.getLogger(__name__)

# About 2 s of rendering on a busy 2-core machine (1 s on a quiet one): breakdown sheets,
# or changed scenes printed with their text in a revision report.
IN_REQUEST_SCENES = 100
TEMPLATES = {
    DraftPdf.Kind.BREAKDOWN: pdf.BREAKDOWN_SHEETS,
    DraftPdf.Kind.REVISIONS: pdf.REVISION_REPORT,
}
_FINISHED = (DraftPdf.Status.DONE, DraftPdf.Status.FAILED)


def request_draft_pdf(
    *,
    access: ProductionAccess,
    revision: ScriptRevision,
    kind: DraftPdf.Kind,
    data: Mapping[str, Any],
    scenes: int,
    filename: str,
) -> DraftPdf:
    """The PDF of this data: the one made or being made, else a new one queued."""
    access.require(Capability.VIEW_SCRIPT)
    payload = json.dumps(data, cls=DjangoJSONEncoder, sort_keys=True)
    key = hashlib.sha256(payload.encode()).hexdigest()
    wanted = (DraftPdf.Status.QUEUED, DraftPdf.Status.RUNNING, DraftPdf.Status.DONE)
    made = DraftPdf.objects.filter(revision=revision, kind=kind, key=key, status__in=wanted)
    for found in made.defer("content", "data"):
        if found.status == DraftPdf.Status.DONE or found.active:
            return found
    job = DraftPdf.objects.create(
        revision=revision,
        kind=kind,
        key=key,
        data=json.loads(payload),
        sheets=scenes,
        filename=filename,
    )
    transaction.on_commit(lambda: render_draft_pdf.enqueue(job.pk))
    return job


@task()
def render_draft_pdf(file_pk: int) -> None:
    """The background task behind a long draft's PDF."""
    render_queued(file_pk)


def render_queued(file_pk: int) -> DraftPdf:
    job = DraftPdf.objects.get(pk=file_pk)
    if job.status != DraftPdf.Status.QUEUED:
        return job
    job.status = DraftPdf.Status.RUNNING
    job.save(update_fields=["status", "updated_at"])
    try:
        job.content = render_pdf(TEMPLATES[DraftPdf.Kind(job.kind)], job.data)
        job.status = DraftPdf.Status.DONE
    except Exception:
        log.exception("Draft PDF %s failed to render", job.pk)
        job.status = DraftPdf.Status.FAILED
        job.message = "The PDF could not be rendered. Try again, and tell whoever runs "
        job.message += "Prodoffice if it happens again."
    job.data = {}
    job.save(update_fields=["content", "status", "message", "data", "updated_at"])
    # One file a document is enough: the older ones were of data since changed.
    DraftPdf.objects.filter(
        revision_id=job.revision_id, kind=job.kind, status__in=_FINISHED
    ).exclude(pk=job.pk).delete()
    return job
