"""The office's edits of what the day recorded: each scene's result, scenes added, background
and media. Each posts from the report page and comes back to it, with the errors if refused."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from prodoffice.core.errors import RuleBroken
from prodoffice.core.forms import show_errors
from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.decorators import production_page
from prodoffice.reports import selectors, services
from prodoffice.reports.forms import (
    AddPersonForm,
    AddSceneForm,
    BackgroundForm,
    MediaForm,
    SceneResultForm,
    SharedTimesForm,
)
from prodoffice.reports.models import DailyReport
from prodoffice.reports.page import PAGE, local_time, report_context


def _back(report: DailyReport, anchor: str) -> HttpResponse:
    """Back to the report page, at the part just edited."""
    url = reverse("report_detail", args=[report.production.code, report.pk])
    return redirect(f"{url}#{anchor}")


@require_POST
@production_page(Capability.EDIT_REPORTS)
@local_time
def report_scene_edit(
    request: HttpRequest, access: ProductionAccess, pk: int, scene_pk: int
) -> HttpResponse:
    report = selectors.access_report(access, pk)
    scene = selectors.access_report_scene(report, scene_pk)
    form = SceneResultForm(request.POST, later_days=selectors.later_days(report))
    if form.is_valid():
        data = form.cleaned_data
        to_boneyard, to_day = form.destination()
        try:
            services.set_scene_result(
                access=access,
                report_scene=scene,
                result=data["result"],
                eighths_shot=data["eighths_shot"],
                setups=data["setups"] or 0,
                note=data["note"],
                to_boneyard=to_boneyard,
                to_day=to_day,
                retake=data["retake"],
            )
        except RuleBroken as error:
            show_errors(form, error)
        else:
            moved = ""
            if to_boneyard:
                moved = " and sent it back to the boneyard"
            elif to_day is not None:
                moved = f" and moved it to {to_day}"
            messages.success(request, f"Saved scene {scene.number}{moved}.")
            return _back(report, f"scene-{scene.pk}")
    context = report_context(access, report, scene_form=form)
    return render(request, PAGE, context, status=400)


@require_POST
@production_page(Capability.EDIT_REPORTS)
@local_time
def report_scene_add(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    report = selectors.access_report(access, pk)
    form = AddSceneForm(request.POST)
    if form.is_valid():
        try:
            added = services.add_scene(
                access=access, report=report, number=form.cleaned_data["number"]
            )
        except RuleBroken as error:
            show_errors(form, error)
        else:
            what = (
                "a retake: its pages were counted the day it was completed"
                if added.retake
                else "moved to this day on the stripboard"
            )
            messages.success(request, f"Added scene {added.number}, {what}.")
            return _back(report, f"scene-{added.pk}")
    context = report_context(access, report, add_scene_form=form)
    return render(request, PAGE, context, status=400)


@require_POST
@production_page(Capability.EDIT_REPORTS)
@local_time
def report_person_add(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    report = selectors.access_report(access, pk)
    form = AddPersonForm(request.POST, people=selectors.people_not_on(report))
    if form.is_valid():
        try:
            entry = services.add_person(access=access, report=report, engagement=form.engagement())
        except RuleBroken as error:
            show_errors(form, error)
        else:
            messages.success(request, f"Added {entry.engagement.contact.name}; enter their times.")
            return _back(report, f"entry-{entry.pk}")
    context = report_context(access, report, add_person_form=form)
    return render(request, PAGE, context, status=400)


@require_POST
@production_page(Capability.EDIT_REPORTS)
@local_time
def report_shared_times(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    """The meal and wrap most of the company shares, given to everyone without theirs yet."""
    report = selectors.access_report(access, pk)
    form = SharedTimesForm(request.POST)
    if form.is_valid():
        try:
            done = services.fill_shared_times(
                access=access, report=report, shared=form.shared(), group=form.cleaned_data["group"]
            )
        except RuleBroken as error:
            show_errors(form, error)
        else:
            count = len(done.filled)
            messages.success(
                request,
                f"Gave the times to {count} {'person' if count == 1 else 'people'}; "
                "times already entered were kept.",
            )
            for name, why in done.skipped:
                messages.warning(request, f"{name} left as they were: {why}")
            return _back(report, "people")
    context = report_context(access, report, shared_form=form)
    return render(request, PAGE, context, status=400)


@require_POST
@production_page(Capability.EDIT_REPORTS)
@local_time
def report_background_save(
    request: HttpRequest, access: ProductionAccess, pk: int, group_pk: int | None = None
) -> HttpResponse:
    """Add a background group (no `group_pk`) or change one."""
    report = selectors.access_report(access, pk)
    group = selectors.access_background(report, group_pk) if group_pk is not None else None
    form = BackgroundForm(request.POST)
    if form.is_valid():
        try:
            saved = services.save_background(
                access=access, report=report, details=form.details(), group=group
            )
        except RuleBroken as error:
            show_errors(form, error)
        else:
            messages.success(request, f"Saved background: {saved.count} {saved.description}.")
            return _back(report, "background")
    context = report_context(access, report, background_form=form)
    return render(request, PAGE, context, status=400)


@require_POST
@production_page(Capability.EDIT_REPORTS)
def report_background_remove(
    request: HttpRequest, access: ProductionAccess, pk: int, group_pk: int
) -> HttpResponse:
    report = selectors.access_report(access, pk)
    group = selectors.access_background(report, group_pk)
    services.remove_background(access=access, group=group)
    messages.success(request, f"Removed background: {group.count} {group.description}.")
    return _back(report, "background")


@require_POST
@production_page(Capability.EDIT_REPORTS)
def report_media_add(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    """Add a media line; a wrong one is removed and added again."""
    report = selectors.access_report(access, pk)
    form = MediaForm(request.POST)
    if form.is_valid():
        try:
            saved = services.save_media(access=access, report=report, details=form.details())
        except RuleBroken as error:
            show_errors(form, error)
        else:
            messages.success(request, f"Saved media: {saved.device}, {saved.count}.")
            return _back(report, "media")
    context = report_context(access, report, media_form=form)
    return render(request, PAGE, context, status=400)


@require_POST
@production_page(Capability.EDIT_REPORTS)
def report_media_remove(
    request: HttpRequest, access: ProductionAccess, pk: int, media_pk: int
) -> HttpResponse:
    report = selectors.access_report(access, pk)
    media = selectors.access_media(report, media_pk)
    services.remove_media(access=access, media=media)
    messages.success(request, f"Removed media: {media.device}.")
    return _back(report, "media")
