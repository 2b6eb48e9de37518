"""Crew list import and export (contact sheet)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from prodoffice.core.errors import RuleBroken
from prodoffice.core.htmx import render_page
from prodoffice.core.worker import worker_missing
from prodoffice.domain.access import Capability
from prodoffice.domain.people.crew_sheet import HEADERS, MAX_BYTES, RowError
from prodoffice.people import exports, import_jobs, selectors
from prodoffice.people.filters import CrewFilter
from prodoffice.people.imports import ImportResult
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.decorators import production_page


@production_page(Capability.EDIT_PEOPLE)
def crew_import(request: HttpRequest, access: ProductionAccess) -> HttpResponse:
    show_rates = access.can(Capability.VIEW_RATES)
    columns = [n for n in HEADERS if show_rates or n not in exports.RATE_COLUMNS]
    context: dict[str, object] = {
        "headers": ",".join(HEADERS[name] for name in columns),
        "departments": [d.name for d in access.production.departments.all()],
        "show_rates": show_rates,
        "valid_rows_only": False,
    }
    if request.method != "POST":
        return render(request, "people/crew_import.html", context)
    upload = request.FILES.get("file")
    valid_rows_only = request.POST.get("valid_rows_only") == "on"
    context["valid_rows_only"] = valid_rows_only
    if upload is None:
        context["problem"] = "Choose a CSV or XLSX file to import."
        return render(request, "people/crew_import.html", context, status=400)
    try:
        job = import_jobs.queue_crew_import(
            access=access,
            filename=upload.name or "",
            # One byte past the limit is enough to know it is too big.
            content=upload.read(MAX_BYTES + 1),
            valid_rows_only=valid_rows_only,
        )
    except RuleBroken as error:
        context["problem"] = error.message
        return render(request, "people/crew_import.html", context, status=400)
    return redirect("crew_import_status", access.production.code, job.pk)


@production_page(Capability.EDIT_PEOPLE)
def crew_import_status(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    job = selectors.access_crew_import(access, pk)
    errors = [RowError(**error) for error in job.errors]
    result = ImportResult(job.imported, errors, job.rows_seen, job.ignored_columns)
    context = {
        "job": job,
        "result": result,
        "message": _imported_message(result) if job.imported else "",
        "worker_missing": job.active and worker_missing(),
    }
    return render_page(
        request,
        "people/crew_import_status.html",
        "people/partials/crew_import_status.html",
        context,
    )


def _imported_message(result: ImportResult) -> str:
    people = "person" if result.imported == 1 else "people"
    message = f"{result.imported} {people} added to the crew list."
    if result.bad_lines:
        lines = ", ".join(str(line) for line in result.bad_lines)
        message += f" Skipped the rows with errors (line {lines})."
    if result.ignored_columns:
        message += f" Not imported: the columns {', '.join(result.ignored_columns)}."
    return message


@production_page(Capability.VIEW_CREW_LIST)
def crew_export(request: HttpRequest, access: ProductionAccess, fmt: str) -> HttpResponse:
    if fmt not in exports.CONTENT_TYPES:
        raise Http404("Export as pdf, xlsx or csv.")
    document = exports.export_contact_sheet(
        access=access, crew_filter=CrewFilter.from_params(request.GET), fmt=fmt
    )
    response = HttpResponse(document.content, content_type=document.content_type)
    response["Content-Disposition"] = f'attachment; filename="{document.filename}"'
    return response
