"""Forms for editing a call sheet: the day's calls and weather, and one person's call."""

from __future__ import annotations

from typing import Any

from django import forms

from prodoffice.callsheets.models import Call, CallSheet
from prodoffice.callsheets.services import CallDetails, SheetDetails

# What a time input sends (07:00), and what people type where there is none (7:00 am, 7am).
TIME_FORMATS = ["%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M%p", "%I %p", "%I%p"]


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


def _time(label: str, *, required: bool = False) -> forms.TimeField:
    return forms.TimeField(
        label=label, required=required, input_formats=TIME_FORMATS, widget=TimeInput()
    )


class SheetForm(forms.Form):
    crew_call = _time("General crew call", required=True)
    shooting_call = _time("Shooting call", required=True)
    weather = forms.CharField(max_length=200, required=False)
    notes = forms.CharField(
        label="Notes and special instructions",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    @classmethod
    def of(cls, sheet: CallSheet) -> SheetForm:
        return cls(
            initial={
                "crew_call": sheet.crew_call,
                "shooting_call": sheet.shooting_call,
                "weather": sheet.weather,
                "notes": sheet.notes,
            }
        )

    def details(self) -> SheetDetails:
        data = self.cleaned_data
        return SheetDetails(
            crew_call=data["crew_call"],
            shooting_call=data["shooting_call"],
            weather=data["weather"],
            notes=data["notes"],
        )


class CallForm(forms.Form):
    call_time = _time("Call")
    pickup_time = _time("Pickup")
    pickup_place = forms.CharField(label="Pickup place", max_length=200, required=False)
    makeup_time = _time("Hair/make-up")
    wardrobe_time = _time("Wardrobe")
    on_set_time = _time("On set")
    remarks = forms.CharField(max_length=200, required=False)

    @classmethod
    def of(cls, call: Call) -> CallForm:
        return cls(initial={name: getattr(call, name) for name in cls.base_fields})

    def details(self) -> CallDetails:
        return CallDetails(**self.cleaned_data)
