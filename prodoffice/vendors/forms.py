from __future__ import annotations

from typing import Any

from django import forms

from prodoffice.core.forms import DateInput, PhoneField
from prodoffice.domain.people.taxid import TaxIdError, parse_tax_id
from prodoffice.vendors.choices import TaxIdKindChoices, VendorCategory
from prodoffice.vendors.models import Vendor
from prodoffice.vendors.services import KEEP, VendorContactDetails, VendorDetails


class VendorForm(forms.Form):
    company = forms.CharField(max_length=200)
    categories = forms.MultipleChoiceField(
        choices=VendorCategory.choices,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    email = forms.EmailField(required=False)
    phone = PhoneField()
    website = forms.CharField(max_length=200, required=False)
    address = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    notes = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
    w9_received = forms.DateField(required=False, widget=DateInput, label="W-9 received")
    tax_id_kind = forms.ChoiceField(
        choices=[("", "Guess from the number"), *TaxIdKindChoices.choices],
        required=False,
        label="Tax ID type",
    )
    tax_id = forms.CharField(
        max_length=20,
        required=False,
        label="Tax ID (SSN/EIN)",
        help_text="Encrypted when saved and shown masked. Leave empty to keep what is on file.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    clear_tax_id = forms.BooleanField(required=False, label="Remove the tax ID on file")

    def __init__(self, *args: Any, show_tax_id: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not show_tax_id:
            for name in ("tax_id", "tax_id_kind", "clear_tax_id"):
                del self.fields[name]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("tax_id") and not data.get("clear_tax_id"):
            try:
                parse_tax_id(data["tax_id"], data.get("tax_id_kind") or None)
            except (TaxIdError, ValueError) as exc:
                self.add_error("tax_id", str(exc))
        return data

    @staticmethod
    def initial_for(vendor: Vendor) -> dict[str, Any]:
        names = ("company", "categories", "email", "phone", "website", "address", "notes")
        return {n: getattr(vendor, n) for n in (*names, "w9_received", "tax_id_kind")}

    def details(self) -> VendorDetails:
        data = self.cleaned_data
        tax_id = KEEP
        if data.get("clear_tax_id"):
            tax_id = ""
        elif data.get("tax_id"):
            tax_id = data["tax_id"]
        return VendorDetails(
            company=data["company"],
            categories=list(data["categories"]),
            email=data["email"],
            phone=data["phone"],
            address=data["address"],
            website=data["website"],
            notes=data["notes"],
            w9_received=data["w9_received"],
            tax_id=tax_id,
            tax_id_kind=data.get("tax_id_kind") or "",
        )


class VendorContactForm(forms.Form):
    name = forms.CharField(max_length=120)
    role = forms.CharField(max_length=120, required=False)
    email = forms.EmailField(required=False)
    phone = PhoneField()

    def details(self) -> VendorContactDetails:
        return VendorContactDetails(**self.cleaned_data)
