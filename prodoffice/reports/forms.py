"""Forms for the DPR: the day's times and notes, one person's times, one scene's result."""

from __future__ import annotations

from typing import Any

from django import forms

from prodoffice.reports.models import DailyReport, ReportScene, TimeEntry
from prodoffice.reports.services import DayDetails, EntryTimes
from prodoffice.reports.timecards import TIME_FIELDS

# A date and a time: a wrap past midnight is entered on the next date, never guessed.
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def _moment(label: str) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label, required=False, input_formats=DATETIME_FORMATS, widget=DateTimeInput()
    )


class DayForm(forms.Form):
    first_shot = _moment("First shot")
    camera_wrap = _moment("Camera wrap")
    last_out = _moment("Last person out")
    setups = forms.IntegerField(min_value=0, initial=0)
    script_minutes = forms.DecimalField(min_value=0, max_digits=6, decimal_places=2, initial=0)
    delays = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    accidents = forms.CharField(
        label="Accidents and injuries", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    equipment = forms.CharField(
        label="Equipment failures", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    location_damage = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    other = forms.CharField(
        label="Other notes", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    @classmethod
    def of(cls, report: DailyReport) -> DayForm:
        return cls(initial={name: getattr(report, name) for name in cls.base_fields})

    def details(self) -> DayDetails:
        return DayDetails(**self.cleaned_data)


class TimesForm(forms.Form):
    status = forms.CharField(max_length=6, required=False)
    call = _moment("In")
    meal1_start = _moment("1st meal start")
    meal1_end = _moment("1st meal end")
    meal2_start = _moment("2nd meal start")
    meal2_end = _moment("2nd meal end")
    wrap = _moment("Out")
    remarks = forms.CharField(max_length=200, required=False)

    @classmethod
    def of(cls, entry: TimeEntry) -> TimesForm:
        return cls(initial={name: getattr(entry, name) for name in cls.base_fields})

    def times(self) -> EntryTimes:
        data = self.cleaned_data
        return EntryTimes(
            **{name: data[name] for name in TIME_FIELDS},
            status=data["status"],
            remarks=data["remarks"],
        )


class SceneResultForm(forms.Form):
    result = forms.ChoiceField(choices=ReportScene.Result.choices)
    eighths_shot = forms.IntegerField(min_value=0, required=False)
    setups = forms.IntegerField(min_value=0, required=False)
    note = forms.CharField(max_length=300, required=False)
    to_boneyard = forms.BooleanField(label="Back to the boneyard", required=False)
