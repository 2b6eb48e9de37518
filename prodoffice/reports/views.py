"""DPR pages: the shoot days and their reports, one report, its PDF, and the office's edits."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
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
from prodoffice.reports.forms import DayForm, SceneResultForm, TimesForm
from prodoffice.reports.models import DailyReport, ReportDelivery, ReportScene
from prodoffice.reports.progress import production_progress
from prodoffice.reports.publishing import publish_report

PAGE = "reports/report.html"
View = Callable[..., HttpResponse]


def local_time(view: View) -> View:
    """Times are entered and shown in the production's zone: a call at 7:00 is 7:00 there."""

    @wraps(view)
    def wrapped(request: HttpRequest, access: ProductionAccess, *args: Any, **kw: Any) -> Any:
        with timezone.override(ZoneInfo(access.production.time_zone)):
            return view(request, access, *args, **kw)

    return wrapped


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


def _context(access: ProductionAccess, report: DailyReport, **forms: Any) -> dict[str, Any]:
    office = access.can(Capability.EDIT_REPORTS)
    return {
        "report": report,
        "document": selectors.report_document(report),
        "office": office,
        "money": access.can(Capability.VIEW_RATES),
        "day_form": forms.get("day_form") or (DayForm.of(report) if office else None),
        "scene_form": forms.get("scene_form"),
        "scene_pk": forms.get("scene_pk"),
        "result_choices": ReportScene.Result.choices,
        "deliveries": list(report.deliveries.all()),
    }


@production_page(Capability.VIEW_REPORTS)
@local_time
def report_detail(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    report = selectors.access_report(access, pk)
    return render(request, PAGE, _context(access, report))


@production_page(Capability.VIEW_REPORTS)
def report_pdf(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    report = selectors.access_report(access, pk)
    document = selectors.report_document(report)
    content = pdf.render_report(document, money=access.can(Capability.VIEW_RATES))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{pdf.report_filename(document)}"'
    return response


@require_POST
@production_page(Capability.EDIT_REPORTS)
@local_time
def report_edit(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    report = selectors.access_report(access, pk)
    form = DayForm(request.POST)
    if form.is_valid():
        try:
            services.edit_report(access=access, report=report, details=form.details())
        except RuleBroken as error:
            show_errors(form, error)
        else:
            messages.success(request, "Saved the day's times and notes.")
            return redirect("report_detail", access.production.code, report.pk)
    report.refresh_from_db()
    return render(request, PAGE, _context(access, report, day_form=form), status=400)


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
    form = TimesForm(request.POST)
    if form.is_valid():
        try:
            services.edit_times(access=access, entry=entry, times=form.times())
        except RuleBroken as error:
            show_errors(form, error)
        else:
            messages.success(request, f"Saved the times of {context['name']}.")
            return redirect("report_detail", access.production.code, report.pk)
    return render(request, "reports/entry_form.html", {**context, "form": form}, status=400)


@require_POST
@production_page(Capability.EDIT_REPORTS)
@local_time
def report_scene_edit(
    request: HttpRequest, access: ProductionAccess, pk: int, scene_pk: int
) -> HttpResponse:
    report = selectors.access_report(access, pk)
    scene = selectors.access_report_scene(report, scene_pk)
    form = SceneResultForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.set_scene_result(
                access=access,
                report_scene=scene,
                result=data["result"],
                eighths_shot=data["eighths_shot"],
                setups=data["setups"] or 0,
                note=data["note"],
                to_boneyard=data["to_boneyard"],
            )
        except RuleBroken as error:
            show_errors(form, error)
        else:
            moved = " and sent it back to the boneyard" if data["to_boneyard"] else ""
            messages.success(request, f"Saved scene {scene.number}{moved}.")
            return redirect("report_detail", access.production.code, report.pk)
    context = _context(access, report, scene_form=form, scene_pk=scene.pk)
    return render(request, PAGE, context, status=400)


@production_page(Capability.VIEW_REPORTS)
def progress_overview(request: HttpRequest, access: ProductionAccess) -> HttpResponse:
    schedule, result = production_progress(access)
    chart = mark_safe(chart_svg(result)) if result else ""  # noqa: S308 (built from numbers)
    context = {"schedule": schedule, "progress": result, "chart": chart}
    return render(request, "reports/progress.html", context)


@require_POST
@production_page(Capability.EDIT_REPORTS)
def report_publish(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    """Publish the report: its PDF (without pay) to each producer and department head."""
    report = selectors.access_report(access, pk)

    def render(published: DailyReport) -> bytes:
        return pdf.render_report(selectors.report_document(published), money=False)

    try:
        sent = publish_report(access=access, report=report, render=render)
    except RuleBroken as error:
        messages.error(request, error.message)
    else:
        reachable = sum(1 for d in sent if d.status == ReportDelivery.Status.QUEUED)
        messages.success(
            request,
            f"Published: sent to {reachable} producer{'s' if reachable != 1 else ''} "
            "and department heads by e-mail.",
        )
    return redirect("report_detail", access.production.code, report.pk)
