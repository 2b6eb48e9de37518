"""The crew list through the API: who sees rates, contacts and paperwork; hiring and edits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django import DjangoAssertNumQueries

from prodoffice.api.tests.caller import ApiCaller
from prodoffice.core.tests.personas import World, make_world
from prodoffice.domain.access import Role
from prodoffice.people.api import CrewQuery
from prodoffice.people.filters import CrewFilter
from prodoffice.people.models import Contact, Engagement

pytestmark = pytest.mark.django_db

Caller = Callable[[Role | str], ApiCaller]
CREW = "/productions/NIGHTOWL/crew"


def _new_person(world: World, **changes: object) -> dict[str, object]:
    person: dict[str, object] = {
        "first_name": "Ellie",
        "last_name": "Sparks",
        "email": "ellie@example.com",
        "phone": "323 555 0144",
        "department": world.department("Electric").pk,
        "position": "Gaffer",
        "rate": "700.00",
        "start_date": "2027-03-01",
        "end_date": "2027-04-09",
    }
    return person | changes


def _rows() -> tuple[int, int]:
    return Contact.objects.count(), Engagement.objects.count()


def _hire_extras(world: World, how_many: int) -> None:
    grip = world.department("Grip")
    for n in range(how_many):
        contact = Contact.objects.create(production=world.production, first_name=f"Extra{n}")
        Engagement.objects.create(
            production=world.production, contact=contact, department=grip, position="Grip"
        )


def test_a_coordinator_hires_a_person_and_the_answer_shows_no_rate(
    world: World, api_as: Caller
) -> None:
    response = api_as(Role.COORDINATOR).post(CREW, _new_person(world))
    assert response.status_code == 201
    person = response.json()
    assert person["name"] == "Ellie Sparks"
    assert person["phone"] == "(323) 555-0144"
    assert person["department_name"] == "Electric"
    assert person["rate"] is None and person["rate_unit"] is None
    assert Engagement.objects.get(pk=person["id"]).rate is None  # not theirs to set either


def test_a_producer_hires_at_a_rate_and_sees_it(world: World, api_as: Caller) -> None:
    person = api_as(Role.PRODUCER).post(CREW, _new_person(world, rate_unit="week")).json()
    assert (person["rate"], person["rate_unit"]) == ("700.00", "week")
    assert Engagement.objects.get(pk=person["id"]).rate == Decimal("700.00")


def test_a_producer_sets_a_ten_hour_day_and_the_coordinator_sees_no_guarantee(
    world: World, api_as: Caller
) -> None:
    path = f"{CREW}/{world.crew_member.pk}"
    set_by_producer = api_as(Role.PRODUCER).patch(path, {"guaranteed_hours": "10"}).json()
    assert Decimal(set_by_producer["guaranteed_hours"]) == 10
    assert api_as(Role.COORDINATOR).get(path).json()["guaranteed_hours"] is None
    api_as(Role.COORDINATOR).patch(path, {"guaranteed_hours": "12", "position": "Key Grip"})
    assert Engagement.objects.get(pk=world.crew_member.pk).guaranteed_hours == Decimal(10)


def test_a_guarantee_of_no_hours_is_refused_beside_its_field(world: World, api_as: Caller) -> None:
    path = f"{CREW}/{world.crew_member.pk}"
    response = api_as(Role.PRODUCER).patch(path, {"guaranteed_hours": "0"})
    assert response.status_code == 422
    assert "guaranteed_hours" in response.json()["errors"]
    assert Engagement.objects.get(pk=world.crew_member.pk).guaranteed_hours is None


def test_the_accountant_sees_rates_and_the_coordinator_does_not(api_as: Caller) -> None:
    by_accountant = {p["name"]: p for p in api_as(Role.ACCOUNTANT).get(CREW).json()}
    assert by_accountant["Gus Grip"]["rate"] == "650.00"
    assert by_accountant["Gus Grip"]["rate_unit"] == "day"
    by_coordinator = {p["name"]: p for p in api_as(Role.COORDINATOR).get(CREW).json()}
    assert by_coordinator["Gus Grip"]["rate"] is None
    assert "650" not in api_as(Role.COORDINATOR).get(CREW).content.decode()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"email": "ellie-at-example"}, "email"),
        ({"start_date": "2027-04-09", "end_date": "2027-03-01"}, "end_date"),
        ({"cast_number": 1, "character": "TWIN"}, "cast_number"),
        ({"department": 999_999}, "department"),
        ({"phone": "call the office"}, "phone"),
        ({"status": "hired"}, "status"),
    ],
)
def test_a_refused_hire_names_the_field_and_saves_nothing(
    world: World, api_as: Caller, changes: dict[str, object], field: str
) -> None:
    before = _rows()
    response = api_as(Role.COORDINATOR).post(CREW, _new_person(world, **changes))
    assert response.status_code == 422
    body = response.json()
    assert body["detail"]
    assert field in body["errors"], body
    assert _rows() == before


def test_a_duplicate_cast_number_names_who_holds_it(world: World, api_as: Caller) -> None:
    response = api_as(Role.COORDINATOR).post(CREW, _new_person(world, cast_number=1))
    assert response.json()["errors"]["cast_number"] == "Cast number 1 is already Ava Lead's."


def test_crew_see_a_cast_members_contact_details_as_null(world: World, api_as: Caller) -> None:
    by_crew = {p["name"]: p for p in api_as(Role.CREW).get(CREW).json()}
    assert by_crew["Ava Lead"]["email"] is None and by_crew["Ava Lead"]["phone"] is None
    assert by_crew["Gus Grip"]["email"] == "gus@example.com"
    lead = api_as(Role.COORDINATOR).get(f"{CREW}/{world.cast_member.pk}").json()
    assert lead["email"] == "ava@example.com"
    assert "ava@example.com" not in api_as(Role.CREW).get(CREW).content.decode()


def test_paperwork_dates_are_null_for_roles_that_may_not_see_them(
    world: World, api_as: Caller
) -> None:
    Engagement.objects.filter(pk=world.crew_member.pk).update(deal_memo_received=date(2027, 2, 1))
    path = f"{CREW}/{world.crew_member.pk}"
    office = api_as(Role.ASSISTANT_COORDINATOR).get(path).json()
    assert office["deal_memo_received"] == "2027-02-01"
    assert "deal memo" not in office["paperwork_missing"]
    crew = api_as(Role.DEPARTMENT_HEAD).get(path).json()
    assert crew["deal_memo_received"] is None and crew["paperwork_missing"] is None


def test_the_crew_list_filters_and_sorts_like_the_page(world: World, api_as: Caller) -> None:
    coordinator = api_as(Role.COORDINATOR)
    assert [p["name"] for p in coordinator.get(CREW, {"kind": "cast"}).json()] == ["Ava Lead"]
    assert [p["name"] for p in coordinator.get(CREW, {"q": "key grip"}).json()] == ["Gus Grip"]
    grip = world.department("Grip").pk
    assert [p["name"] for p in coordinator.get(CREW, {"department": grip}).json()] == ["Gus Grip"]
    by_name = coordinator.get(CREW, {"sort": "name"}).json()
    assert [p["name"] for p in by_name] == ["Gus Grip", "Ava Lead"]  # Grip before Lead


def test_searching_a_cast_phone_or_email_finds_nothing_for_crew(
    world: World, api_as: Caller
) -> None:
    crew = api_as(Role.CREW)
    for query in ("0199", "ava@example"):
        assert crew.get(CREW, {"q": query}).json() == [], query
        assert [p["name"] for p in api_as(Role.COORDINATOR).get(CREW, {"q": query}).json()] == [
            "Ava Lead"
        ]
    assert [p["name"] for p in crew.get(CREW, {"q": "maya"}).json()] == ["Ava Lead"]


def test_unknown_filter_values_are_ignored_as_the_page_ignores_them(api_as: Caller) -> None:
    odd = {"status": "sacked", "kind": "aliens", "sort": "salary", "union": "maybe"}
    assert len(api_as(Role.COORDINATOR).get(CREW, odd).json()) == 2


def test_the_query_parameters_are_exactly_the_crew_filter_fields() -> None:
    assert list(CrewQuery.model_fields) == [f.name for f in fields(CrewFilter)]


def test_a_patch_changes_only_the_fields_it_names(world: World, api_as: Caller) -> None:
    path = f"{CREW}/{world.crew_member.pk}"
    response = api_as(Role.COORDINATOR).patch(path, {"position": "Best Boy Grip", "phone": ""})
    assert response.status_code == 200
    grip = Engagement.objects.select_related("contact").get(pk=world.crew_member.pk)
    assert (grip.position, grip.contact.phone) == ("Best Boy Grip", "")
    assert grip.contact.email == "gus@example.com"
    assert grip.union_name == "IATSE Local 80"
    assert grip.rate == Decimal("650.00")  # kept, though the coordinator cannot see it


def test_a_patch_moves_a_person_to_another_department(world: World, api_as: Caller) -> None:
    electric = world.department("Electric")
    path = f"{CREW}/{world.crew_member.pk}"
    moved = api_as(Role.COORDINATOR).patch(path, {"department": electric.pk}).json()
    assert (moved["department"], moved["department_name"]) == (electric.pk, "Electric")


def test_a_refused_patch_names_the_field_and_changes_nothing(world: World, api_as: Caller) -> None:
    path = f"{CREW}/{world.crew_member.pk}"
    response = api_as(Role.COORDINATOR).patch(
        path, {"position": "Gaffer", "end_date": "1999-01-01", "start_date": "2000-01-01"}
    )
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"end_date"}
    assert Engagement.objects.get(pk=world.crew_member.pk).position == "Key Grip"


def test_delete_takes_a_person_off_the_crew_list_but_keeps_the_contact(
    world: World, api_as: Caller
) -> None:
    response = api_as(Role.COORDINATOR).delete(f"{CREW}/{world.crew_member.pk}")
    assert response.status_code == 204
    assert not Engagement.objects.filter(pk=world.crew_member.pk).exists()
    assert Contact.objects.filter(pk=world.crew_member.contact_id).exists()
    assert api_as(Role.COORDINATOR).get(f"{CREW}/{world.crew_member.pk}").status_code == 404


def test_a_person_on_another_production_is_not_found(world: World, api_as: Caller) -> None:
    other = make_world("DAYHAWK")
    path = f"{CREW}/{other.crew_member.pk}"
    assert api_as(Role.COORDINATOR).get(path).status_code == 404
    assert api_as(Role.COORDINATOR).patch(path, {"position": "Gaffer"}).status_code == 404
    assert api_as(Role.COORDINATOR).delete(path).status_code == 404


def test_the_crew_list_costs_the_same_queries_for_5_people_as_for_25(
    world: World, api_as: Caller, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    accountant = api_as(Role.ACCOUNTANT)  # sees every column: rates, paperwork, contacts
    accountant.get(CREW)  # the first call with a token notes when it was used
    _hire_extras(world, 3)
    with CaptureQueriesContext(connection) as five:
        assert len(accountant.get(CREW).json()) == 5
    _hire_extras(world, 20)
    with django_assert_num_queries(len(five)):
        assert len(accountant.get(CREW).json()) == 25
    assert len(five) == 4  # wrong tokens from this address, the token, the membership, the crew


def test_a_body_that_does_not_fit_the_schema_names_the_field_like_a_broken_rule(
    world: World, api_as: Caller
) -> None:
    before = _rows()
    body = _new_person(world)
    del body["position"]
    body["cast_number"] = "seven"
    response = api_as(Role.COORDINATOR).post(CREW, body)
    assert response.status_code == 422
    answer = response.json()
    assert answer["detail"] == "Nothing was saved; correct these fields."
    assert set(answer["errors"]) == {"position", "cast_number"}
    assert _rows() == before
