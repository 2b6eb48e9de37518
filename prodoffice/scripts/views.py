from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from prodoffice.core.errors import RuleBroken
from prodoffice.core.forms import show_errors
from prodoffice.core.htmx import render_page
from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.decorators import production_page
from prodoffice.scripts import selectors, services
from prodoffice.scripts.choices import TagState
from prodoffice.scripts.forms import DraftForm, NewScriptForm, TagForm


@production_page(Capability.VIEW_SCRIPT)
def script_list(request: HttpRequest, access: ProductionAccess) -> HttpResponse:
    form = NewScriptForm()
    return render(request, "scripts/script_list.html", _list_context(access, form))


def _list_context(access: ProductionAccess, form: NewScriptForm) -> dict[str, object]:
    return {"scripts": selectors.scripts(access), "form": form}


@require_POST
@production_page(Capability.EDIT_SCRIPT)
def script_import(request: HttpRequest, access: ProductionAccess) -> HttpResponse:
    form = NewScriptForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            revision = services.import_script(
                access=access,
                filename=upload.name,
                data=services.read_upload(upload),
                title=form.cleaned_data["title"],
            )
        except RuleBroken as error:
            show_errors(form, error)
        else:
            count = revision.scenes.count()
            messages.success(request, f"{revision.script} imported: {count} scenes.")
            return redirect("script_detail", access.production.code, revision.script_id)
    context = _list_context(access, form)
    return render(request, "scripts/script_list.html", context, status=400)


@production_page(Capability.VIEW_SCRIPT)
def script_detail(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    script = selectors.access_script(access, pk)
    return render(request, "scripts/script_detail.html", _detail_context(script, DraftForm()))


def _detail_context(script: object, form: DraftForm) -> dict[str, object]:
    revision = selectors.current_revision(script)  # type: ignore[arg-type]
    return {
        "script": script,
        "revision": revision,
        "revisions": script.revisions.order_by("-sequence"),  # type: ignore[attr-defined]
        "scenes": selectors.scenes_of(revision) if revision else [],
        "form": form,
    }


@require_POST
@production_page(Capability.EDIT_SCRIPT)
def draft_import(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    script = selectors.access_script(access, pk)
    form = DraftForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            revision = services.import_draft(
                access=access,
                script=script,
                filename=upload.name,
                data=services.read_upload(upload),
            )
        except RuleBroken as error:
            show_errors(form, error)
        else:
            messages.success(request, f"The {revision.color} draft is in.")
            return redirect("revision_report", access.production.code, script.pk, revision.sequence)
    return render(request, "scripts/script_detail.html", _detail_context(script, form), status=400)


@require_POST
@production_page(Capability.EDIT_SCRIPT)
def script_lock(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    script = selectors.access_script(access, pk)
    services.lock_scene_numbers(access=access, script=script)
    messages.success(request, "Scene numbers are locked: new scenes get A/B numbers from now on.")
    return redirect("script_detail", access.production.code, script.pk)


@production_page(Capability.VIEW_SCRIPT)
def revision_report(
    request: HttpRequest, access: ProductionAccess, pk: int, sequence: int
) -> HttpResponse:
    script = selectors.access_script(access, pk)
    revision = selectors.access_revision(access, script, sequence)
    report = selectors.revision_report(revision)
    return render(request, "scripts/revision_report.html", {"script": script, "report": report})


@production_page(Capability.VIEW_SCRIPT)
def scene_sheet(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    scene = selectors.access_scene(access, pk)
    context = {"sheet": selectors.scene_sheet(scene), "form": TagForm(), "states": TagState}
    return render_page(request, "scripts/scene_sheet.html", "scripts/partials/sheet.html", context)


@require_POST
@production_page(Capability.EDIT_SCRIPT)
def tag_state(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    tag = selectors.access_tag(access, pk)
    try:
        services.set_tag_state(access=access, tag=tag, state=request.POST.get("state", ""))
    except RuleBroken as error:
        messages.error(request, error.message)
    context = {"sheet": selectors.scene_sheet(tag.scene), "form": TagForm(), "states": TagState}
    return render_page(request, "scripts/scene_sheet.html", "scripts/partials/sheet.html", context)


@require_POST
@production_page(Capability.EDIT_SCRIPT)
def tag_add(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    scene = selectors.access_scene(access, pk)
    form = TagForm(request.POST)
    if form.is_valid():
        try:
            services.tag_element(
                access=access,
                scene=scene,
                category=form.cleaned_data["category"],
                name=form.cleaned_data["name"],
            )
        except RuleBroken as error:
            show_errors(form, error)
        else:
            form = TagForm()
    context = {"sheet": selectors.scene_sheet(scene), "form": form, "states": TagState}
    status = 400 if form.errors else 200
    return render_page(
        request, "scripts/scene_sheet.html", "scripts/partials/sheet.html", context, status
    )


@production_page(Capability.VIEW_SCRIPT)
def element_lists(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    script = selectors.access_script(access, pk)
    revision = selectors.current_revision(script)
    elements = selectors.element_lists(access, revision) if revision else []
    return render(request, "scripts/element_lists.html", {"script": script, "elements": elements})
