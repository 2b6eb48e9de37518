from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from prodoffice.core.errors import FieldErrors
from prodoffice.core.models import ChangeRecord
from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.people.models import Contact, Engagement
from prodoffice.people.services import (
    ContactDetails,
    EngagementDetails,
    hire_person,
    issue_personal_link,
    open_personal_link,
    remove_person,
    revoke_personal_link,
    update_person,
)

pytestmark = pytest.mark.django_db


def _gaffer(world: World, **changes: object) -> EngagementDetails:
    details = EngagementDetails(
        department_id=world.department("Electric").pk,
        position="Gaffer",
        rate=Decimal("700"),
        start_date=date(2027, 3, 1),
        end_date=date(2027, 4, 9),
    )
    return replace(details, **changes)  # type: ignore[arg-type]


def test_hiring_adds_the_contact_and_engagement_with_tidy_details(world: World) -> None:
    hired = hire_person(
        access=world.access(Role.PRODUCER),
        contact=ContactDetails(
            first_name=" Ruth ",
            last_name="Calloway",
            email="RUTH@Example.COM",
            phone="323.555.0147",
        ),
        engagement=_gaffer(world),
    )
    assert hired.contact.name == "Ruth Calloway"
    assert hired.contact.email == "ruth@example.com"
    assert hired.contact.phone == "(323) 555-0147"
    assert hired.rate == Decimal("700")
    created = ChangeRecord.objects.filter(
        action="created", record_type__in=["contact", "engagement"]
    )
    assert created.count() == 2


def test_a_coordinator_cannot_set_a_rate_they_may_not_see(world: World) -> None:
    hired = hire_person(
        access=world.access(Role.COORDINATOR),
        contact=ContactDetails(first_name="Ruth"),
        engagement=_gaffer(world, rate=Decimal("9999")),
    )
    assert hired.rate is None
    update_person(
        access=world.access(Role.COORDINATOR),
        engagement=world.crew_member,
        contact=ContactDetails(first_name="Gus", last_name="Grip"),
        details=_gaffer(world, department_id=world.department("Grip").pk, rate=Decimal("1")),
    )
    world.crew_member.refresh_from_db()
    assert world.crew_member.rate == Decimal("650.00")


def test_a_deal_keeps_its_guaranteed_hours_and_a_coordinator_cannot_change_them(
    world: World,
) -> None:
    ten_hours = hire_person(
        access=world.access(Role.PRODUCER),
        contact=ContactDetails(first_name="Ruth"),
        engagement=_gaffer(world, guaranteed_hours=Decimal(10)),
    )
    assert ten_hours.guaranteed_hours == Decimal(10)
    update_person(
        access=world.access(Role.COORDINATOR),
        engagement=ten_hours,
        contact=ContactDetails(first_name="Ruth"),
        details=_gaffer(world, guaranteed_hours=None),
    )
    ten_hours.refresh_from_db()
    assert ten_hours.guaranteed_hours == Decimal(10)


@pytest.mark.parametrize("hours", [Decimal(0), Decimal(-8), Decimal(200)])
def test_a_guarantee_of_no_hours_or_more_than_a_week_is_refused_beside_its_field(
    world: World, hours: Decimal
) -> None:
    with pytest.raises(FieldErrors) as caught:
        hire_person(
            access=world.access(Role.PRODUCER),
            contact=ContactDetails(first_name="Ruth"),
            engagement=_gaffer(world, guaranteed_hours=hours),
        )
    assert set(caught.value.errors) == {"guaranteed_hours"}
    assert not Contact.objects.filter(first_name="Ruth").exists()


def test_every_bad_field_is_reported_and_nothing_is_saved(world: World) -> None:
    before = (Contact.objects.count(), Engagement.objects.count())
    with pytest.raises(FieldErrors) as caught:
        hire_person(
            access=world.access(Role.PRODUCER),
            contact=ContactDetails(first_name="", email="not-an-email", phone="call me"),
            engagement=_gaffer(
                world,
                position=" ",
                cast_number=1,
                end_date=date(2027, 2, 1),
                rate=Decimal("-5"),
            ),
        )
    errors = caught.value.errors
    assert set(errors) == {
        "first_name",
        "email",
        "phone",
        "position",
        "cast_number",
        "end_date",
        "rate",
    }
    assert "already Ava Lead's" in errors["cast_number"]
    assert (Contact.objects.count(), Engagement.objects.count()) == before


def test_a_department_of_another_production_is_refused(world: World) -> None:
    from prodoffice.core.tests.personas import make_world

    other = make_world("OTHER")
    with pytest.raises(FieldErrors) as caught:
        hire_person(
            access=world.access(Role.PRODUCER),
            contact=ContactDetails(first_name="Ruth"),
            engagement=_gaffer(world, department_id=other.department("Electric").pk),
        )
    assert "department" in caught.value.errors


def test_a_crew_member_cannot_edit_the_crew_list(world: World) -> None:
    with pytest.raises(PermissionDenied):
        hire_person(
            access=world.access(Role.CREW),
            contact=ContactDetails(first_name="Ruth"),
            engagement=_gaffer(world),
        )


def test_keeping_ones_own_cast_number_on_edit_is_fine(world: World) -> None:
    lead = world.cast_member
    update_person(
        access=world.access(Role.PRODUCER),
        engagement=lead,
        contact=ContactDetails(first_name="Ava", last_name="Lead-Smith"),
        details=EngagementDetails(
            department_id=lead.department_id, position="Lead", cast_number=1, character="MAYA"
        ),
    )
    lead.refresh_from_db()
    assert lead.contact.last_name == "Lead-Smith"
    record = ChangeRecord.objects.filter(record_type="contact", action="changed").get()
    assert record.changes["Last name"] == ["Lead", "Lead-Smith"]


def test_removing_a_person_keeps_their_contact_and_records_it(world: World) -> None:
    contact_id = world.crew_member.contact_id
    remove_person(access=world.access(Role.COORDINATOR), engagement=world.crew_member)
    assert Contact.objects.filter(pk=contact_id).exists()
    assert not Engagement.objects.filter(pk=world.crew_member.pk).exists()
    assert ChangeRecord.objects.filter(action="deleted", record_type="engagement").exists()


def test_a_personal_link_opens_the_persons_page_until_revoked(world: World) -> None:
    access = world.access(Role.COORDINATOR)
    link = issue_personal_link(access=access, contact=world.crew_member.contact)
    assert len(link.token) >= 40
    opened = open_personal_link(link.token)
    assert opened == world.crew_member.contact
    link.refresh_from_db()
    assert link.last_used_at is not None
    revoke_personal_link(access=access, link=link)
    assert open_personal_link(link.token) is None
    assert open_personal_link("guess") is None
    secret = ChangeRecord.objects.filter(record_type="personallink", action="created").get()
    assert link.token not in str(secret.changes)
