"""The office's edits of what the day recorded: each scene's result, scenes and people added,
shared times, background and media. Each posts from the report page and comes back to it at
the part edited, or shows the page again with the errors beside the fields if refused."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

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
from prodoffice.reports.page import back_to, local_time, post_form


@require_POST
@production_page(Capability.EDIT_REPORTS)
@local_time
def report_scene_edit(
    request: HttpRequest, access: ProductionAccess, pk: int, scene_pk: int
) -> HttpResponse:
    report = selectors.access_report(access, pk)
    scene = selectors.access_report_scene(report, scene_pk)
    form = SceneResultForm(request.POST, later_days=selectors.later_days(report))

    def save() -> tuple[str, str]:
        data = form.cleaned_data
        to_boneyard, to_day = form.destination()
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
        moved = ""
        if to_boneyard:
            moved = " and sent it back to the boneyard"
        elif to_day is not None:
            moved = f" and moved it to {to_day}"
        return f"Saved scene {scene.number}{moved}.", f"scene-{scene.pk}"

    return post_form(request, access, report, form, "scene_form", save)


@require_POST
@production_page(Capability.EDIT_REPORTS)
@local_time
def report_scene_add(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    report = selectors.access_report(access, pk)
    form = AddSceneForm(request.POST)

    def save() -> tuple[str, str]:
        added = services.add_scene(access=access, report=report, number=form.cleaned_data["number"])
        what = (
            "a retake: its pages were counted the day it was completed"
            if added.retake
            else "moved to this day on the stripboard"
        )
        return f"Added scene {added.number}, {what}.", f"scene-{added.pk}"

    return post_form(request, access, report, form, "add_scene_form", save)


@require_POST
@production_page(Capability.EDIT_REPORTS)
@local_time
def report_person_add(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    report = selectors.access_report(access, pk)
    form = AddPersonForm(request.POST, people=selectors.people_not_on(report))

    def save() -> tuple[str, str]:
        entry = services.add_person(access=access, report=report, engagement=form.engagement())
        return f"Added {entry.engagement.contact.name}; enter their times.", f"entry-{entry.pk}"

    return post_form(request, access, report, form, "add_person_form", save)


@require_POST
@production_page(Capability.EDIT_REPORTS)
@local_time
def report_shared_times(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    """The meal and wrap most of the company shares, given to everyone without theirs yet."""
    report = selectors.access_report(access, pk)
    form = SharedTimesForm(request.POST)

    def save() -> tuple[str, str]:
        done = services.fill_shared_times(
            access=access, report=report, shared=form.shared(), group=form.cleaned_data["group"]
        )
        for name, why in done.skipped:
            messages.warning(request, f"{name} left as they were: {why}")
        count = len(done.filled)
        people = "person" if count == 1 else "people"
        return f"Gave the times to {count} {people}; times already entered were kept.", "people"

    return post_form(request, access, report, form, "shared_form", save)


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

    def save() -> tuple[str, str]:
        saved = services.save_background(
            access=access, report=report, details=form.details(), group=group
        )
        return f"Saved background: {saved.count} {saved.description}.", "background"

    return post_form(request, access, report, form, "background_form", save)


@require_POST
@production_page(Capability.EDIT_REPORTS)
def report_media_add(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    """Add a media line; a wrong one is removed and added again."""
    report = selectors.access_report(access, pk)
    form = MediaForm(request.POST)

    def save() -> tuple[str, str]:
        saved = services.save_media(access=access, report=report, details=form.details())
        return f"Saved media: {saved.device}, {saved.count}.", "media"

    return post_form(request, access, report, form, "media_form", save)


@require_POST
@production_page(Capability.EDIT_REPORTS)
def report_background_remove(
    request: HttpRequest, access: ProductionAccess, pk: int, group_pk: int
) -> HttpResponse:
    report = selectors.access_report(access, pk)
    group = selectors.access_background(report, group_pk)
    services.remove_background(access=access, group=group)
    messages.success(request, f"Removed background: {group.count} {group.description}.")
    return back_to(report, "background")


@require_POST
@production_page(Capability.EDIT_REPORTS)
def report_media_remove(
    request: HttpRequest, access: ProductionAccess, pk: int, media_pk: int
) -> HttpResponse:
    report = selectors.access_report(access, pk)
    media = selectors.access_media(report, media_pk)
    services.remove_media(access=access, media=media)
    messages.success(request, f"Removed media: {media.device}.")
    return back_to(report, "media")
