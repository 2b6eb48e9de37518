"""What a call sheet warns about: no scenes, people not reachable, turnaround broken."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from prodoffice.callsheets.models import Call, CallSheet, CallSheetScene
from prodoffice.domain.scheduling.constraints import turnaround_violations
from prodoffice.scheduling.checks import DAY_CALL, MEAL_HOURS, MOVE_HOURS, NIGHT_CALL, SPLIT_CALL
from prodoffice.scheduling.models import ShootDay, Strip
from prodoffice.scheduling.planning import HEAVY_SCENE_FIELDS, night_strips, set_locations
from prodoffice.scripts.selectors import cast_tags_prefetch

if TYPE_CHECKING:  # the document holds the warnings; the warnings read its rows
    from prodoffice.callsheets.selectors.document import PersonCall


@dataclass(frozen=True)
class SheetWarning:
    message: str
    office_only: bool = False  # for the office's eyes, not printed on the distributed sheet


def sheet_warnings(
    sheet: CallSheet,
    *,
    has_scenes: bool,
    calls: list[PersonCall],
    unknown_locations: list[str],
    previous: ShootDay | None,
) -> list[SheetWarning]:
    """Everything wrong with the sheet as it stands, in words a coordinator can act on."""
    warnings = []
    if not has_scenes:
        warnings.append(
            SheetWarning(
                f"Day {sheet.day.number} has no scenes scheduled: there is nothing to shoot on "
                "this sheet. Put scenes on the day in the stripboard, or call it off."
            )
        )
    for name in unknown_locations:
        warnings.append(
            SheetWarning(
                f"{name} has no location record: no address, parking or hospital on the "
                "sheet. Add it on the Locations page.",
                office_only=True,
            )
        )
    for call in calls:
        if call.called and not call.has_email:
            who = call.character or call.position
            warnings.append(
                SheetWarning(
                    f"{call.name} ({who}) has no e-mail address: not reachable by e-mail.",
                    office_only=True,
                )
            )
    return warnings + _schedule_changes(sheet) + _turnaround(sheet, previous, calls)


def _schedule_changes(sheet: CallSheet) -> list[SheetWarning]:
    """The stripboard moved on since the sheet was made: which scenes came and went (2 queries)."""
    now = list(
        Strip.objects.filter(schedule=sheet.schedule_id, day=sheet.day_id)
        .order_by("order")
        .values_list("scene__number", flat=True)
    )
    on_sheet = list(sheet.scenes.values_list("number", flat=True))
    came = [number for number in now if number not in on_sheet]
    went = [number for number in on_sheet if number not in now]
    found = []
    if came or went:
        parts = []
        if came:
            parts.append(f"now on Day {sheet.day.number}: scene {', '.join(came)}")
        if went:
            parts.append(f"moved off it: scene {', '.join(went)}")
        found.append(
            SheetWarning(
                "The stripboard changed since this sheet was made (" + "; ".join(parts) + "). "
                "Update the sheet before sending it.",
                office_only=True,
            )
        )
    if not sheet.schedule.is_current:
        found.append(
            SheetWarning(
                f"This sheet was made from the schedule {sheet.schedule.name!r}, which is no "
                "longer the current one.",
                office_only=True,
            )
        )
    return found


def _estimated_wrap(on: date, call: time, eighths: int, places: int, minutes_per_page: int) -> time:
    """The stripboard's estimate of a day's wrap: the pages at the schedule's pace, an hour a
    company move, half an hour for the meal (scheduling.checks)."""
    hours = eighths * minutes_per_page / 8 / 60 + max(places - 1, 0) * MOVE_HOURS
    worked = min(hours + MEAL_HOURS, 23.5)
    return (datetime.combine(on, call) + timedelta(hours=worked)).time()


def _turnaround(
    sheet: CallSheet, previous: ShootDay | None, calls: list[PersonCall]
) -> list[SheetWarning]:
    """Cast and crew called before the previous shoot day's estimated wrap plus their rest.

    The previous day's call and who worked it come from its call sheet where there is one,
    else from the schedule (the stripboard's estimate); the wrap is always an estimate.
    """
    if previous is None:
        return []
    schedule = sheet.schedule
    production = sheet.production
    before = CallSheet.objects.filter(schedule=schedule, day=previous).first()
    worked: set[int]
    if before is not None:
        prior = list(CallSheetScene.objects.filter(call_sheet=before).values("eighths", "location"))
        eighths = sum(max(s["eighths"], 1) for s in prior)
        places = len({s["location"] for s in prior if s["location"]})
        crew_call = before.crew_call
        worked = set(
            Call.objects.filter(
                call_sheet=before, call_time__isnull=False, engagement__cast_number__isnull=False
            ).values_list("engagement_id", flat=True)
        )
    else:
        strips = list(
            Strip.objects.filter(schedule=schedule, day=previous)
            .select_related("scene")
            .defer(*HEAVY_SCENE_FIELDS)
            .prefetch_related(cast_tags_prefetch("scene__tags"))
        )
        if not strips:
            return []
        nights = night_strips(strips)
        crew_call = NIGHT_CALL if len(nights) == len(strips) else SPLIT_CALL if nights else DAY_CALL
        eighths = sum(max(s.scene.eighths, 1) for s in strips)
        where = set_locations(schedule, {s.scene.set_name for s in strips if s.scene.set_name})
        places = len(set(where.values()))
        worked = {
            tag.element.cast_id
            for s in strips
            for tag in s.scene.cast_tags  # type: ignore[attr-defined]
            if tag.element.cast_id is not None
        }
    if not eighths:
        return []
    wrap = _estimated_wrap(previous.date, crew_call, eighths, places, schedule.minutes_per_page)
    found: list[SheetWarning] = []
    prior_call = (previous.date, crew_call, wrap)
    day = sheet.day
    for short in turnaround_violations(
        [prior_call, (day.date, sheet.crew_call, sheet.crew_call)], production.crew_rest_hours
    ):
        found.append(
            SheetWarning(
                f"Crew turnaround after Day {previous.number}'s estimated wrap: {short.message}"
            )
        )
    for call in calls:
        if call.cast_number is None or call.call_time is None:
            continue
        if call.engagement_pk not in worked:
            continue
        for short in turnaround_violations(
            [prior_call, (day.date, call.call_time, call.call_time)], production.cast_rest_hours
        ):
            found.append(
                SheetWarning(
                    f"{call.name} (#{call.cast_number}) is called before "
                    f"the turnaround after Day {previous.number}'s estimated wrap: "
                    f"{short.message}"
                )
            )
    return found
