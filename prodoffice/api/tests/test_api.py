"""The API as a whole: tokens, access rules on every endpoint, errors, the OpenAPI document."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from django.test import Client

from prodoffice.api.services import create_api_token, revoke_api_token
from prodoffice.api.tests.caller import BASE, ApiCaller
from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role

pytestmark = pytest.mark.django_db

Caller = Callable[[Role | str], ApiCaller]

# A body the schema accepts (the department id is checked later, by the service).
NEW_PERSON = {"first_name": "Al", "department": 0, "position": "PA"}

# Every production endpoint, with a body that would be accepted from a member who may write.
PRODUCTION_ENDPOINTS: list[tuple[str, str, dict[str, object] | None]] = [
    ("get", "/productions/NIGHTOWL", None),
    ("patch", "/productions/NIGHTOWL", {"title": "Day Owl"}),
    ("get", "/productions/NIGHTOWL/departments", None),
    ("post", "/productions/NIGHTOWL/departments", {"name": "Video Assist"}),
    ("get", "/productions/NIGHTOWL/crew", None),
    ("get", "/productions/NIGHTOWL/crew/{crew}", None),
    ("post", "/productions/NIGHTOWL/crew", NEW_PERSON),
    ("patch", "/productions/NIGHTOWL/crew/{crew}", {"position": "Best Boy Grip"}),
    ("delete", "/productions/NIGHTOWL/crew/{crew}", None),
    ("get", "/productions/NIGHTOWL/vendors", None),
    ("get", "/productions/NIGHTOWL/vendors/{vendor}", None),
    ("post", "/productions/NIGHTOWL/vendors", {"company": "Acme Rentals"}),
    ("patch", "/productions/NIGHTOWL/vendors/{vendor}", {"notes": "Closed Sundays"}),
    ("delete", "/productions/NIGHTOWL/vendors/{vendor}", None),
    ("post", "/productions/NIGHTOWL/vendors/{vendor}/contacts", {"name": "Rita Rental"}),
]


def _call(caller: ApiCaller, method: str, path: str, body: object) -> int:
    if method in ("get", "delete"):
        return int(getattr(caller, method)(path).status_code)
    return int(getattr(caller, method)(path, body).status_code)


def _fill(path: str, world: World, vendor_id: int) -> str:
    return path.format(crew=world.crew_member.pk, vendor=vendor_id)


@pytest.fixture
def vendor_id(api_as: Caller) -> int:
    made = api_as(Role.COORDINATOR).post("/productions/NIGHTOWL/vendors", {"company": "Grip Co"})
    return int(made.json()["id"])


def test_a_request_without_a_token_is_refused_with_401(world: World) -> None:
    response = Client().get(f"{BASE}/productions")
    assert response.status_code == 401
    assert "detail" in response.json()


def test_a_made_up_token_is_refused_with_401(world: World) -> None:
    client = Client(headers={"Authorization": "Bearer po_not-a-real-token"})
    assert client.get(f"{BASE}/productions/NIGHTOWL").status_code == 401


def test_a_revoked_token_is_refused_with_401(world: World) -> None:
    user = world.user(Role.COORDINATOR)
    token, plain = create_api_token(user=user, name="payroll export")
    client = Client(headers={"Authorization": f"Bearer {plain}"})
    assert client.get(f"{BASE}/productions").status_code == 200
    revoke_api_token(user=user, token_id=token.pk)
    assert client.get(f"{BASE}/productions").status_code == 401


def test_a_session_login_alone_does_not_open_the_api(world: World) -> None:
    client = Client()
    client.force_login(world.user(Role.PRODUCER))
    assert client.get(f"{BASE}/productions").status_code == 401


def test_a_member_lists_their_productions_with_their_role(api_as: Caller) -> None:
    listed = api_as(Role.ACCOUNTANT).get("/productions").json()
    assert [(p["code"], p["role"]) for p in listed] == [("NIGHTOWL", "accountant")]
    assert listed[0]["role_label"] == "Accountant"


def test_an_outsider_lists_no_productions(api_as: Caller) -> None:
    assert api_as("outsider").get("/productions").json() == []


@pytest.mark.parametrize(("method", "path", "body"), PRODUCTION_ENDPOINTS)
def test_an_outsider_gets_404_on_every_production_endpoint(
    world: World, api_as: Caller, vendor_id: int, method: str, path: str, body: object
) -> None:
    response_status = _call(api_as("outsider"), method, _fill(path, world, vendor_id), body)
    assert response_status == 404


@pytest.mark.parametrize(
    ("role", "method", "path", "body"),
    [
        (Role.CREW, "post", "/productions/NIGHTOWL/crew", NEW_PERSON),
        (Role.CREW, "patch", "/productions/NIGHTOWL/crew/{crew}", {"position": "Gaffer"}),
        (Role.ACCOUNTANT, "delete", "/productions/NIGHTOWL/crew/{crew}", None),
        (Role.CAST, "get", "/productions/NIGHTOWL/crew", None),
        (Role.PA, "patch", "/productions/NIGHTOWL", {"title": "Day Owl"}),
        (Role.ASSISTANT_COORDINATOR, "post", "/productions/NIGHTOWL/departments", {"name": "VFX"}),
        (Role.CREW, "get", "/productions/NIGHTOWL/vendors", None),
        (Role.PA, "post", "/productions/NIGHTOWL/vendors", {"company": "Acme"}),
        (Role.DEPARTMENT_HEAD, "delete", "/productions/NIGHTOWL/vendors/{vendor}", None),
    ],
)
def test_a_member_whose_role_lacks_the_capability_gets_403(
    world: World, api_as: Caller, vendor_id: int, role: Role, method: str, path: str, body: object
) -> None:
    assert _call(api_as(role), method, _fill(path, world, vendor_id), body) == 403


def test_a_403_says_which_role_is_refused(api_as: Caller) -> None:
    body = api_as(Role.CREW).post("/productions/NIGHTOWL/crew", NEW_PERSON).json()
    assert body == {"detail": "Your role on NIGHTOWL (Crew) does not allow this."}


@pytest.mark.parametrize(
    ("method", "path", "raw"),
    [
        ("post", "/productions/NIGHTOWL/crew", "{not json"),
        ("post", "/productions/NIGHTOWL/crew", "[1, 2]"),
        ("post", "/productions/NIGHTOWL/crew", '{"first_name": 7, "department": "x"}'),
        (
            "post",
            "/productions/NIGHTOWL/crew",
            '{"first_name": "A", "department": 1, '
            '"position": "PA", "rate": "lots", "start_date": "soon"}',
        ),
        (
            "post",
            "/productions/NIGHTOWL/crew",
            '{"first_name": "A\\u0000", "department": 1, "position": "PA"}',
        ),
        (
            "post",
            "/productions/NIGHTOWL/crew",
            '{"first_name": "A", "department": 1, '
            '"position": "PA", "cast_number": 99999999999999999999}',
        ),
        ("patch", "/productions/NIGHTOWL/crew/{crew}", '{"first_name": null}'),
        ("patch", "/productions/NIGHTOWL/crew/{crew}", '{"union_member": "perhaps"}'),
        ("patch", "/productions/NIGHTOWL", '{"shoot_start": "2027-02-30"}'),
        ("post", "/productions/NIGHTOWL/vendors", '{"company": "A", "categories": "camera"}'),
        ("patch", "/productions/NIGHTOWL/vendors/{vendor}", '{"tax_id_kind": "vat"}'),
        ("post", "/productions/NIGHTOWL/vendors/{vendor}/contacts", "{}"),
    ],
)
def test_malformed_bodies_are_refused_with_a_4xx_never_a_500(
    world: World, vendor_id: int, method: str, path: str, raw: str
) -> None:
    _, plain = create_api_token(user=world.user(Role.PRODUCER), name="test")
    client = Client(headers={"Authorization": f"Bearer {plain}"})
    send = getattr(client, method)
    response = send(BASE + _fill(path, world, vendor_id), raw, content_type="application/json")
    assert response.status_code in (400, 422), response.content


@pytest.mark.parametrize(
    "path",
    [
        "/productions/NIGHTOWL/crew/not-a-number",
        "/productions/NIGHTOWL/crew/99999999999999999999999",
        "/productions/NIGHTOWL/vendors/-1",
        "/productions/NIGHTOWL/crew?department=99999999999999999999999",
        "/productions/NIGHTOWL/vendors?category=spaceships",
    ],
)
def test_odd_paths_and_parameters_are_a_4xx_never_a_500(api_as: Caller, path: str) -> None:
    assert 400 <= api_as(Role.PRODUCER).get(path).status_code < 500


def test_the_openapi_document_lists_every_path_and_needs_no_token(world: World) -> None:
    response = Client().get(f"{BASE}/openapi.json")
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.1")
    assert set(document["paths"]) == {
        "/api/v1/productions",
        "/api/v1/productions/{code}",
        "/api/v1/productions/{code}/departments",
        "/api/v1/productions/{code}/crew",
        "/api/v1/productions/{code}/crew/{id}",
        "/api/v1/productions/{code}/vendors",
        "/api/v1/productions/{code}/vendors/{id}",
        "/api/v1/productions/{code}/vendors/{id}/contacts",
        "/api/v1/productions/{code}/scripts",
        "/api/v1/productions/{code}/scripts/{id}",
        "/api/v1/productions/{code}/scripts/{id}/drafts",
        "/api/v1/productions/{code}/scripts/{id}/lock",
        "/api/v1/productions/{code}/scripts/{id}/drafts/{sequence}/report",
        "/api/v1/productions/{code}/scenes/{id}/breakdown",
        "/api/v1/productions/{code}/breakdown-tags/{id}",
        "/api/v1/productions/{code}/locations",
        "/api/v1/productions/{code}/locations/{id}",
    }
    crew = document["paths"]["/api/v1/productions/{code}/crew"]
    assert set(crew) == {"get", "post"}
    assert {p["name"] for p in crew["get"]["parameters"]} >= {"q", "department", "sort"}
    assert "CrewOut" in document["components"]["schemas"]


def test_every_operation_names_its_request_and_response_schemas(world: World) -> None:
    document = json.loads(Client().get(f"{BASE}/openapi.json").content)
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            success = next(c for c in operation["responses"] if c.startswith("2"))
            if success != "204":
                content = operation["responses"][success]["content"]["application/json"]
                assert "$ref" in json.dumps(content["schema"]), (method, path)
            if path.endswith("/lock"):
                continue  # the one write that takes no body
            if method in ("post", "patch"):
                content = operation["requestBody"]["content"]
                if "multipart/form-data" in content:  # a file upload: the file and form fields
                    assert "file" in content["multipart/form-data"]["schema"]["properties"]
                    continue
                assert "$ref" in content["application/json"]["schema"], (method, path)


def test_the_docs_page_loads_its_assets_from_this_server(world: World) -> None:
    page = Client().get(f"{BASE}/docs")
    assert page.status_code == 200
    html = page.content.decode()
    assert "/static/ninja/" in html
    assert re.findall(r"https?://[^\s\"'<>]+", html) == []
