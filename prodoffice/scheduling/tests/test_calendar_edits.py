from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied

from prodoffice.core.errors import FieldErrors, RuleBroken
from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.domain.scheduling.calendar import DayKind
from prodoffice.scheduling import services
from prodoffice.scheduling.models import Banner, Schedule, ShootDay, Strip, Unavailability
from prodoffice.scheduling.tests.test_schedules import _schedule
from prodoffice.scripts.models import BreakdownElement

pytestmark = pytest.mark.django_db


def _days(schedule: Schedule) -> list[ShootDay]:
    return list(ShootDay.objects.filter(schedule=schedule).order_by("order"))


def test_a_day_off_pushes_every_later_day_to_a_later_date(world: World) -> None:
    schedule = _schedule(world)
    access = world.access(Role.COORDINATOR)
    before = _days(schedule)
    day2 = before[1]
    assert (day2.number, day2.date) == (2, date(2027, 3, 2))
    services.add_day(
        access=access, schedule=schedule, version=1, after=day2, kind=DayKind.OFF, note="Rig"
    )
    after = _days(schedule)
    assert len(after) == len(before) + 1
    off = after[2]
    assert (off.kind, off.date, off.note, off.number) == ("off", date(2027, 3, 3), "Rig", None)
    day3 = after[3]
    assert (day3.number, day3.date) == (3, date(2027, 3, 4))
    # Every shoot day kept its scenes, only the dates moved.
    moved = {d.pk: d.date for d in after}
    for old in before[2:]:
        if old.kind == DayKind.SHOOT:
            assert moved[old.pk] > old.date
            assert moved[old.pk].weekday() < 5
    assert schedule.strips.filter(day__isnull=True).count() == 0


def test_a_travel_day_first_and_a_shoot_day_added_renumber_the_days(world: World) -> None:
    schedule = _schedule(world)
    access = world.access(Role.COORDINATOR)
    count = schedule.days.filter(kind=DayKind.SHOOT).count()
    services.add_day(access=access, schedule=schedule, version=1, after=None, kind=DayKind.TRAVEL)
    first = _days(schedule)[0]
    assert (first.kind, first.date) == ("travel", date(2027, 3, 1))
    services.add_day(access=access, schedule=schedule, version=2, after=first, kind=DayKind.SHOOT)
    shoot = list(schedule.days.filter(kind=DayKind.SHOOT).order_by("order"))
    assert [d.number for d in shoot] == list(range(1, count + 2))
    assert shoot[0].date == date(2027, 3, 2)
    assert not shoot[0].strips.exists()


def test_removing_a_day_sends_its_scenes_to_the_boneyard_and_pulls_days_in(world: World) -> None:
    schedule = _schedule(world)
    access = world.access(Role.COORDINATOR)
    days = _days(schedule)
    doomed = days[0]
    scenes = set(doomed.strips.values_list("scene__number", flat=True))
    last_date = days[-1].date
    moved = services.remove_day(access=access, schedule=schedule, version=1, day=doomed)
    assert moved == len(scenes)
    boneyard = Strip.objects.filter(schedule=schedule, day=None)
    assert set(boneyard.values_list("scene__number", flat=True)) == scenes
    after = _days(schedule)
    assert after[0].number == 1 and after[0].date == date(2027, 3, 1)
    assert after[-1].date < last_date


def test_a_holiday_is_laid_out_again_when_days_move(world: World) -> None:
    # Memorial Day 2027 is Monday May 31: a schedule running into it keeps it dark.
    access = world.access(Role.COORDINATOR)
    schedule = _schedule(world)
    schedule.start_date = date(2027, 5, 24)
    schedule.save()
    services.add_day(access=access, schedule=schedule, version=1, after=None, kind=DayKind.OFF)
    holidays = list(schedule.days.filter(kind=DayKind.HOLIDAY))
    assert [h.date for h in holidays] == [date(2027, 5, 31)]
    assert not schedule.days.filter(kind=DayKind.SHOOT, date=date(2027, 5, 31)).exists()
    with pytest.raises(RuleBroken, match="Holidays come from the calendar"):
        services.remove_day(access=access, schedule=schedule, version=2, day=holidays[0])


def test_calendar_edits_are_refused_against_an_old_version(world: World) -> None:
    schedule = _schedule(world)
    access = world.access(Role.COORDINATOR)
    day = _days(schedule)[0]
    services.add_day(access=access, schedule=schedule, version=1, after=day, kind=DayKind.OFF)
    count = schedule.days.count()
    with pytest.raises(RuleBroken, match="Nothing was overwritten"):
        services.add_day(access=access, schedule=schedule, version=1, after=day, kind=DayKind.OFF)
    assert schedule.days.count() == count


def test_banners_sit_on_a_day_and_need_words(world: World) -> None:
    schedule = _schedule(world)
    access = world.access(Role.COORDINATOR)
    day = _days(schedule)[3]
    banner = services.add_banner(
        access=access,
        schedule=schedule,
        version=1,
        day=day,
        kind="move",
        text="  Company move to   the salt flats ",
    )
    assert banner.text == "Company move to the salt flats"
    with pytest.raises(RuleBroken, match="Write what the banner says"):
        services.add_banner(
            access=access, schedule=schedule, version=2, day=day, kind="note", text="  "
        )
    services.remove_banner(access=access, schedule=schedule, version=2, banner=banner)
    assert not Banner.objects.exists()


def test_only_the_office_edits_the_calendar(world: World) -> None:
    schedule = _schedule(world)
    with pytest.raises(PermissionDenied):
        services.add_day(
            access=world.access(Role.PA),
            schedule=schedule,
            version=1,
            after=None,
            kind=DayKind.OFF,
        )
    assert schedule.days.filter(kind=DayKind.OFF).count() == 0


def test_one_current_version_and_publishing_makes_it_current(world: World) -> None:
    first = _schedule(world)
    access = world.access(Role.COORDINATOR)
    second = services.create_schedule(
        access=access, revision=first.revision, name="Second", start_date=date(2027, 3, 8)
    )
    assert not second.is_current
    services.publish(access=access, schedule=second)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (second.status, second.is_current, first.is_current) == ("published", True, False)
    services.make_current(access=access, schedule=first)
    assert list(Schedule.objects.filter(is_current=True)) == [first]


def test_unavailable_dates_name_one_cast_member_or_location(world: World) -> None:
    schedule = _schedule(world)
    access = world.access(Role.COORDINATOR)
    cast = BreakdownElement.objects.filter(category="cast").first()
    assert cast is not None
    start = schedule.start_date
    services.add_unavailability(
        access=access, element=cast, first_date=start, last_date=start + timedelta(days=2)
    )
    services.add_unavailability(
        access=access, location="Salt flats", first_date=start, last_date=start, note="Race"
    )
    with pytest.raises(FieldErrors) as refused:
        services.add_unavailability(
            access=access, first_date=start, last_date=start - timedelta(days=1)
        )
    assert set(refused.value.errors) == {"element", "last_date"}
    assert Unavailability.objects.count() == 2
