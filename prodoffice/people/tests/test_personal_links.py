"""Personal links: stored as a hash (and sealed for re-sending), a clear answer when one no
longer works, and guessing them from one address refused for a while."""

from __future__ import annotations

import hashlib

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import F
from django.test import Client
from django.urls import reverse

from prodoffice.core.models import FailedAttempts
from prodoffice.core.tests.personas import World
from prodoffice.core.throttle import WINDOW
from prodoffice.domain.access import Role
from prodoffice.people.models import Contact, PersonalLink
from prodoffice.people.services import issue_personal_link, revoke_personal_link
from prodoffice.productions.models import Production

ASK_THE_OFFICE = "Ask the production office for a new link."


def _stored_row(link: PersonalLink) -> str:
    """Everything the database holds for the link, as text."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {PersonalLink._meta.db_table} WHERE id = %s", [link.pk])
        return repr(cursor.fetchone())


@pytest.mark.django_db
def test_the_database_holds_a_personal_links_hash_never_its_token(world: World) -> None:
    link = issue_personal_link(
        access=world.access(Role.COORDINATOR), contact=world.crew_member.contact
    )
    token = link.token
    assert len(token) >= 40
    row = _stored_row(link)
    assert token not in row
    assert hashlib.sha256(token.encode()).hexdigest() in row
    page = Client().get(reverse("personal_page", args=[token]))
    assert page.status_code == 200
    assert "Gus Grip" in page.content.decode()
    # The office still has the link to send again (it is sealed with FERNET_KEY).
    assert PersonalLink.objects.get(pk=link.pk).token == token


@pytest.mark.django_db
def test_a_revoked_or_wrong_link_says_to_ask_the_production_office_for_a_new_one(
    world: World,
) -> None:
    access = world.access(Role.COORDINATOR)
    link = issue_personal_link(access=access, contact=world.crew_member.contact)
    token = link.token
    revoke_personal_link(access=access, link=link)
    for url in [
        reverse("personal_page", args=[token]),
        reverse("personal_calendar", args=[token]),
        reverse("personal_page", args=["mistyped" + token[8:]]),
    ]:
        response = Client().get(url)
        html = response.content.decode()
        assert response.status_code == 404
        assert ASK_THE_OFFICE in html
        assert "There is nothing here" not in html


@pytest.mark.django_db
def test_guessing_links_from_one_address_is_refused_for_a_while(world: World) -> None:
    link = issue_personal_link(
        access=world.access(Role.COORDINATOR), contact=world.crew_member.contact
    )
    guesser = Client(REMOTE_ADDR="203.0.113.50")
    for n in range(20):
        assert guesser.get(reverse("personal_page", args=[f"guess{n}"])).status_code == 404
    refused = guesser.get(reverse("personal_page", args=[link.token]))
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 800
    html = refused.content.decode()
    assert "Too many personal links that do not work from your address" in html
    assert "Try again in 15 minutes" in html
    # The person, from their own phone, is not affected.
    their_phone = Client(REMOTE_ADDR="198.51.100.50")
    assert their_phone.get(reverse("personal_page", args=[link.token])).status_code == 200
    FailedAttempts.objects.update(window_start=F("window_start") - WINDOW)
    assert guesser.get(reverse("personal_page", args=[link.token])).status_code == 200


@pytest.mark.django_db(transaction=True)
def test_links_sent_before_tokens_were_hashed_keep_working() -> None:
    before = [("people", "0003_search_contact_details_apart")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    # Only the links' table is as it was; the production and person are made as today.
    production = Production.objects.create(code="OLDLINK", title="Old Link", kind="feature")
    contact = Contact.objects.create(production=production, first_name="Lou", last_name="Linked")
    token = "sent-by-mail-before-the-upgrade-0123456789ab"
    old_link = executor.loader.project_state(before).apps.get_model("people", "PersonalLink")
    old_link.objects.create(contact_id=contact.pk, token=token)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert token not in _stored_row(PersonalLink.objects.get())
    page = Client().get(reverse("personal_page", args=[token]))
    assert page.status_code == 200
    assert "Lou Linked" in page.content.decode()
