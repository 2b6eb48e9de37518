"""The schedule's calendar: adding and removing days, and the banners across the board."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.db.models import F, Max

from prodoffice.core import history
from prodoffice.core.errors import RuleBroken
from prodoffice.core.models import ChangeRecord
from prodoffice.domain.access import Capability
from prodoffice.domain.scheduling.calendar import DayKind, lay_out_dates
from prodoffice.domain.scheduling.holidays import us_federal_holidays
from prodoffice.productions.access import ProductionAccess
from prodoffice.scheduling.models import Banner, Schedule, ShootDay, Strip
from prodoffice.scheduling.services.strips import claim

# Days a coordinator adds by hand; holidays come from the calendar.
ADDABLE_KINDS = (DayKind.SHOOT, DayKind.OFF, DayKind.TRAVEL)


def _check(access: ProductionAccess, schedule: Schedule, version: int) -> None:
    access.require(Capability.EDIT_SCHEDULE)
    if schedule.production_id != access.production.pk:
        raise RuleBroken("That schedule is not on this production.")
    claim(schedule, version)


def holidays_for(schedule: Schedule, through: date) -> dict[date, str]:
    if not schedule.us_holidays:
        return {}
    found: dict[date, str] = {}
    for year in range(schedule.start_date.year, through.year + 2):
        found |= us_federal_holidays(year)
    return found


def lay_out(schedule: Schedule) -> None:
    """Put every day of the schedule back on dates, in order, after a day came or went.

    Shoot, off and travel days keep their strips and banners; the holiday days are laid out
    afresh, since a day moved later may now fall on a holiday, or off one.
    """
    days = [d for d in schedule.days.order_by("order") if d.kind != DayKind.HOLIDAY]
    last = schedule.start_date if not days else max(d.date for d in days)
    holidays = holidays_for(schedule, last)
    calendar = lay_out_dates(
        schedule.start_date, [DayKind(d.kind) for d in days], holidays=holidays
    )
    ShootDay.objects.filter(schedule=schedule, kind=DayKind.HOLIDAY).delete()
    keep = iter(days)
    changed, created = [], []
    for order, placed in enumerate(calendar):
        if placed.kind is DayKind.HOLIDAY:
            note = holidays.get(placed.on, "")
            created.append(
                ShootDay(
                    schedule=schedule, order=order, kind=placed.kind, date=placed.on, note=note
                )
            )
            continue
        day = next(keep)
        day.order, day.number, day.date = order, placed.number, placed.on
        changed.append(day)
    ShootDay.objects.bulk_update(changed, ["order", "number", "date"])
    ShootDay.objects.bulk_create(created)


@transaction.atomic
def add_day(
    *,
    access: ProductionAccess,
    schedule: Schedule,
    version: int,
    after: ShootDay | None,
    kind: DayKind,
    note: str = "",
) -> ShootDay:
    """A day after `after` (first, without one); every later day moves to a later date."""
    if kind not in ADDABLE_KINDS:
        raise RuleBroken("Add a shoot day, a day off or a travel day.", field="kind")
    if after is not None and after.schedule_id != schedule.pk:
        raise RuleBroken("That day is not on this schedule.", field="after")
    _check(access, schedule, version)
    position = after.order + 1 if after is not None else 0
    schedule.days.filter(order__gte=position).update(order=F("order") + 1)
    day = ShootDay.objects.create(
        schedule=schedule, order=position, kind=kind, date=schedule.start_date, note=note[:200]
    )
    lay_out(schedule)
    day.refresh_from_db()
    history.record_change(access, day, ChangeRecord.Action.CREATED)
    return day


@transaction.atomic
def remove_day(*, access: ProductionAccess, schedule: Schedule, version: int, day: ShootDay) -> int:
    """Take a day out; its scenes go to the boneyard. Returns how many scenes went there."""
    if day.schedule_id != schedule.pk:
        raise RuleBroken("That day is not on this schedule.")
    if day.kind == DayKind.HOLIDAY:
        raise RuleBroken(
            "Holidays come from the calendar. To shoot on one, make a schedule that does not "
            "keep U.S. federal holidays dark."
        )
    _check(access, schedule, version)
    if day.kind == DayKind.SHOOT and schedule.days.filter(kind=DayKind.SHOOT).count() == 1:
        raise RuleBroken("A schedule keeps at least one shoot day.")
    strips = list(day.strips.order_by("order"))
    top = Strip.objects.filter(schedule=schedule, day=None).aggregate(top=Max("order"))["top"]
    for i, strip in enumerate(strips, start=0 if top is None else top + 1):
        strip.day, strip.order = None, i
    Strip.objects.bulk_update(strips, ["day", "order"])
    history.record_change(access, day, ChangeRecord.Action.DELETED)
    day.delete()
    lay_out(schedule)
    return len(strips)


@transaction.atomic
def add_banner(
    *,
    access: ProductionAccess,
    schedule: Schedule,
    version: int,
    day: ShootDay,
    kind: str,
    text: str,
) -> Banner:
    """A note or company move shown across the board at the head of a day."""
    text = " ".join(text.split())
    if not text:
        raise RuleBroken("Write what the banner says.", field="text")
    if kind not in Banner.Kind.values:
        raise RuleBroken("A banner is a note or a company move.", field="kind")
    if day.schedule_id != schedule.pk:
        raise RuleBroken("That day is not on this schedule.", field="day")
    if day.kind == DayKind.HOLIDAY:
        raise RuleBroken("A holiday is already marked on the board; put the banner on a day.")
    _check(access, schedule, version)
    banner = Banner.objects.create(day=day, kind=kind, text=text[:200])
    history.record_change(access, banner, ChangeRecord.Action.CREATED)
    return banner


@transaction.atomic
def remove_banner(
    *, access: ProductionAccess, schedule: Schedule, version: int, banner: Banner
) -> None:
    if banner.day.schedule_id != schedule.pk:
        raise RuleBroken("That banner is not on this schedule.")
    _check(access, schedule, version)
    history.record_change(access, banner, ChangeRecord.Action.DELETED)
    banner.delete()
