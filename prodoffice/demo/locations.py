"""The demo's locations: the places the script's sets are shot at, in the Great Basin desert.

The car interiors (JUNE'S CAR, the pickup trucks) are left without a location, so the
locations page shows the coordinator places of the script still to be turned into locations;
the gas station is still being scouted and has no coordinates yet, so its page says that
sunrise and sunset are unknown.
"""

from __future__ import annotations

from decimal import Decimal

from prodoffice.locations.models import Location
from prodoffice.locations.services import LocationDetails, add_location
from prodoffice.productions.access import ProductionAccess

ELY_HOSPITAL = {
    "hospital_name": "William Bee Ririe Hospital",
    "hospital_address": "1500 Avenue H, Ely, NV 89301",
    "hospital_phone": "(775) 555-0141",
}
WENDOVER_CLINIC = {
    "hospital_name": "Wendover Community Health Center (ER: Tooele, 105 mi)",
    "hospital_address": "925 Wendover Blvd, West Wendover, NV 89883",
    "hospital_phone": "(775) 555-0162",
}

DEMO_LOCATIONS = [
    LocationDetails(
        name="SALT FLATS",
        address="Bonneville Salt Flats, Leppy Pass Rd off I-80 exit 4, Wendover, UT 84083",
        latitude=Decimal("40.760800"),
        longitude=Decimal("-113.892500"),
        contact_name="BLM Salt Lake Field Office",
        contact_phone="(801) 555-0117",
        parking="Picture cars on the hard pan past the end of the paved road; nothing off the "
        "marked track (the crust breaks).",
        crew_parking="Bonneville Speedway rest area, I-80 exit 4; shuttle van every 20 minutes.",
        basecamp="Rest area lot: trailers, catering and honeywagons. Bring shade and water.",
        notes="Permit: BLM special recreation permit on file. Wet salt after rain: check the "
        "morning report before calling the company.",
        **WENDOVER_CLINIC,
    ),
    LocationDetails(
        name="BLUE MESA DINER",
        address="1020 Wendover Blvd, West Wendover, NV 89883",
        latitude=Decimal("40.739100"),
        longitude=Decimal("-114.073300"),
        contact_name="Donna Reyes (owner)",
        contact_phone="(775) 555-0133",
        parking="Diner lot for picture cars only.",
        crew_parking="Casino overflow lot across Wendover Blvd.",
        basecamp="Casino overflow lot, east end.",
        notes="Open for business one week of the shoot; kitchen equipment stays on.",
        **WENDOVER_CLINIC,
    ),
    LocationDetails(
        name="HALLORAN RANCH HOUSE",
        address="Ranch Rd 7, 12 mi south of US-93, Lages Station, NV 89301",
        latitude=Decimal("39.921400"),
        longitude=Decimal("-114.701800"),
        contact_name="Walt Pruitt (rancher)",
        contact_phone="(775) 555-0178",
        parking="Picture vehicles in the yard; keep the cattle guard clear.",
        crew_parking="Hay field north of the barn (dry only).",
        basecamp="Gravel pad by the county road gate.",
        notes="Dogs on the property: the owner shuts them in before call.",
        **ELY_HOSPITAL,
    ),
    LocationDetails(
        name="SHERIFF'S OFFICE",
        address="Old White Pine County Courthouse, 801 Clark St, Ely, NV 89301",
        latitude=Decimal("39.247500"),
        longitude=Decimal("-114.888600"),
        contact_name="Ely city film liaison",
        contact_phone="(775) 555-0125",
        parking="Clark St in front, coned off from 5 AM.",
        crew_parking="Church lot on Mill St (by agreement).",
        basecamp="Mill St church lot.",
        **ELY_HOSPITAL,
    ),
    LocationDetails(
        name="PALOMINO MOTOR LODGE",
        address="350 Aultman St, Ely, NV 89301",
        latitude=Decimal("39.253300"),
        longitude=Decimal("-114.874200"),
        contact_name="Raj Patel (manager)",
        contact_phone="(775) 555-0186",
        parking="Motel lot: picture cars by room 6.",
        crew_parking="Street parking on 4th St.",
        basecamp="Vacant lot behind the motel.",
        notes="Rooms 4-8 held for the shoot; cast holding in room 8.",
        **ELY_HOSPITAL,
    ),
    LocationDetails(
        name="GAS STATION",
        address="US-50, Eureka, NV 89316 (still scouting: two stations on the shortlist)",
        parking="To be confirmed with the station owner.",
        notes="No coordinates until the station is picked.",
        hospital_name="William Bee Ririe Hospital (78 mi)",
        hospital_address=ELY_HOSPITAL["hospital_address"],
        hospital_phone=ELY_HOSPITAL["hospital_phone"],
    ),
    LocationDetails(
        name="HIGHWAY 50",
        address='US-50 between Austin and Eureka, NV ("the loneliest road in America")',
        latitude=Decimal("39.506900"),
        longitude=Decimal("-116.857000"),
        contact_name="NDOT District 3 encroachment permits",
        contact_phone="(775) 555-0150",
        parking="Process trailer and tow rig in the Hickison Summit pull-out.",
        crew_parking="Hickison Summit pull-out.",
        basecamp="Hickison Petroglyph recreation area lot.",
        notes="Rolling traffic breaks with NHP; the car interiors are shot on the process "
        "trailer here.",
        hospital_name="Battle Mountain General Hospital (90 mi)",
        hospital_address="535 S Humboldt St, Battle Mountain, NV 89820",
        hospital_phone="(775) 555-0109",
    ),
]


def create_demo_locations(access: ProductionAccess) -> list[Location]:
    return [add_location(access=access, details=details) for details in DEMO_LOCATIONS]
