from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.people.models import Contact, Engagement
from prodoffice.people.services import issue_personal_link, revoke_personal_link

pytestmark = pytest.mark.django_db


def _client(world: World, role: Role) -> Client:
    client = Client()
    client.force_login(world.user(role))
    return client


def test_the_crew_list_is_grouped_by_department_and_searchable(world: World) -> None:
    client = _client(world, Role.COORDINATOR)
    page = client.get(reverse("crew_list", args=[world.production.code])).content.decode()
    assert page.index(">Cast<") < page.index(">Grip<")  # call-sheet order, not alphabetical
    assert "Gus Grip" in page and "Ava Lead" in page
    found = client.get(reverse("crew_list", args=[world.production.code]), {"q": "key grip"})
    assert "Gus Grip" in found.content.decode()
    assert "Ava Lead" not in found.content.decode()


def test_htmx_gets_only_the_table_and_a_browser_the_whole_page(world: World) -> None:
    client = _client(world, Role.COORDINATOR)
    url = reverse("crew_list", args=[world.production.code])
    partial = client.get(url, {"kind": "cast"}, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in partial
    assert "Ava Lead" in partial and "Gus Grip" not in partial
    assert "<html" in client.get(url).content.decode()


def test_rates_show_for_the_accountant_and_not_for_the_coordinator(world: World) -> None:
    url = reverse("crew_list", args=[world.production.code])
    assert "650.00" in _client(world, Role.ACCOUNTANT).get(url).content.decode()
    coordinator_page = _client(world, Role.COORDINATOR).get(url).content.decode()
    assert "650.00" not in coordinator_page
    assert ">Rate<" not in coordinator_page
    detail = reverse("person_detail", args=[world.production.code, world.crew_member.pk])
    assert "650.00" not in _client(world, Role.COORDINATOR).get(detail).content.decode()


def test_cast_phone_numbers_stay_with_the_office(world: World) -> None:
    url = reverse("crew_list", args=[world.production.code])
    assert "(310) 555-0199" in _client(world, Role.COORDINATOR).get(url).content.decode()
    page = _client(world, Role.DEPARTMENT_HEAD).get(url).content.decode()
    assert "(310) 555-0199" not in page
    assert "through the production office" in page


def test_the_crew_list_costs_the_same_queries_for_5_or_50_people(
    world: World, django_assert_max_num_queries: object
) -> None:
    client = _client(world, Role.COORDINATOR)
    url = reverse("crew_list", args=[world.production.code])
    client.get(url)  # warm the session

    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = count()
    grip = world.department("Grip")
    for n in range(45):
        contact = Contact.objects.create(production=world.production, first_name=f"Extra{n}")
        Engagement.objects.create(
            production=world.production, contact=contact, department=grip, position="Grip"
        )
    assert count() == few


def test_a_bad_form_shows_each_error_beside_its_field_and_saves_nothing(world: World) -> None:
    client = _client(world, Role.COORDINATOR)
    before = Engagement.objects.count()
    response = client.post(
        reverse("person_new", args=[world.production.code]),
        {
            "first_name": "Ruth",
            "email": "ruth@",
            "phone": "call me",
            "department": world.department("Electric").pk,
            "position": "Gaffer",
            "cast_number": "1",
            "start_date": "2027-03-10",
            "end_date": "2027-03-01",
            "status": "offered",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter a valid email address" in html
    assert "The end date is before the start date" in html
    assert "Use digits, spaces" in html  # the phone, in the same round
    assert Engagement.objects.count() == before


def test_service_rules_appear_on_the_field_too(world: World) -> None:
    client = _client(world, Role.COORDINATOR)
    response = client.post(
        reverse("person_new", args=[world.production.code]),
        {
            "first_name": "Ruth",
            "phone": "323 555 0147",
            "department": world.department("Cast").pk,
            "position": "Lead",
            "cast_number": "1",
            "status": "offered",
        },
    )
    assert response.status_code == 400
    form = response.context["form"]
    assert "already Ava Lead's" in form.errors["cast_number"][0]


def test_a_good_form_adds_the_person_and_shows_them(world: World) -> None:
    client = _client(world, Role.COORDINATOR)
    response = client.post(
        reverse("person_new", args=[world.production.code]),
        {
            "first_name": "Ruth",
            "last_name": "Calloway",
            "email": "ruth@example.com",
            "department": world.department("Electric").pk,
            "position": "Gaffer",
            "status": "confirmed",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert "Ruth Calloway added to the crew list" in response.content.decode()


def test_a_personal_link_shows_only_that_persons_page(world: World) -> None:
    link = issue_personal_link(
        access=world.access(Role.COORDINATOR), contact=world.crew_member.contact
    )
    response = Client().get(reverse("personal_page", args=[link.token]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Gus Grip" in html and "Key Grip" in html
    assert "Ava Lead" not in html
    assert "650" not in html  # no rates on the personal page
    assert response["Referrer-Policy"] == "same-origin"  # the token stays on this site
    revoke_personal_link(access=world.access(Role.COORDINATOR), link=link)
    gone = Client().get(reverse("personal_page", args=[link.token]))
    assert gone.status_code == 404


def test_the_history_of_a_person_shows_who_changed_what(world: World) -> None:
    client = _client(world, Role.COORDINATOR)
    url = reverse("person_edit", args=[world.production.code, world.crew_member.pk])
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data |= {"position": "Best Boy Grip", "department": world.crew_member.department_id}
    data["union_member"] = "on"
    assert client.post(url, data).status_code == 302
    detail = reverse("person_detail", args=[world.production.code, world.crew_member.pk])
    html = client.get(detail).content.decode()
    assert "Best Boy Grip" in html
    assert "<del>Key Grip</del>" in html


def test_search_ignores_accents_and_case(world: World) -> None:
    from prodoffice.people.services import ContactDetails, EngagementDetails, hire_person

    hire_person(
        access=world.access(Role.COORDINATOR),
        contact=ContactDetails(first_name="Élodie", last_name="Müller"),
        engagement=EngagementDetails(department_id=world.department("Art").pk, position="Painter"),
    )
    client = _client(world, Role.COORDINATOR)
    url = reverse("crew_list", args=[world.production.code])
    for query in ("elodie", "ÉLODIE", "muller", "MÜLLER painter"):
        assert "Élodie Müller" in client.get(url, {"q": query}).content.decode(), query
    assert "Élodie Müller" not in client.get(url, {"q": "muller grip"}).content.decode()


@pytest.mark.parametrize("role", [Role.CREW, Role.PA, Role.DEPARTMENT_HEAD])
def test_search_finds_no_cast_phone_or_email_for_roles_that_may_not_see_them(
    world: World, role: Role
) -> None:
    url = reverse("crew_list", args=[world.production.code])
    client = _client(world, role)
    for query in ("0199", "555-0199", "ava@example", "example.com lead"):
        assert "Ava Lead" not in client.get(url, {"q": query}).content.decode(), query
    assert "Ava Lead" in client.get(url, {"q": "ava"}).content.decode()
    assert "Gus Grip" in client.get(url, {"q": "555-0101"}).content.decode()  # crew phones show


def test_the_office_finds_cast_by_phone_and_email(world: World) -> None:
    url = reverse("crew_list", args=[world.production.code])
    client = _client(world, Role.COORDINATOR)
    for query in ("0199", "ava@example"):
        assert "Ava Lead" in client.get(url, {"q": query}).content.decode(), query
