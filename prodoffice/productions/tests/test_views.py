from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.productions.models import Production

pytestmark = pytest.mark.django_db


def test_the_coordinator_sets_the_revision_colours_on_the_production_form(world: World) -> None:
    client = Client()
    client.force_login(world.user(Role.COORDINATOR))
    url = reverse("production_edit", args=[world.production.code])
    data = {k: v for k, v in client.get(url).context["form"].initial.items() if v is not None}
    data |= {"revision_colors": "White, Lavender,  Mint ", "kind": "feature"}
    assert client.post(url, data).status_code == 302
    world.production.refresh_from_db()
    assert world.production.revision_colors == ["White", "Lavender", "Mint"]
    assert 'value="White, Lavender, Mint"' in client.get(url).content.decode()


def test_a_new_production_form_with_bad_dates_keeps_what_was_typed(world: World) -> None:
    client = Client()
    client.force_login(world.user(Role.PRODUCER))
    response = client.post(
        reverse("production_new"),
        {
            "code": "TWO",
            "title": "Second Unit",
            "kind": "commercial",
            "time_zone": "America/New_York",
            "currency": "USD",
            "shoot_start": "2027-05-10",
            "shoot_end": "2027-05-01",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Second Unit" in html
    assert "is before shoot start" in html


def test_a_title_with_a_line_break_is_refused_beside_the_field(world: World) -> None:
    client = Client()
    client.force_login(world.user(Role.PRODUCER))
    hostile = "Night Owl\r\nBcc: x@example.com"
    fields = {"kind": "feature", "time_zone": "UTC", "currency": "USD", "title": hostile}
    edited = client.post(reverse("production_edit", args=[world.production.code]), fields)
    created = client.post(reverse("production_new"), fields | {"code": "TWO"})
    for response in (edited, created):
        assert response.status_code == 400
        assert response.context["form"].errors["title"] == [
            "One line only: this may not hold a line break."
        ]
    world.production.refresh_from_db()
    assert world.production.title == "Night Owl"
    assert not Production.objects.filter(code="TWO").exists()
