"""Every write to the production's locations; each one is recorded in the history."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction

from prodoffice.core import history
from prodoffice.core.db import unique_or_refuse
from prodoffice.core.errors import FieldErrors, RuleBroken
from prodoffice.core.models import ChangeRecord
from prodoffice.core.validation import column_errors
from prodoffice.domain.access import Capability
from prodoffice.domain.locations.names import location_key
from prodoffice.domain.people.contact_rules import ContactRuleError, normalize_phone
from prodoffice.locations.models import Location
from prodoffice.productions.access import ProductionAccess

_NAME_RACE = "A location with this name was added a moment ago."
_PLACES = Decimal("0.000001")  # six decimals of a degree: about 10 cm, more than any map needs


@dataclass(frozen=True)
class LocationDetails:
    name: str
    address: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    contact_name: str = ""
    contact_phone: str = ""
    parking: str = ""
    crew_parking: str = ""
    basecamp: str = ""
    hospital_name: str = ""
    hospital_address: str = ""
    hospital_phone: str = ""
    notes: str = ""


def _coordinate(
    value: Decimal | float | None, name: str, limit: int, errors: dict[str, str]
) -> Decimal | None:
    if value is None:
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        errors[name] = f"{value!r} is not a number of degrees."
        return None
    if not number.is_finite() or not -limit <= number <= limit:
        errors[name] = f"The {name} is a number of degrees between -{limit} and {limit}."
        return None
    return number.quantize(_PLACES)


def _phone(value: str, name: str, errors: dict[str, str]) -> str:
    try:
        return normalize_phone(value)
    except ContactRuleError as exc:
        errors[name] = str(exc)
        return value


def _clean(
    access: ProductionAccess, details: LocationDetails, location: Location | None
) -> dict[str, object]:
    errors: dict[str, str] = {}
    name = " ".join(details.name.split())
    if not name:
        errors["name"] = "Enter the location's name."
    else:
        clash = Location.objects.filter(production=access.production, name_key=location_key(name))
        if location is not None:
            clash = clash.exclude(pk=location.pk)
        taken = clash.first()
        if taken is not None:
            errors["name"] = f"{taken.name} is already a location on this production."
    latitude = _coordinate(details.latitude, "latitude", 90, errors)
    longitude = _coordinate(details.longitude, "longitude", 180, errors)
    # A point needs both; half of one would put the pin on the equator or the meridian.
    if (details.latitude is None) != (details.longitude is None):
        missing = "longitude" if details.longitude is None else "latitude"
        errors.setdefault(missing, "Enter both latitude and longitude, or neither.")
    values: dict[str, object] = {
        "name": name,
        "name_key": location_key(name),
        "address": details.address.strip(),
        "latitude": latitude,
        "longitude": longitude,
        "contact_name": " ".join(details.contact_name.split()),
        "contact_phone": _phone(details.contact_phone, "contact_phone", errors),
        "parking": details.parking.strip(),
        "crew_parking": details.crew_parking.strip(),
        "basecamp": details.basecamp.strip(),
        "hospital_name": " ".join(details.hospital_name.split()),
        "hospital_address": details.hospital_address.strip(),
        "hospital_phone": _phone(details.hospital_phone, "hospital_phone", errors),
        "notes": details.notes.strip(),
    }
    for field, message in column_errors(Location, values).items():
        # name_key is as long as the name; the name's message is the one a person can act on.
        errors.setdefault("name" if field == "name_key" else field, message)
    if errors:
        raise FieldErrors(errors)
    return values


@transaction.atomic
def add_location(*, access: ProductionAccess, details: LocationDetails) -> Location:
    access.require(Capability.EDIT_LOCATIONS)
    values = _clean(access, details, None)
    with unique_or_refuse("name", _NAME_RACE):
        location = Location.objects.create(production=access.production, **values)
    history.record_change(access, location, ChangeRecord.Action.CREATED)
    return location


@transaction.atomic
def update_location(
    *, access: ProductionAccess, location: Location, details: LocationDetails
) -> Location:
    access.require(Capability.EDIT_LOCATIONS)
    if location.production_id != access.production.pk:
        raise RuleBroken("That location is not on this production.")
    values = _clean(access, details, location)
    before = history.snapshot(location)
    for name, value in values.items():
        setattr(location, name, value)
    with unique_or_refuse("name", _NAME_RACE):
        location.save()
    history.record_change(access, location, ChangeRecord.Action.CHANGED, before=before)
    return location


@transaction.atomic
def remove_location(*, access: ProductionAccess, location: Location) -> None:
    """Take a location off the production; its sets go back to having no location record."""
    access.require(Capability.EDIT_LOCATIONS)
    if location.production_id != access.production.pk:
        raise RuleBroken("That location is not on this production.")
    history.record_change(
        access, location, ChangeRecord.Action.DELETED, before=history.snapshot(location)
    )
    location.delete()
