"""The rules page of a schedule: who and where is unavailable, deadlines, scenes together."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from prodoffice.core.errors import RuleBroken
from prodoffice.core.forms import number_sent, show_errors
from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.decorators import production_page
from prodoffice.scheduling import selectors, services
from prodoffice.scheduling.forms import StripRulesForm, UnavailabilityForm
from prodoffice.scheduling.models import Unavailability
from prodoffice.scheduling.planning import set_locations


@production_page(Capability.VIEW_SCHEDULE)
def schedule_rules(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    schedule = selectors.access_schedule(access, pk)
    form = UnavailabilityForm(request.POST or None, production=access.production)
    if request.method == "POST":
        access.require(Capability.EDIT_SCHEDULE)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.add_unavailability(
                    access=access,
                    element=data["element"],
                    location=data["location"],
                    first_date=data["first_date"],
                    last_date=data["last_date"],
                    note=data["note"],
                )
            except RuleBroken as error:
                show_errors(form, error)
            else:
                messages.success(request, "Saved; the stripboard now warns when it is broken.")
                return redirect("schedule_rules", access.production.code, schedule.pk)
    strips = selectors.strips_with_rules(schedule)
    sets = sorted({s.scene.set_name for s in strips if s.scene.set_name})
    context = {
        "schedule": schedule,
        "form": form,
        "unavailable": selectors.unavailability(access),
        "strips": strips,
        "locations": sorted(set_locations(schedule, set(sets)).items()),
    }
    status = 400 if form.errors else 200
    return render(request, "scheduling/rules.html", context, status=status)


@require_POST
@production_page(Capability.EDIT_SCHEDULE)
def unavailability_remove(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    unavailable = Unavailability.objects.filter(pk=pk, production=access.production).first()
    if unavailable is None:
        raise Http404("No such entry.")
    services.remove_unavailability(access=access, unavailable=unavailable)
    messages.success(request, "Removed.")
    schedule_pk = number_sent(request.POST.get("schedule", ""))
    if schedule_pk is not None:
        return redirect("schedule_rules", access.production.code, schedule_pk)
    return redirect("schedule_list", access.production.code)


@require_POST
@production_page(Capability.EDIT_SCHEDULE)
def strip_rules(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    strip = selectors.access_strip(access, pk)
    form = StripRulesForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        services.set_strip_rules(
            access=access,
            strip=strip,
            must_shoot_by=data["must_shoot_by"],
            together=data["together"],
        )
        messages.success(request, f"Scene {strip.scene.number}: saved.")
    else:
        messages.error(request, "Give the date as YYYY-MM-DD and a short label.")
    return redirect("schedule_rules", access.production.code, strip.schedule_id)


@require_POST
@production_page(Capability.EDIT_SCHEDULE)
def set_location(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    schedule = selectors.access_schedule(access, pk)
    set_name = request.POST.get("set_name", "")
    if not schedule.strips.filter(scene__set_name=set_name).exists():
        messages.error(request, "That set is not in this schedule.")
    else:
        location = request.POST.get("location", "")
        services.set_location(access=access, set_name=set_name, location=location)
        messages.success(request, f"{set_name}: location saved.")
    return redirect("schedule_rules", access.production.code, schedule.pk)
