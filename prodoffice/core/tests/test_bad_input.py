"""Nothing a user can type or send gives a 500: every page, hostile values in every field."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse

from prodoffice.core.tests.personas import World
from prodoffice.core.tests.test_permission_matrix import PRODUCTION_PAGES, _setup
from prodoffice.domain.access import Role

HOSTILE = [
    "",
    " ",
    "\x00",
    "x" * 5000,
    "99999999999999999999999999",
    "-1",
    "²",
    "2027-02-30",
    "<script>alert(1)</script>",
    "Robert'); DROP TABLE people_contact;--",
    "🎬" * 50,
    "\u202eevil",
]
FIELDS = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "address",
    "emergency_contact_phone",
    "department",
    "position",
    "cast_number",
    "character",
    "rate",
    "rate_unit",
    "start_date",
    "end_date",
    "status",
    "tax_form",
    "nda_received",
    "company",
    "categories",
    "tax_id",
    "tax_id_kind",
    "name",
    "role",
    "code",
    "title",
    "kind",
    "time_zone",
    "currency",
    "prep_start",
    "shoot_start",
    "q",
    "sort",
    "union",
    "kind",
    "paperwork",
    "revoke",
    # The stripboard's moves
    "day",
    "version",
    "after",
    "position",
    "strip",
    # Production reports and work rules
    "number",
    "person",
    "group",
    "description",
    "count",
    "device",
    "gigabytes",
    "note",
    "call",
    "pickup",
    "makeup",
    "on_set",
    "meal1_start",
    "meal1_end",
    "meal2_start",
    "meal2_end",
    "meal_start",
    "meal_end",
    "dismissed_set",
    "wrap",
    "remarks",
    "result",
    "eighths_shot",
    "setups",
    "move_to",
    "retake",
    "first_shot",
    "camera_wrap",
    "last_out",
    "script_minutes",
    "workweek_starts",
    "cast_rest_hours",
    "crew_rest_hours",
    "drop_minimum_days",
    "signatory_to",
]


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(PRODUCTION_PAGES))
def test_hostile_values_never_give_a_server_error(world: World, name: str) -> None:
    _setup(world)
    method, args, allowed = PRODUCTION_PAGES[name]
    url = reverse(name, args=args(world))
    for role in (Role.PRODUCER, Role.COORDINATOR):
        if role not in allowed:
            continue
        client = Client(raise_request_exception=False)
        client.force_login(world.user(role))
        for value in HOSTILE:
            data = dict.fromkeys(FIELDS, value)
            got = client.get(url, data) if method == "get" else None
            sent = client.post(url, data)
            for response in (got, sent):
                if response is not None:
                    assert response.status_code < 500, (url, role, value[:20])


@pytest.mark.django_db
@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_on_account_pages_never_give_a_server_error(
    world: World, value: str
) -> None:
    client = Client(raise_request_exception=False)
    client.force_login(world.user(Role.COORDINATOR))
    for name in ("home", "production_new", "api_tokens"):
        data = dict.fromkeys(FIELDS, value)
        assert client.post(reverse(name), data).status_code < 500, (name, value[:20])
    token = quote(value or "x", safe="")
    assert Client().get(f"/me/{token}/").status_code in {400, 404}


@pytest.mark.django_db
def test_an_api_caller_sending_a_nul_character_gets_json_back(world: World) -> None:
    from prodoffice.api.tests.caller import ApiCaller

    caller = ApiCaller(world.user(Role.COORDINATOR))
    response = caller.client.post(
        f"/api/v1/productions/{world.production.code}/scripts", {"title": "a\x00b"}
    )
    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]
