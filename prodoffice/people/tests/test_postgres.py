"""Behaviour that only PostgreSQL shows: real concurrent writers on separate connections.

SQLite takes a write lock when a transaction begins (transaction_mode IMMEDIATE), so there
two coordinators' saves simply queue; on PostgreSQL they overlap and the constraint decides.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections, transaction

from prodoffice.core.errors import RuleBroken
from prodoffice.core.tests.personas import World, make_world
from prodoffice.domain.access import Role
from prodoffice.people.models import Engagement
from prodoffice.people.services import ContactDetails, EngagementDetails, hire_person


@pytest.fixture
def postgres_world(transactional_db: None) -> World:
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL-only: run with DATABASE_URL=postgres://... (CI's second pass)")
    return make_world()


def _cast(world: World, first: str) -> tuple[ContactDetails, EngagementDetails]:
    details = EngagementDetails(
        department_id=world.department("Cast").pk, position="Actor", cast_number=7, character="X"
    )
    return ContactDetails(first_name=first), details


def test_two_coordinators_giving_out_one_cast_number_at_once_get_a_message_not_a_crash(
    postgres_world: World,
) -> None:
    world = postgres_world
    first_inserted = threading.Event()
    second_started = threading.Event()
    outcome: dict[str, object] = {}

    def first() -> None:
        try:
            with transaction.atomic():
                contact, details = _cast(world, "First")
                hire_person(
                    access=world.access(Role.COORDINATOR), contact=contact, engagement=details
                )
                first_inserted.set()
                # Hold the transaction open until the second writer has passed its check.
                second_started.wait(timeout=10)
                threading.Event().wait(0.5)
            outcome["first"] = "saved"
        finally:
            connections.close_all()

    def second() -> None:
        try:
            first_inserted.wait(timeout=10)
            second_started.set()
            contact, details = _cast(world, "Second")
            hire_person(
                access=world.access(Role.ASSISTANT_COORDINATOR), contact=contact, engagement=details
            )
            outcome["second"] = "saved"
        except RuleBroken as error:
            outcome["second"] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert outcome["first"] == "saved"
    refused = outcome["second"]
    assert isinstance(refused, RuleBroken), refused
    assert refused.field == "cast_number"
    assert "given to someone else a moment ago" in refused.message
    holders = Engagement.objects.filter(production=world.production, cast_number=7)
    assert [e.contact.first_name for e in holders] == ["First"]
    # Nothing of the refused hire was left behind: no orphan contact card either.
    assert not world.production.contacts.filter(first_name="Second").exists()
