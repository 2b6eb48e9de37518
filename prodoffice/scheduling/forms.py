from __future__ import annotations

from typing import Any

from django import forms

from prodoffice.core.forms import DateInput
from prodoffice.scripts.models import ScriptRevision


class NewScheduleForm(forms.Form):
    name = forms.CharField(max_length=120, initial="First pass")
    revision = forms.ModelChoiceField(queryset=ScriptRevision.objects.none(), label="Script draft")
    start_date = forms.DateField(widget=DateInput, label="First shoot day")
    pages_per_day = forms.DecimalField(
        min_value=0.125, max_value=25, decimal_places=3, initial=5, label="Pages a day"
    )
    skip_us_holidays = forms.BooleanField(
        required=False, initial=True, label="No shooting on U.S. federal holidays"
    )

    def __init__(self, *args: Any, production: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        drafts = ScriptRevision.objects.filter(script__production=production).select_related(
            "script"
        )
        self.fields["revision"].queryset = drafts.order_by("script__title", "-sequence")
        self.fields["revision"].label_from_instance = lambda r: f"{r.script.title} — {r.color}"
        if production.shoot_start and not self.is_bound:
            self.initial["start_date"] = production.shoot_start


class MoveForm(forms.Form):
    day = forms.IntegerField(required=False, min_value=1)  # empty: the boneyard
    position = forms.IntegerField(min_value=0, max_value=100_000)
    version = forms.IntegerField(min_value=1)
