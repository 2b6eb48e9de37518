"""A person's home address, emergency contact and dietary/medical notes: the office's and their own.

Beside the permission matrix: crew, PAs and department heads open a crew member's page (the
matrix lets them), but must not read where that person lives, whom to call for them or what they
may not eat, on the page, through the API, in the exports or in the history. The office
(producer/UPM, coordinator, assistant coordinator) keeps them; each person sees their own.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from prodoffice.api.tests.caller import ApiCaller
from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.people.models import Engagement
from prodoffice.people.services import ContactDetails, EngagementDetails, hire_person, update_person

pytestmark = pytest.mark.django_db

OFFICE = [Role.PRODUCER, Role.COORDINATOR, Role.ASSISTANT_COORDINATOR]
NOT_THE_OFFICE = [Role.ACCOUNTANT, Role.PA, Role.DEPARTMENT_HEAD, Role.CREW]
PRIVATE = ["12 Orange Grove", "Rita Dolly", "(818) 555-0144", "peanut allergy", "EpiPen"]


def _details(address: str) -> ContactDetails:
    return ContactDetails(
        first_name="Dee",
        last_name="Dolly",
        phone="(323) 555-0177",
        address=address,
        emergency_contact_name="Rita Dolly",
        emergency_contact_phone="(818) 555-0144",
        dietary_needs="peanut allergy",
        notes="Carries an EpiPen.",
    )


def _dolly_grip(world: World) -> Engagement:
    """A grip with no account, her private details on file and changed once (for the history)."""
    access = world.access(Role.COORDINATOR)
    job = EngagementDetails(
        department_id=world.department("Grip").pk,
        position="Dolly Grip",
        start_date=date(2027, 3, 1),
    )
    dee = hire_person(access=access, contact=_details("9 Elm St"), engagement=job)
    return update_person(
        access=access, engagement=dee, contact=_details("12 Orange Grove, Burbank"), details=job
    )


def _page(world: World, role: Role, engagement: Engagement) -> str:
    client = Client()
    client.force_login(world.user(role))
    url = reverse("person_detail", args=[world.production.code, engagement.pk])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _api_row(world: World, role: Role, engagement: Engagement) -> dict[str, object]:
    api = ApiCaller(world.user(role))
    row = api.get(f"/productions/{world.production.code}/crew/{engagement.pk}").json()
    listed = api.get(f"/productions/{world.production.code}/crew").json()
    assert next(r for r in listed if r["id"] == engagement.pk) == row
    return row


@pytest.mark.parametrize("role", NOT_THE_OFFICE)
def test_only_the_office_reads_a_crew_members_home_family_and_health(
    world: World, role: Role
) -> None:
    dee = _dolly_grip(world)
    html = _page(world, role, dee)
    assert "Dolly Grip" in html and "(323) 555-0177" in html  # the crew list's own card stays
    assert [text for text in PRIVATE if text in html] == []
    assert "kept by the production office" in html
    row = _api_row(world, role, dee)
    private = ["address", "emergency_contact_name", "emergency_contact_phone", "dietary_needs"]
    assert {name: row[name] for name in [*private, "notes"]} == dict.fromkeys([*private, "notes"])
    assert row["phone"] == "(323) 555-0177"
    client = Client()
    client.force_login(world.user(role))
    export = client.get(reverse("crew_export", args=[world.production.code, "csv"]))
    assert "Dee" in export.content.decode()
    assert [text for text in PRIVATE if text in export.content.decode()] == []


@pytest.mark.parametrize("role", OFFICE)
def test_the_office_reads_them_on_the_page_in_the_api_and_in_the_history(
    world: World, role: Role
) -> None:
    dee = _dolly_grip(world)
    html = _page(world, role, dee)
    assert all(text in html for text in PRIVATE)
    assert "<del>9 Elm St</del>" in html  # the history of the address change
    row = _api_row(world, role, dee)
    assert row["dietary_needs"] == "peanut allergy"
    assert row["emergency_contact_name"] == "Rita Dolly"


def test_the_accountant_reads_no_personal_change_in_the_history(world: World) -> None:
    _dolly_grip(world)
    client = Client()
    client.force_login(world.user(Role.ACCOUNTANT))
    history = client.get(reverse("production_history", args=[world.production.code]))
    html = history.content.decode()
    assert "Dee Dolly" in html  # her hiring is still there
    assert "Elm St" not in html and "Orange Grove" not in html


def test_a_crew_member_reads_their_own(world: World) -> None:
    gus = world.crew_member
    update_person(
        access=world.access(Role.COORDINATOR),
        engagement=gus,
        contact=ContactDetails(
            first_name="Gus",
            last_name="Grip",
            email="gus@example.com",
            address="4 Vine St",
            dietary_needs="vegan",
        ),
        details=EngagementDetails(department_id=gus.department_id, position=gus.position),
    )
    html = _page(world, Role.CREW, gus)
    assert "4 Vine St" in html and "vegan" in html
    assert _api_row(world, Role.CREW, gus)["address"] == "4 Vine St"
