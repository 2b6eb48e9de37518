"""Breakdown sheets and revision reports to download as PDF."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from prodoffice.core.htmx import render_page
from prodoffice.core.worker import worker_missing
from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.decorators import production_page
from prodoffice.scripts import draft_pdfs, pdf, selectors
from prodoffice.scripts.models import DraftPdf


@production_page(Capability.VIEW_SCRIPT)
def breakdown_pdf(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    script = selectors.access_script(access, pk)
    revision = selectors.current_revision(script)
    if revision is None:
        raise Http404("This script has no draft yet.")
    data = pdf.breakdown_data(access, revision)
    if len(data["sheets"]) <= draft_pdfs.IN_REQUEST_SCENES:
        return _attachment(pdf.render_breakdown(revision, data))
    return _in_background(
        access,
        revision,
        DraftPdf.Kind.BREAKDOWN,
        data,
        len(data["sheets"]),
        pdf.breakdown_filename(revision),
    )


@production_page(Capability.VIEW_SCRIPT)
def draft_pdf(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    made = selectors.access_draft_pdf(access, pk)
    context = {"file": made, "script": made.revision.script, "worker_missing": worker_missing()}
    return render_page(
        request, "scripts/draft_pdf.html", "scripts/partials/draft_pdf.html", context
    )


@production_page(Capability.VIEW_SCRIPT)
def draft_pdf_download(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    made = selectors.access_draft_pdf(access, pk, with_content=True)
    if made.status != made.Status.DONE:
        return redirect("draft_pdf", access.production.code, made.pk)
    return _attachment(pdf.PdfFile(made.filename, bytes(made.content)))


def _in_background(
    access: ProductionAccess, revision: Any, kind: str, data: Any, scenes: int, filename: str
) -> HttpResponse:
    """A long draft's PDF, made by the worker: to the file when an unchanged one is kept, else
    to the page that follows its making."""
    made = draft_pdfs.request_draft_pdf(
        access=access, revision=revision, kind=kind, data=data, scenes=scenes, filename=filename
    )
    return _follow(access, made)


def _follow(access: ProductionAccess, made: DraftPdf) -> HttpResponse:
    """To the file when it is made, else to the page that follows its making."""
    page = "draft_pdf_download" if made.status == made.Status.DONE else "draft_pdf"
    return redirect(page, access.production.code, made.pk)


@production_page(Capability.VIEW_SCRIPT)
def scene_breakdown_pdf(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    scene = selectors.access_scene(access, pk)
    return _attachment(pdf.scene_breakdown_sheet(scene))


@production_page(Capability.VIEW_SCRIPT)
def revision_report_pdf(
    request: HttpRequest, access: ProductionAccess, pk: int, sequence: int
) -> HttpResponse:
    script = selectors.access_script(access, pk)
    revision = selectors.access_revision(access, script, sequence)
    data = pdf.revision_report_data(revision)
    if len(data["changed"]) <= draft_pdfs.IN_REQUEST_SCENES:
        return _attachment(pdf.render_revision_report(revision, data))
    return _in_background(
        access,
        revision,
        DraftPdf.Kind.REVISIONS,
        data,
        len(data["changed"]),
        pdf.revision_report_filename(revision),
    )


def _attachment(document: pdf.PdfFile) -> HttpResponse:
    response = HttpResponse(document.content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    return response
