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
from prodoffice.scheduling import selectors, services
from prodoffice.scheduling.forms import MoveForm, NewScheduleForm


@production_page(Capability.VIEW_SCHEDULE)
def schedule_list(request: HttpRequest, access: ProductionAccess) -> HttpResponse:
    form = NewScheduleForm(request.POST or None, production=access.production)
    if request.method == "POST":
        access.require(Capability.EDIT_SCHEDULE)
        if form.is_valid():
            data = form.cleaned_data
            try:
                schedule = services.create_schedule(
                    access=access,
                    revision=data["revision"],
                    name=data["name"],
                    start_date=data["start_date"],
                    eighths_per_day=round(data["pages_per_day"] * 8),
                    skip_us_holidays=data["skip_us_holidays"],
                )
            except RuleBroken as error:
                show_errors(form, error)
            else:
                messages.success(request, f"{schedule.name}: {schedule.days.count()} shoot days.")
                return redirect("stripboard", access.production.code, schedule.pk)
    context = {"schedules": selectors.schedules(access), "form": form}
    return render(
        request, "scheduling/schedule_list.html", context, status=400 if form.errors else 200
    )


@production_page(Capability.VIEW_SCHEDULE)
def stripboard(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    schedule = selectors.access_schedule(access, pk)
    context = {"board": selectors.stripboard(schedule)}
    return render_page(
        request, "scheduling/stripboard.html", "scheduling/partials/board.html", context
    )


@require_POST
@production_page(Capability.EDIT_SCHEDULE)
def strip_move(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    strip = selectors.access_strip(access, pk)
    form = MoveForm(request.POST)
    status = 200
    if not form.is_valid():
        messages.error(request, "Choose a day and a position.")
        status = 400
    else:
        data = form.cleaned_data
        day = selectors.access_day(strip.schedule, data["day"]) if data["day"] else None
        try:
            services.move_strip(
                access=access,
                strip=strip,
                day=day,
                position=data["position"],
                version=data["version"],
            )
        except RuleBroken as error:
            messages.error(request, error.message)
            status = 409
    if not request.htmx:  # type: ignore[attr-defined]
        return redirect("stripboard", access.production.code, strip.schedule_id)
    context = {"board": selectors.stripboard(strip.schedule)}
    return render(request, "scheduling/partials/board.html", context, status=status)


@production_page(Capability.VIEW_SCHEDULE)
def dood(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    schedule = selectors.access_schedule(access, pk)
    table = selectors.day_out_of_days_table(schedule)
    return render(request, "scheduling/dood.html", {"table": table})
