from __future__ import annotations

from typing import Any

from django import forms

from prodoffice.core.forms import DateInput, PhoneField
from prodoffice.people.choices import EngagementStatus, RateUnit, TaxForm
from prodoffice.people.models import Engagement
from prodoffice.people.services import ContactDetails, EngagementDetails
from prodoffice.productions.models import Department

CONTACT_FIELDS = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "address",
    "emergency_contact_name",
    "emergency_contact_phone",
    "dietary_needs",
    "notes",
]


class PersonForm(forms.Form):
    """A crew-list row: the person's contact card and their engagement on one form."""

    first_name = forms.CharField(max_length=80)
    last_name = forms.CharField(max_length=80, required=False)
    email = forms.EmailField(required=False)
    phone = PhoneField()
    address = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    emergency_contact_name = forms.CharField(label="Emergency contact", required=False)
    emergency_contact_phone = PhoneField(label="Emergency phone")
    dietary_needs = forms.CharField(required=False, help_text="Vegetarian, nut allergy, ...")
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)

    department = forms.ModelChoiceField(queryset=Department.objects.none())
    position = forms.CharField(max_length=120)
    cast_number = forms.IntegerField(required=False, min_value=1, label="Cast #")
    character = forms.CharField(max_length=120, required=False)
    rate = forms.DecimalField(required=False, max_digits=10, decimal_places=2, min_value=0)
    rate_unit = forms.ChoiceField(choices=RateUnit.choices, initial=RateUnit.DAY)
    guaranteed_hours = forms.DecimalField(
        required=False,
        max_digits=4,
        decimal_places=1,
        help_text="The hours the rate buys: 10 for a 10-hour day, 60 for a 60-hour week. Blank: "
        "the agreement's own.",
    )
    start_date = forms.DateField(required=False, widget=DateInput)
    end_date = forms.DateField(required=False, widget=DateInput)
    union_member = forms.BooleanField(required=False, label="Union")
    union_name = forms.CharField(max_length=80, required=False, label="Union/local")
    status = forms.ChoiceField(choices=EngagementStatus.choices, initial=EngagementStatus.OFFERED)
    deal_memo_received = forms.DateField(required=False, widget=DateInput)
    i9_received = forms.DateField(required=False, widget=DateInput, label="I-9 received")
    tax_form = forms.ChoiceField(choices=TaxForm.choices, required=False, label="Tax form")
    tax_form_received = forms.DateField(required=False, widget=DateInput, label="W-4/W-9 received")
    nda_received = forms.DateField(required=False, widget=DateInput, label="NDA received")

    def __init__(self, *args: Any, production: Any, show_rates: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = production.departments.all()  # type: ignore[attr-defined]
        if not show_rates:
            del self.fields["rate"], self.fields["rate_unit"], self.fields["guaranteed_hours"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", "The end date is before the start date.")
        return data

    @classmethod
    def initial_for(cls, engagement: Engagement) -> dict[str, Any]:
        contact = engagement.contact
        initial: dict[str, Any] = {name: getattr(contact, name) for name in CONTACT_FIELDS}
        for name in EngagementDetails.__dataclass_fields__:
            initial[name] = getattr(engagement, name)
        initial["department"] = engagement.department_id
        return initial

    def contact_details(self) -> ContactDetails:
        return ContactDetails(**{name: self.cleaned_data[name] or "" for name in CONTACT_FIELDS})

    def engagement_details(self) -> EngagementDetails:
        data = self.cleaned_data
        return EngagementDetails(
            department_id=data["department"].pk,
            position=data["position"],
            cast_number=data["cast_number"],
            character=data["character"],
            rate=data.get("rate"),
            rate_unit=data.get("rate_unit") or RateUnit.DAY,
            guaranteed_hours=data.get("guaranteed_hours"),
            start_date=data["start_date"],
            end_date=data["end_date"],
            union_member=data["union_member"],
            union_name=data["union_name"],
            status=data["status"],
            deal_memo_received=data["deal_memo_received"],
            i9_received=data["i9_received"],
            tax_form=data["tax_form"] or "",
            tax_form_received=data["tax_form_received"],
            nda_received=data["nda_received"],
        )
