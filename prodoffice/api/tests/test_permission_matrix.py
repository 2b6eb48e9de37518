"""Every API operation, every role: allowed, 403 or 404, by the same rules as the pages.

The expected roles are written here from DESIGN.md and the foundation issue, independently of
`prodoffice.domain.access`; an operation added to the API without a row fails the first test.
"""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client

from prodoffice.api.tests.caller import BASE, ApiCaller
from prodoffice.core.tests.permission_table import (
    ALL,
    LOCATION_EDITORS,
    OFFICE,
    PRODUCER_COORDINATOR,
    VENDOR_EDITORS,
    VENDOR_READERS,
)
from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.locations.services import LocationDetails
from prodoffice.locations.services import add_location as add_a_location
from prodoffice.scripts.models import SceneElement
from prodoffice.scripts.services import import_script
from prodoffice.vendors.services import VendorDetails, add_vendor

pytestmark = pytest.mark.django_db

NOT_CAST = ALL - {Role.CAST}
# A row with this body posts SCRIPT as a multipart file upload instead of JSON.
UPLOAD: dict[str, object] = {"file": "small.fountain"}
SCRIPT = b"INT. MOTEL ROOM - NIGHT\n\nJUNE sits on the bed. A REVOLVER on the nightstand.\n\n"
SCRIPT += b"JUNE\nNot tonight.\n"

# (method, OpenAPI path): (body for a member allowed to write, roles allowed)
OPERATIONS: dict[tuple[str, str], tuple[dict[str, object] | None, set[Role]]] = {
    ("get", "/productions/{code}"): (None, ALL),
    ("patch", "/productions/{code}"): ({"title": "Day Owl"}, PRODUCER_COORDINATOR),
    ("get", "/productions/{code}/departments"): (None, ALL),
    ("post", "/productions/{code}/departments"): ({"name": "Video Assist"}, PRODUCER_COORDINATOR),
    ("get", "/productions/{code}/crew"): (None, NOT_CAST),
    ("post", "/productions/{code}/crew"): (
        {"first_name": "Al", "department": "{grip}", "position": "PA"},
        OFFICE,
    ),
    ("get", "/productions/{code}/crew/{id}"): (None, NOT_CAST),
    ("patch", "/productions/{code}/crew/{id}"): ({"position": "Best Boy"}, OFFICE),
    ("delete", "/productions/{code}/crew/{id}"): (None, OFFICE),
    ("get", "/productions/{code}/vendors"): (None, VENDOR_READERS),
    ("post", "/productions/{code}/vendors"): ({"company": "Acme Rentals"}, VENDOR_EDITORS),
    ("get", "/productions/{code}/vendors/{id}"): (None, VENDOR_READERS),
    ("patch", "/productions/{code}/vendors/{id}"): ({"notes": "Shut Sun"}, VENDOR_EDITORS),
    ("delete", "/productions/{code}/vendors/{id}"): (None, VENDOR_EDITORS),
    ("post", "/productions/{code}/vendors/{id}/contacts"): (
        {"name": "Rita"},
        VENDOR_EDITORS,
    ),
    ("get", "/productions/{code}/scripts"): (None, ALL),
    ("post", "/productions/{code}/scripts"): (UPLOAD, OFFICE),
    ("get", "/productions/{code}/scripts/{id}"): (None, ALL),
    ("post", "/productions/{code}/scripts/{id}/drafts"): (UPLOAD, OFFICE),
    ("post", "/productions/{code}/scripts/{id}/lock"): ({}, OFFICE),
    ("get", "/productions/{code}/scripts/{id}/drafts/{sequence}/report"): (None, ALL),
    ("get", "/productions/{code}/scenes/{id}/breakdown"): (None, ALL),
    ("post", "/productions/{code}/scenes/{id}/breakdown"): (
        {"category": "props", "name": "Thermos"},
        OFFICE,
    ),
    ("patch", "/productions/{code}/breakdown-tags/{id}"): ({"state": "accepted"}, OFFICE),
    # Every member reads the locations; the office and PAs keep them.
    ("get", "/productions/{code}/locations"): (None, ALL),
    ("post", "/productions/{code}/locations"): ({"name": "Gas Station"}, LOCATION_EDITORS),
    ("get", "/productions/{code}/locations/{id}"): (None, ALL),
    ("patch", "/productions/{code}/locations/{id}"): ({"parking": "Lot B"}, LOCATION_EDITORS),
    ("delete", "/productions/{code}/locations/{id}"): (None, LOCATION_EDITORS),
}
ACCOUNT_OPERATIONS = {("get", "/productions")}


def _operations_in_the_document() -> set[tuple[str, str]]:
    document = json.loads(Client().get(f"{BASE}/openapi.json").content)
    found = set()
    for path, item in document["paths"].items():
        for method in item:
            found.add((method, path.removeprefix("/api/v1")))
    return found


def test_every_api_operation_is_in_the_matrix() -> None:
    assert _operations_in_the_document() == set(OPERATIONS) | ACCOUNT_OPERATIONS


def _call(caller: ApiCaller, method: str, path: str, body: object) -> int:
    if body == UPLOAD:
        upload = SimpleUploadedFile("small.fountain", SCRIPT)
        return int(caller.client.post(BASE + path, {"file": upload}).status_code)
    if body is None:
        return int(getattr(caller, method)(path).status_code)
    return int(getattr(caller, method)(path, body).status_code)


@pytest.mark.parametrize(("method", "path"), sorted(OPERATIONS))
def test_each_api_operation_answers_each_role_as_the_rules_say(
    world: World, method: str, path: str
) -> None:
    vendor = add_vendor(access=world.access(Role.PRODUCER), details=VendorDetails(company="Mesa"))
    draft = import_script(access=world.access(Role.PRODUCER), filename="s.fountain", data=SCRIPT)
    location = add_a_location(access=world.access(Role.PRODUCER), details=LocationDetails("Motel"))
    body_template, allowed = OPERATIONS[(method, path)]
    record_ids = {
        "/vendors/": vendor.pk,
        "/locations/": location.pk,
        "/scripts/": draft.script_id,
        "/scenes/": draft.scenes.get().pk,
        "/breakdown-tags/": SceneElement.objects.filter(scene__revision=draft).first().pk,
    }
    record_id = next((pk for part, pk in record_ids.items() if part in path), world.crew_member.pk)
    url = path.format(code=world.production.code, id=record_id, sequence=draft.sequence)
    body = (
        json.loads(json.dumps(body_template).replace('"{grip}"', str(world.department("Grip").pk)))
        if body_template is not None
        else None
    )
    seen: dict[str, object] = {}
    for who in [*Role, "outsider"]:
        caller = ApiCaller(world.users[str(who)])
        with transaction.atomic():  # each role meets the same world: roll back their writes
            status = _call(caller, method, url, body)
            transaction.set_rollback(True)
        seen[str(who)] = "ok" if status in {200, 201, 204} else status
    expected = {str(r): ("ok" if r in allowed else 403) for r in Role} | {"outsider": 404}
    assert seen == expected, f"{method.upper()} {url}"
