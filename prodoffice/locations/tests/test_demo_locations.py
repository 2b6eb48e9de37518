from __future__ import annotations

from pathlib import Path

import pytest

from prodoffice.core.tests.personas import World
from prodoffice.demo.locations import create_demo_locations
from prodoffice.domain.access import Role
from prodoffice.locations import selectors
from prodoffice.scripts.services import import_script

pytestmark = pytest.mark.django_db

SCRIPT = Path(__file__).resolve().parents[2] / "demo" / "scripts" / "salt_flats.fountain"


def test_the_demo_script_s_places_are_its_locations_but_the_cars(world: World) -> None:
    access = world.access(Role.COORDINATOR)
    import_script(access=access, filename="salt_flats.fountain", data=SCRIPT.read_bytes())
    locations = create_demo_locations(access)
    places = selectors.script_places(access)
    assert sorted(p.name for p in places.unmatched) == [
        "EZRA'S PICKUP TRUCK",
        "HALLORAN PICKUP TRUCK",
        "JUNE'S CAR",
    ]
    assert all(places.sets_at.get(loc.pk) for loc in locations)
    without = [loc.name for loc in locations if not loc.has_coordinates]
    assert without == ["GAS STATION"]
