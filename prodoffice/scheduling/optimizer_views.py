"""The optimizer from the stripboard: start a run, follow it, stop it, compare, accept."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from prodoffice.core.errors import RuleBroken
from prodoffice.core.forms import number_sent
from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess
from prodoffice.productions.decorators import production_page
from prodoffice.scheduling import selectors
from prodoffice.scheduling.models import OptimizerRun
from prodoffice.scheduling.planning import compare_run
from prodoffice.scheduling.services import optimizer


def _run(access: ProductionAccess, pk: int) -> OptimizerRun:
    run = (
        OptimizerRun.objects.filter(pk=pk, schedule__production=access.production)
        .select_related("schedule__production", "accepted_as")
        .first()
    )
    if run is None:
        raise Http404("No such optimizer run.")
    return run


@require_POST
@production_page(Capability.EDIT_SCHEDULE)
def optimizer_start(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    schedule = selectors.access_schedule(access, pk)
    seconds = request.POST.get("time_limit", "")
    try:
        run = optimizer.start_run(
            access=access,
            schedule=schedule,
            time_limit=number_sent(seconds) or -1,
        )
    except RuleBroken as error:
        messages.error(request, error.message)
        return redirect("stripboard", access.production.code, schedule.pk)
    return redirect("optimizer_run", access.production.code, run.pk)


@production_page(Capability.EDIT_SCHEDULE)
def optimizer_run(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    run = _run(access, pk)
    finished = run.status in (OptimizerRun.Status.DONE, OptimizerRun.Status.ACCEPTED)
    context = {
        "run": run,
        "schedule": run.schedule,
        "comparison": compare_run(run) if finished else None,
        "show_money": access.can(Capability.VIEW_RATES),
        "active": run.status in optimizer.ACTIVE,
    }
    template = "scheduling/optimizer_run.html"
    if request.htmx:  # type: ignore[attr-defined]
        template = "scheduling/partials/optimizer_run.html"
    return render(request, template, context)


@require_POST
@production_page(Capability.EDIT_SCHEDULE)
def optimizer_stop(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    run = _run(access, pk)
    optimizer.stop_run(access=access, run=run)
    messages.info(request, "Stopping: the best schedule found so far will be shown.")
    return redirect("optimizer_run", access.production.code, run.pk)


@require_POST
@production_page(Capability.EDIT_SCHEDULE)
def optimizer_accept(request: HttpRequest, access: ProductionAccess, pk: int) -> HttpResponse:
    run = _run(access, pk)
    try:
        schedule = optimizer.accept_run(
            access=access,
            run=run,
            name=request.POST.get("name", ""),
            current=request.POST.get("current") == "on",
        )
    except RuleBroken as error:
        messages.error(request, error.message)
        return redirect("optimizer_run", access.production.code, run.pk)
    messages.success(request, f"Saved as a new version: {schedule.name}.")
    return redirect("stripboard", access.production.code, schedule.pk)
