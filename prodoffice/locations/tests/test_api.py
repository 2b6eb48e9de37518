"""Locations through the API: the same rules and messages as the pages."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from prodoffice.api.tests.caller import ApiCaller
from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.locations.models import Location
from prodoffice.locations.services import LocationDetails, add_location
from prodoffice.scripts.services import import_script

pytestmark = pytest.mark.django_db

LOCATIONS = "/productions/NIGHTOWL/locations"
SCRIPT = b"INT. BLUE MESA DINER - KITCHEN - NIGHT\n\nGrease.\n\nEXT. SALT FLATS - DAY\n\nWind.\n"


def test_a_pa_adds_a_location_and_crew_read_it_with_its_sets(world: World) -> None:
    import_script(access=world.access(Role.COORDINATOR), filename="s.fountain", data=SCRIPT)
    body = {
        "name": "Blue Mesa Diner",
        "latitude": "40.7377",
        "longitude": -114.0375,
        "hospital_phone": "775 555 0190",
    }
    made = ApiCaller(world.user(Role.PA)).post(LOCATIONS, body)
    assert made.status_code == 201, made.content
    location = made.json()
    assert location["sets"] == ["BLUE MESA DINER - KITCHEN"]
    assert location["hospital_phone"] == "(775) 555-0190"
    assert location["map_url"].startswith("https://www.openstreetmap.org/?mlat=40.7377&")
    read = ApiCaller(world.user(Role.CAST)).get(f"{LOCATIONS}/{location['id']}").json()
    assert read["name"] == "Blue Mesa Diner" and float(read["latitude"]) == 40.7377


def test_a_patch_keeps_what_it_leaves_out_and_may_clear_the_point(world: World) -> None:
    location = add_location(
        access=world.access(Role.PA),
        details=LocationDetails(
            "Salt Flats", latitude=Decimal("40.76"), longitude=Decimal("-113.89"), parking="Lot A"
        ),
    )
    caller = ApiCaller(world.user(Role.COORDINATOR))
    changed = caller.patch(f"{LOCATIONS}/{location.pk}", {"basecamp": "Exit 4"}).json()
    assert (changed["parking"], changed["basecamp"]) == ("Lot A", "Exit 4")
    assert changed["map_url"]
    cleared = caller.patch(f"{LOCATIONS}/{location.pk}", {"latitude": None, "longitude": None})
    assert cleared.json()["map_url"] is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "salt flats"}, "name"),
        ({"name": "X", "latitude": 40}, "longitude"),
        ({"name": "X", "hospital_phone": "ring the ranger"}, "hospital_phone"),
    ],
)
def test_a_broken_rule_is_a_422_naming_the_field(
    world: World, body: dict[str, object], field: str
) -> None:
    add_location(access=world.access(Role.PA), details=LocationDetails("Salt Flats"))
    response = ApiCaller(world.user(Role.PA)).post(LOCATIONS, body)
    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert Location.objects.count() == 1


@pytest.mark.parametrize(
    "body",
    [
        {"name": "X", "latitude": 91, "longitude": 0},
        {"name": "X", "latitude": "NaN", "longitude": 0},
        {"name": "X", "latitude": 0, "longitude": "Infinity"},
        {"name": "X", "latitude": "north", "longitude": 0},
        {"name": "N" * 201},
        {"name": "A\u0000"},
    ],
)
def test_a_body_off_the_schema_is_refused_without_a_server_error(
    world: World, body: dict[str, object]
) -> None:
    response = ApiCaller(world.user(Role.PA)).post(LOCATIONS, body)
    assert response.status_code == 422
    assert not Location.objects.exists()


def _queries(world: World) -> int:
    caller = ApiCaller(world.user(Role.CREW))
    with CaptureQueriesContext(connection) as queries:
        assert caller.get(LOCATIONS).status_code == 200
    return len(queries)


def test_the_list_reads_the_same_number_of_rows_for_3_or_20_locations(world: World) -> None:
    access = world.access(Role.PA)
    for n in range(3):
        add_location(access=access, details=LocationDetails(f"Place {n}"))
    few = _queries(world)
    for n in range(17):
        add_location(access=access, details=LocationDetails(f"More {n}"))
    assert _queries(world) == few
