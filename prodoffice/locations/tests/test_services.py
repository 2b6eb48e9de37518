from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from prodoffice.core.errors import FieldErrors
from prodoffice.core.models import ChangeRecord
from prodoffice.core.tests.personas import World, make_world
from prodoffice.domain.access import Role
from prodoffice.locations.models import Location
from prodoffice.locations.services import (
    LocationDetails,
    add_location,
    remove_location,
    update_location,
)

pytestmark = pytest.mark.django_db

DINER = LocationDetails(
    name="  Blue   Mesa Diner ",
    address="1 Main St, Wendover, NV",
    latitude=Decimal("40.7377"),
    longitude=Decimal("-114.0375"),
    contact_phone="775 555 0142",
    hospital_name="Mountain View Hospital",
    hospital_phone="(775) 555-0190",
)


def test_a_pa_adds_a_location_and_the_history_says_so(world: World) -> None:
    location = add_location(access=world.access(Role.PA), details=DINER)
    assert location.name == "Blue Mesa Diner"
    assert location.name_key == "blue mesa diner"
    assert location.latitude == Decimal("40.737700")
    assert location.contact_phone == "(775) 555-0142"
    record = ChangeRecord.objects.get(record_type="location", action="created")
    assert record.record_label == "Blue Mesa Diner"
    assert "Name key" not in record.changes


def test_the_same_name_in_other_case_is_refused_with_the_name_on_file(world: World) -> None:
    add_location(access=world.access(Role.COORDINATOR), details=DINER)
    with pytest.raises(FieldErrors) as caught:
        add_location(
            access=world.access(Role.COORDINATOR), details=LocationDetails("BLUE MESA DINER")
        )
    assert (
        caught.value.errors["name"] == "Blue Mesa Diner is already a location on this production."
    )


def test_another_production_may_use_the_same_name(world: World) -> None:
    add_location(access=world.access(Role.COORDINATOR), details=DINER)
    other = make_world("OTHER")
    assert add_location(access=other.access(Role.COORDINATOR), details=DINER).pk


@pytest.mark.parametrize(
    ("latitude", "longitude", "field", "message"),
    [
        (Decimal("90.5"), Decimal(0), "latitude", "between -90 and 90"),
        (Decimal(0), Decimal("-180.01"), "longitude", "between -180 and 180"),
        (Decimal("NaN"), Decimal(0), "latitude", "between -90 and 90"),
        (Decimal(40), None, "longitude", "both latitude and longitude"),
        (None, Decimal(-114), "latitude", "both latitude and longitude"),
    ],
)
def test_coordinates_off_the_globe_or_half_given_are_refused(
    world: World, latitude: Decimal | None, longitude: Decimal | None, field: str, message: str
) -> None:
    details = LocationDetails(name="Salt Flats", latitude=latitude, longitude=longitude)
    with pytest.raises(FieldErrors) as caught:
        add_location(access=world.access(Role.COORDINATOR), details=details)
    assert message in caught.value.errors[field]
    assert not Location.objects.exists()


def test_every_wrong_field_is_named_at_once(world: World) -> None:
    details = LocationDetails(name=" ", hospital_phone="call the ranger", contact_name="x" * 121)
    with pytest.raises(FieldErrors) as caught:
        add_location(access=world.access(Role.COORDINATOR), details=details)
    assert set(caught.value.errors) == {"name", "hospital_phone", "contact_name"}
    assert caught.value.errors["name"] == "Enter the location's name."


def test_an_over_long_name_is_told_on_the_name(world: World) -> None:
    with pytest.raises(FieldErrors) as caught:
        add_location(access=world.access(Role.COORDINATOR), details=LocationDetails("N" * 201))
    assert caught.value.errors["name"].startswith("At most 200 characters")


def test_an_update_records_what_changed_and_may_keep_its_own_name(world: World) -> None:
    access = world.access(Role.ASSISTANT_COORDINATOR)
    location = add_location(access=access, details=DINER)
    changed = LocationDetails(**{**DINER.__dict__, "name": "BLUE MESA DINER", "parking": "Lot B"})
    update_location(access=access, location=location, details=changed)
    location.refresh_from_db()
    assert (location.name, location.parking) == ("BLUE MESA DINER", "Lot B")
    record = ChangeRecord.objects.get(record_type="location", action="changed")
    assert record.changes["Parking"] == ["", "Lot B"]


def test_renaming_onto_another_location_is_refused(world: World) -> None:
    access = world.access(Role.COORDINATOR)
    add_location(access=access, details=DINER)
    ranch = add_location(access=access, details=LocationDetails("Halloran Ranch"))
    with pytest.raises(FieldErrors):
        update_location(access=access, location=ranch, details=LocationDetails("blue mesa diner"))


def test_removing_a_location_is_allowed_and_recorded(world: World) -> None:
    access = world.access(Role.PA)
    location = add_location(access=access, details=DINER)
    remove_location(access=access, location=location)
    assert not Location.objects.exists()
    record = ChangeRecord.objects.get(record_type="location", action="deleted")
    assert record.record_label == "Blue Mesa Diner"


@pytest.mark.parametrize("role", [Role.ACCOUNTANT, Role.DEPARTMENT_HEAD, Role.CREW, Role.CAST])
def test_only_the_office_and_pas_write_locations(world: World, role: Role) -> None:
    location = add_location(access=world.access(Role.PRODUCER), details=DINER)
    with pytest.raises(PermissionDenied):
        add_location(access=world.access(role), details=LocationDetails("Salt Flats"))
    with pytest.raises(PermissionDenied):
        update_location(access=world.access(role), location=location, details=DINER)
    with pytest.raises(PermissionDenied):
        remove_location(access=world.access(role), location=location)


def test_a_location_of_another_production_cannot_be_changed(world: World) -> None:
    location = add_location(access=world.access(Role.PRODUCER), details=DINER)
    other = make_world("OTHER")
    with pytest.raises(Exception, match="not on this production"):
        update_location(access=other.access(Role.PRODUCER), location=location, details=DINER)
