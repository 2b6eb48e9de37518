"""Tax IDs and start paperwork stay with those who may see them, on every page that touches them.

Beside the permission matrix: a role may open the vendor edit page, its history or the crew
list, and still must not learn a tax ID (or its kind) or who owes paperwork from them. Tax IDs:
producer/UPM and accountant only (DESIGN.md); paperwork: the office and the accountant.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from prodoffice.api.tests.caller import ApiCaller
from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.people.models import Engagement
from prodoffice.vendors.models import Vendor
from prodoffice.vendors.services import VendorDetails, add_vendor, update_vendor

pytestmark = pytest.mark.django_db

MAY_NOT_SEE_TAX_IDS = [Role.COORDINATOR, Role.ASSISTANT_COORDINATOR]  # they edit vendors
MAY_NOT_SEE_PAPERWORK = [Role.PA, Role.DEPARTMENT_HEAD, Role.CREW]


def _client(world: World, role: Role) -> Client:
    client = Client()
    client.force_login(world.user(role))
    return client


def _vendor_with_an_ein(world: World) -> Vendor:
    access = world.access(Role.ACCOUNTANT)
    vendor = add_vendor(access=access, details=VendorDetails(company="Mesa Catering"))
    details = VendorDetails(company="Mesa Catering", tax_id="52-1446789")
    return update_vendor(access=access, vendor=vendor, details=details)


@pytest.mark.parametrize("role", MAY_NOT_SEE_TAX_IDS)
def test_the_vendor_edit_page_shows_no_tax_id_to_roles_that_may_not_see_it(
    world: World, role: Role
) -> None:
    vendor = _vendor_with_an_ein(world)
    html = _client(world, role).get(reverse("vendor_edit", args=[world.production.code, vendor.pk]))
    text = html.content.decode()
    assert "6789" not in text
    assert "Tax ID" not in text
    assert 'name="tax_id' not in text


def test_the_accountant_still_sees_the_masked_tax_id_on_the_edit_page(world: World) -> None:
    vendor = _vendor_with_an_ein(world)
    page = _client(world, Role.ACCOUNTANT).get(
        reverse("vendor_edit", args=[world.production.code, vendor.pk])
    )
    assert "Tax ID on file: **-***6789" in page.content.decode()


def test_a_coordinator_saving_the_vendor_form_keeps_the_tax_id_on_file(world: World) -> None:
    vendor = _vendor_with_an_ein(world)
    client = _client(world, Role.COORDINATOR)
    url = reverse("vendor_edit", args=[world.production.code, vendor.pk])
    sent = {"company": "Mesa Catering Co", "tax_id": "", "clear_tax_id": "on", "tax_id_kind": ""}
    assert client.post(url, sent).status_code == 302
    vendor.refresh_from_db()
    assert vendor.company == "Mesa Catering Co"
    assert vendor.tax_id_masked == "**-***6789"


@pytest.mark.parametrize("role", MAY_NOT_SEE_TAX_IDS)
def test_the_vendor_history_tells_nothing_of_the_tax_id_to_roles_that_may_not_see_it(
    world: World, role: Role
) -> None:
    vendor = _vendor_with_an_ein(world)
    client = _client(world, role)
    code = world.production.code
    for url in (
        reverse("vendor_detail", args=[code, vendor.pk]),
        reverse("production_history", args=[code]),
    ):
        html = client.get(url).content.decode()
        assert "Mesa Catering" in html  # the vendor's own creation is still there
        assert "EIN" not in html
        assert "Tax ID" not in html
        assert "(hidden)" not in html


def test_the_accountant_reads_the_tax_id_changes_in_the_history(world: World) -> None:
    vendor = _vendor_with_an_ein(world)
    client = _client(world, Role.ACCOUNTANT)
    html = client.get(reverse("vendor_detail", args=[world.production.code, vendor.pk]))
    assert "Tax ID type:</span> → EIN" in html.content.decode()


def _gus_has_done_his_paperwork(world: World) -> None:
    day = date(2027, 2, 1)
    Engagement.objects.filter(pk=world.crew_member.pk).update(
        deal_memo_received=day, tax_form_received=day, nda_received=day
    )


@pytest.mark.parametrize("role", MAY_NOT_SEE_PAPERWORK)
def test_the_paperwork_filter_tells_nothing_to_roles_that_may_not_see_paperwork(
    world: World, role: Role
) -> None:
    _gus_has_done_his_paperwork(world)
    code = world.production.code
    page = _client(world, role).get(reverse("crew_list", args=[code]), {"paperwork": "missing"})
    assert "Gus Grip" in page.content.decode()
    api = ApiCaller(world.user(role)).get(f"/productions/{code}/crew", {"paperwork": "missing"})
    assert "Gus" in {row["first_name"] for row in api.json()}
    export = _client(world, role).get(
        reverse("crew_export", args=[code, "csv"]), {"paperwork": "missing"}
    )
    assert "Gus" in export.content.decode()


def test_the_office_still_filters_on_missing_paperwork(world: World) -> None:
    _gus_has_done_his_paperwork(world)
    code = world.production.code
    page = _client(world, Role.COORDINATOR).get(
        reverse("crew_list", args=[code]), {"paperwork": "missing"}
    )
    assert "Gus Grip" not in page.content.decode()
    assert "Ava Lead" in page.content.decode()
