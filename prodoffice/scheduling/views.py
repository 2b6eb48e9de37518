from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from prodoffice.core.errors import RuleBroken
from prodoffice.core.forms import show_errors
from prodoffice.core.htmx import render_page
from prodoffice.domain.access import Capability
from prodoffice.domain.scheduling.calendar import DayKind
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.decorators import production_page
from prodoffice.scheduling import selectors, services
from prodoffice.scheduling.checks import board_checks
from prodoffice.scheduling.forms import BannerForm, DayForm, MoveForm, NewScheduleForm, VersionForm
from prodoffice.scheduling.models import Schedule, ShootDay
from prodoffice.scheduling.planning import schedule_plan


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


def _board_context(schedule: Schedule) -> dict[str, object]:
    plan = schedule_plan(schedule)  # read once, for the board and for its rules
    return {
        "board": selectors.stripboard(schedule, plan.strips.values()),
        "checks": board_checks(schedule, plan),
        "day_form": DayForm(),
        "banner_form": BannerForm(),
    }


@production_page(Capability.VIEW_SCHEDULE)
def stripboard(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    schedule = selectors.access_schedule(access, pk)
    return render_page(
        request,
        "scheduling/stripboard.html",
        "scheduling/partials/board.html",
        _board_context(schedule),
    )


def _board_answer(
    request: HttpRequest, access: ProductionAccess, schedule: Schedule, status: int
) -> HttpResponse:
    """After an edit: the board again for htmx, or back to the stripboard page."""
    if not request.htmx:  # type: ignore[attr-defined]
        return redirect("stripboard", access.production.code, schedule.pk)
    schedule.refresh_from_db()
    context = _board_context(schedule)
    return render(request, "scheduling/partials/board.html", context, status=status)


def _edit(request: HttpRequest, form: forms.Form, change: Callable[[], object]) -> int:
    """Run a board edit from a form; its refusal becomes a message. Returns the status."""
    if not form.is_valid():
        messages.error(request, next(iter(form.errors.values()))[0])
        return 400
    try:
        change()
    except RuleBroken as error:
        messages.error(request, error.message)
        return 409 if "Nothing was overwritten" in error.message else 400
    return 200


@require_POST
@production_page(Capability.EDIT_SCHEDULE)
def day_add(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    schedule = selectors.access_schedule(access, pk)
    form = DayForm(request.POST)

    def change() -> None:
        data = form.cleaned_data
        after = selectors.access_day(schedule, data["after"]) if data["after"] else None
        day = services.add_day(
            access=access,
            schedule=schedule,
            version=data["version"],
            after=after,
            kind=DayKind(data["kind"]),
            note=data["note"],
        )
        kind = "day off" if day.kind == DayKind.OFF else f"{day.kind} day"  # not "a off day"
        messages.success(request, f"Added a {kind} on {day.date:%a %b %-d}.")

    status = _edit(request, form, change)
    return _board_answer(request, access, schedule, status)


@require_POST
@production_page(Capability.EDIT_SCHEDULE)
def day_remove(
    request: HttpRequest, access: ProductionAccess, pk: int, day_pk: int
) -> HttpResponse:
    schedule = selectors.access_schedule(access, pk)
    day = selectors.access_day(schedule, day_pk)
    form = VersionForm(request.POST)

    def change() -> None:
        name = str(day)
        moved = services.remove_day(
            access=access, schedule=schedule, version=form.cleaned_data["version"], day=day
        )
        tail = f"; {moved} scenes went to the boneyard" if moved else ""
        messages.success(request, f"Removed {name}{tail}.")

    status = _edit(request, form, change)
    return _board_answer(request, access, schedule, status)


@require_POST
@production_page(Capability.EDIT_SCHEDULE)
def banner_add(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    schedule = selectors.access_schedule(access, pk)
    form = BannerForm(request.POST)

    def change() -> None:
        data = form.cleaned_data
        services.add_banner(
            access=access,
            schedule=schedule,
            version=data["version"],
            day=selectors.access_day(schedule, data["day"]),
            kind=data["kind"],
            text=data["text"],
        )

    status = _edit(request, form, change)
    return _board_answer(request, access, schedule, status)


@require_POST
@production_page(Capability.EDIT_SCHEDULE)
def banner_remove(
    request: HttpRequest, access: ProductionAccess, pk: int, banner_pk: int
) -> HttpResponse:
    schedule = selectors.access_schedule(access, pk)
    banner = selectors.access_banner(schedule, banner_pk)
    form = VersionForm(request.POST)

    def change() -> None:
        version = form.cleaned_data["version"]
        services.remove_banner(access=access, schedule=schedule, version=version, banner=banner)

    status = _edit(request, form, change)
    return _board_answer(request, access, schedule, status)


@require_POST
@production_page(Capability.EDIT_SCHEDULE)
def schedule_status(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    """Publish a version, or make it the current one."""
    schedule = selectors.access_schedule(access, pk)
    if request.POST.get("action") == "publish":
        services.publish(access=access, schedule=schedule)
        messages.success(request, f"{schedule.name} is published and current.")
    else:
        services.make_current(access=access, schedule=schedule)
        messages.success(request, f"{schedule.name} is now the current schedule.")
    return redirect("stripboard", access.production.code, schedule.pk)


@require_POST
@production_page(Capability.EDIT_SCHEDULE)
def strip_move(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    strip = selectors.access_strip(access, pk)
    form = MoveForm(request.POST)

    def change() -> None:
        data = form.cleaned_data
        if data["day"]:
            day: ShootDay | None = selectors.access_day(strip.schedule, data["day"])
        elif data["day_number"]:
            day = selectors.shoot_day_numbered(strip.schedule, data["day_number"])
        else:
            day = None
        services.move_strip(
            access=access,
            strip=strip,
            day=day,
            position=data["position"],
            version=data["version"],
        )

    status = _edit(request, form, change)
    return _board_answer(request, access, strip.schedule, status)


@production_page(Capability.VIEW_SCHEDULE)
def dood(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    schedule = selectors.access_schedule(access, pk)
    table = selectors.day_out_of_days_table(schedule)
    return render(request, "scheduling/dood.html", {"table": table})
