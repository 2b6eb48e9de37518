"""Nothing a user can type or send gives a 500: every page, hostile values in every field."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, get_args, get_origin
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse
from pydantic import BaseModel

from prodoffice.api.api import api
from prodoffice.api.schemas import refuse_unstorable
from prodoffice.api.tests.caller import BASE, ApiCaller
from prodoffice.core.tests.personas import World
from prodoffice.core.tests.test_permission_matrix import PRODUCTION_PAGES, _setup
from prodoffice.domain.access import Role
from prodoffice.locations.models import Location
from prodoffice.people.models import Contact
from prodoffice.scripts.models import Scene, SceneElement
from prodoffice.vendors.models import Vendor

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
    client.force_login(world.user(Role.PRODUCER))  # a producer may start productions
    for name in ("home", "production_new", "api_tokens"):
        data = dict.fromkeys(FIELDS, value)
        assert client.post(reverse(name), data).status_code < 500, (name, value[:20])
    token = quote(value or "x", safe="")
    assert Client().get(f"/me/{token}/").status_code in {400, 404}


@pytest.mark.django_db
def test_an_api_caller_sending_a_nul_character_gets_json_back(world: World) -> None:
    caller = ApiCaller(world.user(Role.COORDINATOR))
    response = caller.client.post(
        f"/api/v1/productions/{world.production.code}/scripts", {"title": "a\x00b"}
    )
    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]


def _surrogate_bodies(world: World) -> list[tuple[str, dict[str, object], str]]:
    """(path, body, the field holding a lone surrogate) for the crew, a vendor, a breakdown.
    json.dumps writes a lone surrogate as the escape "\\ud800", as a script would send it."""
    code = world.production.code
    grip = world.department("Grip").pk
    scene = Scene.objects.filter(revision__script__production=world.production)[0].pk
    crew = {"first_name": "Gus\ud800", "position": "Grip", "department": grip}
    tag = {"category": "props", "name": "Thermos \ud800"}
    return [
        (f"/productions/{code}/crew", crew, "first_name"),
        (f"/productions/{code}/vendors", {"company": "\udfffPanavision"}, "company"),
        (f"/productions/{code}/scenes/{scene}/breakdown", tag, "name"),
    ]


@pytest.mark.django_db
def test_a_lone_surrogate_in_json_is_refused_naming_its_field(world: World) -> None:
    _setup(world)
    caller = ApiCaller(world.user(Role.PRODUCER))
    caller.client.raise_request_exception = False
    for path, body, field in _surrogate_bodies(world):
        before = _row_counts()
        response = caller.post(path, body)
        assert response.status_code == 422, (path, response.content[:200])
        assert "surrogate" in response.json()["errors"][field]
        assert _row_counts() == before
    response = caller.patch(f"/productions/{world.production.code}", {"title": "Night \ud800 Owl"})
    assert response.status_code == 422
    assert "surrogate" in response.json()["errors"]["title"]
    world.production.refresh_from_db()
    assert world.production.title == "Night Owl"


def _row_counts() -> tuple[int, int, int]:
    return Contact.objects.count(), Vendor.objects.count(), SceneElement.objects.count()


@pytest.mark.django_db
def test_a_percent_encoded_lone_surrogate_in_a_form_arrives_as_a_replacement_character(
    world: World,
) -> None:
    # The UTF-8 bytes of a lone surrogate (ED A0 80) are not UTF-8: Django decodes a form with
    # errors="replace", so a form post cannot carry one to the database.
    client = Client()
    client.force_login(world.user(Role.COORDINATOR))
    url = reverse("production_edit", args=[world.production.code])
    body = "title=Night%ED%A0%80Owl&kind=feature&time_zone=UTC&currency=USD"
    response = client.post(url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 302
    world.production.refresh_from_db()
    assert world.production.title == "Night\ufffd\ufffd\ufffdOwl"


def _patch_paths(world: World) -> dict[str, str]:
    """Every PATCH endpoint of the API, by its route, with a real row of the world to change."""
    code = world.production.code
    tag = SceneElement.objects.filter(scene__revision__script__production=world.production)[0]
    location = Location.objects.filter(production=world.production)[0]
    vendor = Vendor.objects.filter(production=world.production)[0]
    return {
        "/productions/{code}": f"/productions/{code}",
        "/productions/{code}/crew/{id}": f"/productions/{code}/crew/{world.crew_member.pk}",
        "/productions/{code}/vendors/{id}": f"/productions/{code}/vendors/{vendor.pk}",
        "/productions/{code}/breakdown-tags/{id}": f"/productions/{code}/breakdown-tags/{tag.pk}",
        "/productions/{code}/locations/{id}": f"/productions/{code}/locations/{location.pk}",
    }


@pytest.mark.django_db
def test_every_patch_endpoint_refuses_a_body_that_is_not_an_object(world: World) -> None:
    _setup(world)
    routes = {
        prefix + route
        for prefix, router in api._routers
        for route, view in router.path_operations.items()
        if any("PATCH" in operation.methods for operation in view.operations)
    }
    paths = _patch_paths(world)
    assert routes == set(paths), "a new PATCH endpoint: add it to _patch_paths"
    caller = ApiCaller(world.user(Role.PRODUCER))
    for path in paths.values():
        for raw in ("[null, null]", "3", '"x"', "null", "[]"):
            response = caller.client.patch(BASE + path, raw, content_type="application/json")
            assert response.status_code == 422, (path, raw, response.content[:200])
            assert "must be a JSON object" in response.json()["errors"]["request"]


@pytest.mark.django_db
def test_a_line_break_in_a_one_line_field_is_refused_through_the_api(world: World) -> None:
    caller = ApiCaller(world.user(Role.PRODUCER))
    code = world.production.code
    hostile = "Night Owl\r\nBcc: x@example.com"
    title = caller.patch(f"/productions/{code}", {"title": hostile})
    grip = world.department("Grip").pk
    person = {"first_name": "Zed\nBcc: x", "position": "Grip", "department": grip}
    name = caller.post(f"/productions/{code}/crew", person)
    for response, field in ((title, "title"), (name, "first_name")):
        assert response.status_code == 422
        assert response.json()["errors"][field] == "One line only: this may not hold a line break."
    world.production.refresh_from_db()
    assert world.production.title == "Night Owl"
    assert not Contact.objects.filter(first_name__startswith="Zed").exists()


def _unchecked_text(annotation: object, metadata: Sequence[object] = ()) -> list[str]:
    """Where `annotation` takes text without the `Text` check, as dotted field names."""
    if annotation is str:
        checked = any(getattr(m, "func", None) is refuse_unstorable for m in metadata)
        return [] if checked else [""]
    if get_origin(annotation) is Annotated:
        base, *extra = get_args(annotation)
        return _unchecked_text(base, extra)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [
            f"{name}.{inner}".rstrip(".")
            for name, field in annotation.model_fields.items()
            for inner in _unchecked_text(field.annotation, field.metadata)
        ]
    return [found for arg in get_args(annotation) for found in _unchecked_text(arg)]


def test_every_text_a_json_body_carries_is_checked_for_nul_and_lone_surrogates() -> None:
    # A plain `str` field would let "\ud800" through to the database, a 500 on both. (Query
    # strings and forms cannot carry one: their bytes are decoded with U+FFFD for bad UTF-8.)
    unchecked = [
        f"{' '.join(operation.methods)} {prefix}{route} {field}"
        for prefix, router in api._routers
        for route, view in router.path_operations.items()
        for operation in view.operations
        for model in operation.models
        if model.__name__ == "BodyParams"
        for field in _unchecked_text(model)
    ]
    assert unchecked == []
