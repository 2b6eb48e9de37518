from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from prodoffice.core import history
from prodoffice.core.errors import RuleBroken
from prodoffice.core.forms import show_errors
from prodoffice.core.htmx import render_page
from prodoffice.domain.access import Capability
from prodoffice.domain.locations.sun import map_link
from prodoffice.locations import selectors, services
from prodoffice.locations.forms import LocationForm
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.decorators import production_page


@production_page(Capability.VIEW_LOCATIONS)
def location_list(request: HttpRequest, access: ProductionAccess) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:100]
    places = selectors.script_places(access)
    locations = selectors.location_list(access, q=q)
    context = {
        "rows": [(loc, places.sets_at.get(loc.pk, [])) for loc in locations],
        "unmatched": places.unmatched,
        "q": q,
    }
    return render_page(
        request, "locations/location_list.html", "locations/partials/location_table.html", context
    )


@production_page(Capability.EDIT_LOCATIONS)
def location_new(request: HttpRequest, access: ProductionAccess) -> HttpResponse:
    # "Create location DINER" from the list of the script's places arrives with ?name=DINER.
    initial = {"name": request.GET.get("name", "")[:200]}
    form = LocationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            location = services.add_location(access=access, details=form.details())
        except RuleBroken as error:
            show_errors(form, error)
        else:
            messages.success(request, f"{location.name} added.")
            return redirect("location_detail", access.production.code, location.pk)
    status = 400 if form.errors else 200
    return render(request, "locations/location_form.html", {"form": form}, status=status)


@production_page(Capability.VIEW_LOCATIONS)
def location_detail(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    location = selectors.access_location(access, pk)
    sets = selectors.script_places(access).sets_at.get(location.pk, [])
    can_history = access.can(Capability.VIEW_HISTORY)
    records = selectors.location_history(access, location) if can_history else []
    context = {
        "location": location,
        "sets": sets,
        "light": selectors.location_light(access, location, sets),
        "map_url": (
            map_link(location.latitude, location.longitude) if location.has_coordinates else ""
        ),
        "records": history.readable(records, access=access),
    }
    return render(request, "locations/location_detail.html", context)


@production_page(Capability.EDIT_LOCATIONS)
def location_edit(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    location = selectors.access_location(access, pk)
    form = LocationForm(request.POST or None, initial=LocationForm.initial_for(location))
    if request.method == "POST" and form.is_valid():
        try:
            services.update_location(access=access, location=location, details=form.details())
        except RuleBroken as error:
            show_errors(form, error)
        else:
            messages.success(request, f"{location.name} saved.")
            return redirect("location_detail", access.production.code, location.pk)
    status = 400 if form.errors else 200
    context = {"form": form, "location": location}
    return render(request, "locations/location_form.html", context, status=status)


@require_POST
@production_page(Capability.EDIT_LOCATIONS)
def location_remove(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    location = selectors.access_location(access, pk)
    services.remove_location(access=access, location=location)
    messages.success(request, f"{location.name} removed.")
    return redirect("location_list", access.production.code)
