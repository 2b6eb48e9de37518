"""Whatever goes wrong under /api/, the caller gets JSON with a message, never an HTML page."""

from __future__ import annotations

import sqlite3

import pytest
from django.db import connection
from django.test import Client

from prodoffice.api.tests.caller import BASE, ApiCaller
from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.vendors.models import Vendor

pytestmark = pytest.mark.django_db


def _detail(response: object) -> str:
    assert response["Content-Type"].startswith("application/json")  # type: ignore[index]
    return str(response.json()["detail"])  # type: ignore[attr-defined]


def test_an_address_under_the_api_that_matches_nothing_is_a_json_404(world: World) -> None:
    caller = ApiCaller(world.user(Role.COORDINATOR))
    for path in (
        "/api/v1/nothing",
        "/api/nothing",
        "/api/v2/productions",
        BASE + "/productions/NOPE",
    ):
        response = caller.client.get(path)
        assert response.status_code == 404, path
        assert "Not found" in _detail(response), path


def test_a_method_an_endpoint_does_not_take_is_a_json_405(world: World) -> None:
    caller = ApiCaller(world.user(Role.PRODUCER))
    response = caller.delete(f"/productions/{world.production.code}")
    assert response.status_code == 405
    assert _detail(response).startswith("This address does not take DELETE; it takes ")
    assert set(response["Allow"].split(", ")) == {"GET", "PATCH"}


@pytest.mark.urls("prodoffice.api.tests.broken_urls")
def test_a_server_error_under_the_api_is_json() -> None:
    response = Client(raise_request_exception=False).get("/api/v1/broken")
    assert response.status_code == 500
    assert "Something went wrong on our side" in _detail(response)


@pytest.mark.urls("prodoffice.api.tests.broken_urls")
def test_a_failed_csrf_check_under_the_api_is_json() -> None:
    response = Client(enforce_csrf_checks=True).post("/api/v1/guarded", {"title": "x"})
    assert response.status_code == 403
    assert "not allowed" in _detail(response)


@pytest.mark.django_db(transaction=True)
def test_a_write_while_another_holds_the_database_is_a_json_503(world: World) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("'database is locked' is SQLite's: PostgreSQL waits for row locks instead")
    caller = ApiCaller(world.user(Role.COORDINATOR))
    # A second connection to the same test database takes the write lock, as a long import does.
    name = connection.settings_dict["NAME"]
    other = sqlite3.connect(name, uri=str(name).startswith("file:"), timeout=0)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE vendors_vendor SET notes = notes")
        response = caller.post(f"/productions/{world.production.code}/vendors", {"company": "Arri"})
    finally:
        other.rollback()
        other.close()
    assert response.status_code == 503
    assert "busy" in _detail(response)
    assert response["Retry-After"] == "2"
    assert not Vendor.objects.filter(company="Arri").exists()
