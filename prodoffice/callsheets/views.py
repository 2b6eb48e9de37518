"""Call sheet pages: the shoot days and their sheets, one sheet, its PDF, and the office's edits."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST
from django_htmx.http import reswap, retarget

from prodoffice.callsheets import pdf, selectors, services
from prodoffice.callsheets.forms import CallForm, SheetForm
from prodoffice.callsheets.models import Call, CallSheet
from prodoffice.core.errors import RuleBroken
from prodoffice.core.forms import number_sent, show_errors
from prodoffice.core.htmx import render_page
from prodoffice.domain.access import Capability
from prodoffice.people.models import Engagement
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.decorators import production_page
from prodoffice.scheduling.models import ShootDay

PAGE = "callsheets/call_sheet.html"
SHEET = "callsheets/partials/sheet.html"
CALL_FORM = "callsheets/partials/call_form.html"


@production_page(Capability.VIEW_CALL_SHEETS)
def call_sheet_list(request: HttpRequest, access: ProductionAccess) -> HttpResponse:
    schedule = selectors.current_schedule(access.production)
    days = selectors.shoot_day_sheets(access, schedule) if schedule else []
    context = {"schedule": schedule, "days": days}
    return render(request, "callsheets/call_sheet_list.html", context)


@require_POST
@production_page(Capability.EDIT_CALL_SHEETS)
def call_sheet_make(request: HttpRequest, access: ProductionAccess, day_pk: int) -> HttpResponse:
    day = ShootDay.objects.filter(pk=day_pk, schedule__production=access.production).first()
    if day is None:
        raise Http404("No such shoot day.")
    try:
        sheet = services.generate_call_sheet(access=access, day=day)
    except RuleBroken as error:
        messages.error(request, error.message)
        return redirect("callsheet_list", access.production.code)
    messages.success(request, f"Made the call sheet for Day {day.number}; edit it, then send it.")
    return redirect("callsheet_detail", access.production.code, sheet.pk)


def _highlight(request: HttpRequest, access: ProductionAccess) -> int | None:
    """The person whose view this is: ?person=<engagement>, else the member's own engagement."""
    asked = number_sent(request.GET.get("person", ""))
    if asked is not None:
        return asked or None  # ?person=0: the whole sheet, nobody picked out
    own = (
        Engagement.objects.filter(production=access.production, contact__user=access.user)
        .values_list("pk", flat=True)
        .first()
    )
    return own


def _context(
    request: HttpRequest,
    access: ProductionAccess,
    sheet: CallSheet,
    *,
    sheet_form: SheetForm | None = None,
    editing: int | None = None,
    call_form: CallForm | None = None,
) -> dict[str, Any]:
    document = selectors.call_sheet_document(sheet, highlight=_highlight(request, access))
    office = access.can(Capability.EDIT_CALL_SHEETS)
    return {
        "sheet": sheet,
        "document": document,
        "office": office,
        "sheet_form": sheet_form or (SheetForm.of(sheet) if office else None),
        "editing": editing,
        "call_form": call_form,
        "warnings": document.warnings if office else document.printed_warnings,
    }


@production_page(Capability.VIEW_CALL_SHEETS)
def call_sheet(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    sheet = selectors.access_call_sheet(access, pk)
    return render_page(request, PAGE, SHEET, _context(request, access, sheet))


@production_page(Capability.VIEW_CALL_SHEETS)
def call_sheet_pdf(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    sheet = selectors.access_call_sheet(access, pk)
    document = selectors.call_sheet_document(
        sheet, highlight=number_sent(request.GET.get("person", ""))
    )
    response = HttpResponse(pdf.render_call_sheet(document), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{pdf.call_sheet_filename(document)}"'
    return response


def _answer(
    request: HttpRequest, access: ProductionAccess, sheet: CallSheet, **context: Any
) -> HttpResponse:
    """After an edit: the sheet again for htmx (errors and all), or the page."""
    failed = any(form is not None and form.errors for form in context.values())
    if not failed and not request.htmx:  # type: ignore[attr-defined]
        return redirect("callsheet_detail", access.production.code, sheet.pk)
    sheet.refresh_from_db()
    full = _context(request, access, sheet, **context)
    if request.htmx:  # type: ignore[attr-defined]
        # htmx swaps only a 2xx answer; the errors are in the fragment.
        return render(request, SHEET, full)
    return render(request, PAGE, full, status=400)


@require_POST
@production_page(Capability.EDIT_CALL_SHEETS)
def call_sheet_edit(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    sheet = selectors.access_call_sheet(access, pk)
    form = SheetForm(request.POST)
    if form.is_valid():
        try:
            services.edit_call_sheet(access=access, sheet=sheet, details=form.details())
        except RuleBroken as error:
            show_errors(form, error)
        else:
            messages.success(request, _saved(sheet))
    return _answer(request, access, sheet, sheet_form=form if form.errors else None)


def _saved(before: CallSheet) -> str:
    if before.status == CallSheet.Status.PUBLISHED:
        return (
            f"Saved as version {before.version + 1}: revised, not yet sent to the people it calls."
        )
    return "Saved."


@production_page(Capability.EDIT_CALL_SHEETS)
def call_edit(
    request: HttpRequest, access: ProductionAccess, pk: int, call_pk: int
) -> HttpResponse:
    """One person's call: the edit row (GET), or the change (POST)."""
    sheet = selectors.access_call_sheet(access, pk)
    call = selectors.access_call(sheet, call_pk)
    if request.method != "POST":
        if request.htmx:  # type: ignore[attr-defined]
            return render(request, CALL_FORM, _row_context(sheet, call, CallForm.of(call)))
        context = _context(request, access, sheet, editing=call.pk, call_form=CallForm.of(call))
        return render(request, PAGE, context)
    form = CallForm(request.POST)
    if form.is_valid():
        try:
            services.edit_call(access=access, call=call, details=form.details())
        except RuleBroken as error:
            show_errors(form, error)
        else:
            messages.success(request, f"{call.engagement.contact.name}: {_saved(sheet)}")
            return _answer(request, access, sheet)
    if request.htmx:  # type: ignore[attr-defined]
        # Only the row with its errors goes back, in place of the row being edited.
        response = render(request, CALL_FORM, _row_context(sheet, call, form))
        return reswap(retarget(response, f"#call-{call.pk}"), "outerHTML")
    context = _context(request, access, sheet, editing=call.pk, call_form=form)
    return render(request, PAGE, context, status=400)


def _row_context(sheet: CallSheet, call: Call, form: CallForm) -> dict[str, Any]:
    return {
        "sheet": sheet,
        "call_pk": call.pk,
        "name": call.engagement.contact.name,
        "call_form": form,
        "columns": 12 if call.engagement.cast_number is not None else 4,
    }
