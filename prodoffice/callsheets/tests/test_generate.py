"""A call sheet built from the demo's current schedule, as the coordinator first sees it."""

from __future__ import annotations

from datetime import date, time

import pytest
from django.core.exceptions import PermissionDenied

from prodoffice.callsheets.models import Call, CallSheet
from prodoffice.callsheets.services import generate_call_sheet
from prodoffice.callsheets.services.edits import SheetDetails, edit_call_sheet
from prodoffice.core.errors import RuleBroken
from prodoffice.demo.tests.fixtures import demo
from prodoffice.productions.access import access_production
from prodoffice.productions.models import Production
from prodoffice.scheduling.models import Schedule, ShootDay
from prodoffice.scheduling.selectors import day_out_of_days_table

pytestmark = pytest.mark.django_db
__all__ = ["demo"]  # built once, rolled back after each test (prodoffice/demo/tests/fixtures.py)


def _access(role: str = "coordinator"):  # type: ignore[no-untyped-def]
    from django.contrib.auth import get_user_model

    return access_production(get_user_model().objects.get(username=role), "DEMO")


def test_a_call_sheet_calls_the_days_cast_and_crew(demo: Production) -> None:
    schedule = Schedule.objects.get(production=demo, is_current=True)
    day = schedule.days.filter(kind="shoot").order_by("order")[2]
    sheet = generate_call_sheet(access=_access(), day=day)
    strips = list(day.strips.order_by("order").select_related("scene"))
    assert [s.number for s in sheet.scenes.all()] == [s.scene.number for s in strips]
    assert sheet.crew_call in {time(7), time(12), time(18)}
    table = day_out_of_days_table(schedule)
    column = next(i for i, d in enumerate(table.days) if d.pk == day.pk)
    working = {
        row.element.cast.pk
        for row in table.rows
        if row.element.cast and row.codes[column] not in {"", "H", "Hol"}
    }
    called = Call.objects.filter(call_sheet=sheet, engagement__cast_number__isnull=False)
    assert {c.engagement_id for c in called if c.call_time} == working
    for call in called.exclude(call_time=None):
        assert call.pickup_time < call.call_time <= call.wardrobe_time
        assert call.status in {"SW", "W", "WF", "SWF", "PU", "SWD", "PUWF", "PUD", "D"}
    held = called.filter(call_time=None)
    assert all(c.status == "H" for c in held)
    crew = Call.objects.filter(call_sheet=sheet, engagement__cast_number__isnull=True)
    assert crew.count() >= 30
    assert {c.call_time for c in crew} == {sheet.crew_call}


def test_one_sheet_a_day_and_only_for_shoot_days(demo: Production) -> None:
    schedule = Schedule.objects.get(production=demo, is_current=True)
    day = schedule.days.filter(kind="shoot").first()
    assert day is not None
    generate_call_sheet(access=_access(), day=day)
    with pytest.raises(RuleBroken, match="already has a call sheet"):
        generate_call_sheet(access=_access(), day=day)
    assert CallSheet.objects.count() == 1
    off = ShootDay.objects.create(schedule=schedule, order=999, kind="off", date=date(2027, 1, 2))
    with pytest.raises(RuleBroken, match="not a shoot day"):
        generate_call_sheet(access=_access(), day=off)
    with pytest.raises(PermissionDenied, match=r"\(Crew\) does not allow this"):
        generate_call_sheet(access=_access("grip"), day=day)


def test_moving_the_crew_call_moves_the_crew_on_it_but_not_the_exceptions(
    demo: Production,
) -> None:
    schedule = Schedule.objects.get(production=demo, is_current=True)
    day = schedule.days.filter(kind="shoot").order_by("order")[0]
    sheet = generate_call_sheet(access=_access(), day=day)
    crew = Call.objects.filter(call_sheet=sheet, engagement__cast_number__isnull=True)
    early = crew.first()
    assert early is not None
    Call.objects.filter(pk=early.pk).update(call_time=time(5, 30))  # the camera truck
    new_call = time(6) if sheet.crew_call != time(6) else time(8)
    edit_call_sheet(
        access=_access(),
        sheet=sheet,
        details=SheetDetails(crew_call=new_call, shooting_call=time(new_call.hour + 1)),
    )
    assert set(crew.exclude(pk=early.pk).values_list("call_time", flat=True)) == {new_call}
    assert crew.get(pk=early.pk).call_time == time(5, 30)


def test_a_sheet_says_when_the_stripboard_moved_on_since_it_was_made(demo: Production) -> None:
    from prodoffice.callsheets.selectors import call_sheet_document
    from prodoffice.scheduling.services import move_strip

    schedule = Schedule.objects.get(production=demo, is_current=True)
    # The demo's schedule comes from a timed optimizer run, which may leave a day empty: take
    # the first shoot day with scenes on it.
    day = schedule.days.filter(kind="shoot", strips__isnull=False).order_by("order").first()
    assert day is not None
    sheet = generate_call_sheet(access=_access(), day=day)
    assert not [w for w in call_sheet_document(sheet).warnings if "stripboard changed" in w.message]
    strip = day.strips.order_by("order").select_related("scene").first()
    assert strip is not None
    move_strip(access=_access(), strip=strip, day=None, position=0, version=schedule.version)
    warnings = [w.message for w in call_sheet_document(sheet).warnings]
    changed = [w for w in warnings if "stripboard changed" in w]
    assert changed and f"moved off it: scene {strip.scene.number}" in changed[0]
