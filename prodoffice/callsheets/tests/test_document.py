"""What a call sheet prints, on the page and in the PDF, read from the demo's schedule."""

from __future__ import annotations

import io
import re
from datetime import time
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from pypdf import PdfReader

from prodoffice.callsheets.models import Call, CallSheet, CallSheetScene
from prodoffice.callsheets.pdf import call_sheet_pdf
from prodoffice.callsheets.selectors import call_sheet_document
from prodoffice.callsheets.services import generate_call_sheet
from prodoffice.demo.tests.fixtures import demo
from prodoffice.domain.locations.names import location_key
from prodoffice.locations.models import Location
from prodoffice.productions.access import ProductionAccess, access_production
from prodoffice.productions.models import Production
from prodoffice.scheduling.models import Schedule, ShootDay

pytestmark = pytest.mark.django_db
__all__ = ["demo"]  # built once, rolled back after each test (prodoffice/demo/tests/fixtures.py)


def _access(role: str = "coordinator") -> ProductionAccess:
    return access_production(get_user_model().objects.get(username=role), "DEMO")


def _day(production: Production, number: int) -> ShootDay:
    schedule = Schedule.objects.get(production=production, is_current=True)
    return schedule.days.get(kind="shoot", number=number)


def _sheet(production: Production, number: int = 3) -> CallSheet:
    return generate_call_sheet(access=_access(), day=_day(production, number))


def _text(pdf: bytes) -> str:
    """The PDF's words, with a line a narrow column broke (at a space or after a hyphen) joined."""
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", text.replace("-\n", "-"))


def test_the_sheet_reads_day_n_of_m_with_its_scenes_cast_and_crew(demo: Production) -> None:
    sheet = _sheet(demo)
    total = ShootDay.objects.filter(schedule=sheet.schedule, kind="shoot").count()
    document = call_sheet_document(sheet)
    assert document.header.day_label == f"Day 3 of {total}"
    assert document.header.production == demo.title
    assert [s.number for s in document.scenes] == [
        s.number for s in CallSheetScene.objects.filter(call_sheet=sheet)
    ]
    assert document.eighths == sum(s.eighths for s in document.scenes)
    numbers = [p.cast_number for p in document.cast]
    assert numbers == sorted(numbers)
    assert all(p.character and p.name for p in document.cast)
    departments = [d.name for d in document.crew]
    ordered = list(demo.departments.filter(name__in=departments).values_list("name", flat=True))
    assert departments == ordered
    called = Call.objects.filter(call_sheet=sheet, call_time__isnull=False).count()
    assert document.headcount == called
    assert sum(n.count for n in document.diets) <= called
    assert any(c.position == "Production Coordinator" for c in document.contacts)
    assert any(c.position == "1st Assistant Director" for c in document.contacts)
    assert document.advance is not None and document.advance.number == 4


def test_the_pdf_prints_the_day_the_scenes_the_cast_and_the_crew_call(demo: Production) -> None:
    sheet = _sheet(demo)
    document = call_sheet_document(sheet)
    text = _text(call_sheet_pdf(sheet))
    assert "Day 3 of" in text
    assert demo.title in text
    assert sheet.crew_call.strftime("%I:%M %p").lstrip("0") in text
    for scene in document.scenes:
        assert scene.number in text
    for person in document.cast:
        assert person.name in text
    assert "Advance schedule".upper() in text.upper()


def test_a_crew_call_other_than_the_general_call_is_an_exception(demo: Production) -> None:
    sheet = _sheet(demo)
    call = Call.objects.filter(call_sheet=sheet, engagement__cast_number__isnull=True).first()
    assert call is not None
    call.call_time = time(5, 30)
    call.save()
    document = call_sheet_document(sheet)
    flagged = [p for d in document.crew for p in d.people if p.exception]
    assert [p.engagement_pk for p in flagged] == [call.engagement_id]


def test_a_location_record_gives_address_hospital_and_sunrise(demo: Production) -> None:
    sheet = _sheet(demo)
    first = sheet.scenes.exclude(location="").first()
    assert first is not None
    # The demo may already keep a record of this place; the sheet matches it whatever the case.
    Location.objects.filter(production=demo, name_key=location_key(first.location)).delete()
    Location.objects.create(
        production=demo,
        name=first.location.title(),
        name_key=location_key(first.location),
        address="1 Salt Flats Rd, Wendover, UT",
        latitude=Decimal("40.76"),
        longitude=Decimal("-113.89"),
        parking="Lot B",
        hospital_name="Wendover Clinic",
        hospital_phone="(435) 555-0100",
    )
    document = call_sheet_document(sheet)
    found = document.locations[0]
    assert found.known and found.parking == "Lot B"
    assert found.map_link.startswith("https://www.openstreetmap.org/")
    assert document.header.sunrise is not None and document.header.sunset is not None
    assert document.header.sunrise < document.header.sunset
    assert "Wendover Clinic" in document.header.hospital
    text = _text(call_sheet_pdf(sheet))
    assert "Wendover Clinic" in text and "Lot B" in text


def test_a_location_without_coordinates_says_sunrise_is_unknown(demo: Production) -> None:
    sheet = _sheet(demo)
    first = call_sheet_document(sheet).locations[0].name
    Location.objects.filter(production=demo, name_key=location_key(first)).update(
        latitude=None, longitude=None
    )
    document = call_sheet_document(sheet)
    assert document.header.sun == f"No coordinates for {first}: sunrise and sunset unknown."
    assert document.header.sunrise is None
    Location.objects.filter(production=demo).delete()
    document = call_sheet_document(sheet)
    assert document.header.sun == f"No coordinates for {first}: sunrise and sunset unknown."
    assert any("has no location record" in w.message for w in document.warnings)


def test_a_day_with_no_scenes_and_a_person_with_no_email_are_warned(demo: Production) -> None:
    sheet = _sheet(demo)
    sheet.scenes.all().delete()
    call = Call.objects.filter(call_sheet=sheet, call_time__isnull=False).first()
    assert call is not None
    contact = call.engagement.contact
    contact.email = ""
    contact.save()
    document = call_sheet_document(sheet)
    messages = [w.message for w in document.warnings]
    assert any("has no scenes scheduled" in m for m in messages)
    assert f"{contact.name} (" in next(m for m in messages if "not reachable by e-mail" in m)
    assert document.header.sun.startswith("No location on this day's scenes")
    # The office's own reminders stay off the printed sheet.
    printed = [w.message for w in document.printed_warnings]
    assert not any("not reachable" in m for m in printed)
    text = _text(call_sheet_pdf(sheet))
    assert "No scenes scheduled for this day." in text


def test_a_performer_called_before_turnaround_is_warned(demo: Production) -> None:
    before = _sheet(demo, 2)
    sheet = _sheet(demo, 3)
    # Day 2 becomes a night: called at 6 pm, it wraps late in the evening.
    CallSheet.objects.filter(pk=before.pk).update(crew_call=time(18), shooting_call=time(19))
    performer = (
        Call.objects.filter(call_sheet=sheet, call_time__isnull=False)
        .exclude(engagement__cast_number=None)
        .select_related("engagement__contact")[0]
    )
    Call.objects.update_or_create(
        call_sheet=before, engagement=performer.engagement, defaults={"call_time": time(18)}
    )
    document = call_sheet_document(sheet)
    name = performer.engagement.contact.name
    found = [w.message for w in document.warnings if name in w.message]
    assert len(found) == 1
    assert "turnaround after Day 2's estimated wrap" in found[0]
    assert "the minimum is 12 h" in found[0]
    assert any(w.message.startswith("Crew turnaround") for w in document.warnings)
    assert "turnaround" in _text(call_sheet_pdf(sheet))


def test_the_personal_view_picks_out_a_performer_and_their_scenes(demo: Production) -> None:
    sheet = _sheet(demo)
    document = call_sheet_document(sheet)
    performer = next(p for p in document.cast if p.called)
    mine = document.with_personal(performer.engagement_pk).personal
    assert mine is not None and mine.call == performer
    assert mine.scenes == [
        s.number for s in document.scenes if str(performer.cast_number) in s.cast_list
    ]
    text = _text(call_sheet_pdf(sheet, highlight=performer.engagement_pk))
    assert f"Your call, {performer.name}" in text
