"""API for vendors and their contacts: /api/v1/productions/{code}/vendors/..."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema, Status
from pydantic import field_validator

from prodoffice.api.schemas import READ_ERRORS, WRITE_ERRORS, Text
from prodoffice.domain.access import Capability
from prodoffice.productions.access import ProductionAccess, access_production
from prodoffice.vendors import selectors, services
from prodoffice.vendors.choices import TaxIdKindChoices, VendorCategory
from prodoffice.vendors.models import Vendor, VendorContact

router = Router(tags=["vendors"])

CATEGORIES = "One of: " + ", ".join(VendorCategory.values) + "."
EACH_CATEGORY = "Each one of: " + ", ".join(VendorCategory.values) + "."
# Vendor fields a PATCH may leave out; tax_id is not among them: left out, it means "keep".
EDITABLE = ["company", "categories", "email", "phone", "address", "website", "notes", "w9_received"]


class VendorQuery(Schema):
    """The vendor-list filter, as on the vendors page."""

    q: Text = Field("", max_length=100, description="Words to find in company, e-mail, notes.")
    category: Text = Field("", description=CATEGORIES)

    @field_validator("category")
    @classmethod
    def _known_category(cls, value: str) -> str:
        if value and value not in VendorCategory.values:
            raise ValueError(f"Unknown category. {CATEGORIES}")
        return value


class VendorContactOut(Schema):
    """A person at the vendor: rental agent, account manager, dispatcher."""

    id: int
    name: str
    role: str
    email: str
    phone: str

    @classmethod
    def of(cls, person: VendorContact) -> VendorContactOut:
        return cls(
            id=person.pk, name=person.name, role=person.role, email=person.email, phone=person.phone
        )


class VendorOut(Schema):
    """A company the production rents from, buys from or pays."""

    id: int
    company: str
    categories: list[str] = Field(description=EACH_CATEGORY)
    email: str
    phone: str
    address: str
    website: str
    notes: str
    w9_received: date | None
    tax_id_masked: str | None = Field(
        description="The tax ID as ***-**-1234 (SSN, ITIN) or **-***1234 (EIN); null when none "
        "is on file or your role may not see tax IDs. The full number is never returned."
    )

    @staticmethod
    def visible_values(access: ProductionAccess, vendor: Vendor) -> dict[str, Any]:
        values = {name: getattr(vendor, name) for name in ("id", *EDITABLE)}
        masked = vendor.tax_id_masked if access.can(Capability.VIEW_TAX_IDS) else ""
        return values | {"tax_id_masked": masked or None}

    @classmethod
    def of(cls, access: ProductionAccess, vendor: Vendor) -> VendorOut:
        return cls(**cls.visible_values(access, vendor))


class VendorDetailOut(VendorOut):
    contacts: list[VendorContactOut]

    @classmethod
    def of(cls, access: ProductionAccess, vendor: Vendor) -> VendorDetailOut:
        contacts = [VendorContactOut.of(person) for person in vendor.contacts.all()]
        return cls(**cls.visible_values(access, vendor), contacts=contacts)


class VendorPatch(Schema):
    """Vendor fields to change; a field left out keeps its current value."""

    company: Text = Field("", max_length=200)
    categories: list[Text] = Field([], description=EACH_CATEGORY)
    email: Text = Field("", max_length=254)
    phone: Text = Field("", max_length=40)
    address: Text = ""
    website: Text = Field("", max_length=200)
    notes: Text = ""
    w9_received: date | None = None
    tax_id: Text = Field(
        "",
        max_length=20,
        description="The SSN, ITIN or EIN as typed (producer/UPM and accountant only). It is "
        "encrypted when saved and never returned; an empty string removes the one on file, "
        "leaving the field out keeps it.",
    )
    tax_id_kind: Text = Field(
        "", description="ssn, ein or itin; empty to guess from the layout of `tax_id`."
    )

    @field_validator("tax_id_kind")
    @classmethod
    def _known_kind(cls, value: str) -> str:
        if value and value not in TaxIdKindChoices.values:
            raise ValueError("Use ssn, ein or itin, or leave it empty.")
        return value


class VendorIn(VendorPatch):
    """A new vendor; only the company name is required."""

    company: Text = Field(max_length=200, examples=["Panavision Hollywood"])


class VendorContactIn(Schema):
    """A person at the vendor to add to its contacts."""

    name: Text = Field(max_length=120)
    role: Text = Field("", max_length=120, examples=["Rental agent"])
    email: Text = Field("", max_length=254)
    phone: Text = Field("", max_length=40)


@router.get("/{code}/vendors", response={200: list[VendorOut], **READ_ERRORS})
def list_vendors(request: HttpRequest, code: str, filters: Query[VendorQuery]) -> list[VendorOut]:
    access = access_production(request.user, code, Capability.VIEW_VENDORS)
    vendors = selectors.vendor_list(access, q=filters.q, category=filters.category)
    return [VendorOut.of(access, vendor) for vendor in vendors]


@router.get("/{code}/vendors/{id}", response={200: VendorDetailOut, **READ_ERRORS})
def get_vendor(request: HttpRequest, code: str, id: int) -> VendorDetailOut:
    access = access_production(request.user, code, Capability.VIEW_VENDORS)
    return VendorDetailOut.of(access, selectors.access_vendor(access, id))


@router.post("/{code}/vendors", response={201: VendorDetailOut, **WRITE_ERRORS})
def add_vendor(request: HttpRequest, code: str, payload: VendorIn) -> Status[VendorDetailOut]:
    access = access_production(request.user, code, Capability.EDIT_VENDORS)
    # Left out, tax_id stays at the service's "keep" default: nothing on file for a new vendor.
    details = services.VendorDetails(**payload.model_dump(exclude_unset=True))
    vendor = services.add_vendor(access=access, details=details)
    return Status(201, VendorDetailOut.of(access, vendor))


@router.patch("/{code}/vendors/{id}", response={200: VendorDetailOut, **WRITE_ERRORS})
def update_vendor(
    request: HttpRequest, code: str, id: int, payload: VendorPatch
) -> VendorDetailOut:
    access = access_production(request.user, code, Capability.EDIT_VENDORS)
    vendor = selectors.access_vendor(access, id)
    current = {name: getattr(vendor, name) for name in EDITABLE}
    details = services.VendorDetails(**(current | payload.model_dump(exclude_unset=True)))
    return VendorDetailOut.of(
        access, services.update_vendor(access=access, vendor=vendor, details=details)
    )


@router.delete("/{code}/vendors/{id}", response={204: None, **WRITE_ERRORS})
def delete_vendor(request: HttpRequest, code: str, id: int) -> Status[None]:
    access = access_production(request.user, code, Capability.EDIT_VENDORS)
    services.delete_vendor(access=access, vendor=selectors.access_vendor(access, id))
    return Status(204, None)


@router.post("/{code}/vendors/{id}/contacts", response={201: VendorContactOut, **WRITE_ERRORS})
def add_vendor_contact(
    request: HttpRequest, code: str, id: int, payload: VendorContactIn
) -> Status[VendorContactOut]:
    access = access_production(request.user, code, Capability.EDIT_VENDORS)
    vendor = selectors.access_vendor(access, id)
    details = services.VendorContactDetails(**payload.model_dump())
    person = services.add_vendor_contact(access=access, vendor=vendor, details=details)
    return Status(201, VendorContactOut.of(person))
