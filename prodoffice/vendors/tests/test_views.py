from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.vendors.models import Vendor
from prodoffice.vendors.services import VendorDetails, add_vendor

pytestmark = pytest.mark.django_db


def _client(world: World, role: Role) -> Client:
    client = Client()
    client.force_login(world.user(role))
    return client


def test_the_accountant_enters_a_tax_id_and_sees_it_only_masked(world: World) -> None:
    client = _client(world, Role.ACCOUNTANT)
    response = client.post(
        reverse("vendor_new", args=[world.production.code]),
        {"company": "Mesa Catering", "categories": ["catering"], "tax_id": "521-44-6789"},
        follow=True,
    )
    html = response.content.decode()
    assert "***-**-6789" in html
    assert "521-44-6789" not in html
    assert "Created vendor" in html  # the record's own history
    assert "→ catering" in html  # a list reads as words, not as Python
    assert "[&#x27;" not in html


def test_a_coordinator_sees_neither_the_tax_id_field_nor_its_mask(world: World) -> None:
    vendor = add_vendor(
        access=world.access(Role.ACCOUNTANT),
        details=VendorDetails(company="Mesa Catering", tax_id="521-44-6789"),
    )
    client = _client(world, Role.COORDINATOR)
    detail = client.get(reverse("vendor_detail", args=[world.production.code, vendor.pk]))
    assert "6789" not in detail.content.decode()
    form = client.get(reverse("vendor_edit", args=[world.production.code, vendor.pk]))
    assert 'name="tax_id"' not in form.content.decode()


def test_a_bad_vendor_form_shows_errors_on_the_fields(world: World) -> None:
    client = _client(world, Role.ACCOUNTANT)
    response = client.post(
        reverse("vendor_new", args=[world.production.code]),
        {"company": "Mesa", "email": "nope", "phone": "call us", "tax_id": "000-12-3456"},
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {"email", "phone", "tax_id"}
    assert not Vendor.objects.exists()


def test_vendors_filter_by_category_and_search(world: World) -> None:
    access = world.access(Role.COORDINATOR)
    add_vendor(
        access=access, details=VendorDetails(company="Mesa Catering", categories=["catering"])
    )
    add_vendor(
        access=access, details=VendorDetails(company="Borrego Camera", categories=["camera"])
    )
    client = _client(world, Role.PA)
    url = reverse("vendor_list", args=[world.production.code])
    catering = client.get(url, {"category": "catering"}).content.decode()
    assert "Mesa Catering" in catering
    assert "Borrego Camera" not in catering
    found = client.get(url, {"q": "borrego"}).content.decode()
    assert "Borrego Camera" in found
    assert "Mesa Catering" not in found
