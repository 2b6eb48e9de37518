"""The call sheet pages as the office and the company use them: make, read, edit, print."""

from __future__ import annotations

import io
from datetime import time

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from prodoffice.callsheets.models import Call, CallSheet
from prodoffice.callsheets.services import generate_call_sheet
from prodoffice.core.models import ChangeRecord
from prodoffice.demo.tests.fixtures import demo
from prodoffice.people.models import Contact, Engagement
from prodoffice.productions.access import ProductionAccess, access_production
from prodoffice.productions.models import Production
from prodoffice.scheduling.models import Schedule, ShootDay

pytestmark = pytest.mark.django_db
__all__ = ["demo"]  # built once, rolled back after each test (prodoffice/demo/tests/fixtures.py)


def _client(username: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def _access(username: str = "coordinator") -> ProductionAccess:
    return access_production(get_user_model().objects.get(username=username), "DEMO")


def _day(production: Production, number: int = 3) -> ShootDay:
    schedule = Schedule.objects.get(production=production, is_current=True)
    return schedule.days.get(kind="shoot", number=number)


def _sheet(production: Production, number: int = 3) -> CallSheet:
    return generate_call_sheet(access=_access(), day=_day(production, number))


def _url(name: str, *args: object) -> str:
    return reverse(name, args=["DEMO", *args])


def test_the_office_makes_a_call_sheet_from_the_list_of_shoot_days(demo: Production) -> None:
    coordinator = _client("coordinator")
    page = coordinator.get(_url("callsheet_list")).content.decode()
    assert "Day 3 of" in page and "Make call sheet" in page and "No call sheet" in page
    day = _day(demo)
    response = coordinator.post(_url("callsheet_make", day.pk))
    sheet = CallSheet.objects.get(day=day)
    assert response.status_code == 302
    assert response["Location"] == _url("callsheet_detail", sheet.pk)
    again = coordinator.post(_url("callsheet_make", day.pk), follow=True)
    assert "already has a call sheet" in again.content.decode()
    listed = coordinator.get(_url("callsheet_list")).content.decode()
    assert "Draft" in listed


def test_crew_read_the_list_but_cannot_make_a_sheet(demo: Production) -> None:
    grip = _client("grip")
    page = grip.get(_url("callsheet_list")).content.decode()
    assert "Call sheets" in page and "Make call sheet" not in page
    assert grip.post(_url("callsheet_make", _day(demo).pk)).status_code == 403
    assert not CallSheet.objects.exists()


def test_everyone_reads_the_sheet_and_an_actor_sees_their_own_call(demo: Production) -> None:
    sheet = _sheet(demo)
    actor = Engagement.objects.get(production=demo, contact__user__username="actor")
    # Whether cast #1 works Day 3 is the optimizer's choice; make sure she is called.
    call, _ = Call.objects.get_or_create(
        call_sheet=sheet, engagement=actor, defaults={"call_time": time(7), "status": "W"}
    )
    page = _client("actor").get(_url("callsheet_detail", sheet.pk)).content.decode()
    assert "Day 3 of" in page
    assert f'<tr id="call-{call.pk}" class="mine">' in page
    assert "Personal view: <strong>Margot Ashby</strong>" in page
    assert "Edit calls, weather and notes" not in page
    for scene in sheet.scenes.all():
        assert f"<strong>{scene.number}</strong>" in page


def test_a_person_can_be_picked_out_by_their_engagement(demo: Production) -> None:
    sheet = _sheet(demo)
    grip = Call.objects.filter(call_sheet=sheet, engagement__position="Key Grip").get()
    page = _client("coordinator").get(
        _url("callsheet_detail", sheet.pk), {"person": grip.engagement_id}
    )
    text = page.content.decode()
    assert f'<tr id="call-{grip.pk}" class="mine">' in text
    assert "Personal view: <strong>Frank Moreno</strong>" in text
    whole = _client("actor").get(_url("callsheet_detail", sheet.pk), {"person": "0"})
    assert "Personal view" not in whole.content.decode()
    odd = _client("actor").get(_url("callsheet_detail", sheet.pk), {"person": "nobody"})
    assert odd.status_code == 200


def test_the_pdf_link_prints_the_sheet(demo: Production) -> None:
    sheet = _sheet(demo)
    response = _client("grip").get(_url("callsheet_pdf", sheet.pk))
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Day 3 of" in text


def test_editing_the_day_is_recorded_and_a_published_sheet_becomes_a_revision(
    demo: Production,
) -> None:
    sheet = _sheet(demo)
    coordinator = _client("coordinator")
    form = {"crew_call": "06:30", "shooting_call": "7:45 am", "weather": " Clear,  high 61 "}
    response = coordinator.post(_url("callsheet_edit", sheet.pk), form)
    assert response.status_code == 302
    sheet.refresh_from_db()
    assert (sheet.crew_call, sheet.shooting_call) == (time(6, 30), time(7, 45))
    assert sheet.weather == "Clear, high 61"
    assert (sheet.version, sheet.status) == (1, "draft")
    record = ChangeRecord.objects.filter(record_type="callsheet", record_id=str(sheet.pk)).last()
    assert record is not None and "Crew call" in record.changes
    CallSheet.objects.filter(pk=sheet.pk).update(status="published")
    response = coordinator.post(_url("callsheet_edit", sheet.pk), {**form, "notes": "Rain cover"})
    sheet.refresh_from_db()
    assert (sheet.version, sheet.status, sheet.notes) == (2, "draft", "Rain cover")
    page = coordinator.get(_url("callsheet_detail", sheet.pk)).content.decode()
    assert "Draft v2 (revised, not yet sent)" in page


def test_bad_times_are_field_errors_never_a_crash(demo: Production) -> None:
    sheet = _sheet(demo)
    coordinator = _client("coordinator")
    bad = coordinator.post(
        _url("callsheet_edit", sheet.pk), {"crew_call": "07:00", "shooting_call": "06:00"}
    )
    assert bad.status_code == 400
    assert "comes after the crew call" in bad.content.decode()
    nonsense = coordinator.post(
        _url("callsheet_edit", sheet.pk), {"crew_call": "25:99", "shooting_call": ""}
    )
    assert nonsense.status_code == 400
    assert "Enter a valid time." in nonsense.content.decode()
    htmx = coordinator.post(
        _url("callsheet_edit", sheet.pk),
        {"crew_call": "07:00", "shooting_call": "06:00", "weather": "x" * 201},
        HTTP_HX_REQUEST="true",
    )
    assert htmx.status_code == 200  # htmx swaps only 2xx: the errors are in the fragment
    assert 'id="sheet"' in htmx.content.decode()
    assert "at most 200 characters" in htmx.content.decode()
    sheet.refresh_from_db()
    assert sheet.shooting_call != time(6)


def test_one_persons_call_is_edited_inline(demo: Production) -> None:
    sheet = _sheet(demo)
    call = Call.objects.filter(call_sheet=sheet, engagement__position="Key Grip").get()
    coordinator = _client("coordinator")
    url = _url("callsheet_call_edit", sheet.pk, call.pk)
    row = coordinator.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert row.startswith(f'<tr id="call-{call.pk}" class="editing">')
    saved = coordinator.post(
        url,
        {"call_time": "06:00", "pickup_time": "05:30", "pickup_place": "Hotel", "remarks": "Rig"},
        HTTP_HX_REQUEST="true",
    )
    assert saved.status_code == 200
    call.refresh_from_db()
    assert (call.call_time, call.pickup_time, call.remarks) == (time(6), time(5, 30), "Rig")
    assert "<strong>6:00 AM</strong>" in saved.content.decode()  # an exception to the call
    assert ChangeRecord.objects.filter(record_type="call", record_id=str(call.pk)).exists()
    wrong = coordinator.post(
        url, {"call_time": "06:00", "pickup_time": "06:30"}, HTTP_HX_REQUEST="true"
    )
    assert wrong["HX-Retarget"] == f"#call-{call.pk}"
    assert "comes before the call" in wrong.content.decode()
    held = coordinator.post(url, {"call_time": "", "on_set_time": "08:00"})
    assert held.status_code == 400
    assert "clear the other times" in held.content.decode()
    assert _client("grip").post(url, {"call_time": "05:00"}).status_code == 403
    call.refresh_from_db()
    assert call.call_time == time(6)


def test_the_page_reads_the_same_number_of_queries_for_any_crew_size(demo: Production) -> None:
    sheet = _sheet(demo)
    coordinator = _client("coordinator")
    url = _url("callsheet_detail", sheet.pk)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert coordinator.get(url).status_code == 200
        return len(captured)

    small = queries()
    department = demo.departments.get(name="Grip")
    people = Engagement.objects.bulk_create(
        Engagement(
            production=demo,
            contact=Contact.objects.create(
                production=demo, first_name=f"Extra{n}", dietary_needs="Vegan" if n % 3 else ""
            ),
            department=department,
            position="Grip",
            status="confirmed",
        )
        for n in range(200)
    )
    Call.objects.bulk_create(
        Call(call_sheet=sheet, engagement=person, call_time=sheet.crew_call) for person in people
    )
    large = queries()
    assert large == small
    assert Call.objects.filter(call_sheet=sheet).count() > 230
