"""Creating a schedule and moving its strips."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import F

from prodoffice.core import history
from prodoffice.core.errors import FieldErrors, RuleBroken
from prodoffice.core.models import ChangeRecord
from prodoffice.domain.access import Capability
from prodoffice.domain.scheduling.calendar import DayKind, fill_days, lay_out_dates
from prodoffice.domain.scheduling.holidays import us_federal_holidays
from prodoffice.productions.access import ProductionAccess
from prodoffice.scheduling.models import Schedule, ShootDay, Strip
from prodoffice.scripts.choices import SceneChange
from prodoffice.scripts.models import ScriptRevision


@transaction.atomic
def create_schedule(
    *,
    access: ProductionAccess,
    revision: ScriptRevision,
    name: str,
    start_date: date,
    eighths_per_day: int = 40,
    skip_us_holidays: bool = True,
) -> Schedule:
    """A first schedule from a script draft: scenes in script order, days filled to capacity."""
    access.require(Capability.EDIT_SCHEDULE)
    errors: dict[str, str] = {}
    name = " ".join(name.split())
    if not name:
        errors["name"] = "Name the schedule, e.g. First pass."
    if not 1 <= eighths_per_day <= 200:
        errors["eighths_per_day"] = "A day holds between 1/8 and 25 pages."
    if revision.script.production_id != access.production.pk:
        errors["revision"] = "That draft is not on this production."
    if errors:
        raise FieldErrors(errors)
    scenes = [s for s in revision.scenes.order_by("order") if s.change != SceneChange.OMITTED]
    placed = fill_days([max(s.eighths, 1) for s in scenes], eighths_per_day)
    shoot_days = (max(placed) + 1) if placed else 1
    schedule = Schedule.objects.create(
        production=access.production,
        name=name[:120],
        revision=revision,
        start_date=start_date,
        eighths_per_day=eighths_per_day,
        is_current=not Schedule.objects.filter(production=access.production).exists(),
        us_holidays=skip_us_holidays,
        created_by=access.user,
    )
    holidays: dict[date, str] = {}
    if skip_us_holidays:
        for year in range(start_date.year, start_date.year + 3):
            holidays |= us_federal_holidays(year)
    calendar = lay_out_dates(start_date, [DayKind.SHOOT] * shoot_days, holidays=holidays)
    days = ShootDay.objects.bulk_create(
        ShootDay(
            schedule=schedule,
            order=i,
            kind=d.kind,
            number=d.number,
            date=d.on,
            note=holidays.get(d.on, "") if d.kind is DayKind.HOLIDAY else "",
        )
        for i, d in enumerate(calendar)
    )
    shoot = [day for day in days if day.kind == DayKind.SHOOT]
    first_of_day = {day: placed.index(day) for day in set(placed)}
    Strip.objects.bulk_create(
        Strip(schedule=schedule, scene=scene, day=shoot[day], order=i - first_of_day[day])
        for i, (scene, day) in enumerate(zip(scenes, placed, strict=True))
    )
    history.record_change(access, schedule, ChangeRecord.Action.CREATED)
    return schedule


def claim(schedule: Schedule, version: int) -> None:
    """Bump the version if it is still the one the editor saw; otherwise refuse the edit."""
    claimed = Schedule.objects.filter(pk=schedule.pk, version=version).update(
        version=F("version") + 1
    )
    if not claimed:
        schedule.refresh_from_db()
        who = _last_editor(schedule)
        raise RuleBroken(
            f"The schedule was changed{who} since you opened it; reload to see the changes, "
            "then make yours again. Nothing was overwritten."
        )
    schedule.version = version + 1


def _last_editor(schedule: Schedule) -> str:
    """Who moved a strip of this schedule last, for the conflict message (only on a conflict)."""
    strip_ids = [str(pk) for pk in schedule.strips.values_list("pk", flat=True)]
    record = (
        ChangeRecord.objects.filter(
            production=schedule.production, record_type="strip", record_id__in=strip_ids
        )
        .select_related("actor")
        .first()
    )
    return f" by {record.actor_label}" if record and record.actor_label else ""


@transaction.atomic
def move_strip(
    *,
    access: ProductionAccess,
    strip: Strip,
    day: ShootDay | None,
    position: int,
    version: int,
) -> Strip:
    """Move a strip to a shoot day (or the boneyard) at a position among that day's strips."""
    access.require(Capability.EDIT_SCHEDULE)
    schedule = strip.schedule
    if schedule.production_id != access.production.pk:
        raise RuleBroken("That schedule is not on this production.")
    if day is not None and (day.schedule_id != schedule.pk or day.kind != DayKind.SHOOT):
        raise RuleBroken("Scenes go on shoot days of this schedule.", field="day")
    claim(schedule, version)
    before = history.snapshot(strip)
    others = list(
        Strip.objects.filter(schedule=schedule, day=day).exclude(pk=strip.pk).order_by("order")
    )
    position = max(0, min(position, len(others)))
    others.insert(position, strip)
    strip.day = day
    for order, item in enumerate(others):
        item.order = order
    Strip.objects.bulk_update(others, ["order", "day"])
    history.record_change(access, strip, ChangeRecord.Action.CHANGED, before=before)
    return strip
