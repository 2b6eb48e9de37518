from __future__ import annotations

import calendar
from typing import Any
from zoneinfo import available_timezones

from django import forms

from prodoffice.core.forms import DateInput
from prodoffice.domain.access import Role
from prodoffice.productions.choices import ProductionKind
from prodoffice.productions.services import ProductionDetails
from prodoffice.productions.work_rules import WorkRules

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
    role = forms.ChoiceField(
        error_messages={
            "invalid_choice": "Choose one of the listed roles; your own role cannot give that one."
        }
    )

    def __init__(self, *args: Any, roles: list[Role], **kwargs: Any) -> None:
        """`roles`: those the member filling the form may give; no others are offered."""
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(role.value, role.label) for role in roles]


class WorkRulesForm(forms.Form):
    workweek_starts = forms.TypedChoiceField(
        label="Workweek starts on",
        choices=list(enumerate(calendar.day_name)),
        coerce=int,
        help_text="The payroll week weekly overtime and the 6th and 7th days are counted in.",
    )
    cast_rest_hours = forms.IntegerField(label="Cast rest (hours)", min_value=1, max_value=24)
    crew_rest_hours = forms.IntegerField(label="Crew rest (hours)", min_value=1, max_value=24)
    drop_minimum_days = forms.IntegerField(
        label="Drop gap (days)",
        min_value=1,
        max_value=90,
        help_text="A performer off at least this long may be dropped and picked up again.",
    )
    signatory_to = forms.MultipleChoiceField(
        label="Signatory to",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Members of a union whose agreement the production has not signed are "
        "costed under the non-union rules.",
    )

    def __init__(self, *args: Any, agreements: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["signatory_to"].choices = list(agreements.items())

    def work_rules(self) -> WorkRules:
        data = self.cleaned_data
        return WorkRules(
            workweek_starts=data["workweek_starts"],
            cast_rest_hours=data["cast_rest_hours"],
            crew_rest_hours=data["crew_rest_hours"],
            drop_minimum_days=data["drop_minimum_days"],
            signatory_to=tuple(data["signatory_to"]),
        )
