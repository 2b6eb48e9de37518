"""The schedule's reports: one-line schedule, shooting schedule, Day Out of Days; PDF and XLSX."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.decorators import production_page
from prodoffice.scheduling import exports, pdf, reports, selectors


@production_page(Capability.VIEW_SCHEDULE)
def one_liner(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    schedule = selectors.access_schedule(access, pk)
    context = {"report": reports.schedule_report(schedule)}
    return render(request, "scheduling/reports/one_liner.html", context)


@production_page(Capability.VIEW_SCHEDULE)
def one_liner_pdf(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    schedule = selectors.access_schedule(access, pk)
    return _pdf(pdf.one_liner(reports.schedule_report(schedule)))


@production_page(Capability.VIEW_SCHEDULE)
def shooting_schedule(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    schedule = selectors.access_schedule(access, pk)
    context = {"report": reports.schedule_report(schedule)}
    return render(request, "scheduling/reports/shooting_schedule.html", context)


@production_page(Capability.VIEW_SCHEDULE)
def shooting_schedule_pdf(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    schedule = selectors.access_schedule(access, pk)
    return _pdf(pdf.shooting_schedule(reports.schedule_report(schedule)))


@production_page(Capability.VIEW_SCHEDULE)
def element_dood(request: HttpRequest, access: ProductionAccess, pk: int, of: str) -> HttpResponse:
    schedule = selectors.access_schedule(access, pk)
    if of == "cast":  # the cast's DOOD has its own page
        return redirect("dood", access.production.code, schedule.pk)
    if of not in reports.DOOD_OF:
        raise Http404(f"No Day Out of Days of {of}.")
    context = {"sheet": reports.dood_sheet(schedule, of)}
    return render(request, "scheduling/reports/element_dood.html", context)


@production_page(Capability.VIEW_SCHEDULE)
def dood_export(
    request: HttpRequest, access: ProductionAccess, pk: int, of: str, fmt: str
) -> HttpResponse:
    schedule = selectors.access_schedule(access, pk)
    if of not in reports.DOOD_OF or fmt not in {"pdf", "xlsx"}:
        raise Http404("Export a Day Out of Days as pdf or xlsx.")
    sheet = reports.dood_sheet(schedule, of)
    if fmt == "pdf":
        return _pdf(pdf.day_out_of_days(sheet))
    document = exports.day_out_of_days_xlsx(sheet)
    return _attachment(document.content, exports.XLSX, document.filename)


def _pdf(document: pdf.PdfFile) -> HttpResponse:
    return _attachment(document.content, "application/pdf", document.filename)


def _attachment(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
