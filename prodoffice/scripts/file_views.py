"""Breakdown sheets and revision reports to download as PDF."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from prodoffice.core.htmx import render_page
from prodoffice.core.worker import worker_missing
from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.decorators import production_page
from prodoffice.scripts import breakdown_files, pdf, selectors


@production_page(Capability.VIEW_SCRIPT)
def breakdown_pdf(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    script = selectors.access_script(access, pk)
    revision = selectors.current_revision(script)
    if revision is None:
        raise Http404("This script has no draft yet.")
    data = pdf.breakdown_data(access, revision)
    if len(data["sheets"]) <= breakdown_files.IN_REQUEST_SHEETS:
        return _attachment(pdf.render_breakdown(revision, data))
    made = breakdown_files.request_breakdown_file(access=access, revision=revision, data=data)
    page = "breakdown_file_download" if made.status == made.Status.DONE else "breakdown_file"
    return redirect(page, access.production.code, made.pk)


@production_page(Capability.VIEW_SCRIPT)
def breakdown_file(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    made = selectors.access_breakdown_file(access, pk)
    context = {"file": made, "script": made.revision.script, "worker_missing": worker_missing()}
    return render_page(
        request, "scripts/breakdown_file.html", "scripts/partials/breakdown_file.html", context
    )


@production_page(Capability.VIEW_SCRIPT)
def breakdown_file_download(
    request: HttpRequest, access: ProductionAccess, pk: int
) -> HttpResponse:
    made = selectors.access_breakdown_file(access, pk, with_content=True)
    if made.status != made.Status.DONE:
        return redirect("breakdown_file", access.production.code, made.pk)
    return _attachment(pdf.PdfFile(made.filename, bytes(made.content)))


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
    return _attachment(pdf.revision_report(revision))


def _attachment(document: pdf.PdfFile) -> HttpResponse:
    response = HttpResponse(document.content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    return response
