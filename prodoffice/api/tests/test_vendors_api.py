"""Vendors through the API: tax IDs stay masked and with the money roles; contacts; edits."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django import DjangoAssertNumQueries

from prodoffice.api.tests.caller import ApiCaller
from prodoffice.core.tests.personas import World, make_world
from prodoffice.domain.access import Role
from prodoffice.vendors.models import Vendor, VendorContact
from prodoffice.vendors.services import (
    VendorContactDetails,
    VendorDetails,
    add_vendor,
    add_vendor_contact,
)

pytestmark = pytest.mark.django_db

Caller = Callable[[Role | str], ApiCaller]
VENDORS = "/productions/NIGHTOWL/vendors"
SSN = "123-45-6789"
VENDOR_READERS = [
    Role.PRODUCER,
    Role.ACCOUNTANT,
    Role.COORDINATOR,
    Role.ASSISTANT_COORDINATOR,
    Role.PA,
    Role.DEPARTMENT_HEAD,
]


@pytest.fixture
def panavision(api_as: Caller) -> dict[str, object]:
    body = {
        "company": "Panavision Hollywood",
        "categories": ["camera", "rentals"],
        "email": "Rentals@Panavision.example",
        "phone": "323-555-0100",
        "tax_id": SSN,
    }
    response = api_as(Role.ACCOUNTANT).post(VENDORS, body)
    assert response.status_code == 201, response.content
    return dict(response.json())


def _leaks(text: str) -> bool:
    return SSN in text or SSN.replace("-", "") in text


def test_the_accountant_adds_a_vendor_and_sees_the_tax_id_masked(
    panavision: dict[str, object],
) -> None:
    assert panavision["tax_id_masked"] == "***-**-6789"
    assert panavision["email"] == "rentals@panavision.example"
    assert panavision["categories"] == ["camera", "rentals"]
    assert panavision["contacts"] == []
    assert "tax_id" not in panavision
    assert not _leaks(Vendor.objects.get().tax_id_encrypted)


@pytest.mark.parametrize("role", VENDOR_READERS)
def test_no_response_ever_holds_the_plain_tax_id_and_only_money_roles_see_it_masked(
    api_as: Caller, panavision: dict[str, object], role: Role
) -> None:
    caller = api_as(role)
    listed = caller.get(VENDORS)
    detail = caller.get(f"{VENDORS}/{panavision['id']}")
    for response in (listed, detail):
        assert response.status_code == 200
        assert not _leaks(response.content.decode())
    masked = "***-**-6789" if role in (Role.PRODUCER, Role.ACCOUNTANT) else None
    assert listed.json()[0]["tax_id_masked"] == masked
    assert detail.json()["tax_id_masked"] == masked
    if masked is None:
        assert "6789" not in listed.content.decode() + detail.content.decode()


def test_a_vendor_write_answers_without_the_plain_tax_id(
    api_as: Caller, panavision: dict[str, object]
) -> None:
    path = f"{VENDORS}/{panavision['id']}"
    changed = api_as(Role.PRODUCER).patch(path, {"tax_id": "12-3456789", "tax_id_kind": "ein"})
    assert changed.json()["tax_id_masked"] == "**-***6789"
    assert "3456789" not in changed.content.decode()


def test_a_coordinator_may_not_enter_a_tax_id_and_nothing_is_saved(api_as: Caller) -> None:
    response = api_as(Role.COORDINATOR).post(VENDORS, {"company": "Acme", "tax_id": SSN})
    assert response.status_code == 422
    assert "tax_id" in response.json()["errors"]
    assert not Vendor.objects.exists()


def test_a_coordinators_edit_keeps_the_tax_id_on_file(
    api_as: Caller, panavision: dict[str, object]
) -> None:
    path = f"{VENDORS}/{panavision['id']}"
    response = api_as(Role.COORDINATOR).patch(path, {"notes": "Closed Sundays"})
    assert response.status_code == 200
    assert response.json()["tax_id_masked"] is None  # not theirs to see ...
    vendor = Vendor.objects.get()
    assert (vendor.notes, vendor.tax_id_last4) == ("Closed Sundays", "6789")  # ... but kept
    assert vendor.categories == ["camera", "rentals"]


def test_an_empty_tax_id_from_the_accountant_removes_the_one_on_file(
    api_as: Caller, panavision: dict[str, object]
) -> None:
    path = f"{VENDORS}/{panavision['id']}"
    assert api_as(Role.ACCOUNTANT).patch(path, {"tax_id": ""}).json()["tax_id_masked"] is None
    assert Vendor.objects.get().tax_id_encrypted == ""


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"company": "  "}, "company"),
        ({"company": "panavision hollywood"}, "company"),
        ({"company": "Acme", "categories": ["spaceships"]}, "categories"),
        ({"company": "Acme", "email": "not-an-address"}, "email"),
        ({"company": "Acme", "tax_id": "12345"}, "tax_id"),
    ],
)
def test_a_refused_vendor_names_the_field_and_saves_nothing(
    api_as: Caller, panavision: dict[str, object], body: dict[str, object], field: str
) -> None:
    response = api_as(Role.PRODUCER).post(VENDORS, body)
    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert Vendor.objects.count() == 1


def test_the_vendor_list_filters_by_words_and_category(
    api_as: Caller, panavision: dict[str, object]
) -> None:
    coordinator = api_as(Role.COORDINATOR)
    coordinator.post(VENDORS, {"company": "Craft Kings", "categories": ["craft_service"]})
    found = coordinator.get(VENDORS, {"category": "camera"}).json()
    assert [v["company"] for v in found] == ["Panavision Hollywood"]
    assert [v["company"] for v in coordinator.get(VENDORS, {"q": "kings"}).json()] == [
        "Craft Kings"
    ]
    assert coordinator.get(VENDORS, {"category": "spaceships"}).status_code == 422


def test_a_contact_is_added_to_a_vendor_and_listed_with_it(
    api_as: Caller, panavision: dict[str, object]
) -> None:
    path = f"{VENDORS}/{panavision['id']}"
    body = {"name": "Rita Rental", "role": "Rental agent", "phone": "3235550111"}
    made = api_as(Role.COORDINATOR).post(f"{path}/contacts", body)
    assert made.status_code == 201
    assert made.json()["phone"] == "(323) 555-0111"
    contacts = api_as(Role.PA).get(path).json()["contacts"]
    assert [(c["name"], c["role"]) for c in contacts] == [("Rita Rental", "Rental agent")]


def test_a_contact_with_a_bad_email_is_refused_and_not_saved(
    api_as: Caller, panavision: dict[str, object]
) -> None:
    path = f"{VENDORS}/{panavision['id']}/contacts"
    response = api_as(Role.COORDINATOR).post(path, {"name": "Rita", "email": "rita@"})
    assert response.status_code == 422
    assert "email" in response.json()["errors"]
    assert not VendorContact.objects.exists()


def test_a_vendor_is_deleted_with_its_contacts(
    api_as: Caller, panavision: dict[str, object]
) -> None:
    path = f"{VENDORS}/{panavision['id']}"
    api_as(Role.COORDINATOR).post(f"{path}/contacts", {"name": "Rita Rental"})
    assert api_as(Role.COORDINATOR).delete(path).status_code == 204
    assert not Vendor.objects.exists() and not VendorContact.objects.exists()
    assert api_as(Role.COORDINATOR).get(path).status_code == 404


def test_a_vendor_of_another_production_is_not_found(world: World, api_as: Caller) -> None:
    other = make_world("DAYHAWK")
    theirs = ApiCaller(other.user(Role.PRODUCER)).post(
        "/productions/DAYHAWK/vendors", {"company": "Hawk Rentals"}
    )
    path = f"{VENDORS}/{theirs.json()['id']}"
    assert api_as(Role.PRODUCER).get(path).status_code == 404
    assert api_as(Role.PRODUCER).patch(path, {"notes": "mine now"}).status_code == 404
    assert api_as(Role.PRODUCER).post(f"{path}/contacts", {"name": "Spy"}).status_code == 404


def _add_vendors(world: World, names: list[str]) -> None:
    access = world.access(Role.PRODUCER)
    for name in names:
        vendor = add_vendor(access=access, details=VendorDetails(company=name, tax_id=SSN))
        details = VendorContactDetails(name=f"Agent at {name}")
        add_vendor_contact(access=access, vendor=vendor, details=details)


def test_the_vendor_list_costs_the_same_queries_for_2_vendors_as_for_12(
    world: World, api_as: Caller, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    accountant = api_as(Role.ACCOUNTANT)
    accountant.get(VENDORS)  # the first call with a token notes when it was used
    _add_vendors(world, ["Vendor A", "Vendor B"])
    with CaptureQueriesContext(connection) as two:
        assert len(accountant.get(VENDORS).json()) == 2
    _add_vendors(world, [f"Vendor {n}" for n in range(10)])
    with django_assert_num_queries(len(two)):
        assert len(accountant.get(VENDORS).json()) == 12
