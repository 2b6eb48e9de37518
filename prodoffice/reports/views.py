"""DPR pages: the shoot days and their reports, one report, its PDF, and the office's edits."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from prodoffice.callsheets.models import CallSheet
from prodoffice.callsheets.selectors import current_schedule
from prodoffice.core.errors import RuleBroken
from prodoffice.core.forms import show_errors
from prodoffice.domain.access import Capability
from prodoffice.domain.progress.progress import chart_svg
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.decorators import production_page
from prodoffice.reports import pdf, selectors, services
from prodoffice.reports.forms import (
    DayForm,
    TimesForm,
)
from prodoffice.reports.models import DailyReport, ReportDelivery
from prodoffice.reports.page import PAGE, local_time, post_form, report_context
from prodoffice.reports.progress import production_progress
from prodoffice.reports.publishing import publish_report


@production_page(Capability.VIEW_REPORTS)
def report_list(request: HttpRequest, access: ProductionAccess) -> HttpResponse:
    schedule = current_schedule(access.production)
    days = selectors.day_reports(access, schedule) if schedule else []
    return render(request, "reports/report_list.html", {"schedule": schedule, "days": days})


@require_POST
@production_page(Capability.EDIT_REPORTS)
def report_start(request: HttpRequest, access: ProductionAccess, sheet_pk: int) -> HttpResponse:
    sheet = (
        CallSheet.objects.select_related("day", "production")
        .filter(pk=sheet_pk, production=access.production)
        .first()
    )
    if sheet is None:
        raise Http404("No such call sheet.")
    try:
        report = services.start_report(access=access, call_sheet=sheet)
    except RuleBroken as error:
        messages.error(request, error.message)
        return redirect("report_list", access.production.code)
    messages.success(
        request, f"Started the production report of Day {sheet.day.number} from its call sheet."
    )
    return redirect("report_detail", access.production.code, report.pk)


@production_page(Capability.VIEW_REPORTS)
@local_time
def report_detail(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    report = selectors.access_report(access, pk)
    return render(request, PAGE, report_context(access, report))


@production_page(Capability.VIEW_REPORTS)
def report_pdf(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    report = selectors.access_report(access, pk)
    document = selectors.report_document(report, money=access.can(Capability.VIEW_RATES))
    content = pdf.render_report(document)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{pdf.report_filename(document)}"'
    return response


@require_POST
@production_page(Capability.EDIT_REPORTS)
@local_time
def report_edit(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    report = selectors.access_report(access, pk)
    form = DayForm(request.POST)

    def save() -> tuple[str, str]:
        services.edit_report(access=access, report=report, details=form.details())
        return "Saved the day's times and notes.", "top"

    return post_form(request, access, report, form, "day_form", save)


@production_page(Capability.EDIT_REPORTS)
@local_time
def report_entry_edit(
    request: HttpRequest, access: ProductionAccess, pk: int, entry_pk: int
) -> HttpResponse:
    """One person's times: the form (GET), or the change (POST)."""
    report = selectors.access_report(access, pk)
    entry = selectors.access_entry(report, entry_pk)
    context = {"report": report, "entry": entry, "name": entry.engagement.contact.name}
    if request.method != "POST":
        return render(request, "reports/entry_form.html", {**context, "form": TimesForm.of(entry)})
    form = TimesForm(request.POST, cast=entry.engagement.cast_number is not None)
    if form.is_valid():
        try:
            services.edit_times(access=access, entry=entry, times=form.times())
        except RuleBroken as error:
            show_errors(form, error)
        else:
            messages.success(request, f"Saved the times of {context['name']}.")
            return redirect("report_detail", access.production.code, report.pk)
    return render(request, "reports/entry_form.html", {**context, "form": form}, status=400)


@production_page(Capability.VIEW_REPORTS)
def progress_overview(request: HttpRequest, access: ProductionAccess) -> HttpResponse:
    schedule, result = production_progress(access)
    chart = mark_safe(chart_svg(result)) if result else ""  # noqa: S308 (built from numbers)
    context = {"schedule": schedule, "progress": result, "chart": chart}
    return render(request, "reports/progress.html", context)


@require_POST
@production_page(Capability.EDIT_REPORTS)
def report_publish(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    """Publish the report: its PDF to each producer and department head, with money to those
    who see rates."""
    report = selectors.access_report(access, pk)

    def render(published: DailyReport, *, money: bool) -> bytes:
        return pdf.render_report(selectors.report_document(published, money=money))

    try:
        sent = publish_report(access=access, report=report, render=render)
    except RuleBroken as error:
        messages.error(request, error.message)
    else:
        reachable = sum(1 for d in sent if d.status == ReportDelivery.Status.QUEUED)
        report.refresh_from_db(fields=["version"])
        what = "Published: sent" if report.version == 1 else "Sent the correction"
        messages.success(
            request,
            f"{what} to {reachable} producer{'s' if reachable != 1 else ''} "
            "and department heads by e-mail.",
        )
    return redirect("report_detail", access.production.code, report.pk)
