"""Building a call sheet from the schedule and the crew list."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import Q

from prodoffice.callsheets.models import Call, CallSheet, CallSheetScene
from prodoffice.core import history
from prodoffice.core.errors import RuleBroken
from prodoffice.core.models import ChangeRecord
from prodoffice.domain.access import Capability
from prodoffice.domain.callsheets import calls
from prodoffice.domain.scheduling.calendar import DayKind
from prodoffice.domain.scheduling.dood import START_CODES, WORK_CODES, Code
from prodoffice.people.choices import EngagementStatus
from prodoffice.people.models import Engagement
from prodoffice.productions.access import ProductionAccess
from prodoffice.scheduling.models import ShootDay
from prodoffice.scheduling.planning import schedule_plan
from prodoffice.scheduling.selectors import day_out_of_days_table
from prodoffice.scripts.models import SceneElement

# People on the crew list who are called: hired and not yet wrapped.
CALLED = (EngagementStatus.CONFIRMED, EngagementStatus.STARTED)


@transaction.atomic
def generate_call_sheet(*, access: ProductionAccess, day: ShootDay) -> CallSheet:
    """The call sheet of a shoot day as the schedule and crew list have it now.

    Scenes in shooting order with their set, pages, cast and location; every performer the
    Day Out of Days has working that day called with pickup, make-up, wardrobe and on-set
    times, those on hold listed without a call; the crew on the list for that date called at
    the general call. Call times start from day and night (`domain.callsheets.calls`); the
    coordinator edits them after.
    """
    access.require(Capability.EDIT_CALL_SHEETS)
    schedule = day.schedule
    if schedule.production_id != access.production.pk:
        raise RuleBroken("That shoot day is not on this production.")
    if day.kind != DayKind.SHOOT:
        raise RuleBroken(f"{day} is not a shoot day; nobody is called.")
    if CallSheet.objects.filter(schedule=schedule, day=day).exists():
        raise RuleBroken(f"Day {day.number} already has a call sheet; open it to edit it.")
    plan = schedule_plan(schedule)
    strips = [plan.strips[pk] for pk in plan.assignment.get(str(day.pk), [])]
    general = calls.crew_call(plan.is_night(strip) for strip in strips)
    shooting = calls.shooting_call(general)
    sheet = CallSheet.objects.create(
        production=access.production,
        schedule=schedule,
        day=day,
        crew_call=general,
        shooting_call=shooting,
        created_by=access.user,
    )
    CallSheetScene.objects.bulk_create(
        CallSheetScene(
            call_sheet=sheet,
            scene=strip.scene,
            order=order,
            number=strip.scene.number,
            int_ext=strip.scene.int_ext,
            set_name=strip.scene.set_name,
            time_of_day=strip.scene.time_of_day,
            eighths=max(strip.scene.eighths, 1),
            cast_numbers=_cast_numbers(strip.scene.cast_tags),  # type: ignore[attr-defined]
            location=plan.locations.get(strip.scene.set_name, ""),
            synopsis=strip.scene.synopsis[:300],
        )
        for order, strip in enumerate(strips)
    )
    Call.objects.bulk_create(
        [*_cast_calls(sheet, general, shooting), *_crew_calls(sheet, day.date, general)]
    )
    history.record_change(access, sheet, ChangeRecord.Action.CREATED)
    return sheet


def _cast_numbers(tags: list[SceneElement]) -> str:
    """ "1, 2, 5" as a strip prints them; a role not yet cast by its name."""
    numbered = sorted(
        t.element.cast.cast_number for t in tags if t.element.cast and t.element.cast.cast_number
    )
    named = sorted(
        t.element.name for t in tags if not (t.element.cast and t.element.cast.cast_number)
    )
    return ", ".join([*(str(n) for n in numbered), *named])[:200]


def _cast_calls(sheet: CallSheet, general: calls.time, shooting: calls.time) -> list[Call]:
    """Working cast called (SW, W, WF, PU ...), cast on hold listed (H) without a call."""
    table = day_out_of_days_table(sheet.schedule)
    column = next(i for i, d in enumerate(table.days) if d.pk == sheet.day_id)
    times = calls.cast_call(general, shooting)
    made = []
    for row in table.rows:
        code = row.codes[column]
        engagement = row.element.cast
        if engagement is None or code not in WORK_CODES | {Code.HOLD}:
            continue
        if code == Code.HOLD:
            made.append(Call(call_sheet=sheet, engagement=engagement, status=code))
            continue
        made.append(
            Call(
                call_sheet=sheet,
                engagement=engagement,
                status=code,
                call_time=times.call,
                pickup_time=times.pickup,
                makeup_time=times.makeup,
                wardrobe_time=times.wardrobe,
                on_set_time=times.on_set,
                remarks="First day" if code in START_CODES and code != Code.PICK_UP else "",
            )
        )
    return made


def _crew_calls(sheet: CallSheet, on: date, general: calls.time) -> list[Call]:
    crew = Engagement.objects.filter(
        production=sheet.production_id, cast_number__isnull=True, status__in=CALLED
    ).filter(
        Q(start_date__isnull=True) | Q(start_date__lte=on),
        Q(end_date__isnull=True) | Q(end_date__gte=on),
    )
    return [Call(call_sheet=sheet, engagement=person, call_time=general) for person in crew]
