from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from prodoffice.core.forms import PhoneField
from prodoffice.locations.models import Location
from prodoffice.locations.services import LocationDetails

FIELDS = [
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


def _text(label: str = "", rows: int = 2) -> forms.CharField:
    widget = forms.Textarea(attrs={"rows": rows})
    return forms.CharField(widget=widget, required=False, **({"label": label} if label else {}))


class LocationForm(forms.Form):
    name = forms.CharField(
        max_length=200,
        help_text="As the script's sets name it, e.g. BLUE MESA DINER: case does not matter.",
    )
    address = _text()
    # Any number of decimals may be pasted from a map; the service keeps six (about 10 cm).
    latitude = forms.DecimalField(
        required=False,
        min_value=Decimal(-90),
        max_value=Decimal(90),
        help_text="Degrees north, e.g. 40.7608; leave both empty if unknown.",
    )
    longitude = forms.DecimalField(
        required=False,
        min_value=Decimal(-180),
        max_value=Decimal(180),
        help_text="Degrees east; west is negative, e.g. -113.8925.",
    )
    contact_name = forms.CharField(max_length=120, required=False, label="Location contact")
    contact_phone = PhoneField(label="Contact phone")
    parking = _text()
    crew_parking = _text("Crew parking")
    basecamp = _text()
    hospital_name = forms.CharField(max_length=200, required=False, label="Nearest hospital")
    hospital_address = _text("Hospital address")
    hospital_phone = PhoneField(label="Hospital phone")
    notes = _text(rows=3)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        has_lat = data.get("latitude") is not None
        has_lon = data.get("longitude") is not None
        if (
            has_lat != has_lon
            and not self.has_error("latitude")
            and not self.has_error("longitude")
        ):
            missing = "longitude" if has_lat else "latitude"
            self.add_error(missing, "Enter both latitude and longitude, or neither.")
        return data

    @staticmethod
    def initial_for(location: Location) -> dict[str, Any]:
        return {name: getattr(location, name) for name in FIELDS}

    def details(self) -> LocationDetails:
        return LocationDetails(**{name: self.cleaned_data[name] for name in FIELDS})
