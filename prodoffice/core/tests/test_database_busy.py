"""A page whose write finds the database held by another writer says so and asks for a retry."""

from __future__ import annotations

import sqlite3

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.vendors.models import Vendor


@pytest.mark.django_db(transaction=True)
def test_a_page_write_while_another_holds_the_database_asks_to_send_it_again(
    world: World,
) -> None:
    if connection.vendor != "sqlite":
        pytest.skip("'database is locked' is SQLite's: PostgreSQL waits for row locks instead")
    client = Client(raise_request_exception=False)
    client.force_login(world.user(Role.COORDINATOR))
    url = reverse("vendor_new", args=[world.production.code])
    # A second connection takes the write lock, as a long import elsewhere would.
    name = connection.settings_dict["NAME"]
    other = sqlite3.connect(name, uri=str(name).startswith("file:"), timeout=0)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE vendors_vendor SET notes = notes")
        response = client.post(url, {"company": "Arri Rental", "category": "camera"})
    finally:
        other.rollback()
        other.close()
    assert response.status_code == 503
    assert response["Retry-After"] == "2"
    assert "busy or unavailable just now" in response.content.decode()
    assert not Vendor.objects.filter(company="Arri Rental").exists()
    # Sent again once the other writer is done, it is saved.
    assert client.post(url, {"company": "Arri Rental", "category": "camera"}).status_code == 302
