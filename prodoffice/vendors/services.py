"""Every write to vendors and their contacts; tax IDs are encrypted here and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from prodoffice.core import crypto, history
from prodoffice.core.db import unique_or_refuse
from prodoffice.core.errors import FieldErrors, RuleBroken
from prodoffice.core.models import ChangeRecord
from prodoffice.core.validation import column_errors
from prodoffice.domain.access import Capability
from prodoffice.domain.people.contact_rules import ContactRuleError, normalize_phone
from prodoffice.domain.people.taxid import TaxIdError, parse_tax_id
from prodoffice.productions.access import ProductionAccess
from prodoffice.vendors.choices import VendorCategory
from prodoffice.vendors.models import Vendor, VendorContact

_COMPANY_RACE = "A vendor with this name was added a moment ago."
KEEP = "__keep__"  # tax_id value meaning "leave the stored tax ID as it is"


@dataclass(frozen=True)
class VendorDetails:
    company: str
    categories: list[str] = field(default_factory=list)
    email: str = ""
    phone: str = ""
    address: str = ""
    website: str = ""
    notes: str = ""
    w9_received: date | None = None
    tax_id: str = KEEP  # plain text as typed; "" clears it
    tax_id_kind: str = ""  # "" = guess from the layout


@dataclass(frozen=True)
class VendorContactDetails:
    name: str
    role: str = ""
    email: str = ""
    phone: str = ""


def _check_email_phone(email: str, phone: str, errors: dict[str, str]) -> tuple[str, str]:
    email = email.strip().lower()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = f"{email!r} is not an e-mail address."
    try:
        phone = normalize_phone(phone)
    except ContactRuleError as exc:
        errors["phone"] = str(exc)
    return email, phone


def _clean(
    access: ProductionAccess, details: VendorDetails, vendor: Vendor | None
) -> dict[str, object]:
    errors: dict[str, str] = {}
    company = " ".join(details.company.split())
    if not company:
        errors["company"] = "Enter the company name."
    else:
        clash = Vendor.objects.filter(production=access.production, company__iexact=company)
        if vendor is not None:
            clash = clash.exclude(pk=vendor.pk)
        if clash.exists():
            errors["company"] = f"{company} is already a vendor on this production."
    unknown = [c for c in details.categories if c not in VendorCategory.values]
    if unknown:
        errors["categories"] = f"Unknown categories: {', '.join(unknown)}."
    email, phone = _check_email_phone(details.email, details.phone, errors)
    values: dict[str, object] = {
        "company": company,
        "categories": sorted(set(details.categories)),
        "email": email,
        "phone": phone,
        "address": details.address.strip(),
        "website": details.website.strip(),
        "notes": details.notes.strip(),
        "w9_received": details.w9_received,
    }
    for name, message in column_errors(Vendor, values).items():
        errors.setdefault(name, message)
    if details.tax_id != KEEP:
        if not access.can(Capability.VIEW_TAX_IDS):
            errors["tax_id"] = "Only the producer/UPM or accountant may enter tax IDs."
        elif not details.tax_id.strip():
            values |= {"tax_id_encrypted": "", "tax_id_last4": "", "tax_id_kind": ""}
        else:
            try:
                tax_id = parse_tax_id(details.tax_id, details.tax_id_kind or None)
            except (TaxIdError, ValueError) as exc:
                errors["tax_id"] = str(exc)
            else:
                values |= {
                    "tax_id_encrypted": crypto.encrypt(tax_id.formatted),
                    "tax_id_last4": tax_id.last4,
                    "tax_id_kind": tax_id.kind.value,
                }
    if errors:
        raise FieldErrors(errors)
    return values


@transaction.atomic
def add_vendor(*, access: ProductionAccess, details: VendorDetails) -> Vendor:
    access.require(Capability.EDIT_VENDORS)
    values = _clean(access, details, None)
    with unique_or_refuse("company", _COMPANY_RACE):
        vendor = Vendor.objects.create(production=access.production, **values)
    history.record_change(access, vendor, ChangeRecord.Action.CREATED)
    return vendor


@transaction.atomic
def update_vendor(*, access: ProductionAccess, vendor: Vendor, details: VendorDetails) -> Vendor:
    access.require(Capability.EDIT_VENDORS)
    if vendor.production_id != access.production.pk:
        raise RuleBroken("That vendor is not on this production.")
    values = _clean(access, details, vendor)
    before = history.snapshot(vendor)
    for name, value in values.items():
        setattr(vendor, name, value)
    with unique_or_refuse("company", _COMPANY_RACE):
        vendor.save()
    history.record_change(access, vendor, ChangeRecord.Action.CHANGED, before=before)
    return vendor


def reveal_tax_id(*, access: ProductionAccess, vendor: Vendor) -> str:
    access.require(Capability.VIEW_TAX_IDS)
    return crypto.decrypt(vendor.tax_id_encrypted)


@transaction.atomic
def delete_vendor(*, access: ProductionAccess, vendor: Vendor) -> None:
    access.require(Capability.EDIT_VENDORS)
    history.record_change(
        access, vendor, ChangeRecord.Action.DELETED, before=history.snapshot(vendor)
    )
    vendor.delete()


@transaction.atomic
def add_vendor_contact(
    *, access: ProductionAccess, vendor: Vendor, details: VendorContactDetails
) -> VendorContact:
    access.require(Capability.EDIT_VENDORS)
    errors: dict[str, str] = {}
    name = " ".join(details.name.split())
    if not name:
        errors["name"] = "Enter the contact's name."
    email, phone = _check_email_phone(details.email, details.phone, errors)
    values = {"name": name, "role": details.role.strip(), "email": email, "phone": phone}
    for key, message in column_errors(VendorContact, values).items():
        errors.setdefault(key, message)
    if errors:
        raise FieldErrors(errors)
    person = VendorContact.objects.create(
        vendor=vendor, name=name, role=details.role.strip(), email=email, phone=phone
    )
    history.record_change(access, person, ChangeRecord.Action.CREATED)
    return person


@transaction.atomic
def remove_vendor_contact(*, access: ProductionAccess, person: VendorContact) -> None:
    access.require(Capability.EDIT_VENDORS)
    history.record_change(
        access, person, ChangeRecord.Action.DELETED, before=history.snapshot(person)
    )
    person.delete()
