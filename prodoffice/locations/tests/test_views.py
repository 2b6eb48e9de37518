from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.locations import selectors
from prodoffice.locations.models import Location
from prodoffice.locations.services import LocationDetails, add_location
from prodoffice.scheduling.models import SetLocation
from prodoffice.scheduling.services import create_schedule
from prodoffice.scripts.services import import_draft, import_script

pytestmark = pytest.mark.django_db

SCRIPT = b"""Title: Salt

EXT. SALT FLATS - DAY

JUNE walks.

INT. BLUE MESA DINER - KITCHEN - NIGHT

Grease.

INT. BLUE MESA DINER - BOOTH - NIGHT

Coffee.

INT. JUNE'S CAR - HIGHWAY 50 - DAY

Driving.
"""
FLATS = LocationDetails(
    name="Salt Flats",
    address="Bonneville Salt Flats, I-80 exit 4, UT",
    latitude=Decimal("40.76"),
    longitude=Decimal("-113.89"),
    parking="Rest area lot at exit 10",
    hospital_name="Mountain View Hospital",
)


def _client(world: World, role: Role) -> Client:
    client = Client()
    client.force_login(world.user(role))
    return client


def _url(world: World, name: str, *args: object) -> str:
    return reverse(name, args=[world.production.code, *args])


def test_every_member_reads_a_location_with_its_map_link_and_sun(world: World) -> None:
    location = add_location(access=world.access(Role.PA), details=FLATS)
    for role in Role:
        response = _client(world, role).get(_url(world, "location_detail", location.pk))
        html = response.content.decode()
        assert response.status_code == 200
        assert "Rest area lot at exit 10" in html and "Mountain View Hospital" in html
        assert "https://www.openstreetmap.org/?mlat=40.76&amp;mlon=-113.89" in html
        assert "Sunrise" in html and "No coordinates" not in html
        assert ("Edit</a>" in html) == (
            role in {Role.PRODUCER, Role.COORDINATOR, Role.ASSISTANT_COORDINATOR, Role.PA}
        )


def test_sunrise_and_sunset_are_told_in_the_production_s_time_zone(world: World) -> None:
    location = add_location(access=world.access(Role.PA), details=FLATS)
    html = _client(world, Role.CREW).get(_url(world, "location_detail", location.pk)).content
    light = selectors.location_light(world.access(Role.CREW), location, [])
    assert light.zone == world.production.time_zone
    assert light.sun is not None and light.sun.sunrise is not None
    local = light.sun.sunrise.astimezone(ZoneInfo(world.production.time_zone))
    assert local.strftime("%-I:%M %p").encode() in html
    assert 5 <= local.hour <= 8  # a desert sunrise, not the same moment in UTC


def test_a_location_without_coordinates_says_sunrise_and_sunset_are_unknown(world: World) -> None:
    location = add_location(access=world.access(Role.PA), details=LocationDetails("Gas Station"))
    html = _client(world, Role.CREW).get(_url(world, "location_detail", location.pk)).content
    assert b"No coordinates: sunrise and sunset unknown" in html
    assert b"openstreetmap" not in html
    listing = _client(world, Role.CREW).get(_url(world, "location_list")).content
    assert b"no coordinates" in listing


def test_a_coordinator_adds_edits_and_removes_a_location(world: World) -> None:
    client = _client(world, Role.COORDINATOR)
    response = client.post(
        _url(world, "location_new"),
        {
            "name": "Blue Mesa Diner",
            "latitude": "40.7377123456",
            "longitude": "-114.0375",
            "hospital_phone": "775 555 0190",
        },
        follow=True,
    )
    assert response.status_code == 200
    location = Location.objects.get()
    assert location.latitude == Decimal("40.737712")
    assert location.hospital_phone == "(775) 555-0190"
    assert b"Created location" in response.content
    edit = client.post(
        _url(world, "location_edit", location.pk),
        {"name": "Blue Mesa Diner", "parking": "Behind the diner"},
        follow=True,
    )
    assert b"Behind the diner" in edit.content
    location.refresh_from_db()
    assert location.latitude is None
    gone = client.post(_url(world, "location_remove", location.pk), follow=True)
    assert b"Blue Mesa Diner removed." in gone.content
    assert not Location.objects.exists()


def test_a_duplicate_name_in_other_case_is_told_beside_the_name(world: World) -> None:
    add_location(access=world.access(Role.PA), details=FLATS)
    response = _client(world, Role.PA).post(_url(world, "location_new"), {"name": "SALT  FLATS"})
    assert response.status_code == 400
    assert response.context["form"].errors["name"] == [
        "Salt Flats is already a location on this production."
    ]


@pytest.mark.parametrize(
    ("post", "fields"),
    [
        ({"name": "X", "latitude": "91", "longitude": "0"}, {"latitude"}),
        ({"name": "X", "latitude": "0", "longitude": "-181"}, {"longitude"}),
        ({"name": "X", "latitude": "north", "longitude": "1e999999"}, {"latitude", "longitude"}),
        ({"name": "X", "latitude": "NaN", "longitude": "Infinity"}, {"latitude", "longitude"}),
        ({"name": "X", "latitude": "40.7"}, {"longitude"}),
        ({"name": "N" * 201, "contact_name": "C" * 121}, {"name", "contact_name"}),
        (
            {"name": "X", "hospital_name": "H" * 201, "hospital_phone": "ring"},
            {"hospital_name", "hospital_phone"},
        ),
        ({"name": "", "contact_phone": "9" * 41}, {"name", "contact_phone"}),
    ],
)
def test_hostile_input_gives_form_errors_not_a_server_error(
    world: World, post: dict[str, str], fields: set[str]
) -> None:
    response = _client(world, Role.COORDINATOR).post(_url(world, "location_new"), post)
    assert response.status_code == 400
    assert set(response.context["form"].errors) == fields
    assert not Location.objects.exists()


def test_a_nul_character_is_a_bad_request(world: World) -> None:
    response = _client(world, Role.COORDINATOR).post(_url(world, "location_new"), {"name": "A\x00"})
    assert response.status_code == 400
    assert not Location.objects.exists()


def test_hostile_query_strings_are_harmless(world: World) -> None:
    client = _client(world, Role.COORDINATOR)
    assert client.get(_url(world, "location_list") + "?q=" + "%27" * 500).status_code == 200
    new = client.get(_url(world, "location_new") + "?name=" + "A" * 5000)
    assert new.status_code == 200
    assert new.context["form"].initial["name"] == "A" * 200


def _script(world: World) -> None:
    import_script(access=world.access(Role.COORDINATOR), filename="salt.fountain", data=SCRIPT)


def test_sets_are_matched_to_locations_by_name_whatever_the_case(world: World) -> None:
    _script(world)
    access = world.access(Role.COORDINATOR)
    flats = add_location(access=access, details=FLATS)
    diner = add_location(access=access, details=LocationDetails("Blue Mesa Diner"))
    # The office says the car scenes are shot on the highway, on the schedule's rules page.
    SetLocation.objects.create(
        production=world.production, set_name="JUNE'S CAR - HIGHWAY 50", location="highway 50"
    )
    sets = selectors.script_sets(world.production)
    with CaptureQueriesContext(connection) as queries:
        found = selectors.locations_for_sets(world.production, sets)
    assert len(queries) == 2
    assert found == {
        "SALT FLATS": flats,
        "BLUE MESA DINER - KITCHEN": diner,
        "BLUE MESA DINER - BOOTH": diner,
        "JUNE'S CAR - HIGHWAY 50": None,
    }
    places = selectors.script_places(access)
    assert places.sets_at[diner.pk] == ["BLUE MESA DINER - BOOTH", "BLUE MESA DINER - KITCHEN"]
    assert [(p.name, p.sets) for p in places.unmatched] == [
        ("highway 50", ["JUNE'S CAR - HIGHWAY 50"])
    ]


def test_only_the_latest_draft_of_a_script_gives_its_sets(world: World) -> None:
    _script(world)
    script = world.production.scripts.get()
    blue = SCRIPT.replace(b"EXT. SALT FLATS - DAY", b"EXT. BONNEVILLE SPEEDWAY - DAY")
    import_draft(
        access=world.access(Role.COORDINATOR), script=script, filename="b.fountain", data=blue
    )
    sets = selectors.script_sets(world.production)
    assert "SALT FLATS" not in sets and "BONNEVILLE SPEEDWAY" in sets


def test_a_coordinator_creates_a_location_from_a_place_in_the_script(world: World) -> None:
    _script(world)
    client = _client(world, Role.COORDINATOR)
    listing = client.get(_url(world, "location_list")).content.decode()
    create = _url(world, "location_new") + "?name=BLUE%20MESA%20DINER"
    assert f'href="{create}"' in listing
    assert "Create location BLUE MESA DINER" in listing
    assert "BLUE MESA DINER - BOOTH, BLUE MESA DINER - KITCHEN" in listing
    form = client.get(create)
    assert form.context["form"].initial["name"] == "BLUE MESA DINER"
    done = client.post(create, {"name": "BLUE MESA DINER", "address": "1 Main St"}, follow=True)
    html = done.content.decode()
    assert "BLUE MESA DINER - KITCHEN" in html  # the detail page lists its sets
    listing = client.get(_url(world, "location_list")).content.decode()
    assert "Create location BLUE MESA DINER" not in listing
    assert "Create location SALT FLATS" in listing
    crew = _client(world, Role.CREW).get(_url(world, "location_list")).content.decode()
    assert "SALT FLATS" in crew and "Create location" not in crew


def test_the_sun_is_for_the_next_shoot_day_at_the_location(world: World) -> None:
    _script(world)
    access = world.access(Role.COORDINATOR)
    revision = world.production.scripts.get().revisions.get()
    schedule = create_schedule(
        access=access, revision=revision, name="First", start_date=date(2027, 3, 1)
    )
    schedule.is_current = True
    schedule.save()
    flats = add_location(access=access, details=FLATS)
    where = schedule.strips.get(scene__set_name="SALT FLATS").day
    light = selectors.location_light(
        access, flats, ["SALT FLATS"], now=datetime(2027, 2, 1, tzinfo=ZoneInfo("UTC"))
    )
    assert light.on == where.date
    assert light.why == f"Day {where.number}, the next shoot day here"
    assert light.sun is not None and light.sun.sunrise is not None
    nowhere = selectors.location_light(
        access, flats, [], now=datetime(2027, 2, 1, tzinfo=ZoneInfo("UTC"))
    )
    assert nowhere.why == "Day 1, the next shoot day" and nowhere.on == date(2027, 3, 1)
    after = selectors.location_light(
        access, flats, [], now=datetime(2030, 1, 1, 20, tzinfo=ZoneInfo("UTC"))
    )
    assert (after.on, after.why) == (date(2030, 1, 1), "today")


def _locations(world: World, count: int) -> None:
    access = world.access(Role.COORDINATOR)
    for n in range(count):
        add_location(access=access, details=LocationDetails(f"Place {n}", address=f"{n} Main"))


def _list_queries(world: World) -> int:
    client = _client(world, Role.CREW)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(_url(world, "location_list")).status_code == 200
    return len(queries)


def test_the_list_page_reads_the_same_number_of_rows_for_3_or_20_locations(world: World) -> None:
    _script(world)
    _locations(world, 3)
    few = _list_queries(world)
    _locations_more = [f"More {n}" for n in range(17)]
    for name in _locations_more:
        add_location(access=world.access(Role.PA), details=LocationDetails(name))
    assert Location.objects.count() == 20
    assert _list_queries(world) == few
    assert few <= 10
