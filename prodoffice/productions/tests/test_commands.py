"""The operator's production commands: `new-production` (a DESIGN.md contract) and
`appoint-producer`."""

from __future__ import annotations

import re
from datetime import date
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from prodoffice.domain.access import Role
from prodoffice.productions.models import Membership, Production

pytestmark = pytest.mark.django_db


def test_new_production_makes_an_empty_production_with_the_documented_arguments_only() -> None:
    out = StringIO()
    call_command(
        "new_production",
        "books",
        title="The Books",
        currency="EUR",
        time_zone="Europe/Paris",
        start="2027-03-01",
        stdout=out,
    )
    production = Production.objects.get(code="BOOKS")
    assert (production.title, production.currency, production.time_zone) == (
        "The Books",
        "EUR",
        "Europe/Paris",
    )
    assert production.shoot_start == date(2027, 3, 1)
    assert not production.memberships.exists()
    assert "appoint-producer BOOKS" in out.getvalue()


def test_a_start_that_is_not_a_date_is_refused_and_nothing_is_made() -> None:
    with pytest.raises(CommandError, match="not a date"):
        call_command("new_production", "BOOKS", title="The Books", start="1 March")
    assert not Production.objects.exists()


def test_a_title_or_producer_with_a_line_break_is_refused_and_nothing_is_made() -> None:
    with pytest.raises(CommandError, match="title: One line only"):
        call_command("new_production", "BOOKS", title="The Books\r\nBcc: x@example.com")
    with pytest.raises(CommandError, match="e-mail address"):
        call_command("new_production", "BOOKS", title="The Books", producer="p@x.com\nBcc: y")
    with pytest.raises(CommandError, match="name may not hold a line break"):
        call_command("new_production", "BOOKS", title="Books", producer="p@x.com", name="P\rQ")
    assert not Production.objects.exists()
    assert not get_user_model().objects.filter(email="p@x.com").exists()


def test_the_operator_appoints_the_producer_who_then_logs_in_and_runs_the_team() -> None:
    call_command("new_production", "BOOKS", title="The Books")
    out = StringIO()
    call_command("appoint_producer", "books", "Pat@Example.com", name="Pat Maker", stdout=out)
    membership = Membership.objects.get(production__code="BOOKS")
    assert membership.role == Role.PRODUCER
    password = re.search(r"first password is (\S+):", out.getvalue())
    assert password
    client = Client()
    assert client.login(username="pat@example.com", password=password.group(1))
    assert client.get(reverse("member_list", args=["BOOKS"])).status_code == 200
    with pytest.raises(CommandError, match="no production with code NOPE"):
        call_command("appoint_producer", "nope", "pat@example.com")
