"""Forms for the DPR: the day's times and notes, one person's times, one scene's result."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django import forms

from prodoffice.people.models import Engagement
from prodoffice.reports.models import DailyReport, ReportScene, TimeEntry
from prodoffice.reports.services import (
    BackgroundDetails,
    DayDetails,
    EntryTimes,
    MediaDetails,
    SharedTimes,
)
from prodoffice.reports.timecards import CAST_TIME_FIELDS, TIME_FIELDS
from prodoffice.scheduling.models import ShootDay

# More than any day holds (setups, eighths, background, cards): a typo, refused beside the field.
MOST = 100_000

# A date and a time: a wrap past midnight is entered on the next date, never guessed.
DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class MomentField(forms.DateTimeField):
    """A date and time within the years a shoot can have: the far end of year 9999 is past
    what a database keeps once it is turned into UTC."""

    def to_python(self, value: Any) -> datetime | None:
        moment: datetime | None = super().to_python(value)
        if moment is not None and not 1900 <= moment.year <= 2200:
            raise forms.ValidationError("Enter a date between the years 1900 and 2200.")
        return moment


def _moment(label: str) -> MomentField:
    return MomentField(
        label=label, required=False, input_formats=DATETIME_FORMATS, widget=DateTimeInput()
    )


class DayForm(forms.Form):
    first_shot = _moment("First shot")
    camera_wrap = _moment("Camera wrap")
    last_out = _moment("Last person out")
    setups = forms.IntegerField(min_value=0, max_value=MOST, initial=0)
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
    """One person's times in the order of their day; crew have no performer's times."""

    status = forms.CharField(
        max_length=6, required=False, help_text="W, H, SW, WF, SWF, or T for travel."
    )
    pickup = _moment("Picked up")
    call = _moment("In")
    makeup = _moment("Make-up and wardrobe")
    on_set = _moment("On set")
    # A non-deductible breakfast: paid, before the 1st meal; the rules say whether it moves it.
    ndb_start = _moment("NDB start")
    ndb_end = _moment("NDB end")
    meal1_start = _moment("1st meal start")
    meal1_end = _moment("1st meal end")
    meal2_start = _moment("2nd meal start")
    meal2_end = _moment("2nd meal end")
    dismissed_set = _moment("Dismissed on set")
    wrap = _moment("Out")
    remarks = forms.CharField(max_length=200, required=False)

    def __init__(self, *args: Any, cast: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not cast:
            for name in CAST_TIME_FIELDS:
                del self.fields[name]

    @classmethod
    def of(cls, entry: TimeEntry) -> TimesForm:
        cast = entry.engagement.cast_number is not None
        return cls(initial={name: getattr(entry, name) for name in cls.base_fields}, cast=cast)

    def times(self) -> EntryTimes:
        data = self.cleaned_data
        return EntryTimes(
            **{name: data.get(name) for name in (*TIME_FIELDS, *CAST_TIME_FIELDS)},
            status=data["status"],
            remarks=data["remarks"],
        )


BONEYARD = "boneyard"


class SceneResultForm(forms.Form):
    result = forms.ChoiceField(choices=ReportScene.Result.choices)
    eighths_shot = forms.IntegerField(min_value=0, max_value=MOST, required=False)
    setups = forms.IntegerField(min_value=0, max_value=MOST, required=False)
    note = forms.CharField(max_length=300, required=False)
    retake = forms.BooleanField(required=False)
    # Where an unfinished scene goes: stay put, the boneyard, or a later shoot day (its pk).
    move_to = forms.ChoiceField(label="Move the scene to", required=False)

    def __init__(self, *args: Any, later_days: Sequence[ShootDay] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.later_days = {str(day.pk): day for day in later_days}
        self.fields["move_to"].choices = move_choices(later_days)

    def destination(self) -> tuple[bool, ShootDay | None]:
        """(to the boneyard, to this later day)."""
        chosen = self.cleaned_data.get("move_to") or ""
        return chosen == BONEYARD, self.later_days.get(chosen)


def move_choices(later_days: Sequence[ShootDay]) -> list[tuple[str, str]]:
    return [
        ("", "Leave it where it is"),
        (BONEYARD, "The boneyard"),
        *((str(day.pk), str(day)) for day in later_days),
    ]


class AddPersonForm(forms.Form):
    """Someone who worked the day without being on the call sheet."""

    person = forms.ChoiceField(label="Someone who worked, not on the call sheet")

    def __init__(self, *args: Any, people: Sequence[Engagement] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.people = {str(e.pk): e for e in people}
        self.fields["person"].choices = [("", "Choose a person")] + [
            (str(e.pk), _who(e)) for e in people
        ]

    def engagement(self) -> Engagement:
        return self.people[self.cleaned_data["person"]]


def _who(engagement: Engagement) -> str:
    if engagement.cast_number is not None:
        return f"#{engagement.cast_number} {engagement.character}: {engagement.contact.name}"
    return f"{engagement.position}: {engagement.contact.name}"


class AddSceneForm(forms.Form):
    number = forms.CharField(label="Scene number", max_length=12)


class SharedTimesForm(forms.Form):
    """The meal and wrap most of the company shares, given to everyone who has none yet."""

    group = forms.ChoiceField(
        label="Give to",
        choices=[("crew", "Crew"), ("cast", "Cast"), ("everyone", "Everyone")],
        initial="crew",
    )
    meal1_start = _moment("1st meal start")
    meal1_end = _moment("1st meal end")
    meal2_start = _moment("2nd meal start")
    meal2_end = _moment("2nd meal end")
    wrap = _moment("Out")

    def shared(self) -> SharedTimes:
        data = dict(self.cleaned_data)
        data.pop("group")
        return SharedTimes(**data)


class BackgroundForm(forms.Form):
    description = forms.CharField(max_length=120, help_text="Diner patrons, stand-ins, ...")
    count = forms.IntegerField(min_value=1, max_value=MOST)
    call = _moment("Call")
    meal_start = _moment("Meal start")
    meal_end = _moment("Meal end")
    wrap = _moment("Wrap")
    remarks = forms.CharField(max_length=200, required=False)

    def details(self) -> BackgroundDetails:
        return BackgroundDetails(**self.cleaned_data)


class MediaForm(forms.Form):
    device = forms.CharField(max_length=60, help_text="A camera, B camera, Sound, ...")
    count = forms.IntegerField(min_value=1, max_value=MOST, label="Cards or rolls")
    gigabytes = forms.DecimalField(min_value=0, max_digits=9, decimal_places=1, required=False)
    note = forms.CharField(max_length=200, required=False)

    def details(self) -> MediaDetails:
        return MediaDetails(**self.cleaned_data)
