"""Productions and departments through the API."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from prodoffice.api.tests.caller import ApiCaller
from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.productions.models import Department, Production

pytestmark = pytest.mark.django_db

Caller = Callable[[Role | str], ApiCaller]
NIGHTOWL = "/productions/NIGHTOWL"


def test_a_member_reads_the_production_with_their_role(api_as: Caller) -> None:
    production = api_as(Role.CAST).get(NIGHTOWL).json()
    assert production["title"] == "Night Owl"
    assert production["shoot_start"] == "2027-03-01"
    assert (production["role"], production["role_label"]) == ("cast", "Cast")


def test_the_code_is_read_in_any_case(api_as: Caller) -> None:
    assert api_as(Role.PA).get("/productions/nightowl").json()["code"] == "NIGHTOWL"


def test_a_coordinator_changes_only_the_details_sent(api_as: Caller) -> None:
    response = api_as(Role.COORDINATOR).patch(NIGHTOWL, {"wrap_end": "2027-04-30"})
    assert response.status_code == 200
    assert response.json()["role"] == "coordinator"
    production = Production.objects.get()
    assert production.wrap_end == date(2027, 4, 30)
    assert (production.title, production.shoot_start) == ("Night Owl", date(2027, 3, 1))


def test_a_shoot_that_ends_before_it_starts_is_refused_with_the_field_named(
    api_as: Caller,
) -> None:
    response = api_as(Role.PRODUCER).patch(NIGHTOWL, {"shoot_end": "2027-02-01"})
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"shoot_end"}
    assert Production.objects.get().shoot_end == date(2027, 4, 9)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": ""}, "title"),
        ({"kind": "opera"}, "kind"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"currency": "dollars"}, "currency"),
    ],
)
def test_bad_production_details_are_refused_with_the_field_named(
    api_as: Caller, body: dict[str, object], field: str
) -> None:
    response = api_as(Role.PRODUCER).patch(NIGHTOWL, body)
    assert response.status_code == 422
    assert field in response.json()["errors"]
    assert Production.objects.get().title == "Night Owl"


def test_departments_come_in_call_sheet_order_with_head_counts(api_as: Caller) -> None:
    departments = api_as(Role.ASSISTANT_COORDINATOR).get(f"{NIGHTOWL}/departments").json()
    names = [d["name"] for d in departments]
    assert names.index("Cast") < names.index("Grip")
    people = {d["name"]: d["people"] for d in departments}
    assert (people["Grip"], people["Cast"], people["Sound"]) == (1, 1, 0)


def test_a_coordinator_adds_a_department_at_the_end(world: World, api_as: Caller) -> None:
    response = api_as(Role.COORDINATOR).post(f"{NIGHTOWL}/departments", {"name": " Video  Assist "})
    assert response.status_code == 201
    made = response.json()
    assert (made["name"], made["people"]) == ("Video Assist", 0)
    last = Department.objects.filter(production=world.production).order_by("order").last()
    assert last is not None and last.pk == made["id"]


def test_a_second_department_of_the_same_name_is_refused(api_as: Caller) -> None:
    before = Department.objects.count()
    response = api_as(Role.COORDINATOR).post(f"{NIGHTOWL}/departments", {"name": "grip"})
    assert response.status_code == 422
    assert response.json()["errors"] == {"name": "There is already a Grip department."}
    assert Department.objects.count() == before
