from __future__ import annotations

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.people.services import ContactDetails, EngagementDetails, update_person

pytestmark = pytest.mark.django_db


def _raise_gus(world: World) -> None:
    grip = world.crew_member
    update_person(
        access=world.access(Role.PRODUCER),
        engagement=grip,
        contact=ContactDetails(
            first_name="Gus", last_name="Grip", email="gus@example.com", phone="(323) 555-0101"
        ),
        details=EngagementDetails(
            department_id=grip.department_id,
            position="Key Grip",
            rate=Decimal("700.00"),
            union_member=True,
            union_name="IATSE Local 80",
            status="started",
        ),
    )


def test_the_history_page_lists_who_changed_what_and_when(world: World) -> None:
    _raise_gus(world)
    client = Client()
    client.force_login(world.user(Role.ACCOUNTANT))
    html = client.get(reverse("production_history", args=[world.production.code])).content.decode()
    assert "Paula Producer" in html
    assert "<del>Confirmed</del>" in html
    assert "<del>650.00</del>" in html


def test_rate_changes_are_hidden_from_roles_that_may_not_see_rates(world: World) -> None:
    _raise_gus(world)
    client = Client()
    client.force_login(world.user(Role.COORDINATOR))
    html = client.get(reverse("production_history", args=[world.production.code])).content.decode()
    assert "<del>Confirmed</del>" in html
    assert "650.00" not in html
    assert "700.00" not in html


def test_field_names_keep_their_capitals_in_the_history(world: World) -> None:
    from datetime import date

    from prodoffice.core.models import ChangeRecord
    from prodoffice.people.services import hire_person

    hired = hire_person(
        access=world.access(Role.COORDINATOR),
        contact=ContactDetails(first_name="Nia"),
        engagement=EngagementDetails(
            department_id=world.department("Props").pk,
            position="Props",
            nda_received=date(2027, 2, 1),
            tax_form_received=date(2027, 2, 1),
        ),
    )
    record = ChangeRecord.objects.get(record_type="engagement", record_id=str(hired.pk))
    assert record.changes["NDA received"] == ["", "2027-02-01"]
    assert record.changes["W-4/W-9 received"] == ["", "2027-02-01"]
