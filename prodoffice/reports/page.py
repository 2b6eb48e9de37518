"""The report page as every view that shows it builds it: its context, in the production's time."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from zoneinfo import ZoneInfo

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from prodoffice.core.errors import RuleBroken
from prodoffice.core.forms import show_errors
from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess
from prodoffice.reports import selectors
from prodoffice.reports.forms import (
    AddPersonForm,
    AddSceneForm,
    BackgroundForm,
    DayForm,
    MediaForm,
    SharedTimesForm,
    move_choices,
)
from prodoffice.reports.models import DailyReport, ReportScene

PAGE = "reports/report.html"
View = Callable[..., HttpResponse]


def local_time(view: View) -> View:
    """Times are entered and shown in the production's zone: a call at 7:00 is 7:00 there."""

    @wraps(view)
    def wrapped(request: HttpRequest, access: ProductionAccess, *args: Any, **kw: Any) -> Any:
        with timezone.override(ZoneInfo(access.production.time_zone)):
            return view(request, access, *args, **kw)

    return wrapped


def report_context(access: ProductionAccess, report: DailyReport, **forms: Any) -> dict[str, Any]:
    """The report page; `forms` are the ones sent back with their errors."""
    office = access.can(Capability.EDIT_REPORTS)
    money = access.can(Capability.VIEW_RATES)
    return {
        "report": report,
        "document": selectors.report_document(report, money=money),
        "office": office,
        "money": money,
        "day_form": forms.get("day_form") or (DayForm.of(report) if office else None),
        "scene_form": forms.get("scene_form"),
        "add_scene_form": forms.get("add_scene_form") or AddSceneForm(),
        "add_person_form": forms.get("add_person_form")
        or (AddPersonForm(people=selectors.people_not_on(report)) if office else None),
        "background_form": forms.get("background_form") or BackgroundForm(),
        "shared_form": forms.get("shared_form") or SharedTimesForm(),
        "media_form": forms.get("media_form") or MediaForm(),
        "result_choices": ReportScene.Result.choices,
        "move_choices": move_choices(selectors.later_days(report)) if office else [],
        "deliveries": list(report.deliveries.all()),
    }


# What a post does once its form is valid: the service's call, returning what to say and the
# part of the page to come back to ("scene-12"); refusals are RuleBroken.
Save = Callable[[], tuple[str, str]]


def post_form(
    request: HttpRequest,
    access: ProductionAccess,
    report: DailyReport,
    form: forms.Form,
    form_name: str,
    save: Save,
) -> HttpResponse:
    """A post from the report page: saved, then back at the part edited; or refused, and the
    page again with `form` (as `form_name`) showing its errors."""
    if form.is_valid():
        try:
            said, anchor = save()
        except RuleBroken as error:
            show_errors(form, error)
        else:
            messages.success(request, said)
            return back_to(report, anchor)
    context = report_context(access, report, **{form_name: form})
    return render(request, PAGE, context, status=400)


def back_to(report: DailyReport, anchor: str) -> HttpResponse:
    """Back to the report page, at the part just edited."""
    url = reverse("report_detail", args=[report.production.code, report.pk])
    return redirect(f"{url}#{anchor}")
