"""Breakdown sheets and revision reports to download as PDF."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.decorators import production_page
from prodoffice.scripts import pdf, selectors


@production_page(Capability.VIEW_SCRIPT)
def breakdown_pdf(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    script = selectors.access_script(access, pk)
    revision = selectors.current_revision(script)
    if revision is None:
        raise Http404("This script has no draft yet.")
    return _attachment(pdf.breakdown_sheets(access, revision))


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
