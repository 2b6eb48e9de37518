from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from prodoffice.core.errors import RuleBroken
from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.scheduling import selectors, services
from prodoffice.scheduling.models import Schedule, Strip
from prodoffice.scripts.services import import_script

pytestmark = pytest.mark.django_db
WHITE = Path(__file__).resolve().parents[2] / "demo" / "scripts" / "salt_flats.fountain"


def _schedule(world: World, eighths_per_day: int = 40) -> Schedule:
    access = world.access(Role.COORDINATOR)
    revision = import_script(access=access, filename="w.fountain", data=WHITE.read_bytes())
    return services.create_schedule(
        access=access,
        revision=revision,
        name="First pass",
        start_date=date(2027, 3, 1),
        eighths_per_day=eighths_per_day,
    )


def test_a_first_schedule_fills_weekday_shoot_days_in_script_order(world: World) -> None:
    schedule = _schedule(world)
    board = selectors.stripboard(schedule)
    assert sum(len(d.strips) for d in board.days) == 66
    assert board.boneyard == []
    assert all(not d.over or len(d.strips) == 1 for d in board.days)
    assert [d.day.number for d in board.days] == list(range(1, len(board.days) + 1))
    assert all(d.day.date.weekday() < 5 for d in board.days)
    numbers = [s.scene.number for d in board.days for s in d.strips]
    assert numbers == [str(n) for n in range(1, 67)]
    assert schedule.is_current


def test_moving_a_strip_puts_it_where_it_was_dropped(world: World) -> None:
    schedule = _schedule(world)
    access = world.access(Role.COORDINATOR)
    board = selectors.stripboard(schedule)
    strip = board.days[0].strips[0]
    target = board.days[2].day
    services.move_strip(access=access, strip=strip, day=target, position=1, version=1)
    after = selectors.stripboard(Schedule.objects.get(pk=schedule.pk))
    third = after.days[2].strips
    assert third[1].pk == strip.pk
    assert [s.order for s in third] == list(range(len(third)))
    assert strip.pk not in {s.pk for s in after.days[0].strips}
    services.move_strip(access=access, strip=strip, day=None, position=0, version=2)
    assert [s.pk for s in selectors.stripboard(schedule).boneyard] == [strip.pk]


def test_two_people_moving_at_once_never_overwrite_each_other(world: World) -> None:
    schedule = _schedule(world)
    strips = list(Strip.objects.filter(schedule=schedule).order_by("day__order", "order"))
    first, second = strips[0], strips[1]
    day3 = selectors.stripboard(schedule).days[2].day
    services.move_strip(
        access=world.access(Role.COORDINATOR), strip=first, day=day3, position=0, version=1
    )
    with pytest.raises(RuleBroken, match=r"changed by .* since you opened it"):
        services.move_strip(
            access=world.access(Role.ASSISTANT_COORDINATOR),
            strip=second,
            day=None,
            position=0,
            version=1,  # what the second editor saw before the first one's move
        )
    second.refresh_from_db()
    assert second.day_id is not None  # the stale move did nothing
    assert Schedule.objects.get(pk=schedule.pk).version == 2


def test_crew_read_the_stripboard_but_cannot_move_strips(world: World) -> None:
    schedule = _schedule(world)
    strip = Strip.objects.filter(schedule=schedule).first()
    assert strip is not None
    with pytest.raises(PermissionDenied):
        services.move_strip(
            access=world.access(Role.CREW), strip=strip, day=None, position=0, version=1
        )
    client = Client()
    client.force_login(world.user(Role.CREW))
    page = client.get(reverse("stripboard", args=[world.production.code, schedule.pk]))
    assert page.status_code == 200
    assert b"EXT. SALT FLATS" in page.content or b"SALT FLATS" in page.content
    assert b'name="position"' not in page.content


def test_a_move_through_htmx_returns_the_board_and_a_stale_one_says_why(world: World) -> None:
    schedule = _schedule(world)
    strip = Strip.objects.filter(schedule=schedule).order_by("day__order", "order").first()
    assert strip is not None
    client = Client()
    client.force_login(world.user(Role.COORDINATOR))
    url = reverse("strip_move", args=[world.production.code, strip.pk])
    moved = client.post(
        url, {"day": "", "position": 0, "version": 1}, headers={"HX-Request": "true"}
    )
    assert moved.status_code == 200
    assert "<html" not in moved.content.decode()
    stale = client.post(
        url, {"day": "", "position": 0, "version": 1}, headers={"HX-Request": "true"}
    )
    assert stale.status_code == 409
    assert "since you opened it" in stale.content.decode()


def test_the_stripboard_costs_the_same_queries_whatever_the_script_length(world: World) -> None:
    schedule = _schedule(world)
    client = Client()
    client.force_login(world.user(Role.COORDINATOR))
    url = reverse("stripboard", args=[world.production.code, schedule.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as full:
        client.get(url)
    Strip.objects.filter(schedule=schedule).exclude(
        pk__in=Strip.objects.filter(schedule=schedule).order_by("order")[:5]
    ).delete()
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    assert len(full) == len(small)


def test_a_schedule_needs_a_name_and_a_sensible_day_length(world: World) -> None:
    access = world.access(Role.COORDINATOR)
    revision = import_script(access=access, filename="w.fountain", data=WHITE.read_bytes())
    with pytest.raises(RuleBroken):
        services.create_schedule(
            access=access,
            revision=revision,
            name=" ",
            start_date=date(2027, 3, 1),
            eighths_per_day=0,
        )
    assert not Schedule.objects.exists()


def test_each_days_strips_are_numbered_from_the_top_of_that_day(world: World) -> None:
    board = selectors.stripboard(_schedule(world, eighths_per_day=16))
    for day in board.days:
        assert [s.order for s in day.strips] == list(range(len(day.strips)))


def test_the_day_out_of_days_follows_the_stripboard(world: World) -> None:
    lead = world.cast_member
    lead.character = "JUNE HALLORAN"
    lead.save()
    schedule = _schedule(world, eighths_per_day=16)
    table = selectors.day_out_of_days_table(schedule)
    june = next(row for row in table.rows if row.element.name == "JUNE HALLORAN")
    assert june.element.cast is not None  # linked to cast #1 of the crew list
    assert table.rows[0] == june  # cast number order
    codes = [str(code) for code in june.codes]
    assert len(codes) == len(table.days)
    first = next(i for i, c in enumerate(codes) if c)
    last = max(i for i, c in enumerate(codes) if c)
    assert codes[first] in {"SW", "SWF"}
    assert codes[last] in {"WF", "SWF"}
    assert set(codes[first + 1 : last]) <= {"W", "H"}
    assert june.totals.work + june.totals.hold == last - first + 1

    client = Client()
    client.force_login(world.user(Role.CAST))
    page = client.get(reverse("dood", args=[world.production.code, schedule.pk]))
    assert page.status_code == 200
    assert b"1. JUNE HALLORAN" in page.content


def test_a_schedule_across_christmas_leaves_the_holiday_dark(world: World) -> None:
    access = world.access(Role.COORDINATOR)
    revision = import_script(access=access, filename="w.fountain", data=WHITE.read_bytes())
    schedule = services.create_schedule(
        access=access,
        revision=revision,
        name="Holidays",
        start_date=date(2026, 12, 21),
        eighths_per_day=16,
    )
    days = list(schedule.days.order_by("order"))
    christmas = next(d for d in days if d.date == date(2026, 12, 25))
    assert christmas.kind == "holiday"
    assert christmas.note == "Christmas Day"
    assert not christmas.strips.exists()
    shoot_numbers = [d.number for d in days if d.kind == "shoot"]
    assert shoot_numbers == list(range(1, len(shoot_numbers) + 1))
    table = selectors.day_out_of_days_table(schedule)
    at = days.index(christmas)
    holiday_codes = {str(row.codes[at]) for row in table.rows}
    assert holiday_codes <= {"Hol", ""}
    assert "Hol" in holiday_codes  # someone works before and after Christmas


def test_a_conflict_names_who_moved_a_strip_of_that_schedule_not_another(world: World) -> None:
    first = _schedule(world)
    other = services.create_schedule(
        access=world.access(Role.COORDINATOR),
        revision=first.revision,
        name="Second pass",
        start_date=date(2027, 3, 1),
    )
    producer, coordinator = world.access(Role.PRODUCER), world.access(Role.COORDINATOR)
    strips = list(Strip.objects.filter(schedule=first).order_by("day__order", "order"))
    services.move_strip(access=coordinator, strip=strips[0], day=None, position=0, version=1)
    elsewhere = Strip.objects.filter(schedule=other).first()
    assert elsewhere is not None
    services.move_strip(access=producer, strip=elsewhere, day=None, position=0, version=1)
    with pytest.raises(RuleBroken) as caught:
        services.move_strip(access=producer, strip=strips[1], day=None, position=0, version=1)
    coordinator_name = world.user(Role.COORDINATOR).get_full_name()
    assert f"changed by {coordinator_name} since" in caught.value.message
