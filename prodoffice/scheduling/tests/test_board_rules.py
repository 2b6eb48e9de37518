"""The stripboard's warnings: each rule the schedule keeps, broken and then mended."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.domain.scheduling.shoot_plan import evaluate
from prodoffice.scheduling import selectors, services
from prodoffice.scheduling.checks import board_checks
from prodoffice.scheduling.models import Schedule, ShootDay, Strip
from prodoffice.scheduling.planning import night_strips, schedule_plan
from prodoffice.scheduling.tests.test_schedules import _schedule
from prodoffice.scripts.models import BreakdownElement, Scene

pytestmark = pytest.mark.django_db


def _strip_with_cast(schedule: Schedule) -> tuple[Strip, BreakdownElement]:
    for strip in schedule.strips.filter(day__isnull=False).order_by("day__order", "order"):
        tag = strip.scene.tags.filter(state="accepted", element__category="cast").first()
        if tag is not None:
            return strip, tag.element
    raise AssertionError("the demo script has cast in its scenes")


def test_an_unavailable_cast_member_is_named_on_the_board_until_moved(world: World) -> None:
    schedule = _schedule(world)
    access = world.access(Role.COORDINATOR)
    strip, element = _strip_with_cast(schedule)
    day = strip.day
    assert day is not None
    services.add_unavailability(
        access=access, element=element, first_date=day.date, last_date=day.date, note="Wedding"
    )
    checks = board_checks(schedule)
    mine = [m for m in checks.messages if element.name in m and "not available" in m]
    assert mine, checks.messages
    assert f"Day {day.number}" in mine[0]
    assert any(element.name in m for m in checks.by_strip[strip.pk])
    # Moved to the boneyard, the scene breaks nothing any more.
    services.move_strip(access=access, strip=strip, day=None, position=0, version=1)
    after = board_checks(Schedule.objects.get(pk=schedule.pk))
    assert not any(element.name in m and "not available" in m for m in after.messages)


def test_a_location_that_cannot_be_had_is_named(world: World) -> None:
    schedule = _schedule(world)
    access = world.access(Role.COORDINATOR)
    strip = schedule.strips.filter(day__isnull=False).first()
    assert strip is not None and strip.day is not None
    plan = schedule_plan(schedule)
    place = plan.locations[strip.scene.set_name]
    services.add_unavailability(
        access=access,
        location=place.lower(),  # typed as the office writes it
        first_date=strip.day.date,
        last_date=strip.day.date,
    )
    messages = board_checks(schedule).messages
    assert any(m.startswith(f"{place} cannot be had on Day {strip.day.number}") for m in messages)


def test_deadlines_and_scenes_together_are_checked(world: World) -> None:
    schedule = _schedule(world)
    access = world.access(Role.COORDINATOR)
    strips = list(schedule.strips.order_by("day__order", "order"))
    late, first = strips[-1], strips[0]
    assert late.day is not None and first.day is not None and late.day != first.day
    services.set_strip_rules(
        access=access, strip=late, must_shoot_by=schedule.start_date, together=""
    )
    services.set_strip_rules(access=access, strip=first, must_shoot_by=None, together="A")
    services.set_strip_rules(access=access, strip=late, must_shoot_by=None, together="a")
    messages = board_checks(schedule).messages
    assert any("must be shot on the same day" in m and late.scene.number in m for m in messages)
    services.set_strip_rules(
        access=access, strip=late, must_shoot_by=schedule.start_date, together=""
    )
    messages = board_checks(schedule).messages
    assert any(
        m.startswith(f"Scene {late.scene.number} must be shot by") and "it is on Day" in m
        for m in messages
    )


def test_a_night_before_a_day_call_breaks_turnaround(world: World) -> None:
    schedule = _schedule(world)
    board_days = list(schedule.days.filter(kind="shoot").order_by("order"))
    monday, tuesday = board_days[0], board_days[1]
    assert tuesday.date - monday.date == timedelta(days=1)
    Strip.objects.filter(day=monday).update(day=None)
    Strip.objects.filter(day=tuesday).update(day=None)
    night = Strip.objects.filter(schedule=schedule, scene__time_of_day__iexact="NIGHT").first()
    day = Strip.objects.filter(schedule=schedule, scene__time_of_day__iexact="DAY").first()
    assert night is not None and day is not None
    Strip.objects.filter(pk=night.pk).update(day=monday, order=0)
    Strip.objects.filter(pk=day.pk).update(day=tuesday, order=0)
    checks = board_checks(schedule)
    crew = [m for m in checks.messages if m.startswith("Crew turnaround")]
    assert crew and "the minimum is 10 h" in crew[0]
    assert crew[0] in checks.by_day[tuesday.pk]


def test_too_many_hours_in_a_day_are_flagged(world: World) -> None:
    schedule = _schedule(world, eighths_per_day=200)  # everything fits on few days
    schedule.minutes_per_page = 180
    schedule.save()
    checks = board_checks(schedule)
    first = ShootDay.objects.filter(schedule=schedule, kind="shoot").order_by("order")[0]
    assert checks.hours[first.pk] > 12
    assert any("hours of shooting; the most planned" in m for m in checks.by_day[first.pk])


def test_the_board_page_lists_broken_rules_and_updates_after_a_move(world: World) -> None:
    schedule = _schedule(world)
    access = world.access(Role.COORDINATOR)
    strip, element = _strip_with_cast(schedule)
    assert strip.day is not None
    services.add_unavailability(
        access=access, element=element, first_date=strip.day.date, last_date=strip.day.date
    )
    client = Client()
    client.force_login(world.users[str(Role.COORDINATOR)])
    code = world.production.code
    page = client.get(reverse("stripboard", args=[code, schedule.pk])).content.decode()
    assert "broken rule" in page and f"{element.name} is not available" in page
    moved = client.post(
        reverse("strip_move", args=[code, strip.pk]),
        {"day": "", "position": 0, "version": 1},
        HTTP_HX_REQUEST="true",
    )
    assert moved.status_code == 200
    assert f"{element.name} is not available" not in moved.content.decode()


def test_the_rules_page_adds_and_removes_unavailable_dates(world: World) -> None:
    schedule = _schedule(world)
    element = BreakdownElement.objects.filter(category="cast").first()
    assert element is not None
    client = Client()
    client.force_login(world.users[str(Role.COORDINATOR)])
    url = reverse("schedule_rules", args=[world.production.code, schedule.pk])
    bad = client.post(url, {"element": element.pk, "first_date": "2027-03-05", "last_date": "x"})
    assert bad.status_code == 400
    good = client.post(
        url, {"element": element.pk, "first_date": "2027-03-05", "last_date": "2027-03-06"}
    )
    assert good.status_code == 302
    page = client.get(url).content.decode()
    assert element.name in page and "Fri Mar 5, 2027" in page
    crowd = client.post(url, {"location": "Diner", "first_date": "2027-03-05", "last_date": ""})
    assert crowd.status_code == 400


def test_the_dood_drops_a_performer_across_a_long_gap_as_the_optimizer_pays(
    world: World,
) -> None:
    """Working the first and last days of a long schedule: dropped between, once."""
    schedule = _schedule(world)
    element = _strip_with_cast(schedule)[1]
    theirs = list(
        Strip.objects.filter(
            schedule=schedule,
            scene__tags__element=element,
            scene__tags__state="accepted",
        ).distinct()
    )
    shoot = list(schedule.days.filter(kind="shoot").order_by("order"))
    assert (shoot[-1].date - shoot[0].date).days > 10
    for other in theirs:
        Strip.objects.filter(pk=other.pk).update(day=None)
    Strip.objects.filter(pk=theirs[0].pk).update(day=shoot[0])
    Strip.objects.filter(pk=theirs[-1].pk).update(day=shoot[-1])
    table = selectors.day_out_of_days_table(schedule)
    row = next(r for r in table.rows if r.element == element)
    codes = [str(code) for code in row.codes if str(code)]
    assert codes == ["SWD", "PUWF"]
    assert row.totals.work == 2 and row.totals.hold == 0
    plan = schedule_plan(schedule)
    cost = evaluate(plan.instance, plan.assignment)
    assert cost.drops >= 1


def test_a_continuous_scene_after_a_night_scene_is_night_work() -> None:
    def strip(pk: int, order: int, time_of_day: str) -> Strip:
        return Strip(pk=pk, scene=Scene(order=order, time_of_day=time_of_day))

    strips = [
        strip(1, 1, "NIGHT"),
        strip(2, 2, "CONTINUOUS"),
        strip(3, 3, "DAY"),
        strip(4, 4, "MOMENTS LATER"),
        strip(5, 5, "LATE NIGHT"),
        strip(6, 6, ""),
    ]
    assert night_strips(reversed(strips)) == {1, 2, 5, 6}
