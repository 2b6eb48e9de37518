"""API for the production's locations: /api/v1/productions/{code}/locations/..."""

from __future__ import annotations

from decimal import Decimal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status

from prodoffice.api.schemas import READ_ERRORS, WRITE_ERRORS, Text
from prodoffice.domain.access import Capability
from prodoffice.domain.locations.sun import map_link
from prodoffice.locations import selectors, services
from prodoffice.locations.models import Location
from prodoffice.productions.access import ProductionAccess, access_production

router = Router(tags=["locations"])

# Location fields a PATCH may leave out, each keeping its current value.
EDITABLE = [
    "name",
    "address",
    "latitude",
    "longitude",
    "contact_name",
    "contact_phone",
    "parking",
    "crew_parking",
    "basecamp",
    "hospital_name",
    "hospital_address",
    "hospital_phone",
    "notes",
]


class LocationQuery(Schema):
    q: Text = Field("", max_length=100, description="Words to find in name, address, notes.")


class LocationOut(Schema):
    """A place the company shoots at: where to go, where to park, the nearest hospital."""

    id: int
    name: str
    address: str
    latitude: Decimal | None = Field(description="Degrees north; null when not known.")
    longitude: Decimal | None = Field(description="Degrees east (west is negative).")
    map_url: str | None = Field(description="An OpenStreetMap page at the point; null without one.")
    contact_name: str
    contact_phone: str
    parking: str
    crew_parking: str
    basecamp: str
    hospital_name: str
    hospital_address: str
    hospital_phone: str
    notes: str

    @classmethod
    def of(cls, location: Location) -> LocationOut:
        values = {name: getattr(location, name) for name in ("id", *EDITABLE)}
        url = map_link(location.latitude, location.longitude) if location.has_coordinates else None
        return cls(**values, map_url=url)


class LocationDetailOut(LocationOut):
    sets: list[str] = Field(
        description="The sets of the script's latest drafts shot here, matched by location name."
    )


class LocationPatch(Schema):
    """Location fields to change; a field left out keeps its current value."""

    name: Text = Field("", max_length=200)
    address: Text = ""
    latitude: Decimal | None = Field(None, ge=-90, le=90, allow_inf_nan=False)
    longitude: Decimal | None = Field(None, ge=-180, le=180, allow_inf_nan=False)
    contact_name: Text = Field("", max_length=120)
    contact_phone: Text = Field("", max_length=40)
    parking: Text = ""
    crew_parking: Text = ""
    basecamp: Text = ""
    hospital_name: Text = Field("", max_length=200)
    hospital_address: Text = ""
    hospital_phone: Text = Field("", max_length=40)
    notes: Text = ""


class LocationIn(LocationPatch):
    """A new location; only the name is required, as the script's sets name it."""

    name: Text = Field(max_length=200, examples=["BLUE MESA DINER"])


@router.get("/{code}/locations", response={200: list[LocationOut], **READ_ERRORS})
def list_locations(
    request: HttpRequest, code: str, filters: Query[LocationQuery]
) -> list[LocationOut]:
    access = access_production(request.user, code, Capability.VIEW_LOCATIONS)
    return [LocationOut.of(loc) for loc in selectors.location_list(access, q=filters.q)]


def _detail(access: ProductionAccess, location: Location) -> LocationDetailOut:
    sets = selectors.script_places(access).sets_at.get(location.pk, [])
    return LocationDetailOut(**LocationOut.of(location).model_dump(), sets=sets)


@router.get("/{code}/locations/{id}", response={200: LocationDetailOut, **READ_ERRORS})
def get_location(request: HttpRequest, code: str, id: int) -> LocationDetailOut:
    access = access_production(request.user, code, Capability.VIEW_LOCATIONS)
    return _detail(access, selectors.access_location(access, id))


@router.post("/{code}/locations", response={201: LocationDetailOut, **WRITE_ERRORS})
def add_location(request: HttpRequest, code: str, payload: LocationIn) -> Status[LocationDetailOut]:
    access = access_production(request.user, code, Capability.EDIT_LOCATIONS)
    details = services.LocationDetails(**payload.model_dump())
    location = services.add_location(access=access, details=details)
    return Status(201, _detail(access, location))


@router.patch("/{code}/locations/{id}", response={200: LocationDetailOut, **WRITE_ERRORS})
def update_location(
    request: HttpRequest, code: str, id: int, payload: LocationPatch
) -> LocationDetailOut:
    access = access_production(request.user, code, Capability.EDIT_LOCATIONS)
    location = selectors.access_location(access, id)
    current = {name: getattr(location, name) for name in EDITABLE}
    details = services.LocationDetails(**(current | payload.model_dump(exclude_unset=True)))
    location = services.update_location(access=access, location=location, details=details)
    return _detail(access, location)


@router.delete("/{code}/locations/{id}", response={204: None, **WRITE_ERRORS})
def remove_location(request: HttpRequest, code: str, id: int) -> Status[None]:
    access = access_production(request.user, code, Capability.EDIT_LOCATIONS)
    services.remove_location(access=access, location=selectors.access_location(access, id))
    return Status(204, None)
