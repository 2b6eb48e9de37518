from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection

from prodoffice.core.errors import FieldErrors
from prodoffice.core.models import ChangeRecord
from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.vendors.models import Vendor
from prodoffice.vendors.services import (
    VendorContactDetails,
    VendorDetails,
    add_vendor,
    add_vendor_contact,
    reveal_tax_id,
    update_vendor,
)

pytestmark = pytest.mark.django_db


def _raw_tax_column(vendor: Vendor) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tax_id_encrypted FROM vendors_vendor WHERE id = %s", [vendor.pk])
        return str(cursor.fetchone()[0])


def test_a_tax_id_is_stored_encrypted_and_shown_masked(world: World) -> None:
    vendor = add_vendor(
        access=world.access(Role.ACCOUNTANT),
        details=VendorDetails(company="Mesa Catering", categories=["catering"], tax_id="521446789"),
    )
    raw = _raw_tax_column(vendor)
    assert "521" not in raw and "6789" not in raw and "521-44-6789" not in raw
    assert raw.startswith("gAAAA")  # a Fernet token
    assert vendor.tax_id_masked == "***-**-6789"
    assert reveal_tax_id(access=world.access(Role.PRODUCER), vendor=vendor) == "521-44-6789"
    with pytest.raises(PermissionDenied):
        reveal_tax_id(access=world.access(Role.COORDINATOR), vendor=vendor)
    record = ChangeRecord.objects.get(record_type="vendor", action="created")
    assert "6789" not in str(record.changes)


def test_only_producer_or_accountant_may_enter_a_tax_id(world: World) -> None:
    with pytest.raises(FieldErrors) as caught:
        add_vendor(
            access=world.access(Role.COORDINATOR),
            details=VendorDetails(company="Mesa Catering", tax_id="12-3456789"),
        )
    assert "tax_id" in caught.value.errors
    assert not Vendor.objects.exists()


def test_a_coordinator_edits_a_vendor_without_touching_its_tax_id(world: World) -> None:
    vendor = add_vendor(
        access=world.access(Role.ACCOUNTANT),
        details=VendorDetails(company="Mesa Catering", tax_id="12-3456789"),
    )
    update_vendor(
        access=world.access(Role.COORDINATOR),
        vendor=vendor,
        details=VendorDetails(company="Mesa Catering Co.", phone="7605550117"),
    )
    vendor.refresh_from_db()
    assert vendor.company == "Mesa Catering Co."
    assert vendor.tax_id_masked == "**-***6789"


def test_vendor_names_are_unique_per_production_and_categories_known(world: World) -> None:
    access = world.access(Role.COORDINATOR)
    add_vendor(access=access, details=VendorDetails(company="Mesa Catering"))
    with pytest.raises(FieldErrors) as caught:
        add_vendor(
            access=access,
            details=VendorDetails(company="mesa  catering", categories=["wizardry"], email="x@"),
        )
    assert set(caught.value.errors) == {"company", "categories", "email"}


def test_a_bad_tax_id_is_reported_on_its_field(world: World) -> None:
    with pytest.raises(FieldErrors) as caught:
        add_vendor(
            access=world.access(Role.ACCOUNTANT),
            details=VendorDetails(company="Mesa", tax_id="666-12-3456"),
        )
    assert "666" in caught.value.errors["tax_id"]


def test_vendor_contacts_need_a_name_and_valid_details(world: World) -> None:
    access = world.access(Role.COORDINATOR)
    vendor = add_vendor(access=access, details=VendorDetails(company="Mesa"))
    with pytest.raises(FieldErrors) as caught:
        add_vendor_contact(
            access=access, vendor=vendor, details=VendorContactDetails(name="", phone="abc")
        )
    assert set(caught.value.errors) == {"name", "phone"}
    person = add_vendor_contact(
        access=access,
        vendor=vendor,
        details=VendorContactDetails(name="Luis Barrera", role="Owner", phone="760 555 0117"),
    )
    assert person.phone == "(760) 555-0117"
