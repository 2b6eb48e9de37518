from __future__ import annotations

from typing import Any
from zoneinfo import available_timezones

from django import forms

from prodoffice.core.forms import DateInput
from prodoffice.domain.access import ROLE_LABELS
from prodoffice.productions.choices import ProductionKind
from prodoffice.productions.services import ProductionDetails

_ZONES = sorted(available_timezones())


class ProductionForm(forms.Form):
    code = forms.CharField(max_length=12, help_text="Short code used in links, e.g. NIGHTOWL.")
    title = forms.CharField(max_length=200)
    kind = forms.ChoiceField(choices=ProductionKind.choices)
    time_zone = forms.ChoiceField(choices=[(z, z) for z in _ZONES], initial="America/Los_Angeles")
    currency = forms.CharField(max_length=3, initial="USD")
    prep_start = forms.DateField(required=False, widget=DateInput)
    shoot_start = forms.DateField(required=False, widget=DateInput)
    shoot_end = forms.DateField(required=False, widget=DateInput, label="Last shoot day")
    wrap_end = forms.DateField(required=False, widget=DateInput, label="End of wrap")
    revision_colors = forms.CharField(
        required=False,
        max_length=600,
        label="Script revision colours",
        help_text="In order, separated by commas. Empty: White, Blue, Pink, Yellow, Green, "
        "Goldenrod, Buff, Salmon, Cherry.",
    )

    def __init__(self, *args: Any, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["code"]

    def details(self) -> ProductionDetails:
        data = self.cleaned_data
        return ProductionDetails(
            title=data["title"],
            kind=data["kind"],
            time_zone=data["time_zone"],
            currency=data["currency"].upper(),
            prep_start=data["prep_start"],
            shoot_start=data["shoot_start"],
            shoot_end=data["shoot_end"],
            wrap_end=data["wrap_end"],
            revision_colors=tuple(
                part.strip() for part in data["revision_colors"].split(",") if part.strip()
            ),
        )


class MemberForm(forms.Form):
    name = forms.CharField(max_length=150)
    email = forms.EmailField()
    role = forms.ChoiceField(choices=list(ROLE_LABELS.items()))
