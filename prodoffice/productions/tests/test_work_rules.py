"""The production's work rules page: workweek, rest, drop gap and the agreements it signed."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse

from prodoffice.core.errors import FieldErrors
from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.domain.rules import load_rule_sets
from prodoffice.people.models import Contact, Engagement
from prodoffice.productions.models import Production
from prodoffice.productions.work_rules import WorkRules, set_work_rules, work_rules_of

pytestmark = pytest.mark.django_db


def _client(world: World, role: Role = Role.COORDINATOR) -> Client:
    client = Client()
    client.force_login(world.user(role))
    return client


def test_a_new_production_signs_every_agreement_and_keeps_the_usual_rest(world: World) -> None:
    rules = work_rules_of(world.access(Role.COORDINATOR), load_rule_sets())
    assert set(rules.signatory_to) == {"sag-aftra", "iatse"}
    assert (rules.cast_rest_hours, rules.crew_rest_hours, rules.workweek_starts) == (12, 10, 6)


def test_the_coordinator_sets_a_monday_week_and_a_non_union_crew(world: World) -> None:
    url = reverse("production_work_rules", args=[world.production.code])
    page = _client(world).get(url)
    assert page.status_code == 200
    assert (
        "SAG-AFTRA" in page.content.decode()
        and "Aug 1, 2024 to Jul 31, 2027" in page.content.decode()
    )
    answer = _client(world).post(
        url,
        {
            "workweek_starts": "0",
            "cast_rest_hours": "12",
            "crew_rest_hours": "9",
            "drop_minimum_days": "10",
            "signatory_to": ["sag-aftra"],
        },
    )
    assert answer.status_code == 302
    world.production.refresh_from_db()
    assert world.production.workweek_starts == 0
    assert world.production.crew_rest_hours == 9
    assert world.production.not_signatory_to == ["iatse"]
    shown = _client(world).get(url).content.decode()
    assert re.search(r'value="sag-aftra"[^>]*checked', shown)
    assert not re.search(r'value="iatse"[^>]*checked', shown)


def test_impossible_work_rules_are_refused_and_nothing_changes(world: World) -> None:
    with pytest.raises(FieldErrors) as refused:
        set_work_rules(
            access=world.access(Role.COORDINATOR),
            rules=WorkRules(
                workweek_starts=7,
                cast_rest_hours=0,
                crew_rest_hours=10,
                drop_minimum_days=10,
                signatory_to=("teamsters",),
            ),
            rule_sets=load_rule_sets(),
        )
    assert set(refused.value.errors) == {"workweek_starts", "cast_rest_hours", "signatory_to"}
    world.production.refresh_from_db()
    assert world.production.cast_rest_hours == 12 and world.production.not_signatory_to == []
    url = reverse("production_work_rules", args=[world.production.code])
    answer = _client(world).post(url, {"workweek_starts": "0", "cast_rest_hours": "30"})
    assert answer.status_code == 400


def test_only_the_producer_and_coordinator_change_work_rules(world: World) -> None:
    url = reverse("production_work_rules", args=[world.production.code])
    assert _client(world, Role.CREW).get(url).status_code == 403


@pytest.mark.django_db(transaction=True)
def test_a_production_not_signatory_to_iatse_stays_so_after_the_upgrade() -> None:
    before = [("productions", "0005_signatory")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("productions", "Production")
    old.objects.create(code="OLDSIGN", title="Old", kind="feature", not_signatory_to=["IATSE"])
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert Production.objects.get(code="OLDSIGN").not_signatory_to == ["iatse"]


def _hire(world: World, name: str, union: str, *, cast_number: int | None = None) -> None:
    first, last = name.split()
    contact = Contact.objects.create(production=world.production, first_name=first, last_name=last)
    Engagement.objects.create(
        production=world.production,
        contact=contact,
        department=world.department("Cast" if cast_number else "Production"),
        cast_number=cast_number,
        union_member=True,
        union_name=union,
        status="confirmed",
    )


def test_the_page_says_when_the_shoot_falls_outside_an_agreements_term(world: World) -> None:
    # The world shoots Mar 1 to Apr 9, 2027: inside the IATSE term, after SAG-AFTRA's.
    _hire(world, "Sam Star", "SAG-AFTRA", cast_number=2)
    _hire(world, "Una Upm", "DGA")
    page = _client(world).get(reverse("production_work_rules", args=[world.production.code]))
    text = page.content.decode()
    assert "The shoot runs Mar 1, 2027 to Apr 9, 2027." in text
    assert (
        "1 person:</strong> The SAG-AFTRA TV/Theatrical Agreement loaded runs Nov 9, 2023 to "
        "Jun 30, 2026; of the shoot, Mar 1, 2027 to Apr 9, 2027, all of it falls outside it."
    ) in text
    assert "1 person:</strong> Not costed: DGA members work under the DGA Basic Agreement" in text
    assert "IATSE Basic Agreement loaded runs" not in text  # the grip's is in force throughout


def test_a_shoot_within_every_term_has_nothing_to_say(world: World) -> None:
    production = world.production
    production.shoot_start, production.shoot_end = date(2025, 3, 3), date(2025, 4, 11)
    production.save()
    _hire(world, "Sam Star", "SAG-AFTRA", cast_number=2)
    page = _client(world).get(reverse("production_work_rules", args=[production.code]))
    assert "Everyone on the crew list works under an agreement loaded" in page.content.decode()
