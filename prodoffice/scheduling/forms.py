from __future__ import annotations

from typing import Any

from django import forms

from prodoffice.core.forms import DateInput
from prodoffice.domain.screenplay.breakdown import Category
from prodoffice.scheduling.models import Banner
from prodoffice.scripts.models import BreakdownElement, ScriptRevision


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
    # The day by key (the drag and drop sends it) or by number (typed); neither: the boneyard.
    day = forms.IntegerField(required=False, min_value=1)
    day_number = forms.IntegerField(required=False, min_value=0, max_value=10_000)
    position = forms.IntegerField(min_value=0, max_value=100_000)
    version = forms.IntegerField(min_value=1)


class VersionForm(forms.Form):
    version = forms.IntegerField(min_value=1)


class DayForm(VersionForm):
    after = forms.IntegerField(required=False, min_value=1)  # empty: before the first day
    kind = forms.ChoiceField(
        choices=[("shoot", "Shoot day"), ("off", "Day off"), ("travel", "Travel day")]
    )
    note = forms.CharField(max_length=200, required=False)


class BannerForm(VersionForm):
    day = forms.IntegerField(min_value=1)
    kind = forms.ChoiceField(choices=Banner.Kind.choices)
    text = forms.CharField(max_length=200)


class StripRulesForm(forms.Form):
    must_shoot_by = forms.DateField(required=False, widget=DateInput, label="Shoot by")
    together = forms.CharField(
        max_length=20, required=False, label="Same day as", help_text="A label, e.g. A"
    )


class UnavailabilityForm(forms.Form):
    element = forms.ModelChoiceField(
        queryset=BreakdownElement.objects.none(), required=False, label="Cast member"
    )
    location = forms.CharField(max_length=200, required=False)
    first_date = forms.DateField(widget=DateInput, label="From")
    last_date = forms.DateField(widget=DateInput, label="To")
    note = forms.CharField(max_length=200, required=False)

    def __init__(self, *args: Any, production: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast = BreakdownElement.objects.filter(production=production, category=Category.CAST)
        self.fields["element"].queryset = cast.select_related("cast").order_by("name")
